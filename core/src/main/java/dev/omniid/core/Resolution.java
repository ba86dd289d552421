package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * What resolving one touchpoint did.
 *
 * @param touchpointId the touchpoint resolved
 * @param outcome what happened to it
 * @param profileId the profile it now belongs to
 * @param mergedProfileIds profiles merged into {@code profileId} by this touchpoint (now aliases)
 * @param evidence the edges that link the touchpoint, or that kept it apart, in its component
 * @param events every change this touchpoint caused, including splits elsewhere in its component
 * @param problems identifiers that could not be used (invalid values): reported, not dropped;
 *     the touchpoint was resolved on the others
 */
public record Resolution(
    String touchpointId,
    Outcome outcome,
    ProfileId profileId,
    List<ProfileId> mergedProfileIds,
    List<Evidence> evidence,
    List<ProfileEvent> events,
    List<Problem> problems) {

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
   * Copies the lists; the resolver makes resolutions, an application has no need to.
   *
   * @param touchpointId the touchpoint resolved, not null
   * @param outcome what happened to it, not null
   * @param profileId the profile it now belongs to, not null
   * @param mergedProfileIds profiles merged by it, not null; copied
   * @param evidence the edges of its component, not null; copied
   * @param events every change it caused, not null; copied
   * @param problems identifiers that could not be used, not null; copied
   */
  public Resolution {
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(outcome, "outcome");
    Objects.requireNonNull(profileId, "profileId");
    mergedProfileIds = List.copyOf(mergedProfileIds);
    evidence = List.copyOf(evidence);
    events = List.copyOf(events);
    problems = List.copyOf(problems);
  }
}
