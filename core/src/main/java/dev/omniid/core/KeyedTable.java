package dev.omniid.core;

import java.util.function.Function;

/**
 * A hash table of graph nodes keyed by a value each node holds (a touchpoint id, a normalized
 * value, a profile id): open addressing with linear probing, the keys' hashes kept beside the slots.
 *
 * <p>Hand-written because it is the resolver's hot path and most of its memory: a
 * {@code HashMap} spends a 32-byte entry object per node and a pointer hop per probe, this spends
 * about 16 bytes per node and compares the stored hash before touching a node. Measured with
 * {@code BatchBenchmark} (retained heap per touchpoint) and {@code ResolveBenchmark}; see
 * docs/DESIGN.md. Not thread-safe: the resolver's lock guards it.
 */
final class KeyedTable<T> {
  private static final int MIN_CAPACITY = 16;

  private final Function<T, ?> keyOf;
  private Object[] slots = new Object[MIN_CAPACITY];
  private int[] hashes = new int[MIN_CAPACITY];
  private int size;

  KeyedTable(Function<T, ?> keyOf) {
    this.keyOf = keyOf;
  }

  int size() {
    return size;
  }

  /** The node with this key, or null. */
  @SuppressWarnings("unchecked")
  T get(Object key) {
    int hash = hash(key);
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Object node = slots[i];
      if (node == null) {
        return null;
      }
      if (hashes[i] == hash && keyOf.apply((T) node).equals(key)) {
        return (T) node;
      }
    }
  }

  /** Adds a node whose key is not in the table yet. */
  void add(T node) {
    if ((size + 1) * 4 > slots.length * 3) {
      grow();
    }
    place(node, hash(keyOf.apply(node)));
    size++;
  }

  /** Removes and returns the node with this key, or returns null. */
  @SuppressWarnings("unchecked")
  T remove(Object key) {
    int hash = hash(key);
    int mask = slots.length - 1;
    int i = hash & mask;
    while (true) {
      Object node = slots[i];
      if (node == null) {
        return null;
      }
      if (hashes[i] == hash && keyOf.apply((T) node).equals(key)) {
        break;
      }
      i = (i + 1) & mask;
    }
    T removed = (T) slots[i];
    // Backward-shift deletion: move later nodes of the probe run into the hole, so lookups never
    // need tombstones. A node may move back to the hole unless its home slot lies after the hole.
    int hole = i;
    for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
      if (movesBack(hashes[j] & mask, hole, j)) {
        slots[hole] = slots[j];
        hashes[hole] = hashes[j];
        hole = j;
      }
    }
    slots[hole] = null;
    hashes[hole] = 0;
    size--;
    return removed;
  }

  /**
   * Backward-shift deletion: whether the entry at {@code at}, whose home slot is {@code home}, may
   * move back into the hole at {@code hole} (the probe run from its home passes the hole). The one
   * rule for this table and {@link BlockTable}.
   */
  static boolean movesBack(int home, int hole, int at) {
    boolean homeAfterHole = hole <= at ? hole < home && home <= at : hole < home || home <= at;
    return !homeAfterHole;
  }

  /** Every node, in table order (no order the caller may rely on). */
  @SuppressWarnings("unchecked")
  void forEach(java.util.function.Consumer<T> action) {
    for (Object node : slots) {
      if (node != null) {
        action.accept((T) node);
      }
    }
  }

  private void place(Object node, int hash) {
    int mask = slots.length - 1;
    int i = hash & mask;
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    slots[i] = node;
    hashes[i] = hash;
  }

  private void grow() {
    Object[] oldSlots = slots;
    int[] oldHashes = hashes;
    slots = new Object[oldSlots.length * 2];
    hashes = new int[oldSlots.length * 2];
    for (int i = 0; i < oldSlots.length; i++) {
      if (oldSlots[i] != null) {
        place(oldSlots[i], oldHashes[i]);
      }
    }
  }

  /** The key's hash (cached by strings), mixed so that similar keys spread over the low bits. */
  private static int hash(Object key) {
    int h = key.hashCode() * 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    return "KeyedTable[" + size + " in " + slots.length + " slots]";
  }
}
