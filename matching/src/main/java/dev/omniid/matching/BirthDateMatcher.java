package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import java.util.Objects;

/**
 * Grades two birth dates normalized by {@link BirthDateNormalizer} (ISO {@code yyyy-mm-dd}),
 * knowing the usual keying slips.
 *
 * <ul>
 *   <li>{@code EXACT} — the same date.
 *   <li>{@code STRONG} — day and month swapped, both 12 or less ({@code 1985-03-07} /
 *       {@code 1985-07-03}); or exactly one of year, month, day differs, by one digit
 *       ({@code 1985-03-07} / {@code 1986-03-07}, {@code 1985-03-17}) or by two adjacent digits
 *       swapped ({@code 1985} / {@code 1958}, {@code 12} / {@code 21}).
 *   <li>{@code MEDIUM} — same year and month ({@code 1985-03-07} / {@code 1985-03-25}); or same
 *       day and month with the year one apart ({@code 1989-03-07} / {@code 1990-03-07}).
 *   <li>{@code WEAK} — same year.
 *   <li>{@code DIFFERENT} — anything else, and any value that is not an ISO date.
 * </ul>
 *
 * <p>Symmetric; never returns {@code MISSING}; never throws for non-null arguments. Stateless and
 * thread-safe.
 */
public final class BirthDateMatcher implements FieldMatcher {
  private static final BirthDateMatcher INSTANCE = new BirthDateMatcher();

  private BirthDateMatcher() {}

  /**
   * Returns the birth date matcher (a shared stateless instance).
   *
   * @return the matcher, for ISO dates as {@link BirthDateNormalizer} gives them; thread-safe
   */
  public static BirthDateMatcher standard() {
    return INSTANCE;
  }

  /** Grades how alike two ISO birth dates are; see the class description for the levels. */
  @Override
  public ComparisonLevel compare(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    if (!isIsoShape(a) || !isIsoShape(b)) {
      return ComparisonLevel.DIFFERENT;
    }
    boolean sameYear = a.regionMatches(0, b, 0, 4);
    boolean sameMonth = a.regionMatches(5, b, 5, 2);
    boolean sameDay = a.regionMatches(8, b, 8, 2);
    int ma = number(a, 5);
    int da = number(a, 8);
    int mb = number(b, 5);
    int db = number(b, 8);
    if (sameYear && ma == db && da == mb && ma <= 12 && da <= 12) {
      return ComparisonLevel.STRONG;
    }
    int differing = (sameYear ? 0 : 1) + (sameMonth ? 0 : 1) + (sameDay ? 0 : 1);
    if (differing == 1) {
      int start = !sameYear ? 0 : !sameMonth ? 5 : 8;
      int length = !sameYear ? 4 : 2;
      if (isTypo(a, b, start, length)) {
        return ComparisonLevel.STRONG;
      }
    }
    if (sameYear && sameMonth) {
      return ComparisonLevel.MEDIUM;
    }
    if (sameMonth && sameDay && Math.abs(number4(a) - number4(b)) == 1) {
      return ComparisonLevel.MEDIUM;
    }
    return sameYear ? ComparisonLevel.WEAK : ComparisonLevel.DIFFERENT;
  }

  @Override
  public String toString() {
    return "BirthDateMatcher";
  }

  /** One digit replaced, or two adjacent digits swapped, within {@code [start, start+length)}. */
  private static boolean isTypo(String a, String b, int start, int length) {
    int first = -1;
    int count = 0;
    for (int i = start; i < start + length; i++) {
      if (a.charAt(i) != b.charAt(i)) {
        if (count == 0) {
          first = i;
        }
        count++;
      }
    }
    if (count == 1) {
      return true;
    }
    return count == 2
        && first + 1 < start + length
        && a.charAt(first) == b.charAt(first + 1)
        && a.charAt(first + 1) == b.charAt(first);
  }

  /** Whether {@code s} has the shape of an ISO date, {@code yyyy-MM-dd}, digits only. */
  static boolean isIsoShape(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return false;
    }
    for (int i = 0; i < 10; i++) {
      if (i != 4 && i != 7 && (s.charAt(i) < '0' || s.charAt(i) > '9')) {
        return false;
      }
    }
    return true;
  }

  private static int number(String s, int at) {
    return (s.charAt(at) - '0') * 10 + (s.charAt(at + 1) - '0');
  }

  private static int number4(String s) {
    return number(s, 0) * 100 + number(s, 2);
  }
}
