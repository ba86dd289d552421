package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.connect.InputRecord.RowProblem;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@link CsvReader} promises for any bytes, checked by {@link CsvReaderFuzzTest} and
 * {@link ReaderPropertiesTest}: it throws nothing but {@link OmniIdException} (and only for the
 * header); every non-blank line after the header starts a record or continues a quoted field of
 * the record before it; a record's values are its fields, or a problem says why not; and no
 * message or problem echoes a value.
 */
final class CsvReaderContract {
  /** The reader's problem sentences; {@code \\d+} stands for a count or a column's position. */
  static final List<Pattern> REASONS = Stream.of(
      "has bytes that are not UTF-8 \\(replaced by U\\+FFFD\\)",
      "the header names this column twice: the value of column \\d+ is ignored",
      "has \\d+ fields, the header has \\d+: the missing ones are read as empty",
      "has \\d+ fields, the header has \\d+: the extra ones are ignored",
      "broken quoting: a quote opens the field and is not closed on its line; read without it",
      "broken quoting: text after the closing quote; kept",
      "broken quoting: a quote inside an unquoted field; kept as text")
      .map(Pattern::compile).toList();

  private CsvReaderContract() {}

  /** Reads {@code bytes} as CSV and checks the contract; returns the records (empty if refused). */
  static List<InputRecord> check(byte[] bytes) {
    String text = ReaderFixtures.decode(bytes);
    List<String> lines = ReaderFixtures.lines(text);
    List<InputRecord> records;
    List<String> header;
    try (RecordReader reader = ReaderFixtures.open(bytes, RecordReader.Format.CSV)) {
      header = reader.header();
      records = ReaderFixtures.readAll(reader, lines.size());
    } catch (OmniIdException e) {
      // Only the header can stop the reading: no header row, or one with broken quoting.
      assertTrue(e.getMessage().startsWith("input " + ReaderFixtures.NAME + ": "), e.getMessage());
      Leaks.assertNoEcho(text, e, "csv header");
      return List.of();
    }
    int headerLine = 0;
    while (lines.get(headerLine).isBlank()) {
      headerLine++;
    }
    // Line numbers are 1-based; the header is at headerLine + 1.
    Set<Long> rows = new HashSet<>();
    long previous = headerLine + 1;
    for (InputRecord record : records) {
      assertTrue(record.row() > previous, "rows increase: " + record.row() + " after " + previous);
      assertFalse(lines.get((int) record.row() - 1).isBlank(), "a record starts on a blank line");
      assertTrue(record.readable(), "a CSV record is always readable");
      assertTrue(header.containsAll(record.values().keySet()), "values only under header names");
      rows.add(record.row());
      previous = record.row();
    }
    boolean anyQuote = text.indexOf('"') >= 0;
    long owner = -1;
    for (int i = headerLine + 1; i < lines.size(); i++) {
      long line = i + 1;
      if (rows.contains(line)) {
        owner = line;
        continue;
      }
      if (lines.get(i).isBlank()) {
        continue;
      }
      // A non-blank line that starts no record must continue the quoted field of the record above.
      assertTrue(anyQuote && owner > 0 && lines.get((int) owner - 1).indexOf('"') >= 0,
          "line " + line + " is neither a record nor inside one: dropped");
      assertTrue(line - owner < CsvReader.MAX_RECORD_LINES, "a record spans too many lines");
    }
    for (InputRecord record : records) {
      checkRecord(record, header, lines.get((int) record.row() - 1), anyQuote);
    }
    return records;
  }

  private static void checkRecord(InputRecord record, List<String> header, String firstLine,
      boolean anyQuote) {
    for (RowProblem problem : record.problems()) {
      assertTrue(problem.column().isEmpty() || header.contains(problem.column())
          || problem.column().matches("#\\d+"), "a problem names a column of the header");
      // Every reason is one of the reader's sentences, whose only variable parts are counts: so
      // none carries a value. (Looking for runs of a value in the reason instead took a count for
      // an echo once a fuzzer had put "5 fields" in a value: seed regression-count-in-value.)
      Leaks.assertOneOf(REASONS, problem.reason(), record.row());
    }
    if (firstLine.indexOf('\uFFFD') >= 0) {
      assertFalse(record.problems().isEmpty(), "row " + record.row() + ": bad UTF-8 not reported");
    }
    if (!anyQuote) {
      // Without quotes a record is its line split at commas: every field is kept or reported.
      String[] fields = firstLine.split(",", -1);
      for (int i = 0; i < fields.length && i < header.size(); i++) {
        String field = fields[i].strip();
        String kept = record.values().get(header.get(i));
        if (!field.equals(kept) && !field.isEmpty()) {
          assertFalse(record.problems().isEmpty(), "row " + record.row() + ": column "
              + (i + 1) + " lost without a problem (value " + Leaks.escape(Map.of("v", field).toString()) + ")");
        }
      }
      if (fields.length != header.size()) {
        boolean blankExtras = fields.length > header.size()
            && List.of(fields).subList(header.size(), fields.length).stream().allMatch(String::isBlank);
        assertEquals(!blankExtras, record.problems().stream()
                .anyMatch(p -> p.column().isEmpty() && p.reason().contains("fields, the header has")),
            "row " + record.row() + ": a wrong field count is reported");
      }
    }
  }
}
