package dev.omniid.matching;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Predicates over <em>normalized</em> values that identify nobody and must never link: test and
 * placeholder emails, no-reply and "no email" local parts, example domains; phone numbers whose
 * digits are one repeated digit or a run (1234567890); zeroed advertising and Android ids. The
 * email list is a resource ({@code junk-emails.txt}). Thread-safe.
 */
public final class JunkValues {
  private static final Set<String> EMAILS = new HashSet<>();
  private static final Set<String> LOCAL_PARTS = new HashSet<>();
  private static final Set<String> DOMAINS = new HashSet<>();

  static {
    for (String line : ReferenceData.lines("junk-emails.txt")) {
      if (line.startsWith("@")) {
        DOMAINS.add(line.substring(1));
      } else if (line.endsWith("@")) {
        LOCAL_PARTS.add(line.substring(0, line.length() - 1));
      } else {
        EMAILS.add(line);
      }
    }
  }

  private JunkValues() {}

  /**
   * Junk emails (as normalized by {@link EmailNormalizer}).
   *
   * @return a thread-safe predicate that holds for a listed address, local part or domain
   *     ({@code test@test.com}, {@code noreply@...}, {@code ...@example.com})
   */
  public static Predicate<String> emails() {
    return JunkValues::isJunkEmail;
  }

  /**
   * Junk phones (as normalized by {@link PhoneNormalizer}).
   *
   * @return a thread-safe predicate that holds for a number whose digits are one repeated digit
   *     or a run such as {@code 1234567890}
   */
  public static Predicate<String> phones() {
    return JunkValues::isJunkPhone;
  }

  /**
   * Zeroed or placeholder device ids (as normalized by {@link DeviceIdNormalizer}).
   *
   * @return a thread-safe predicate that holds for an id of zeros and dashes, or
   *     {@code unknown}, {@code null}, {@code undefined}, {@code none}
   */
  public static Predicate<String> deviceIds() {
    return v -> v.chars().allMatch(c -> c == '0' || c == '-')
        || v.equals("unknown") || v.equals("null") || v.equals("undefined") || v.equals("none");
  }

  static boolean isJunkEmail(String email) {
    if (EMAILS.contains(email)) {
      return true;
    }
    int at = email.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    return LOCAL_PARTS.contains(email.substring(0, at)) || DOMAINS.contains(email.substring(at + 1));
  }

  /**
   * One repeated digit, or an ascending or descending run, of 6 digits or more in the national
   * number (libphonenumber tells the country code apart; a local-only or unverified form writes it
   * after its {@code ?} or {@code ~}), or in all digits when it cannot parse the value.
   */
  static boolean isJunkPhone(String phone) {
    // A run in the national number ends the whole number: when the last six digits are no run,
    // neither is the national number, and libphonenumber need not parse (this runs for every
    // phone a touchpoint carries, before its hash is derived).
    return endsInRun(phone, 6) && isJunkPhoneParsed(phone);
  }

  /** {@link #isJunkPhone} without the shortcut: kept for the test that holds them equal. */
  static boolean isJunkPhoneParsed(String phone) {
    // The national digits follow the '?' of a local-only number or the '~' of an unverified one.
    int local = Math.max(phone.indexOf('?'), phone.indexOf('~'));
    String national = local >= 0 ? phone.substring(local + 1) : nationalNumber(phone);
    return national.length() >= 6 && isRun(national);
  }

  /** Whether the last {@code n} digits of the value form a run (fewer than n digits: false). */
  private static boolean endsInRun(String value, int n) {
    char[] digits = new char[n];
    int found = 0;
    for (int i = value.length() - 1; i >= 0 && found < n; i--) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        digits[n - 1 - found++] = c;
      }
    }
    return found == n && isRun(new String(digits));
  }

  private static final java.util.regex.Pattern NOT_DIGITS = java.util.regex.Pattern.compile("[^0-9]");

  private static String nationalNumber(String phone) {
    try {
      var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
      return util.getNationalSignificantNumber(util.parse(phone, "ZZ"));
    } catch (com.google.i18n.phonenumbers.NumberParseException e) {
      return NOT_DIGITS.matcher(phone).replaceAll("");
    }
  }

  private static boolean isRun(String d) {
    boolean same = true;
    boolean up = true;
    boolean down = true;
    for (int i = 1; i < d.length(); i++) {
      int step = d.charAt(i) - d.charAt(i - 1);
      same &= step == 0;
      up &= step == 1 || step == -9;
      down &= step == -1 || step == 9;
    }
    return same || up || down;
  }
}
