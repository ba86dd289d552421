package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * A change to the partition, as heard by a {@link ProfileListener} and reported by
 * {@link Resolution#events()}.
 *
 * @param kind what changed
 * @param profileId the profile concerned (for a split, the part that kept the id, or the
 *     oldest part)
 * @param relatedProfileIds for {@link Kind#MERGED} the ids merged away; for {@link Kind#SPLIT}
 *     the ids of the other parts; empty otherwise
 * @param touchpointIds for {@link Kind#CREATED} and {@link Kind#ATTACHED} the touchpoints that
 *     joined; for {@link Kind#DETACHED} and {@link Kind#DELETED} those that left; empty otherwise
 */
public record ProfileEvent(
    Kind kind, ProfileId profileId, List<ProfileId> relatedProfileIds, List<String> touchpointIds) {

  /** What changed. */
  public enum Kind {
    /** A new profile. */
    CREATED,
    /** New touchpoints joined an existing profile. */
    ATTACHED,
    /** Profiles became one; the merged-away ids remain aliases. */
    MERGED,
    /** A profile became several (new evidence, a never-link, a split or a removal). */
    SPLIT,
    /** Touchpoints were removed from a profile that still has others. */
    DETACHED,
    /** A profile's last touchpoints were removed; its ids no longer resolve. */
    DELETED
  }

  /**
   * Copies the lists.
   *
   * @param kind what changed, not null
   * @param profileId the profile concerned, not null
   * @param relatedProfileIds the merged-away or split-off ids, not null; copied
   * @param touchpointIds the touchpoints that joined or left, not null; copied
   */
  public ProfileEvent {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(profileId, "profileId");
    relatedProfileIds = List.copyOf(relatedProfileIds);
    touchpointIds = List.copyOf(touchpointIds);
  }
}
