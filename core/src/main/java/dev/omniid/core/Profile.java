package dev.omniid.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one customer as the resolver sees them: every touchpoint judged to be theirs,
 * across all channels. Immutable and thread-safe; a later change in the resolver does not change
 * a snapshot.
 *
 * <p>Only the resolver makes profiles (the constructor is not public): a profile in hand is always
 * one the resolver decided. Two profiles are equal when all their parts are.
 */
public final class Profile {
  private final ProfileId id;
  private final List<ProfileId> aliases;
  private final List<Identifier> identifiers;
  private final Set<Channel> channels;
  private final Optional<Instant> firstSeen;
  private final Optional<Instant> lastSeen;
  private final List<Touchpoint> journey;
  private final List<Evidence> evidence;
  // The normalized identifiers of each journey touchpoint (same index): the golden record needs
  // the values the resolver compared, which the touchpoints themselves do not carry.
  private final List<List<Identifier>> normalized;

  /**
   * A profile snapshot; made by the resolver only.
   *
   * @param id the profile's current id
   * @param aliases ids of profiles merged into this one
   * @param identifiers the distinct normalized identifiers, by type then value
   * @param channels the channels, in order of first appearance
   * @param firstSeen the earliest time of its touchpoints; empty when none has a time
   * @param lastSeen the latest time of its touchpoints; empty when none has a time
   * @param journey the touchpoints in time order, untimed ones last; at least one
   * @param evidence the edges that hold it together and the conflicts that kept others out
   * @param normalized the normalized identifiers of each journey touchpoint, in journey order
   */
  Profile(ProfileId id, List<ProfileId> aliases, List<Identifier> identifiers, Set<Channel> channels,
      Optional<Instant> firstSeen, Optional<Instant> lastSeen, List<Touchpoint> journey, List<Evidence> evidence,
      List<List<Identifier>> normalized) {
    this.id = Objects.requireNonNull(id, "id");
    this.aliases = List.copyOf(aliases);
    this.identifiers = List.copyOf(identifiers);
    this.channels = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(channels));
    this.firstSeen = Objects.requireNonNull(firstSeen, "firstSeen");
    this.lastSeen = Objects.requireNonNull(lastSeen, "lastSeen");
    this.journey = List.copyOf(journey);
    this.evidence = List.copyOf(evidence);
    this.normalized = normalized.stream().map(List::copyOf).toList();
    if (this.journey.isEmpty()) {
      throw new IllegalStateException("a profile has at least one touchpoint");
    }
    if (this.normalized.size() != this.journey.size()) {
      throw new IllegalStateException("normalized identifiers for every touchpoint");
    }
  }

  /**
   * The profile's current id.
   *
   * @return its id
   */
  public ProfileId id() {
    return id;
  }

  /**
   * The ids of profiles merged into this one, which still look it up.
   *
   * @return the aliases, in id order; empty if none
   */
  public List<ProfileId> aliases() {
    return aliases;
  }

  /**
   * The distinct normalized identifiers of its touchpoints.
   *
   * @return the identifiers, strongest type first, then by value
   */
  public List<Identifier> identifiers() {
    return identifiers;
  }

  /**
   * The channels it was seen on.
   *
   * @return the channels, in order of first appearance
   */
  public Set<Channel> channels() {
    return channels;
  }

  /**
   * The earliest time of its touchpoints that have one.
   *
   * @return the first time the customer was seen; empty when none of its touchpoints has a time
   */
  public Optional<Instant> firstSeen() {
    return firstSeen;
  }

  /**
   * The latest time of its touchpoints that have one.
   *
   * @return the last time the customer was seen; empty when none of its touchpoints has a time
   */
  public Optional<Instant> lastSeen() {
    return lastSeen;
  }

  /**
   * Its touchpoints in time order, those without a time after those with one, ties by id: the
   * cross-channel journey.
   *
   * @return the touchpoints; never empty
   */
  public List<Touchpoint> journey() {
    return journey;
  }

  /**
   * The edges that hold it together, and the conflicts that kept others out.
   *
   * @return the evidence
   */
  public List<Evidence> evidence() {
    return evidence;
  }

  /**
   * The number of touchpoints in the profile.
   *
   * @return the size of its journey, at least 1
   */
  public int size() {
    return journey.size();
  }

  /**
   * The ids of its touchpoints.
   *
   * @return the ids, in journey order
   */
  public List<String> touchpointIds() {
    return journey.stream().map(Touchpoint::id).toList();
  }

  /**
   * The normalized identifiers of the journey's touchpoint at {@code index}.
   *
   * @param index a position in {@link #journey()}
   * @return its identifiers as the resolver normalized them, each keeping its raw spelling
   */
  List<Identifier> normalizedIdentifiers(int index) {
    return normalized.get(index);
  }

  /**
   * The customer's golden record under the {@linkplain SurvivorshipRules#defaults() default
   * rules}: one surviving value per field, computed on each call.
   *
   * @return the golden record, a function of the profile's touchpoints
   */
  public GoldenRecord golden() {
    return GoldenRecord.of(this, SurvivorshipRules.defaults());
  }

  /**
   * Whether {@code o} is a profile with equal parts.
   *
   * @param o the object to compare with
   * @return whether every part is equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Profile p && id.equals(p.id) && aliases.equals(p.aliases)
        && identifiers.equals(p.identifiers) && channels.equals(p.channels)
        && firstSeen.equals(p.firstSeen) && lastSeen.equals(p.lastSeen)
        && journey.equals(p.journey) && evidence.equals(p.evidence)
        && normalized.equals(p.normalized);
  }

  /**
   * A hash of every part, consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(id, aliases, identifiers, channels, firstSeen, lastSeen, journey, evidence);
  }

  /**
   * The id, size, channels and masked identifiers.
   *
   * @return a short description; identifier values are masked
   */
  @Override
  public String toString() {
    return "Profile[" + id + ", " + journey.size() + " touchpoints on " + channels + ", "
        + identifiers + "]";
  }
}
