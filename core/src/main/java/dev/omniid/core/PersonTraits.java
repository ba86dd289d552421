package dev.omniid.core;

/**
 * The normalized traits of the one person a touchpoint names, as a {@link PersonRule} reads them:
 * what decides whether two touchpoints can be the same person at all, whatever identifier they
 * share.
 *
 * <p>Every component may be null, meaning unknown; a rule never reads an absent trait as a
 * disagreement. The forms are the rule's own (normalized: folded case and accents), except where
 * fixed here: {@code birthDate} is ISO {@code yyyy-MM-dd}; {@code suffix} is a canonical
 * generational token such as {@code JR}, {@code SR}, {@code II}, {@code III} (Spanish
 * {@code hijo} is {@code JR}, {@code padre} is {@code SR}). The family name is carried for rules
 * that use it, although the standard rule never lets it alone separate two people (marriage,
 * double surnames). Immutable and thread-safe.
 *
 * @param givenName the normalized given name(s), or null
 * @param familyName the normalized family name(s), or null
 * @param birthDate the birth date as ISO {@code yyyy-MM-dd}, or null
 * @param suffix the canonical generational suffix, or null
 */
public record PersonTraits(String givenName, String familyName, String birthDate, String suffix) {

  /** No known trait: the traits of a touchpoint that names nobody. */
  public static final PersonTraits NONE = new PersonTraits(null, null, null, null);

  /**
   * Whether no trait is known.
   *
   * @return {@code true} when all four traits are null, as in {@link #NONE}
   */
  public boolean isEmpty() {
    return givenName == null && familyName == null && birthDate == null && suffix == null;
  }

  @Override
  public String toString() {
    // Traits are personal data: say which are known, never what they are.
    return "PersonTraits[givenName=" + known(givenName) + ", familyName=" + known(familyName)
        + ", birthDate=" + known(birthDate) + ", suffix=" + known(suffix) + "]";
  }

  private static String known(String value) {
    return value == null ? "unknown" : "known";
  }
}
