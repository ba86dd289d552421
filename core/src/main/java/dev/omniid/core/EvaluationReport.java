package dev.omniid.core;

import java.util.Locale;

/**
 * The accuracy of a predicted partition against ground truth, pairwise and B-cubed.
 *
 * <p>Pairwise: a pair of records is predicted linked when both are in one predicted cluster, and
 * truly linked when both are in one true cluster. Precision with no predicted pair, recall with
 * no true pair, and F1 when both are 0 are defined as 1, 1 and 0 respectively: an empty
 * prediction of an empty truth is perfect.
 *
 * <p>B-cubed (Bagga and Baldwin): per record, precision is the share of its predicted cluster that
 * is truly its own, recall the share of its true cluster that was predicted with it; both are
 * averaged over records; with no record at all both are 1.
 *
 * <p>Immutable and thread-safe.
 *
 * @param records records evaluated
 * @param predictedClusters clusters in the prediction
 * @param trueClusters clusters in the truth
 * @param truePositivePairs pairs linked in both
 * @param falsePositivePairs pairs linked in the prediction only
 * @param falseNegativePairs pairs linked in the truth only
 * @param pairwisePrecision {@code tp / (tp + fp)}
 * @param pairwiseRecall {@code tp / (tp + fn)}
 * @param pairwiseF1 their harmonic mean
 * @param bcubedPrecision mean per-record B-cubed precision
 * @param bcubedRecall mean per-record B-cubed recall
 * @param bcubedF1 their harmonic mean
 * @param recordsLeftOut records present in only one of the two partitions, left out
 */
public record EvaluationReport(
    long records,
    long predictedClusters,
    long trueClusters,
    long truePositivePairs,
    long falsePositivePairs,
    long falseNegativePairs,
    double pairwisePrecision,
    double pairwiseRecall,
    double pairwiseF1,
    double bcubedPrecision,
    double bcubedRecall,
    double bcubedF1,
    long recordsLeftOut) {

  /**
   * A compact table, four decimals.
   *
   * @return three lines (counts, pairwise scores, B-cubed scores) separated by the platform's
   *     line separator, numbers formatted in {@link Locale#ROOT} so they read the same everywhere
   */
  public String format() {
    return String.format(Locale.ROOT,
        "records %d (left out %d), clusters predicted %d, true %d%n"
            + "pairwise  precision %.4f  recall %.4f  F1 %.4f  (tp %d, fp %d, fn %d)%n"
            + "B-cubed   precision %.4f  recall %.4f  F1 %.4f",
        records, recordsLeftOut, predictedClusters, trueClusters, pairwisePrecision,
        pairwiseRecall, pairwiseF1, truePositivePairs, falsePositivePairs, falseNegativePairs,
        bcubedPrecision, bcubedRecall, bcubedF1);
  }

  @Override
  public String toString() {
    return format();
  }
}
