package dev.omniid.matching;

import dev.omniid.core.PersonRule;

/**
 * The built-in {@link PersonRule}s: which touchpoints name people that cannot be one, read from
 * their given, family and full names and birth dates. Set one with
 * {@code ResolverBuilder.personRule}; the {@link OmniId} defaults use {@link #standard()} (or its
 * month-first form).
 *
 * <p>The standard rule's traits: the given name from {@code given_name}, else from
 * {@code full_name} ("Family, Given" when the value has a comma; otherwise the first token, or the
 * last one when only the last is a given name the {@link Nicknames} table knows: "García Ana");
 * the family name from {@code family_name}, else the rest of the full name; the birth date from
 * {@code birth_date} as {@link BirthDateNormalizer} reads it; the generational suffix from any
 * name ({@link NameNormalizer#generationalSuffix}). Its conflicts, checked in this order:
 *
 * <ul>
 *   <li>{@code GIVEN_NAME} — the given names are not the same name. They are the same when equal;
 *       in one {@link Nicknames} group ("Pepe"/"José", "Paco"/"Francisco", "Bill"/"William");
 *       when the tokens of the shorter start the longer, each equal, a nickname or an initial of
 *       the other ("José Luis"/"José", "J."/"Juan", "María José"/"María"); when a leading "María"
 *       of one is left out by the other ("María Dolores"/"Lola", "María del Carmen"/"Carmen"; not
 *       "María José"/"José"); when one is a typo of the other
 *       (one edit or two adjacent letters swapped, four letters or more, but not a feminine form:
 *       "Luis"/"Luisa", "Mario"/"Maria", "Daniel"/"Daniela" are different people); or when given
 *       and family names are swapped between the two (each one's given name is a token of the
 *       other's family name: "García Ana" against "Ana García").
 *   <li>{@code BIRTH_DATE} — the dates differ beyond one plausible keying error: day and month
 *       swapped, one digit different, or two adjacent digits transposed ({@code 1985-03-12}
 *       against {@code 1985-12-03}, {@code 1985-03-13}, {@code 1958-03-12} is one person;
 *       against {@code 1990-07-01} it is not).
 *   <li>{@code SUFFIX} — different generations: {@code SR} against {@code JR}, {@code II} against
 *       {@code III}. {@code JR} and {@code II} both name the second of the name and agree.
 * </ul>
 *
 * <p>Family names never conflict (marriage, one or two surnames, a mother's surname used alone).
 * A trait either side lacks never conflicts.
 *
 * <p>Its {@linkplain PersonRule#countingKey counting key}, which counts the people sharing a
 * value against the value's limit (an office's {@code info@} mailbox used by twenty people turns
 * generic), is the first given name in its nickname group's canonical form, after a leading
 * "María" that is left out as above: "Pepe" and "José" count once, "Luis" and "Pedro" twice, an
 * initial not at all. Immutable and thread-safe.
 */
public final class PersonRules {
  private PersonRules() {}

  /**
   * The standard rule, reading ambiguous numeric birth dates day first.
   *
   * @return the shared immutable rule; same as {@code standard(false)}
   */
  public static PersonRule standard() {
    return StandardPersonRule.DAY_FIRST;
  }

  /**
   * The standard rule, reading ambiguous numeric birth dates month first (US) when
   * {@code monthFirstDates}, day first otherwise. A date read in the wrong order still agrees
   * with itself: a day/month swap is never a conflict.
   *
   * @param monthFirstDates {@code true} to read {@code 03/07/1985} as 7 March, {@code false} as
   *     3 July
   * @return the shared immutable rule for that order
   */
  public static PersonRule standard(boolean monthFirstDates) {
    return monthFirstDates ? StandardPersonRule.MONTH_FIRST : StandardPersonRule.DAY_FIRST;
  }

  /**
   * The rule for the contacts of companies ({@link OmniId#accountResolverBuilder()}'s persons):
   * the {@link #standard(boolean) standard} rule, and family names that share no word conflict
   * ({@link dev.omniid.core.PersonConflict#FAMILY_NAME}). A buyer keeps her surnames from one
   * order to the next, while the buyers of one shop share its mailbox and landline: "José Moore"
   * and "José María Ramírez" at one shop are two people, though their given names agree. Words
   * agree when equal or mistyped (Jaro-Winkler at least 0.92, five letters or more); one surname
   * against two agrees ("García" / "García López"); given and family names swapped between the two
   * records agree as in the standard rule.
   *
   * @param monthFirstDates as for {@link #standard(boolean)}
   * @return an immutable, thread-safe rule
   */
  public static PersonRule contacts(boolean monthFirstDates) {
    return monthFirstDates ? ContactPersonRule.MONTH_FIRST : ContactPersonRule.DAY_FIRST;
  }
}
