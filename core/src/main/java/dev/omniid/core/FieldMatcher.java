package dev.omniid.core;

/**
 * Compares two normalized values of one field and grades their agreement.
 *
 * <p>Contract: thread-safe and pure; symmetric ({@code compare(a, b) == compare(b, a)});
 * {@code compare(a, a) == EXACT} for any normalized {@code a}; never returns {@code MISSING}
 * (the caller decides missing before calling) and never throws for values its field's
 * {@link Normalizer} produced. Arguments are never null.
 */
@FunctionalInterface
public interface FieldMatcher {

  /**
   * Grades how alike two normalized values are.
   *
   * @param a one value, as the field's {@link Normalizer} returned it; never null
   * @param b the other value, likewise
   * @return the agreement level, never {@code null} and never {@link ComparisonLevel#MISSING};
   *     the same whichever order the values come in
   */
  ComparisonLevel compare(String a, String b);

  /**
   * The matcher that knows only equal and different.
   *
   * @return a matcher giving {@link ComparisonLevel#EXACT} for equal strings and
   *     {@link ComparisonLevel#DIFFERENT} for any other pair
   */
  static FieldMatcher exact() {
    return (a, b) -> a.equals(b) ? ComparisonLevel.EXACT : ComparisonLevel.DIFFERENT;
  }
}
