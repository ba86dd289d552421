package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PartitionEvaluationTest {

  private static Map<String, String> partition(String... recordCluster) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < recordCluster.length; i += 2) {
      m.put(recordCluster[i], recordCluster[i + 1]);
    }
    return m;
  }

  @Test
  void aTextbookExampleComputedByHand() {
    // Truth: {a,b,c} {d,e}. Predicted: {a,b} {c,d,e}.
    // Pairs: true ab ac bc de (4); predicted ab cd ce de (4); common ab de (2): P = R = 0.5.
    // B-cubed precision: a,b 2/2; c 1/3; d,e 2/3 -> (1+1+1/3+2/3+2/3)/5 = 11/15.
    // B-cubed recall: a,b 2/3; c 1/3; d,e 2/2 -> (2/3+2/3+1/3+1+1)/5 = 11/15.
    EvaluationReport r = PartitionEvaluation.evaluate(
        partition("a", "1", "b", "1", "c", "2", "d", "2", "e", "2"),
        partition("a", "x", "b", "x", "c", "x", "d", "y", "e", "y"));
    assertEquals(5, r.records());
    assertEquals(2, r.truePositivePairs());
    assertEquals(2, r.falsePositivePairs());
    assertEquals(2, r.falseNegativePairs());
    assertEquals(0.5, r.pairwisePrecision(), 1e-12);
    assertEquals(0.5, r.pairwiseRecall(), 1e-12);
    assertEquals(0.5, r.pairwiseF1(), 1e-12);
    assertEquals(11.0 / 15, r.bcubedPrecision(), 1e-12);
    assertEquals(11.0 / 15, r.bcubedRecall(), 1e-12);
    assertTrue(r.format().contains("pairwise  precision 0.5000"), r.format());
  }

  @Test
  void degenerateCasesFollowTheDocumentedConventions() {
    Map<String, String> singletons = partition("a", "1", "b", "2", "c", "3");
    Map<String, String> one = partition("a", "x", "b", "x", "c", "x");
    EvaluationReport perfectSingletons = PartitionEvaluation.evaluate(singletons, singletons);
    assertEquals(1.0, perfectSingletons.pairwisePrecision());
    assertEquals(1.0, perfectSingletons.pairwiseRecall());
    assertEquals(1.0, perfectSingletons.bcubedF1());
    EvaluationReport nothingFound = PartitionEvaluation.evaluate(singletons, one);
    assertEquals(1.0, nothingFound.pairwisePrecision());
    assertEquals(0.0, nothingFound.pairwiseRecall());
    assertEquals(0.0, nothingFound.pairwiseF1());
    assertEquals(1.0 / 3, nothingFound.bcubedRecall(), 1e-12);
    EvaluationReport allMerged = PartitionEvaluation.evaluate(one, singletons);
    assertEquals(0.0, allMerged.pairwisePrecision());
    assertEquals(1.0, allMerged.pairwiseRecall());
  }

  @Test
  void missingRecordsAreNamedOrLeftOutOnRequest() {
    Map<String, String> predicted = partition("a", "1", "b", "1");
    Map<String, String> truth = partition("a", "x", "b", "x", "c", "y");
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> PartitionEvaluation.evaluate(predicted, truth));
    assertEquals("predicted", e.field());
    assertTrue(e.getMessage().contains("1 records") && e.getMessage().contains("first: c"), e.getMessage());
    EvaluationReport common = PartitionEvaluation.evaluateCommon(predicted, truth);
    assertEquals(2, common.records());
    assertEquals(1, common.recordsLeftOut());
    Map<String, String> withNull = new HashMap<>(truth);
    withNull.put("d", null);
    assertEquals(OmniIdException.Reason.MISSING_FIELD,
        assertThrows(OmniIdException.class, () -> PartitionEvaluation.evaluate(withNull, withNull)).reason());
  }

  @Test
  void theTruthSideAndNullKeysAreNamedAndLeftOutRecordsCountBothSides() {
    Map<String, String> predicted = partition("a", "1", "b", "1", "z", "2");
    Map<String, String> truth = partition("a", "x", "b", "x");
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> PartitionEvaluation.evaluate(predicted, truth));
    assertEquals("truth", e.field());
    assertTrue(e.getMessage().contains("first: z"), e.getMessage());
    Map<String, String> truthWithExtra = partition("a", "x", "b", "x", "c", "y");
    assertEquals(2, PartitionEvaluation.evaluateCommon(predicted, truthWithExtra).recordsLeftOut());
    Map<String, String> nullKey = new HashMap<>();
    nullKey.put(null, "x");
    OmniIdException nk = assertThrows(OmniIdException.class,
        () -> PartitionEvaluation.evaluate(nullKey, truth));
    assertEquals("predicted[0]", nk.field());
    EvaluationReport empty = PartitionEvaluation.evaluate(Map.of(), Map.of());
    assertEquals(0, empty.records());
    assertEquals(1.0, empty.bcubedF1());
  }

  @Test
  void pairCountsDoNotOverflowOnAHugeCluster() {
    Map<String, String> big = new HashMap<>();
    for (int i = 0; i < 200_000; i++) {
      big.put("r" + i, "one");
    }
    EvaluationReport r = PartitionEvaluation.evaluate(big, big);
    assertEquals(200_000L * 199_999 / 2, r.truePositivePairs());
    assertEquals(1.0, r.pairwiseF1());
  }
}
