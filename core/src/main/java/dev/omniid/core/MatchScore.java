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

  /** One field's part of a score. @param field its name @param level the agreement @param weight its weight */
  public record FieldScore(String field, ComparisonLevel level, double weight) {
    public FieldScore {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(level, "level");
    }
  }

  public MatchScore {
    fields = List.copyOf(fields);
  }

  /** A score of a model whose every agreement identifies (no describing-only field). */
  public MatchScore(List<FieldScore> fields, double priorWeight, double weight, double threshold) {
    this(fields, priorWeight, weight, threshold, true);
  }

  /** Whether the pair links: its weight reaches the threshold and some agreement identifies. */
  public boolean matches() {
    return weight >= threshold && identified;
  }

  /** The match probability implied by the weight: {@code 2^w / (1 + 2^w)}. */
  public double probability() {
    double odds = Math.pow(2, weight);
    return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
  }

  /** A waterfall a person can read: one line per field, then the total against the threshold. */
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
