package dev.omniid.core;

/**
 * Decides whether two touchpoints can name the same person: reads each touchpoint's
 * {@link PersonTraits} once, then compares traits, many times per union while the resolver
 * clusters. Set one with {@link ResolverBuilder#personRule}; without one, no person attribute
 * keeps touchpoints apart. The standard rule is {@code dev.omniid.matching.PersonRules.standard()}.
 *
 * <p>Implementations must be immutable and thread-safe: the resolver calls them from any thread.
 */
public interface PersonRule {

  /**
   * The traits of the person {@code touchpoint} names. Pure; never throws for bad data: an
   * unknown or unparseable part is null, and a touchpoint without person attributes gives
   * {@link PersonTraits#NONE}. Never returns null.
   *
   * @param touchpoint the touchpoint to read, never null
   * @return its traits, each normalized or null when unknown; {@link PersonTraits#NONE} when it
   *     names nobody
   */
  PersonTraits traits(Touchpoint touchpoint);

  /**
   * Whether traits {@code a} and {@code b} belong to incompatible people, and by which trait.
   * Symmetric ({@code conflict(a, b) == conflict(b, a)}), pure and cheap; {@link
   * PersonConflict#NONE} for a trait either side lacks, and always {@code NONE} for
   * {@code conflict(a, a)}. Never returns null.
   *
   * @param a the traits of one touchpoint, as {@link #traits} gave them; never null
   * @param b the traits of the other, likewise
   * @return the first trait that proves them different people, or {@link PersonConflict#NONE}
   *     when they may be one person
   */
  PersonConflict conflict(PersonTraits a, PersonTraits b);

  /**
   * A key for counting people among the carriers of a shared value: a value turns generic when
   * its carriers hold more than its type's limit of people (see {@link IdentifierPolicy#limit()}),
   * and carriers whose traits give different keys count as different people. Keys need not be
   * exact: one person whose name is written a few ways may give a few keys (the limit leaves room
   * for that, as it does for a person's several emails), and two people may share one (they then
   * count once). Null when the traits cannot tell people apart (no given name, only an initial).
   * The default counts nobody: without it only stronger identifiers count.
   *
   * @param traits the traits of one touchpoint, never {@link PersonTraits#NONE}
   * @return the key, or null
   */
  default String countingKey(PersonTraits traits) {
    return null;
  }

  /**
   * Whether two people who write to one role account ({@link ResolverBuilder#roleAccounts}: an
   * office's {@code info@}) are different people. Colleagues share such a mailbox, so a rule may
   * tell them apart by more than {@link #conflict} does (family names that share no word, which
   * marriage makes no proof elsewhere). Symmetric, pure and cheap, like {@link #conflict}; never
   * {@code NONE} where {@link #conflict} is not. The default is {@link #conflict}.
   *
   * @param a the traits of one touchpoint that carries the account
   * @param b the traits of another
   * @return the first trait that proves them different people, or {@link PersonConflict#NONE}
   */
  default PersonConflict conflictAtRoleAccount(PersonTraits a, PersonTraits b) {
    return conflict(a, b);
  }
}
