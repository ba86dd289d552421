package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link ScoredLinks.CandidateCounts} counts like a map from node identity to a count kept in the
 * order first counted, through growth and clearing, when reused from one touchpoint to the next.
 */
class CandidateCountsTest {
  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countsAsAnIdentityMapWould(long seed) {
    Random random = new Random(seed);
    List<TouchpointNode> nodes = new ArrayList<>();
    // Each node's own prepared values, as the blocks hold them: distinct objects, equal content.
    IdentityHashMap<TouchpointNode, MatchModel.Prepared> preparedOf = new IdentityHashMap<>();
    for (int i = 0; i < 3_000; i++) {
      // Equal touchpoints, distinct nodes: identity, not equality, tells them apart.
      Touchpoint same = Touchpoint.newBuilder("t").channel(Channel.WEB)
          .identifier(IdentifierType.EMAIL, "a@example.com").build();
      TouchpointNode node =
          TouchpointNode.of(same, false, new byte[0], new ValueNode[0], new String[0], null, 0);
      nodes.add(node);
      preparedOf.put(node, new MatchModel.Prepared(new Object[0], new char[1], 0));
    }
    ScoredLinks.CandidateCounts counts = new ScoredLinks.CandidateCounts();
    for (int round = 0; round < 20; round++) {
      // Mostly small rounds, as most touchpoints have a few candidates; some past any table size.
      int draws = random.nextInt(5) == 0 ? random.nextInt(6_000) : random.nextInt(40);
      int range = 1 + random.nextInt(random.nextBoolean() ? 20 : nodes.size());
      Map<TouchpointNode, Integer> expected = new LinkedHashMap<>();
      IdentityHashMap<TouchpointNode, Boolean> seen = new IdentityHashMap<>();
      for (int d = 0; d < draws; d++) {
        TouchpointNode node = nodes.get(random.nextInt(range));
        seen.put(node, true);
        counts.count(node, preparedOf.get(node));
        expected.merge(node, 1, Integer::sum);
      }
      assertEquals(seen.size(), expected.size(), "nodes are distinct objects and records of identity");
      assertEquals(expected.size(), counts.size(), "seed=" + seed + ", round=" + round);
      Object[] got = counts.nodes();
      Object[] prepared = counts.prepared();
      int[] support = counts.counts();
      assertArrayEquals(expected.keySet().toArray(new Object[0]), got,
          "in the order first counted, seed=" + seed + ", round=" + round);
      for (int i = 0; i < got.length; i++) {
        assertSame(preparedOf.get((TouchpointNode) got[i]), prepared[i],
            "each node beside its own prepared values, seed=" + seed + ", round=" + round);
      }
      assertArrayEquals(expected.values().stream().mapToInt(Integer::intValue).toArray(), support,
          "seed=" + seed + ", round=" + round);
      counts.clear();
      assertEquals(0, counts.size());
      assertEquals(0, counts.nodes().length);
    }
  }
}
