package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Measures a predicted partition against ground truth ({@link EvaluationReport}): users run it on
 * their own labeled samples, the CLI's {@code evaluate} and our accuracy tests call it.
 *
 * <p>Linear in the number of records: pair counts come from the contingency table of predicted
 * and true clusters, never from enumerating pairs, in {@code long} arithmetic. Thread-safe
 * (stateless).
 */
public final class PartitionEvaluation {
  private PartitionEvaluation() {}

  /**
   * Evaluates {@code predicted} (record id to predicted cluster) against {@code truth} (record id
   * to true cluster). Both must hold the same records.
   *
   * @param predicted record id to the id of its predicted cluster (a profile id), not null
   * @param truth record id to the id of its true cluster (a person), not null; same key set
   * @return pairwise and B-cubed precision, recall and F1, and the counts behind them
   * @throws OmniIdException ({@code UNKNOWN_REFERENCE}) naming the side that lacks records and the
   *     first such record id; ({@code MISSING_FIELD}) for a null key or value
   */
  public static EvaluationReport evaluate(Map<String, String> predicted, Map<String, String> truth) {
    return evaluate(predicted, truth, false);
  }

  /**
   * Evaluates on the records present in both partitions; how many were left out (on either side)
   * is reported. Null keys and values are still refused.
   *
   * @param predicted record id to the id of its predicted cluster, not null
   * @param truth record id to the id of its true cluster, not null
   * @return the scores on the common records, with {@link EvaluationReport#recordsLeftOut()}
   *     counting the others
   * @throws OmniIdException ({@code MISSING_FIELD}) for a null key or value
   */
  public static EvaluationReport evaluateCommon(Map<String, String> predicted, Map<String, String> truth) {
    return evaluate(predicted, truth, true);
  }

  private static EvaluationReport evaluate(Map<String, String> predicted, Map<String, String> truth,
      boolean intersect) {
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(truth, "truth");
    checkNulls(predicted, "predicted");
    checkNulls(truth, "truth");
    long leftOut = 0;
    String firstMissingInPredicted = null;
    long missingInPredicted = 0;
    for (String record : truth.keySet()) {
      if (!predicted.containsKey(record)) {
        missingInPredicted++;
        firstMissingInPredicted = firstMissingInPredicted == null ? record : firstMissingInPredicted;
      }
    }
    String firstMissingInTruth = null;
    long missingInTruth = 0;
    for (String record : predicted.keySet()) {
      if (!truth.containsKey(record)) {
        missingInTruth++;
        firstMissingInTruth = firstMissingInTruth == null ? record : firstMissingInTruth;
      }
    }
    if (!intersect && missingInPredicted > 0) {
      throw new OmniIdException(Reason.UNKNOWN_REFERENCE, "predicted",
          missingInPredicted + " records of the truth missing, first: " + firstMissingInPredicted);
    }
    if (!intersect && missingInTruth > 0) {
      throw new OmniIdException(Reason.UNKNOWN_REFERENCE, "truth",
          missingInTruth + " predicted records missing, first: " + firstMissingInTruth);
    }
    leftOut = missingInPredicted + missingInTruth;

    Map<String, Long> predictedSizes = new HashMap<>();
    Map<String, Long> trueSizes = new HashMap<>();
    Map<String, Map<String, Long>> overlap = new HashMap<>();
    long records = 0;
    for (Map.Entry<String, String> e : truth.entrySet()) {
      String p = predicted.get(e.getKey());
      if (p == null) {
        continue;
      }
      records++;
      predictedSizes.merge(p, 1L, Long::sum);
      trueSizes.merge(e.getValue(), 1L, Long::sum);
      overlap.computeIfAbsent(p, x -> new HashMap<>()).merge(e.getValue(), 1L, Long::sum);
    }
    long tp = 0;
    double bcubedPrecisionSum = 0;
    double bcubedRecallSum = 0;
    for (Map.Entry<String, Map<String, Long>> row : overlap.entrySet()) {
      long predictedSize = predictedSizes.get(row.getKey());
      for (Map.Entry<String, Long> cell : row.getValue().entrySet()) {
        long n = cell.getValue();
        tp += pairs(n);
        // Each of the n records in this cell has precision n/|predicted| and recall n/|true|.
        bcubedPrecisionSum += (double) n * n / predictedSize;
        bcubedRecallSum += (double) n * n / trueSizes.get(cell.getKey());
      }
    }
    long predictedPairs = 0;
    for (long n : predictedSizes.values()) {
      predictedPairs += pairs(n);
    }
    long truePairs = 0;
    for (long n : trueSizes.values()) {
      truePairs += pairs(n);
    }
    double precision = predictedPairs == 0 ? 1.0 : (double) tp / predictedPairs;
    double recall = truePairs == 0 ? 1.0 : (double) tp / truePairs;
    double bp = records == 0 ? 1.0 : bcubedPrecisionSum / records;
    double br = records == 0 ? 1.0 : bcubedRecallSum / records;
    return new EvaluationReport(records, predictedSizes.size(), trueSizes.size(), tp,
        predictedPairs - tp, truePairs - tp, precision, recall, f1(precision, recall), bp, br,
        f1(bp, br), leftOut);
  }

  private static long pairs(long n) {
    return n * (n - 1) / 2;
  }

  private static double f1(double p, double r) {
    return p + r == 0 ? 0 : 2 * p * r / (p + r);
  }

  private static void checkNulls(Map<String, String> partition, String field) {
    int position = 0;
    for (Map.Entry<String, String> e : partition.entrySet()) {
      if (e.getKey() == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, field + "[" + position + "]", "has a null record id");
      }
      if (e.getValue() == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, field + "[" + e.getKey() + "]", "has a null cluster");
      }
      position++;
    }
  }
}
