package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;

/**
 * Grades phone numbers normalized by {@link PhoneNormalizer}, whose three forms are E.164
 * ({@code +18185550199}), local-only ({@code +1?5552671}) and unverified
 * ({@code +34~8185550199}):
 * <ul>
 *   <li>{@code EXACT}: the same value.
 *   <li>{@code STRONG}: the same national number where one side is unverified, its country code
 *       only a guess: {@code +34~8185550199} (a US number read in a Spanish file) against
 *       {@code +18185550199}; {@code +34~07911123456} against {@code +447911123456} (a trunk
 *       {@code 0} is not part of the number). The national number needs 8 digits or more.
 *   <li>{@code MEDIUM}: a local number (local-only, or unverified and shorter) of 7 digits or more
 *       that ends the other number, in the same country when both countries are known:
 *       {@code +1?5552671} against {@code +14155552671}, {@code +34~5550199} against
 *       {@code +18185550199}; or one substituted digit, or two adjacent digits swapped.
 *   <li>{@code WEAK}: the same last 7 digits under another country code.
 *   <li>else {@code DIFFERENT}.
 * </ul>
 * Country calling codes are a prefix code (no code begins another), so a value's country is read
 * from its first digits without metadata. Thread-safe.
 */
public final class PhoneMatcher implements FieldMatcher {
  private static final PhoneMatcher INSTANCE = new PhoneMatcher();
  /** The shortest national number that, shared, says "the same number" under a guessed country. */
  private static final int MIN_NATIONAL = 8;
  /** The shortest local number that may be matched against the tail of a full one. */
  private static final int MIN_LOCAL = 7;

  private PhoneMatcher() {}

  /**
   * The matcher (stateless, so one shared instance).
   *
   * @return the matcher, for the three forms {@link PhoneNormalizer} gives; thread-safe
   */
  public static PhoneMatcher standard() {
    return INSTANCE;
  }

  @Override
  public ComparisonLevel compare(String a, String b) {
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    if (sameNationalNumber(a, b) || sameNationalNumber(b, a)) {
      return ComparisonLevel.STRONG;
    }
    if (localTail(a, b) || localTail(b, a)) {
      return ComparisonLevel.MEDIUM;
    }
    String da = a.replace("?", "").replace("~", "");
    String db = b.replace("?", "").replace("~", "");
    if (da.length() == db.length() && TextMatcher.typoLevel(da, db) == ComparisonLevel.STRONG) {
      return ComparisonLevel.MEDIUM;
    }
    if (da.length() >= 8 && db.length() >= 8
        && da.substring(da.length() - 7).equals(db.substring(db.length() - 7))) {
      return ComparisonLevel.WEAK;
    }
    return ComparisonLevel.DIFFERENT;
  }

  /**
   * Whether {@code unverified} is an unverified number whose national digits are {@code other}'s
   * national number: the same digits after {@code other}'s country code (and any trunk zeros), or
   * the same national digits when {@code other} is unverified too.
   */
  private static boolean sameNationalNumber(String unverified, String other) {
    int sep = unverified.indexOf('~');
    if (sep < 0) {
      return false;
    }
    String national = core(unverified, sep);
    if (national.length() < MIN_NATIONAL) {
      return false;
    }
    int otherSep = separator(other);
    if (otherSep >= 0) {
      return other.charAt(otherSep) == '~' && core(other, otherSep).equals(national);
    }
    // E.164: the digits end with the national number, and what is left is a country code of 1 to
    // 3 digits, perhaps followed by zeros (Italy's national numbers keep their leading 0).
    String digits = other.isEmpty() ? "" : other.substring(1);
    if (digits.length() <= national.length() || !digits.endsWith(national)) {
      return false;
    }
    int end = digits.length() - national.length();
    while (end > 0 && digits.charAt(end - 1) == '0') {
      end--;
    }
    return end >= 1 && end <= 3;
  }

  /**
   * Whether {@code local} is a local number (local-only, or unverified) whose digits end
   * {@code other}'s longer national digits, in the same country when both countries are known
   * (a local-only number's country is known; an unverified number's is a guess).
   */
  private static boolean localTail(String local, String other) {
    int sep = separator(local);
    if (sep < 0) {
      return false;
    }
    String digits = core(local, sep);
    if (digits.length() < MIN_LOCAL) {
      return false;
    }
    int otherSep = separator(other);
    String otherDigits = otherSep < 0 ? (other.isEmpty() ? "" : other.substring(1))
        : core(other, otherSep);
    if (otherDigits.length() <= digits.length() || !otherDigits.endsWith(digits)) {
      return false;
    }
    boolean countriesKnown = local.charAt(sep) == '?' && (otherSep < 0 || other.charAt(otherSep) == '?');
    if (!countriesKnown) {
      return true;
    }
    // "+1" begins "+14155552671" only if 1 is its country code: codes are a prefix code.
    String country = local.substring(0, sep);
    return otherSep < 0 ? other.startsWith(country) : other.substring(0, otherSep).equals(country);
  }

  /** The index of the {@code ?} or {@code ~} of a local-only or unverified value; -1 for E.164. */
  private static int separator(String value) {
    for (int i = 1; i < value.length() && i <= 4; i++) {
      char c = value.charAt(i);
      if (c == '?' || c == '~') {
        return i;
      }
    }
    return -1;
  }

  /** The national digits after the separator, without trunk zeros. */
  private static String core(String value, int sep) {
    int from = sep + 1;
    while (from < value.length() - 1 && value.charAt(from) == '0') {
      from++;
    }
    return value.substring(from);
  }

  @Override
  public String toString() {
    return "PhoneMatcher";
  }
}
