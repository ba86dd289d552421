package dev.omniid.core;

import java.util.Objects;

/**
 * A typed value that points at a person: an email, a phone, a device id...
 *
 * <p>{@code value} is the form the resolver compares (after normalization, e.g. an email in
 * lower case, a phone in E.164); {@code raw} is what the source system sent. A touchpoint's
 * identifiers carry the raw value with surrounding whitespace stripped as their value; the
 * resolver's normalizer produces the compared value. {@link #toString()} masks both, so an
 * identifier can be logged without leaking personal data.
 *
 * @param type the identifier's type
 * @param value the value compared, never empty
 * @param raw the value as received
 */
public record Identifier(IdentifierType type, String value, String raw) {

  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
    if (value.isEmpty()) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "value",
          "is empty (identifier type " + type + ")");
    }
  }

  /** An identifier whose compared value is {@code raw} stripped of surrounding whitespace. */
  public static Identifier of(IdentifierType type, String raw) {
    Objects.requireNonNull(raw, "raw");
    return new Identifier(type, raw.strip(), raw);
  }

  /** Returns the value masked for display, e.g. {@code a***@g***.com}. */
  public String masked() {
    return Pii.mask(value);
  }

  @Override
  public String toString() {
    return type + ":" + masked();
  }
}
