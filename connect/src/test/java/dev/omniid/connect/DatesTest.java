package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.connect.Dates.DateParser;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DatesTest {
  private static String detect(String value, boolean monthFirst) {
    return Dates.timestampParser(Optional.empty(), monthFirst).parse(value).value().orElse("none");
  }

  @ParameterizedTest(name = "[{index}] ''{0}''")
  @CsvSource(delimiter = '|', value = {
      "2026-11-20T10:15:00Z | 2026-11-20T10:15:00Z",
      "2026-11-20T10:15:00.250Z | 2026-11-20T10:15:00.250Z",
      "2026-11-20T11:15:00+01:00 | 2026-11-20T10:15:00Z",
      "2026-11-20 10:15:00 | 2026-11-20T10:15:00Z",
      "2026-11-20 10:15 | 2026-11-20T10:15:00Z",
      "2026-11-20 | 2026-11-20T00:00:00Z",
      "1795169700 | 2026-11-20T10:15:00Z",
      "1795169700.5 | 2026-11-20T10:15:00.500Z",
      "1795169700000 | 2026-11-20T10:15:00Z",
      "20261120 | 2026-11-20T00:00:00Z",
      "2026/11/20 | 2026-11-20T00:00:00Z",
      "20/11/2026 | 2026-11-20T00:00:00Z",
      "20/11/2026 10:15 | 2026-11-20T10:15:00Z",
      "20.11.2026 10:15:30 | 2026-11-20T10:15:30Z",
      "20-11-2026 | 2026-11-20T00:00:00Z",
      "03/04/2026 | 2026-04-03T00:00:00Z",
      "11/20/2026 | 2026-11-20T00:00:00Z",
      "'  2026-11-20  ' | 2026-11-20T00:00:00Z",
      "yesterday | none",
      "31/02/2026 | none",
      "2026-13-01 | none",
      "'' | none",
  })
  void detectsCommonTimestampFormatsDayFirst(String value, String expected) {
    assertEquals(expected, detect(value, false));
  }

  @Test
  void monthFirstReadsAmbiguousDatesTheUsWay() {
    assertEquals("2026-03-04T00:00:00Z", detect("03/04/2026", true));
    // Only day first gives a real date: that order is used.
    assertEquals("2026-11-20T00:00:00Z", detect("20/11/2026", true));
  }

  @Test
  void explicitTimestampFormatsOverrideDetection() {
    DateParser us = Dates.timestampParser(Optional.of("MM/dd/yyyy hh:mm a"), false);
    assertEquals("2026-11-20T22:15:00Z", us.parse("11/20/2026 10:15 PM").value().orElseThrow());
    assertEquals("does not match timestampFormat \"MM/dd/yyyy hh:mm a\"",
        us.parse("2026-11-20").problem());
    DateParser dateOnly = Dates.timestampParser(Optional.of("dd/MM/yyyy"), true);
    assertEquals("2026-04-03T00:00:00Z", dateOnly.parse("03/04/2026").value().orElseThrow());
    DateParser zoned = Dates.timestampParser(Optional.of("yyyy-MM-dd HH:mm xx"), false);
    assertEquals("2026-11-20T09:15:00Z", zoned.parse("2026-11-20 10:15 +0100").value().orElseThrow());
    assertEquals("2026-11-20T10:15:00Z", Dates.timestampParser(Optional.of("epoch_seconds"), false)
        .parse("1795169700").value().orElseThrow());
    assertEquals("2026-11-20T10:15:00Z", Dates.timestampParser(Optional.of("epoch_millis"), false)
        .parse("1795169700000").value().orElseThrow());
    assertEquals("is not epoch_millis", Dates.timestampParser(Optional.of("epoch_millis"), false)
        .parse("soon").problem());
  }

  @Test
  void birthDatesAreReadByTheMatchingModuleUnlessAFormatIsGiven() {
    DateParser detect = Dates.birthDateParser(Optional.empty(), false);
    assertEquals("1985-03-07", detect.parse("07/03/1985").value().orElseThrow());
    assertEquals("1985-03-07", detect.parse("7 de marzo de 1985").value().orElseThrow());
    assertEquals("1985-03-07", detect.parse("19850307").value().orElseThrow());
    assertEquals("1985-07-03", Dates.birthDateParser(Optional.empty(), true).parse("07/03/1985")
        .value().orElseThrow());
    assertEquals("has an unknown word", detect.parse("soon").problem());

    DateParser febrl = Dates.birthDateParser(Optional.of("yyyyMMdd"), false);
    assertEquals("1956-04-09", febrl.parse("19560409").value().orElseThrow());
    assertEquals("does not match birthDateFormat \"yyyyMMdd\"", febrl.parse("19561309").problem());
    assertEquals("does not match birthDateFormat \"yyyyMMdd\"", febrl.parse("19560231").problem());
    assertEquals("is in the future", febrl.parse("29990101").problem());
  }

  @Test
  void badPatternsAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> Dates.birthDateParser(Optional.of("yyyy-MM-dd {"), false));
  }

  /**
   * Whole-second UTC timestamps are read by hand; every text of that shape must come out as the
   * ISO parser reads it (or be refused as it refuses it), and an accepted text is its own
   * instant's {@code toString()}. Random texts of the shape: fields in and out of range, 29 to 31
   * February across leap and common years, years 0000 to 9999, non-ASCII digits.
   */
  @Test
  void wholeSecondUtcTimestampsReadAsTheIsoParserReadsThem() {
    String[] odd = {"\u0663", "\uff11", "a", " ", "+"};
    for (long seed = 0; seed < 10; seed++) {
      Random random = new Random(seed);
      for (int n = 0; n < 4_000; n++) {
        int year = random.nextInt(4) == 0 ? random.nextInt(10_000) : 1896 + random.nextInt(240);
        int month = random.nextInt(8) == 0 ? random.nextInt(100) : 1 + random.nextInt(12);
        int day = random.nextInt(3) == 0 ? 27 + random.nextInt(6) : random.nextInt(33);
        int hour = random.nextInt(28);
        int minute = random.nextInt(64);
        int second = random.nextInt(64);
        StringBuilder text = new StringBuilder(String.format(java.util.Locale.ROOT,
            "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day, hour, minute, second));
        boolean altered = random.nextInt(20) == 0;
        if (altered) {
          int at = random.nextInt(text.length());
          text.replace(at, at + 1, odd[random.nextInt(odd.length)]);
        }
        String value = text.toString();
        String expected = Dates.detectTimestamp(value.strip(), false).map(Instant::toString)
            .orElse("none");
        if (!altered) {
          String iso;
          try {
            iso = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
                .toString();
          } catch (DateTimeParseException e) {
            iso = "none";
          }
          assertEquals(iso, expected, "seed " + seed + ": " + value);
        }
        assertEquals(expected, detect(value, false), "seed " + seed + ": " + value);
        Instant whole = Dates.wholeSecondUtc(value);
        if (whole != null) {
          assertEquals(value, whole.toString(), "seed " + seed);
          assertEquals(Instant.parse(value), Dates.instant(value), "seed " + seed);
        } else if (!expected.equals("none") && value.equals(expected)) {
          throw new AssertionError("seed " + seed + ": " + value + " is whole-second UTC but refused");
        }
      }
    }
    assertNull(Dates.wholeSecondUtc("2026-11-20T10:15:00.000Z"));
    assertEquals(Instant.parse("2026-11-20T10:15:00.250Z"), Dates.instant("2026-11-20T10:15:00.250Z"));
  }
}
