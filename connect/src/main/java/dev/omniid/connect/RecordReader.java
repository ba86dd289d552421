package dev.omniid.connect;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import dev.omniid.core.OmniIdException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the records of a CSV or JSON Lines file one at a time, each as an {@link InputRecord} of
 * column → value that {@link TouchpointMapper#map(InputRecord)} maps. A malformed record is
 * returned with its problems, never thrown and never skipped; only an unreadable file stops the
 * reading.
 *
 * <p>CSV: RFC 4180 with a header row, comma separator, {@code "} quoting; tolerant of broken
 * quoting (a stray quote costs one record's problem, not the rest of the file), bad UTF-8 (read as
 * U+FFFD and reported) and a UTF-8 BOM. JSON Lines: one JSON object per line, its keys as column
 * names; a line that is not a JSON object is returned {@linkplain InputRecord#readable()
 * unreadable}. Problems name the row and column and never quote the value.
 *
 * <pre>{@code
 * TouchpointMapper mapper = TouchpointMapper.of(Mapping.preset("shopify-customers"));
 * try (RecordReader reader = RecordReader.open(file, RecordReader.Format.of(file))) {
 *   reader.records().forEach(record -> {
 *     if (record.readable()) {
 *       MappedRecord mapped = mapper.map(record);   // its touchpoint and warnings
 *     } else {
 *       record.problems();                          // why the line was lost
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one reader is read by one thread.
 */
public sealed interface RecordReader extends Closeable permits CsvReader, JsonLinesReader {

  /** The input formats. */
  enum Format {
    /** Comma-separated values with a header row. */
    CSV,
    /** JSON Lines (also called NDJSON): one JSON object per line. */
    JSONL;

    /**
     * The format a file name implies.
     *
     * @param file the file
     * @return {@link #JSONL} for a name ending in {@code .jsonl} or {@code .ndjson} (any case),
     *     otherwise {@link #CSV}
     */
    public static Format of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : CSV;
    }
  }

  /**
   * The column names known before the first record.
   *
   * @return the CSV header, trimmed; empty for JSON Lines, whose keys may differ from line to line
   */
  List<String> header();

  /**
   * Reads the next record.
   *
   * @return the next record, or empty at the end of the file
   * @throws UncheckedIOException if the file cannot be read further; the message names the file
   *     and the last line read
   */
  Optional<InputRecord> next();

  /**
   * The records not yet read, as a sequential stream that reads them as it goes. Closing the stream
   * does not close the reader.
   *
   * @return the remaining records, in file order
   */
  default Stream<InputRecord> records() {
    Iterator<InputRecord> it = new Iterator<>() {
      private Optional<InputRecord> next;

      @Override
      public boolean hasNext() {
        if (next == null) {
          next = RecordReader.this.next();
        }
        return next.isPresent();
      }

      @Override
      public InputRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        InputRecord r = next.get();
        next = null;
        return r;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it,
        Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  /**
   * The bytes read so far from the underlying stream, for progress.
   *
   * @return the count, {@code >= 0}; ahead of the records returned by up to a buffer
   */
  long position();

  /** Closes the file or stream; a failure to close is ignored (nothing was written). */
  @Override
  void close();

  /**
   * Opens a file.
   *
   * @param file the file, UTF-8
   * @param format its format, e.g. {@link Format#of(Path)}
   * @return a reader positioned before the first record (after the header of a CSV file)
   * @throws UncheckedIOException if the file cannot be opened; the message is
   *     {@code input FILE: file not found} or similar
   * @throws OmniIdException ({@link OmniIdException.Reason#INVALID_VALUE}) if a CSV file is empty or
   *     its header row is broken; the field is {@code input FILE}
   */
  static RecordReader open(Path file, Format format) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(format, "format");
    InputStream in;
    try {
      if (Files.isDirectory(file)) {
        throw new UncheckedIOException("input " + file + ": is a directory, not a file",
            new IOException("a directory"));
      }
      in = Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("input " + file + ": file not found", e);
    } catch (IOException e) {
      throw new UncheckedIOException("input " + file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
    return wrap(in, file.toString(), format);
  }

  /**
   * Reads a stream, e.g. standard input. Closing the reader closes the stream.
   *
   * @param in the records, UTF-8
   * @param name the name messages use for the input
   * @param format its format
   * @return a reader positioned before the first record (after the header of a CSV file)
   * @throws OmniIdException if a CSV input is empty or its header row is broken
   */
  static RecordReader open(InputStream in, String name, Format format) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(format, "format");
    return wrap(in, name, format);
  }

  private static RecordReader wrap(InputStream in, String name, Format format) {
    CountingInputStream counting = new CountingInputStream(in);
    // Bad UTF-8 bytes become U+FFFD and the record that holds them is reported; they never stop a run.
    Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    try {
      return format == Format.JSONL ? new JsonLinesReader(reader, counting, name)
          : new CsvReader(reader, counting, name);
    } catch (RuntimeException e) {
      // An empty file or a broken header: the caller never gets the reader to close.
      try {
        reader.close();
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
  }
}
