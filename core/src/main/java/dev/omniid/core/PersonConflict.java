package dev.omniid.core;

/**
 * Why two touchpoints cannot be the same person, as a {@link PersonRule} decides it: the first
 * incompatible trait found, or {@link #NONE}. A conflict blocks a link the way two different
 * values of an exclusive identifier do.
 */
public enum PersonConflict {
  /** No trait disagrees (some may be unknown): the two may be one person. */
  NONE,
  /** The given names are different names: not equal, not a nickname, hypocorism or initial of each other. */
  GIVEN_NAME,
  /** The birth dates differ by more than one plausible keying error. */
  BIRTH_DATE,
  /**
   * The family names share no word, not even one mistyped: only a rule for the contacts of
   * companies reads it ({@code PersonRules.contacts}); for consumers family names never conflict
   * (marriage, one surname or two).
   */
  FAMILY_NAME,
  /** The generational suffixes differ ({@code JR} against {@code SR}, {@code II} against {@code III}). */
  SUFFIX
}
