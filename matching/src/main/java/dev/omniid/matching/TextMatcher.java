package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;

/**
 * General-purpose {@link FieldMatcher}s for short normalized text: Jaro-Winkler bands for names
 * of places, and typo-grading for codes (postal codes, ids). Thread-safe singletons.
 */
public final class TextMatcher {

  private TextMatcher() {}

  /**
   * Jaro-Winkler similarity (Commons Text) in bands: {@code STRONG} at 0.95, {@code MEDIUM} at
   * 0.88, {@code WEAK} at 0.80.
   *
   * @return a thread-safe matcher giving {@code EXACT} for equal values, then the bands, else
   *     {@code DIFFERENT}
   */
  public static FieldMatcher jaroWinkler() {
    return TextMatcher::jaroWinklerLevel;
  }

  /**
   * Codes: {@code STRONG} for one substituted character or two adjacent ones swapped,
   * {@code MEDIUM} for two substitutions in values of the same length, else {@code DIFFERENT}.
   *
   * @return a thread-safe matcher giving {@code EXACT} for equal values, then the typo levels
   */
  public static FieldMatcher typo() {
    return TextMatcher::typoLevel;
  }

  static ComparisonLevel jaroWinklerLevel(String a, String b) {
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    double s = JaroWinkler.similarity(a, b);
    return s >= 0.95 ? ComparisonLevel.STRONG
        : s >= 0.88 ? ComparisonLevel.MEDIUM
        : s >= 0.80 ? ComparisonLevel.WEAK : ComparisonLevel.DIFFERENT;
  }

  /**
   * {@link #jaroWinklerLevel(String, String)} of the prefixes {@code a[0, la)} and
   * {@code b[0, lb)}, which are not equal, without making them.
   */
  static ComparisonLevel jaroWinklerLevel(String a, int la, String b, int lb) {
    double s = JaroWinkler.similarity(a, 0, la, b, 0, lb);
    return s >= 0.95 ? ComparisonLevel.STRONG
        : s >= 0.88 ? ComparisonLevel.MEDIUM
        : s >= 0.80 ? ComparisonLevel.WEAK : ComparisonLevel.DIFFERENT;
  }

  static ComparisonLevel typoLevel(String a, String b) {
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    if (a.length() != b.length()) {
      return ComparisonLevel.DIFFERENT;
    }
    int first = -1;
    int diffs = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (++diffs == 1) {
          first = i;
        } else if (diffs > 2) {
          return ComparisonLevel.DIFFERENT;
        }
      }
    }
    if (diffs == 1) {
      return ComparisonLevel.STRONG;
    }
    boolean swapped = first + 1 < a.length() && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first);
    return swapped ? ComparisonLevel.STRONG : ComparisonLevel.MEDIUM;
  }
}
