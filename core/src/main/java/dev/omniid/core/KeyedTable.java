package dev.omniid.core;

import java.util.function.Function;

/**
 * A hash table of graph nodes keyed by a value each node holds (a touchpoint id, a normalized
 * value, a profile id): open addressing with linear probing over primitive slots, each the key's
 * hash and the position of its node in a dense array of nodes.
 *
 * <p>Hand-written because it is the resolver's hot path and most of its memory: a
 * {@code HashMap} spends a 32-byte entry object per node and a pointer hop per probe, this spends
 * about 20 bytes per node and compares the stored hash before touching a node. The slots hold no
 * references: a node added to a large table is one store at the end of the node array, where a
 * table of references took a store into a random place of an old array, a card the collector had
 * to scan again (concurrent refinement was an eighth of a 5 M-row run's CPU). A lookup reads one
 * slot (hash and position together), the node's place in the array and the node, as many cache
 * lines as a table of references with its hashes beside it. Measured with {@code BatchBenchmark}
 * (retained heap per touchpoint) and {@code ResolveBenchmark}; see docs/DESIGN.md. Not
 * thread-safe: the resolver's lock guards it.
 */
final class KeyedTable<T> {
  private static final int MIN_CAPACITY = 16;

  private final Function<T, ?> keyOf;
  /** Each slot: the hash in the high half, the node's position + 1 in the low half; 0 is empty. */
  private long[] slots = new long[MIN_CAPACITY];
  /** The nodes, added at the end or in the place a removed one left. */
  private Object[] nodes = new Object[MIN_CAPACITY];
  /** Positions of {@link #nodes} before {@link #used} that removals left empty. */
  private int[] free = new int[0];
  private int freeCount;
  /** Positions of {@link #nodes} ever used. */
  private int used;
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
      long slot = slots[i];
      if (slot == 0) {
        return null;
      }
      if ((int) (slot >>> 32) == hash) {
        T node = (T) nodes[position(slot)];
        if (keyOf.apply(node).equals(key)) {
          return node;
        }
      }
    }
  }

  /** Adds a node whose key is not in the table yet. */
  void add(T node) {
    if ((size + 1) * 4 > slots.length * 3) {
      grow();
    }
    int position;
    if (freeCount > 0) {
      position = free[--freeCount];
    } else {
      if (used == nodes.length) {
        nodes = java.util.Arrays.copyOf(nodes, nodes.length * 2);
      }
      position = used++;
    }
    nodes[position] = node;
    place(slot(hash(keyOf.apply(node)), position));
    size++;
  }

  /** Removes and returns the node with this key, or returns null. */
  @SuppressWarnings("unchecked")
  T remove(Object key) {
    int hash = hash(key);
    int mask = slots.length - 1;
    int i = hash & mask;
    T removed;
    while (true) {
      long slot = slots[i];
      if (slot == 0) {
        return null;
      }
      if ((int) (slot >>> 32) == hash) {
        removed = (T) nodes[position(slot)];
        if (keyOf.apply(removed).equals(key)) {
          break;
        }
      }
      i = (i + 1) & mask;
    }
    int position = position(slots[i]);
    nodes[position] = null;
    if (freeCount == free.length) {
      free = java.util.Arrays.copyOf(free, Math.max(16, free.length * 2));
    }
    free[freeCount++] = position;
    // Backward-shift deletion: move later slots of the probe run into the hole, so lookups never
    // need tombstones. A slot may move back to the hole unless its home lies after the hole.
    int hole = i;
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      if (movesBack((int) (slots[j] >>> 32) & mask, hole, j)) {
        slots[hole] = slots[j];
        hole = j;
      }
    }
    slots[hole] = 0;
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

  /** Every node, in slot order (no order the caller may rely on). */
  @SuppressWarnings("unchecked")
  void forEach(java.util.function.Consumer<T> action) {
    for (long slot : slots) {
      if (slot != 0) {
        action.accept((T) nodes[position(slot)]);
      }
    }
  }

  private static long slot(int hash, int position) {
    return (long) hash << 32 | (position + 1L);
  }

  private static int position(long slot) {
    return (int) slot - 1;
  }

  private void place(long slot) {
    int mask = slots.length - 1;
    int i = (int) (slot >>> 32) & mask;
    while (slots[i] != 0) {
      i = (i + 1) & mask;
    }
    slots[i] = slot;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    for (long slot : old) {
      if (slot != 0) {
        place(slot);
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
