package dev.omniid.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link MatchModel} scored a pair of touchpoints: each field's comparison level and
 * weight, their total with the prior, and the threshold — the waterfall that says why two records
 * match or not, on their own.
 *
 * <p>Two units: the match weight ({@code log2} of the odds, what the fields add up to) and the
 * match probability it implies, {@code 2^w / (1 + 2^w)}. The probability is the user-facing unit
 * ({@link #probability()}, {@link #matchThreshold()}); {@link #explain()} shows the weight in
 * brackets.
 *
 * @param fields each field's level and weight, in the model's field order
 * @param priorWeight the weight of the prior match probability, {@code log2(λ / (1 - λ))}
 * @param weight the total match weight: the prior plus every field's weight
 * @param thresholdWeight the weight at or above which the pair links; see {@link #matchThreshold()}
 *     for it as a probability
 * @param identified whether some field agrees at a level that identifies the person (see
 *     {@link MatchField.Builder#identifiesFrom}); a pair whose agreements only describe her does
 *     not link, whatever its weight
 */
public record MatchScore(List<FieldScore> fields, double priorWeight, double weight,
    double thresholdWeight, boolean identified) {

  /**
   * One field's part of a score.
   *
   * @param field its name
   * @param level the agreement
   * @param weight its weight
   */
  public record FieldScore(String field, ComparisonLevel level, double weight) {
    /**
     * Checks the parts.
     *
     * @param field its name
     * @param level the agreement
     * @param weight its weight
     * @throws NullPointerException if {@code field} or {@code level} is null
     */
    public FieldScore {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(level, "level");
    }
  }

  /**
   * Copies the field scores.
   *
   * @param fields each field's level and weight
   * @param priorWeight the weight of the prior
   * @param weight the total match weight
   * @param thresholdWeight the weight at or above which the pair links
   * @param identified whether some field agrees at an identifying level
   */
  public MatchScore {
    fields = List.copyOf(fields);
  }

  /**
   * A score of a model whose every agreement identifies (no describing-only field).
   *
   * @param fields each field's level and weight
   * @param priorWeight the weight of the prior
   * @param weight the total match weight
   * @param thresholdWeight the weight at or above which the pair links
   */
  public MatchScore(List<FieldScore> fields, double priorWeight, double weight,
      double thresholdWeight) {
    this(fields, priorWeight, weight, thresholdWeight, true);
  }

  /**
   * Whether the pair links on its own score: its weight reaches the threshold and some agreement
   * identifies. Whether the resolver put the two in one profile also depends on the rest of the
   * graph: see {@link PairExplanation#sameProfile()}.
   *
   * @return whether the pair's own score links it
   */
  public boolean matches() {
    return weight >= thresholdWeight && identified;
  }

  /**
   * The match probability implied by the weight: {@code 2^w / (1 + 2^w)}.
   *
   * @return the probability, in [0, 1]
   */
  public double probability() {
    return MatchOdds.probability(weight);
  }

  /**
   * The threshold as a match probability: the pair links at or above it.
   *
   * @return {@code 2^t / (1 + 2^t)} of {@link #thresholdWeight()}
   */
  public double matchThreshold() {
    return MatchOdds.probability(thresholdWeight);
  }

  /**
   * A waterfall a person can read: one line per field with its level and weight, then the total
   * as a probability (its weight in brackets) against the threshold, e.g.
   * {@code probability 0.9885 (weight +6.42) below the threshold 0.99 (+6.63)}.
   *
   * @return the waterfall, one line per field; no personal value
   */
  public String explain() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "  %-16s %-9s %+7.2f%n", "prior", "", priorWeight));
    for (FieldScore f : fields) {
      s.append(String.format(Locale.ROOT, "  %-16s %-9s %+7.2f%n", f.field(), f.level(), f.weight()));
    }
    s.append(String.format(Locale.ROOT, "  %-16s %s %s the threshold %s (%s)", "total",
        MatchOdds.both(weight), weight >= thresholdWeight ? "at or above" : "below",
        MatchOdds.probabilityText(matchThreshold()), MatchOdds.weightText(thresholdWeight)));
    if (weight >= thresholdWeight && !identified) {
      s.append(String.format(Locale.ROOT, "%n  not linked: only fields that describe the person"
          + " agree (names, places, a birth date off by a keying error), none that identifies her"));
    }
    return s.toString();
  }
}
