package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;

/**
 * Grades normalized emails: {@code EXACT}; {@code STRONG} for the same domain with local parts one
 * edit apart ({@code ana.perez}/{@code ana.peres}) or a Jaro-Winkler similarity of at least 0.95
 * for local parts of 6 or more characters; {@code MEDIUM} for the same local part at another
 * domain (one person, two providers); {@code WEAK} for local parts with Jaro-Winkler of at least
 * 0.88; else {@code DIFFERENT}. Thread-safe.
 */
public final class EmailMatcher implements FieldMatcher {
  private static final EmailMatcher INSTANCE = new EmailMatcher();

  private EmailMatcher() {}

  /**
   * The matcher (stateless, so one shared instance).
   *
   * @return the matcher, for emails as {@link EmailNormalizer} gives them; thread-safe
   */
  public static EmailMatcher standard() {
    return INSTANCE;
  }

  @Override
  public ComparisonLevel compare(String a, String b) {
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    // Local parts and domains are read in place: a new touchpoint is compared with many.
    int atA = a.lastIndexOf('@');
    int atB = b.lastIndexOf('@');
    int localA = atA < 0 ? a.length() : atA;
    int localB = atB < 0 ? b.length() : atB;
    int domainA = atA < 0 ? a.length() : atA + 1;
    int domainB = atB < 0 ? b.length() : atB + 1;
    boolean sameLocal = localA == localB && a.regionMatches(0, b, 0, localA);
    ComparisonLevel localLevel = sameLocal ? ComparisonLevel.EXACT
        : TextMatcher.jaroWinklerLevel(a, localA, b, localB);
    boolean sameDomain = a.length() - domainA == b.length() - domainB
        && a.regionMatches(domainA, b, domainB, a.length() - domainA);
    if (sameDomain) {
      if (oneEditApart(a, localA, b, localB) && Math.min(localA, localB) >= 4) {
        return ComparisonLevel.STRONG;
      }
      if (localLevel == ComparisonLevel.STRONG && Math.min(localA, localB) >= 6) {
        return ComparisonLevel.STRONG;
      }
    }
    if (sameLocal) {
      return ComparisonLevel.MEDIUM;
    }
    return localLevel.ordinal() <= ComparisonLevel.MEDIUM.ordinal() ? ComparisonLevel.WEAK
        : ComparisonLevel.DIFFERENT;
  }

  /** {@link EmailNormalizer#oneEditApart} of the prefixes {@code a[0, la)} and {@code b[0, lb)}. */
  static boolean oneEditApart(String a, int la, String b, int lb) {
    if ((la == lb && a.regionMatches(0, b, 0, la)) || Math.abs(la - lb) > 1) {
      return false;
    }
    int i = 0;
    while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    if (la == lb) {
      // i < la here: equal prefixes were refused above.
      if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
        return true;
      }
      return i + 1 < la && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
          && a.regionMatches(i + 2, b, i + 2, la - i - 2);
    }
    String longer = la > lb ? a : b;
    String shorter = longer == a ? b : a;
    int longerLength = Math.max(la, lb);
    return longer.regionMatches(i + 1, shorter, i, longerLength - i - 1);
  }

  @Override
  public String toString() {
    return "EmailMatcher";
  }
}
