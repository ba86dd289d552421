package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BirthDateNormalizerTest {
  /** "Today" is 2024-06-15 in every test. */
  static final Clock CLOCK = Clock.fixed(Instant.parse("2024-06-15T12:00:00Z"), ZoneOffset.UTC);

  private final BirthDateNormalizer dayFirst = BirthDateNormalizer.newBuilder().clock(CLOCK).build();
  private final BirthDateNormalizer monthFirst =
      BirthDateNormalizer.newBuilder().clock(CLOCK).monthFirst().build();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1985-03-07 | 1985-03-07",
        "1985/03/07 | 1985-03-07",
        "1985-3-7 | 1985-03-07",
        "1985-03-07T00:00:00Z | 1985-03-07",
        "1985-03-07 10:30 | 1985-03-07",
        "19850307 | 1985-03-07",
        "07031985 | 1985-03-07",
        "07/03/1985 | 1985-03-07",
        "7-3-85 | 1985-03-07",
        "7.3.1985 | 1985-03-07",
        "25/12/1990 | 1990-12-25",
        "12/25/1990 | 1990-12-25",
        "7 mar 1985 | 1985-03-07",
        "7 MAR 1985 | 1985-03-07",
        "07-MAR-85 | 1985-03-07",
        "March 7, 1985 | 1985-03-07",
        "Mar 7 1985 | 1985-03-07",
        "7th March 1985 | 1985-03-07",
        "Thursday, March 7, 1985 | 1985-03-07",
        "7 de marzo de 1985 | 1985-03-07",
        "jueves, 7 de marzo de 1985 | 1985-03-07",
        "1º de enero de 2000 | 2000-01-01",
        "15 de setiembre de 1970 | 1970-09-15",
        "15 sept. 1970 | 1970-09-15",
        "3 dic 1999 | 1999-12-03",
        "1985 Mar 7 | 1985-03-07",
        "29/02/2000 | 2000-02-29",
        "1/1/24 | 2024-01-01",
        "1/1/25 | 1925-01-01",
        "01/01/00 | 2000-01-01",
        "15/06/2024 | 2024-06-15",
      })
  void normalizesDayFirst(String raw, String iso) {
    assertEquals(iso, dayFirst.normalize(raw));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "03/07/1985 | 1985-03-07",
        "3/7/85 | 1985-03-07",
        "25/12/1990 | 1990-12-25",
        "1985-03-07 | 1985-03-07",
        "March 7, 1985 | 1985-03-07",
        "7 de marzo de 1985 | 1985-03-07",
      })
  void normalizesMonthFirst(String raw, String iso) {
    assertEquals(iso, monthFirst.normalize(raw));
  }

  @Test
  void ambiguousDatesFollowTheConfiguredOrder() {
    assertEquals("1985-03-07", dayFirst.normalize("07/03/1985"));
    assertEquals("1985-07-03", monthFirst.normalize("07/03/1985"));
  }

  @Test
  void pivotIsConfigurable() {
    BirthDateNormalizer pivot50 =
        BirthDateNormalizer.newBuilder().clock(CLOCK).twoDigitYearPivot(10).build();
    assertEquals("1924-01-01", pivot50.normalize("1/1/24"));
    assertEquals("2010-01-01", pivot50.normalize("1/1/10"));
    assertEquals("twoDigitYearPivot", assertThrows(OmniIdException.class,
        () -> BirthDateNormalizer.newBuilder().twoDigitYearPivot(100)).field());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "", "abc", "30/02/1985", "31/04/1985", "29/02/2001", "1985-02-30", "1985-13-01",
        "32/01/1985", "13/13/1985", "1899-12-31", "16/06/2024", "2030-01-01", "7 foo 1985",
        "7 mar", "1985", "07/03", "1/2/3/4", "0/0/0000", "123/1/1985", "12345678901",
        "7 mar abr 1985", "1985-03-07x", "📅 1985-03-07",
      })
  void refusesInvalidDates(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> dayFirst.normalize(raw));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertEquals("birth_date", e.field());
    if (!raw.isEmpty()) {
      assertFalse(e.getMessage().contains(raw));
    }
  }

  @Test
  void refusesHugeValues() {
    OmniIdException e =
        assertThrows(OmniIdException.class, () -> dayFirst.normalize("1".repeat(1000)));
    assertEquals(Reason.TOO_LARGE, e.reason());
  }
}
