package dev.omniid.connect;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads bytes as {@link RecordReader#open} reads a file (UTF-8, bad bytes replaced), without a
 * file, for the fuzz and property tests of the readers.
 */
final class ReaderFixtures {
  /** The name the readers are given, a fixed part of their messages. */
  static final String NAME = "fuzz-input";

  private ReaderFixtures() {}

  /** The reader of {@code bytes} in {@code format}, decoding as {@link RecordReader#open} does. */
  static RecordReader open(byte[] bytes, RecordReader.Format format) {
    CountingInputStream counting = new CountingInputStream(new ByteArrayInputStream(bytes));
    Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    return format == RecordReader.Format.JSONL ? new JsonLinesReader(reader, counting, NAME)
        : new CsvReader(reader, counting, NAME);
  }

  /** Every record, bounded so that a reader that never ends fails instead of hanging. */
  static List<InputRecord> readAll(RecordReader reader, int maxRecords) {
    List<InputRecord> records = new ArrayList<>();
    Optional<InputRecord> next;
    while ((next = reader.next()).isPresent()) {
      records.add(next.get());
      if (records.size() > maxRecords) {
        throw new AssertionError("more records than lines: " + records.size());
      }
    }
    return records;
  }

  /** The text as the readers decode it. */
  static String decode(byte[] bytes) {
    try (Reader reader = new InputStreamReader(new ByteArrayInputStream(bytes),
        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE))) {
      StringBuilder out = new StringBuilder();
      char[] buffer = new char[4096];
      int n;
      while ((n = reader.read(buffer)) > 0) {
        out.append(buffer, 0, n);
      }
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines as {@link BufferedReader#readLine} splits them (LF, CR or CRLF). */
  static List<String> lines(String text) {
    try (BufferedReader in = new BufferedReader(new StringReader(text))) {
      List<String> lines = new ArrayList<>();
      String line;
      while ((line = in.readLine()) != null) {
        lines.add(line);
      }
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
