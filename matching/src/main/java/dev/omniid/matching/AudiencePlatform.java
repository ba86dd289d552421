package dev.omniid.matching;

import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;

/**
 * An ad platform that takes audiences as hashed emails and phones, with the normalization and
 * hashing that platform documents; {@link HashedIdentifiers#forPlatform} applies them.
 *
 * <table>
 *   <caption>What each platform hashes</caption>
 *   <tr><th>Platform</th><th>Email</th><th>Phone</th><th>Digest</th></tr>
 *   <tr><td>{@link #GOOGLE}</td><td>trimmed, lower case; dots removed from the local part of
 *       {@code gmail.com} and {@code googlemail.com} addresses, {@code +tags} kept</td>
 *       <td>E.164 with {@code +}</td><td>SHA-256, lower-case hex</td></tr>
 *   <tr><td>{@link #META}</td><td>trimmed, lower case; dots and {@code +tags} kept</td>
 *       <td>digits only, country code first, no {@code +}, no leading zero</td>
 *       <td>SHA-256, lower-case hex</td></tr>
 *   <tr><td>{@link #UID2}</td><td>trimmed, lower case; for {@code gmail.com} only, dots and a
 *       {@code +tag} removed from the local part</td><td>E.164 with {@code +}</td>
 *       <td>SHA-256, standard Base64 with padding (44 characters)</td></tr>
 * </table>
 *
 * <p>Only the documented steps are applied: no typo correction ({@code gmial.com} is hashed as
 * written), no {@code googlemail.com} to {@code gmail.com} mapping, no {@code +tag} removal for
 * other providers, because the platform hashes its own users' addresses by the same documented
 * rule and any extra step would change the digest. The address must still be a valid one by
 * {@link EmailNormalizer}'s rules, and without a display name or {@code mailto:}.
 *
 * <p>A phone is read by a {@link PhoneNormalizer} (national forms in its default region) and must
 * be one libphonenumber validates: an unverified or local-only number ({@link
 * PhoneNormalizer.Form}) is refused, since a platform matches only full international numbers
 * and a guess at the country would upload a digest of someone else's number.
 *
 * <p>Sources: Google Ads API enhanced conversions and Campaign Manager 360
 * (developers.google.com/google-ads/api/docs/conversions/enhance-conversions,
 * developers.google.com/doubleclick-advertisers/guides/conversions_ec); Meta Marketing API
 * custom audiences (developers.facebook.com/docs/marketing-api/audiences/guides/custom-audiences,
 * "Hashing and Normalizing Data"); UID2 normalization and encoding
 * (unifiedid.com/docs/getting-started/gs-normalization-encoding).
 *
 * <p>Immutable and thread-safe.
 */
public enum AudiencePlatform {
  /** Google Customer Match (Google Ads, Display &amp; Video 360, Campaign Manager 360). */
  GOOGLE,
  /** Meta (Facebook, Instagram) custom audiences from a customer list. */
  META,
  /** The Unified ID 2.0 operator's email and phone hashes. */
  UID2;

  /**
   * The email as this platform normalizes it before hashing.
   *
   * @param raw an email address as received, surrounding spaces and any case allowed; not null
   * @return the normalized address, such as {@code janesaoirse@gmail.com}; normalizing it again
   *     returns it unchanged
   * @throws NullPointerException if {@code raw} is null
   * @throws OmniIdException ({@link Reason#INVALID_VALUE}, field {@code email}) if it is no valid
   *     address, carries a display name or {@code mailto:}, or has nothing left before the
   *     {@code @} once this platform's rules are applied; the message never holds the value
   */
  public String normalizeEmail(String raw) {
    Objects.requireNonNull(raw, "raw");
    String s = raw.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("mailto:") || s.indexOf('<') >= 0 || s.indexOf('>') >= 0) {
      throw invalidEmail("must be a bare address, without a display name or mailto:");
    }
    EmailNormalizer.standard().normalize(s);  // validates; refuses with field "email"
    int at = s.indexOf('@');
    String local = s.substring(0, at);
    String domain = s.substring(at + 1);
    switch (this) {
      case GOOGLE -> {
        if (domain.equals("gmail.com") || domain.equals("googlemail.com")) {
          local = local.replace(".", "");
        }
      }
      case UID2 -> {
        if (domain.equals("gmail.com")) {
          int plus = local.indexOf('+');
          if (plus >= 0) {
            local = local.substring(0, plus);
          }
          local = local.replace(".", "");
        }
      }
      case META -> { }
      default -> throw new AssertionError(this);
    }
    if (local.isEmpty()) {
      throw invalidEmail("has nothing before the @ once normalized");
    }
    return local + "@" + domain;
  }

  /**
   * The phone as this platform normalizes it before hashing.
   *
   * @param raw a phone number as received: international ({@code +34 612 34 56 78}),
   *     international-prefix ({@code 0034 612...}) or national ({@code 612 345 678}, read in the
   *     default region of {@code phones}); not null
   * @param phones the normalizer that reads the number, for its default region; not null
   * @return {@code +34612345678} for {@link #GOOGLE} and {@link #UID2}, normalizing it again
   *     returns it unchanged; {@code 34612345678} for {@link #META}, which reads back only with
   *     its {@code +} (bare digits are a national form in the default region)
   * @throws NullPointerException if an argument is null
   * @throws OmniIdException ({@link Reason#INVALID_VALUE}, field {@code phone}) if it is no phone
   *     or a number libphonenumber cannot validate; the message never holds the value
   */
  public String normalizePhone(String raw, PhoneNormalizer phones) {
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(phones, "phones");
    String e164 = phones.normalize(raw);
    if (PhoneNormalizer.form(e164) != PhoneNormalizer.Form.VALID) {
      throw new OmniIdException(Reason.INVALID_VALUE, "phone",
          "is not a number libphonenumber can validate; an ad platform would not match it");
    }
    return this == META ? e164.substring(1) : e164;
  }

  /**
   * The digest of a value this platform normalized, in this platform's encoding.
   *
   * @param normalized a value returned by {@link #normalizeEmail} or {@link #normalizePhone}; not
   *     null. It is hashed as is
   * @return 64 lower-case hex digits ({@link #GOOGLE}, {@link #META}) or 44 Base64 characters
   *     ({@link #UID2})
   * @throws NullPointerException if {@code normalized} is null
   */
  public String hash(String normalized) {
    Objects.requireNonNull(normalized, "normalized");
    byte[] digest;
    try {
      digest = MessageDigest.getInstance("SHA-256")
          .digest(normalized.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
    return this == UID2
        ? Base64.getEncoder().encodeToString(digest)
        : HexFormat.of().formatHex(digest);
  }

  private static OmniIdException invalidEmail(String detail) {
    return new OmniIdException(Reason.INVALID_VALUE, "email", detail);
  }
}
