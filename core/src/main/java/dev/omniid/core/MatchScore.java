package dev.omniid.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How a {@link MatchModel} scored a pair of touchpoints: each field's comparison level and
 * weight, their total with the prior, and the threshold — the waterfall that says why two records
 * match or not.
 *
 * @param fields each field's level and weight, in the model's field order
 * @param priorWeight the weight of the prior match probability, {@code log2(λ / (1 - λ))}
 * @param weight the total match weight: the prior plus every field's weight
 * @param threshold the weight at or above which the pair links
 * @param identified whether some field agrees at a level that identifies the person (see
 *     {@link MatchField.Builder#identifiesFrom}); a pair whose agreements only describe her does
 *     not link, whatever its weight
 */
public record MatchScore(List<FieldScore> fields, double priorWeight, double weight, double threshold,
    boolean identified) {

  /**
   * One field's part of a score.
   *
   * @param field the field's {@linkplain MatchField#name() name}
   * @param level how its values agreed; {@link ComparisonLevel#MISSING} when either side had none
   * @param weight what the agreement added to the total, in bits; 0 for {@code MISSING}
   */
  public record FieldScore(String field, ComparisonLevel level, double weight) {
    /**
     * Checks the name and the level.
     *
     * @param field the field's name, not null
     * @param level how its values agreed, not null
     * @param weight what the agreement added to the total, in bits
     */
    public FieldScore {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(level, "level");
    }
  }

  /**
   * Copies the field scores.
   *
   * @param fields each field's level and weight, not null; copied
   * @param priorWeight the weight of the prior match probability
   * @param weight the total match weight
   * @param threshold the weight at or above which the pair links
   * @param identified whether some field agrees at a level that identifies the person
   */
  public MatchScore {
    fields = List.copyOf(fields);
  }

  /**
   * A score of a model whose every agreement identifies (no describing-only field).
   *
   * @param fields each field's level and weight, not null; copied
   * @param priorWeight the weight of the prior match probability
   * @param weight the total match weight
   * @param threshold the weight at or above which the pair links
   */
  public MatchScore(List<FieldScore> fields, double priorWeight, double weight, double threshold) {
    this(fields, priorWeight, weight, threshold, true);
  }

  /**
   * Whether the pair links: its weight reaches the threshold and some agreement identifies.
   *
   * @return {@code true} if {@code weight >= threshold} and {@link #identified()}
   */
  public boolean matches() {
    return weight >= threshold && identified;
  }

  /**
   * The match probability implied by the weight: {@code 2^w / (1 + 2^w)}.
   *
   * @return the posterior probability that the pair is one person, in {@code [0, 1]} (1 when the
   *     weight is too large for a double)
   */
  public double probability() {
    double odds = Math.pow(2, weight);
    return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
  }

  /**
   * A waterfall a person can read: one line per field, then the total against the threshold.
   *
   * @return several lines (the prior, each field's level and weight, the total with its
   *     probability compared with the threshold, and why a pair over the threshold still does not
   *     link when nothing identifies), no trailing line break; holds no identifier value
   */
  public String explain() {
    StringBuilder s = new StringBuilder();
    s.append(String.format(Locale.ROOT, "  %-16s %-9s %+7.2f%n", "prior", "", priorWeight));
    for (FieldScore f : fields) {
      s.append(String.format(Locale.ROOT, "  %-16s %-9s %+7.2f%n", f.field(), f.level(), f.weight()));
    }
    s.append(String.format(Locale.ROOT, "  %-16s %-9s %+7.2f (probability %.4f) %s threshold %+.2f",
        "total", "", weight, probability(), weight >= threshold ? ">=" : "<", threshold));
    if (weight >= threshold && !identified) {
      s.append(String.format(Locale.ROOT, "%n  not linked: only fields that describe the person"
          + " agree (names, places, a birth date off by a keying error), none that identifies her"));
    }
    return s.toString();
  }
}
