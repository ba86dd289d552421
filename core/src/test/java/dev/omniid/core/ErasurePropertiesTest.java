package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Erasure on random histories, over every {@link Configuration}: after {@code forget} by value or
 * by profile, what the resolver shows (partition, evidence with its raw spellings, identifiers,
 * generic values) equals what a fresh resolver fed only the surviving touchpoints, in the same
 * order and with the same rules, shows; no erased id resolves; every other id and alias still
 * names a profile holding a survivor of the profile it named; the events heard describe exactly
 * the difference. A journaled case also restarts and must show the same again.
 */
class ErasurePropertiesTest {
  @TempDir
  Path temp;

  /** Fewer seeds than the other properties: each case replays a history and a fresh resolver. */
  static Stream<Arguments> seeds() {
    return Configuration.matrix(Configuration.coreWithSeeds(10, 30), 0xE5A5_E000L);
  }

  @AfterEach
  void release() {
    Configuration.releaseAll();
  }

  private IdentityResolver open(Configuration config, Path dir, List<ProfileEvent> heard) {
    ResolverBuilder b = config.builder().get().listener(heard::add);
    return config.journaled() ? b.journal(dir, Durability.none()).build() : b.build();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void forgettingLeavesWhatAResolverThatNeverSawTheErasedShows(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> pool = RandomTouchpoints.generate(random, 2 + random.nextInt(30));
    Path dir = temp.resolve("j");
    List<ProfileEvent> heard = new ArrayList<>();
    IdentityResolver r = open(config, dir, heard);
    // Arrival order of what is live: a removed touchpoint resolved again arrives anew.
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    Set<List<String>> rules = new HashSet<>();
    List<Touchpoint> waiting = new ArrayList<>(pool);
    Collections.shuffle(waiting, random);
    for (int step = 0; step < 40; step++) {
      int op = random.nextInt(10);
      if ((op < 6 || live.size() < 2) && !waiting.isEmpty()) {
        Touchpoint t = waiting.remove(waiting.size() - 1);
        r.resolve(t);
        live.put(t.id(), t);
      } else if (op < 7 && !live.isEmpty()) {
        String id = pick(live.keySet(), random);
        r.remove(id);
        live.remove(id);
        rules.removeIf(p -> p.contains(id));
        waiting.add(0, pool.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow());
      } else if (op < 9 && live.size() >= 2) {
        String a = pick(live.keySet(), random);
        String b = pick(live.keySet(), random);
        if (!a.equals(b)) {
          r.neverLink(a, b);
          rules.add(pair(a, b));
        }
      } else if (!rules.isEmpty()) {
        List<String> rule = pick(rules, random);
        r.allowLink(rule.get(0), rule.get(1));
        rules.remove(rule);
      }
      GraphInvariants.check(r);
    }
    for (int round = 0; round < 2 && !live.isEmpty(); round++) {
      String context = "seed=" + seed + " round=" + round;
      Map<ProfileId, Set<String>> idsBefore = idsAndMembers(r);
      Set<Set<String>> before = partition(r);
      Touchpoint someone = live.get(pick(live.keySet(), random));
      heard.clear();
      List<String> gone;
      if (random.nextInt(3) == 0 || someone.identifiers().isEmpty()) {
        gone = r.forget(r.profileIdOf(someone.id()).orElseThrow());
      } else {
        Identifier target = someone.identifiers().get(random.nextInt(someone.identifiers().size()));
        gone = r.forget(target.type(), target.raw());
      }
      GraphInvariants.check(r);
      Set<String> erased = new HashSet<>(gone);
      erased.forEach(live::remove);
      rules.removeIf(p -> erased.contains(p.get(0)) || erased.contains(p.get(1)));

      IdentityResolver fresh = config.builder().get().build();
      live.values().forEach(fresh::resolve);
      rules.forEach(p -> fresh.neverLink(p.get(0), p.get(1)));
      assertEquals(shown(fresh), shown(r), context);
      assertIds(r, idsBefore, before, erased, context);
      assertEventsDescribe(heard, idsBefore, before, r, erased, context);
    }
    if (config.journaled()) {
      String was = shown(r);
      Map<ProfileId, Set<String>> ids = idsAndMembers(r);
      r.close();
      IdentityResolver again = open(config, dir, new ArrayList<>());
      GraphInvariants.check(again);
      assertEquals(was, shown(again), "seed=" + seed + " after a restart");
      assertEquals(ids, idsAndMembers(again), "seed=" + seed + " ids after a restart");
      again.close();
    }
  }

  /** Every id that resolves (current and aliases) with the touchpoints of its profile. */
  private static Map<ProfileId, Set<String>> idsAndMembers(IdentityResolver r) {
    Map<ProfileId, Set<String>> out = new TreeMap<>();
    r.profiles().forEach(p -> {
      Set<String> members = new TreeSet<>(p.touchpointIds());
      out.put(p.id(), members);
      p.aliases().forEach(a -> out.put(a, members));
    });
    return out;
  }

  private static void assertIds(IdentityResolver r, Map<ProfileId, Set<String>> idsBefore,
      Set<Set<String>> before, Set<String> erased, String context) {
    Set<Set<String>> after = partition(r);
    for (Map.Entry<ProfileId, Set<String>> e : idsBefore.entrySet()) {
      Set<String> survivors = new TreeSet<>(e.getValue());
      survivors.removeAll(erased);
      Profile now = r.profile(e.getKey()).orElse(null);
      if (survivors.isEmpty()) {
        assertTrue(now == null, context + ": erased id " + e.getKey() + " still resolves");
        continue;
      }
      assertTrue(now != null, context + ": " + e.getKey() + " stopped resolving");
      assertTrue(now.touchpointIds().stream().anyMatch(survivors::contains),
          context + ": " + e.getKey() + " moved to a profile of none of its survivors");
      // A profile the erasure left as it was keeps its id.
      boolean current = r.profileIdOf(e.getValue().iterator().next()).isPresent()
          && e.getValue().equals(new TreeSet<>(now.touchpointIds()));
      if (current && before.contains(e.getValue()) && after.contains(e.getValue())
          && isCurrentBefore(e.getKey(), idsBefore, e.getValue())) {
        assertEquals(e.getKey(), now.id(), context + ": an untouched profile changed its id");
      }
    }
  }

  /** Whether {@code id} was the current id (not an alias) of {@code members}' profile. */
  private static boolean isCurrentBefore(ProfileId id, Map<ProfileId, Set<String>> idsBefore,
      Set<String> members) {
    // The current id is the smallest one naming the profile: a group takes its oldest id.
    return idsBefore.entrySet().stream().filter(x -> x.getValue().equals(members))
        .map(Map.Entry::getKey).min(ProfileId::compareTo).orElseThrow().equals(id);
  }

  /**
   * The events are the difference between the partition before and after: a DELETED for each
   * profile that lost every touchpoint, and a MERGED only where a profile after holds survivors of
   * several profiles before.
   */
  private static void assertEventsDescribe(List<ProfileEvent> heard,
      Map<ProfileId, Set<String>> idsBefore, Set<Set<String>> before, IdentityResolver r,
      Set<String> erased, String context) {
    Map<ProfileId, Set<String>> currentBefore = new HashMap<>();
    for (Set<String> members : before) {
      currentBefore.put(idsBefore.entrySet().stream().filter(x -> x.getValue().equals(members))
          .map(Map.Entry::getKey).min(ProfileId::compareTo).orElseThrow(), members);
    }
    Set<ProfileId> deleted = currentBefore.entrySet().stream()
        .filter(e -> erased.containsAll(e.getValue())).map(Map.Entry::getKey)
        .collect(Collectors.toCollection(TreeSet::new));
    Set<ProfileId> heardDeleted = heard.stream().filter(e -> e.kind() == ProfileEvent.Kind.DELETED)
        .map(ProfileEvent::profileId).collect(Collectors.toCollection(TreeSet::new));
    assertEquals(deleted, heardDeleted, context + ": DELETED events " + heard);
    for (ProfileEvent e : heard) {
      if (e.kind() == ProfileEvent.Kind.MERGED) {
        Profile into = r.profile(e.profileId()).orElseThrow();
        Set<ProfileId> sources = new TreeSet<>();
        for (Map.Entry<ProfileId, Set<String>> old : currentBefore.entrySet()) {
          if (into.touchpointIds().stream().anyMatch(old.getValue()::contains)) {
            sources.add(old.getKey());
          }
        }
        assertTrue(sources.size() > 1, context + ": a merge that never was " + e);
      }
      assertTrue(e.kind() != ProfileEvent.Kind.CREATED && e.kind() != ProfileEvent.Kind.ATTACHED,
          context + ": an erasure adds nothing " + e);
    }
  }

  /**
   * What the resolver shows, independent of profile ids: each profile's touchpoints, identifiers
   * and evidence (raw spellings included), and the generic values, in a canonical order.
   */
  private static String shown(IdentityResolver r) {
    List<String> profiles = new ArrayList<>();
    r.profiles().forEach(p -> {
      List<String> evidence = new ArrayList<>();
      for (Evidence e : p.evidence()) {
        evidence.add(e.kind() + " " + e.touchpointId() + "~" + e.otherTouchpointId() + " "
            + spell(e.identifiers()) + " " + e.weight() + " " + e.personConflict());
      }
      Collections.sort(evidence);
      profiles.add(new TreeSet<>(p.touchpointIds()) + " ids=" + spell(p.identifiers())
          + " evidence=" + evidence);
    });
    Collections.sort(profiles);
    List<String> generic = new ArrayList<>();
    for (GenericValue g : r.genericValues()) {
      generic.add(spell(List.of(g.identifier())) + " " + g.reason() + " " + g.touchpoints());
    }
    return String.join("\n", profiles) + "\ngeneric=" + generic;
  }

  private static String spell(List<Identifier> identifiers) {
    return identifiers.stream().map(i -> i.type().name() + ":" + i.value() + "<" + i.raw() + ">")
        .collect(Collectors.joining(",", "[", "]"));
  }

  private static List<String> pair(String a, String b) {
    return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
  }

  private static <T> T pick(Set<T> set, Random random) {
    List<T> list = new ArrayList<>(set);
    if (list.get(0) instanceof Comparable<?>) {
      list.sort(null);
    }
    return list.get(random.nextInt(list.size()));
  }
}
