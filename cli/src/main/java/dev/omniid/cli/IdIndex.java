package dev.omniid.cli;

import java.util.Arrays;

/**
 * Touchpoint id to record position, open-addressed: a read of millions of records indexes every
 * id, and a {@code HashMap<String, Integer>} spends some 55 bytes an entry (a 32-byte node, a
 * 16-byte boxed position, its table slot: 56 MB in the histogram of a 1 M-row run) where this
 * spends 16 to 32 (a key and an int slot, at most half full). Keys are the records' own id
 * strings. Not thread-safe.
 */
final class IdIndex {
  private static final int ABSENT = -1;

  private String[] keys = new String[1 << 10];
  private int[] positions = new int[1 << 10];
  private int size;

  /** The position of {@code id}, or -1 when it has none. */
  int get(String id) {
    int mask = keys.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        return ABSENT;
      }
      if (key.equals(id)) {
        return positions[slot];
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
    if (position < 0) {
      throw new IllegalArgumentException("position " + position);
    }
    if (2 * (size + 1) > keys.length) {
      grow();
    }
    int mask = keys.length - 1;
    for (int slot = spread(id.hashCode()) & mask; ; slot = (slot + 1) & mask) {
      String key = keys[slot];
      if (key == null) {
        keys[slot] = id;
        positions[slot] = position;
        size++;
        return ABSENT;
      }
      if (key.equals(id)) {
        int had = positions[slot];
        if (replace) {
          positions[slot] = position;
        }
        return had;
      }
    }
  }

  int size() {
    return size;
  }

  private void grow() {
    String[] oldKeys = keys;
    int[] oldPositions = positions;
    keys = new String[oldKeys.length * 2];
    positions = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        int slot = spread(oldKeys[i].hashCode()) & mask;
        while (keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        keys[slot] = oldKeys[i];
        positions[slot] = oldPositions[i];
      }
    }
    Arrays.fill(oldKeys, null);
  }

  /** Mixes the high bits in: ids that differ only at their end still spread over the table. */
  private static int spread(int h) {
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
