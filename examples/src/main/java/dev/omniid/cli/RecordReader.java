package dev.omniid.cli;

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
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the records of an input file one at a time. A malformed record is returned with its
 * problems, never thrown and never skipped; only an unreadable file stops the reading.
 */
interface RecordReader extends Closeable {

  /** The input formats. */
  enum Format {
    CSV, JSONL;

    /** The format a file name implies: {@code .jsonl}/{@code .ndjson} are JSON Lines, anything else CSV. */
    static Format of(Path file) {
      String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
      return name.endsWith(".jsonl") || name.endsWith(".ndjson") ? JSONL : CSV;
    }
  }

  /** The column names known before the first record (the CSV header); empty for JSON Lines. */
  List<String> header();

  /** The next record, or empty at the end of the file. */
  Optional<InputRecord> next();

  /** Bytes read so far, for progress. */
  long position();

  @Override
  void close();

  /** Opens {@code file} in {@code format}; {@code -} is standard input. */
  static RecordReader open(Path file, Format format) {
    InputStream in;
    try {
      if (Output.standard(file)) {
        in = System.in;
      } else if (Files.isDirectory(file)) {
        throw new CliException("input " + file + ": is a directory, not a file");
      } else {
        in = Files.newInputStream(file);
      }
    } catch (NoSuchFileException e) {
      throw new CliException("input " + file + ": file not found");
    } catch (IOException e) {
      throw new CliException("input " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    CountingInputStream counting = new CountingInputStream(in);
    // Bad UTF-8 bytes become U+FFFD and the record that holds them is reported; they never stop a run.
    Reader reader = new InputStreamReader(counting, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
    String name = Output.standard(file) ? "standard input" : file.toString();
    return format == Format.JSONL ? new JsonLinesReader(reader, counting, name)
        : new CsvReader(reader, counting, name);
  }

  /** Counts the bytes read, for the progress bar. */
  final class CountingInputStream extends java.io.FilterInputStream {
    private long count;

    CountingInputStream(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        count += n;
      }
      return n;
    }

    long count() {
      return count;
    }
  }
}
