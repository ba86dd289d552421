package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The hand-written node table behaves as a map from key to node, whatever the operation order. */
class KeyedTableTest {
  private record Node(String key) {}

  /** Keys from a small alphabet, so that probe runs are long and many hashCodes collide. */
  private static String key(Random random, int alphabet) {
    // "Aa" and "BB" have equal String.hashCode: concatenations of them collide in every bucket.
    StringBuilder sb = new StringBuilder();
    int parts = 1 + random.nextInt(3);
    for (int i = 0; i < parts; i++) {
      sb.append(random.nextBoolean() ? "Aa" : "BB");
    }
    return sb.append(random.nextInt(alphabet)).toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  void agreesWithAMapUnderRandomAddsAndRemoves(long seed) {
    Random random = new Random(seed);
    int alphabet = 1 + random.nextInt(500);
    KeyedTable<Node> table = new KeyedTable<>(Node::key);
    Map<String, Node> model = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String key = key(random, alphabet);
      int op = random.nextInt(3);
      if (op == 0) {
        if (!model.containsKey(key)) {
          Node node = new Node(key);
          table.add(node);
          model.put(key, node);
        }
      } else if (op == 1) {
        assertSame(model.remove(key), table.remove(key), "remove " + key + " at step " + step);
      } else {
        assertSame(model.get(key), table.get(key), "get " + key + " at step " + step);
      }
      assertEquals(model.size(), table.size(), "size at step " + step);
    }
    // Every node still findable after all the backward shifts, nothing extra.
    for (Node node : model.values()) {
      assertSame(node, table.get(node.key()));
    }
    List<String> keys = new ArrayList<>(model.keySet());
    for (String k : keys) {
      assertSame(model.remove(k), table.remove(k));
    }
    assertEquals(0, table.size());
    assertNull(table.get(keys.isEmpty() ? "x" : keys.get(0)));
  }

  private record Numbered(ProfileId key) {}

  /**
   * A table of numbered keys ({@link KeyedTable#forNumberedKeys}) is a map like any other, with
   * ids handed out in order, some dropped again (removed profiles) and the rest kept for long (a
   * large block of old ids that newer ids wrap around onto), and answers {@code getAll} as
   * {@code get}.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  @SuppressWarnings("unchecked")
  void numberedKeysAgreeWithAMap(long seed) {
    Random random = new Random(seed);
    KeyedTable<Numbered> table = KeyedTable.forNumberedKeys(Numbered::key);
    Map<ProfileId, Numbered> model = new HashMap<>();
    long next = 1 + random.nextInt(1_000);
    int kept = random.nextInt(5_000);
    for (int i = 0; i < kept; i++) {
      Numbered n = new Numbered(new ProfileId(next++));
      table.add(n);
      model.put(n.key(), n);
    }
    long keptEnd = next;
    KeyedTable<Numbered>[] asked = new KeyedTable[] {table, table, table};
    Object[] keys = new Object[3];
    Object[] out = new Object[3];
    long[] scratch = new long[3];
    for (int step = 0; step < 20_000; step++) {
      int op = random.nextInt(4);
      // Mostly recent ids, sometimes any id ever handed out.
      long asked1 = random.nextInt(4) == 0 ? 1 + random.nextInt((int) next)
          : Math.max(1, next - 1 - random.nextInt(64));
      ProfileId key = new ProfileId(asked1);
      if (op == 0) {
        Numbered n = new Numbered(new ProfileId(next++));
        table.add(n);
        model.put(n.key(), n);
      } else if (op == 1 && asked1 >= keptEnd) {
        assertSame(model.remove(key), table.remove(key), "remove " + key + " at step " + step);
      } else if (op == 2) {
        assertSame(model.get(key), table.get(key), "get " + key + " at step " + step);
      } else {
        for (int i = 0; i < 3; i++) {
          keys[i] = new ProfileId(1 + random.nextInt((int) next));
        }
        KeyedTable.getAll(asked, keys, 3, out, scratch);
        for (int i = 0; i < 3; i++) {
          assertSame(model.get((ProfileId) keys[i]), out[i], "getAll at step " + step);
        }
      }
      assertEquals(model.size(), table.size(), "size at step " + step);
    }
    for (Numbered n : model.values()) {
      assertSame(n, table.get(n.key()));
    }
  }

  /**
   * What numbered keys are for: an id handed out right after another takes the slot next to it,
   * in the same run of eight (so adding it writes a cache line just written), unless that slot
   * was taken. Scattered, fewer than one in a hundred would.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3})
  void consecutiveNumbersTakeNeighbouringSlots(long seed) {
    Random random = new Random(seed);
    KeyedTable<Numbered> table = KeyedTable.forNumberedKeys(Numbered::key);
    long first = 1 + random.nextInt(1_000_000);
    int count = 10_000 + random.nextInt(50_000);
    for (long id = first; id < first + count; id++) {
      table.add(new Numbered(new ProfileId(id)));
    }
    java.util.IdentityHashMap<Numbered, Integer> slotOf = new java.util.IdentityHashMap<>();
    for (int i = 0; i < table.slots.length; i++) {
      if (table.slots[i] != 0) {
        slotOf.put(table.itemOf(table.slots[i]), i);
      }
    }
    int neighbours = 0;
    int pairs = 0;
    for (long id = first + 1; id < first + count; id++) {
      if (id % 8 == 0) {
        continue; // the first of a run is placed at random
      }
      pairs++;
      int before = slotOf.get(table.get(new ProfileId(id - 1)));
      int at = slotOf.get(table.get(new ProfileId(id)));
      if (at == ((before + 1) & (table.slots.length - 1))) {
        neighbours++;
      }
    }
    org.junit.jupiter.api.Assertions.assertTrue(neighbours > 0.8 * pairs,
        neighbours + " of " + pairs + " ids next to the one before");
  }

  /**
   * {@link KeyedTable#getAll} answers as {@link KeyedTable#get} of each key would, with keys
   * spread over several tables (one repeated), present and absent, in colliding probe runs and
   * with equal hashes of different keys in the first slot.
   */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
  @SuppressWarnings("unchecked")
  void getAllAnswersAsGetDoes(long seed) {
    Random random = new Random(seed);
    int alphabet = 1 + random.nextInt(300);
    List<KeyedTable<Node>> tables = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      KeyedTable<Node> table = new KeyedTable<>(Node::key);
      for (int i = random.nextInt(2_000); i > 0; i--) {
        String key = key(random, alphabet);
        if (table.get(key) == null) {
          table.add(new Node(key));
        }
      }
      for (int i = random.nextInt(200); i > 0; i--) {
        table.remove(key(random, alphabet));
      }
      tables.add(table);
    }
    KeyedTable<Node>[] asked = new KeyedTable[12];
    Object[] keys = new Object[12];
    Object[] out = new Object[12];
    long[] scratch = new long[12];
    for (int call = 0; call < 2_000; call++) {
      int count = random.nextInt(13);
      for (int i = 0; i < count; i++) {
        asked[i] = tables.get(random.nextInt(tables.size()));
        // A fresh copy: equal, not the same object, as a normalized value is.
        keys[i] = new String(key(random, alphabet));
      }
      KeyedTable.getAll(asked, keys, count, out, scratch);
      for (int i = 0; i < count; i++) {
        assertSame(asked[i].get(keys[i]), out[i], "seed " + seed + ", call " + call + ", key " + i);
      }
    }
  }
}
