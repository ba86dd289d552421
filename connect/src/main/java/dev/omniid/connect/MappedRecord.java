package dev.omniid.connect;

import dev.omniid.core.Touchpoint;
import java.util.List;
import java.util.Objects;

/**
 * An input record as mapped: where it came from, the touchpoint it became and what was wrong with
 * it. Immutable. Not serializable, as {@link Touchpoint} is not: a distributed job maps its records
 * where they are read (see {@link TouchpointMapper}).
 *
 * @param row the line where the record starts (a CSV file's header is line 1), or the row number
 *     the caller gave {@link TouchpointMapper#map(long, java.util.Map)}
 * @param recordId the record id as in the input, or {@code row-N} when it was blank or not usable
 *     as an id
 * @param touchpoint the touchpoint; its id is {@code recordId}, unless the caller gave it another
 *     (the {@code omniid} tool does, for a record that repeats an earlier record's id with other
 *     content)
 * @param identifierColumns the column each of the touchpoint's identifiers came from, by position
 *     in {@link Touchpoint#identifiers()}
 * @param warnings what was wrong with the record, in the order found: each names its row and column
 *     and never the raw value; the values it left out are not in the touchpoint
 */
public record MappedRecord(long row, String recordId, Touchpoint touchpoint,
    List<String> identifierColumns, List<Warning> warnings) {
  /**
   * Checks and copies the components.
   *
   * @param row the line where the record starts
   * @param recordId the record id
   * @param touchpoint the touchpoint
   * @param identifierColumns the column of each identifier, by position
   * @param warnings what was wrong with the record
   * @throws NullPointerException if a component or an element is null
   */
  public MappedRecord {
    Objects.requireNonNull(recordId, "recordId");
    Objects.requireNonNull(touchpoint, "touchpoint");
    identifierColumns = List.copyOf(identifierColumns);
    warnings = List.copyOf(warnings);
  }
}
