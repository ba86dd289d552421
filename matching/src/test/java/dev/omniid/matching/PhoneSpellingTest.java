package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.omniid.core.OmniIdException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PhoneNormalizer} parses and caches a phone under its spelling without spaces, dashes and
 * dots. That is only sound if libphonenumber reads those separators as nothing: these tests check
 * that the spelling changes no outcome, on every region's example numbers respelled at random.
 */
class PhoneSpellingTest {
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String SEPARATORS = " -.";

  @ParameterizedTest(name = "[{0}] -> [{1}]")
  @CsvSource(delimiter = '|', value = {
      "+34 612-34.56 78|+34612345678",
      " 612 345 678 |612345678",
      "0034 612 345 678|0034612345678",
      "415.555.2671|4155552671",
      "--|''",
      "+ 34 612|+34612",
  })
  void spacesDashesAndDotsAreLeftOut(String value, String spelling) {
    assertEquals(spelling, PhoneNormalizer.spelling(value));
  }

  /** What may mean more than punctuation keeps the value as written, the same instance. */
  @ParameterizedTest(name = "[{0}]")
  @ValueSource(strings = {"612345678", "+34612345678", "(55) 1234-5678", "34+612 345 678",
      "+1 415 555 2671 ext. 12", "612 345 678 x12", "tel:+34-612-34-56-78", "６１２ ３４５ ６７８",
      "612\t345\t678", "+34~8185550199", "+1?5552671", "612/345/678", "612-345-678-ANALOPEZ"})
  void anythingElseKeepsItsSpelling(String value) {
    assertSame(value, PhoneNormalizer.spelling(value));
  }

  /** A value longer than any phone is refused as written, though its digits alone are fewer. */
  @Test
  void aValueLongerThanAPhoneKeepsItsSpellingAndStaysRefused() {
    String value = "612 345 678" + " 1".repeat(30);
    assertSame(value, PhoneNormalizer.spelling(value));
    assertEquals(OmniIdException.Reason.TOO_LARGE, PhoneNormalizer.compute(value, "ES"));
    assertThrows(OmniIdException.class, () -> PhoneNormalizer.forRegion("ES").normalize(value));
  }

  /**
   * Property: the example number of every type in every region libphonenumber supports, in
   * E.164, international and national format, respelled with spaces, dashes and dots at random
   * (a digit changed now and then, so that invalid, unverified and local-only numbers are met
   * too), twice, has the outcome its spelling without them has. Spellings that keep parentheses or
   * letters are checked to keep their spelling.
   */
  @RepeatedTest(6)
  void theSpellingChangesNoOutcome(RepetitionInfo repetition) {
    long seed = 0x2545F4914F6CDD1DL * repetition.getCurrentRepetition();
    Random random = new Random(seed);
    int respelled = 0;
    int kept = 0;
    TreeSet<String> outcomes = new TreeSet<>();
    for (String region : new TreeSet<>(UTIL.getSupportedRegions())) {
      for (String written : examples(region)) {
        for (int k = 0; k < 2; k++) {
          String value = respell(written, random);
          String spelling = PhoneNormalizer.spelling(value);
          if (spelling == value) {
            kept++;
            continue;
          }
          respelled++;
          // Read in the example's region and in one other, so that foreign numbers are met.
          for (String reading : new String[] {region, random.nextBoolean() ? "ES" : "US"}) {
            Object asWritten = PhoneNormalizer.compute(value, reading);
            assertEquals(asWritten, PhoneNormalizer.compute(spelling, reading),
                "[" + value + "] read in " + reading + ", seed=" + seed);
            outcomes.add(asWritten instanceof String s ? PhoneNormalizer.form(s).name()
                : asWritten.toString());
          }
        }
      }
    }
    assertTrue(respelled > 6_000, "respelled " + respelled);
    assertTrue(kept > 500, "kept as written " + kept);
    assertEquals(new TreeSet<>(List.of("INVALID_VALUE", "LOCAL_ONLY", "UNVERIFIED", "VALID")),
        outcomes, "every outcome was met");
  }

  /**
   * Property: random digits, 1 to 20 of them, with or without a leading {@code +} and separators
   * anywhere (leading and trailing too), have the outcome of their spelling, in five regions.
   */
  @RepeatedTest(6)
  void randomDigitsHaveTheOutcomeOfTheirSpelling(RepetitionInfo repetition) {
    long seed = 0x9E3779B97F4A7C15L * repetition.getCurrentRepetition() + 11;
    Random random = new Random(seed);
    String[] regions = {"ES", "US", "MX", "DE", "GB"};
    for (int i = 0; i < 2_000; i++) {
      StringBuilder value = new StringBuilder();
      if (random.nextInt(4) == 0) {
        value.append(separator(random));
      }
      if (random.nextInt(3) == 0) {
        value.append('+');
      }
      int digits = 1 + random.nextInt(20);
      for (int d = 0; d < digits; d++) {
        value.append((char) ('0' + random.nextInt(10)));
        if (random.nextInt(3) == 0) {
          value.append(separator(random));
        }
      }
      String written = value.toString();
      String spelling = PhoneNormalizer.spelling(written);
      String region = regions[random.nextInt(regions.length)];
      assertEquals(PhoneNormalizer.compute(written, region),
          PhoneNormalizer.compute(spelling, region),
          "[" + written + "] read in " + region + ", seed=" + seed + ", case " + i);
    }
  }

  /**
   * The cache is keyed by the spelling: a number first met as {@code 612 34 56 78} and then as
   * {@code 612-345-678} is one entry, and each gives what a normalizer without a cache gives.
   */
  @Test
  void spellingsOfOneNumberShareACacheEntry() {
    PhoneNormalizer cached = PhoneNormalizer.forRegion("ES", 10);
    PhoneNormalizer uncached = PhoneNormalizer.forRegion("ES", 0);
    for (String value : List.of("612 34 56 78", "612-345-678", "612345678", "612.345.678")) {
      assertEquals(uncached.normalize(value), cached.normalize(value), value);
      assertEquals("+34612345678", cached.normalize(value), value);
    }
  }

  private static List<String> examples(String region) {
    List<String> written = new ArrayList<>();
    for (PhoneNumberType type : PhoneNumberType.values()) {
      PhoneNumber example = UTIL.getExampleNumberForType(region, type);
      if (example == null) {
        continue;
      }
      for (PhoneNumberFormat format : List.of(PhoneNumberFormat.E164,
          PhoneNumberFormat.INTERNATIONAL, PhoneNumberFormat.NATIONAL)) {
        written.add(UTIL.format(example, format));
      }
    }
    return written;
  }

  /** The value with separators inserted at random, a digit changed now and then. */
  private static String respell(String written, Random random) {
    StringBuilder value = new StringBuilder(written.length() * 2);
    if (random.nextInt(8) == 0) {
      value.append(separator(random));
    }
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c >= '0' && c <= '9' && random.nextInt(10) == 0) {
        c = (char) ('0' + random.nextInt(10));
      }
      if (c == ' ' && random.nextInt(3) == 0) {
        continue;
      }
      value.append(c);
      if (random.nextInt(5) == 0) {
        value.append(separator(random));
      }
    }
    return value.toString();
  }

  private static char separator(Random random) {
    return SEPARATORS.charAt(random.nextInt(SEPARATORS.length()));
  }
}
