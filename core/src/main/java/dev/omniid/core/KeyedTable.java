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
  /** Whether the keys' hash codes are numbers handed out in order: see {@link #forNumberedKeys}. */
  private final boolean numbered;

  KeyedTable(Function<T, ?> keyOf) {
    this(keyOf, false);
  }

  private KeyedTable(Function<T, ?> keyOf, boolean numbered) {
    this.keyOf = keyOf;
    this.numbered = numbered;
  }

  /**
   * A table of keys whose hash codes are consecutive numbers handed out in order (profile ids):
   * eight consecutive numbers take eight consecutive slots, one cache line of them, and only the
   * run of eight is placed at random. Adding the next number then writes the line the one before
   * it was written to, still in the cache, where a scattered slot was a cache miss on every new
   * profile (7 % of a deterministic resolve at 1 M, in JFR). Look-ups behave as in any table:
   * a run is one probe sequence of linear probing.
   */
  static <T> KeyedTable<T> forNumberedKeys(Function<T, ?> keyOf) {
    return new KeyedTable<>(keyOf, true);
  }

  /** The node with this key, or null. */
  T get(Object key) {
    int at = slotOf(key);
    return at < 0 ? null : itemOf(slots[at]);
  }

  /**
   * {@link #get} of {@code count} keys, key {@code i} in {@code tables[i]}, into {@code out}: the
   * same answers, with the memory reads of the probes interleaved. A look-up in a table of millions
   * is a chain of cache misses (slot, node, key); one probe after the other waits for each miss in
   * turn, while reading the first slot of every probe, then every node, then every key lets the
   * processor wait for the misses of a level together. After the first slots arrive, each probe
   * walks its run to the first slot with its key's hash, or to an empty slot (an absent key, settled
   * there): the run is mostly in the cache line just read. Only an equal hash of another key leaves
   * a probe to {@link #get}. Walking the run here, instead of leaving to {@code get} every probe
   * whose first slot held another key (a key placed past its home, or an absent key beside a
   * present one: half of them at the tables' load), took the node, key and key's bytes of those
   * probes out of a chain of misses waited for one by one (the fallback was a quarter of a
   * deterministic resolve at 1 M, in JFR). {@code scratch} holds at least {@code count} slots.
   */
  static <T> void getAll(KeyedTable<T>[] tables, Object[] keys, int count, Object[] out,
      long[] scratch) {
    for (int i = 0; i < count; i++) {
      KeyedTable<T> table = tables[i];
      scratch[i] = table.slots[table.home(table.hash(keys[i]))];
    }
    for (int i = 0; i < count; i++) {
      KeyedTable<T> table = tables[i];
      int hash = table.hash(keys[i]);
      long slot = scratch[i];
      if (slot != 0 && hashOf(slot) != hash) {
        long[] slots = table.slots;
        int mask = table.mask();
        int at = table.home(hash);
        do {
          at = (at + 1) & mask;
          slot = slots[at];
        } while (slot != 0 && hashOf(slot) != hash);
        scratch[i] = slot;
      }
      out[i] = slot != 0 ? table.itemOf(slot) : null;
    }
    for (int i = 0; i < count; i++) {
      Object found = out[i];
      if (found != null) {
        // Read each node's key, and the key's cached hash, before any is compared in full. After
        // the slot's hash matched the hashes are equal (the mixing is one to one); comparing them
        // is what keeps the read of the key.
        Object key = tables[i].keyOf.apply(tables[i].cast(found));
        out[i] = key.hashCode() == keys[i].hashCode() ? key : null;
      }
    }
    for (int i = 0; i < count; i++) {
      KeyedTable<T> table = tables[i];
      long slot = scratch[i];
      if (slot == 0) {
        out[i] = null;
      } else if (out[i] != null && out[i].equals(keys[i])) {
        out[i] = table.itemOf(slot);
      } else {
        out[i] = table.get(keys[i]);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private T cast(Object item) {
    return (T) item;
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

  /**
   * The key's hash (cached by strings), mixed so that similar keys spread over the low bits; for
   * numbered keys, the run of eight mixed and the place in the run kept as the lowest bits.
   */
  private int hash(Object key) {
    int h = key.hashCode();
    if (numbered) {
      int run = (h >>> 3) * 0x9E3779B9;
      return (run ^ (run >>> 16)) << 3 | (h & 7);
    }
    h *= 0x9E3779B9;
    return h ^ (h >>> 16);
  }

  @Override
  public String toString() {
    return "KeyedTable[" + size() + " in " + slots.length + " slots]";
  }
}
