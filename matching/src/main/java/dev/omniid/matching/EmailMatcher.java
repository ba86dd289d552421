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
    int atA = a.lastIndexOf('@');
    int atB = b.lastIndexOf('@');
    String localA = atA < 0 ? a : a.substring(0, atA);
    String localB = atB < 0 ? b : b.substring(0, atB);
    String domainA = atA < 0 ? "" : a.substring(atA + 1);
    String domainB = atB < 0 ? "" : b.substring(atB + 1);
    ComparisonLevel localLevel = TextMatcher.jaroWinklerLevel(localA, localB);
    if (domainA.equals(domainB)) {
      if (EmailNormalizer.oneEditApart(localA, localB) && Math.min(localA.length(), localB.length()) >= 4) {
        return ComparisonLevel.STRONG;
      }
      if (localLevel == ComparisonLevel.STRONG && Math.min(localA.length(), localB.length()) >= 6) {
        return ComparisonLevel.STRONG;
      }
    }
    if (localA.equals(localB)) {
      return ComparisonLevel.MEDIUM;
    }
    return localLevel.ordinal() <= ComparisonLevel.MEDIUM.ordinal() ? ComparisonLevel.WEAK
        : ComparisonLevel.DIFFERENT;
  }

  @Override
  public String toString() {
    return "EmailMatcher";
  }
}
