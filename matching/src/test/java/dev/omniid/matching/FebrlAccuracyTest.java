package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.FieldSource;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.ModelEstimator;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the Febrl benchmark files, with weights estimated by EM from the data itself (no
 * labels used to fit). Prints the figures; asserts the floor the project promises.
 */
class FebrlAccuracyTest {
  /** The default model for Australian data, plus the file's social-security-like id. */
  static MatchModel startModel() {
    return OmniId.defaultMatchModel("AU", false).toBuilder()
        .field(MatchField.newBuilder("soc_sec_id", FieldSource.identifier(FebrlData.SOC_SEC_ID))
            .matcher(TextMatcher.typo()).build())
        .build();
  }

  static double[] run(String label, List<Touchpoint> records) {
    ModelEstimator.Estimate estimate = OmniId.estimate(startModel(), records);
    IdentityResolver resolver = OmniId.newBuilder().defaultRegion("AU")
        .matchModel(estimate.model()).build();
    resolver.resolveAll(records);
    Map<String, String> predicted = new HashMap<>();
    resolver.profiles().forEach((Profile p) -> p.touchpointIds().forEach(id -> predicted.put(id, p.id().toString())));
    double[] prf = pairwise(predicted, FebrlData.truth(records));
    System.out.printf("Febrl %s: %d records, %d profiles, EM %d pairs %d iterations; pairwise P=%.4f R=%.4f F1=%.4f%n",
        label, records.size(), resolver.profileCount(), estimate.pairs(), estimate.iterations(), prf[0], prf[1], prf[2]);
    estimate.model().fields().forEach(f -> System.out.println("  " + f));
    return prf;
  }

  static double[] pairwise(Map<String, String> predicted, Map<String, String> truth) {
    Map<String, Long> p = new HashMap<>();
    Map<String, Long> t = new HashMap<>();
    Map<String, Long> both = new HashMap<>();
    for (Map.Entry<String, String> e : truth.entrySet()) {
      String pc = predicted.get(e.getKey());
      p.merge(pc, 1L, Long::sum);
      t.merge(e.getValue(), 1L, Long::sum);
      both.merge(pc + "\u0000" + e.getValue(), 1L, Long::sum);
    }
    double tp = pairs(both);
    double precision = tp / pairs(p);
    double recall = tp / pairs(t);
    return new double[] {precision, recall, 2 * precision * recall / (precision + recall)};
  }

  private static double pairs(Map<String, Long> sizes) {
    double sum = 0;
    for (long n : sizes.values()) {
      sum += n * (n - 1) / 2.0;
    }
    return sum;
  }

  @Test
  void dataset3Deduplication() {
    double[] prf = run("dataset3", FebrlData.load("dataset3.csv", ""));
    assertTrue(prf[2] >= 0.95, "pairwise F1 " + prf[2]);
  }

  @Test
  void dataset4Linkage() {
    List<Touchpoint> records = new ArrayList<>(FebrlData.load("dataset4a.csv", "A:"));
    records.addAll(FebrlData.load("dataset4b.csv", "B:"));
    double[] prf = run("dataset4", records);
    assertTrue(prf[2] >= 0.95, "pairwise F1 " + prf[2]);
  }
}
