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
   */
  PersonTraits traits(Touchpoint touchpoint);

  /**
   * Whether traits {@code a} and {@code b} belong to incompatible people, and by which trait.
   * Symmetric ({@code conflict(a, b) == conflict(b, a)}), pure and cheap; {@link
   * PersonConflict#NONE} for a trait either side lacks, and always {@code NONE} for
   * {@code conflict(a, a)}. Never returns null.
   */
  PersonConflict conflict(PersonTraits a, PersonTraits b);
}
