package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A resolver keeping its touchpoints encoded answers every question as one keeping the objects:
 * the same resolutions, profiles, journeys and explanations, and {@link
 * IdentityResolver#touchpoint} gives back a touchpoint equal to the one resolved.
 */
class CompactTouchpointsTest {

  static LongStream seeds() {
    return LongStream.range(0, 100).map(i -> 0xC0A7_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void compactStorageAnswersAlike(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> pool = new ArrayList<>(RandomTouchpoints.generate(random, 40));
    // Touchpoints with any strings (unpaired surrogates, whitespace around raw values, long
    // payloads, untimed): what must come back exactly.
    for (int i = 0; i < 10; i++) {
      pool.add(JournalFixtures.anyTouchpoint(random, "any-" + i));
    }
    Collections.shuffle(pool, random);
    IdentityResolver plain = RandomTouchpoints.builder().build();
    IdentityResolver compact = RandomTouchpoints.builder().compactTouchpoints(true).build();
    List<Touchpoint> live = new ArrayList<>();
    for (int step = 0; step < pool.size(); step++) {
      String context = "seed=" + seed + " step=" + step;
      Touchpoint t = pool.get(step);
      assertEquals(plain.resolve(t), compact.resolve(t), context);
      live.add(t);
      if (random.nextInt(8) == 0) {
        Touchpoint gone = live.remove(random.nextInt(live.size()));
        assertEquals(plain.remove(gone.id()), compact.remove(gone.id()), context + " removal");
        assertEquals(Optional.empty(), compact.touchpoint(gone.id()), context);
      }
    }
    // A second arrival of the same content is a duplicate against the decoded form too.
    Touchpoint again = live.get(random.nextInt(live.size()));
    assertEquals(plain.resolve(again), compact.resolve(again), "seed=" + seed + " duplicate");
    assertEquals(plain.profiles().toList(), compact.profiles().toList(), "seed=" + seed);
    for (Touchpoint t : live) {
      Touchpoint back = compact.touchpoint(t.id()).orElseThrow();
      assertEquals(t, back, "seed=" + seed + " " + t.id());
      assertNotSame(t, back, "the compact resolver keeps no reference to what it was given");
      assertEquals(plain.touchpoint(t.id()), compact.touchpoint(t.id()));
      for (Identifier i : t.identifiers()) {
        assertEquals(plain.findProfiles(i.type(), i.raw()), compact.findProfiles(i.type(), i.raw()),
            "seed=" + seed + " " + t.id());
      }
    }
    for (int i = 0; i < 20; i++) {
      String a = RandomTouchpoints.pick(live, random).id();
      String b = RandomTouchpoints.pick(live, random).id();
      assertEquals(plain.why(a, b), compact.why(a, b), "seed=" + seed + " why " + a + " " + b);
    }
    GraphInvariants.check(compact);
  }

  @Test
  void theResolverGivesBackTheTouchpointItResolvedAndNothingForAnUnknownId() {
    Touchpoint t = Touchpoint.newBuilder("t1").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, " Ana@Example.com ")
        .attribute(AttributeKey.GIVEN_NAME, "Ana").payload("cart", "3 items").build();
    for (boolean compact : new boolean[] {false, true}) {
      IdentityResolver resolver = RandomTouchpoints.deterministicBuilder()
          .compactTouchpoints(compact).build();
      resolver.resolve(t);
      assertEquals(Optional.of(t), resolver.touchpoint("t1"));
      assertEquals(Optional.empty(), resolver.touchpoint("t2"));
      assertEquals(List.of(t), resolver.profileOfTouchpoint("t1").orElseThrow().journey());
      assertTrue(resolver.forget(IdentifierType.EMAIL, "ana@example.com").contains("t1"));
      assertEquals(Optional.empty(), resolver.touchpoint("t1"));
    }
  }
}
