package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import dev.omniid.matching.BirthDateNormalizer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates of customer files: timestamps and birth dates, in the format a mapping gives or,
 * without one, in any of the common formats. A time without a zone is read as UTC.
 *
 * <p>Detected timestamp formats: ISO 8601 with or without offset or time ({@code 2026-11-20T10:15:00Z},
 * {@code 2026-11-20 10:15}, {@code 2026-11-20}), epoch seconds (9-10 digits, optionally with a
 * fraction) and milliseconds (12-13 digits), compact {@code yyyyMMdd}, {@code yyyy/MM/dd}, and
 * {@code dd/MM/yyyy}, {@code dd.MM.yyyy}, {@code dd-MM-yyyy} with an optional {@code HH:mm[:ss]}:
 * day first unless month first is asked for (US), and the other order when only it gives a real
 * date. Birth dates are read by the matching module's {@link BirthDateNormalizer}, which knows
 * more written forms (month names in English and Spanish, two-digit years).
 */
final class Dates {
  private Dates() {}

  /** Parses one kind of date into its ISO form. Immutable and thread-safe. */
  @FunctionalInterface
  interface DateParser {
    /** The parsed value, or a reason (without the value) why it is not a date. */
    Parsed parse(String value);
  }

  /** A parsed value or the reason it could not be parsed. */
  record Parsed(Optional<String> value, String problem) {
    static Parsed ok(String value) {
      return new Parsed(Optional.of(value), "");
    }

    static Parsed failed(String problem) {
      return new Parsed(Optional.empty(), problem);
    }
  }

  private static final Pattern NUMERIC = Pattern.compile(
      "(\\d{1,4})([/.-])(\\d{1,2})\\2(\\d{1,4})(?:[ T](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?");
  private static final Pattern EPOCH_SECONDS = Pattern.compile("-?\\d{9,10}(?:\\.\\d{1,9})?");
  private static final Pattern EPOCH_MILLIS = Pattern.compile("-?\\d{12,13}");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  /**
   * A timestamp parser: the explicit format ({@code epoch_seconds}, {@code epoch_millis} or a
   * {@link DateTimeFormatter} pattern) or detection. Values parse to ISO instants.
   *
   * @throws IllegalArgumentException if the format is not a valid pattern
   */
  static DateParser timestampParser(Optional<String> format, boolean monthFirst) {
    if (format.isEmpty()) {
      return v -> {
        String s = v.strip();
        if (wholeSecondUtc(s) != null) {
          return Parsed.ok(s);
        }
        return detectTimestamp(s, monthFirst).map(i -> Parsed.ok(i.toString()))
            .orElse(Parsed.failed("is not a date/time in a known format (set timestampFormat in the mapping)"));
      };
    }
    String f = format.get();
    if (f.equals("epoch_seconds") || f.equals("epoch_millis")) {
      boolean millis = f.equals("epoch_millis");
      return v -> {
        try {
          long n = Long.parseLong(v.strip());
          return Parsed.ok((millis ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n)).toString());
        } catch (NumberFormatException | DateTimeException e) {
          return Parsed.failed("is not " + f);
        }
      };
    }
    DateTimeFormatter formatter = formatter(f);
    return v -> {
      try {
        return Parsed.ok(toInstant(formatter.parse(v.strip())).toString());
      } catch (DateTimeException e) {
        return Parsed.failed("does not match timestampFormat \"" + f + "\"");
      }
    };
  }

  /**
   * A birth date parser to ISO {@code yyyy-MM-dd}: the explicit pattern, or the matching module's
   * birth date normalizer (which also refuses dates before 1900 or in the future).
   *
   * @throws IllegalArgumentException if the format is not a valid pattern
   */
  static DateParser birthDateParser(Optional<String> format, boolean monthFirst) {
    BirthDateNormalizer normalizer = monthFirst
        ? BirthDateNormalizer.newBuilder().monthFirst().build() : BirthDateNormalizer.dayFirst();
    if (format.isEmpty()) {
      return v -> {
        try {
          return Parsed.ok(normalizer.normalize(v));
        } catch (OmniIdException e) {
          return Parsed.failed(e.detail());
        }
      };
    }
    String f = format.get();
    DateTimeFormatter formatter = formatter(f);
    return v -> {
      LocalDate date;
      try {
        date = LocalDate.from(formatter.parse(v.strip()));
      } catch (DateTimeException e) {
        return Parsed.failed("does not match birthDateFormat \"" + f + "\"");
      }
      try {
        // The same plausibility rules as without a format: from 1900, not in the future.
        return Parsed.ok(normalizer.normalize(date.toString()));
      } catch (OmniIdException e) {
        return Parsed.failed(e.detail());
      }
    };
  }

  /**
   * A strict formatter for a user's pattern. {@code yyyy} means year-of-era, which strict
   * resolution cannot use without an era; users mean the proleptic year, so it becomes {@code uuuu}.
   */
  private static DateTimeFormatter formatter(String pattern) {
    String p = pattern.indexOf('G') >= 0 ? pattern : pattern.replace('y', 'u');
    try {
      return DateTimeFormatter.ofPattern(p, Locale.ROOT).withResolverStyle(ResolverStyle.STRICT);
    } catch (ClassCastException e) {
      // The JDK's pattern parser fails this way on a pad letter before adjacent numbers
      // ("upuuMMdd", found by fuzzing): a bad pattern, not a crash of the command.
      throw new IllegalArgumentException("a pad (p) before adjacent number fields is not supported", e);
    }
  }

  private static Instant toInstant(TemporalAccessor t) {
    LocalDate date = LocalDate.from(t);
    LocalTime time = t.isSupported(java.time.temporal.ChronoField.HOUR_OF_DAY)
        ? LocalTime.from(t) : LocalTime.MIDNIGHT;
    ZoneOffset offset = t.isSupported(java.time.temporal.ChronoField.OFFSET_SECONDS)
        ? ZoneOffset.from(t) : ZoneOffset.UTC;
    return date.atTime(time).toInstant(offset);
  }

  /**
   * The instant of a parser's value (an ISO instant). Most values are whole seconds in UTC, read
   * here without a formatter.
   */
  static Instant instant(String iso) {
    Instant whole = wholeSecondUtc(iso);
    return whole != null ? whole : Instant.parse(iso);
  }

  /**
   * The instant of a timestamp written as {@link Instant#toString()} writes a whole second in UTC
   * ({@code 2025-09-02T10:05:15Z}, ASCII digits), or null for any other text. It is the form most
   * exports write, and reading it by hand skips the formatters, which took a third of mapping a
   * row (JFR of a 1 M-row resolve). Every text it accepts, detection accepts as the same instant,
   * and the instant's {@code toString()} is the text again ({@code DatesTest} checks both).
   */
  static Instant wholeSecondUtc(String v) {
    if (v.length() != 20 || v.charAt(4) != '-' || v.charAt(7) != '-' || v.charAt(10) != 'T'
        || v.charAt(13) != ':' || v.charAt(16) != ':' || v.charAt(19) != 'Z') {
      return null;
    }
    int year = digits(v, 0, 4);
    int month = digits(v, 5, 2);
    int day = digits(v, 8, 2);
    int hour = digits(v, 11, 2);
    int minute = digits(v, 14, 2);
    int second = digits(v, 17, 2);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23
        || minute < 0 || minute > 59 || second < 0 || second > 59
        || day > java.time.Month.of(month).length(java.time.Year.isLeap(year))) {
      return null;
    }
    long days = LocalDate.of(year, month, day).toEpochDay();
    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second);
  }

  /** The number written by {@code count} ASCII digits from {@code from}, or -1. */
  private static int digits(String v, int from, int count) {
    int n = 0;
    for (int i = from; i < from + count; i++) {
      char c = v.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n;
  }

  /** Detection without the whole-second fast path (package-private for its test). */
  static Optional<Instant> detectTimestamp(String v, boolean monthFirst) {
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (EPOCH_MILLIS.matcher(v).matches()) {
        return Optional.of(Instant.ofEpochMilli(Long.parseLong(v)));
      }
      if (EPOCH_SECONDS.matcher(v).matches()) {
        java.math.BigDecimal seconds = new java.math.BigDecimal(v);
        return Optional.of(Instant.ofEpochSecond(seconds.longValue(),
            seconds.remainder(java.math.BigDecimal.ONE).movePointRight(9).intValue()));
      }
      Matcher compact = COMPACT.matcher(v);
      if (compact.matches()) {
        return Optional.of(LocalDate.of(Integer.parseInt(compact.group(1)),
            Integer.parseInt(compact.group(2)), Integer.parseInt(compact.group(3)))
            .atStartOfDay().toInstant(ZoneOffset.UTC));
      }
    } catch (DateTimeException | ArithmeticException e) {
      return Optional.empty();
    }
    Optional<Instant> iso = iso(v);
    if (iso.isPresent()) {
      return iso;
    }
    Matcher m = NUMERIC.matcher(v);
    if (m.matches()) {
      return numeric(m, monthFirst);
    }
    return Optional.empty();
  }

  private static Optional<Instant> iso(String v) {
    String t = v.length() > 10 && v.charAt(10) == ' ' ? v.substring(0, 10) + 'T' + v.substring(11) : v;
    try {
      return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // not with an offset
    }
    try {
      return Optional.of(ZonedDateTime.parse(t, DateTimeFormatter.ISO_ZONED_DATE_TIME).toInstant());
    } catch (DateTimeParseException e) {
      // not with a zone
    }
    try {
      return Optional.of(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      // not a local date-time
    }
    try {
      return Optional.of(LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay().toInstant(ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<Instant> numeric(Matcher m, boolean monthFirst) {
    String a = m.group(1);
    String b = m.group(3);
    String c = m.group(4);
    LocalDate date;
    if (a.length() == 4) {
      date = date(Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c));
    } else if (c.length() == 4 || c.length() == 2) {
      int year = c.length() == 4 ? Integer.parseInt(c) : 2000 + Integer.parseInt(c);
      int first = Integer.parseInt(a);
      int second = Integer.parseInt(b);
      LocalDate preferred = monthFirst ? date(year, first, second) : date(year, second, first);
      date = preferred != null ? preferred : monthFirst ? date(year, second, first) : date(year, first, second);
    } else {
      return Optional.empty();
    }
    if (date == null) {
      return Optional.empty();
    }
    LocalTime time = LocalTime.MIDNIGHT;
    if (m.group(5) != null) {
      try {
        int nanos = m.group(8) == null ? 0 : Integer.parseInt((m.group(8) + "00000000").substring(0, 9));
        time = LocalTime.of(Integer.parseInt(m.group(5)), Integer.parseInt(m.group(6)),
            m.group(7) == null ? 0 : Integer.parseInt(m.group(7)), nanos);
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
    return Optional.of(date.atTime(time).toInstant(ZoneOffset.UTC));
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }
}
