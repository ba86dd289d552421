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
}
