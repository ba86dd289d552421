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
 * {@code 011 ...} from the US, and {@code 00...} wherever the region's own prefix is another and
 * its reading gives no valid number) and national forms ({@code 612 345 678}, {@code (55) 1234-5678})
 * read in a default region: the touchpoint's {@link AttributeKey#COUNTRY} when it is a region
 * libphonenumber knows, else the normalizer's. Extensions ({@code ext. 12}) are dropped from the
 * compared value: they reach a desk, not a person.
 *
 * <p>A phone is never dropped for want of a verdict. Three forms come out, told apart by
 * {@link #form(String)}:
 * <ul>
 *   <li>{@link Form#VALID}: E.164, {@code +34612345678}, for a number libphonenumber judges valid.
 *   <li>{@link Form#LOCAL_ONLY}: {@code +<country code>?<digits>}, for a number too short to be
 *       valid that can be dialled locally (a US number without its area code): {@code +1?5552671}.
 *   <li>{@link Form#UNVERIFIED}: {@code +<country code>~<national digits>}, for a number that
 *       parses, has at least {@value #MIN_UNVERIFIED_DIGITS} national digits, and that the metadata
 *       does not list: a range opened after this libphonenumber was released, or a national number
 *       of another country read in the wrong region ({@code (818) 555 0199} in a Spanish file is
 *       {@code +34~8185550199}). The {@code ~} keeps it from ever equalling a verified E.164 value,
 *       while the same digits in the same region always give the same value, so two such records
 *       still link exactly.
 * </ul>
 * {@link PhoneMatcher} compares the unverified and local forms with full numbers at weaker levels.
 *
 * <p>Only what is no phone at all throws {@link OmniIdException} ({@code INVALID_VALUE}, without
 * the value): text with letters that libphonenumber does not read as a number, fewer digits than
 * the forms above need (6 national digits; 4 for a local-only number), or more than 17.
 * Repeated digits ({@code 0000000000}) normalize like any number; {@link JunkValues#phones()}
 * keeps them from linking.
 *
 * <p>Results are cached per region and value in a bounded Caffeine cache (parsing costs
 * microseconds; the same numbers recur), a value written with digits, spaces, dashes and dots
 * under its digits alone, so that its other spellings hit the same entry. Idempotent, and a
 * normalized value reads back as itself in any region; thread-safe.
 */
public final class PhoneNormalizer implements Normalizer {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final Pattern LOCAL_ONLY = Pattern.compile("\\+\\d{1,3}\\?\\d{4,14}");
  /** The fewest national digits an unverified number keeps: fewer is no one's full number. */
  static final int MIN_UNVERIFIED_DIGITS = 6;
  private static final Pattern UNVERIFIED =
      Pattern.compile("\\+\\d{1,3}~\\d{" + MIN_UNVERIFIED_DIGITS + ",17}");
  private static final int MAX_LENGTH = 64;

  private final String defaultRegion;
  private final Cache<String, Object> cache;

  /**
   * The cache of every normalizer made by {@link #forRegion(String)}: a result depends only on the
   * region and the value (both in the key), and an application's normalizers see the same
   * numbers (a command-line run checked each phone while mapping and again in the resolver, each
   * parse a miss in its own cache: 8 % of its CPU time).
   */
  private static final Cache<String, Object> SHARED = ValueCaches.newCache("phones");

  private PhoneNormalizer(String defaultRegion, Cache<String, Object> cache) {
    this.defaultRegion = defaultRegion;
    this.cache = cache;
  }

  /**
   * A normalizer reading national numbers in {@code region} (ISO 3166 alpha-2, e.g. "ES"), with a
   * cache of results shared by every normalizer this method makes (whatever their region: the
   * region is part of the key), of {@link OmniId#setValueCacheSize(long)} results. A value leaves
   * the cache when evicted.
   *
   * @param region a region libphonenumber supports, any case; anything else is refused with
   *     {@link Reason#INVALID_VALUE}
   * @return a new thread-safe normalizer
   */
  public static PhoneNormalizer forRegion(String region) {
    return new PhoneNormalizer(checkRegion(region), SHARED);
  }

  /**
   * As {@link #forRegion(String)} with a cache of its own of {@code cacheSize} results; 0 disables
   * it.
   *
   * @param region a region libphonenumber supports, any case; anything else is refused with
   *     {@link Reason#INVALID_VALUE}
   * @param cacheSize the most results kept, {@code >= 0} (a negative size is refused with
   *     {@link Reason#INVALID_VALUE}); 0 parses every value anew
   * @return a new thread-safe normalizer
   */
  public static PhoneNormalizer forRegion(String region, long cacheSize) {
    if (cacheSize < 0) {
      throw new OmniIdException(Reason.INVALID_VALUE, "cacheSize", "must be >= 0");
    }
    return new PhoneNormalizer(checkRegion(region),
        cacheSize == 0 ? null : Caffeine.newBuilder().maximumSize(cacheSize).build());
  }

  /**
   * The default region.
   *
   * @return the region national numbers are read in, upper case, e.g. {@code ES}
   */
  public String defaultRegion() {
    return defaultRegion;
  }

  /** What a value normalized by a {@code PhoneNormalizer} is, by its form. */
  public enum Form {
    /** A number libphonenumber judges valid, in E.164: {@code +34612345678}. */
    VALID,
    /** A number that can only be dialled locally, country code known: {@code +1?5552671}. */
    LOCAL_ONLY,
    /** A number the metadata does not list, kept with its digits: {@code +34~8185550199}. */
    UNVERIFIED
  }

  /**
   * The form of a value this normalizer returned (a {@code ~} marks an unverified number, a
   * {@code ?} a local-only one). Cheap: it reads the separator, it does not parse.
   *
   * @param normalized a value this normalizer returned, not null; any other text gives a
   *     meaningless answer
   * @return {@link Form#UNVERIFIED}, {@link Form#LOCAL_ONLY} or {@link Form#VALID}
   */
  public static Form form(String normalized) {
    Objects.requireNonNull(normalized, "normalized");
    if (normalized.indexOf('~') >= 0) {
      return Form.UNVERIFIED;
    }
    return normalized.indexOf('?') >= 0 ? Form.LOCAL_ONLY : Form.VALID;
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
    // The function is static (it reads the region and the spelling back from the key) so that a
    // hit allocates only the key.
    Object cached = cache == null ? compute(spelling(value), region)
        : cache.get(region + '|' + spelling(value), PhoneNormalizer::computeKey);
    if (cached instanceof Reason) {
      throw new OmniIdException(Reason.INVALID_VALUE, "phone",
          "is not a valid phone number (read in region " + region + ")");
    }
    return (String) cached;
  }

  /**
   * The spelling {@code value} is parsed and cached under: without its spaces, dashes and dots
   * when it is written only with ASCII digits, those separators and a leading {@code +} (and is
   * no longer than {@value #MAX_LENGTH}); else {@code value} itself. One number is written many
   * ways ("600 12 34 56", "600-123-456", "600123456"), and each spelling was a parse of its own:
   * in a command-line run of 5 M rows, parsing phones was 7 % of the CPU time. libphonenumber
   * reads such separators as mere punctuation (a seeded test in this module checks every
   * region's example numbers, reformatted at random); parentheses, letters, {@code tel:} and
   * other scripts' digits keep the spelling as written, as they may mean more.
   */
  static String spelling(String value) {
    int length = value.length();
    if (length > MAX_LENGTH) {
      return value;
    }
    int separators = 0;
    boolean numberStarted = false;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        numberStarted = true;
      } else if (c == ' ' || c == '-' || c == '.') {
        separators++;
      } else if (c == '+' && !numberStarted) {
        numberStarted = true;
      } else {
        return value;
      }
    }
    if (separators == 0) {
      return value;
    }
    char[] kept = new char[length - separators];
    int at = 0;
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c != ' ' && c != '-' && c != '.') {
        kept[at++] = c;
      }
    }
    return new String(kept);
  }

  /** {@link #compute} of a cache key, {@code region|spelling}. */
  private static Object computeKey(String key) {
    int bar = key.indexOf('|');
    return compute(key.substring(bar + 1), key.substring(0, bar));
  }

  /**
   * The E.164 form, or a local-only or unverified form, or the reason it was refused (cached too).
   */
  static Object compute(String value, String region) {
    String s = value.strip();
    if (s.length() > MAX_LENGTH) {
      return Reason.TOO_LARGE;
    }
    // A normalized form read again; the separator is looked for first, as a matcher for each of
    // the two patterns was 2 % of a command-line run's allocation.
    if ((s.indexOf('?') >= 0 && LOCAL_ONLY.matcher(s).matches())
        || (s.indexOf('~') >= 0 && UNVERIFIED.matcher(s).matches())) {
      return s;
    }
    PhoneNumber number;
    try {
      number = UTIL.parse(s, region);
    } catch (NumberParseException e) {
      String international = afterDoubleZero(s);
      return international != null ? international : digitsAsWritten(s, region);
    }
    number.clearExtension();
    if (UTIL.isValidNumber(number)) {
      return UTIL.format(number, PhoneNumberFormat.E164);
    }
    String international = afterDoubleZero(s);
    if (international != null) {
      return international;
    }
    if (UTIL.isPossibleNumberWithReason(number) == ValidationResult.IS_POSSIBLE_LOCAL_ONLY) {
      String local = "+" + number.getCountryCode() + "?" + UTIL.getNationalSignificantNumber(number);
      // Only a form that reads back as itself: "+49?56" (two digits) would be refused when
      // normalized again, so it is refused now.
      if (LOCAL_ONLY.matcher(local).matches()) {
        return local;
      }
    }
    // Parsed but not listed: kept with its digits rather than dropped (see the class comment),
    // if they are digits the value wrote: libphonenumber reads letters as a keypad's digits, and
    // "612-345-678-ANALOPEZ" is text around a number, not a vanity number it failed to validate.
    String national = UTIL.getNationalSignificantNumber(number);
    String unverified = "+" + number.getCountryCode() + "~" + national;
    if (UNVERIFIED.matcher(unverified).matches() && digitsOf(s).contains(national)) {
      return unverified;
    }
    // "+34 612 34" wrote its country and too few digits after it; but without a '+', reading the
    // region's international prefix ("00 61 2345" in DE) may be what left too few.
    return s.indexOf('+') >= 0 ? Reason.INVALID_VALUE : digitsAsWritten(s, region);
  }

  /**
   * The valid number {@code s} writes when its leading {@code 00} is read as the international
   * prefix, in E.164; null when it does not start with {@code 00} or is no valid number so read.
   * Asked only when the region's own reading is not valid: {@code 00} is the international prefix
   * of most of the world, and customers write it where their region's is another ("0017138674721"
   * in a US record, where it is {@code 011}; "0057 311 380 1059" in a Colombian one, which
   * libphonenumber reads as carrier prefix {@code 005} and country code 7, a number that does not
   * exist). A region's own reading that is valid wins.
   */
  private static String afterDoubleZero(String s) {
    if (!s.startsWith("00")) {
      return null;
    }
    try {
      PhoneNumber number = UTIL.parse("+" + s.substring(2), "ZZ");
      number.clearExtension();
      return UTIL.isValidNumber(number) ? UTIL.format(number, PhoneNumberFormat.E164) : null;
    } catch (NumberParseException e) {
      return null;
    }
  }

  /**
   * The last resort for a value libphonenumber cannot place (a {@code +} country code that does
   * not exist, an international prefix that leaves too few digits): its digits as written, under
   * the region's country code, if it has 6 to 17 of them and no letter. A letter means text, not
   * a number that libphonenumber failed to read.
   */
  private static Object digitsAsWritten(String s, String region) {
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      int digit = Character.digit(c, 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      } else if (Character.isLetter(c)) {
        return Reason.INVALID_VALUE;
      }
    }
    String unverified = "+" + UTIL.getCountryCodeForRegion(region) + "~" + digits;
    return UNVERIFIED.matcher(unverified).matches() ? unverified : Reason.INVALID_VALUE;
  }

  private static String digitsOf(String s) {
    StringBuilder digits = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      // Any script's digits, as libphonenumber reads them (full-width, Arabic-Indic...).
      int digit = Character.digit(s.charAt(i), 10);
      if (digit >= 0) {
        digits.append((char) ('0' + digit));
      }
    }
    return digits.toString();
  }

  /** Whether libphonenumber knows {@code region} (an ISO 3166 alpha-2 code, any case). */
  static boolean supportsRegion(String region) {
    return UTIL.getSupportedRegions().contains(region.toUpperCase(Locale.ROOT));
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
