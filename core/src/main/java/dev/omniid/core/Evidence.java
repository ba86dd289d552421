package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * An edge of the merge graph: why two touchpoints were linked, or why they were kept apart.
 *
 * @param kind what the edge says
 * @param touchpointId one touchpoint
 * @param otherTouchpointId the other touchpoint
 * @param identifiers the identifiers involved: the shared one first (none for a scored match);
 *     for a conflict, followed by the two clashing exclusive values
 * @param weight the strength of the evidence itself, linked or refused: positive infinity for a
 *     shared identifier, the match weight for a scored pair
 * @param personConflict for a {@link Kind#PERSON_CONFLICT}, which trait of the two people
 *     disagrees; {@link PersonConflict#NONE} for every other kind
 */
public record Evidence(
    Kind kind, String touchpointId, String otherTouchpointId, List<Identifier> identifiers,
    double weight, PersonConflict personConflict) {

  /** What an evidence edge says. */
  public enum Kind {
    /** The touchpoints share an identifier value: linked. */
    SHARED_IDENTIFIER,
    /** The match model scored the pair at or above its threshold: linked. */
    SCORED_MATCH,
    /** They share an identifier, but linking them would give one profile two values of an
     *  exclusive type: kept apart. */
    EXCLUSIVE_CONFLICT,
    /** A never-link rule between their profiles' touchpoints kept them apart. */
    NEVER_LINK,
    /**
     * They share an identifier or score as a match, but their profiles would then hold two
     * incompatible people (given names, birth dates or generational suffixes that cannot be one
     * person's): kept apart, and related through what they share.
     */
    PERSON_CONFLICT,
    /**
     * They share a value that several incompatible people share (a family's email), or a role
     * account that several people may share (an office's or a family's mailbox), and one side
     * names no one by a given name (nobody at all, or only a birth date): it cannot tell whose it
     * is, so it joins none of them.
     */
    AMBIGUOUS
  }

  /**
   * Evidence of any kind but a person conflict; its {@link #personConflict()} is
   * {@link PersonConflict#NONE}.
   *
   * @param kind what the edge says, not null and not {@link Kind#PERSON_CONFLICT}
   * @param touchpointId one touchpoint's id, not null
   * @param otherTouchpointId the other touchpoint's id, not null
   * @param identifiers the identifiers involved, copied: exactly one for
   *     {@link Kind#SHARED_IDENTIFIER}, at least the two clashing values for
   *     {@link Kind#EXCLUSIVE_CONFLICT}
   * @param weight the strength of the evidence, positive infinity for a shared identifier
   * @throws IllegalArgumentException if the kind and the identifiers do not fit together
   */
  public Evidence(Kind kind, String touchpointId, String otherTouchpointId,
      List<Identifier> identifiers, double weight) {
    this(kind, touchpointId, otherTouchpointId, identifiers, weight, PersonConflict.NONE);
  }

  /**
   * Checks that the fields fit the kind.
   *
   * @param kind what the edge says, not null
   * @param touchpointId one touchpoint's id, not null
   * @param otherTouchpointId the other touchpoint's id, not null
   * @param identifiers the identifiers involved, copied: exactly one for
   *     {@link Kind#SHARED_IDENTIFIER}, at least the two clashing values for
   *     {@link Kind#EXCLUSIVE_CONFLICT}
   * @param weight the strength of the evidence, positive infinity for a shared identifier
   * @param personConflict the disagreeing trait for {@link Kind#PERSON_CONFLICT}, and
   *     {@link PersonConflict#NONE} for every other kind
   * @throws NullPointerException if an argument other than {@code weight} is null
   * @throws IllegalArgumentException if the identifiers or the person conflict do not fit the kind
   */
  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(otherTouchpointId, "otherTouchpointId");
    identifiers = List.copyOf(identifiers);
    Objects.requireNonNull(personConflict, "personConflict");
    if ((kind == Kind.PERSON_CONFLICT) != (personConflict != PersonConflict.NONE)) {
      throw new IllegalArgumentException(
          "a person conflict, and only a person conflict, names the trait that disagrees");
    }
    if (kind == Kind.SHARED_IDENTIFIER && identifiers.size() != 1) {
      throw new IllegalArgumentException("a shared-identifier link names the one identifier shared");
    }
    if (kind == Kind.EXCLUSIVE_CONFLICT && identifiers.size() < 2) {
      throw new IllegalArgumentException("a conflict names the two clashing values");
    }
  }

  /**
   * Whether this edge links its touchpoints (rather than keeping them apart).
   *
   * @return {@code true} for {@link Kind#SHARED_IDENTIFIER} and {@link Kind#SCORED_MATCH},
   *     {@code false} for the kinds that keep touchpoints apart
   */
  public boolean links() {
    return kind == Kind.SHARED_IDENTIFIER || kind == Kind.SCORED_MATCH;
  }

  private String because() {
    int shared = kind == Kind.EXCLUSIVE_CONFLICT ? identifiers.size() - 2 : identifiers.size();
    return shared == 0
        ? "score as one person (match " + MatchOdds.both(weight) + ")"
        : "share " + identifiers.get(0);
  }

  /**
   * A sentence a person can read; identifier values are masked.
   *
   * @return one line in English such as {@code "pos-0193 and wa-5531 share phone:+34*******78"},
   *     naming both touchpoints and, when they were kept apart, why; safe to log
   */
  public String explain() {
    String pair = touchpointId + " and " + otherTouchpointId + " ";
    return switch (kind) {
      case SHARED_IDENTIFIER, SCORED_MATCH -> pair + because();
      case EXCLUSIVE_CONFLICT -> pair + because() + " but their profiles hold different values "
          + identifiers.get(identifiers.size() - 2) + " and "
          + identifiers.get(identifiers.size() - 1) + " of an exclusive type: kept apart";
      case NEVER_LINK -> pair + because() + " but a never-link rule keeps their profiles apart";
      case AMBIGUOUS -> pair + because() + ", a value several different people share or may"
          + " share, and one of them names no one by a given name: kept apart";
      case PERSON_CONFLICT -> pair + because() + " but their profiles name different people ("
          + switch (personConflict) {
            case GIVEN_NAME -> "given names";
            case BIRTH_DATE -> "birth dates";
            case FAMILY_NAME -> "family names";
            case SUFFIX -> "generational suffixes";
            case NONE -> throw new IllegalStateException();
          } + " disagree): kept apart, related";
    };
  }

  @Override
  public String toString() {
    return "Evidence[" + explain() + "]";
  }
}
