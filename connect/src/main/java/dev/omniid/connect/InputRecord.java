package dev.omniid.connect;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record read from an input file by a {@link RecordReader}, before mapping. Immutable.
 *
 * @param row the line of the file where the record starts (the header is line 1 of a CSV file)
 * @param values the trimmed value of each column present, by trimmed column name (no nulls); empty when the
 *     record could not be read at all
 * @param problems what was wrong with the record as read (a wrong field count, broken quoting),
 *     each with the column concerned, never with the value
 * @param readable false when nothing could be read from it (a JSON Lines line that is not JSON)
 */
public record InputRecord(long row, Map<String, String> values, List<RowProblem> problems, boolean readable) {
  /**
   * Checks and copies the components.
   *
   * @param row the line where the record starts
   * @param values the value of each column present, by column name
   * @param problems what was wrong with the record as read
   * @param readable false when nothing could be read from it
   * @throws NullPointerException if a component, a value or a problem is null
   */
  public InputRecord {
    Objects.requireNonNull(values, "values");
    // A reader's row is immutable already (and made only in this package).
    values = values instanceof RowValues ? values : Map.copyOf(values);
    problems = List.copyOf(problems);
  }

  /**
   * Something wrong with a record as read.
   *
   * @param column the column concerned, or empty for the whole row
   * @param reason what is wrong, without the value
   */
  public record RowProblem(String column, String reason) {
    /**
     * Checks the components.
     *
     * @param column the column concerned, or empty for the whole row
     * @param reason what is wrong, without the value
     * @throws NullPointerException if a component is null
     */
    public RowProblem {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
