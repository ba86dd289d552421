package dev.omniid.matching;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * SHA-256 identifiers, as ad platforms' customer-match audiences and conversion APIs carry them,
 * so that a touchpoint holding only a hash links with one holding the plain value.
 *
 * <p>Our rule: the digest of the value <em>as normalized by OmniID</em> — an email by
 * {@link EmailNormalizer} (lower case, trimmed, Gmail dots and {@code +tags} removed), a phone by
 * {@link PhoneNormalizer} (E.164 with {@code +}) — in lower-case hex. That equals Google Customer
 * Match's rule for most addresses and numbers. Limits: a platform hash of an address with a
 * {@code +tag}, or of a Gmail address with dots under Meta's rules (which keep them), or of a
 * phone without {@code +} (Meta), is a different digest and will not link; nothing can recover the
 * plain value from a digest to reconcile them. An unverified or local-only phone
 * ({@code +34~8185550199}) is hashed in that form: it links OmniID's own digests only.
 *
 * <p>To <em>upload</em> an audience, hash by the platform's own rule instead:
 * {@link #forPlatform(AudiencePlatform, Identifier, PhoneNormalizer)}.
 */
public final class HashedIdentifiers {
  /** The type of SHA-256 digests of normalized emails. */
  public static final IdentifierType EMAIL_SHA256 = IdentifierType.of("email_sha256");
  /** The type of SHA-256 digests of normalized phones. */
  public static final IdentifierType PHONE_SHA256 = IdentifierType.of("phone_sha256");

  private HashedIdentifiers() {}

  /**
   * The lower-case hex SHA-256 of the UTF-8 bytes of {@code value}.
   *
   * @param value the text to hash, as is (normalize it first to match an ad platform's digest);
   *     not null
   * @return 64 lower-case hex digits
   */
  public static String sha256(String value) {
    // One digest per thread: looking the algorithm up on every call was half of hashing a
    // short value (the resolver derives two digests per touchpoint). digest() resets it.
    return HEX.formatHex(SHA256.get().digest(value.getBytes(StandardCharsets.UTF_8)));
  }

  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  });

  /** Whether {@code s} is 64 hex digits (either case): what a regular expression said, read by hand. */
  static boolean isHex64(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  /**
   * A normalizer for a digest type: a 64-hex-digit value is a digest (lower-cased); anything else
   * is a plain value, normalized by {@code plain} and hashed.
   *
   * @param plain the normalizer of the plain values, such as {@link EmailNormalizer#standard()};
   *     not null
   * @return a normalizer giving 64 lower-case hex digits; it refuses with
   *     {@link Reason#INVALID_VALUE} a value that looks like another digest (32, 40 or 64
   *     characters, not SHA-256 hex) and whatever {@code plain} refuses
   */
  public static Normalizer digestOf(Normalizer plain) {
    return value -> {
      String s = value.strip();
      if (isHex64(s)) {
        return s.toLowerCase(Locale.ROOT);
      }
      if (s.length() == 64 || s.length() == 40 || s.length() == 32) {
        throw new OmniIdException(Reason.INVALID_VALUE, "hash", "looks like a digest but is not SHA-256 hex");
      }
      return sha256(plain.normalize(s));
    };
  }

  /**
   * The digest an ad platform expects for an email or phone in an audience upload: the value
   * normalized by that platform's documented rule, hashed and encoded as it documents (see
   * {@link AudiencePlatform}).
   *
   * <pre>{@code
   * PhoneNormalizer phones = PhoneNormalizer.forRegion("ES");
   * HashedIdentifiers.forPlatform(AudiencePlatform.UID2,
   *     Identifier.of(IdentifierType.EMAIL, "user@example.com"), phones);
   * // "tMmiiTI7IaAcPpQPFQ65uMVCWH8av9jw4cwf/F5HVRQ="
   * }</pre>
   *
   * @param platform the platform the audience is for; not null
   * @param identifier an identifier of type {@link IdentifierType#EMAIL} or
   *     {@link IdentifierType#PHONE}, holding the value as received (its {@link Identifier#raw()}
   *     is read); not null
   * @param phones reads phone numbers, national forms in its default region; not null
   * @return lower-case hex SHA-256 for {@link AudiencePlatform#GOOGLE} and
   *     {@link AudiencePlatform#META}, Base64 SHA-256 for {@link AudiencePlatform#UID2}
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the identifier is neither an email nor a phone
   * @throws OmniIdException ({@link Reason#INVALID_VALUE}, field {@code email} or {@code phone})
   *     if the platform would not take the value (see {@link AudiencePlatform#normalizeEmail} and
   *     {@link AudiencePlatform#normalizePhone}); the message never holds the value
   */
  public static String forPlatform(
      AudiencePlatform platform, Identifier identifier, PhoneNormalizer phones) {
    Objects.requireNonNull(platform, "platform");
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(phones, "phones");
    if (identifier.type().equals(IdentifierType.EMAIL)) {
      return platform.hash(platform.normalizeEmail(identifier.raw()));
    }
    if (identifier.type().equals(IdentifierType.PHONE)) {
      return platform.hash(platform.normalizePhone(identifier.raw(), phones));
    }
    throw new IllegalArgumentException(
        "identifier: ad platforms take email and phone, not " + identifier.type().name());
  }
}
