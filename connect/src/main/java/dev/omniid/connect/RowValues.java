package dev.omniid.connect;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The values of one CSV row by column name, immutable: an array of values over the header's
 * column index, which every row of a file shares. A row used to be a hash map copied into an
 * immutable one, a fifth of reading a row (JFR of a 1 M-row resolve); {@link InputRecord} keeps a
 * {@code RowValues} as it is, since nothing outside this package can make or change one.
 */
final class RowValues extends AbstractMap<String, String> {
  /** A file's columns: each distinct name once, at the position of its first column. */
  static final class Columns {
    private final Map<String, Integer> slotOf;
    private final String[] names;
    /** The slot of each column of the header, -1 for a name the header repeats. */
    private final int[] slotOfColumn;

    Columns(List<String> header) {
      slotOf = new HashMap<>(header.size() * 2);
      slotOfColumn = new int[header.size()];
      for (int i = 0; i < header.size(); i++) {
        Integer before = slotOf.putIfAbsent(header.get(i), slotOf.size());
        slotOfColumn[i] = before == null ? slotOf.size() - 1 : -1;
      }
      names = new String[slotOf.size()];
      slotOf.forEach((name, slot) -> names[slot] = name);
    }

    /** The slot of the header's column {@code column}, -1 for a repeated name. */
    int slotOfColumn(int column) {
      return slotOfColumn[column];
    }

    /** The slot of the first column named {@code name}, -1 for none. */
    int slotOf(String name) {
      Integer slot = slotOf.get(name);
      return slot == null ? -1 : slot;
    }

    int slots() {
      return names.length;
    }
  }

  private final Columns columns;
  /** By slot; null for a column the row does not reach. */
  private final String[] values;
  private final int size;

  /** Takes {@code values} (by slot), which the caller no longer changes. */
  RowValues(Columns columns, String[] values) {
    this.columns = columns;
    this.values = values;
    int n = 0;
    for (String v : values) {
      if (v != null) {
        n++;
      }
    }
    this.size = n;
  }

  @Override
  public String get(Object key) {
    if (!(key instanceof String name)) {
      return null;
    }
    int slot = columns.slotOf(name);
    return slot < 0 ? null : values[slot];
  }

  @Override
  public boolean containsKey(Object key) {
    return get(key) != null;
  }

  @Override
  public String getOrDefault(Object key, String defaultValue) {
    String v = get(key);
    return v != null ? v : defaultValue;
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public Set<Entry<String, String>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public Iterator<Entry<String, String>> iterator() {
        return new Iterator<>() {
          private int next = advance(0);

          private int advance(int from) {
            int slot = from;
            while (slot < values.length && values[slot] == null) {
              slot++;
            }
            return slot;
          }

          @Override
          public boolean hasNext() {
            return next < values.length;
          }

          @Override
          public Entry<String, String> next() {
            if (next >= values.length) {
              throw new NoSuchElementException();
            }
            Entry<String, String> entry =
                new SimpleImmutableEntry<>(columns.names[next], values[next]);
            next = advance(next + 1);
            return entry;
          }
        };
      }

      @Override
      public int size() {
        return size;
      }
    };
  }
}
