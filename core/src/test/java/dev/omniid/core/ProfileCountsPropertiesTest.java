package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link IdentityResolver#profileCounts()} counts what the profiles show: after every step of a
 * random history (resolves, batches, removals, never-links), the same as summing over
 * {@link IdentityResolver#profiles()}.
 */
class ProfileCountsPropertiesTest {

  static Stream<Arguments> seeds() {
    return Configuration.matrix(Configuration.coreWithSeeds(10, 40), 0xC0C0_0000L);
  }

  @AfterEach
  void release() {
    Configuration.releaseAll();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void countsAreTheSumsOverTheProfiles(Configuration config, long seed) {
    replay(config, seed, false);
  }

  /**
   * The same with touchpoints arriving out of id order: the counts tell each component once, by
   * the profile holding its least touchpoint id, which is then not the profile's first member.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void countsAreTheSumsOverTheProfilesWhateverTheArrivalOrder(Configuration config, long seed) {
    replay(config, seed, true);
  }

  private static void replay(Configuration config, long seed, boolean shuffled) {
    Random random = new Random(seed);
    IdentityResolver resolver = config.build();
    List<Touchpoint> pool = new ArrayList<>(
        RandomTouchpoints.generate(random, 10 + random.nextInt(60)));
    if (shuffled) {
      java.util.Collections.shuffle(pool, random);
    }
    List<String> live = new ArrayList<>();
    int at = 0;
    for (int step = 0; at < pool.size(); step++) {
      int choice = random.nextInt(10);
      if (choice == 0 && live.size() > 2) {
        resolver.remove(live.remove(random.nextInt(live.size())));
      } else if (choice == 1 && live.size() > 2) {
        int a = random.nextInt(live.size());
        int b = (a + 1 + random.nextInt(live.size() - 1)) % live.size();
        resolver.neverLink(live.get(a), live.get(b));
      } else if (choice == 2) {
        List<Touchpoint> batch = pool.subList(at, Math.min(pool.size(), at + 1 + random.nextInt(8)));
        resolver.resolveAll(batch);
        batch.forEach(t -> live.add(t.id()));
        at += batch.size();
      } else {
        resolver.resolve(pool.get(at));
        live.add(pool.get(at++).id());
      }
      assertEquals(expected(resolver), resolver.profileCounts(),
          config + " seed=" + seed + " step=" + step);
    }
  }

  private static ProfileCounts expected(IdentityResolver resolver) {
    List<Profile> profiles = resolver.profiles().toList();
    Map<Evidence.Kind, Long> byKind = new EnumMap<>(Evidence.Kind.class);
    for (Evidence.Kind kind : Evidence.Kind.values()) {
      byKind.put(kind, 0L);
    }
    for (Profile p : profiles) {
      p.evidence().forEach(e -> byKind.merge(e.kind(), 1L, Long::sum));
    }
    return new ProfileCounts(profiles.size(), profiles.stream().filter(p -> p.size() > 1).count(),
        byKind);
  }
}
