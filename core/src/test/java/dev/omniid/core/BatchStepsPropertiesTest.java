package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link BatchSteps} driven as a distributed engine drives it (the Spark module), here by maps
 * and a union-find in one thread: counts of distinct items per value and group, block sizes,
 * each pair scored in the first normal block it shares, components, then each component
 * partitioned. The partition must equal {@code resolveAll}'s for every seed: limits crossed,
 * junk, exclusive conflicts, person conflicts, blocks over their maximum (the resolver's, and a
 * blocking key's own).
 */
class BatchStepsPropertiesTest {
  /**
   * Each block's maximum is its blocking key's: the key's own when it has one, else the
   * resolver's; a key the facts do not give is refused without being repeated.
   */
  @Test
  void blocksHaveTheirKeysMaximum() {
    BatchSteps steps = BatchSteps.of(RandomTouchpoints.builder());
    assertEquals(6, steps.maxBlockSize());
    assertEquals(List.of(6, 4), steps.maxBlockSizes());
    assertEquals(6, steps.maxBlockSizeOf("0:garcia"));
    assertEquals(4, steps.maxBlockSizeOf("1:ana"));
    assertEquals(4, steps.maxBlockSizeOf("1:with:colons"));
    for (String bad : List.of("2:ana", "ana", "-1:ana", ":ana", "x:ana")) {
      IllegalArgumentException e =
          assertThrows(IllegalArgumentException.class, () -> steps.maxBlockSizeOf(bad), bad);
      assertFalse(e.getMessage().contains("ana"), e.getMessage());
    }
  }

  static Stream<Arguments> seeds() {
    return Configuration.matrix(List.of(Configuration.DETERMINISTIC, Configuration.SCORED),
        0xBA7C_0000L);
  }

  @ParameterizedTest(name = "{0} seed {1}")
  @MethodSource("seeds")
  void stepsGiveTheResolveAllPartition(Configuration config, long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = RandomTouchpoints.generate(random, 10 + random.nextInt(60));
    IdentityResolver resolver = config.builder().get().build();
    resolver.resolveAll(touchpoints);
    Set<Set<String>> expected = RandomTouchpoints.partition(resolver);

    Set<Set<String>> actual = engine(BatchSteps.of(config.builder().get()), touchpoints);
    assertEquals(RandomTouchpoints.describe(expected), RandomTouchpoints.describe(actual),
        "seed " + seed + " (" + config.name() + ")");
  }

  /** The engine: what the Spark pipeline does with datasets, with maps. */
  static Set<Set<String>> engine(BatchSteps steps, List<Touchpoint> touchpoints) {
    Map<String, Touchpoint> byId = new TreeMap<>();
    Map<String, BatchSteps.Facts> facts = new HashMap<>();
    for (Touchpoint t : touchpoints) {
      try {
        facts.put(t.id(), steps.facts(t));
        byId.put(t.id(), t);
      } catch (OmniIdException e) {
        // Rejected, as resolveAll rejects it.
      }
    }
    // Limits: distinct items per (value, group).
    Map<String, Map<String, Set<String>>> counted = new HashMap<>();
    Map<String, Integer> limits = new HashMap<>();
    Map<String, List<String>> carriers = new TreeMap<>();
    for (BatchSteps.Facts f : facts.values()) {
      for (BatchSteps.LinkingValue v : f.values()) {
        limits.put(v.key(), v.limit());
        carriers.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(f.touchpointId());
        for (BatchSteps.Counted c : v.counted()) {
          counted.computeIfAbsent(v.key(), k -> new HashMap<>())
              .computeIfAbsent(c.group(), g -> new HashSet<>()).add(c.item());
        }
      }
    }
    Set<String> over = new HashSet<>();
    counted.forEach((key, groups) -> groups.values().forEach(items -> {
      if (limits.get(key) > 0 && items.size() > limits.get(key)) {
        over.add(key);
      }
    }));
    // Blocks of normal size; each pair scored in the first one it shares.
    Map<String, List<String>> blocks = new TreeMap<>();
    facts.values().forEach(f -> f.blockingKeys().forEach(
        k -> blocks.computeIfAbsent(k, x -> new ArrayList<>()).add(f.touchpointId())));
    blocks.entrySet().removeIf(block -> block.getValue().size() < 2
        || block.getValue().size() > steps.maxBlockSizeOf(block.getKey()));
    Map<String, List<String>> normalOf = new HashMap<>();
    blocks.forEach((k, members) -> members.forEach(
        id -> normalOf.computeIfAbsent(id, x -> new ArrayList<>()).add(k)));
    normalOf.values().forEach(l -> l.sort(null));
    List<BatchSteps.ScoredMatch> matches = new ArrayList<>();
    blocks.forEach((k, members) -> matches.addAll(steps.score(
        members.stream().map(byId::get).collect(Collectors.toList()),
        (a, b) -> k.equals(firstCommon(normalOf.get(a), normalOf.get(b))))));
    // Components through the values that link and the matches.
    Map<String, String> parent = new HashMap<>();
    byId.keySet().forEach(id -> parent.put(id, id));
    carriers.forEach((key, ids) -> {
      if (!over.contains(key)) {
        for (String id : ids) {
          union(parent, ids.get(0), id);
        }
      }
    });
    matches.forEach(m -> union(parent, m.first(), m.second()));
    Map<String, List<Touchpoint>> components = new TreeMap<>();
    byId.forEach((id, t) -> components.computeIfAbsent(find(parent, id), x -> new ArrayList<>()).add(t));
    Set<Set<String>> out = new HashSet<>();
    for (List<Touchpoint> component : components.values()) {
      Set<String> ids = component.stream().map(Touchpoint::id).collect(Collectors.toSet());
      List<BatchSteps.ScoredMatch> inside = matches.stream()
          .filter(m -> ids.contains(m.first())).collect(Collectors.toList());
      for (List<String> group : steps.partition(component, over, inside, false).groups()) {
        out.add(new TreeSet<>(group));
      }
    }
    return out;
  }

  private static String firstCommon(List<String> x, List<String> y) {
    for (String k : x) {
      if (y.contains(k)) {
        return k;
      }
    }
    return null;
  }

  private static String find(Map<String, String> parent, String v) {
    while (!parent.get(v).equals(v)) {
      v = parent.get(v);
    }
    return v;
  }

  private static void union(Map<String, String> parent, String a, String b) {
    String x = find(parent, a);
    String y = find(parent, b);
    if (!x.equals(y)) {
      parent.put(y, x);
    }
  }
}
