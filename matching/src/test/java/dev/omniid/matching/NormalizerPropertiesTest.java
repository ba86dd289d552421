package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the person-attribute normalizers: idempotent on realistic values, and on
 * hostile input (arbitrary Unicode, control characters, huge or empty strings) they either return
 * a value or throw {@link OmniIdException} whose message does not contain the input.
 */
class NormalizerPropertiesTest {
  private static final BirthDateNormalizer DATES =
      BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).build();
  private static final BirthDateNormalizer US_DATES =
      BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).monthFirst().build();
  private static final List<Normalizer> ALL =
      List.of(
          NameNormalizer.standard(), AddressNormalizer.standard(), DATES, US_DATES,
          PostalCodes.normalizer("ES"), PostalCodes.normalizer("US"), PostalCodes.normalizer(null));

  static LongStream seeds() {
    return LongStream.range(0, 500);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void namesAreIdempotent(long seed) {
    Random random = new Random(seed);
    String raw = Generators.rawName(random);
    String once = NameNormalizer.standard().normalize(raw);
    assertEquals(once, NameNormalizer.standard().normalize(once), "seed=" + seed);
    assertTrue(once.matches("[a-z]+( [a-z]+)*"), "seed=" + seed + " gave " + once);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void foldedNamesAreStableUnderNoise(long seed) {
    Random random = new Random(seed);
    String clean = Generators.pick(random, Generators.GIVEN) + " " + Generators.pick(random, Generators.FAMILY);
    String noisy = Generators.noise(random, clean);
    assertEquals(
        NameNormalizer.standard().normalize(clean),
        NameNormalizer.standard().normalize(noisy),
        "seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void addressesAreIdempotent(long seed) {
    Random random = new Random(seed);
    String raw = Generators.rawAddress(random);
    String once = AddressNormalizer.standard().normalize(raw);
    assertEquals(once, AddressNormalizer.standard().normalize(once), "seed=" + seed);
    assertFalse(once.contains("  ") || once.startsWith(" ") || once.endsWith(" "), "seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void birthDatesRoundTripInEveryFormat(long seed) {
    Random random = new Random(seed);
    LocalDate date = LocalDate.of(1900, 1, 1).plusDays(random.nextInt(45_000));
    String iso = date.toString();
    List<String> patterns =
        List.of(
            "yyyy-MM-dd", "yyyyMMdd", "dd/MM/yyyy", "d-M-yyyy", "d.M.yyyy", "d MMM yyyy",
            "MMMM d, yyyy", "EEEE, MMMM d, yyyy", "d 'de' MMMM 'de' yyyy", "dd-MMM-yyyy");
    String pattern = Generators.pick(random, patterns);
    Locale locale = pattern.contains("de") || random.nextBoolean() ? Locale.forLanguageTag("es") : Locale.ENGLISH;
    String raw = date.format(DateTimeFormatter.ofPattern(pattern, locale));
    if (random.nextBoolean()) {
      raw = raw.toUpperCase(Locale.ROOT);
    }
    assertEquals(iso, DATES.normalize(raw), "seed=" + seed + " raw=" + raw);
    assertEquals(iso, DATES.normalize(iso), "seed=" + seed);
    assertEquals(iso, US_DATES.normalize(iso), "seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void twoDigitYearsNeverLandInTheFuture(long seed) {
    Random random = new Random(seed);
    int day = 1 + random.nextInt(28);
    int month = 1 + random.nextInt(12);
    int yy = random.nextInt(100);
    String raw = String.format(Locale.ROOT, "%d/%d/%02d", day, month, yy);
    try {
      String iso = DATES.normalize(raw);
      assertFalse(LocalDate.parse(iso).isAfter(LocalDate.of(2024, 6, 15)), "seed=" + seed);
      assertTrue(iso.endsWith(String.format(Locale.ROOT, "%02d-%02d", month, day))
          || iso.endsWith(String.format(Locale.ROOT, "%02d-%02d", day, month)), "seed=" + seed);
    } catch (OmniIdException e) {
      // Only the later part of 2024 can be refused (in the future).
      assertEquals(24, yy, "seed=" + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void hostileInputOnlyEverThrowsOmniIdExceptionWithoutTheValue(long seed) {
    Random random = new Random(seed);
    String raw = Generators.hostile(random);
    for (Normalizer normalizer : ALL) {
      try {
        String out = normalizer.normalize(raw);
        assertFalse(out.isEmpty(), "seed=" + seed + " " + normalizer);
      } catch (OmniIdException e) {
        if (raw.length() >= 3) {
          assertFalse(e.getMessage().contains(raw), "seed=" + seed + " " + normalizer);
        }
      } catch (RuntimeException e) {
        fail("seed=" + seed + " " + normalizer + " threw " + e.getClass().getName(), e);
      }
    }
    // The phonetic key never throws at all.
    PhoneticKey.of(raw);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void namesAreIdempotentOnArbitraryUnicodeToo(long seed) {
    Random random = new Random(seed);
    String raw = Generators.hostile(random);
    try {
      String once = NameNormalizer.standard().normalize(raw);
      assertEquals(once, NameNormalizer.standard().normalize(once), "seed=" + seed);
    } catch (OmniIdException expected) {
      // Refused: nothing to re-normalize.
    }
  }
}
