package dev.omniid.core;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The storage of {@link KeyedTable} and {@link BlockTable}: open addressing with linear probing
 * over primitive slots, each a 32-bit hash (which places it) and the position + 1 of its item in a
 * dense array of items (0 is an empty slot). A subclass probes for its own kind of key from
 * {@link #home}; this class adds, removes and grows.
 *
 * <p>Why no references in the slots: an item added to a table of millions would be a reference
 * stored at a random place of a large old array, a dirty card for G1 to scan again (concurrent
 * refinement was an eighth of a 5 M-row run's CPU). Here an item is stored at the end of the
 * dense array (or where a removed one was) and its slot is a {@code long}. A look-up reads as many
 * cache lines as a table of references with its hashes beside it: the slot, the item's place and
 * the item. Not thread-safe: the resolver's lock guards it.
 */
abstract class DenseSlots<T> {
  private static final int MIN_CAPACITY = 16;

  /** Each slot: the hash in the high half, the item's position + 1 in the low half; 0 is empty. */
  long[] slots = new long[MIN_CAPACITY];
  /** The items, added at the end or in the place a removed one left. */
  private Object[] items = new Object[MIN_CAPACITY];
  /** Positions of {@link #items} before {@link #used} that removals left empty. */
  private int[] free = new int[0];
  private int freeCount;
  /** Positions of {@link #items} ever used. */
  private int used;
  private int size;

  final int size() {
    return size;
  }

  /** The first slot a probe for {@code hash} reads; the next is {@code (i + 1) & mask}. */
  final int home(int hash) {
    return hash & (slots.length - 1);
  }

  final int mask() {
    return slots.length - 1;
  }

  /** The hash a non-empty slot holds. */
  static int hashOf(long slot) {
    return (int) (slot >>> 32);
  }

  /** The item of a non-empty slot. */
  @SuppressWarnings("unchecked")
  final T itemOf(long slot) {
    return (T) items[(int) slot - 1];
  }

  /**
   * The item a slot names, for a reader holding no lock while the writer may change the table:
   * the slot may be stale and {@link #items} newer or older than it, so the position is checked
   * against the array as read. Null when it is out of that array. Only for a guess the caller
   * checks, never for an answer it relies on ({@link BlockTable#peek}).
   */
  final Object itemSeen(long slot) {
    Object[] seen = items;
    int at = (int) slot - 1;
    return at >= 0 && at < seen.length ? seen[at] : null;
  }

  /** Adds an item whose key is not in the table yet, under {@code hash}. */
  final void addItem(T item, int hash) {
    if ((size + 1) * 4 > slots.length * 3) {
      grow();
    }
    int position;
    if (freeCount > 0) {
      position = free[--freeCount];
    } else {
      if (used == items.length) {
        items = Arrays.copyOf(items, items.length * 2);
      }
      position = used++;
    }
    items[position] = item;
    place((long) hash << 32 | (position + 1L));
    size++;
  }

  /** Removes the item of slot {@code i} (not empty) and returns it. */
  final T removeSlot(int i) {
    T removed = itemOf(slots[i]);
    int position = (int) slots[i] - 1;
    items[position] = null;
    if (freeCount == free.length) {
      free = Arrays.copyOf(free, Math.max(16, free.length * 2));
    }
    free[freeCount++] = position;
    // Backward-shift deletion: move later slots of the probe run into the hole, so lookups never
    // need tombstones. A slot may move back to the hole unless its home lies after the hole.
    int mask = mask();
    int hole = i;
    for (int j = (i + 1) & mask; slots[j] != 0; j = (j + 1) & mask) {
      if (movesBack(hashOf(slots[j]) & mask, hole, j)) {
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
   * move back into the hole at {@code hole} (the probe run from its home passes the hole).
   */
  static boolean movesBack(int home, int hole, int at) {
    boolean homeAfterHole = hole <= at ? hole < home && home <= at : hole < home || home <= at;
    return !homeAfterHole;
  }

  /** Every item, in slot order (no order a caller may rely on). */
  final void forEachItem(Consumer<T> action) {
    for (long slot : slots) {
      if (slot != 0) {
        action.accept(itemOf(slot));
      }
    }
  }

  private void place(long slot) {
    int mask = mask();
    int i = hashOf(slot) & mask;
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
}
