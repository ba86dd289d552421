package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;

/**
 * Grades phone numbers normalized by {@link PhoneNormalizer}: {@code EXACT}; {@code STRONG} when
 * one is a local-only number ({@code +1?5552671}) whose digits end the other's, in the same
 * country; {@code MEDIUM} for one substituted digit or two adjacent digits swapped; {@code WEAK}
 * for the same last 7 digits under another country code; else {@code DIFFERENT}. Thread-safe.
 */
public final class PhoneMatcher implements FieldMatcher {
  private static final PhoneMatcher INSTANCE = new PhoneMatcher();

  private PhoneMatcher() {}

  /** The matcher. */
  public static PhoneMatcher standard() {
    return INSTANCE;
  }

  @Override
  public ComparisonLevel compare(String a, String b) {
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    int qa = a.indexOf('?');
    int qb = b.indexOf('?');
    if ((qa >= 0) != (qb >= 0)) {
      String local = qa >= 0 ? a : b;
      String full = qa >= 0 ? b : a;
      int q = local.indexOf('?');
      String country = local.substring(0, q);
      String digits = local.substring(q + 1);
      if (full.startsWith(country) && full.endsWith(digits)
          && full.length() > country.length() + digits.length()) {
        return ComparisonLevel.STRONG;
      }
    }
    String da = a.replace("?", "");
    String db = b.replace("?", "");
    if (da.length() == db.length() && TextMatcher.typoLevel(da, db) == ComparisonLevel.STRONG) {
      return ComparisonLevel.MEDIUM;
    }
    if (da.length() >= 8 && db.length() >= 8
        && da.substring(da.length() - 7).equals(db.substring(db.length() - 7))) {
      return ComparisonLevel.WEAK;
    }
    return ComparisonLevel.DIFFERENT;
  }

  @Override
  public String toString() {
    return "PhoneMatcher";
  }
}
