package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omniid.connect.InputRecord.RowProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What {@link JsonLinesReader} promises for any bytes, checked by {@link JsonLinesReaderFuzzTest}
 * and {@link ReaderPropertiesTest}: no exception; one record per non-blank line, at its line; a
 * line that is not a JSON object is an unreadable record with a problem; every scalar value of an
 * object is kept under its trimmed key or reported; every problem is one of the reader's
 * sentences, so none echoes the line.
 */
final class JsonLinesReaderContract {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The reader's problem sentences; {@code -?\\d+} stands for a column number. */
  static final List<Pattern> REASONS = Stream.of(
      "is not valid JSON \\(column -?\\d+\\): the line is rejected",
      "is not a JSON object: the line is rejected",
      "is a nested (array|object), not a value: ignored",
      "has bytes that are not UTF-8 \\(replaced by U\\+FFFD\\)",
      "appears twice once keys are trimmed: the later value is ignored")
      .map(Pattern::compile).toList();

  private JsonLinesReaderContract() {}

  /** Reads {@code bytes} as JSON Lines and checks the contract; returns the records. */
  static List<InputRecord> check(byte[] bytes) {
    String text = ReaderFixtures.decode(bytes);
    List<String> lines = ReaderFixtures.lines(text);
    List<InputRecord> records;
    try (RecordReader reader = ReaderFixtures.open(bytes, RecordReader.Format.JSONL)) {
      records = ReaderFixtures.readAll(reader, lines.size());
    }
    List<Long> nonBlank = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        nonBlank.add((long) i + 1);
      }
    }
    assertEquals(nonBlank, records.stream().map(InputRecord::row).toList(),
        "one record per non-blank line, none dropped");
    for (InputRecord record : records) {
      String line = lines.get((int) record.row() - 1);
      for (RowProblem problem : record.problems()) {
        // Every reason is one of the reader's sentences, whose only variable part is a column
        // number: so none carries the line (runs of the line looked for in the reason, as the CSV
        // contract once did, take a count for an echo: seed regression-count-in-value there).
        Leaks.assertOneOf(REASONS, problem.reason(), record.row());
      }
      if (!record.readable()) {
        assertTrue(record.values().isEmpty(), "an unreadable record has no values");
        assertFalse(record.problems().isEmpty(), "an unreadable record says why");
        continue;
      }
      checkValues(record, record.row() == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line);
    }
    return records;
  }

  /** Every scalar of the object is kept under its trimmed key, or a problem names the key. */
  private static void checkValues(InputRecord record, String line) {
    JsonNode node;
    try {
      node = MAPPER.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("row " + record.row() + ": read as an object, but is not JSON", e);
    }
    assertTrue(node != null && node.isObject(), "row " + record.row() + ": read, but not an object");
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey().strip();
      JsonNode value = e.getValue();
      boolean reported = record.problems().stream().anyMatch(p -> p.column().equals(key));
      if (value.isNull()) {
        continue;
      }
      if (value.isContainerNode()) {
        assertTrue(reported, "row " + record.row() + ": a nested value ignored without a problem");
        continue;
      }
      String kept = record.values().get(key);
      // A blank value carries nothing: ignoring it (after a non-blank one of the same key) loses nothing.
      assertTrue(value.asText().strip().equals(kept) || reported || value.asText().isBlank(),
          "row " + record.row() + ": a value lost without a problem");
      if (kept != null && kept.indexOf('\uFFFD') >= 0) {
        assertTrue(reported, "row " + record.row() + ": bad UTF-8 not reported");
      }
    }
  }
}
