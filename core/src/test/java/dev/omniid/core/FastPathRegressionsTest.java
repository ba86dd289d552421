package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.generate;
import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Histories that once made the fast path disagree with the clusterer, named after the bug. */
class FastPathRegressionsTest {

  /**
   * A person (pepe, customer id C) arrived last and linked through C to a profile that named
   * nobody (a kiosk visitor kept apart from the kiosk's other people as ambiguous). The fast
   * path attached him there; the full computation lets the kiosk value join that group, which
   * now names pepe, to pepe's other records. Found by the concurrent property test (seed
   * 0xC0C0_0037); this is its arrival order 31, replayed on one thread.
   */
  @Test
  void aPersonJoiningAProfileThatNamedNobodyLetsAContestedValueLinkIt() {
    Random random = new Random(0xC0C0_0000L + 55);
    List<Touchpoint> touchpoints = generate(random, 50 + random.nextInt(150));
    IdentityResolver batch = Configuration.SCORED.build();
    batch.resolveAll(touchpoints);
    List<Touchpoint> order = new ArrayList<>(touchpoints);
    Collections.shuffle(order, new Random(31));
    IdentityResolver incremental = Configuration.SCORED.build();
    for (Touchpoint t : order) {
      incremental.resolve(t);
      GraphInvariants.check(incremental);
    }
    assertEquals(describe(partition(batch)), describe(partition(incremental)));
  }
}
