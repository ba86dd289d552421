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
