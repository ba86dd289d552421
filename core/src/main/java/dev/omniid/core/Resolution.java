package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * What resolving one touchpoint did. Immutable and thread-safe.
 *
 * <p>Only the resolver makes resolutions (the constructor is not public): a resolution in hand is
 * always one the resolver reported. Two resolutions are equal when all their parts are.
 */
public final class Resolution {
  private final String touchpointId;
  private final Outcome outcome;
  private final ProfileId profileId;
  private final List<ProfileId> mergedProfileIds;
  private final List<Problem> problems;
  /**
   * Built on first read when the fast path placed the touchpoint (then {@link #node} is set):
   * most callers read only the profile id, and the evidence and events would be most of what a
   * resolution allocates. Immutable lists (final fields inside), so a race between two first
   * readers builds equal lists and publishes either safely.
   */
  private List<Evidence> evidence;
  private List<ProfileEvent> events;
  /** What the lazy parts are built from; null when they were given. Final fields only are read. */
  private final TouchpointNode node;
  private final TouchpointNode[] partners;
  /**
   * The scored edges that held the touchpoint in its profile when it was placed, null for none: a
   * copy, as the node's own list changes later; an edge's ends and weight are final.
   */
  private final Edge[] scored;

  /** What happened to a resolved touchpoint. */
  public enum Outcome {
    /** It started a new profile. */
    CREATED,
    /** It joined one existing profile. */
    ATTACHED,
    /** It joined and bridged several existing profiles into one. */
    MERGED,
    /** The same touchpoint had already been resolved; nothing changed. */
    DUPLICATE
  }

  /**
   * A resolution; made by the resolver only.
   *
   * @param touchpointId the touchpoint resolved
   * @param outcome what happened to it
   * @param profileId the profile it now belongs to
   * @param mergedProfileIds profiles merged into {@code profileId} by this touchpoint
   * @param evidence the edges that link the touchpoint, or that kept it apart
   * @param events every change this touchpoint caused
   * @param problems values that could not be used
   */
  Resolution(String touchpointId, Outcome outcome, ProfileId profileId,
      List<ProfileId> mergedProfileIds, List<Evidence> evidence, List<ProfileEvent> events,
      List<Problem> problems) {
    this.touchpointId = Objects.requireNonNull(touchpointId, "touchpointId");
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.profileId = Objects.requireNonNull(profileId, "profileId");
    this.mergedProfileIds = List.copyOf(mergedProfileIds);
    this.evidence = List.copyOf(evidence);
    this.events = List.copyOf(events);
    this.problems = List.copyOf(problems);
    this.node = null;
    this.partners = null;
    this.scored = null;
  }

  /**
   * A resolution of the fast path, whose evidence and events are built when first asked: the
   * evidence from the links {@link Partition#partnersOf} found under the lock and the scored
   * edges to members of its profile then ({@code scored}, a copy the caller does not change;
   * null for none), as {@link Partition#linksOf} would give them; the events from the outcome
   * (created, attached, or merged then attached).
   */
  Resolution(TouchpointNode node, Outcome outcome, ProfileId profileId,
      List<ProfileId> mergedProfileIds, TouchpointNode[] partners, Edge[] scored,
      List<Problem> problems) {
    this.touchpointId = node.id;
    this.outcome = Objects.requireNonNull(outcome, "outcome");
    this.profileId = Objects.requireNonNull(profileId, "profileId");
    this.mergedProfileIds = List.copyOf(mergedProfileIds);
    this.problems = List.copyOf(problems);
    this.node = node;
    this.partners = partners;
    this.scored = scored;
  }

  /**
   * The touchpoint resolved.
   *
   * @return its id
   */
  public String touchpointId() {
    return touchpointId;
  }

  /**
   * What happened to the touchpoint.
   *
   * @return the outcome
   */
  public Outcome outcome() {
    return outcome;
  }

  /**
   * The profile the touchpoint now belongs to.
   *
   * @return the profile's id
   */
  public ProfileId profileId() {
    return profileId;
  }

  /**
   * The profiles merged into {@link #profileId()} by this touchpoint, now its aliases.
   *
   * @return their ids, in id order; empty unless the outcome is {@link Outcome#MERGED}
   */
  public List<ProfileId> mergedProfileIds() {
    return mergedProfileIds;
  }

  /**
   * The edges that link the touchpoint, or that kept it apart, in its component.
   *
   * @return the evidence
   */
  public List<Evidence> evidence() {
    List<Evidence> out = evidence;
    if (out == null) {
      out = List.copyOf(Partition.withScored(Partition.sharedLinks(node, partners), scored));
      evidence = out;
    }
    return out;
  }

  /**
   * Every change this touchpoint caused, including splits elsewhere in its component.
   *
   * @return the events, in the order listeners heard them
   */
  public List<ProfileEvent> events() {
    List<ProfileEvent> out = events;
    if (out == null) {
      out = fastPathEvents();
      events = out;
    }
    return out;
  }

  private List<ProfileEvent> fastPathEvents() {
    List<String> self = List.of(touchpointId);
    if (outcome == Outcome.CREATED) {
      return List.of(new ProfileEvent(ProfileEvent.Kind.CREATED, profileId, List.of(), self));
    }
    ProfileEvent attached = new ProfileEvent(ProfileEvent.Kind.ATTACHED, profileId, List.of(), self);
    if (outcome == Outcome.ATTACHED) {
      return List.of(attached);
    }
    return List.of(new ProfileEvent(ProfileEvent.Kind.MERGED, profileId, mergedProfileIds,
        List.of()), attached);
  }

  /**
   * Values of the touchpoint that could not be used, reported rather than dropped: identifiers
   * the normalizer refuses (field {@code identifiers[i] (type)}) and attributes a match field's
   * normalizer refuses (field {@code attributes[key]}, e.g. a birth date of {@code 31/02/1990}).
   * The touchpoint was resolved on the others. A problem never holds the value itself.
   *
   * @return the problems, in the order found; empty for a duplicate
   */
  public List<Problem> problems() {
    return problems;
  }

  /**
   * Whether {@code o} is a resolution with equal parts.
   *
   * @param o the object to compare with
   * @return whether every part is equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof Resolution r && touchpointId.equals(r.touchpointId)
        && outcome == r.outcome && profileId.equals(r.profileId)
        && mergedProfileIds.equals(r.mergedProfileIds) && evidence().equals(r.evidence())
        && events().equals(r.events()) && problems.equals(r.problems);
  }

  /**
   * A hash of every part, consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(touchpointId, outcome, profileId, mergedProfileIds, evidence(), events(),
        problems);
  }

  /**
   * Every part, in the form a record would print it; identifier values are masked.
   *
   * @return a description of the resolution
   */
  @Override
  public String toString() {
    return "Resolution[touchpointId=" + touchpointId + ", outcome=" + outcome + ", profileId="
        + profileId + ", mergedProfileIds=" + mergedProfileIds + ", evidence=" + evidence()
        + ", events=" + events() + ", problems=" + problems + "]";
  }
}
