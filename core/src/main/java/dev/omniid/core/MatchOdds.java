package dev.omniid.core;

import java.util.Locale;

/**
 * The two units of a match score and how text shows them. The user-facing unit is the match
 * probability (the CLI's {@code --threshold 0.99}, {@link MatchModel.Builder#matchThreshold});
 * the weight, {@code log2} of the odds, is what the model sums, and text shows it in brackets:
 * {@code probability 0.9885 (weight +6.42)}.
 */
final class MatchOdds {
  private MatchOdds() {}

  /** The match probability of a weight: {@code 2^w / (1 + 2^w)}. */
  static double probability(double weight) {
    double odds = Math.pow(2, weight);
    return Double.isInfinite(odds) ? 1.0 : odds / (1 + odds);
  }

  /** The weight of a match probability in (0, 1): {@code log2(p / (1 - p))}. */
  static double weight(double probability) {
    return Math.log(probability / (1 - probability)) / Math.log(2);
  }

  /**
   * A probability as text: four decimals without trailing zeros ({@code 0.99}, {@code 0.9885}),
   * and as many more as it takes, up to ten, not to round a probability below 1 up to 1.
   */
  static String probabilityText(double p) {
    int decimals = 4;
    while (decimals < 10 && p < 1 && Math.round(p * Math.pow(10, decimals)) == Math.pow(10, decimals)) {
      decimals++;
    }
    String s = String.format(Locale.ROOT, "%." + decimals + "f", p);
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == '0' && s.charAt(end - 2) != '.') {
      end--;
    }
    return s.substring(0, end);
  }

  /** A weight as text, signed with two decimals: {@code +6.42}. */
  static String weightText(double weight) {
    return String.format(Locale.ROOT, "%+.2f", weight);
  }

  /** A weight in both units: {@code probability 0.9885 (weight +6.42)}. */
  static String both(double weight) {
    return "probability " + probabilityText(probability(weight)) + " (weight " + weightText(weight)
        + ")";
  }
}
