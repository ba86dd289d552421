package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Partitions as touchpoint id → label, and their comparison pair by pair. */
final class Partitions {
  private Partitions() {}

  /** The resolver's partition: each touchpoint id to its profile id. */
  static Map<String, String> of(IdentityResolver resolver) {
    Map<String, String> out = new HashMap<>();
    resolver.profiles().forEach((Profile p) ->
        p.touchpointIds().forEach(id -> out.put(id, p.id().toString())));
    return out;
  }

  /** A Spark result's partition: record id to profile id (collected: a test's data). */
  static Map<String, String> of(Dataset<Row> result) {
    Map<String, String> out = new HashMap<>();
    for (Row r : result.select(OmniIdSpark.RECORD_ID, OmniIdSpark.PROFILE_ID).collectAsList()) {
      if (out.put(r.getString(0), r.getString(1)) != null) {
        fail("record " + r.getString(0) + " appears twice in the result");
      }
    }
    return out;
  }

  /**
   * Asserts that two partitions of the same ids hold the same pairs: every pair together in one
   * is together in the other, and the reverse. The message counts both kinds and shows a few.
   */
  static void assertSamePairs(Map<String, String> expected, Map<String, String> actual) {
    assertEquals(new TreeMap<>(expected).keySet(), new TreeMap<>(actual).keySet(),
        "the same touchpoints are placed");
    List<String> missing = pairsNotIn(expected, actual);
    List<String> extra = pairsNotIn(actual, expected);
    if (!missing.isEmpty() || !extra.isEmpty()) {
      fail(missing.size() + " pairs together in resolveAll are apart on Spark (e.g. "
          + missing.subList(0, Math.min(5, missing.size())) + "), " + extra.size()
          + " pairs together on Spark are apart in resolveAll (e.g. "
          + extra.subList(0, Math.min(5, extra.size())) + ")");
    }
  }

  /** The pairs together in {@code a} that are apart in {@code b}. */
  private static List<String> pairsNotIn(Map<String, String> a, Map<String, String> b) {
    Map<String, List<String>> groups = new HashMap<>();
    a.forEach((id, label) -> groups.computeIfAbsent(label, k -> new ArrayList<>()).add(id));
    List<String> out = new ArrayList<>();
    for (List<String> group : groups.values()) {
      for (int i = 0; i < group.size(); i++) {
        for (int j = i + 1; j < group.size(); j++) {
          if (!b.get(group.get(i)).equals(b.get(group.get(j)))) {
            out.add(group.get(i) + "~" + group.get(j));
          }
        }
      }
    }
    return out;
  }
}
