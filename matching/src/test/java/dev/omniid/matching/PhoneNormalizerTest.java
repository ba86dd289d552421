package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
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
  @ValueSource(strings = {"12", "not a phone", "+34 123", "0000000000", "+99 1234 5678",
      "612345678901234567890123"})
  void invalidNumbersAreRefusedWithoutTheValue(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> PhoneNormalizer.forRegion("ES").normalize(raw));
    assertEquals("phone", e.field());
    assertFalse(e.getMessage().contains(raw), e.getMessage());
    // A refusal is cached and thrown again, not swallowed.
    assertThrows(OmniIdException.class, () -> PhoneNormalizer.forRegion("ES").normalize(raw));
  }

  @Test
  void anUnsupportedDefaultRegionIsRefusedAtOnce() {
    OmniIdException e = assertThrows(OmniIdException.class, () -> PhoneNormalizer.forRegion("XX"));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
    assertEquals("region", e.field());
    assertEquals("cacheSize", assertThrows(OmniIdException.class,
        () -> PhoneNormalizer.forRegion("ES", -1)).field());
  }
}
