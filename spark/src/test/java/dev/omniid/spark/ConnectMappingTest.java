package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.connect.InputRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.RecordReader;
import dev.omniid.connect.TouchpointMapper;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedDataWriter;
import dev.omniid.datagen.OmniChannelGenerator;
import dev.omniid.matching.OmniId;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A customer file read on Spark with the {@code omniid} tool's mapping gives the partition the
 * tool's reading gives: the file read by connect's {@link RecordReader}, mapped by
 * {@link TouchpointMapper} and resolved by {@code resolveAll} with the resolver the mapping
 * configures, compared pair by pair.
 */
class ConnectMappingTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTests.session();
  }

  /**
   * A generated file ({@link GeneratedDataWriter}: households, kiosks, typos, shared mailboxes)
   * with its {@code mapping.json}, a few identifiers given policies of their own so that the
   * resolver's configuration from the mapping decides some links.
   */
  @Test
  void generatedFileWithItsMappingFile(@TempDir Path dir) throws IOException {
    long rows = GeneratedDataWriter.write(OmniChannelGenerator.newBuilder().people(700).seed(15)
        .build(), dir);
    assertTrue(rows >= 3_000, "a few thousand touchpoints: " + rows);
    String json = Files.readString(dir.resolve("mapping.json"))
        .replace("\"national_id\": \"national_id\"",
            "\"national_id\": {\"column\": \"national_id\", \"personal\": true}")
        .replace("\"loyalty_id\": \"loyalty_id\"",
            "\"loyalty_id\": {\"column\": \"loyalty_id\", \"normalize\": false}")
        .replace("\"device_id\": \"device_id\"",
            "\"device_id\": {\"column\": \"device_id\", \"limit\": 2}");
    Mapping mapping = Mapping.parse(json, "mapping.json");
    assertEquals(1, mapping.personalTypes().size(), json);
    assertEquals(1, mapping.typesComparedAsWritten().size(), json);
    Path csv = dir.resolve("touchpoints.csv");

    boolean monthFirst = ResolveSettings.Builder.monthFirstDates(mapping, null, false);
    List<Touchpoint> touchpoints = readAsTheCliDoes(csv, mapping, monthFirst);
    IdentityResolver configured = mapping.configure(OmniId.resolverBuilder().defaultRegion(
        ResolveSettings.Builder.region(mapping, null)).toResolverBuilder()).build();
    configured.resolveAll(touchpoints);
    Map<String, String> expected = Partitions.of(configured);
    // The mapping's policies matter on this file: without them the partition differs.
    IdentityResolver plain = OmniId.resolverBuilder().defaultRegion("ES").build();
    plain.resolveAll(touchpoints);
    assertNotEquals(plain.profileCount(), configured.profileCount(),
        "the mapping's identifier policies change the partition");

    Dataset<Row> records = spark.read().option("header", "true").option("escape", "\"")
        .option("multiLine", "true").csv(csv.toString());
    Dataset<Row> result = OmniIdSpark.resolve(records, RecordMapping.of(mapping, monthFirst),
        ResolveSettings.newBuilder().mapping(mapping, null, Double.NaN, false).build());
    Map<String, String> actual = Partitions.of(result);
    result.unpersist();
    Partitions.assertSamePairs(expected, actual);
    assertEquals(configured.profileCount(), actual.values().stream().distinct().count());
  }

  /** Shopify's customer export read by the {@code shopify-customers} preset. */
  @Test
  void shopifyCustomersByPreset() throws IOException, URISyntaxException {
    Path csv = Path.of(ConnectMappingTest.class
        .getResource("/dev/omniid/connect/presets/shopify-customers.csv").toURI());
    Mapping preset = Mapping.preset("shopify-customers");
    boolean monthFirst = ResolveSettings.Builder.monthFirstDates(preset, null, false);
    List<Touchpoint> touchpoints = readAsTheCliDoes(csv, preset, monthFirst);
    IdentityResolver resolver = preset.configure(OmniId.resolverBuilder().defaultRegion(
        ResolveSettings.Builder.region(preset, null)).toResolverBuilder()).build();
    resolver.resolveAll(touchpoints);
    Map<String, String> expected = Partitions.of(resolver);
    assertTrue(expected.values().stream().distinct().count() < expected.size(),
        "the sample holds a duplicate customer: " + expected);

    Dataset<Row> records = spark.read().option("header", "true").option("escape", "\"")
        .csv(csv.toString());
    Dataset<Row> result = OmniIdSpark.resolve(records, RecordMapping.of(preset, monthFirst),
        ResolveSettings.newBuilder().mapping(preset, null, Double.NaN, false).build());
    Map<String, String> actual = Partitions.of(result);
    result.unpersist();
    Partitions.assertSamePairs(expected, actual);
  }

  /** The mapping travels as its JSON text; a blank id is refused (rejected), not made up. */
  @Test
  void serializableAndRefusesABlankId() throws IOException, ClassNotFoundException {
    Mapping mapping = Mapping.parse(GeneratedDataWriter.mappingJson(), "mapping.json");
    RecordMapping shipped = roundTrip(RecordMapping.of(mapping, false));
    Map<String, String> record = new HashMap<>();
    record.put("record_id", " r-1 ");
    record.put("email", "Ana.Lopez@Correo-Test.es");
    record.put("phone", null);
    Touchpoint t = shipped.map(record);
    assertEquals("r-1", t.id());
    assertEquals(1, t.identifiers().size());
    record.put("record_id", " ");
    assertThrows(IllegalArgumentException.class, () -> shipped.map(record));
  }

  /** As the tool reads a file: readable records through the mapper, first of each id kept. */
  private static List<Touchpoint> readAsTheCliDoes(Path csv, Mapping mapping, boolean monthFirst) {
    TouchpointMapper mapper = TouchpointMapper.of(mapping, monthFirst
        ? TouchpointMapper.DateOrder.MONTH_FIRST : TouchpointMapper.DateOrder.DAY_FIRST);
    List<Touchpoint> out = new ArrayList<>();
    try (RecordReader reader = RecordReader.open(csv, RecordReader.Format.CSV)) {
      Optional<InputRecord> next;
      while ((next = reader.next()).isPresent()) {
        assertTrue(next.get().readable(), "row " + next.get().row());
        out.add(mapper.map(next.get()).touchpoint());
      }
    }
    return out;
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
