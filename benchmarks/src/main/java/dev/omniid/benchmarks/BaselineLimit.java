package dev.omniid.benchmarks;

import java.util.Arrays;
import java.util.HashMap;

/**
 * The simplest code that does the deterministic work: pre-normalized keys, one hash map from key
 * to the first touchpoint that carried it, and an int-array union-find. No exclusivity, limits,
 * ids, events or explanations: the ceiling the real resolver is compared with.
 */
final class BaselineLimit {
  private final HashMap<String, Integer> firstCarrier = new HashMap<>();
  private int[] parent = new int[1 << 16];
  private int size;

  int add(String[] keys) {
    int me = size++;
    if (me == parent.length) {
      parent = Arrays.copyOf(parent, me * 2);
    }
    parent[me] = me;
    for (String key : keys) {
      Integer other = firstCarrier.putIfAbsent(key, me);
      if (other != null) {
        int a = find(me);
        int b = find(other);
        if (a != b) {
          parent[Math.max(a, b)] = Math.min(a, b);
        }
      }
    }
    return find(me);
  }

  int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Forgets everything added after {@code mark} touchpoints (for benchmark invocations). */
  void rollback(int mark, String[][] addedKeys) {
    for (String[] keys : addedKeys) {
      for (String key : keys) {
        Integer carrier = firstCarrier.get(key);
        if (carrier != null && carrier >= mark) {
          firstCarrier.remove(key);
        }
      }
    }
    for (int i = 0; i < mark; i++) {
      if (parent[i] >= mark) {
        parent[i] = i;
      }
    }
    size = mark;
  }

  int size() {
    return size;
  }
}
