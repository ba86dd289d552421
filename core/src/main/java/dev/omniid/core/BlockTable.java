package dev.omniid.core;

import java.util.ArrayList;

/**
 * The blocks of {@link ScoredLinks} by key: open addressing over a key's 64-bit fingerprint, with
 * a second, independent 64-bit fingerprint kept in the block to tell two keys apart.
 *
 * <p>Hand-written because finding a touchpoint's nine blocks in a {@code HashMap} of string keys
 * was a fifth of a fuzzy resolve at 1 M touchpoints (JFR): each look-up read a table slot, an
 * entry, the stored key and its bytes, four places in a large heap, before the block it was for.
 * This reads the fingerprint array and then the block, which is read anyway. Two different keys
 * share a block only if both fingerprints agree, one chance in 2^128 per pair (below 10^-25 for
 * ten million keys); even then they would only be compared, never linked without the model.
 * Not thread-safe: the resolver's write lock guards it.
 */
final class BlockTable {
  private static final int MIN_CAPACITY = 16;

  private long[] hashes = new long[MIN_CAPACITY];
  private Block[] slots = new Block[MIN_CAPACITY];
  private int size;

  /**
   * A block: its members in the order they joined and its key's two fingerprints. The key itself
   * is not kept (a string per block was a twentieth of a fuzzy graph's heap).
   */
  @SuppressWarnings("serial") // never serialized: a node of the resolver's graph
  static final class Block extends ArrayList<TouchpointNode> {
    final long hash;
    final long check;

    private Block(long hash, long check) {
      super(2);
      this.hash = hash;
      this.check = check;
    }

    /** The fingerprints in hexadecimal: a name for the block in tests, equal for equal keys. */
    String name() {
      return String.format("%016x%016x", hash, check);
    }
  }

  int size() {
    return size;
  }

  /** The block of a key with these fingerprints ({@link #hash}, {@link #check}), made when new. */
  Block join(long hash, long check) {
    int mask = slots.length - 1;
    int i = slotOf(hash, mask);
    while (true) {
      Block block = slots[i];
      if (block == null) {
        break;
      }
      if (hashes[i] == hash && block.check == check) {
        return block;
      }
      i = (i + 1) & mask;
    }
    Block made = new Block(hash, check);
    if ((size + 1) * 4 > slots.length * 3) {
      grow();
      place(made);
    } else {
      slots[i] = made;
      hashes[i] = hash;
    }
    size++;
    return made;
  }

  /** Takes an emptied block out of the table. */
  void remove(Block block) {
    int mask = slots.length - 1;
    int i = slotOf(block.hash, mask);
    while (slots[i] != block) {
      if (slots[i] == null) {
        throw new IllegalStateException("block not in the table");
      }
      i = (i + 1) & mask;
    }
    // Backward-shift deletion (as KeyedTable): no tombstones for the probes to step over.
    int hole = i;
    for (int j = (i + 1) & mask; slots[j] != null; j = (j + 1) & mask) {
      if (KeyedTable.movesBack(slotOf(hashes[j], mask), hole, j)) {
        slots[hole] = slots[j];
        hashes[hole] = hashes[j];
        hole = j;
      }
    }
    slots[hole] = null;
    hashes[hole] = 0;
    size--;
  }

  /** Every block, in table order (no order a caller may rely on). */
  void forEach(java.util.function.Consumer<Block> action) {
    for (Block block : slots) {
      if (block != null) {
        action.accept(block);
      }
    }
  }

  private void place(Block block) {
    int mask = slots.length - 1;
    int i = slotOf(block.hash, mask);
    while (slots[i] != null) {
      i = (i + 1) & mask;
    }
    slots[i] = block;
    hashes[i] = block.hash;
  }

  private void grow() {
    Block[] old = slots;
    slots = new Block[old.length * 2];
    hashes = new long[old.length * 2];
    for (Block block : old) {
      if (block != null) {
        place(block);
      }
    }
  }

  private static int slotOf(long hash, int mask) {
    return (int) (hash ^ (hash >>> 32)) & mask;
  }

  /**
   * The first fingerprint of the key {@code key} of blocking key number {@code rule}: FNV-1a over
   * the rule and the characters, then a 64-bit finalizer. Keys of different rules differ as the
   * qualified strings {@code "rule:key"} did, without making those strings.
   */
  static long hash(int rule, String key) {
    long h = (0xcbf29ce484222325L ^ rule) * 0x100000001b3L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001b3L;
    }
    return mix(h);
  }

  /**
   * The second fingerprint: a polynomial over the rule, the length and the characters with other
   * constants, then the finalizer; independent enough of {@link #hash} that keys agreeing on both
   * are as rare as 128 random bits.
   */
  static long check(int rule, String key) {
    long h = (key.length() + ((long) rule << 32)) * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < key.length(); i++) {
      h = Long.rotateLeft(h + key.charAt(i), 31) * 0xC2B2AE3D27D4EB4FL;
    }
    return mix(h ^ 0x27D4EB2F165667C5L);
  }

  /** MurmurHash3's 64-bit finalizer: every input bit reaches every output bit. */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  @Override
  public String toString() {
    return "BlockTable[" + size + " in " + slots.length + " slots]";
  }
}
