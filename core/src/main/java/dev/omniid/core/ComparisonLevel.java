package dev.omniid.core;

/**
 * How alike two normalized values of one field are, from equal to different, as graded by a
 * {@link FieldMatcher}. Each field's levels carry their own match weights in the scoring model,
 * so a level means "this kind of agreement", not a fixed score.
 */
public enum ComparisonLevel {
  /** Equal after normalization. */
  EXACT,
  /** Not equal, but a variant that is almost always the same person (a nickname, a dropped
   *  surname, a one-character typo in a long value). */
  STRONG,
  /** Clearly related (a transposed day and month, a close string). */
  MEDIUM,
  /** Weakly related (same initial, same year, a distant string). */
  WEAK,
  /** Not alike. */
  DIFFERENT,
  /** One side or both has no value: no evidence either way. */
  MISSING
}
