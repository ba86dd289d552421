package dev.omniid.core;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of one customer as the resolver sees them: every touchpoint judged to be theirs,
 * across all channels. Immutable; a later change in the resolver does not change a snapshot.
 *
 * @param id the profile's current id
 * @param aliases ids of profiles merged into this one, which still look it up
 * @param identifiers the distinct normalized identifiers of its touchpoints, by type then value
 * @param channels the channels it was seen on, in order of first appearance
 * @param firstSeen the earliest time of its touchpoints; empty when none has a time
 * @param lastSeen the latest time of its touchpoints; empty when none has a time
 * @param journey its touchpoints in time order, those without a time after those with one, ties
 *     by id: the cross-channel journey
 * @param evidence the edges that hold it together, and the conflicts that kept others out
 */
public record Profile(
    ProfileId id,
    List<ProfileId> aliases,
    List<Identifier> identifiers,
    Set<Channel> channels,
    Optional<Instant> firstSeen,
    Optional<Instant> lastSeen,
    List<Touchpoint> journey,
    List<Evidence> evidence) {

  /**
   * Copies the collections; the resolver makes profiles, an application has no need to.
   *
   * @param id the profile's current id, not null
   * @param aliases ids merged into this one, not null; copied
   * @param identifiers its distinct normalized identifiers, not null; copied
   * @param channels the channels it was seen on, not null; copied in iteration order
   * @param firstSeen the earliest time of its touchpoints, empty when none has a time; not null
   * @param lastSeen the latest time of its touchpoints, empty when none has a time; not null
   * @param journey its touchpoints in time order, at least one (else
   *     {@link IllegalArgumentException}); copied
   * @param evidence the edges that hold it together, not null; copied
   */
  public Profile {
    Objects.requireNonNull(id, "id");
    aliases = List.copyOf(aliases);
    identifiers = List.copyOf(identifiers);
    channels = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(channels));
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    journey = List.copyOf(journey);
    evidence = List.copyOf(evidence);
    if (journey.isEmpty()) {
      throw new IllegalArgumentException("a profile has at least one touchpoint");
    }
  }

  /**
   * The number of touchpoints in the profile.
   *
   * @return the length of the {@link #journey()}, at least 1
   */
  public int size() {
    return journey.size();
  }

  /**
   * The ids of its touchpoints, in journey order.
   *
   * @return an immutable list of the ids, in time order (ties by id)
   */
  public List<String> touchpointIds() {
    return journey.stream().map(Touchpoint::id).toList();
  }

  @Override
  public String toString() {
    return "Profile[" + id + ", " + journey.size() + " touchpoints on " + channels + ", "
        + identifiers + "]";
  }
}
