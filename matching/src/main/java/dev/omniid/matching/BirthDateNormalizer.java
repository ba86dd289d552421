package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The normalizer for birth dates: reads the common written forms and returns ISO
 * {@code yyyy-mm-dd}.
 *
 * <p>Accepted forms:
 *
 * <ul>
 *   <li>ISO {@code 1985-03-07} (also with {@code /} or {@code .}, and with a time after {@code T}
 *       or a space, which is ignored) and compact {@code 19850307};
 *   <li>numeric day and month: {@code 07/03/1985}, {@code 7-3-85}, {@code 7.3.1985},
 *       {@code 07031985} — read day first by default (Spain, Latin America, Australia, UK) or month
 *       first with {@link Builder#monthFirst()} (US). When both numbers are 12 or less the
 *       configured order decides; when the configured order gives no real date but the other does
 *       ({@code 03/17/1985} day first) the other order is used;
 *   <li>month names or abbreviations in English or Spanish, in any order with the day:
 *       {@code 7 mar 1985}, {@code March 7, 1985}, {@code 7th March 1985}, {@code 7 de marzo de
 *       1985}, {@code 07-MAR-85}; weekday names are ignored.
 * </ul>
 *
 * <p>A two-digit year {@code yy} is {@code 20yy} when {@code yy} is at most the pivot and
 * {@code 19yy} otherwise; the default pivot is this year's last two digits, so a two-digit year
 * never lands in the future. The date must exist (no 30 February), be in 1900 or later and not
 * after today (by the configured clock). Anything else throws {@link OmniIdException} with
 * {@link Reason#INVALID_VALUE} on field {@code birth_date}, without the value in the message.
 * Idempotent: its own output parses to itself. Instances are immutable and thread-safe.
 */
public final class BirthDateNormalizer implements Normalizer {

  /** The longest raw value accepted, in chars. */
  public static final int MAX_LENGTH = 64;

  private static final String FIELD = "birth_date";
  private static final int MIN_YEAR = 1900;

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("january", 1), Map.entry("jan", 1), Map.entry("enero", 1), Map.entry("ene", 1),
          Map.entry("february", 2), Map.entry("feb", 2), Map.entry("febrero", 2),
          Map.entry("march", 3), Map.entry("mar", 3), Map.entry("marzo", 3),
          Map.entry("april", 4), Map.entry("apr", 4), Map.entry("abril", 4), Map.entry("abr", 4),
          Map.entry("may", 5), Map.entry("mayo", 5),
          Map.entry("june", 6), Map.entry("jun", 6), Map.entry("junio", 6),
          Map.entry("july", 7), Map.entry("jul", 7), Map.entry("julio", 7),
          Map.entry("august", 8), Map.entry("aug", 8), Map.entry("agosto", 8),
          Map.entry("ago", 8),
          Map.entry("september", 9), Map.entry("sep", 9), Map.entry("sept", 9),
          Map.entry("septiembre", 9), Map.entry("setiembre", 9), Map.entry("set", 9),
          Map.entry("october", 10), Map.entry("oct", 10), Map.entry("octubre", 10),
          Map.entry("november", 11), Map.entry("nov", 11), Map.entry("noviembre", 11),
          Map.entry("december", 12), Map.entry("dec", 12), Map.entry("diciembre", 12),
          Map.entry("dic", 12));

  /** Words that may surround a date and carry nothing: Spanish "de", weekdays, "of", "the". */
  private static final Set<String> FILLER =
      Set.of(
          "de", "del", "of", "the", "el", "monday", "tuesday", "wednesday", "thursday", "friday",
          "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
          "sun", "lunes", "martes", "miercoles", "jueves", "viernes", "sabado", "domingo", "lun",
          "mie", "jue", "vie", "sab", "dom");

  private static final Set<String> ORDINAL_SUFFIXES = Set.of("st", "nd", "rd", "th", "o", "ro");

  private static final BirthDateNormalizer DAY_FIRST = newBuilder().build();

  private final boolean dayFirst;
  private final int pivot;
  private final Clock clock;
  /**
   * Dates read lately (see {@link RecentResults}): the default blocking keys, the match field and
   * the person rule each read a touchpoint's birth date.
   */
  private final RecentResults recent = new RecentResults("birth dates");

  private BirthDateNormalizer(Builder builder) {
    this.dayFirst = builder.dayFirst;
    this.clock = builder.clock;
    this.pivot = builder.pivot >= 0 ? builder.pivot : LocalDate.now(builder.clock).getYear() % 100;
  }

  /**
   * Returns the day-first normalizer with the default pivot and the system UTC clock.
   *
   * @return a shared immutable normalizer reading {@code 03/07/1985} as 3 July 1985
   */
  public static BirthDateNormalizer dayFirst() {
    return DAY_FIRST;
  }

  /**
   * Returns a builder with the defaults: day first, pivot from the clock, system UTC clock.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Returns the ISO form {@code yyyy-mm-dd} of a birth date.
   *
   * @throws OmniIdException with {@link Reason#INVALID_VALUE} if the value is not a real,
   *     plausible birth date, or {@link Reason#TOO_LARGE} if it is longer than {@value
   *     #MAX_LENGTH} characters
   */
  @Override
  public String normalize(String value) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, FIELD, "is longer than " + MAX_LENGTH);
    }
    // Remembering an accepted date is safe as the clock moves on: a date not after today stays
    // so, and the pivot is fixed when the normalizer is built. Refusals are not remembered, so a
    // date refused as in the future is read again when asked again.
    return recent.get(value, this::compute);
  }

  /** {@link #normalize} of a value within the length bound, not remembered. */
  String compute(String value) {
    String folded = Folding.fold(value.strip());
    folded = dropTime(folded);
    List<String> numbers = new ArrayList<>(3);
    List<Integer> months = new ArrayList<>(1);
    splitTokens(folded, numbers, months);
    LocalDate date;
    if (months.size() == 1 && numbers.size() == 2) {
      date = withMonthName(numbers, months.get(0));
    } else if (months.isEmpty() && numbers.size() == 3) {
      date = numeric(numbers);
    } else if (months.isEmpty() && numbers.size() == 1 && numbers.get(0).length() == 8) {
      date = compact(numbers.get(0));
    } else {
      throw invalid("is not a recognised date format");
    }
    if (date.getYear() < MIN_YEAR) {
      throw invalid("is before " + MIN_YEAR);
    }
    if (date.isAfter(LocalDate.now(clock))) {
      throw invalid("is in the future");
    }
    return date.toString();
  }

  @Override
  public String toString() {
    return "BirthDateNormalizer[" + (dayFirst ? "day first" : "month first") + ", pivot " + pivot
        + "]";
  }

  /** Drops an ISO time part: "1985-03-07t10:00:00z" or "1985-03-07 10:00". */
  private static String dropTime(String s) {
    if (s.length() > 10
        && isDigits(s, 0, 4)
        && (s.charAt(10) == 't' || s.charAt(10) == ' ')
        && s.indexOf(':', 10) > 0) {
      return s.substring(0, 10);
    }
    return s;
  }

  private static boolean isDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static void splitTokens(String s, List<String> numbers, List<Integer> months) {
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        int start = i;
        while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
          i++;
        }
        int suffixStart = i;
        while (i < n && Folding.isAsciiLetter(s.charAt(i))) {
          i++;
        }
        String suffix = s.substring(suffixStart, i);
        if (!suffix.isEmpty() && !ORDINAL_SUFFIXES.contains(suffix)) {
          // "07mar1985": the letters are a month, not an ordinal suffix.
          i = suffixStart;
        }
        if (i - start > 8 || numbers.size() == 3) {
          throw invalid("has too many digits");
        }
        numbers.add(s.substring(start, suffixStart));
      } else if (Character.isLetter(c)) {
        int start = i;
        while (i < n && Character.isLetter(s.charAt(i))) {
          i++;
        }
        String word = s.substring(start, i);
        Integer month = MONTHS.get(word);
        if (month != null) {
          months.add(month);
        } else if (!FILLER.contains(word)) {
          throw invalid("has an unknown word");
        }
      } else if (c == '-' || c == '/' || c == '.' || c == ',' || c == ' ' || c == '\'') {
        i++;
      } else {
        throw invalid("has an unexpected character");
      }
    }
  }

  private LocalDate withMonthName(List<String> numbers, int month) {
    String first = numbers.get(0);
    String second = numbers.get(1);
    if (first.length() == 4 && second.length() <= 2) {
      return date(Integer.parseInt(first), month, Integer.parseInt(second));
    }
    if (first.length() > 2 || (second.length() != 2 && second.length() != 4)) {
      throw invalid("is not a recognised date format");
    }
    return date(year(second), month, Integer.parseInt(first));
  }

  private LocalDate numeric(List<String> numbers) {
    String a = numbers.get(0);
    String b = numbers.get(1);
    String c = numbers.get(2);
    if (a.length() == 4) {
      if (b.length() > 2 || c.length() > 2) {
        throw invalid("is not a recognised date format");
      }
      return date(Integer.parseInt(a), Integer.parseInt(b), Integer.parseInt(c));
    }
    if (a.length() > 2 || b.length() > 2 || (c.length() != 2 && c.length() != 4)) {
      throw invalid("is not a recognised date format");
    }
    return dayMonth(Integer.parseInt(a), Integer.parseInt(b), year(c));
  }

  private LocalDate compact(String digits) {
    int year = Integer.parseInt(digits.substring(0, 4));
    if (year >= MIN_YEAR) {
      return date(year, Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6)));
    }
    // Not yyyymmdd: ddmmyyyy or mmddyyyy.
    return dayMonth(
        Integer.parseInt(digits.substring(0, 2)),
        Integer.parseInt(digits.substring(2, 4)),
        Integer.parseInt(digits.substring(4)));
  }

  /** Reads {@code p q} as day-month or month-day: the configured order first, the other if it fails. */
  private LocalDate dayMonth(int p, int q, int year) {
    int day = dayFirst ? p : q;
    int month = dayFirst ? q : p;
    LocalDate preferred = tryDate(year, month, day);
    if (preferred != null) {
      return preferred;
    }
    LocalDate other = tryDate(year, day, month);
    if (other != null) {
      return other;
    }
    throw invalid("is not a real calendar date");
  }

  private int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 4) {
      return y;
    }
    return y <= pivot ? 2000 + y : 1900 + y;
  }

  private static LocalDate date(int year, int month, int day) {
    LocalDate date = tryDate(year, month, day);
    if (date == null) {
      throw invalid("is not a real calendar date");
    }
    return date;
  }

  private static LocalDate tryDate(int year, int month, int day) {
    if (month < 1 || month > 12 || day < 1 || day > 31) {
      return null;
    }
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      return null;
    }
  }

  private static OmniIdException invalid(String detail) {
    return new OmniIdException(Reason.INVALID_VALUE, FIELD, detail);
  }

  /**
   * Configures a {@link BirthDateNormalizer}. Not thread-safe; each setter validates at once and
   * {@link #build()} returns an immutable normalizer.
   */
  public static final class Builder {
    private boolean dayFirst = true;
    private int pivot = -1;
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    /**
     * Whether ambiguous numeric dates read day first ({@code true}, the default) or month first.
     *
     * @param dayFirst {@code true} to read {@code 03/07/1985} as 3 July, {@code false} as
     *     7 March
     * @return this builder
     */
    public Builder dayFirst(boolean dayFirst) {
      this.dayFirst = dayFirst;
      return this;
    }

    /**
     * Reads ambiguous numeric dates month first, as in the US; same as {@code dayFirst(false)}.
     *
     * @return this builder
     */
    public Builder monthFirst() {
      return dayFirst(false);
    }

    /**
     * Sets the two-digit year pivot: {@code yy <= pivot} is {@code 20yy}, above is {@code 19yy}.
     * Default: the clock's current year modulo 100.
     *
     * @param pivot the last two-digit year read as this century, in {@code 0..99}
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE}) if {@code pivot} is not in 0..99
     */
    public Builder twoDigitYearPivot(int pivot) {
      if (pivot < 0 || pivot > 99) {
        throw new OmniIdException(Reason.INVALID_VALUE, "twoDigitYearPivot", "must be in 0..99");
      }
      this.pivot = pivot;
      return this;
    }

    /**
     * Sets the clock that says what "today" is (for the future check and the default pivot).
     *
     * @param clock the clock, not null; {@link Clock#systemUTC()} unless set, a fixed clock in
     *     tests
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Returns an immutable normalizer with this configuration.
     *
     * @return a thread-safe normalizer; its pivot, when not set, is fixed now from the clock
     */
    public BirthDateNormalizer build() {
      return new BirthDateNormalizer(this);
    }
  }
}
