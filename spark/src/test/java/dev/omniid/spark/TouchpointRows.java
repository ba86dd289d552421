package dev.omniid.spark;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Touchpoints as rows and back, exactly (every identifier in order with its type, attributes,
 * payload, channel, event, time): the test's own {@link RecordMapping}.
 */
final class TouchpointRows {
  private static final String ITEM = "\u001E";
  private static final String PAIR = "\u001F";

  static final StructType SCHEMA = new StructType()
      .add("tp_id", DataTypes.StringType)
      .add("channel", DataTypes.StringType)
      .add("event", DataTypes.StringType)
      .add("ts", DataTypes.StringType)
      .add("identifiers", DataTypes.StringType)
      .add("attributes", DataTypes.StringType)
      .add("payload", DataTypes.StringType);

  /** The mapping back: a touchpoint equal to the one the row was made from. */
  static final RecordMapping MAPPING = TouchpointRows::touchpoint;

  private TouchpointRows() {}

  static Dataset<Row> dataset(SparkSession spark, List<Touchpoint> touchpoints) {
    List<Row> rows = new ArrayList<>(touchpoints.size());
    for (Touchpoint t : touchpoints) {
      rows.add(row(t));
    }
    return spark.createDataFrame(rows, SCHEMA);
  }

  static Row row(Touchpoint t) {
    StringBuilder ids = new StringBuilder();
    for (Identifier i : t.identifiers()) {
      ids.append(i.type().name()).append(PAIR).append(i.raw()).append(ITEM);
    }
    StringBuilder attrs = new StringBuilder();
    for (Map.Entry<AttributeKey, String> a : t.attributes().entrySet()) {
      attrs.append(a.getKey().name()).append(PAIR).append(a.getValue()).append(ITEM);
    }
    StringBuilder payload = new StringBuilder();
    for (Map.Entry<String, String> p : t.payload().entrySet()) {
      payload.append(p.getKey()).append(PAIR).append(p.getValue()).append(ITEM);
    }
    return RowFactory.create(t.id(), t.channel().name(), t.eventKind().name(),
        t.timestamp().map(Instant::toString).orElse(null), ids.toString(), attrs.toString(),
        payload.toString());
  }

  static Touchpoint touchpoint(Map<String, String> r) {
    Touchpoint.Builder b = Touchpoint.newBuilder(r.get("tp_id"))
        .channel(Channel.of(r.get("channel"))).eventKind(EventKind.of(r.get("event")));
    if (r.get("ts") != null) {
      b.timestamp(Instant.parse(r.get("ts")));
    }
    for (String[] kv : pairs(r.get("identifiers"))) {
      b.identifier(IdentifierType.of(kv[0]), kv[1]);
    }
    for (String[] kv : pairs(r.get("attributes"))) {
      b.attribute(AttributeKey.of(kv[0]), kv[1]);
    }
    for (String[] kv : pairs(r.get("payload"))) {
      b.payload(kv[0], kv[1]);
    }
    return b.build();
  }

  private static List<String[]> pairs(String s) {
    List<String[]> out = new ArrayList<>();
    if (s == null || s.isEmpty()) {
      return out;
    }
    for (String item : s.split(ITEM, -1)) {
      if (!item.isEmpty()) {
        int at = item.indexOf(PAIR);
        out.add(new String[] {item.substring(0, at), item.substring(at + 1)});
      }
    }
    return out;
  }
}
