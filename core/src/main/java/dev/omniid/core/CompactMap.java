package dev.omniid.core;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * An immutable map in insertion order, for a touchpoint's attributes and payload: keys and values
 * side by side in one array, searched in order when there are few and through an open-addressing
 * index of positions when there are many. A million touchpoints each held an unmodifiable
 * {@code LinkedHashMap} of some seven attributes, about 440 bytes apiece (the map, its table, an
 * entry object per attribute, the wrapper); this holds the same in about 100.
 *
 * <p>A {@link Map} in every respect a reader sees: {@code equals} and {@code hashCode} as
 * {@link Map} defines them (equal to a {@code LinkedHashMap} with the same entries), iteration in
 * the order given, {@code toString} as {@link AbstractMap}'s; every change throws
 * {@link UnsupportedOperationException}. No null key or value (the touchpoint refuses them
 * first).
 */
final class CompactMap<K, V> extends AbstractMap<K, V> {
  /** Up to this many entries a look-up compares keys in order; beyond it the index is built. */
  static final int LINEAR = 8;

  /** Key {@code i} at {@code 2i}, its value at {@code 2i + 1}, in insertion order. */
  private final Object[] entries;
  /**
   * Null for a small map; else a power-of-two table of entry positions plus one (0 is empty),
   * probed linearly from the key's spread hash.
   */
  private final int[] index;
  private Set<Map.Entry<K, V>> entrySet;

  private CompactMap(Object[] entries) {
    this.entries = entries;
    int size = entries.length / 2;
    if (size <= LINEAR) {
      this.index = null;
      return;
    }
    int capacity = Integer.highestOneBit(size * 2 - 1) << 1;
    int[] table = new int[capacity];
    for (int i = 0; i < size; i++) {
      int slot = spread(entries[2 * i].hashCode()) & (capacity - 1);
      while (table[slot] != 0) {
        slot = (slot + 1) & (capacity - 1);
      }
      table[slot] = i + 1;
    }
    this.index = table;
  }

  /**
   * An immutable copy of {@code map}, in its iteration order.
   *
   * @param map the entries, no null key or value
   * @return the copy; {@link Map#of()} when empty
   * @throws NullPointerException if a key or value is null
   */
  static <K, V> Map<K, V> copyOf(Map<? extends K, ? extends V> map) {
    if (map.isEmpty()) {
      return Map.of();
    }
    if (map instanceof CompactMap) {
      @SuppressWarnings("unchecked")
      Map<K, V> same = (Map<K, V>) map;
      return same;
    }
    Object[] entries = new Object[2 * map.size()];
    int i = 0;
    for (Map.Entry<? extends K, ? extends V> e : map.entrySet()) {
      entries[i++] = Objects.requireNonNull(e.getKey(), "key");
      entries[i++] = Objects.requireNonNull(e.getValue(), "value");
    }
    if (i != entries.length) {
      throw new IllegalStateException("the map changed while it was copied");
    }
    return new CompactMap<>(entries);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }

  /** The position of {@code key}'s entry, or -1. */
  private int positionOf(Object key) {
    if (key == null) {
      return -1;
    }
    Object[] e = entries;
    if (index == null) {
      for (int i = 0; i < e.length; i += 2) {
        if (e[i] == key || e[i].equals(key)) {
          return i >> 1;
        }
      }
      return -1;
    }
    int mask = index.length - 1;
    for (int slot = spread(key.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      int at = index[slot];
      if (at == 0) {
        return -1;
      }
      Object k = e[2 * (at - 1)];
      if (k == key || k.equals(key)) {
        return at - 1;
      }
    }
  }

  @Override
  public int size() {
    return entries.length / 2;
  }

  @Override
  public boolean isEmpty() {
    return entries.length == 0;
  }

  @Override
  @SuppressWarnings("unchecked")
  public V get(Object key) {
    int at = positionOf(key);
    return at < 0 ? null : (V) entries[2 * at + 1];
  }

  @Override
  public boolean containsKey(Object key) {
    return positionOf(key) >= 0;
  }

  @Override
  public boolean containsValue(Object value) {
    for (int i = 1; i < entries.length; i += 2) {
      if (entries[i].equals(value)) {
        return true;
      }
    }
    return false;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void forEach(BiConsumer<? super K, ? super V> action) {
    Objects.requireNonNull(action, "action");
    for (int i = 0; i < entries.length; i += 2) {
      action.accept((K) entries[i], (V) entries[i + 1]);
    }
  }

  @Override
  public int hashCode() {
    int h = 0;
    for (int i = 0; i < entries.length; i += 2) {
      h += entries[i].hashCode() ^ entries[i + 1].hashCode();
    }
    return h;
  }

  @Override
  public Set<Map.Entry<K, V>> entrySet() {
    Set<Map.Entry<K, V>> set = entrySet;
    if (set == null) {
      set = new Entries();
      entrySet = set;
    }
    return set;
  }

  /** The entries as a read-only set view, in insertion order. */
  private final class Entries extends AbstractSet<Map.Entry<K, V>> {
    @Override
    public int size() {
      return entries.length / 2;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof Map.Entry<?, ?> e)) {
        return false;
      }
      int at = positionOf(e.getKey());
      return at >= 0 && entries[2 * at + 1].equals(e.getValue());
    }

    @Override
    public Iterator<Map.Entry<K, V>> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < entries.length;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Map.Entry<K, V> next() {
          if (next >= entries.length) {
            throw new NoSuchElementException();
          }
          Map.Entry<K, V> e = new AbstractMap.SimpleImmutableEntry<>((K) entries[next],
              (V) entries[next + 1]);
          next += 2;
          return e;
        }
      };
    }
  }
}
