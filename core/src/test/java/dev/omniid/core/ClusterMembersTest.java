package dev.omniid.core;

import static dev.omniid.core.TouchpointNodeLinksTest.node;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A profile keeps its members in an array with a count: through any sequence of adds and merges
 * it answers as the list it replaced would, in the order they joined, and a merged profile keeps
 * its own members as they were.
 */
class ClusterMembersTest {
  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void answersAsAListWould(long seed) {
    Random random = new Random(seed);
    int made = 0;
    List<Cluster> clusters = new ArrayList<>();
    List<List<TouchpointNode>> expected = new ArrayList<>();
    for (int step = 0; step < 300; step++) {
      int action = random.nextInt(10);
      if (action < 2 || clusters.isEmpty()) {
        List<TouchpointNode> group = new ArrayList<>();
        for (int n = random.nextInt(4) + 1; n > 0; n--) {
          group.add(node("t" + made++));
        }
        clusters.add(new Cluster(new ProfileId(clusters.size() + 1), group, new String[0],
            new PersonTraits[0], true));
        expected.add(new ArrayList<>(group));
        group.add(node("after")); // the profile took a copy
      } else if (action < 7) {
        int c = random.nextInt(clusters.size());
        TouchpointNode node = node("t" + made++);
        clusters.get(c).add(node);
        expected.get(c).add(node);
      } else {
        int into = random.nextInt(clusters.size());
        int from = random.nextInt(clusters.size());
        if (into != from) {
          Cluster merged = clusters.get(from);
          List<TouchpointNode> before = List.copyOf(expected.get(from));
          clusters.get(into).addAll(merged);
          expected.get(into).addAll(before);
          // As the fast path does: the merged profile leaves the live ones, its members intact.
          assertEquals(before, merged.members(), "seed=" + seed + ", step=" + step);
          clusters.remove(from);
          expected.remove(from);
        }
      }
      for (int c = 0; c < clusters.size(); c++) {
        Cluster cluster = clusters.get(c);
        String where = "seed=" + seed + ", step=" + step + ", profile " + c;
        assertEquals(expected.get(c).size(), cluster.size(), where);
        for (int i = 0; i < cluster.size(); i++) {
          assertSame(expected.get(c).get(i), cluster.member(i), where + ", member " + i);
        }
        assertEquals(expected.get(c), cluster.members(), where);
      }
    }
  }

  @Test
  void readsPastTheMembersAreRefused() {
    Cluster cluster = new Cluster(new ProfileId(1), List.of(node("a")), new String[0],
        new PersonTraits[0], false);
    // Its array has room for two: the empty slot is not a member.
    assertThrows(IndexOutOfBoundsException.class, () -> cluster.member(1));
    cluster.add(node("b"));
    assertEquals("b", cluster.member(1).id);
    assertThrows(IndexOutOfBoundsException.class, () -> cluster.member(2));
    assertThrows(IndexOutOfBoundsException.class, () -> cluster.member(-1));
  }

  @Test
  void theViewIsReadOnly() {
    Cluster cluster = new Cluster(new ProfileId(1), List.of(node("a")), new String[0],
        new PersonTraits[0], false);
    assertThrows(UnsupportedOperationException.class, () -> cluster.members().add(node("b")));
    assertThrows(UnsupportedOperationException.class, () -> cluster.members().remove(0));
    assertEquals(1, cluster.size());
  }
}
