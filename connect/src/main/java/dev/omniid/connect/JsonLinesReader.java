package dev.omniid.connect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omniid.connect.InputRecord.RowProblem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads JSON Lines: one JSON object per line, keys as column names (trimmed), strings, numbers and
 * booleans as values. A line that is not a JSON object is returned unreadable with its problem;
 * nested values are reported and ignored. Problems never quote the line: the parser's own messages
 * may hold the customer's data, so only the position is kept. Not thread-safe.
 */
final class JsonLinesReader implements RecordReader {
  private final BufferedReader in;
  private final CountingInputStream counting;
  private final String name;
  private final ObjectMapper mapper = new ObjectMapper();
  private long linesRead;

  JsonLinesReader(Reader reader, CountingInputStream counting, String name) {
    this.in = new BufferedReader(reader, 1 << 16);
    this.counting = counting;
    this.name = name;
  }

  @Override
  public List<String> header() {
    return List.of();
  }

  @Override
  public long position() {
    return counting.count();
  }

  @Override
  public Optional<InputRecord> next() {
    String line;
    do {
      try {
        line = in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException("input " + name + ": cannot read after line " + linesRead
            + " (" + e.getClass().getSimpleName() + ")", e);
      }
      if (line == null) {
        return Optional.empty();
      }
      linesRead++;
    } while (line.isBlank());
    if (linesRead == 1 && line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    JsonNode node;
    try {
      node = mapper.readTree(line);
    } catch (JsonProcessingException e) {
      return Optional.of(unreadable("is not valid JSON (column "
          + e.getLocation().getColumnNr() + "): the line is rejected"));
    }
    if (node == null || !node.isObject()) {
      return Optional.of(unreadable("is not a JSON object: the line is rejected"));
    }
    Map<String, String> values = new HashMap<>();
    List<RowProblem> problems = new ArrayList<>(0);
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey().strip();
      JsonNode value = e.getValue();
      if (value.isNull()) {
        continue;
      }
      if (value.isContainerNode()) {
        problems.add(new RowProblem(key, "is a nested " + (value.isArray() ? "array" : "object")
            + ", not a value: ignored"));
        continue;
      }
      String text = value.asText().strip();
      if (text.indexOf('\uFFFD') >= 0) {
        problems.add(new RowProblem(key, "has bytes that are not UTF-8 (replaced by U+FFFD)"));
      }
      String first = values.putIfAbsent(key, text);
      if (first != null && !first.equals(text) && !text.isEmpty()) {
        problems.add(new RowProblem(key, "appears twice once keys are trimmed: the later value is ignored"));
      }
    }
    return Optional.of(new InputRecord(linesRead, values, problems, true));
  }

  private InputRecord unreadable(String reason) {
    return new InputRecord(linesRead, Map.of(), List.of(new RowProblem("", reason)), false);
  }

  @Override
  public void close() {
    try {
      in.close();
    } catch (IOException e) {
      // nothing was written; a failed close loses nothing
    }
  }
}
