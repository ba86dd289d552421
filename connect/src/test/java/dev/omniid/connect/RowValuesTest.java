package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A CSV row's values ({@link RowValues}, an array over the file's column index) must be the map
 * the reader built before: each header name once with its first column's value, columns the row
 * does not reach absent. Random headers with repeated names, rows shorter and longer than the
 * header, empty values; compared as maps both ways, by hash code, key by key and entry by entry.
 */
class RowValuesTest {
  @Test
  void aRowReadsAsTheMapOfItsFirstColumnsByName() {
    String[] pool = {"id", "email", "phone", "name", "city", "a", "b"};
    for (long seed = 0; seed < 200; seed++) {
      Random random = new Random(seed);
      List<String> header = new ArrayList<>();
      int columns = 1 + random.nextInt(8);
      for (int i = 0; i < columns; i++) {
        header.add(pool[random.nextInt(pool.length)]);
      }
      StringBuilder csv = new StringBuilder(String.join(",", header)).append('\n');
      List<List<String>> rows = new ArrayList<>();
      for (int r = 0; r < 20; r++) {
        List<String> fields = new ArrayList<>();
        int n = random.nextInt(4) == 0 ? 1 + random.nextInt(columns + 2) : columns;
        for (int i = 0; i < n; i++) {
          fields.add(random.nextInt(3) == 0 ? "" : "v" + random.nextInt(5));
        }
        if (fields.stream().allMatch(String::isEmpty)) {
          fields.set(0, "x"); // a blank line is no record
        }
        rows.add(fields);
        csv.append(String.join(",", fields)).append('\n');
      }
      List<InputRecord> records;
      try (RecordReader reader = ReaderFixtures.open(
          csv.toString().getBytes(StandardCharsets.UTF_8), RecordReader.Format.CSV)) {
        records = ReaderFixtures.readAll(reader, rows.size() + 1);
      }
      assertEquals(rows.size(), records.size(), "seed " + seed);
      for (int r = 0; r < rows.size(); r++) {
        Map<String, String> expected = new HashMap<>();
        List<String> fields = rows.get(r);
        for (int i = 0; i < fields.size() && i < header.size(); i++) {
          expected.putIfAbsent(header.get(i), fields.get(i));
        }
        Map<String, String> values = records.get(r).values();
        String where = "seed " + seed + ", row " + r;
        assertEquals(expected, values, where);
        assertEquals(values, expected, where);
        assertEquals(expected.hashCode(), values.hashCode(), where);
        assertEquals(expected.size(), values.size(), where);
        assertEquals(expected.entrySet(), values.entrySet(), where);
        for (String name : pool) {
          assertEquals(expected.get(name), values.get(name), where + ", " + name);
          assertEquals(expected.containsKey(name), values.containsKey(name), where + ", " + name);
          assertEquals(expected.getOrDefault(name, "-"), values.getOrDefault(name, "-"), where);
        }
        assertFalse(values.containsKey(42), where);
        assertThrows(UnsupportedOperationException.class, () -> values.put("id", "changed"));
        assertTrue(values.keySet().stream().allMatch(header::contains), where);
      }
    }
  }
}
