package dev.omniid.core;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Groups touchpoints from every channel into customer profiles, and keeps doing so as new
 * touchpoints arrive. Build one with {@link #newBuilder()}.
 *
 * <h2>How touchpoints link</h2>
 * Two touchpoints that share a normalized identifier value of a type that
 * {@linkplain IdentifierPolicy#linksAlone() links alone} belong to one profile, unless a rule
 * forbids it:
 * <ul>
 *   <li><b>Exclusive types</b>: a profile never holds two distinct values of an exclusive type
 *       (two customer ids are two people). A link that would break this is refused and recorded
 *       as {@link Evidence.Kind#EXCLUSIVE_CONFLICT} evidence.
 *   <li><b>Limits</b>: a value whose carriers hold more than its type's
 *       {@linkplain IdentifierPolicy#limit() limit} of distinct values of some <em>stronger</em>
 *       identifier type becomes generic and links nothing: a store kiosk's device id used by many
 *       customers who each give their email, a call center's phone. One customer's own device,
 *       used on many visits with one email or none, stays linking. The verdict depends on the
 *       value's own carriers only.
 *   <li><b>Never-link</b> rules set by {@link #neverLink} and {@link #split}.
 * </ul>
 * The evidence is applied strongest type first (then by value), touchpoints in id order.
 *
 * <h2>Sequence neutrality</h2>
 * The partition is a function of the set of touchpoints, the never-link rules and the
 * configuration, never of the order of arrival: resolving touchpoints one at a time in any order,
 * or all at once with {@link #resolveAll}, gives the same profiles. Each change recomputes only
 * the connected component of touchpoints it touches. Profile <em>ids</em> do depend on history:
 * a profile keeps the oldest id of the profiles it grew from, and merged-away ids stay aliases.
 *
 * <h2>Threads</h2>
 * Thread-safe. Changes are serialized by a write lock; reads share a read lock and return
 * immutable snapshots. Listeners run synchronously on the thread that made the change, before the
 * next change starts (under the write lock; with a journal, under the journal's lock once the
 * change's record is written); see {@link ProfileListener}.
 *
 * <h2>Closing</h2>
 * A resolver is {@link AutoCloseable}: closing one with a {@linkplain #journal() journal} forces
 * and closes its files (see {@link Journal#close()}); closing an in-memory one does nothing. Use
 * try-with-resources, or close it when the application stops.
 *
 * <p>The interface is sealed: the resolvers are built by {@link ResolverBuilder}, whose
 * normalization {@link #forget(IdentifierType, String)} relies on.
 */
public sealed interface IdentityResolver extends AutoCloseable
    permits InMemoryResolver, JournaledResolver {

  /**
   * Starts configuring a resolver with the core's built-in normalizers and no match model. For
   * real-world data (phones, emails, names, birth dates) start from
   * {@code dev.omniid.matching.OmniId.resolverBuilder()} instead, which configures this same builder.
   *
   * @return a new, mutable builder with the defaults described in {@link ResolverBuilder}
   */
  static ResolverBuilder newBuilder() {
    return new ResolverBuilder();
  }

  /**
   * Adds a touchpoint and links it to the profiles it belongs to.
   *
   * <p>Resolving a touchpoint equal to one already resolved is a no-op reported as
   * {@link Resolution.Outcome#DUPLICATE}, so at-least-once delivery is safe. Identifiers whose
   * values the normalizer refuses are reported in {@link Resolution#problems()} (field
   * {@code identifiers[i] (type)}), and the touchpoint is resolved on the others; so are
   * attributes that a match field's normalizer refuses (field {@code attributes[key]}, e.g. a
   * birth date of {@code 31/02/1990}), which are then left out of scoring. A problem carries the
   * reason and what is wrong, never the value.
   *
   * @param touchpoint the touchpoint to add, not null
   * @return what happened to it: its {@linkplain Resolution#outcome() outcome} (a new profile,
   *     attached to one, merging several, a duplicate), the id of the profile it now belongs to,
   *     the events the change caused and the identifiers it could not use
   * @throws OmniIdException if the id was resolved before with different content
   *     ({@code DUPLICATE_TOUCHPOINT}), or the touchpoint carries two distinct values of an
   *     exclusive type ({@code CONFLICTING_EXCLUSIVE_VALUES}); the resolver is then unchanged
   */
  Resolution resolve(Touchpoint touchpoint);

  /**
   * Adds many touchpoints at once: the same partition as resolving them one by one, computed in
   * one pass per connected component. A touchpoint that {@link #resolve} would refuse is reported
   * in {@link BatchResult#problems()} and the others are resolved.
   *
   * @param touchpoints the touchpoints to add, in any order (the result does not depend on it);
   *     not null; a null element is refused like a bad touchpoint ({@code MISSING_FIELD}, field
   *     {@code touchpoints[i]})
   * @return the counts of touchpoints accepted, already known and refused, every problem, and
   *     every change to the partition
   */
  BatchResult resolveAll(Collection<Touchpoint> touchpoints);

  /**
   * Removes a touchpoint, as if it had never been resolved (its never-link rules go with it).
   *
   * @param touchpointId the id of the touchpoint to remove, not null
   * @return the events it caused (its profile shrinking, splitting or ending), in order; empty if
   *     the id is unknown
   */
  List<ProfileEvent> remove(String touchpointId);

  /**
   * Forbids two touchpoints from ever being in one profile; the partition is recomputed so that
   * they are not. The rule is kept until {@link #allowLink} or the removal of either.
   *
   * @param touchpointId one touchpoint's id, not null
   * @param otherTouchpointId the other's id, not null and not the same
   * @return the events it caused, in order; empty when they were already in different profiles
   * @throws OmniIdException ({@code UNKNOWN_REFERENCE}) if either touchpoint is unknown, or
   *     ({@code INVALID_VALUE}) if both ids are the same
   */
  List<ProfileEvent> neverLink(String touchpointId, String otherTouchpointId);

  /**
   * Drops a never-link rule between two touchpoints.
   *
   * @param touchpointId one touchpoint's id, not null
   * @param otherTouchpointId the other's id, not null
   * @return the events it caused (a merge the rule prevented), in order; empty if there was no
   *     such rule or nothing else links them
   * @throws OmniIdException ({@code UNKNOWN_REFERENCE}) if either touchpoint is unknown
   */
  List<ProfileEvent> allowLink(String touchpointId, String otherTouchpointId);

  /**
   * Splits a profile in two: {@code touchpointIds} on one side, the rest of the profile on the
   * other, kept apart by never-link rules between the sides. The part holding the profile's
   * oldest touchpoint anchor keeps its id.
   *
   * @param profileId the id or an alias of the profile to split, not null
   * @param touchpointIds the touchpoints to move to the new side: a non-empty proper subset of
   *     the profile's touchpoints
   * @return the ids of the resulting profiles
   * @throws OmniIdException ({@code UNKNOWN_REFERENCE}) if the profile is unknown, or a touchpoint
   *     is unknown or not in it (checked first; the field is {@code touchpointIds[i]}, {@code i}
   *     the id's position in the set's sorted order, and the detail names the id);
   *     ({@code INVALID_VALUE}) if the set is empty or the whole profile
   */
  List<ProfileId> split(ProfileId profileId, Set<String> touchpointIds);

  /**
   * The profile with this id or alias.
   *
   * @param profileId a current id, or one a merge made an alias, not null
   * @return an immutable snapshot of the profile as it is now (its id may differ from the one
   *     asked for, when that was an alias); empty if no profile has that id or alias
   */
  Optional<Profile> profile(ProfileId profileId);

  /**
   * The profile a touchpoint belongs to.
   *
   * @param touchpointId the touchpoint's id, not null
   * @return an immutable snapshot of its profile; empty if the touchpoint is unknown or removed
   */
  Optional<Profile> profileOfTouchpoint(String touchpointId);

  /**
   * The id of the profile a touchpoint belongs to; cheaper than
   * {@link #profileOfTouchpoint(String)} when the id is all that is needed.
   *
   * @param touchpointId the touchpoint's id, not null
   * @return the profile's current id; empty if the touchpoint is unknown or removed
   */
  Optional<ProfileId> profileIdOf(String touchpointId);

  /**
   * Counts over every profile (how many hold two or more touchpoints, how much evidence of each
   * kind they show), taken without building a profile: each component's evidence is computed once,
   * where {@link #profiles()} builds every profile with its journey; the in-memory resolver
   * computes the components in parallel on the common fork-join pool. A snapshot between two
   * changes, as every read.
   *
   * @return the counts
   */
  ProfileCounts profileCounts();

  /**
   * A touchpoint as it was resolved: equal to the one given (the resolver keeps it in a compact
   * form and decodes it, so not the same object). Lets a caller that resolved a large file drop
   * its own copies and read a record back when it needs one.
   *
   * @param touchpointId the touchpoint's id, not null
   * @return the touchpoint; empty if it is unknown, removed or forgotten
   */
  Optional<Touchpoint> touchpoint(String touchpointId);

  /**
   * The profiles holding an identifier value: one profile for a linking value, possibly several
   * for a generic one. The raw value is taken as a customer spells it: normalized as for
   * resolution without a touchpoint (a phone in the normalizer's default region); when the
   * resolver holds no such value, normalized as on a touchpoint of each
   * {@linkplain AttributeKey#COUNTRY country} its live touchpoints give, in sorted order, each
   * reading kept when a touchpoint of that country carries it ({@code 55 1234 5678} finds the
   * {@code +52} number of a touchpoint whose country is {@code MX}). Deterministic.
   *
   * @param type the identifier type, not null
   * @param rawValue the value as a customer would spell it, not null
   * @return the profiles, in id order; empty when the value matches nothing in any of these
   *     readings, or the normalizer refuses it
   */
  List<Profile> findProfiles(IdentifierType type, String rawValue);

  /**
   * A snapshot of every profile, in id order.
   *
   * @return the profiles as they were when the call was made; later changes do not show in the
   *     stream, and reading it holds no lock
   */
  Stream<Profile> profiles();

  /**
   * The number of profiles.
   *
   * @return how many profiles the live touchpoints form now, {@code >= 0}
   */
  int profileCount();

  /**
   * The number of touchpoints resolved and not removed.
   *
   * @return how many touchpoints the resolver holds now, {@code >= 0}
   */
  int touchpointCount();

  /**
   * Every generic value: over-shared or junk, it links nothing.
   *
   * @return a new list of the values (normalized, masked when printed), strongest type first and
   *     then by value, each with why it is generic and how many touchpoints carry it; empty when
   *     every value links
   */
  List<GenericValue> genericValues();

  /**
   * Why two touchpoints are, or are not, in one profile: the resolver's decision first (the chain
   * of links that holds them in one profile, or the refusals that keep their profiles apart),
   * then shared identifiers, generic values and the match model's waterfall of the pair alone.
   *
   * @param touchpointId one touchpoint
   * @param otherTouchpointId the other
   * @return the explanation; {@link PairExplanation#explain()} reads it out
   * @throws OmniIdException ({@code UNKNOWN_REFERENCE}) if either touchpoint is unknown
   */
  PairExplanation why(String touchpointId, String otherTouchpointId);

  /**
   * The profiles related to a profile: those it shares identifier values with but was kept apart
   * from (a household's members, the people of an office mailbox, two customer ids on one
   * email), each with the shared values and why they were kept apart. Ordered by profile id;
   * empty for an unknown profile or one related to none.
   *
   * @param profileId the id or an alias of the profile, not null
   * @return a new list of the related profiles, ordered by profile id
   */
  List<Relation> related(ProfileId profileId);

  /**
   * Erases a customer's identifier (the right to be forgotten): removes, as {@link #remove} does,
   * every touchpoint that carries the value, together with its never-link rules. "Carries" means
   * that the resolver's normalizer for {@code type}, applied to one of the touchpoint's identifiers
   * of that type, gives the normalized {@code rawValue} (normalized as {@link #findProfiles} does),
   * or that an identifier {@linkplain ResolverBuilder#derivedIdentifier derived} from such a value
   * (a hashed email) equals the one derived from it. The raw value is also read as
   * {@link #findProfiles} reads it (the normalizer's default region, then each country the
   * resolver's touchpoints give), and the carriers of each value it names are removed too. The
   * remaining partition is the one a batch
   * resolution of the remaining touchpoints and rules would give.
   *
   * <p>The erasure is one change, not a removal after another: every carrier leaves at once and
   * the profiles they touched are recomputed once, so listeners hear the difference between the
   * profiles before and after (no merge that an intermediate state would have made). A profile
   * id anchored only on erased touchpoints stops resolving; a profile that keeps some of its
   * touchpoints keeps its id, and no other customer's profile takes it.
   *
   * <p>A resolver with a {@linkplain #journal() journal} also removes the values from disk before
   * it returns: the erasure is journaled and forced, then the journal is
   * {@linkplain Journal#compact() compacted}, so no file of the journal's directory holds the
   * touchpoints' bytes any more (including those of carriers removed earlier). Deleted files are
   * unlinked, not overwritten: blocks the file system frees are beyond the library's reach.
   *
   * <p>The resolver holds its write lock throughout: a touchpoint carrying the value that another
   * thread resolves is resolved wholly before or wholly after the erasure.
   *
   * @param type the identifier type, not null
   * @param rawValue the value to erase, as a customer would spell it, not null
   * @return the ids of the touchpoints removed, in id order; empty if the value matches nothing
   *     in any of these readings (or the normalizer refuses it): nothing was erased
   * @throws java.io.UncheckedIOException if the journal cannot be written
   */
  List<String> forget(IdentifierType type, String rawValue);

  /**
   * Erases a customer's profile: removes every touchpoint of the profile with this id or alias,
   * as {@link #forget(IdentifierType, String)} removes the carriers of a value, from memory and,
   * with a journal, from disk.
   *
   * @param profileId the id or an alias of the profile to erase, not null
   * @return the ids of the touchpoints removed, in id order; empty if the profile is unknown
   * @throws java.io.UncheckedIOException if the journal cannot be written
   */
  List<String> forget(ProfileId profileId);

  /**
   * The durable journal behind this resolver, if it was built with
   * {@link ResolverBuilder#journal(java.nio.file.Path, Durability)}: its recovery report, snapshots
   * and closing.
   *
   * @return the journal; empty for an in-memory resolver
   */
  default Optional<Journal> journal() {
    return Optional.empty();
  }

  /**
   * Releases what the resolver holds: with a journal, forces it and closes its files (as
   * {@link Journal#close()}); the resolver keeps answering reads, and changes then fail with
   * {@link IllegalStateException}. Without one, nothing. Closing twice does nothing.
   *
   * @throws java.io.UncheckedIOException if the journal's final force fails
   */
  @Override
  void close();
}
