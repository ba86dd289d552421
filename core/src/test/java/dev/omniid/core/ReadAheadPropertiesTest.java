package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A resolve reads its touchpoint (normalizing, preparing, keying) before it takes the write lock
 * ({@link ReadAhead}), so other changes may come between the reading and the insertion: types
 * registered, values added and removed, a profile merged or split. What was read must answer as if
 * it had been read under the lock. Random histories on a resolver whose every resolve was read a
 * random number of operations earlier, several reads outstanding on one thread at once, against
 * one that reads each touchpoint under the lock as it inserts it ({@link ResolverBuilder#readAhead}
 * off, as every resolve did before): after every operation both must agree on the
 * resolution (or the refusal), the profiles with their evidence, and {@link GraphInvariants}.
 */
class ReadAheadPropertiesTest {
  static final IdentifierType EMAIL_DIGEST = IdentifierType.of("email_digest");

  static LongStream seeds() {
    return LongStream.range(0, 150).map(i -> 0xAEAD_0000L + i);
  }

  /** The property tests' configurations, with a derivation deferred past the look-up. */
  static ResolverBuilder builder(boolean scored) {
    ResolverBuilder b = scored ? RandomTouchpoints.builder()
        : RandomTouchpoints.deterministicBuilder();
    return b.normalizer(EMAIL_DIGEST, Normalizer.lowerCase())
        .derivedIdentifier(IdentifierType.EMAIL, EMAIL_DIGEST, DerivedValuesPropertiesTest.DIGEST);
  }

  /** One step of a history, in the order the write lock takes them. */
  private record Step(Touchpoint resolve, String remove, int readAt) {}

  @ParameterizedTest
  @MethodSource("seeds")
  void whatWasReadBeforeTheLockAnswersAsReadingUnderIt(long seed) {
    Random random = new Random(seed);
    boolean scored = random.nextInt(3) > 0;
    InMemoryResolver ahead = (InMemoryResolver) builder(scored).build();
    ResolverBuilder underTheLock = builder(scored);
    underTheLock.readAhead = false;
    IdentityResolver plain = underTheLock.build();
    List<Step> steps = history(random);
    Map<Integer, ReadAhead> outstanding = new HashMap<>();
    int preScored = 0;
    for (int s = 0; s < steps.size(); s++) {
      String context = "seed=" + seed + " step=" + s;
      for (int q = s; q < steps.size(); q++) {
        if (steps.get(q).resolve() != null && steps.get(q).readAt() == s) {
          outstanding.put(q, ahead.readAhead(steps.get(q).resolve()));
        }
      }
      Step step = steps.get(s);
      if (step.remove() != null) {
        assertEquals(plain.remove(step.remove()), ahead.remove(step.remove()), context);
      } else {
        ReadAhead read = outstanding.remove(s);
        preScored += read.scoring.preScores.size();
        String got;
        try {
          got = describe(() -> ahead.resolve(step.resolve(), read));
        } finally {
          read.release();
        }
        assertEquals(describe(() -> plain.resolve(step.resolve())), got, context);
      }
      assertEquals(DerivedValuesPropertiesTest.profiles(plain),
          DerivedValuesPropertiesTest.profiles(ahead), context);
      GraphInvariants.check(ahead);
    }
    assertTrue(outstanding.isEmpty());
    // Scored reads weigh some candidates before the lock (their blocks hold touchpoints), so
    // the comparison above covered weights scored while the blocks changed.
    assertEquals(scored, preScored > 0, "candidates scored before the lock");
  }

  /** A touchpoint naming a person, blocked on the given and the family name. */
  private static Touchpoint person(String id, String given, String family, String birthDate) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB)
        .attribute(AttributeKey.GIVEN_NAME, given).attribute(AttributeKey.FAMILY_NAME, family)
        .attribute(AttributeKey.BIRTH_DATE, birthDate).build();
  }

  /**
   * A weight scored before the lock is used for a candidate found under it, and only for one: a
   * touchpoint scored before the lock and removed before the insertion gives no edge, and one
   * added after the reading is scored under the lock. Both resolutions are those of a resolver
   * that reads under the lock.
   */
  @Test
  void aWeightScoredBeforeTheLockCountsOnlyForACandidateFoundUnderIt() {
    InMemoryResolver ahead = (InMemoryResolver) builder(true).build();
    ResolverBuilder underTheLock = builder(true);
    underTheLock.readAhead = false;
    IdentityResolver plain = underTheLock.build();
    for (IdentityResolver r : List.of(ahead, plain)) {
      r.resolve(person("a", "ana", "garcia", "1980-01-01"));
    }
    Touchpoint b = person("b", "ana", "garcia", "1980-01-01");
    ReadAhead read = ahead.readAhead(b);
    assertEquals(1, read.scoring.preScores.size(), "a, scored before the lock");
    assertEquals(plain.remove("a"), ahead.remove("a"));
    String got;
    try {
      got = describe(() -> ahead.resolve(b, read));
    } finally {
      read.release();
    }
    assertEquals(describe(() -> plain.resolve(b)), got);
    assertTrue(got.startsWith("CREATED"), got);

    Touchpoint d = person("d", "ana", "garcia", "1980-01-01");
    ReadAhead early = ahead.readAhead(d);
    assertEquals(1, early.scoring.preScores.size(), "b, scored before the lock");
    for (IdentityResolver r : List.of(ahead, plain)) {
      r.resolve(person("c", "ana", "garcia", "1980-01-01"));
    }
    try {
      got = describe(() -> ahead.resolve(d, early));
    } finally {
      early.release();
    }
    assertEquals(describe(() -> plain.resolve(d)), got);
    assertEquals(DerivedValuesPropertiesTest.profiles(plain),
        DerivedValuesPropertiesTest.profiles(ahead));
    assertEquals(1, ahead.profiles().count(), "b, c and d are one person");
    GraphInvariants.check(ahead);
  }

  /**
   * Touchpoints of the property tests' data, some naming a type no setting names (registered by
   * the first insertion that meets it, while reads of it are outstanding), some refused whole,
   * repeats (of the same content, or of other content under a live id) and removals.
   */
  private static List<Step> history(Random random) {
    List<Touchpoint> pool =
        new ArrayList<>(RandomTouchpoints.generate(random, 40 + random.nextInt(50)));
    for (int i = 0; i < pool.size(); i++) {
      if (random.nextInt(6) == 0) {
        Touchpoint.Builder b = copyOf(pool.get(i));
        if (random.nextInt(3) == 0) {
          b.identifier(IdentifierType.CUSTOMER_ID, "X1")
              .identifier(IdentifierType.CUSTOMER_ID, "X2");
        } else {
          b.identifier(IdentifierType.of("card_" + random.nextInt(4)), "k" + random.nextInt(5));
        }
        pool.set(i, b.build());
      }
    }
    List<Step> steps = new ArrayList<>();
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    int next = 0;
    while (next < pool.size()) {
      int op = random.nextInt(10);
      if (op < 7 || live.isEmpty()) {
        Touchpoint t = pool.get(next++);
        live.put(t.id(), t);
        steps.add(new Step(t, null, 0));
      } else if (op < 8) {
        // A repeat: the same touchpoint, or another content under a live id, valid or refused
        // whole (a repeat all the same: its id is known).
        int kind = random.nextInt(3);
        Touchpoint.Builder other =
            Touchpoint.newBuilder(RandomTouchpoints.pick(live.keySet(), random))
                .channel(Channel.WEB).identifier(IdentifierType.EMAIL, "other@mail.example");
        if (kind == 2) {
          other.identifier(IdentifierType.CUSTOMER_ID, "X1")
              .identifier(IdentifierType.CUSTOMER_ID, "X2");
        }
        Touchpoint repeat =
            kind == 0 ? RandomTouchpoints.pick(live.values(), random) : other.build();
        steps.add(new Step(repeat, null, 0));
      } else {
        String id = RandomTouchpoints.pick(live.keySet(), random);
        live.remove(id);
        steps.add(new Step(null, id, 0));
      }
    }
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      if (step.resolve() != null) {
        steps.set(s, new Step(step.resolve(), null, s - random.nextInt(Math.min(s, 6) + 1)));
      }
    }
    return steps;
  }

  /** A builder of the touchpoint's id, channel, identifiers and attributes, to add more to. */
  private static Touchpoint.Builder copyOf(Touchpoint t) {
    Touchpoint.Builder b = Touchpoint.newBuilder(t.id()).channel(t.channel());
    t.identifiers().forEach(id -> b.identifier(id.type(), id.value()));
    t.attributes().forEach(b::attribute);
    return b;
  }

  /** A resolution as a caller reads it, or its refusal. */
  private static String describe(Supplier<Resolution> resolve) {
    try {
      Resolution r = resolve.get();
      return DerivedValuesPropertiesTest.describe(r) + " " + r.events();
    } catch (OmniIdException e) {
      return "refused " + e.reason() + " " + e.getMessage();
    }
  }

  @Test
  void aTouchpointReadAheadAsRefusedIsARepeatWhenItsIdIsKnown() {
    InMemoryResolver resolver = (InMemoryResolver) builder(false)
        .build();
    Touchpoint first = Touchpoint.newBuilder("a").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "C1").build();
    Touchpoint twoIds = Touchpoint.newBuilder("a").channel(Channel.STORE)
        .identifier(IdentifierType.CUSTOMER_ID, "C1")
        .identifier(IdentifierType.CUSTOMER_ID, "C2").build();
    ReadAhead early = resolver.readAhead(twoIds);
    ReadAhead late = null;
    try {
      resolver.resolve(first);
      late = resolver.readAhead(twoIds);
      assertTrue(late.normalizedKnown && late.normalized.refused != null);
      for (ReadAhead read : List.of(early, late)) {
        OmniIdException e = org.junit.jupiter.api.Assertions.assertThrows(OmniIdException.class,
            () -> resolver.resolve(twoIds, read));
        assertEquals(OmniIdException.Reason.DUPLICATE_TOUCHPOINT, e.reason());
      }
    } finally {
      early.release();
      if (late != null) {
        late.release();
      }
    }
    OmniIdException refused = org.junit.jupiter.api.Assertions.assertThrows(OmniIdException.class,
        () -> resolver.resolve(Touchpoint.newBuilder("b").channel(Channel.STORE)
            .identifier(IdentifierType.CUSTOMER_ID, "C1")
            .identifier(IdentifierType.CUSTOMER_ID, "C2").build()));
    assertEquals(OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES, refused.reason());
  }

  @Test
  void aThreadReadingTwiceBeforeItsFirstResolveHoldsTwoReadings() {
    ReadAhead first = ReadAhead.take();
    ReadAhead second = ReadAhead.take();
    assertNotSame(first, second);
    second.release();
    first.release();
    ReadAhead again = ReadAhead.take();
    try {
      assertSame(first, again, "the thread's own holder is reused once given back");
    } finally {
      again.release();
    }
  }

  @Test
  void aReleasedReadingKeepsNoCustomersValues() {
    InMemoryResolver resolver = (InMemoryResolver) builder(true).build();
    Touchpoint t = Touchpoint.newBuilder("a").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "C9")
        .identifier(IdentifierType.EMAIL, "Ana@mail.example")
        .attribute(AttributeKey.GIVEN_NAME, "ana").attribute(AttributeKey.FAMILY_NAME, "garcia")
        .build();
    ReadAhead unknown = resolver.readAhead(t);
    try {
      assertTrue(!unknown.normalizedKnown, "email and customer id are not known types yet");
    } finally {
      unknown.release();
    }
    resolver.resolve(Touchpoint.newBuilder("z").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "C1")
        .identifier(IdentifierType.EMAIL, "zoe@mail.example")
        .attribute(AttributeKey.GIVEN_NAME, "ana").attribute(AttributeKey.FAMILY_NAME, "garcia")
        .build());
    ReadAhead read = resolver.readAhead(t);
    assertEquals(1, read.scoring.preScores.size(), "z, in both of t's blocks, scored once");
    assertTrue(read.normalizedKnown);
    assertEquals("ana@mail.example", read.normalized.identifiers.get(1).value());
    assertTrue(read.scoring.prepared != null);
    resolver.resolve(t, read);
    read.release();
    assertTrue(read.normalized.identifiers.isEmpty());
    assertEquals(null, read.normalized.exclusive);
    assertEquals(null, read.normalized.person);
    assertEquals(null, read.scoring.prepared);
    assertTrue(read.scoring.problems.isEmpty());
    assertEquals(0, read.scoring.preScores.size());
    assertEquals(null, read.scoring.scratch.agreed[0]);
    for (long hash : read.scoring.fingerprints.values) {
      assertEquals(0L, hash, "no hash of the customer's blocking keys stays with the thread");
    }
  }

  /**
   * Threads resolving at once, their touchpoints naming types no setting names, so that types are
   * registered under the lock while other threads read ahead: the partition is the one a batch
   * of the same touchpoints gives.
   */
  @ParameterizedTest
  @MethodSource("concurrentSeeds")
  void threadsRegisteringTypesWhileOthersReadAheadGiveTheBatchPartition(long seed)
      throws Exception {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = new ArrayList<>();
    for (Touchpoint t : RandomTouchpoints.generate(random, 3_000)) {
      Touchpoint.Builder b = copyOf(t);
      b.identifier(IdentifierType.of("type_" + random.nextInt(300)), "v" + random.nextInt(40));
      touchpoints.add(b.build());
    }
    IdentityResolver resolver = builder(true).build();
    Lanes.run(4, touchpoints.size(), 120, i -> {
      try {
        resolver.resolve(touchpoints.get(i));
      } catch (OmniIdException refused) {
        // Two customer ids of the property tests' data: refused whole, in any order.
      }
    });
    IdentityResolver batch = builder(true).build();
    batch.resolveAll(touchpoints);
    assertEquals(RandomTouchpoints.describe(RandomTouchpoints.partition(batch)),
        RandomTouchpoints.describe(RandomTouchpoints.partition(resolver)), "seed=" + seed);
    GraphInvariants.check(resolver);
  }

  static LongStream concurrentSeeds() {
    return LongStream.range(0, 4).map(i -> 0xC0AD_0000L + i);
  }
}
