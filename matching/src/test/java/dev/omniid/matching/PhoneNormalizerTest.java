package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

  @ParameterizedTest(name = "{0} in {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "+34 612 34 56 78                | ES | +34612345678",
      "0034612345678                   | ES | +34612345678",
      "612 345 678                     | ES | +34612345678",
      "612-34-56-78                    | ES | +34612345678",
      "+34 612 34 56 78                | US | +34612345678",
      "(55) 1234-5678                  | MX | +525512345678",
      "+52 55 1234 5678                | MX | +525512345678",
      "011 54 9 11 1234-5678           | US | +5491112345678",
      "+54 9 11 1234-5678              | AR | +5491112345678",
      "(011) 15-1234-5678              | AR | +5491112345678",
      "+57 321 456 7890                | CO | +573214567890",
      "+1 (415) 555-2671 ext. 12       | US | +14155552671",
      "415.555.2671                    | US | +14155552671",
      "555-2671                        | US | +1?5552671",
      "0412 345 678                    | AU | +61412345678",
      "+61 2 9876 5432                 | AU | +61298765432",
      "(818) 555 0199                  | ES | +34~8185550199",
      "555 0199                        | ES | +34~5550199",
      "07911 123456                    | ES | +34~07911123456",
      "+99 1234 5678                   | ES | +34~9912345678",
      "0099 1234 5678                  | ES | +34~009912345678",
      // 00, the international prefix of most of the world, where the region's is another.
      "0017138674721                   | US | +17138674721",
      "00 1 (713) 867-4721             | US | +17138674721",
      "0057 311 380 1059               | CO | +573113801059",
      "0044 20 7946 0958               | AU | +442079460958",
      // The region's own prefix, when its reading is valid, wins: carrier 005 from Colombia.
      "005 1 713 867 4721              | CO | +17138674721",
      "00 99 1234 5678                 | US | +1~009912345678",
  })
  void realWorldFormats(String raw, String region, String expected) {
    PhoneNormalizer normalizer = PhoneNormalizer.forRegion(region);
    assertEquals(expected, normalizer.normalize(raw));
    assertEquals(expected, normalizer.normalize(expected), "idempotent");
  }

  @Test
  void theTouchpointsCountryIsTheDefaultRegion() {
    Touchpoint mexican = Touchpoint.newBuilder("t").channel(Channel.STORE).timestamp(Instant.EPOCH)
        .attribute(AttributeKey.COUNTRY, "mx").build();
    assertEquals("+525512345678", PhoneNormalizer.forRegion("ES").normalize("55 1234 5678", mexican));
    Touchpoint unknown = Touchpoint.newBuilder("t").channel(Channel.STORE).timestamp(Instant.EPOCH)
        .attribute(AttributeKey.COUNTRY, "Narnia").build();
    assertEquals("+34612345678", PhoneNormalizer.forRegion("ES").normalize("612345678", unknown));
  }

  @ParameterizedTest
  @ValueSource(strings = {"12", "not a phone", "+34 123", "12345", "12-34", "n/a",
      "612345678901234567890123", "+4956"})
  void invalidNumbersAreRefusedWithoutTheValue(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> PhoneNormalizer.forRegion("ES").normalize(raw));
    assertEquals("phone", e.field());
    assertFalse(e.getMessage().contains(raw), e.getMessage());
    // A refusal is cached and thrown again, not swallowed.
    assertThrows(OmniIdException.class, () -> PhoneNormalizer.forRegion("ES").normalize(raw));
  }

  @Test
  void aNationalNumberReadInTheWrongRegionIsKeptUnverifiedAndNeverEqualsAVerifiedNumber() {
    PhoneNormalizer spanish = PhoneNormalizer.forRegion("ES");
    String unverified = spanish.normalize("(818) 555 0199");
    String verified = spanish.normalize("+1 818 555 0199");
    assertEquals("+18185550199", verified);
    assertEquals(PhoneNormalizer.Form.UNVERIFIED, PhoneNormalizer.form(unverified));
    assertEquals(PhoneNormalizer.Form.VALID, PhoneNormalizer.form(verified));
    assertNotEquals(verified, unverified);
    // The same digits, written another way, are the same value: two such records link.
    assertEquals(unverified, spanish.normalize("818-555-0199"));
    assertEquals(unverified, spanish.normalize("818.555.0199"));
    // Read where it belongs, the same digits are a valid number.
    assertEquals(verified, PhoneNormalizer.forRegion("US").normalize("(818) 555 0199"));
  }

  @Test
  void theFormOfEachOutputIsToldBySeparator() {
    assertEquals(PhoneNormalizer.Form.LOCAL_ONLY,
        PhoneNormalizer.form(PhoneNormalizer.forRegion("US").normalize("555-2671")));
    assertEquals(PhoneNormalizer.Form.VALID, PhoneNormalizer.form("+34612345678"));
    assertEquals(PhoneNormalizer.Form.UNVERIFIED, PhoneNormalizer.form("+34~5550199"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"0000000000", "000000", "1111111", "123456", "+34 666 666 666",
      "98765432"})
  void junkNumbersAreKeptButStayJunk(String raw) {
    String normalized = PhoneNormalizer.forRegion("ES").normalize(raw);
    assertTrue(JunkValues.phones().test(normalized), normalized);
  }

  /**
   * Property: a value of 6 to 17 digits (with a {@code +}, 6 or more after any country code: 9 to
   * 17 in all), however it is punctuated and in whatever region it is read, is never refused, and
   * its normalized form reads back as itself in any region.
   */
  @RepeatedTest(20)
  void aPhoneWithSixDigitsOrMoreIsNeverDropped(RepetitionInfo repetition) {
    long seed = 0x9e3779b97f4a7c15L * repetition.getCurrentRepetition();
    Random random = new Random(seed);
    String[] regions = {"ES", "US", "MX", "AR", "GB", "DE", "IT", "AU", "BR", "CO"};
    String[] separators = {"", " ", "-", ".", " - ", "/"};
    for (int i = 0; i < 200; i++) {
      boolean plus = random.nextInt(4) == 0;
      StringBuilder raw = new StringBuilder(plus ? "+" : "");
      int digits = plus ? 9 + random.nextInt(9) : 6 + random.nextInt(12);
      for (int d = 0; d < digits; d++) {
        raw.append((char) ('0' + random.nextInt(10)));
        if (random.nextInt(4) == 0) {
          raw.append(separators[random.nextInt(separators.length)]);
        }
      }
      PhoneNormalizer phones = PhoneNormalizer.forRegion(regions[random.nextInt(regions.length)], 0);
      String value = raw.toString().strip();
      String normalized;
      try {
        normalized = phones.normalize(value);
      } catch (OmniIdException e) {
        throw new AssertionError("refused " + value + " in " + phones + ", seed=" + seed
            + ", case " + i, e);
      }
      for (String region : regions) {
        assertEquals(normalized, PhoneNormalizer.forRegion(region, 0).normalize(normalized),
            "re-read in " + region + ", seed=" + seed + ", case " + i);
      }
    }
  }

  @Test
  void anUnsupportedDefaultRegionIsRefusedAtOnce() {
    OmniIdException e = assertThrows(OmniIdException.class, () -> PhoneNormalizer.forRegion("XX"));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
    assertEquals("region", e.field());
    assertEquals("cacheSize", assertThrows(OmniIdException.class,
        () -> PhoneNormalizer.forRegion("ES", -1)).field());
  }

  /**
   * Normalizers of different regions share one cache: each must still read a number in its own
   * region. The same national digits, asked in turn in four regions (seeded), give what a
   * normalizer without a cache gives.
   */
  @Test
  void normalizersOfDifferentRegionsShareTheirCacheWithoutMixingRegions() {
    String[] regions = {"ES", "US", "MX", "GB"};
    Random random = new Random(7);
    int differing = 0;
    for (int n = 0; n < 400; n++) {
      String digits = (6 + random.nextInt(4)) + String.format("%08d", random.nextInt(100_000_000));
      String first = null;
      for (int k = 0; k < regions.length; k++) {
        String region = regions[(n + k) % regions.length];
        String expected = outcome(PhoneNormalizer.forRegion(region, 0), digits);
        assertEquals(expected, outcome(PhoneNormalizer.forRegion(region), digits), region);
        if (first == null) {
          first = expected;
        } else if (!first.equals(expected)) {
          differing++;
        }
      }
    }
    assertTrue(differing > 400, "the regions read most of these numbers differently: " + differing);
  }

  private static String outcome(PhoneNormalizer phones, String value) {
    try {
      return phones.normalize(value);
    } catch (OmniIdException e) {
      return "refused";
    }
  }
}
