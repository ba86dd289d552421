package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BlockingKey;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import dev.omniid.core.FieldSource;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.ModelEstimator;
import dev.omniid.core.Normalizer;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;

/**
 * Accuracy on the Febrl benchmark files, with weights estimated by EM from the data itself (no
 * labels used to fit). Prints the figures; asserts the floor the project promises.
 */
class FebrlAccuracyTest {
  private static final JaroWinklerSimilarity JW = new JaroWinklerSimilarity();

  static FieldMatcher jw() {
    return (a, b) -> {
      if (a.equals(b)) {
        return ComparisonLevel.EXACT;
      }
      double s = JW.apply(a, b);
      return s >= 0.95 ? ComparisonLevel.STRONG : s >= 0.88 ? ComparisonLevel.MEDIUM
          : s >= 0.80 ? ComparisonLevel.WEAK : ComparisonLevel.DIFFERENT;
    };
  }

  static FieldMatcher typo() {
    return (a, b) -> {
      if (a.equals(b)) {
        return ComparisonLevel.EXACT;
      }
      if (a.length() == b.length()) {
        int diff = 0;
        for (int i = 0; i < a.length(); i++) {
          diff += a.charAt(i) != b.charAt(i) ? 1 : 0;
        }
        if (diff == 1) {
          return ComparisonLevel.STRONG;
        }
        if (diff == 2) {
          for (int i = 0; i + 1 < a.length(); i++) {
            if (a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2))
                && a.substring(0, i).equals(b.substring(0, i))) {
              return ComparisonLevel.STRONG;
            }
          }
          return ComparisonLevel.MEDIUM;
        }
      }
      return ComparisonLevel.DIFFERENT;
    };
  }

  static MatchModel startModel() {
    return MatchModel.newBuilder()
        .field(field("given_name", FieldSource.attribute(AttributeKey.GIVEN_NAME), jw()))
        .field(field("family_name", FieldSource.attribute(AttributeKey.FAMILY_NAME), jw()))
        .field(field("address", FieldSource.attribute(FebrlData.ADDRESS_LINE), jw()))
        .field(field("city", FieldSource.attribute(AttributeKey.CITY), jw()))
        .field(field("postcode", FieldSource.attribute(AttributeKey.POSTAL_CODE), typo()))
        .field(field("state", FieldSource.attribute(AttributeKey.REGION), FieldMatcher.exact()))
        .field(field("birth_date", FieldSource.attribute(AttributeKey.BIRTH_DATE), typo()))
        .field(field("soc_sec_id", FieldSource.identifier(FebrlData.SOC_SEC_ID), typo()))
        .thresholdProbability(0.9)
        .build();
  }

  private static MatchField field(String name, FieldSource source, FieldMatcher matcher) {
    return MatchField.newBuilder(name, source).normalizer(Normalizer.lowerCase()).matcher(matcher).build();
  }

  static List<BlockingKey> blockingKeys() {
    return List.of(
        t -> attr(t, AttributeKey.BIRTH_DATE).map(List::of).orElse(List.of()),
        t -> attr(t, AttributeKey.POSTAL_CODE).flatMap(p -> attr(t, AttributeKey.GIVEN_NAME)
            .map(g -> List.of(p + "|" + g.charAt(0)))).orElse(List.of()),
        t -> attr(t, AttributeKey.FAMILY_NAME).flatMap(f -> attr(t, AttributeKey.GIVEN_NAME)
            .map(g -> List.of(prefix(f, 3) + "|" + prefix(g, 2)))).orElse(List.of()),
        t -> attr(t, FebrlData.ADDRESS_LINE).map(a -> List.of(prefix(a, 6))).orElse(List.of()),
        t -> t.identifiers().stream().map(i -> i.value().substring(0, Math.min(4, i.value().length()))).toList());
  }

  private static String prefix(String s, int n) {
    return s.substring(0, Math.min(n, s.length()));
  }

  private static Optional<String> attr(Touchpoint t, AttributeKey key) {
    return t.attribute(key).map(String::strip).filter(s -> !s.isEmpty());
  }

  static double[] run(String label, List<Touchpoint> records) {
    ModelEstimator.Estimate estimate =
        ModelEstimator.estimate(startModel(), records, blockingKeys(), 2000, 200);
    IdentityResolver resolver = IdentityResolver.newBuilder()
        .matchModel(estimate.model())
        .blockingKey(blockingKeys().get(0)).blockingKey(blockingKeys().get(1))
        .blockingKey(blockingKeys().get(2)).blockingKey(blockingKeys().get(3))
        .blockingKey(blockingKeys().get(4))
        .build();
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
