package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.generate;
import static dev.omniid.core.RandomTouchpoints.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One rule, one place: the fast path is a shortcut, not a second rule. The same random histories
 * run on a resolver with the fast path and one without it, and everything a caller can see must
 * be equal after every step: each call's return value (a resolution's outcome, profile id, merged
 * ids, evidence, events and problems), the events listeners heard, and every profile with its id,
 * aliases, identifiers, journey and evidence.
 */
public class FastPathPropertiesTest {

  // Public for the examples module's runs of these tests; the type is JUnit's, not an export.
  @SuppressWarnings("exports")
  public static Stream<Arguments> seeds() {
    return Configuration.matrix(Configuration.core(), 0xFA57_0000L);
  }

  @AfterEach
  void release() {
    Configuration.releaseAll();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theFullPathAloneGivesWhatTheFastPathGives(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> pool = generate(random, 2 + random.nextInt(50));
    List<ProfileEvent> heardFast = new ArrayList<>();
    List<ProfileEvent> heardFull = new ArrayList<>();
    IdentityResolver fast = config.build(true, heardFast::add);
    IdentityResolver full = config.build(false, heardFull::add);
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    List<Touchpoint> waiting = new ArrayList<>(pool);
    Collections.shuffle(waiting, random);
    int fastOutcomes = 0;
    // Some resolutions are compared only at the end, after later changes: a fast-path resolution
    // builds its evidence and events when first read, and must build what it held when made.
    List<Object> laterFull = new ArrayList<>();
    List<Object> laterFast = new ArrayList<>();
    for (int step = 0; step < 80 && !(waiting.isEmpty() && live.isEmpty()); step++) {
      String context = "seed=" + seed + " " + config + " step=" + step;
      int op = random.nextInt(12);
      Function<IdentityResolver, Object> change;
      if ((op < 7 || live.size() < 2) && !waiting.isEmpty()) {
        Touchpoint t = waiting.remove(waiting.size() - 1);
        live.put(t.id(), t);
        change = r -> r.resolve(t);
        fastOutcomes++;
      } else if (op < 8 && !waiting.isEmpty()) {
        List<Touchpoint> batch = new ArrayList<>();
        for (int i = 0; i < 3 && !waiting.isEmpty(); i++) {
          Touchpoint t = waiting.remove(waiting.size() - 1);
          batch.add(t);
          live.put(t.id(), t);
        }
        change = r -> r.resolveAll(batch);
      } else if (op < 9 && !live.isEmpty()) {
        String id = pick(live.keySet(), random);
        live.remove(id);
        waiting.add(0, pool.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow());
        change = r -> r.remove(id);
      } else if (op < 10 && live.size() >= 2) {
        String a = pick(live.keySet(), random);
        String b = pick(live.keySet(), random);
        change = a.equals(b) ? r -> List.of() : r -> r.neverLink(a, b);
      } else if (op < 11 && live.size() >= 2) {
        String a = pick(live.keySet(), random);
        String b = pick(live.keySet(), random);
        change = r -> r.allowLink(a, b);
      } else if (!live.isEmpty()) {
        Profile p = full.profileOfTouchpoint(pick(live.keySet(), random)).orElseThrow();
        if (p.size() < 2) {
          continue;
        }
        List<String> ids = new ArrayList<>(p.touchpointIds());
        Collections.shuffle(ids, random);
        Set<String> side = new HashSet<>(ids.subList(0, 1 + random.nextInt(ids.size() - 1)));
        change = r -> r.split(p.id(), side);
      } else {
        continue;
      }
      Object fromFull = change.apply(full);
      Object fromFast = change.apply(fast);
      if (fromFast instanceof Resolution && random.nextBoolean()) {
        laterFull.add(fromFull);
        laterFast.add(fromFast);
      } else {
        assertEquals(fromFull, fromFast, context + ": the call's result");
      }
      assertEquals(heardFull, heardFast, context + ": the events listeners heard");
      assertEquals(full.profiles().toList(), fast.profiles().toList(), context + ": the profiles");
      GraphInvariants.check(fast);
      GraphInvariants.check(full);
    }
    assertEquals(laterFull, laterFast, "seed=" + seed + " " + config
        + ": resolutions first read after the history");
    assertTrue(fastOutcomes > 0 || pool.size() < 2, "seed=" + seed + " resolved nothing singly");
  }
}
