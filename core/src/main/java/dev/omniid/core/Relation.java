package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * Another profile a profile is related to: they share identifier values but were kept apart,
 * such as a household whose members share a family mailbox and a landline, or an office's shared
 * mailbox. Relations are not merges: each profile keeps its own journey. {@link #toString()}
 * masks the shared values.
 *
 * @param profileId the related profile
 * @param shared the identifier values the two profiles' touchpoints share, normalized, strongest
 *     type first; derived values (an email's SHA-256) are left out, as they only repeat their
 *     source; empty for profiles related by a kept-apart scored match alone
 * @param reasons why they were kept apart: the kinds of the refused links between them
 *     ({@link Evidence.Kind#PERSON_CONFLICT}, {@link Evidence.Kind#EXCLUSIVE_CONFLICT},
 *     {@link Evidence.Kind#NEVER_LINK}, {@link Evidence.Kind#AMBIGUOUS}), in that enum's order
 * @param conflicts for person conflicts, which traits disagree, in enum order; empty otherwise
 */
public record Relation(ProfileId profileId, List<Identifier> shared, List<Evidence.Kind> reasons,
    List<PersonConflict> conflicts) {

  /**
   * Copies the lists.
   *
   * @param profileId the related profile, not null
   * @param shared the values the profiles share, not null; copied
   * @param reasons why they were kept apart, not null; copied
   * @param conflicts the disagreeing traits, not null; copied
   */
  public Relation {
    Objects.requireNonNull(profileId, "profileId");
    shared = List.copyOf(shared);
    reasons = List.copyOf(reasons);
    conflicts = List.copyOf(conflicts);
  }

  @Override
  public String toString() {
    return "Relation[" + profileId + " shares " + shared + ", kept apart by " + reasons
        + (conflicts.isEmpty() ? "" : " " + conflicts) + "]";
  }
}
