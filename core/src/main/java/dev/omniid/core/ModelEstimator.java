package dev.omniid.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Estimates a {@link MatchModel}'s m and u probabilities and its prior from <em>unlabeled</em>
 * touchpoints, by expectation–maximization over the pairs that the blocking keys would compare.
 *
 * <p>The model describes exactly the population the resolver scores — blocked pairs — so the
 * prior λ it estimates is the share of matches among blocked pairs, and a field that blocking makes
 * agree for matches and non-matches alike gets a correspondingly small weight. The start model's
 * probabilities are the starting point; EM converges to the nearest fixed point, so give
 * agreement-favours-match starting values (the {@link MatchField.Builder} defaults do).
 *
 * <p>Deterministic: the same touchpoints (in any order), keys and start model give the same
 * estimate. Thread-safe (stateless).
 */
public final class ModelEstimator {
  private static final double SMOOTHING = 1e-3;

  private ModelEstimator() {}

  /**
   * The estimate and how it was reached.
   *
   * @param model the start model with estimated probabilities and prior (threshold unchanged)
   * @param pairs how many blocked pairs were compared
   * @param patterns how many distinct comparison patterns they showed
   * @param iterations EM iterations run
   * @param converged whether the largest change in the last iteration was below the tolerance
   */
  public record Estimate(MatchModel model, long pairs, int patterns, int iterations, boolean converged) {}

  /**
   * Estimates from {@code sample}. Blocks larger than {@code maxBlockSize} are skipped (they would
   * add mostly non-matches and quadratic cost).
   *
   * @throws OmniIdException ({@code INVALID_VALUE}) if the keys give no pair to learn from
   */
  public static Estimate estimate(MatchModel start, Collection<Touchpoint> sample,
      List<BlockingKey> blockingKeys, int maxBlockSize, int maxIterations) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(sample, "sample");
    Objects.requireNonNull(blockingKeys, "blockingKeys");
    if (maxBlockSize < 2) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxBlockSize",
          "must be >= 2");
    }
    if (maxIterations < 1) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxIterations",
          "must be >= 1");
    }
    List<Touchpoint> records = new ArrayList<>(sample);
    records.sort(java.util.Comparator.comparing(Touchpoint::id));
    List<MatchModel.Prepared> prepared = new ArrayList<>(records.size());
    for (Touchpoint t : records) {
      prepared.add(start.prepare(t));
    }

    Map<String, List<Integer>> blocks = new HashMap<>();
    for (int i = 0; i < records.size(); i++) {
      for (int k = 0; k < blockingKeys.size(); k++) {
        for (String key : blockingKeys.get(k).keys(records.get(i))) {
          blocks.computeIfAbsent(k + "\u0000" + key, x -> new ArrayList<>()).add(i);
        }
      }
    }
    int fieldCount = start.fields().size();
    int levelCount = ComparisonLevel.values().length;
    Map<Long, long[]> patternCounts = new HashMap<>();
    HashSet<Long> seenPairs = new HashSet<>();
    ComparisonLevel[] levels = new ComparisonLevel[fieldCount];
    long n = records.size();
    for (List<Integer> block : blocks.values()) {
      if (block.size() < 2 || block.size() > maxBlockSize) {
        continue;
      }
      for (int x = 0; x < block.size(); x++) {
        for (int y = x + 1; y < block.size(); y++) {
          int i = Math.min(block.get(x), block.get(y));
          int j = Math.max(block.get(x), block.get(y));
          if (i == j || !seenPairs.add(i * n + j)) {
            continue;
          }
          start.levels(prepared.get(i), prepared.get(j), levels, null);
          long code = 0;
          for (ComparisonLevel level : levels) {
            code = code * levelCount + level.ordinal();
          }
          patternCounts.computeIfAbsent(code, c -> new long[1])[0]++;
        }
      }
    }
    if (patternCounts.isEmpty()) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "sample",
          "the blocking keys give no pair of sample touchpoints to learn from");
    }
    int patterns = patternCounts.size();
    int[][] patternLevels = new int[patterns][fieldCount];
    double[] counts = new double[patterns];
    int p = 0;
    long pairs = 0;
    List<Long> codes = new ArrayList<>(patternCounts.keySet());
    java.util.Collections.sort(codes);
    for (long code : codes) {
      long c = code;
      for (int f = fieldCount - 1; f >= 0; f--) {
        patternLevels[p][f] = (int) (c % levelCount);
        c /= levelCount;
      }
      counts[p] = patternCounts.get(code)[0];
      pairs += patternCounts.get(code)[0];
      p++;
    }

    int weighted = MatchField.LEVELS.length;
    double[][] m = new double[fieldCount][weighted];
    double[][] u = new double[fieldCount][weighted];
    for (int f = 0; f < fieldCount; f++) {
      for (int l = 0; l < weighted; l++) {
        m[f][l] = start.fields().get(f).m(MatchField.LEVELS[l]);
        u[f][l] = start.fields().get(f).u(MatchField.LEVELS[l]);
      }
    }
    double lambda = start.priorMatchProbability();
    double[] posterior = new double[patterns];
    int iteration = 0;
    boolean converged = false;
    while (iteration < maxIterations && !converged) {
      iteration++;
      for (int q = 0; q < patterns; q++) {
        double logMatch = Math.log(lambda);
        double logNon = Math.log(1 - lambda);
        for (int f = 0; f < fieldCount; f++) {
          int l = patternLevels[q][f];
          if (l < weighted) {
            logMatch += Math.log(m[f][l]);
            logNon += Math.log(u[f][l]);
          }
        }
        posterior[q] = 1 / (1 + Math.exp(logNon - logMatch));
      }
      double change = 0;
      double matches = 0;
      for (int q = 0; q < patterns; q++) {
        matches += counts[q] * posterior[q];
      }
      double newLambda = clamp(matches / pairs);
      change = Math.max(change, Math.abs(newLambda - lambda));
      lambda = newLambda;
      for (int f = 0; f < fieldCount; f++) {
        double[] mSum = new double[weighted];
        double[] uSum = new double[weighted];
        for (int q = 0; q < patterns; q++) {
          int l = patternLevels[q][f];
          if (l < weighted) {
            mSum[l] += counts[q] * posterior[q];
            uSum[l] += counts[q] * (1 - posterior[q]);
          }
        }
        double mTotal = 0;
        double uTotal = 0;
        for (int l = 0; l < weighted; l++) {
          mTotal += mSum[l] + SMOOTHING;
          uTotal += uSum[l] + SMOOTHING;
        }
        for (int l = 0; l < weighted; l++) {
          double newM = (mSum[l] + SMOOTHING) / mTotal;
          double newU = (uSum[l] + SMOOTHING) / uTotal;
          change = Math.max(change, Math.max(Math.abs(newM - m[f][l]), Math.abs(newU - u[f][l])));
          m[f][l] = newM;
          u[f][l] = newU;
        }
      }
      converged = change < 1e-6;
    }

    MatchModel.Builder model = start.toBuilder().priorMatchProbability(lambda);
    for (int f = 0; f < fieldCount; f++) {
      MatchField.Builder field = start.fields().get(f).toBuilder();
      for (int l = 0; l < weighted; l++) {
        field.probabilities(MatchField.LEVELS[l], m[f][l], u[f][l]);
      }
      model.replaceField(field.build());
    }
    return new Estimate(model.build(), pairs, patterns, iteration, converged);
  }

  private static double clamp(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }
}
