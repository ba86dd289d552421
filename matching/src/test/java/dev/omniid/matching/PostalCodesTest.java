package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostalCodesTest {

  @ParameterizedTest(name = "{0} ({1}) -> {2}")
  @CsvSource({
    "28013, ES, 28013",
    "08001, es, 08001",
    "8001, ES, 08001",
    "' 28 013 ', ES, 28013",
    "06600, MX, 06600",
    "90210, US, 90210",
    "90210-1234, US, 90210",
    "902101234, US, 90210",
    "7030, US, 07030",
    "2000, AU, 2000",
    "0800, AU, 0800",
    "C1425DKB, AR, C1425DKB",
    "c1425dkb, AR, C1425DKB",
    "1425, AR, 1425",
    "sw1a 1aa, GB, SW1A1AA",
    "k1a-0b1, , K1A0B1",
  })
  void normalizes(String raw, String region, String expected) {
    assertEquals(expected, PostalCodes.normalize(raw, region));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource({
    "123, ES",
    "280130, ES",
    "ABCDE, MX",
    "12345-12, US",
    "20000, AU",
    "C14DKB, AR",
    "1, ",
    "28013!, ES",
    "'', ES",
  })
  void refuses(String raw, String region) {
    OmniIdException e =
        assertThrows(OmniIdException.class, () -> PostalCodes.normalize(raw, region));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertEquals("postal_code", e.field());
    if (raw.length() > 2) {
      assertFalse(e.getMessage().contains(raw));
    }
  }

  @Test
  void normalizerIsIdempotent() {
    var es = PostalCodes.normalizer("ES");
    assertEquals("08001", es.normalize(es.normalize("8001")));
  }
}
