package dev.omniid.core;

import java.util.Objects;

/**
 * A piece of input the resolver could not use, reported rather than dropped. Carries the field
 * and position, never the personal value.
 *
 * @param touchpointId the touchpoint it belongs to
 * @param field the field and position, e.g. {@code identifiers[1] (phone)}
 * @param reason why it was refused
 * @param detail what is wrong, without the value
 */
public record Problem(
    String touchpointId, String field, OmniIdException.Reason reason, String detail) {

  public Problem {
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return touchpointId + " " + field + ": " + detail + " [" + reason + "]";
  }
}
