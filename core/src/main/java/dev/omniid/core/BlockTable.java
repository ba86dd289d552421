package dev.omniid.core;

/**
 * The blocks of {@link ScoredLinks} by key: open addressing over a key's 64-bit fingerprint, with
 * a second, independent 64-bit fingerprint kept in the block to tell two keys apart.
 *
 * <p>Hand-written because finding a touchpoint's nine blocks in a {@code HashMap} of string keys
 * was a fifth of a fuzzy resolve at 1 M touchpoints (JFR): each look-up read a table slot, an
 * entry, the stored key and its bytes, four places in a large heap, before the block it was for.
 * This reads a slot, the block's place and the block, which is read anyway ({@link DenseSlots}:
 * the first fingerprint folded to 32 bits places the slot, no slot holds a reference). Two
 * different keys share a block only if both fingerprints agree, one chance in 2^128 per pair
 * (below 10^-25 for ten million keys); even then they would only be compared, never linked
 * without the model. Not thread-safe: the resolver's write lock guards it.
 */
final class BlockTable extends DenseSlots<BlockTable.Block> {
  /**
   * A block: its members in the order they joined, each beside its prepared match values, and its
   * key's two fingerprints. The key itself is not kept (a string per block was a twentieth of a
   * fuzzy graph's heap).
   *
   * <p>Members and their prepared values alternate in one untyped array: counting a touchpoint's
   * candidates and scoring them then reads no member node, only the prepared values scoring reads
   * anyway. With the nodes in a list, each candidate cost a cache miss for its identity hash and
   * two more on the way to its prepared values (node, extras): counting alone was an eighth of a
   * fuzzy resolve's JFR samples at 1 M. A typed array of nodes would not do: a cast reads the
   * node's header too, so {@link #memberAt} is read as an {@code Object} and cast only for the few
   * pairs that link.
   */
  static final class Block {
    final long hash;
    final long check;
    /** Member {@code i} at {@code 2i}, its prepared values (its {@code extras}) at {@code 2i + 1}. */
    private Object[] pairs = new Object[4];
    private int size;

    private Block(long hash, long check) {
      this.hash = hash;
      this.check = check;
    }

    /** The position of the blocking key whose key this block is ({@link BlockTable#check}). */
    int rule() {
      return (int) (check >>> 56);
    }

    /** Adds a member, whose prepared values are set, after the others. */
    void add(TouchpointNode node) {
      if (2 * size == pairs.length) {
        // Half as many pairs again (two at least): the length stays even.
        pairs = java.util.Arrays.copyOf(pairs, pairs.length + Math.max(4, (pairs.length >> 2) << 1));
      }
      pairs[2 * size] = node;
      pairs[2 * size + 1] = node.extras;
      size++;
    }

    /** Takes a member out, keeping the others' order; false when it is not one. */
    boolean remove(TouchpointNode node) {
      for (int i = 0; i < size; i++) {
        if (pairs[2 * i] == node) {
          System.arraycopy(pairs, 2 * i + 2, pairs, 2 * i, 2 * (size - i - 1));
          size--;
          pairs[2 * size] = null;
          pairs[2 * size + 1] = null;
          return true;
        }
      }
      return false;
    }

    int size() {
      return size;
    }

    boolean isEmpty() {
      return size == 0;
    }

    /** The {@code i}th member. */
    TouchpointNode get(int i) {
      java.util.Objects.checkIndex(i, size);
      return (TouchpointNode) pairs[2 * i];
    }

    /** The {@code i}th member uncast: compared by identity, it is not read. */
    Object memberAt(int i) {
      return pairs[2 * i];
    }

    /**
     * The {@code i}th member's prepared values, uncast: a cast reads the object's header, a cache
     * miss per candidate that {@link MatchModel#readAhead} takes with the others' at once.
     */
    Object preparedAt(int i) {
      return pairs[2 * i + 1];
    }

    /**
     * The member-and-prepared array as a reader holding no lock sees it (see {@link #peek}): read
     * once, with {@link #sizeSeen}, and bounded by its own length, since the writer may have
     * replaced it, shifted it or grown the size meanwhile.
     */
    Object[] pairsSeen() {
      return pairs;
    }

    /** The size as a reader holding no lock sees it; may disagree with {@link #pairsSeen}. */
    int sizeSeen() {
      return size;
    }

    /** The members in the order they joined, a read-only view. */
    java.util.List<TouchpointNode> members() {
      return new java.util.AbstractList<>() {
        @Override
        public TouchpointNode get(int i) {
          return Block.this.get(i);
        }

        @Override
        public int size() {
          return size;
        }
      };
    }

    /** The fingerprints in hexadecimal: a name for the block in tests, equal for equal keys. */
    String name() {
      return String.format("%016x%016x", hash, check);
    }
  }

  /** The block of a key with these fingerprints ({@link #hash}, {@link #check}), made when new. */
  Block join(long hash, long check) {
    Block found = peek(hash, check);
    if (found != null) {
      return found;
    }
    Block made = new Block(hash, check);
    addItem(made, fold(hash));
    return made;
  }

  /**
   * The block of a key with these fingerprints, or null. Under the lock (by {@link #join}) it is
   * the answer. A reader holding no lock ({@link ScoredLinks#readAhead}) gets a guess, while the
   * resolver's writer may grow the table, add to it or take from it: it may miss a block that is
   * there or see one that has just gone, but it never fails and never loops forever (the slots
   * are read through one array, at most its length of them), and a block it returns has these
   * fingerprints. The resolve under the lock uses a score made from such a guess only for a
   * candidate it finds itself.
   */
  Block peek(long hash, long check) {
    long[] seen = slots;
    int mask = seen.length - 1;
    int fold = fold(hash);
    int at = fold & mask;
    for (int probes = 0; probes < seen.length; probes++, at = (at + 1) & mask) {
      long slot = seen[at];
      if (slot == 0) {
        return null;
      }
      if (hashOf(slot) == fold && itemSeen(slot) instanceof Block block && block.hash == hash
          && block.check == check) {
        return block;
      }
    }
    return null;
  }

  /**
   * {@link #join} of each key, key {@code k} with fingerprints {@code fingerprints[2k]} and
   * {@code fingerprints[2k + 1]}, into {@code out[k]}, in key order: the same blocks, made in the
   * same order. A touchpoint's nine look-ups are each a chain of cache misses (slot, block); one
   * after the other, each waits for its misses in turn, so this reads the first slot of every
   * key, then the block of every slot whose folded hash matches, and lets the processor wait for
   * a level's misses together. A key its first slot does not settle (empty, another block there)
   * is joined as before, in key order. There are {@code keys} keys ({@code fingerprints}
   * may hold more, unread); {@code scratch} holds at least as many slots as keys.
   */
  void joinAll(long[] fingerprints, int keys, Object[] out, long[] scratch) {
    for (int k = 0; k < keys; k++) {
      scratch[k] = slots[home(fold(fingerprints[2 * k]))];
    }
    for (int k = 0; k < keys; k++) {
      long slot = scratch[k];
      out[k] = slot != 0 && hashOf(slot) == fold(fingerprints[2 * k]) ? itemOf(slot) : null;
    }
    for (int k = 0; k < keys; k++) {
      Block found = (Block) out[k];
      if (found == null || found.hash != fingerprints[2 * k]
          || found.check != fingerprints[2 * k + 1]) {
        out[k] = join(fingerprints[2 * k], fingerprints[2 * k + 1]);
      }
    }
  }

  /** Takes an emptied block out of the table. */
  void remove(Block block) {
    int mask = mask();
    int i = home(fold(block.hash));
    while (slots[i] == 0 || itemOf(slots[i]) != block) {
      if (slots[i] == 0) {
        throw new IllegalStateException("block not in the table");
      }
      i = (i + 1) & mask;
    }
    removeSlot(i);
  }

  /** Every block, in slot order (no order a caller may rely on). */
  void forEach(java.util.function.Consumer<Block> action) {
    forEachItem(action);
  }

  /** The first fingerprint folded to the 32 bits that place its slot. */
  private static int fold(long hash) {
    return (int) (hash ^ (hash >>> 32));
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
   * are as rare as 120 random bits. Its top byte is the rule itself ({@link Block#rule}), so that
   * a block knows whose maximum it has without a field of its own.
   */
  static long check(int rule, String key) {
    long h = (key.length() + ((long) rule << 32)) * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < key.length(); i++) {
      h = Long.rotateLeft(h + key.charAt(i), 31) * 0xC2B2AE3D27D4EB4FL;
    }
    return mix(h ^ 0x27D4EB2F165667C5L) >>> 8 | (long) rule << 56;
  }

  /** MurmurHash3's 64-bit finalizer: every input bit reaches every output bit. */
  private static long mix(long h) {
    h = (h ^ (h >>> 33)) * 0xff51afd7ed558ccdL;
    h = (h ^ (h >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return h ^ (h >>> 33);
  }

  @Override
  public String toString() {
    return "BlockTable[" + size() + " in " + slots.length + " slots]";
  }
}
