package dev.omniid.core;

import java.util.Objects;

/**
 * The one exception OmniID throws for data it cannot accept: it names the field and its
 * position, and never carries the personal value itself.
 */
public final class OmniIdException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** Why the data was refused. */
  public enum Reason {
    /** A required field is absent. */
    MISSING_FIELD,
    /** A value is present but not valid for its field. */
    INVALID_VALUE,
    /** A value or a collection exceeds its documented bound. */
    TOO_LARGE,
    /** A touchpoint carries two distinct values of an exclusive identifier type. */
    CONFLICTING_EXCLUSIVE_VALUES,
    /** A touchpoint id was already resolved with different content. */
    DUPLICATE_TOUCHPOINT,
    /** A touchpoint or profile that an operation names is not known to the resolver. */
    UNKNOWN_REFERENCE
  }

  private final Reason reason;
  private final String field;
  private final String detail;

  /**
   * @param reason why the data was refused
   * @param field the field and position, e.g. {@code identifiers[2] (email)}
   * @param detail what is wrong, without the personal value
   */
  public OmniIdException(Reason reason, String field, String detail) {
    super(field + ": " + detail + " [" + reason + "]");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = Objects.requireNonNull(field, "field");
    this.detail = Objects.requireNonNull(detail, "detail");
  }

  /** What is wrong, without the field name or the personal value. */
  public String detail() {
    return detail;
  }

  /** Why the data was refused. */
  public Reason reason() {
    return reason;
  }

  /** The field and its position, e.g. {@code identifiers[2] (email)}. */
  public String field() {
    return field;
  }
}
