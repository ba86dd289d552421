package dev.omniid.core;

import java.util.Objects;

/**
 * A typed value that points at a person: an email, a phone, a device id...
 *
 * <p>{@code raw} is what the source system sent. What {@code value} holds depends on who made the
 * identifier. On a touchpoint ({@link #of}, {@link Touchpoint.Builder#identifier}) it is
 * {@code raw} stripped of surrounding whitespace, not yet normalized: the resolver passes it to
 * the type's {@link Normalizer} and compares what that returns. In what the resolver hands back
 * (evidence, {@link Profile#identifiers()}, generic values) it is that normalized form (an email
 * in lower case, a phone in E.164), with the raw form that one of the touchpoints carrying it
 * sent; no touchpoint sent a derived identifier (an email's SHA-256), so its raw form is a derived
 * value too. {@link #toString()} masks both, so an identifier can be logged without leaking
 * personal data.
 *
 * @param type the identifier's type
 * @param value on a touchpoint, the stripped raw value the normalizer receives; from the
 *     resolver, the normalized value it compared; never empty (an {@link OmniIdException},
 *     {@code INVALID_VALUE}, names the field {@code value})
 * @param raw the value as received
 */
public record Identifier(IdentifierType type, String value, String raw) {

  /**
   * Checks the fields.
   *
   * @param type the identifier's type, not null
   * @param value the stripped or normalized value, not null and not empty (else
   *     {@link OmniIdException.Reason#INVALID_VALUE})
   * @param raw the value as received, not null
   */
  public Identifier {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(raw, "raw");
    if (value.isEmpty()) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "value",
          "is empty (identifier type " + type + ")");
    }
  }

  /**
   * An identifier as a touchpoint carries it: its value is {@code raw} stripped of surrounding
   * whitespace, which the resolver then normalizes.
   *
   * @param type the identifier's type, not null
   * @param raw the value as the source system sent it, not null; blank is refused
   * @return an identifier whose {@link #value()} is {@code raw} stripped and whose
   *     {@link #raw()} is {@code raw} unchanged
   * @throws NullPointerException if {@code type} or {@code raw} is null
   * @throws OmniIdException ({@code INVALID_VALUE}) if {@code raw} is blank
   */
  public static Identifier of(IdentifierType type, String raw) {
    Objects.requireNonNull(raw, "raw");
    return new Identifier(type, raw.strip(), raw);
  }

  /**
   * Returns the value masked for display, e.g. {@code a***@g***.com}.
   *
   * @return the value with most characters replaced by {@code *}, safe to log or show to
   *     someone who must not see the customer's data
   */
  public String masked() {
    return Pii.mask(value);
  }

  @Override
  public String toString() {
    return type + ":" + masked();
  }
}
