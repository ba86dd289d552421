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
 * <p>The estimate respects each field's order of levels: {@code EXACT} weighs at least as much as
 * {@code STRONG}, and so on down to {@code DIFFERENT}, which never weighs for a match. Each
 * maximization step enforces it by pooling adjacent levels that would break it, so a level the
 * sample cannot rank (blocking made it agree for every non-match) takes its neighbours' weight
 * instead of an absurd one.
 *
 * <p>Deterministic: the same touchpoints (in any order), keys and start model give the same
 * estimate. Thread-safe (stateless).
 */
public final class ModelEstimator {
  private static final double SMOOTHING = 1e-3;
  /** The floor {@link MatchField} clamps probabilities to before taking a weight. */
  private static final double PROBABILITY_FLOOR = 1e-6;

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
   * @param start the model to start from: its fields, starting probabilities and threshold; not
   *     null
   * @param sample unlabeled touchpoints, in any order; not null
   * @param blockingKeys the keys that decide which pairs are compared, as the resolver's; not null
   * @param maxBlockSize the largest block whose pairs are used, {@code >= 2} (else
   *     {@code INVALID_VALUE})
   * @param maxIterations the most EM iterations to run, {@code >= 1} (else {@code INVALID_VALUE})
   * @return the estimated model and how many pairs, patterns and iterations it took, and whether
   *     EM converged
   * @throws NullPointerException if {@code start}, {@code sample} or {@code blockingKeys} is null
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
        double[] newM = new double[weighted];
        double[] newU = new double[weighted];
        for (int l = 0; l < weighted; l++) {
          newM[l] = (mSum[l] + SMOOTHING) / mTotal;
          newU[l] = (uSum[l] + SMOOTHING) / uTotal;
        }
        orderWeights(newM, newU);
        for (int l = 0; l < weighted; l++) {
          change = Math.max(change, Math.max(Math.abs(newM[l] - m[f][l]), Math.abs(newU[l] - u[f][l])));
          m[f][l] = newM[l];
          u[f][l] = newU[l];
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

  /**
   * Makes the weights {@code log(m/u)} of one field's levels non-increasing from {@code EXACT} to
   * {@code DIFFERENT}, in place: pool adjacent violators, each pool taking the ratio of its summed
   * m and summed u (the maximum-likelihood ratio under the order constraint), spread over its levels
   * in proportion to their u. The sums of m and of u are kept (up to the probability floor), so the
   * last pool's ratio is at most 1 and disagreement never weighs for a match.
   *
   * <p>Why: blocking chooses which non-matches are compared. When every blocked non-match agrees on
   * a field (the blocks are built from it) and only true matches with a typo disagree, unconstrained
   * EM reads the disagreement as evidence <em>for</em> a match (Febrl dataset3 fitted a different
   * birth date at +13.6): a fit to the sampling, not to people, and a score nobody can defend.
   */
  static void orderWeights(double[] m, double[] u) {
    int levels = m.length;
    // Probabilities below the model's floor are raised to it first, so the weight a MatchField
    // computes (it clamps there) is the one ordered here.
    for (int l = 0; l < levels; l++) {
      m[l] = Math.max(m[l], PROBABILITY_FLOOR);
      u[l] = Math.max(u[l], PROBABILITY_FLOOR);
    }
    double[] poolM = new double[levels];
    double[] poolU = new double[levels];
    int[] poolEnd = new int[levels];
    int pools = 0;
    for (int l = 0; l < levels; l++) {
      poolM[pools] = m[l];
      poolU[pools] = u[l];
      poolEnd[pools] = l + 1;
      pools++;
      // A later level may not weigh more than an earlier one: merge while it would.
      while (pools > 1 && poolM[pools - 1] * poolU[pools - 2] > poolM[pools - 2] * poolU[pools - 1]) {
        poolM[pools - 2] += poolM[pools - 1];
        poolU[pools - 2] += poolU[pools - 1];
        poolEnd[pools - 2] = poolEnd[pools - 1];
        pools--;
      }
    }
    int start = 0;
    for (int k = 0; k < pools; k++) {
      double ratio = poolM[k] / poolU[k];
      boolean last = k == pools - 1;
      if (last && ratio > 1) {
        // Only the floors can lift the last pool over 1 (the sums are equal otherwise): a field
        // that cannot tell matches apart weighs 0, not a hair for a match when it disagrees.
        ratio = 1;
      }
      if (poolEnd[k] - start > 1 || (last && ratio == 1)) {
        for (int l = start; l < poolEnd[k]; l++) {
          if (u[l] * ratio >= PROBABILITY_FLOOR) {
            m[l] = u[l] * ratio;
          } else {
            // Too rare a level for m to stay above the floor: scale u instead, same ratio.
            m[l] = PROBABILITY_FLOOR;
            u[l] = Math.min(1 - PROBABILITY_FLOOR, PROBABILITY_FLOOR / ratio);
          }
        }
      }
      start = poolEnd[k];
    }
  }

  private static double clamp(double p) {
    return Math.min(1 - 1e-9, Math.max(1e-9, p));
  }
}
