package dev.omniid.spark;

import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.TouchpointMapper;
import dev.omniid.core.Touchpoint;
import java.io.Serial;
import java.util.Map;
import java.util.Objects;

/**
 * A {@link RecordMapping} by the CLI's JSON mapping: it ships the {@link Mapping} (serialized as
 * its JSON text) and builds its {@link TouchpointMapper} once per deserialized copy, on first use
 * on each executor (the mapper is not serializable and costs a parse of the mapping).
 */
final class ConnectMapping implements RecordMapping {
  @Serial
  private static final long serialVersionUID = 1L;

  /** The row number given to the mapper: a record has none on Spark, and a blank id is refused. */
  private static final long NO_ROW = 0;

  private final Mapping mapping;
  private final TouchpointMapper.DateOrder order;
  /** Built lazily: a task's copy of this mapping maps all of its records with one mapper. */
  private transient volatile TouchpointMapper mapper;

  ConnectMapping(Mapping mapping, TouchpointMapper.DateOrder order) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.order = Objects.requireNonNull(order, "order");
  }

  @Override
  public Touchpoint map(Map<String, String> record) {
    TouchpointMapper m = mapper;
    if (m == null) {
      m = TouchpointMapper.of(mapping, order);
      mapper = m;
    }
    String id = record.get(mapping.idColumn());
    if (id == null || id.isBlank()) {
      // The CLI names such a record after its row (row-N); rows have no number here, and one
      // made-up id for all of them would collide: the record is refused (counted as rejected).
      throw new IllegalArgumentException("the record's id column is blank");
    }
    MappedRecord mapped = m.map(NO_ROW, record);
    return mapped.touchpoint();
  }

  Mapping mapping() {
    return mapping;
  }
}
