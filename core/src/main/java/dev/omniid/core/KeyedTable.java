package dev.omniid.core;

import java.util.function.Function;

/**
 * A hash table of graph nodes keyed by a value each node holds (a touchpoint id, a normalized
 * value, a profile id): the key's hash and the node's position in primitive slots, the nodes in
 * a dense array ({@link DenseSlots}, which says why no slot holds a reference).
 *
 * <p>Hand-written because it is the resolver's hot path and most of its memory: a
 * {@code HashMap} spends a 32-byte entry object per node and a pointer hop per probe, this spends
 * about 20 bytes per node and compares the stored hash before touching a node. Measured with
 * {@code BatchBenchmark} (retained heap per touchpoint) and {@code ResolveBenchmark}; see
 * docs/DESIGN.md. Not thread-safe: the resolver's lock guards it.
 */
final class KeyedTable<T> extends DenseSlots<T> {
  private final Function<T, ?> keyOf;

  KeyedTable(Function<T, ?> keyOf) {
    this.keyOf = keyOf;
  }

  /** The node with this key, or null. */
  T get(Object key) {
    int at = slotOf(key);
    return at < 0 ? null : itemOf(slots[at]);
  }

  /** Adds a node whose key is not in the table yet. */
  void add(T node) {
    addItem(node, hash(keyOf.apply(node)));
  }

  /** Removes and returns the node with this key, or returns null. */
  T remove(Object key) {
    int at = slotOf(key);
    return at < 0 ? null : removeSlot(at);
  }

  /** Every node, in slot order (no order the caller may rely on). */
  void forEach(java.util.function.Consumer<T> action) {
    forEachItem(action);
  }

  /** The slot of the node with this key, or -1. */
  private int slotOf(Object key) {
    int hash = hash(key);
    int mask = mask();
    for (int i = home(hash); ; i = (i + 1) & mask) {
      long slot = slots[i];
      if (slot == 0) {
        return -1;
      }
      if (hashOf(slot) == hash && keyOf.apply(itemOf(slot)).equals(key)) {
        return i;
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
    return "KeyedTable[" + size() + " in " + slots.length + " slots]";
  }
}
