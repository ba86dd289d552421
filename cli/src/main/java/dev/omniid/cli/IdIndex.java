package dev.omniid.cli;

import java.util.function.IntFunction;

/**
 * Touchpoint id to record position, open-addressed: a read of millions of records indexes every
 * id, and a {@code HashMap<String, Integer>} spends some 55 bytes an entry (a 32-byte node, a
 * 16-byte boxed position, its table slot: 56 MB in the histogram of a 1 M-row run) where this
 * spends 16 to 32 (one {@code long} slot, at most half full). A slot holds the id's hash and the
 * position, no reference: the id at a position is read from the records, and adding an id
 * stores no pointer at a random place of a large old array (a card the collector would scan
 * again). Not thread-safe.
 */
final class IdIndex {
  private static final int ABSENT = -1;

  /** The touchpoint id of the record at a position the index was given. */
  private final IntFunction<String> idAt;
  /** Each slot: the id's hash in the high half, the position + 1 in the low half; 0 is empty. */
  private long[] slots = new long[1 << 10];
  private int size;

  /**
   * An empty index over records whose ids {@code idAt} gives; a position must have its id there
   * from the first look-up after it was put.
   */
  IdIndex(IntFunction<String> idAt) {
    this.idAt = idAt;
  }

  /** The position of {@code id}, or -1 when it has none. */
  int get(String id) {
    int hash = spread(id.hashCode());
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return ABSENT;
      }
      if ((int) (slot >>> 32) == hash && idAt.apply(position(slot)).equals(id)) {
        return position(slot);
      }
    }
  }

  /** Gives {@code id} the position unless it has one; returns the one it had, or -1. */
  int putIfAbsent(String id, int position) {
    return put(id, position, false);
  }

  /** Gives {@code id} the position; returns the one it had, or -1. */
  int put(String id, int position) {
    return put(id, position, true);
  }

  private int put(String id, int position, boolean replace) {
    if (position < 0 || position == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("position " + position);
    }
    if (2 * (size + 1) > slots.length) {
      grow();
    }
    int hash = spread(id.hashCode());
    long entry = (long) hash << 32 | (position + 1L);
    int mask = slots.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        slots[i] = entry;
        size++;
        return ABSENT;
      }
      if ((int) (slot >>> 32) == hash && idAt.apply(position(slot)).equals(id)) {
        if (replace) {
          slots[i] = entry;
        }
        return position(slot);
      }
    }
  }

  int size() {
    return size;
  }

  private static int position(long slot) {
    return (int) slot - 1;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    int mask = slots.length - 1;
    for (long slot : old) {
      if (slot != 0) {
        int i = (int) (slot >>> 32) & mask;
        while (slots[i] != 0) {
          i = (i + 1) & mask;
        }
        slots[i] = slot;
      }
    }
  }

  /** Mixes the high bits in: ids that differ only at their end still spread over the table. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
