package dev.omniid.connect;

import dev.omniid.connect.InputRecord.RowProblem;
import java.io.BufferedReader;
import dev.omniid.core.OmniIdException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tolerant RFC 4180 reader: header row, comma separator, {@code "} quoting with {@code ""} as an
 * escaped quote, quoted fields spanning lines, any line ending, a UTF-8 BOM; names and values
 * trimmed (so {@code a, "b"} reads like {@code a,"b"}).
 *
 * <p>Why not Commons CSV, which the CLI uses to write its files: on a quote that is never closed
 * it reads the rest of the file into one field, and after it throws, its parser cannot resume at
 * the next record. A customer export with one stray quote in row 40 must still give every other
 * row. So this reader works line by line: a quoted field may continue on the following lines only
 * while that gives a record with the header's field count, closed within {@value #MAX_RECORD_LINES}
 * lines; otherwise the record is read from its first line alone, the unclosed quote is taken as
 * text, the problem is reported with the row and column, and reading goes on at the next line.
 * Other deviations (text after a closing quote, a quote inside an unquoted field, a wrong field
 * count, bad UTF-8) are reported the same way and the record is kept. Not thread-safe.
 */
final class CsvReader implements RecordReader {
  /** The most lines one record may span before an open quote is judged broken. */
  static final int MAX_RECORD_LINES = 100;

  private final BufferedReader in;
  private final CountingInputStream counting;
  private final String name;
  private final Deque<String> pushedBack = new ArrayDeque<>();
  private final List<String> header;
  private final RowValues.Columns columns;
  private long linesRead;

  CsvReader(Reader reader, CountingInputStream counting, String name) {
    this.in = new BufferedReader(reader, 1 << 16);
    this.counting = counting;
    this.name = name;
    this.header = readHeader();
    this.columns = new RowValues.Columns(header);
  }

  private List<String> readHeader() {
    String line = readLine();
    while (line != null && line.isBlank()) {
      line = readLine();
    }
    if (line == null) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "input " + name,
          "empty file, expected a header row");
    }
    if (line.startsWith("\uFEFF")) {
      line = line.substring(1);
    }
    Parse parse = parse(line, false, List.of());
    if (!parse.problems.isEmpty()) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "input " + name,
          "the header row (line " + linesRead + ") " + parse.problems.get(0).reason());
    }
    List<String> names = new ArrayList<>(parse.fields.size());
    for (String field : parse.fields) {
      names.add(field.strip());
    }
    return List.copyOf(names);
  }

  @Override
  public List<String> header() {
    return header;
  }

  @Override
  public long position() {
    return counting.count();
  }

  @Override
  public Optional<InputRecord> next() {
    String line = readLine();
    while (line != null && line.isBlank()) {
      line = readLine();
    }
    if (line == null) {
      return Optional.empty();
    }
    long row = linesRead;
    Parse parse = parse(line, true, header);
    if (parse.broken) {
      // Give back the lines the open quote swallowed and read the record from its own line.
      for (int i = parse.continuation.size() - 1; i >= 0; i--) {
        pushedBack.push(parse.continuation.get(i));
      }
      linesRead -= parse.continuation.size();
      parse = parse(line, false, header);
    }
    return Optional.of(record(row, parse));
  }

  private InputRecord record(long row, Parse parse) {
    List<RowProblem> problems = new ArrayList<>(parse.problems);
    List<String> fields = parse.fields;
    String[] values = new String[columns.slots()];
    for (int i = 0; i < fields.size() && i < header.size(); i++) {
      String value = fields.get(i).strip();
      if (value.indexOf('\uFFFD') >= 0) {
        problems.add(new RowProblem(header.get(i), "has bytes that are not UTF-8 (replaced by U+FFFD)"));
      }
      int slot = columns.slotOfColumn(i);
      String first = slot >= 0 ? null : values[columns.slotOf(header.get(i))];
      if (slot >= 0) {
        values[slot] = value;
      } else if (first != null && !first.equals(value) && !value.isEmpty()) {
        problems.add(new RowProblem(header.get(i),
            "the header names this column twice: the value of column " + (i + 1) + " is ignored"));
      }
    }
    if (fields.size() < header.size()) {
      problems.add(new RowProblem("", "has " + fields.size() + " fields, the header has "
          + header.size() + ": the missing ones are read as empty"));
    } else if (fields.size() > header.size()
        && fields.subList(header.size(), fields.size()).stream().anyMatch(f -> !f.isBlank())) {
      // Blank extra fields (a trailing comma) carry nothing and are not worth a warning.
      problems.add(new RowProblem("", "has " + fields.size() + " fields, the header has "
          + header.size() + ": the extra ones are ignored"));
    }
    return new InputRecord(row, new RowValues(columns, values), problems, true);
  }

  /** The result of parsing one record. */
  private static final class Parse {
    final List<String> fields = new ArrayList<>();
    final List<RowProblem> problems = new ArrayList<>(0);
    final List<String> continuation = new ArrayList<>(0);
    boolean broken;
  }

  /**
   * Parses the record that starts with {@code first}. With {@code multiLine}, an open quote at the
   * end of a line continues on the next; the parse is {@code broken} when that does not end well.
   * Without it, an open quote at the end of the line is taken as text.
   */
  private Parse parse(String first, boolean multiLine, List<String> columns) {
    Parse p = new Parse();
    String line = first;
    int i = 0;
    while (true) {
      int start = i;
      while (start < line.length() && (line.charAt(start) == ' ' || line.charAt(start) == '\t')) {
        start++;
      }
      int index = p.fields.size();
      if (start < line.length() && line.charAt(start) == '"') {
        StringBuilder value = new StringBuilder();
        int j = start + 1;
        boolean closed = false;
        while (!closed) {
          if (j >= line.length()) {
            if (!multiLine) {
              break;
            }
            String more = p.continuation.size() + 1 < MAX_RECORD_LINES ? readLine() : null;
            if (more == null) {
              p.broken = true;
              return p;
            }
            p.continuation.add(more);
            value.append('\n');
            line = more;
            j = 0;
            continue;
          }
          char c = line.charAt(j);
          if (c == '"') {
            if (j + 1 < line.length() && line.charAt(j + 1) == '"') {
              value.append('"');
              j += 2;
            } else {
              closed = true;
              j++;
            }
          } else {
            value.append(c);
            j++;
          }
        }
        if (!closed) {
          // Single-line mode and the quote never closes: read the field as text, without it.
          int end = next(line, start + 1);
          p.fields.add(line.substring(start + 1, end));
          p.problems.add(new RowProblem(column(columns, index),
              "broken quoting: a quote opens the field and is not closed on its line; read without it"));
          i = end;
        } else {
          int k = j;
          while (k < line.length() && (line.charAt(k) == ' ' || line.charAt(k) == '\t')) {
            k++;
          }
          if (k < line.length() && line.charAt(k) != ',') {
            int end = next(line, k);
            value.append(line, j, end);
            p.problems.add(new RowProblem(column(columns, index),
                "broken quoting: text after the closing quote; kept"));
            k = end;
          }
          p.fields.add(value.toString());
          i = k;
        }
      } else {
        int end = next(line, i);
        String value = line.substring(i, end);
        if (value.indexOf('"') >= 0) {
          p.problems.add(new RowProblem(column(columns, index),
              "broken quoting: a quote inside an unquoted field; kept as text"));
        }
        p.fields.add(value);
        i = end;
      }
      if (i >= line.length()) {
        break;
      }
      i++; // the comma
      if (i == line.length()) {
        p.fields.add("");
        break;
      }
    }
    if (multiLine && !p.continuation.isEmpty() && p.fields.size() != columns.size()) {
      p.broken = true;
    }
    return p;
  }

  private static int next(String line, int from) {
    int comma = line.indexOf(',', from);
    return comma < 0 ? line.length() : comma;
  }

  private static String column(List<String> columns, int index) {
    return index < columns.size() ? columns.get(index) : "#" + (index + 1);
  }

  private String readLine() {
    String line;
    if (!pushedBack.isEmpty()) {
      line = pushedBack.pop();
    } else {
      try {
        line = in.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException("input " + name + ": cannot read after line " + linesRead
            + " (" + e.getClass().getSimpleName() + ")", e);
      }
    }
    if (line != null) {
      linesRead++;
    }
    return line;
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
