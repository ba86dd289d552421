package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/** The estimator's weights respect each field's order of levels. */
class ModelEstimatorOrderTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final AttributeKey CODE = AttributeKey.of("code");

  private static Touchpoint person(String id, String given, String dob, String code) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0)
        .attribute(AttributeKey.GIVEN_NAME, given).attribute(AttributeKey.BIRTH_DATE, dob)
        .attribute(CODE, code).build();
  }

  /**
   * The Febrl dataset3 shape: one blocking key is the birth date itself, so every blocked
   * non-match agrees on it, and only duplicates with a mistyped date (found by the other key)
   * disagree. Unconstrained EM then weighs a different birth date <em>for</em> a match.
   */
  @Test
  void blockingOnAFieldDoesNotMakeItsDisagreementEvidenceForAMatch() {
    Random random = new Random(11);
    List<Touchpoint> records = new ArrayList<>();
    for (int p = 0; p < 1500; p++) {
      String given = "g" + random.nextInt(300);
      String dob = (1950 + random.nextInt(5)) + "-0" + (1 + random.nextInt(3)) + "-1" + random.nextInt(3);
      String code = "c" + p;
      records.add(person("p" + p + "a", given, dob, code));
      if (random.nextInt(3) > 0) {
        String dob2 = random.nextDouble() < 0.8 ? dob : "1999-12-31";
        String given2 = random.nextDouble() < 0.9 ? given : "g" + random.nextInt(300);
        records.add(person("p" + p + "b", given2, dob2, code));
      }
    }
    MatchModel start = MatchModel.newBuilder()
        .field(MatchField.newBuilder("given", FieldSource.attribute(AttributeKey.GIVEN_NAME)).build())
        .field(MatchField.newBuilder("dob", FieldSource.attribute(AttributeKey.BIRTH_DATE)).build())
        .field(MatchField.newBuilder("code", FieldSource.attribute(CODE)).build())
        .build();
    BlockingKey byDob = t -> t.attribute(AttributeKey.BIRTH_DATE).map(List::of).orElse(List.of());
    BlockingKey byCode = t -> t.attribute(CODE).map(List::of).orElse(List.of());
    MatchModel model = ModelEstimator.estimate(start, records, List.of(byDob, byCode), 5000, 200).model();
    for (MatchField field : model.fields()) {
      assertOrdered(field);
    }
    MatchField dob = model.fields().get(1);
    assertTrue(dob.weight(ComparisonLevel.DIFFERENT) <= 0, dob.toString());
    MatchField code = model.fields().get(2);
    assertTrue(code.weight(ComparisonLevel.EXACT) > 5, "a shared code still weighs for: " + code);
  }

  /** Random probabilities, ordered: the weights follow the levels and m and u keep their sums. */
  @RepeatedTest(200)
  void orderWeightsOrdersAndKeepsTheSums(RepetitionInfo repetition) {
    long seed = 0x5EED0000L + repetition.getCurrentRepetition();
    Random random = new Random(seed);
    double[] m = distribution(random);
    double[] u = distribution(random);
    double mSum = sum(m);
    double uSum = sum(u);
    ModelEstimator.orderWeights(m, u);
    for (int l = 0; l + 1 < m.length; l++) {
      assertTrue(Math.log(m[l] / u[l]) >= Math.log(m[l + 1] / u[l + 1]) - 1e-9,
          "seed " + seed + ": level " + l + " weighs less than the next");
    }
    assertTrue(m[m.length - 1] <= u[u.length - 1] * (1 + 1e-9), "seed " + seed + ": DIFFERENT weighs for");
    // Kept up to the probability floor, which may lift a level too rare to carry its pool's ratio.
    assertEquals(mSum, sum(m), 1e-2, "seed " + seed);
    assertEquals(uSum, sum(u), 1e-2, "seed " + seed);
  }

  @Test
  void orderedProbabilitiesAreLeftAlone() {
    double[] m = {0.9, 0.04, 0.03, 0.01, 0.02};
    double[] u = {0.01, 0.01, 0.02, 0.06, 0.90};
    ModelEstimator.orderWeights(m, u);
    assertEquals(List.of(0.9, 0.04, 0.03, 0.01, 0.02), List.of(m[0], m[1], m[2], m[3], m[4]));
    assertEquals(List.of(0.01, 0.01, 0.02, 0.06, 0.90), List.of(u[0], u[1], u[2], u[3], u[4]));
  }

  private static void assertOrdered(MatchField field) {
    for (int l = 0; l + 1 < MatchField.LEVELS.length; l++) {
      assertTrue(field.weight(MatchField.LEVELS[l]) >= field.weight(MatchField.LEVELS[l + 1]) - 1e-9,
          field.toString());
    }
    assertTrue(field.weight(ComparisonLevel.DIFFERENT) <= 1e-9, field.toString());
  }

  private static double[] distribution(Random random) {
    double[] p = new double[MatchField.LEVELS.length];
    for (int i = 0; i < p.length; i++) {
      // Mix tiny and large values: the blocking artifact shows as near-zero u.
      p[i] = random.nextInt(4) == 0 ? 1e-3 * random.nextDouble() + 1e-6 : random.nextDouble();
    }
    double s = sum(p);
    for (int i = 0; i < p.length; i++) {
      p[i] /= s;
    }
    return p;
  }

  private static double sum(double[] p) {
    double s = 0;
    for (double x : p) {
      s += x;
    }
    return s;
  }
}
