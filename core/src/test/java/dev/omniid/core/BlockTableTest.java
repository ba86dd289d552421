package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BlockTable} finds blocks as a map from key to block would, through growth and removal
 * (backward shifts across the table's end included), and tells apart keys whose first
 * fingerprints agree.
 */
class BlockTableTest {
  static LongStream seeds() {
    return LongStream.range(0, 40);
  }

  /**
   * Random joins and removals against a {@code HashMap}: with half the seeds the first
   * fingerprint takes only a few values, so probe runs are long, wrap around the table and are
   * shifted back on every removal.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void findsBlocksAsAMapWould(long seed) {
    Random random = new Random(seed);
    boolean crowded = seed % 2 == 0;
    int keys = 1 + random.nextInt(crowded ? 300 : 3_000);
    long[] hash = new long[keys];
    long[] check = new long[keys];
    for (int k = 0; k < keys; k++) {
      hash[k] = crowded ? random.nextInt(6) * 0x1_0000_0001L - 1 : random.nextLong();
      check[k] = random.nextLong();
    }
    BlockTable table = new BlockTable();
    Map<Integer, BlockTable.Block> expected = new HashMap<>();
    for (int op = 0; op < 20_000; op++) {
      int k = random.nextInt(keys);
      BlockTable.Block block = expected.get(k);
      if (block != null && random.nextInt(3) == 0) {
        table.remove(block);
        expected.remove(k);
      } else {
        BlockTable.Block found = table.join(hash[k], check[k]);
        if (block == null) {
          assertEquals(hash[k], found.hash, "seed=" + seed + ", op=" + op);
          assertEquals(check[k], found.check);
          assertEquals(0, found.size());
          expected.put(k, found);
        } else {
          assertSame(block, found, "seed=" + seed + ", op=" + op + ": the key's block");
        }
      }
      assertEquals(expected.size(), table.size());
      // With no writer at work, the reader without the lock sees the table as it is.
      int asked = random.nextInt(keys);
      assertSame(expected.get(asked), table.peek(hash[asked], check[asked]),
          "seed=" + seed + ", op=" + op + ": peek");
    }
    IdentityHashMap<BlockTable.Block, Boolean> seen = new IdentityHashMap<>();
    table.forEach(b -> assertEquals(null, seen.put(b, true), "each block once"));
    assertEquals(expected.size(), seen.size());
    for (BlockTable.Block b : expected.values()) {
      assertEquals(true, seen.containsKey(b));
    }
  }

  /**
   * {@link BlockTable#joinAll} gives the blocks that {@link BlockTable#join} of each key in turn
   * gives, and makes the new ones in the same order: two tables fed the same calls, one through
   * each, hold blocks of the same fingerprints at every step. Keys repeat within a call, share
   * first fingerprints (crowded seeds), and calls make enough blocks to grow the table midway.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void joinAllJoinsAsJoinDoes(long seed) {
    Random random = new Random(seed);
    boolean crowded = seed % 2 == 0;
    int keys = 1 + random.nextInt(crowded ? 200 : 3_000);
    long[] hash = new long[keys];
    long[] check = new long[keys];
    for (int k = 0; k < keys; k++) {
      hash[k] = crowded ? random.nextInt(5) * 0x1_0000_0001L + 7 : random.nextLong();
      check[k] = crowded && random.nextInt(4) == 0 ? 1 : random.nextLong();
    }
    BlockTable all = new BlockTable();
    BlockTable one = new BlockTable();
    long[] scratch = new long[16];
    for (int call = 0; call < 3_000; call++) {
      int count = random.nextInt(17);
      long[] fingerprints = new long[2 * count];
      for (int i = 0; i < count; i++) {
        int k = random.nextInt(keys);
        fingerprints[2 * i] = hash[k];
        fingerprints[2 * i + 1] = check[k];
      }
      BlockTable.Block[] out = new BlockTable.Block[count];
      all.joinAll(fingerprints, count, out, scratch);
      for (int i = 0; i < count; i++) {
        BlockTable.Block expected = one.join(fingerprints[2 * i], fingerprints[2 * i + 1]);
        assertEquals(expected.name(), out[i].name(), "seed=" + seed + ", call=" + call + ", key " + i);
        assertSame(out[i], all.join(fingerprints[2 * i], fingerprints[2 * i + 1]), "the key's block");
        for (int j = 0; j < i; j++) {
          assertEquals(out[j].name().equals(out[i].name()), out[j] == out[i], "one block per key");
        }
      }
      if (random.nextInt(20) == 0 && all.size() > 0) {
        // Emptied blocks leave both tables alike.
        BlockTable.Block gone = out.length == 0 ? null : out[0];
        if (gone != null) {
          all.remove(gone);
          one.remove(one.join(gone.hash, gone.check));
        }
      }
      assertEquals(one.size(), all.size());
    }
    List<String> inAll = new java.util.ArrayList<>();
    List<String> inOne = new java.util.ArrayList<>();
    all.forEach(b -> inAll.add(b.name()));
    one.forEach(b -> inOne.add(b.name()));
    // Same slot order: the same blocks were made in the same order.
    assertEquals(inOne, inAll);
  }

  @Test
  void keysWithOneFingerprintInCommonGetTheirOwnBlocks() {
    BlockTable table = new BlockTable();
    BlockTable.Block a = table.join(42, 1);
    BlockTable.Block b = table.join(42, 2);
    assertNotSame(a, b);
    assertSame(a, table.join(42, 1));
    assertSame(b, table.join(42, 2));
    table.remove(a);
    assertSame(b, table.join(42, 2), "the block after the removed one moved back");
    BlockTable.Block again = table.join(42, 1);
    assertNotSame(a, again, "a removed block is made anew");
  }

  @Test
  void removingABlockNotInTheTableIsAMistake() {
    BlockTable table = new BlockTable();
    BlockTable.Block a = table.join(7, 1);
    table.remove(a);
    assertThrows(IllegalStateException.class, () -> table.remove(a));
  }

  /**
   * The fingerprints of keys as the default blocking keys make them (a qualifier, a phonetic
   * surname, a year, an initial; near neighbours differing in one character): no two distinct
   * keys share the first fingerprint, none share the second, and the two are not the same
   * function.
   */
  @Test
  void fingerprintsOfSimilarKeysDoNotCollide() {
    Set<Long> hashes = new HashSet<>();
    Set<Long> checks = new HashSet<>();
    int n = 0;
    for (int rule = 0; rule < 9; rule++) {
      for (char a = 'a'; a <= 'z'; a++) {
        for (char b = 'a'; b <= 'z'; b++) {
          for (int year = 1930; year < 2010; year += 3) {
            String key = "" + a + b + "rs|" + year + "|" + (char) ('a' + year % 26);
            hashes.add(BlockTable.hash(rule, key));
            checks.add(BlockTable.check(rule, key));
            assertNotEquals(BlockTable.hash(rule, key), BlockTable.check(rule, key));
            n++;
          }
        }
      }
    }
    assertEquals(n, hashes.size());
    assertEquals(n, checks.size());
    assertEquals(BlockTable.hash(0, "garcia"), BlockTable.hash(0, new String("garcia")),
        "a function of the characters");
    assertEquals(BlockTable.check(0, "garcia"), BlockTable.check(0, new String("garcia")));
    assertNotEquals(BlockTable.hash(0, "ab"), BlockTable.hash(0, "ba"));
    assertNotEquals(BlockTable.check(0, "ab"), BlockTable.check(0, "ba"));
    assertNotEquals(BlockTable.hash(0, "smith"), BlockTable.hash(1, "smith"), "rules apart");
    assertNotEquals(BlockTable.check(0, "smith"), BlockTable.check(1, "smith"));
    assertNotEquals(BlockTable.check(0, ""), BlockTable.check(0, "\u0000"));
  }

  /**
   * A block knows the position of the blocking key it is a key of, from its second fingerprint,
   * for every position a resolver allows, whatever the key: its maximum is looked up by it.
   */
  @Test
  void aBlockKnowsItsBlockingKey() {
    Random random = new Random(3);
    BlockTable table = new BlockTable();
    for (int rule = 0; rule < ResolverBuilder.MAX_BLOCKING_KEYS; rule++) {
      for (int i = 0; i < 20; i++) {
        String key = Long.toString(random.nextLong(), 36);
        BlockTable.Block block = table.join(BlockTable.hash(rule, key), BlockTable.check(rule, key));
        assertEquals(rule, block.rule(), key);
      }
    }
  }

  /** A table holding nothing reports nothing. */
  @Test
  void emptyTableHasNoBlocks() {
    BlockTable table = new BlockTable();
    List<BlockTable.Block> all = new java.util.ArrayList<>();
    table.forEach(all::add);
    assertEquals(List.of(), all);
    assertEquals(0, table.size());
  }

  /**
   * A reader without the lock ({@link BlockTable#peek}, {@link BlockTable.Block#pairsSeen}) while
   * a writer joins and removes blocks (the table growing, probe runs shifted back) and adds and
   * removes members (arrays grown and shifted): it never fails, and every block it gets has the
   * fingerprints it asked for. What it sees is a guess; only the writer's view is an answer.
   */
  @ParameterizedTest
  @MethodSource("concurrentSeeds")
  void aReaderWithoutTheLockNeverFailsWhileTheWriterWorks(long seed) throws Exception {
    Random random = new Random(seed);
    int keys = 2_000;
    long[] hash = new long[keys];
    long[] check = new long[keys];
    for (int k = 0; k < keys; k++) {
      // A few first fingerprints for half the keys: long probe runs, shifted on removal.
      hash[k] = k % 2 == 0 ? random.nextInt(8) * 0x1_0000_0001L - 1 : random.nextLong();
      check[k] = random.nextLong();
    }
    List<TouchpointNode> pool = new java.util.ArrayList<>();
    for (int i = 0; i < 40; i++) {
      TouchpointNode node = TouchpointNode.of(Touchpoint.newBuilder("t" + i).channel(Channel.WEB)
          .build(), false, new byte[0], new ValueNode[0], new String[0], null, 0);
      node.keepPrepared(new MatchModel.Prepared(new Object[0], new char[1], 0));
      pool.add(node);
    }
    BlockTable table = new BlockTable();
    AtomicBoolean done = new AtomicBoolean();
    AtomicLong seenMembers = new AtomicLong();
    Thread reader = new Thread(() -> {
      Random r = new Random(seed + 1);
      while (!done.get()) {
        int k = r.nextInt(keys);
        BlockTable.Block block = table.peek(hash[k], check[k]);
        if (block != null) {
          if (block.hash != hash[k] || block.check != check[k]) {
            throw new AssertionError("a block of other fingerprints");
          }
          Object[] pairs = block.pairsSeen();
          int members = Math.min(block.sizeSeen(), pairs.length / 2);
          for (int m = 0; m < members; m++) {
            if (pairs[2 * m + 1] instanceof MatchModel.Prepared) {
              seenMembers.incrementAndGet();
            }
          }
        }
      }
    });
    Throwable[] failed = new Throwable[1];
    reader.setUncaughtExceptionHandler((t, e) -> failed[0] = e);
    reader.start();
    Map<Integer, BlockTable.Block> live = new HashMap<>();
    try {
      for (int op = 0; op < 300_000; op++) {
        int k = random.nextInt(keys);
        BlockTable.Block block = live.get(k);
        int what = random.nextInt(10);
        if (block != null && what == 0) {
          while (!block.isEmpty()) {
            block.remove(block.get(0));
          }
          table.remove(block);
          live.remove(k);
        } else if (block != null && what < 4 && !block.isEmpty()) {
          block.remove(block.get(random.nextInt(block.size())));
        } else {
          BlockTable.Block joined = table.join(hash[k], check[k]);
          live.put(k, joined);
          TouchpointNode node = pool.get(random.nextInt(pool.size()));
          if (!joined.members().contains(node)) {
            joined.add(node);
          }
        }
      }
    } finally {
      done.set(true);
      reader.join(30_000);
    }
    assertEquals(null, failed[0], "the reader failed");
    assertEquals(false, reader.isAlive());
    assertEquals(true, seenMembers.get() > 0, "the reader saw members");
  }

  static LongStream concurrentSeeds() {
    return LongStream.range(0, 4);
  }

  /**
   * A block keeps its members in the order they joined, each beside its own prepared values,
   * through growth and removals from anywhere (the first, the last, the middle, one not there),
   * as a list of the members would.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void blockKeepsMembersInOrderBesideTheirPreparedValues(long seed) {
    Random random = new Random(seed);
    List<TouchpointNode> pool = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      Touchpoint t = Touchpoint.newBuilder("t" + i).channel(Channel.WEB).build();
      TouchpointNode node =
          TouchpointNode.of(t, false, new byte[0], new ValueNode[0], new String[0], null, 0);
      node.keepPrepared(new MatchModel.Prepared(new Object[0], new char[1], 0));
      pool.add(node);
    }
    BlockTable.Block block = new BlockTable().join(random.nextLong(), random.nextLong());
    List<TouchpointNode> expected = new java.util.ArrayList<>();
    for (int step = 0; step < 400; step++) {
      TouchpointNode node = pool.get(random.nextInt(pool.size()));
      if (random.nextInt(3) > 0 && !expected.contains(node)) {
        block.add(node);
        expected.add(node);
      } else {
        assertEquals(expected.remove(node), block.remove(node), "seed=" + seed + " step=" + step);
      }
      assertEquals(expected, block.members(), "seed=" + seed + " step=" + step);
      assertEquals(expected.size(), block.size());
      assertEquals(expected.isEmpty(), block.isEmpty());
      for (int m = 0; m < expected.size(); m++) {
        assertSame(expected.get(m), block.memberAt(m));
        assertSame(expected.get(m).extras, block.preparedAt(m),
            "seed=" + seed + " step=" + step + " member " + m);
      }
    }
    assertThrows(IndexOutOfBoundsException.class, () -> block.get(block.size()));
  }
}
