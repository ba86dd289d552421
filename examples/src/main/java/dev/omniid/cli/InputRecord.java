package dev.omniid.cli;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One record read from an input file, before mapping.
 *
 * @param row the line of the file where the record starts (the header is line 1 of a CSV file)
 * @param values the trimmed value of each column present, by trimmed column name; empty when the
 *     record could not be read at all
 * @param problems what was wrong with the record as read (a wrong field count, broken quoting),
 *     each with the column concerned, never with the value
 * @param readable false when nothing could be read from it (a JSON Lines line that is not JSON)
 */
record InputRecord(long row, Map<String, String> values, List<RowProblem> problems, boolean readable) {
  InputRecord {
    Objects.requireNonNull(values, "values");
    problems = List.copyOf(problems);
  }

  /**
   * Something wrong with a record as read.
   *
   * @param column the column concerned, or empty for the whole row
   * @param reason what is wrong, without the value
   */
  record RowProblem(String column, String reason) {
    RowProblem {
      Objects.requireNonNull(column, "column");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
