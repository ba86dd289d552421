package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.ComparisonLevel;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EmailMatcher} reads local parts and domains in place; it grades every pair as the
 * substring-making reading did (kept here as the reference), on emails one or two edits apart,
 * at the same or another domain, and on unrelated ones.
 */
class EmailMatcherPropertiesTest {

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /** The reading before it was done in place. */
  private static ComparisonLevel reference(String a, String b) {
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

  private static String local(Random random) {
    StringBuilder s = new StringBuilder();
    for (int i = 1 + random.nextInt(12); i > 0; i--) {
      s.append(random.nextInt(8) == 0 ? '.' : (char) ('a' + random.nextInt(6)));
    }
    return s.toString();
  }

  private static String edit(Random random, String value) {
    StringBuilder s = new StringBuilder(value);
    for (int edits = random.nextInt(3); edits > 0 && s.length() > 1; edits--) {
      int i = random.nextInt(s.length() - 1);
      switch (random.nextInt(4)) {
        case 0 -> {
          char c = s.charAt(i);
          s.setCharAt(i, s.charAt(i + 1));
          s.setCharAt(i + 1, c);
        }
        case 1 -> s.setCharAt(i, (char) ('a' + random.nextInt(6)));
        case 2 -> s.deleteCharAt(i);
        default -> s.insert(i, (char) ('a' + random.nextInt(6)));
      }
    }
    return s.toString();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void gradesAsTheSubstringReading(long seed) {
    Random random = new Random(seed);
    String[] domains = {"gmail.com", "gmial.com", "yahoo.es", ""};
    for (int round = 0; round < 50; round++) {
      String localA = local(random);
      String localB = random.nextInt(4) == 0 ? local(random) : edit(random, localA);
      String a = localA + "@" + domains[random.nextInt(3)];
      String b = random.nextInt(10) == 0 ? localB : localB + "@" + domains[random.nextInt(3)];
      assertEquals(reference(a, b), EmailMatcher.standard().compare(a, b), () -> a + " / " + b);
      assertEquals(reference(b, a), EmailMatcher.standard().compare(b, a), () -> b + " / " + a);
    }
  }
}
