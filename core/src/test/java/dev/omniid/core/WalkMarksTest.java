package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.generate;
import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A recompute marks the touchpoints its walk reaches on the nodes ({@link MergeGraph#newWalk}), in
 * a {@code char} that goes round after 65,535 walks. Across the wrap every walk must still reach
 * its whole component: a node marked by a walk before the wrap must not pass for one the new walk
 * reached, and a node no walk reached (mark 0) must not either.
 */
class WalkMarksTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyWalkAcrossTheMarksWrapReachesItsWholeComponent(long seed) {
    Random random = new Random(0x3A1C_0000L + seed);
    List<Touchpoint> touchpoints = generate(random, 60 + random.nextInt(60));
    IdentityResolver batch = Configuration.SCORED.build();
    batch.resolveAll(touchpoints);

    // No fast path: every resolve recomputes its component, so every resolve is a walk.
    IdentityResolver incremental = Configuration.SCORED.build(false, null);
    int half = touchpoints.size() / 2;
    // One walk marks the first half, then the marks are taken to just before their wrap.
    incremental.resolveAll(touchpoints.subList(0, half));
    ((InMemoryResolver) incremental).inspect(parts -> {
      parts.graph().setWalkEpoch(Character.MAX_VALUE - 3);
      return null;
    });
    for (Touchpoint t : touchpoints.subList(half, touchpoints.size())) {
      incremental.resolve(t);
      GraphInvariants.check(incremental);
    }
    assertEquals(describe(partition(batch)), describe(partition(incremental)));
  }
}
