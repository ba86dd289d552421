package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PartitionEvaluationPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xE7A1_0000L + i);
  }

  private static Map<String, String> random(Random random, int n) {
    int clusters = 1 + random.nextInt(n);
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("r" + i, "c" + random.nextInt(clusters));
    }
    return m;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void pairCountsEqualBruteForceAndMetricsBehave(long seed) {
    Random random = new Random(seed);
    int n = 1 + random.nextInt(60);
    Map<String, String> predicted = random(random, n);
    Map<String, String> truth = random(random, n);
    EvaluationReport r = PartitionEvaluation.evaluate(predicted, truth);

    List<String> ids = List.copyOf(truth.keySet());
    long tp = 0;
    long fp = 0;
    long fn = 0;
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        boolean p = predicted.get(ids.get(i)).equals(predicted.get(ids.get(j)));
        boolean t = truth.get(ids.get(i)).equals(truth.get(ids.get(j)));
        tp += p && t ? 1 : 0;
        fp += p && !t ? 1 : 0;
        fn += !p && t ? 1 : 0;
      }
    }
    assertEquals(List.of(tp, fp, fn),
        List.of(r.truePositivePairs(), r.falsePositivePairs(), r.falseNegativePairs()), "seed=" + seed);

    EvaluationReport swapped = PartitionEvaluation.evaluate(truth, predicted);
    assertEquals(r.pairwisePrecision(), swapped.pairwiseRecall(), 1e-12, "seed=" + seed);
    assertEquals(r.pairwiseRecall(), swapped.pairwisePrecision(), 1e-12, "seed=" + seed);
    assertEquals(r.bcubedPrecision(), swapped.bcubedRecall(), 1e-12, "seed=" + seed);
    assertEquals(r.bcubedRecall(), swapped.bcubedPrecision(), 1e-12, "seed=" + seed);
    assertEquals(r.pairwiseF1(), swapped.pairwiseF1(), 1e-12, "seed=" + seed);
    assertEquals(r.bcubedF1(), swapped.bcubedF1(), 1e-12, "seed=" + seed);

    // Relabel both sides one-to-one: nothing may change.
    Map<String, String> relabeledPredicted = new HashMap<>();
    predicted.forEach((k, v) -> relabeledPredicted.put(k, "p:" + v));
    Map<String, String> relabeledTruth = new HashMap<>();
    truth.forEach((k, v) -> relabeledTruth.put(k, "t:" + v + ":x"));
    EvaluationReport relabeled = PartitionEvaluation.evaluate(relabeledPredicted, relabeledTruth);
    assertEquals(List.of(r.records(), r.predictedClusters(), r.trueClusters(), r.truePositivePairs(),
            r.falsePositivePairs(), r.falseNegativePairs(), r.recordsLeftOut()),
        List.of(relabeled.records(), relabeled.predictedClusters(), relabeled.trueClusters(),
            relabeled.truePositivePairs(), relabeled.falsePositivePairs(),
            relabeled.falseNegativePairs(), relabeled.recordsLeftOut()), "seed=" + seed);
    double[] before = {r.pairwisePrecision(), r.pairwiseRecall(), r.pairwiseF1(),
        r.bcubedPrecision(), r.bcubedRecall(), r.bcubedF1()};
    double[] after = {relabeled.pairwisePrecision(), relabeled.pairwiseRecall(),
        relabeled.pairwiseF1(), relabeled.bcubedPrecision(), relabeled.bcubedRecall(),
        relabeled.bcubedF1()};
    for (int i = 0; i < before.length; i++) {
      assertEquals(before[i], after[i], 1e-12, "seed=" + seed + " metric " + i);
    }

    for (double v : new double[] {r.pairwisePrecision(), r.pairwiseRecall(), r.pairwiseF1(),
        r.bcubedPrecision(), r.bcubedRecall(), r.bcubedF1()}) {
      assertTrue(v >= 0 && v <= 1, "seed=" + seed + " " + r);
    }
    EvaluationReport self = PartitionEvaluation.evaluate(truth, truth);
    for (double v : new double[] {self.pairwisePrecision(), self.pairwiseRecall(),
        self.pairwiseF1(), self.bcubedPrecision(), self.bcubedRecall(), self.bcubedF1()}) {
      assertEquals(1.0, v, 1e-12, "seed=" + seed + " identical partitions: " + self);
    }
    assertEquals(0, self.falsePositivePairs() + self.falseNegativePairs(), "seed=" + seed);
  }
}
