package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * An edge of the merge graph: why two touchpoints were linked, or why they were kept apart.
 *
 * @param kind what the edge says
 * @param touchpointId one touchpoint
 * @param otherTouchpointId the other touchpoint
 * @param identifiers the identifiers involved: the shared one first; for a conflict, followed by
 *     the two clashing exclusive values
 * @param weight the evidence's weight: positive infinity for an exact identifier, negative
 *     infinity for a rule that forbids the link
 */
public record Evidence(
    Kind kind, String touchpointId, String otherTouchpointId, List<Identifier> identifiers,
    double weight) {

  /** What an evidence edge says. */
  public enum Kind {
    /** The touchpoints share an identifier value: linked. */
    SHARED_IDENTIFIER,
    /** They share an identifier, but linking them would give one profile two values of an
     *  exclusive type: kept apart. */
    EXCLUSIVE_CONFLICT,
    /** A never-link rule between their profiles' touchpoints kept them apart. */
    NEVER_LINK
  }

  public Evidence {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(otherTouchpointId, "otherTouchpointId");
    identifiers = List.copyOf(identifiers);
    if (identifiers.isEmpty() || (kind == Kind.EXCLUSIVE_CONFLICT && identifiers.size() != 3)) {
      throw new IllegalArgumentException(
          "evidence names the shared identifier (and, for a conflict, the two clashing values)");
    }
  }

  /** Whether this edge links its touchpoints (rather than keeping them apart). */
  public boolean links() {
    return kind == Kind.SHARED_IDENTIFIER;
  }

  /** A sentence a person can read; identifier values are masked. */
  public String explain() {
    return switch (kind) {
      case SHARED_IDENTIFIER ->
          touchpointId + " and " + otherTouchpointId + " share " + identifiers.get(0);
      case EXCLUSIVE_CONFLICT ->
          touchpointId + " and " + otherTouchpointId + " share " + identifiers.get(0)
              + " but their profiles hold different values " + identifiers.get(1) + " and "
              + identifiers.get(2) + " of an exclusive type: kept apart";
      case NEVER_LINK ->
          touchpointId + " and " + otherTouchpointId + " share " + identifiers.get(0)
              + " but a never-link rule keeps their profiles apart";
    };
  }

  @Override
  public String toString() {
    return "Evidence[" + explain() + "]";
  }
}
