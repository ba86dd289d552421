package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A touchpoint node keeps its blocks and its edges in one array with two counts: through any
 * sequence of adds and removes, it answers as a list of blocks and a list of edges would, in
 * order, and its extras stay its prepared values.
 */
class TouchpointNodeLinksTest {
  static LongStream seeds() {
    return LongStream.range(0, 80);
  }

  /** A node of a touchpoint with nothing but its id: what these tests need of one. */
  static TouchpointNode node(String id) {
    return TouchpointNode.of(Touchpoint.newBuilder(id).channel(Channel.WEB).build(), false,
        new byte[0], new ValueNode[0], new String[0], null, 0);
  }

  private static MatchModel.Prepared prepared(String value) {
    return new MatchModel.Prepared(new Object[] {value}, new char[] {0, 1}, 0);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void answersAsListsOfBlocksAndEdgesWould(long seed) {
    Random random = new Random(seed);
    BlockTable table = new BlockTable();
    TouchpointNode node = node("n");
    MatchModel.Prepared values = prepared("value-" + seed);
    node.keepPrepared(values);
    int keys = random.nextInt(12);
    node.startBlocks(keys);
    List<BlockTable.Block> blocks = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      BlockTable.Block block = table.join(random.nextLong(), random.nextLong());
      node.setBlock(k, block);
      blocks.add(block);
    }
    List<TouchpointNode> others = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      others.add(node("o" + i));
    }
    List<Edge> expected = new ArrayList<>();
    for (int step = 0; step < 400; step++) {
      int action = random.nextInt(10);
      if (action < 5 || expected.isEmpty()) {
        Edge edge = new Edge(node, others.get(random.nextInt(others.size())),
            random.nextDouble(), 1, false);
        node.addEdge(edge);
        expected.add(edge);
      } else if (action < 8) {
        int i = random.nextInt(expected.size());
        node.removeEdgeAt(i);
        expected.remove(i);
      } else if (action < 9) {
        Edge edge = expected.get(random.nextInt(expected.size()));
        node.removeEdge(edge);
        expected.remove(edge);
      } else if (random.nextInt(8) == 0) {
        node.clearEdges();
        expected.clear();
      }
      String where = "seed=" + seed + ", step=" + step;
      assertEquals(expected.size(), node.edgeCount(), where);
      for (int i = 0; i < expected.size(); i++) {
        assertSame(expected.get(i), node.edge(i), where + ", edge " + i);
      }
      assertEquals(expected, node.edgeList(), where);
      assertEquals(!expected.isEmpty(), node.hasEdges(), where);
      assertEquals(keys, node.blockCount(), where);
      for (int k = 0; k < keys; k++) {
        assertSame(blocks.get(k), node.block(k), where + ", block " + k);
      }
      // Nothing past the edges is kept alive: the slots after them are empty.
      Object[] links = node.extras.links;
      for (int i = keys + expected.size(); i < links.length; i++) {
        assertEquals(null, links[i], where + ", slot " + i);
      }
    }
    assertSame(values.slots, node.extras.slots, "the extras hold the prepared values");
    assertSame(values.starts, node.extras.starts);
  }

  @Test
  void keepingPreparedValuesKeepsWhatTheExtrasHeld() {
    TouchpointNode node = node("n");
    TouchpointNode other = node("m");
    // A never-link rule and an edge made before the node was prepared (not a path the resolver
    // takes; the extras must still not lose them).
    node.extras().neverLink = new HashSet<>(List.of(other));
    Edge edge = new Edge(node, other, 1.0, 1, true);
    node.addEdge(edge);
    MatchModel.Prepared values = prepared("x");
    node.keepPrepared(values);
    assertSame(values.slots, node.extras.slots);
    assertEquals(List.of(edge), node.edgeList());
    assertTrue(node.neverLink().contains(other));
    // Blocks come before edges in the array: setting them once edges exist is refused, not lost.
    assertThrows(IllegalStateException.class, () -> node.startBlocks(3));
    assertEquals(List.of(edge), node.edgeList());
  }

  @Test
  void removingAnEdgeItDoesNotHoldIsRefused() {
    TouchpointNode node = node("n");
    TouchpointNode other = node("m");
    node.addEdge(new Edge(node, other, 1.0, 1, false));
    Edge stranger = new Edge(other, node("k"), 1.0, 1, false);
    assertThrows(IllegalStateException.class, () -> node.removeEdge(stranger));
    assertEquals(1, node.edgeCount());
    assertThrows(IndexOutOfBoundsException.class, () -> node.removeEdgeAt(1));
    assertThrows(IndexOutOfBoundsException.class, () -> node.setBlock(0, null));
  }
}
