package dev.omniid.matching;

import dev.omniid.core.IdentifierType;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

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
 */
public final class HashedIdentifiers {
  /** The type of SHA-256 digests of normalized emails. */
  public static final IdentifierType EMAIL_SHA256 = IdentifierType.of("email_sha256");
  /** The type of SHA-256 digests of normalized phones. */
  public static final IdentifierType PHONE_SHA256 = IdentifierType.of("phone_sha256");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

  private HashedIdentifiers() {}

  /**
   * The lower-case hex SHA-256 of the UTF-8 bytes of {@code value}.
   *
   * @param value the text to hash, as is (normalize it first to match an ad platform's digest);
   *     not null
   * @return 64 lower-case hex digits
   */
  public static String sha256(String value) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
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
      if (HEX64.matcher(s).matches()) {
        return s.toLowerCase(Locale.ROOT);
      }
      if (s.length() == 64 || s.length() == 40 || s.length() == 32) {
        throw new OmniIdException(Reason.INVALID_VALUE, "hash", "looks like a digest but is not SHA-256 hex");
      }
      return sha256(plain.normalize(s));
    };
  }
}
