package dev.omniid.connect;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Problem;
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

  /**
   * A problem the resolver found with this record's touchpoint, as a warning of this record: an
   * identifier it refused (an invalid email, a tax id with a wrong check digit) is named by its
   * column and its masked value, an attribute the match model cannot read by its mapping key
   * ({@code fields.postal_code}). The record is not lost: the resolver resolves a touchpoint on
   * the values it can read, so the reason says what was left out.
   *
   * <pre>{@code
   * Resolution r = resolver.resolve(record.touchpoint());
   * r.problems().forEach(p -> report(record.warning(p)));  // row 7, column NIF, B*******4
   * }</pre>
   *
   * @param problem a problem of this record's touchpoint, as {@code Resolution.problems()} or
   *     {@code BatchResult.problems()} gives it
   * @return the warning: this record's row and id, never the raw value
   */
  public Warning warning(Problem problem) {
    Objects.requireNonNull(problem, "problem");
    int index = problem.identifierIndex().orElse(-1);
    if (index >= 0 && index < identifierColumns.size()
        && index < touchpoint.identifiers().size()) {
      return new Warning(row, recordId, identifierColumns.get(index),
          Warning.mask(touchpoint.identifiers().get(index).raw()), problem.detail() + ": ignored",
          false);
    }
    String field = problem.field();
    if (field.startsWith(ATTRIBUTE_FIELD) && field.endsWith("]")) {
      // An attribute the match model's normalizer refuses (a postal code of no shape the region
      // knows): named by its mapping key, as the mapping errors name it, with the value masked.
      String key = field.substring(ATTRIBUTE_FIELD.length(), field.length() - 1);
      String raw = touchpoint.attribute(AttributeKey.of(key)).orElse("");
      return new Warning(row, recordId, "fields." + key, raw.isEmpty() ? "" : Warning.mask(raw),
          problem.detail() + ": not used for matching", false);
    }
    return new Warning(row, recordId, field, "", problem.detail(), false);
  }

  /** How the resolver's problems name an attribute: {@code attributes[postal_code]}. */
  private static final String ATTRIBUTE_FIELD = "attributes[";
}
