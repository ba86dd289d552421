package dev.omniid.core;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * A piece of input the resolver could not use, reported rather than dropped. Carries the field
 * and position, never the personal value.
 *
 * @param touchpointId the touchpoint it belongs to
 * @param field the field and position, e.g. {@code identifiers[1] (phone)}, for people to read
 * @param reason why it was refused
 * @param detail what is wrong, without the value
 * @param identifierIndex the position in {@link Touchpoint#identifiers()} of the identifier the
 *     problem is about (for a derived identifier, the one it was derived from), or empty when it
 *     is about no one identifier; read this rather than parsing {@code field}
 */
public record Problem(String touchpointId, String field, OmniIdException.Reason reason,
    String detail, OptionalInt identifierIndex) {

  /**
   * Checks the fields.
   *
   * @param touchpointId the touchpoint it belongs to, not null
   * @param field the field and position, not null
   * @param reason why it was refused, not null
   * @param detail what is wrong, without the value; not null
   * @param identifierIndex the identifier's position, {@code >= 0} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE}), or empty; not null
   */
  public Problem {
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(identifierIndex, "identifierIndex");
    if (identifierIndex.isPresent() && identifierIndex.getAsInt() < 0) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "identifierIndex",
          "is negative");
    }
  }

  /**
   * A problem about no one identifier of the touchpoint.
   *
   * @param touchpointId the touchpoint it belongs to, not null
   * @param field the field and position, e.g. {@code timestamp}; not null
   * @param reason why it was refused, not null
   * @param detail what is wrong, without the value; not null
   */
  public Problem(String touchpointId, String field, OmniIdException.Reason reason, String detail) {
    this(touchpointId, field, reason, detail, OptionalInt.empty());
  }

  /**
   * The problem an exception describes, for the touchpoint it was thrown for.
   *
   * @param touchpointId the touchpoint the exception was thrown for, not null
   * @param e the exception, not null
   * @return a problem with the exception's field, reason, detail and identifier index
   */
  public static Problem of(String touchpointId, OmniIdException e) {
    Objects.requireNonNull(e, "e");
    return new Problem(touchpointId, e.field(), e.reason(), e.detail(), e.identifierIndex());
  }

  @Override
  public String toString() {
    return touchpointId + " " + field + ": " + detail + " [" + reason + "]";
  }
}
