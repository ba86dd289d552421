package dev.omniid.core;

import java.util.Objects;
import java.util.OptionalInt;

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

  /** Why the data was refused; see {@link #reason()}. */
  private final Reason reason;
  /** The field or setting, with its position; see {@link #field()}. */
  private final String field;
  /** What is wrong, without the personal value; see {@link #detail()}. */
  private final String detail;
  // -1 for none: a plain int keeps the exception serializable (OptionalInt is not).
  /** The refused identifier's position, or -1 for none; see {@link #identifierIndex()}. */
  private final int identifierIndex;

  /**
   * An exception about no one identifier of a touchpoint.
   *
   * @param reason why the data was refused
   * @param field the field or setting, e.g. {@code id} or {@code maxBlockSize}
   * @param detail what is wrong, without the personal value
   */
  public OmniIdException(Reason reason, String field, String detail) {
    this(reason, field, detail, -1);
  }

  /**
   * An exception about one identifier of a touchpoint.
   *
   * @param reason why the data was refused
   * @param field the field and position, e.g. {@code identifiers[2] (email)}
   * @param detail what is wrong, without the personal value
   * @param identifierIndex the identifier's position in {@link Touchpoint#identifiers()}, or -1
   *     when the exception is about no one identifier
   */
  public OmniIdException(Reason reason, String field, String detail, int identifierIndex) {
    super(field + ": " + detail + " [" + reason + "]");
    this.reason = Objects.requireNonNull(reason, "reason");
    this.field = Objects.requireNonNull(field, "field");
    this.detail = Objects.requireNonNull(detail, "detail");
    if (identifierIndex < -1) {
      throw new IllegalArgumentException("identifierIndex must be >= -1");
    }
    this.identifierIndex = identifierIndex;
  }

  /**
   * What is wrong, without the field name or the personal value.
   *
   * @return a short English phrase such as {@code "must be in (0, 1)"}, safe to log
   */
  public String detail() {
    return detail;
  }

  /**
   * Why the data was refused.
   *
   * @return the reason, never null: branch on it rather than on the message
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The field and its position, e.g. {@code identifiers[2] (email)}, for people to read.
   *
   * @return the field or setting named, never null; its format is for display and may change
   */
  public String field() {
    return field;
  }

  /**
   * The position in {@link Touchpoint#identifiers()} of the identifier refused, or empty when the
   * exception is about no one identifier: read this rather than parsing {@link #field()}.
   *
   * @return the index, {@code >= 0}, or empty
   */
  public OptionalInt identifierIndex() {
    return identifierIndex < 0 ? OptionalInt.empty() : OptionalInt.of(identifierIndex);
  }
}
