package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.connect.InputRecord.RowProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@link CsvReader} promises for any bytes, checked by {@link CsvReaderFuzzTest} and
 * {@link ReaderPropertiesTest}: it throws nothing but {@link OmniIdException} (and only for the
 * header); every non-blank line after the header starts a record or continues a quoted field of
 * the record before it; a record's values are its fields, or a problem says why not; and no
 * message or problem echoes a value.
 */
final class CsvReaderContract {
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
    List<String> values = new ArrayList<>(record.values().values());
    for (RowProblem problem : record.problems()) {
      assertTrue(problem.column().isEmpty() || header.contains(problem.column())
          || problem.column().matches("#\\d+"), "a problem names a column of the header");
      for (String value : values) {
        Leaks.echo(value, problem.reason()).ifPresent(w -> {
          throw new AssertionError("row " + record.row() + ": a problem echoes a value");
        });
      }
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
