package dev.omniid.core;

/**
 * A {@link FieldMatcher} that reads each value once: the resolver calls {@link #prepare} when a
 * touchpoint is inserted and keeps the result with it, and scores a candidate pair with
 * {@link #comparePrepared} on the two prepared forms, so a comparison splits, folds and
 * parses nothing (a name's tokens and nickname expansions, an address's street words and house
 * numbers). A new touchpoint is compared with many candidates; preparing its values once instead
 * of at every comparison is most of what a comparison used to cost.
 *
 * <p>Contract: both methods pure and thread-safe; {@code comparePrepared(prepare(a), prepare(b))} equals
 * {@link #compare(String, String) compare(a, b)} for every pair of normalized values, so a model
 * scores the same with or without the prepared forms (explanations and {@link ModelEstimator} may
 * use either). The prepared form is immutable once returned, and is kept for as long as its
 * touchpoint is: keep it small.
 *
 * @param <F> the prepared form of one value
 */
public interface PreparedMatcher<F> extends FieldMatcher {

  /**
   * Reads one normalized value into the form {@link #comparePrepared} grades.
   *
   * @param value a value as the field's {@link Normalizer} returned it, never null or empty
   * @return its prepared form, never null; immutable
   */
  F prepare(String value);

  /**
   * Grades two prepared values; the same level as {@link #compare(String, String)} on the values
   * they were prepared from.
   *
   * @param a one prepared value, from {@link #prepare}; never null
   * @param b the other, likewise
   * @return the agreement level, never {@code null} and never {@link ComparisonLevel#MISSING}
   */
  ComparisonLevel comparePrepared(F a, F b);

  /**
   * Reads what {@link #comparePrepared} reads first of a candidate's prepared value, and returns
   * a number those reads decide. A new touchpoint is scored against several candidates whose
   * prepared values were made long ago, each a chain of objects and a cache miss per link; the
   * resolver calls this for every candidate in one short loop before scoring them, so that their
   * misses overlap. Pure and cheap; the default reads nothing.
   *
   * @param prepared a prepared value, from {@link #prepare}; never null
   * @return any number that depends on what was read (the caller only keeps it)
   */
  default int readAhead(F prepared) {
    return 0;
  }

  /**
   * Grades two values by preparing both: the default that keeps {@link FieldMatcher#compare}
   * and the prepared path one rule.
   *
   * @param a one normalized value, never null
   * @param b the other, never null
   * @return {@code comparePrepared(prepare(a), prepare(b))}
   */
  @Override
  default ComparisonLevel compare(String a, String b) {
    return comparePrepared(prepare(a), prepare(b));
  }
}
