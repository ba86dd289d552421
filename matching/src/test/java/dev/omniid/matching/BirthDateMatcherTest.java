package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.ComparisonLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BirthDateMatcherTest {

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource({
    "1985-03-07, 1985-03-07, EXACT",
    "1985-03-07, 1985-07-03, STRONG",
    "1985-03-07, 1986-03-07, STRONG",
    "1985-03-07, 1975-03-07, STRONG",
    "1985-03-07, 1958-03-07, STRONG",
    "1985-03-07, 1985-08-07, STRONG",
    "1985-03-07, 1985-03-08, STRONG",
    "1985-03-07, 1985-03-17, STRONG",
    "1985-12-21, 1985-12-12, STRONG",
    "1985-03-07, 1985-03-25, MEDIUM",
    "1989-03-07, 1990-03-07, MEDIUM",
    "1985-03-07, 1985-11-25, WEAK",
    "1984-03-07, 1985-07-03, DIFFERENT",
    "1985-03-07, 1986-04-07, DIFFERENT",
    "1985-03-07, 1990-10-20, DIFFERENT",
    "1985-03-07, not a date, DIFFERENT",
    "'', 1985-03-07, DIFFERENT",
  })
  void grades(String a, String b, ComparisonLevel expected) {
    BirthDateMatcher matcher = BirthDateMatcher.standard();
    assertEquals(expected, matcher.compare(a, b));
    assertEquals(expected, matcher.compare(b, a));
  }

  /**
   * Issue 11 item 9: one record written day first, the other month first, and nobody knows which
   * file uses which order. Whatever order the normalizer is set to, the pair grades as a partial
   * agreement (a day/month swap), which the default model weighs for a match, and the person rule
   * does not count as a conflict.
   */
  @ParameterizedTest(name = "{0} / {1}, month first {2}")
  @CsvSource({
    "07/03/1985, 03/07/1985, false, STRONG",
    "07/03/1985, 03/07/1985, true, STRONG",
    "1985-07-03, 07/03/1985, false, STRONG",
    "1985-07-03, 03/07/1985, true, STRONG",
    "17/03/1985, 03/17/1985, false, EXACT",
    "17/03/1985, 03/17/1985, true, EXACT",
  })
  void dayFirstAgainstMonthFirstIsJudgedPerPair(String a, String b, boolean monthFirst,
      ComparisonLevel expected) {
    BirthDateNormalizer normalizer = monthFirst
        ? BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).monthFirst().build()
        : BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).build();
    String na = normalizer.normalize(a);
    String nb = normalizer.normalize(b);
    assertEquals(expected, BirthDateMatcher.standard().compare(na, nb));
    assertEquals(expected, BirthDateMatcher.standard().compare(nb, na));
    dev.omniid.core.MatchField field = OmniId.defaultMatchModel("ES", monthFirst).fields().stream()
        .filter(f -> f.name().equals("birth_date")).findFirst().orElseThrow();
    org.junit.jupiter.api.Assertions.assertTrue(field.weight(expected) > 0, field.toString());
    dev.omniid.core.PersonRule rule = PersonRules.standard(monthFirst);
    assertEquals(dev.omniid.core.PersonConflict.NONE, rule.conflict(
        new dev.omniid.core.PersonTraits("ana", null, na, null),
        new dev.omniid.core.PersonTraits("ana", null, nb, null)));
  }
}
