package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import dev.omniid.core.Touchpoint;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Normalizes phone numbers with libphonenumber to E.164 ({@code +34612345678}).
 *
 * <p>Accepts international ({@code +34 612 34 56 78}), international-prefix ({@code 0034...},
 * {@code 011 ...} from the US) and national forms ({@code 612 345 678}, {@code (55) 1234-5678})
 * read in a default region: the touchpoint's {@link AttributeKey#COUNTRY} when it is a region
 * libphonenumber knows, else the normalizer's. Extensions ({@code ext. 12}) are dropped from the
 * compared value: they reach a desk, not a person.
 *
 * <p>A number that is too short to be valid but could be dialled locally (a US number without its
 * area code) is kept as {@code +<country code>?<digits>} — for example {@code +1?5552671} — so
 * that {@link PhoneMatcher} can match it, at a weaker level, against the full number. Anything
 * else that libphonenumber cannot parse, or does not judge valid, throws
 * {@link OmniIdException} ({@code INVALID_VALUE}) without the value.
 *
 * <p>Results are cached per region and value in a bounded Caffeine cache (parsing costs
 * microseconds; the same numbers recur). Idempotent; thread-safe.
 */
public final class PhoneNormalizer implements Normalizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern LOCAL_ONLY = Pattern.compile("\\+\\d{1,3}\\?\\d{4,14}");
  private static final int MAX_LENGTH = 64;

  private final String defaultRegion;
  private final Cache<String, Object> cache;

  private PhoneNormalizer(String defaultRegion, long cacheSize) {
    this.defaultRegion = defaultRegion;
    this.cache = cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build();
  }

  /**
   * A normalizer reading national numbers in {@code region} (ISO 3166 alpha-2, e.g. "ES"), with a
   * cache of 100,000 results.
   */
  public static PhoneNormalizer forRegion(String region) {
    return forRegion(region, 100_000);
  }

  /** As {@link #forRegion(String)} with a cache of {@code cacheSize} results; 0 disables it. */
  public static PhoneNormalizer forRegion(String region, long cacheSize) {
    if (cacheSize < 0) {
      throw new OmniIdException(Reason.INVALID_VALUE, "cacheSize", "must be >= 0");
    }
    return new PhoneNormalizer(checkRegion(region), cacheSize);
  }

  /** The default region. */
  public String defaultRegion() {
    return defaultRegion;
  }

  @Override
  public String normalize(String value) {
    return normalizeIn(value, defaultRegion);
  }

  @Override
  public String normalize(String value, Touchpoint touchpoint) {
    String country = touchpoint.attributes().get(AttributeKey.COUNTRY);
    String region = defaultRegion;
    if (country != null) {
      String upper = country.strip().toUpperCase(Locale.ROOT);
      if (UTIL.getSupportedRegions().contains(upper)) {
        region = upper;
      }
    }
    return normalizeIn(value, region);
  }

  private String normalizeIn(String value, String region) {
    Objects.requireNonNull(value, "value");
    Object cached = cache == null ? compute(value, region)
        : cache.get(region + '|' + value, key -> compute(value, region));
    if (cached instanceof Reason) {
      throw new OmniIdException(Reason.INVALID_VALUE, "phone",
          "is not a valid phone number (read in region " + region + ")");
    }
    return (String) cached;
  }

  /** The E.164 form, or a local-only form, or the reason it was refused (cached too). */
  private static Object compute(String value, String region) {
    String s = value.strip();
    if (s.length() > MAX_LENGTH) {
      return Reason.TOO_LARGE;
    }
    if (LOCAL_ONLY.matcher(s).matches()) {
      return s;
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(s, region);
    } catch (NumberParseException e) {
      return Reason.INVALID_VALUE;
    }
    number.clearExtension();
    if (UTIL.isValidNumber(number)) {
      return UTIL.format(number, PhoneNumberFormat.E164);
    }
    if (UTIL.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
      String local = "+" + number.getCountryCode() + "?" + UTIL.getNationalSignificantNumber(number);
      // Only a form that reads back as itself: "+49?56" (two digits) would be refused when
      // normalized again, so it is refused now.
      if (LOCAL_ONLY.matcher(local).matches()) {
        return local;
      }
    }
    return Reason.INVALID_VALUE;
  }

  private static String checkRegion(String region) {
    Objects.requireNonNull(region, "region");
    String upper = region.toUpperCase(Locale.ROOT);
    if (!UTIL.getSupportedRegions().contains(upper)) {
      throw new OmniIdException(Reason.INVALID_VALUE, "region",
          "must be an ISO 3166 code libphonenumber supports");
    }
    return upper;
  }

  @Override
  public String toString() {
    return "PhoneNormalizer[" + defaultRegion + "]";
  }
}
