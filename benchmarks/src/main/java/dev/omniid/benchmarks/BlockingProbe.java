package dev.omniid.benchmarks;

import dev.omniid.core.BatchSteps;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the fuzzy resolve's candidates come from: for {@link ResolveBenchmark}'s fresh
 * touchpoints against its warm ones ({@code OmniId} defaults), which blocking key brings each
 * candidate, and whether the pair links. A candidate is a warm touchpoint that shares a block of
 * at most its key's maximum with the fresh one (the fresh one counted, as when it joins); the
 * fresh touchpoints are taken one by one against the warm ones only. Printed per key: the
 * candidates it brings, those it alone brings, and how many of each link.
 *
 * <p>Why: scoring a candidate costs its first reads whether or not it links, and a key whose
 * candidates seldom link, and never alone, costs more than it finds; but a key that alone finds a
 * few links is what records without an e-mail or a phone need. It reads through the public
 * {@link BatchSteps}, so it measures the keys and the model the resolver uses.
 *
 * <p>Run: {@code java -Xmx12g -cp benchmarks/target/benchmarks.jar
 * dev.omniid.benchmarks.BlockingProbe 1000000} ({@code WARM}).
 */
public final class BlockingProbe {
  private BlockingProbe() {}

  /**
   * Runs the probe.
   *
   * @param args {@code WARM}: the warm touchpoints
   */
  public static void main(String[] args) {
    int warm = Integer.parseInt(args[0]);
    Workload w = new Workload(Workload.generated(warm, 1), Workload.held(1), 42);
    BatchSteps steps = BatchSteps.of(OmniId.resolverBuilder().toResolverBuilder());
    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < w.warm.size(); i++) {
      for (String key : steps.facts(w.warm.get(i)).blockingKeys()) {
        blocks.computeIfAbsent(key, k -> new ArrayList<>(2)).add(i);
      }
    }
    int rules = steps.maxBlockSizes().size();
    long[] brings = new long[rules];
    long[] alone = new long[rules];
    long[] linked = new long[rules];
    long[] linkedAlone = new long[rules];
    long candidates = 0;
    long links = 0;
    for (Touchpoint t : w.fresh) {
      Map<Integer, Integer> rulesOf = new LinkedHashMap<>();
      for (String key : steps.facts(t).blockingKeys()) {
        List<Integer> members = blocks.getOrDefault(key, List.of());
        int rule = Integer.parseInt(key.substring(0, key.indexOf(':')));
        if (members.size() + 1 > steps.maxBlockSizeOf(key)) {
          continue;
        }
        for (int m : members) {
          rulesOf.merge(m, 1 << rule, (x, y) -> x | y);
        }
      }
      for (Map.Entry<Integer, Integer> e : rulesOf.entrySet()) {
        boolean link = !steps.score(List.of(t, w.warm.get(e.getKey())), (a, b) -> true).isEmpty();
        candidates++;
        links += link ? 1 : 0;
        int mask = e.getValue();
        for (int r = 0; r < rules; r++) {
          if ((mask & (1 << r)) != 0) {
            brings[r]++;
            linked[r] += link ? 1 : 0;
            if (mask == 1 << r) {
              alone[r]++;
              linkedAlone[r] += link ? 1 : 0;
            }
          }
        }
      }
    }
    System.out.printf("%,d fresh touchpoints against %,d warm: %,d candidates (%.2f each), %,d"
        + " link%n", w.fresh.size(), w.warm.size(), candidates,
        candidates / (double) w.fresh.size(), links);
    for (int r = 0; r < rules; r++) {
      System.out.printf("key %d (maximum %d): brings %,d (%,d link); alone %,d (%,d link)%n", r,
          steps.maxBlockSizes().get(r), brings[r], linked[r], alone[r], linkedAlone[r]);
    }
  }
}
