package dev.omniid.cli;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.FilterWriter;
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

/**
 * Opens output files, turning I/O failures into one-line errors that name the file. The file
 * {@value #STANDARD} is the command's standard output (or input), so that commands compose in a
 * pipe.
 */
final class Output {
  /**
   * RFC 4180 quoting, but LF line ends: the commons-csv default (CRLF) leaves a CR before every
   * line end, so {@code grep ',P-8$'} finds nothing and {@code cut} keeps the CR. The input reader,
   * Commons CSV and spreadsheets read either.
   */
  static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

  /** The file name that stands for standard input or output. */
  static final String STANDARD = "-";

  private Output() {}

  /** Whether {@code file} is {@value #STANDARD}: standard input or output rather than a file. */
  static boolean standard(Path file) {
    return file != null && file.toString().equals(STANDARD);
  }

  /**
   * A writer for {@code file}, or onto {@code stdout} for {@value #STANDARD} (closing it flushes
   * {@code stdout} and leaves it open); what is named by {@code what} (e.g. "--out") appears in
   * errors.
   */
  static BufferedWriter writer(Path file, String what, PrintWriter stdout) {
    if (standard(file)) {
      return new BufferedWriter(new FilterWriter(stdout) {
        @Override
        public void close() {
          stdout.flush();
        }
      });
    }
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

  /** A CSV printer with a header row, on {@code file} or, for {@value #STANDARD}, {@code stdout}. */
  static CSVPrinter csv(Path file, String what, PrintWriter stdout, String... header) {
    try {
      return new CSVPrinter(writer(file, what, stdout), CSV.builder().setHeader(header).get());
    } catch (IOException e) {
      throw failed(file, what, e);
    }
  }

  static CliException failed(Path file, String what, IOException e) {
    return new CliException(what + " " + file + ": write failed (" + e.getClass().getSimpleName() + ")");
  }
}
