package dev.omniid.core;

import static dev.omniid.core.JournalFixtures.batch;
import static dev.omniid.core.JournalFixtures.journal;
import static dev.omniid.core.JournalFixtures.pair;
import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.partition;
import static dev.omniid.core.RandomTouchpoints.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replay equals the live resolver: random sequences of every change, with restarts, compactions
 * (by hand and on a tiny threshold) and every durability policy, compared with the partition the
 * resolver had and with the batch resolution of what the test knows is live.
 */
class JournalPropertiesTest {
  @TempDir
  Path temp;

  static LongStream seeds() {
    return LongStream.range(0, 150).map(i -> 0x10A0_0000L + i);
  }

  private IdentityResolver open(Path dir, Random random) {
    ResolverBuilder b = JournalFixtures.builder();
    Durability durability = switch (random.nextInt(3)) {
      case 0 -> Durability.syncEachWrite();
      case 1 -> Durability.groupCommit(java.time.Duration.ofMillis(5), 1 + random.nextInt(8));
      default -> Durability.none();
    };
    b.journal(dir, durability);
    if (random.nextBoolean()) {
      b.journalCompactionThreshold(1 + random.nextInt(3000));
    }
    return b.build();
  }

  /**
   * What a caller may have stored: each touchpoint's profile id, and where every profile id and
   * alias leads. A restart must keep all of it.
   */
  private static Map<String, String> profileIds(IdentityResolver r) {
    Map<String, String> out = new java.util.TreeMap<>();
    r.profiles().forEach(p -> {
      for (String id : p.touchpointIds()) {
        out.put(id, p.id().toString());
      }
      out.put("#" + p.id(), p.id().toString());
      for (ProfileId alias : p.aliases()) {
        out.put("#" + alias, r.profile(alias).orElseThrow().id().toString());
      }
    });
    out.put("#count", Integer.toString(r.profileCount()));
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void replayReachesThePartitionTheResolverHad(long seed) {
    Random random = new Random(seed);
    Path dir = temp.resolve("j");
    List<Touchpoint> pool = RandomTouchpoints.generate(random, 2 + random.nextInt(40));
    IdentityResolver r = open(dir, random);
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    Set<List<String>> rules = new HashSet<>();
    List<Touchpoint> waiting = new ArrayList<>(pool);
    Collections.shuffle(waiting, random);
    int restarts = 0;
    for (int step = 0; step < 70; step++) {
      int op = random.nextInt(13);
      if ((op < 4 || live.size() < 2) && !waiting.isEmpty()) {
        Touchpoint t = waiting.remove(waiting.size() - 1);
        r.resolve(t);
        live.put(t.id(), t);
        if (random.nextInt(4) == 0) {
          r.resolve(t); // a duplicate: not journaled, changes nothing
        }
      } else if (op == 4 && !waiting.isEmpty()) {
        int n = 1 + random.nextInt(waiting.size());
        List<Touchpoint> chunk = new ArrayList<>(waiting.subList(waiting.size() - n, waiting.size()));
        waiting.subList(waiting.size() - n, waiting.size()).clear();
        if (random.nextBoolean() && !live.isEmpty()) {
          chunk.add(live.values().iterator().next()); // a duplicate inside a batch
        }
        r.resolveAll(chunk);
        chunk.forEach(t -> live.put(t.id(), t));
      } else if (op < 7 && !live.isEmpty()) {
        String id = pick(live.keySet(), random);
        r.remove(id);
        live.remove(id);
        rules.removeIf(p -> p.contains(id));
        waiting.add(pool.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow());
      } else if (op < 8 && live.size() >= 2) {
        String a = pick(live.keySet(), random);
        String b = pick(live.keySet(), random);
        if (!a.equals(b)) {
          r.neverLink(a, b);
          rules.add(pair(a, b));
        }
      } else if (op < 9 && !rules.isEmpty()) {
        List<String> rule = pick(rules, random);
        r.allowLink(rule.get(1), rule.get(0));
        rules.remove(rule);
      } else if (op < 10 && !live.isEmpty()) {
        Profile p = r.profileOfTouchpoint(pick(live.keySet(), random)).orElseThrow();
        if (p.size() >= 2) {
          List<String> ids = new ArrayList<>(p.touchpointIds());
          Collections.shuffle(ids, random);
          Set<String> side = new HashSet<>(ids.subList(0, 1 + random.nextInt(ids.size() - 1)));
          r.split(p.id(), side);
          for (String a : side) {
            for (String b : p.touchpointIds()) {
              if (!side.contains(b)) {
                rules.add(pair(a, b));
              }
            }
          }
        }
      } else if (op == 10) {
        journal(r).compact();
      } else {
        Set<Set<String>> before = partition(r);
        Map<String, String> idsBefore = profileIds(r);
        journal(r).close();
        r = open(dir, random);
        restarts++;
        assertEquals(describe(before), describe(partition(r)), "seed=" + seed + " step=" + step);
        assertEquals(idsBefore, profileIds(r), "profile ids, seed=" + seed + " step=" + step);
        assertTrue(journal(r).recoveryReport().clean(), "seed=" + seed);
        assertEquals(live.size(), journal(r).recoveryReport().touchpoints(), "seed=" + seed);
        assertEquals(rules.size(), journal(r).recoveryReport().neverLinkRules(), "seed=" + seed);
      }
    }
    Set<Set<String>> before = partition(r);
    assertEquals(describe(batch(live.values(), rules)), describe(before), "seed=" + seed);
    Map<String, String> idsBefore = profileIds(r);
    String journeysBefore = RandomTouchpoints.journeys(r);
    journal(r).close();
    IdentityResolver again = open(dir, random);
    try {
      assertEquals(describe(before), describe(partition(again)),
          "seed=" + seed + " after " + restarts + " restarts");
      assertEquals(idsBefore, profileIds(again), "profile ids, seed=" + seed);
      // Every touchpoint comes back equal, timed or not, so the journeys are the same too.
      assertEquals(live, again.profiles().flatMap(p -> p.journey().stream())
          .collect(java.util.stream.Collectors.toMap(Touchpoint::id, t -> t)), "seed=" + seed);
      assertEquals(journeysBefore, RandomTouchpoints.journeys(again), "seed=" + seed);
    } finally {
      journal(again).close();
    }
  }
}
