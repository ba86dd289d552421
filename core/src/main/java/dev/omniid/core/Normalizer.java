package dev.omniid.core;

import java.util.Locale;

/**
 * Turns a raw value (an identifier or a person attribute) into the form that is compared: the SPI
 * through which the {@code matching} module plugs in real normalizers (libphonenumber for phones,
 * provider rules for emails, folding for names).
 *
 * <p>Contract: {@code normalize} is a pure function, thread-safe, and idempotent
 * ({@code normalize(normalize(x)).equals(normalize(x))}). It receives a non-null value with
 * surrounding whitespace stripped, returns a non-empty string, and throws
 * {@link OmniIdException} with {@link OmniIdException.Reason#INVALID_VALUE} for a value that is not
 * valid for its type (or {@link OmniIdException.Reason#TOO_LARGE} for one longer than it accepts),
 * with a message that does not contain the value. The resolver reports such a
 * value as a {@link Problem} and resolves the touchpoint on its other identifiers.
 */
@FunctionalInterface
public interface Normalizer {

  /**
   * Returns the compared form of {@code value}.
   *
   * @param value the raw value, surrounding whitespace stripped; never null
   * @return the normalized value, never null or empty; equal for two values that mean the same
   *     thing to this normalizer
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} if the value is not
   *     valid for its type, or {@link OmniIdException.Reason#TOO_LARGE} if it is too long
   */
  String normalize(String value);

  /**
   * Returns the compared form of {@code value} as found on {@code touchpoint}, whose other fields
   * may inform it (a phone normalizer reads the touchpoint's country as its default region). The
   * resolver calls this form; by default it ignores the touchpoint.
   *
   * @param value the raw value, surrounding whitespace stripped; never null
   * @param touchpoint the touchpoint that carries it; never null
   * @return the normalized value, never null or empty
   * @throws OmniIdException as {@link #normalize(String)} does
   */
  default String normalize(String value, Touchpoint touchpoint) {
    return normalize(value);
  }

  /**
   * Keeps the value as given (surrounding whitespace is already stripped).
   *
   * @return a normalizer that returns its argument
   */
  static Normalizer identity() {
    return BuiltInNormalizer.IDENTITY;
  }

  /**
   * Lower-cases the value ({@link Locale#ROOT}).
   *
   * @return a normalizer that lower-cases the same way in every locale
   */
  static Normalizer lowerCase() {
    return BuiltInNormalizer.LOWER_CASE;
  }

  /**
   * A minimal email normalizer: lower case, one {@code @} with text on both sides. The
   * {@code matching} module has the real one.
   *
   * @return a normalizer refusing ({@code INVALID_VALUE}) anything without exactly one {@code @}
   *     between non-empty parts, or with a space or control character inside
   */
  static Normalizer basicEmail() {
    return BuiltInNormalizer.BASIC_EMAIL;
  }

  /**
   * A minimal phone normalizer: keeps the digits and a leading {@code +}; at least 5 digits. The
   * {@code matching} module has the real one (libphonenumber).
   *
   * @return a normalizer refusing ({@code INVALID_VALUE}) a value with fewer than 5 digits;
   *     {@code +34 612-345} becomes {@code +34612345}
   */
  static Normalizer digits() {
    return BuiltInNormalizer.DIGITS;
  }

  /**
   * An exact id as people write it: upper case ({@link Locale#ROOT}), without spaces, dashes,
   * dots and slashes, so that {@code 123-45-6789} is {@code 123456789} and {@code ab 12.34/5} is
   * {@code AB12345}. A value of nothing but separators is refused. The default of customer,
   * national, passport and loyalty ids and of any type the core has no other default for; use
   * {@link #identity()} for ids whose case or punctuation tells values apart.
   *
   * @return a normalizer refusing ({@code INVALID_VALUE}) a value of separators only
   */
  static Normalizer compactId() {
    return BuiltInNormalizer.COMPACT_ID;
  }

  /**
   * A social handle: lower case without a leading {@code @}.
   *
   * @return a normalizer turning {@code @Ana_Shoes} into {@code ana_shoes}
   */
  static Normalizer handle() {
    return BuiltInNormalizer.HANDLE;
  }

  /**
   * The core's default normalizer for a type: {@link #basicEmail()} for emails, {@link #digits()}
   * for phones, {@link #handle()} for social handles, {@link #lowerCase()} for device and cookie
   * ids, and {@link #compactId()} for every other type (customer, national, passport and loyalty
   * ids, and the types a caller names).
   *
   * @param type any identifier type, not null
   * @return the normalizer a resolver uses for the type unless its builder sets another
   */
  static Normalizer defaultFor(IdentifierType type) {
    return switch (type.name()) {
      case "email" -> basicEmail();
      case "phone" -> digits();
      case "social_handle" -> handle();
      case "device_id", "cookie_id" -> lowerCase();
      default -> compactId();
    };
  }
}
