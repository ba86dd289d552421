package dev.omniid.core;

import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * A multiset of value nodes: for a limited value, how many of its carriers hold each stronger
 * identifier value. Most such values see one or two stronger values, so small sets are two
 * parallel arrays searched linearly (about 60 bytes, where an {@code IdentityHashMap} took about
 * 150); a set that grows past {@value #ARRAY_LIMIT} distinct nodes (a shared value's hub) moves to
 * an identity map so that counting stays linear. Keyed by node identity: one node per value.
 */
final class StrongerCounts {
  private static final int ARRAY_LIMIT = 16;

  private ValueNode[] nodes = new ValueNode[2];
  private int[] counts = new int[2];
  private int size;
  private IdentityHashMap<ValueNode, int[]> map;

  /** Adds {@code delta} (+1 or -1) to the node's count, dropping it at zero. */
  void add(ValueNode node, int delta) {
    if (map != null) {
      int[] n = map.computeIfAbsent(node, x -> new int[1]);
      n[0] += delta;
      if (n[0] == 0) {
        map.remove(node);
      }
      return;
    }
    for (int i = 0; i < size; i++) {
      if (nodes[i] == node) {
        counts[i] += delta;
        if (counts[i] == 0) {
          size--;
          nodes[i] = nodes[size];
          counts[i] = counts[size];
          nodes[size] = null;
        }
        return;
      }
    }
    if (size == ARRAY_LIMIT) {
      map = new IdentityHashMap<>(2 * ARRAY_LIMIT);
      for (int i = 0; i < size; i++) {
        map.put(nodes[i], new int[] {counts[i]});
      }
      nodes = null;
      counts = null;
      size = 0;
      add(node, delta);
      return;
    }
    if (size == nodes.length) {
      nodes = Arrays.copyOf(nodes, size * 2);
      counts = Arrays.copyOf(counts, size * 2);
    }
    nodes[size] = node;
    counts[size] = delta;
    size++;
  }

  /** The count of {@code node}: how many carriers hold it (0 when none). */
  int count(ValueNode node) {
    if (map != null) {
      int[] n = map.get(node);
      return n == null ? 0 : n[0];
    }
    for (int i = 0; i < size; i++) {
      if (nodes[i] == node) {
        return counts[i];
      }
    }
    return 0;
  }

  /** How many distinct nodes have a non-zero count. */
  int distinct() {
    return map != null ? map.size() : size;
  }

  /** Whether more than {@code limit} distinct counted nodes share one type. */
  boolean anyTypeOver(int limit) {
    if (distinct() <= limit) {
      return false;
    }
    java.util.HashMap<TypeInfo, int[]> perType = new java.util.HashMap<>(4);
    Iterable<ValueNode> keys = map != null ? map.keySet() : Arrays.asList(nodes).subList(0, size);
    for (ValueNode w : keys) {
      if (++perType.computeIfAbsent(w.type, t -> new int[1])[0] > limit) {
        return true;
      }
    }
    return false;
  }
}
