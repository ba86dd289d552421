package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.generate;
import static dev.omniid.core.RandomTouchpoints.partition;
import static dev.omniid.core.RandomTouchpoints.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The invariants of the merge graph on random touchpoint sets, over every {@link Configuration}.
 * Each case is one configuration and seed; a failure message starts with the seed, and
 * {@code seeds()} can be narrowed to it to replay. {@link GraphInvariants} checks the graph's
 * structure after every step.
 */
public class ResolverPropertiesTest {

  // Public for the examples module's runs of these tests; the type is JUnit's, not an export.
  @SuppressWarnings("exports")
  public static Stream<Arguments> seeds() {
    return Configuration.matrix(Configuration.core(), 0x5EED_0000L);
  }

  @AfterEach
  void release() {
    Configuration.releaseAll();
  }

  private static List<Touchpoint> shuffled(List<Touchpoint> touchpoints, Random random) {
    List<Touchpoint> copy = new ArrayList<>(touchpoints);
    Collections.shuffle(copy, random);
    return copy;
  }

  private static Set<Set<String>> batch(Configuration config, List<Touchpoint> touchpoints,
      Set<List<String>> neverLinks) {
    IdentityResolver r = config.build();
    r.resolveAll(touchpoints);
    GraphInvariants.check(r);
    for (List<String> pair : neverLinks) {
      r.neverLink(pair.get(0), pair.get(1));
    }
    GraphInvariants.check(r);
    return partition(r);
  }

  /** Property 1: one at a time, in any order, equals the batch. */
  @ParameterizedTest
  @MethodSource("seeds")
  void incrementalInAnyOrderEqualsBatch(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = generate(random, 1 + random.nextInt(40));
    Set<Set<String>> expected = batch(config, touchpoints, Set.of());
    IdentityResolver all = config.build();
    all.resolveAll(touchpoints);
    // Journeys too: time order, the untimed after the timed, ties by id, whatever the arrival.
    String journeys = RandomTouchpoints.journeys(all);
    for (int order = 0; order < 3; order++) {
      IdentityResolver r = config.build();
      for (Touchpoint t : shuffled(touchpoints, random)) {
        r.resolve(t);
        GraphInvariants.check(r);
      }
      assertEquals(describe(expected), describe(partition(r)), "seed=" + seed + " order=" + order);
      assertEquals(journeys, RandomTouchpoints.journeys(r), "seed=" + seed + " order=" + order);
    }
    // A batch after a prefix resolved one at a time lands on the same partition too.
    List<Touchpoint> order = shuffled(touchpoints, random);
    int cut = random.nextInt(order.size() + 1);
    IdentityResolver mixed = config.build();
    order.subList(0, cut).forEach(mixed::resolve);
    mixed.resolveAll(order.subList(cut, order.size()));
    GraphInvariants.check(mixed);
    assertEquals(describe(expected), describe(partition(mixed)), "seed=" + seed + " mixed");
  }

  /**
   * Property 2: after any sequence of resolutions, removals, never-links, allow-links and splits,
   * every touchpoint is in exactly one profile, and the partition equals the batch resolution of
   * what remains with the same never-link rules (so local recomputation missed nothing).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void anySequenceOfChangesKeepsOneProfilePerTouchpointAndMatchesBatch(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> pool = generate(random, 2 + random.nextInt(40));
    IdentityResolver r = config.build();
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    Set<List<String>> neverLinks = new HashSet<>();
    List<Touchpoint> waiting = shuffled(pool, random);
    for (int step = 0; step < 60; step++) {
      int op = random.nextInt(10);
      if ((op < 5 || live.size() < 2) && !waiting.isEmpty()) {
        Touchpoint t = waiting.remove(waiting.size() - 1);
        r.resolve(t);
        live.put(t.id(), t);
      } else if (op < 7 && !live.isEmpty()) {
        String id = pick(live.keySet(), random);
        r.remove(id);
        live.remove(id);
        neverLinks.removeIf(pair -> pair.contains(id));
        waiting.add(pool.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow());
      } else if (op < 8 && live.size() >= 2) {
        String a = pick(live.keySet(), random);
        String b = pick(live.keySet(), random);
        if (!a.equals(b)) {
          r.neverLink(a, b);
          neverLinks.add(pair(a, b));
        }
      } else if (op < 9 && !neverLinks.isEmpty()) {
        List<String> rule = pick(neverLinks, random);
        r.allowLink(rule.get(1), rule.get(0));
        neverLinks.remove(rule);
      } else if (!live.isEmpty()) {
        Profile p = r.profileOfTouchpoint(pick(live.keySet(), random)).orElseThrow();
        if (p.size() >= 2) {
          List<String> ids = new ArrayList<>(p.touchpointIds());
          Collections.shuffle(ids, random);
          Set<String> side = new HashSet<>(ids.subList(0, 1 + random.nextInt(ids.size() - 1)));
          r.split(p.id(), side);
          for (String a : side) {
            for (String b : p.touchpointIds()) {
              if (!side.contains(b)) {
                neverLinks.add(pair(a, b));
              }
            }
          }
        }
      }
      GraphInvariants.check(r);
      assertOneProfilePerTouchpoint(r, live.keySet(), "seed=" + seed + " step=" + step);
    }
    assertEquals(describe(batch(config, new ArrayList<>(live.values()), neverLinks)), describe(partition(r)),
        "seed=" + seed);
  }

  /** Property 3: removing a touchpoint leaves the partition of never having ingested it. */
  @ParameterizedTest
  @MethodSource("seeds")
  void removingEqualsNeverIngesting(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = generate(random, 2 + random.nextInt(40));
    IdentityResolver r = config.build();
    r.resolveAll(touchpoints);
    List<Touchpoint> remaining = new ArrayList<>(touchpoints);
    int removals = 1 + random.nextInt(Math.min(5, touchpoints.size()));
    for (int i = 0; i < removals; i++) {
      Touchpoint gone = remaining.remove(random.nextInt(remaining.size()));
      List<ProfileEvent> events = r.remove(gone.id());
      GraphInvariants.check(r);
      assertTrue(events.stream().anyMatch(e -> e.touchpointIds().contains(gone.id())),
          "seed=" + seed + " removal reported " + events);
      assertEquals(describe(batch(config, remaining, Set.of())), describe(partition(r)),
          "seed=" + seed + " after removing " + gone.id());
    }
  }

  /** Property 4: no profile ever holds two distinct values of an exclusive type. */
  @ParameterizedTest
  @MethodSource("seeds")
  void noProfileHoldsTwoValuesOfAnExclusiveType(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = generate(random, 1 + random.nextInt(60));
    IdentityResolver r = config.build();
    for (Touchpoint t : touchpoints) {
      r.resolve(t);
      GraphInvariants.check(r);
      r.profiles().forEach(p -> {
        for (IdentifierType exclusive : List.of(IdentifierType.CUSTOMER_ID,
            IdentifierType.LOYALTY_ID, IdentifierType.PASSPORT)) {
          long distinct = p.identifiers().stream().filter(i -> i.type().equals(exclusive)).count();
          assertTrue(distinct <= 1, "seed=" + seed + " " + p.id() + " holds " + distinct
              + " values of " + exclusive + " after " + t.id());
        }
      });
    }
  }

  /** Property 5: several threads resolving a shuffled set give the partition of one thread. */
  @ParameterizedTest
  @MethodSource("concurrencySeeds")
  void concurrentResolutionEqualsSingleThread(Configuration config, long seed) throws Exception {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = generate(random, 50 + random.nextInt(150));
    Set<Set<String>> expected = batch(config, touchpoints, Set.of());
    IdentityResolver r = config.build();
    List<Touchpoint> order = shuffled(touchpoints, random);
    Lanes.run(4, order.size(), 60, i -> {
      r.resolve(order.get(i));
      // Readers run alongside writers and must always see a whole partition.
      r.profileOfTouchpoint(order.get(i).id()).orElseThrow();
    });
    assertEquals(describe(expected), describe(partition(r)), "seed=" + seed);
    GraphInvariants.check(r);
  }

  // Public for the examples module's runs of these tests; the type is JUnit's, not an export.
  @SuppressWarnings("exports")
  public static Stream<Arguments> concurrencySeeds() {
    return LongStream.range(0, 100).mapToObj(i -> Arguments.of(Configuration.SCORED, 0xC0C0_0000L + i));
  }

  /** Idempotent delivery: resolving the same touchpoints again changes nothing. */
  @ParameterizedTest
  @MethodSource("seeds")
  void redeliveryChangesNothing(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = generate(random, 1 + random.nextInt(30));
    IdentityResolver r = config.build();
    r.resolveAll(touchpoints);
    Set<Set<String>> before = partition(r);
    for (Touchpoint t : shuffled(touchpoints, random)) {
      assertEquals(Resolution.Outcome.DUPLICATE, r.resolve(t).outcome(), "seed=" + seed);
    }
    BatchResult again = r.resolveAll(touchpoints);
    assertEquals(touchpoints.size(), again.duplicates(), "seed=" + seed);
    assertEquals(describe(before), describe(partition(r)), "seed=" + seed);
  }

  private static void assertOneProfilePerTouchpoint(
      IdentityResolver r, Set<String> live, String context) {
    Map<String, ProfileId> owner = new HashMap<>();
    List<Profile> profiles = r.profiles().toList();
    for (Profile p : profiles) {
      for (String id : p.touchpointIds()) {
        ProfileId previous = owner.put(id, p.id());
        assertTrue(previous == null, context + ": " + id + " in " + previous + " and " + p.id());
      }
      assertEquals(p, r.profile(p.id()).orElseThrow(), context + ": look-up of " + p.id());
      for (ProfileId alias : p.aliases()) {
        assertEquals(p.id(), r.profile(alias).orElseThrow().id(), context + ": alias " + alias);
      }
    }
    assertEquals(new TreeSet<>(live), new TreeSet<>(owner.keySet()), context);
    assertEquals(live.size(), r.touchpointCount(), context);
    assertEquals(profiles.size(), r.profileCount(), context);
    for (String id : live) {
      assertEquals(owner.get(id), r.profileIdOf(id).orElseThrow(), context + ": " + id);
    }
    for (Profile p : profiles) {
      for (Relation related : r.related(p.id())) {
        assertTrue(r.related(related.profileId()).stream()
            .anyMatch(back -> back.profileId().equals(p.id())), context + ": " + p.id()
            + " is related to " + related.profileId() + " but not the other way round");
        assertTrue(!related.profileId().equals(p.id()), context + ": related to itself");
      }
    }
  }

  private static List<String> pair(String a, String b) {
    return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
  }
}
