package dev.omniid.cli;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Opens output files, turning I/O failures into one-line errors that name the file. */
final class Output {
  /** RFC 4180 with CRLF line ends, as the input reader and spreadsheets expect. */
  static final CSVFormat CSV = CSVFormat.RFC4180;

  private Output() {}

  /** A writer for {@code file}; what is named by {@code what} (e.g. "--out") appears in errors. */
  static BufferedWriter writer(Path file, String what) {
    try {
      return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new CliException(what + " " + file + ": cannot write (does its directory exist?)");
    } catch (IOException e) {
      throw new CliException(what + " " + file + ": cannot write (" + e.getClass().getSimpleName() + ")");
    }
  }

  /**
   * A stream that prints to {@code writer}, for the example programs, which print to a
   * {@link PrintStream}: the demo then goes where the command's output goes (a test's writer too).
   * The bytes are passed on at each flush; the stream flushes at each line and when closed.
   */
  static PrintStream stream(PrintWriter writer) {
    OutputStream bytes = new OutputStream() {
      private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

      @Override
      public void write(int b) {
        pending.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        pending.write(b, off, len);
      }

      @Override
      public void flush() {
        // PrintStream encodes whole strings before it flushes, so no character is cut in two.
        writer.write(pending.toString(StandardCharsets.UTF_8));
        pending.reset();
        writer.flush();
      }
    };
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }

  /** A CSV printer with a header row. */
  static CSVPrinter csv(Path file, String what, String... header) {
    try {
      return new CSVPrinter(writer(file, what), CSV.builder().setHeader(header).get());
    } catch (IOException e) {
      throw failed(file, what, e);
    }
  }

  static CliException failed(Path file, String what, IOException e) {
    return new CliException(what + " " + file + ": write failed (" + e.getClass().getSimpleName() + ")");
  }
}
