package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compact stronger-value counts agree with a plain map, across the switch to a map and back. */
class StrongerCountsTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void agreesWithAMap(long seed) {
    Random random = new Random(seed);
    List<TypeInfo> types = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      IdentifierType type = IdentifierType.of("t" + t);
      types.add(new TypeInfo(type, IdentifierPolicy.DEFAULT, Normalizer.identity(), v -> false, null, -1,
          false, null));
    }
    List<ValueNode> nodes = new ArrayList<>();
    int distinctNodes = 1 + random.nextInt(40);
    for (int i = 0; i < distinctNodes; i++) {
      TypeInfo type = types.get(random.nextInt(types.size()));
      nodes.add(new ValueNode(type, "v" + i, false));
    }
    StrongerCounts counts = new StrongerCounts();
    Map<ValueNode, Integer> model = new HashMap<>();
    for (int step = 0; step < 3_000; step++) {
      ValueNode node = nodes.get(random.nextInt(nodes.size()));
      // Never below zero, as in the resolver: a carrier is counted out only after it was counted in.
      int delta = model.getOrDefault(node, 0) > 0 && random.nextBoolean() ? -1 : 1;
      counts.add(node, delta);
      model.merge(node, delta, Integer::sum);
      model.remove(node, 0);
      assertEquals(model.size(), counts.distinct(), "distinct at step " + step);
      for (int limit = 0; limit < 6; limit++) {
        Map<TypeInfo, Integer> perType = new HashMap<>();
        for (ValueNode n : model.keySet()) {
          perType.merge(n.type, 1, Integer::sum);
        }
        int finalLimit = limit;
        boolean over = perType.values().stream().anyMatch(c -> c > finalLimit);
        assertEquals(over, counts.anyTypeOver(limit), "limit " + limit + " at step " + step);
      }
    }
  }
}
