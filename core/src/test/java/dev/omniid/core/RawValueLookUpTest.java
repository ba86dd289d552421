package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Look-ups and erasure by a raw value accept the spelling a customer gives: the national form
 * of a phone whose touchpoint's country set its region (issue 12, item 5).
 */
class RawValueLookUpTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /**
   * A phone normalizer like the matching module's: a national number is read in the
   * touchpoint's country, else in Spain.
   */
  static final Normalizer PHONE = new Normalizer() {
    private final Map<String, String> codes = Map.of("ES", "34", "MX", "52", "US", "1");

    @Override
    public String normalize(String value) {
      return in(value, "ES");
    }

    @Override
    public String normalize(String value, Touchpoint touchpoint) {
      String country = touchpoint.attributes().get(AttributeKey.COUNTRY);
      return in(value, country != null && codes.containsKey(country) ? country : "ES");
    }

    private String in(String value, String region) {
      String digits = value.replaceAll("[^0-9]", "");
      if (digits.length() < 5) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "phone", "too short");
      }
      return value.strip().startsWith("+") ? "+" + digits : "+" + codes.get(region) + digits;
    }
  };

  private static ResolverBuilder builder() {
    return IdentityResolver.newBuilder().normalizer(IdentifierType.PHONE, PHONE);
  }

  private static Touchpoint tp(String id, String country, String phone) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.STORE).timestamp(T0)
        .identifier(IdentifierType.PHONE, phone);
    if (country != null) {
      b.attribute(AttributeKey.COUNTRY, country);
    }
    return b.build();
  }

  @Test
  void aNationalNumberFindsTheProfileWhoseCountrySetItsRegion() {
    IdentityResolver r = builder().build();
    ProfileId mx = r.resolve(tp("mx", "MX", "55 1234 5678")).profileId();
    r.resolve(tp("es", "ES", "612 345 678"));
    assertEquals(List.of(mx), r.findProfiles(IdentifierType.PHONE, "55 1234 5678").stream()
        .map(Profile::id).toList());
    assertEquals(List.of(mx), r.findProfiles(IdentifierType.PHONE, "+52 55 1234 5678").stream()
        .map(Profile::id).toList());
    // The default region still comes first: a Spanish national number.
    assertEquals(1, r.findProfiles(IdentifierType.PHONE, "612345678").size());
  }

  @Test
  void forgetByTheNationalNumberErasesIt() {
    IdentityResolver r = builder().build();
    r.resolve(tp("mx", "MX", "55 1234 5678"));
    r.resolve(tp("es", "ES", "612 345 678"));
    assertEquals(List.of("mx"), r.forget(IdentifierType.PHONE, "55 1234 5678"));
    assertEquals(List.of(), r.findProfiles(IdentifierType.PHONE, "+525512345678"));
    assertEquals(1, r.touchpointCount());
  }

  @Test
  void forgetByTheNationalNumberErasesItFromAJournaledResolver(@TempDir Path dir) throws Exception {
    try (IdentityResolver r = builder().journal(dir, Durability.syncEachWrite()).build()) {
      r.resolve(tp("mx", "MX", "55 1234 5678"));
      assertEquals(List.of("mx"), r.forget(IdentifierType.PHONE, "55 1234 5678"));
      assertEquals(0, r.touchpointCount());
    }
  }

  @Test
  void aReadingOnlyAnotherCountryInventsFindsNothing() {
    IdentityResolver r = builder().build();
    // The US reading of these digits is a number carried only by a Mexican touchpoint (entered
    // with +1): no US touchpoint vouches for reading the value as American.
    r.resolve(tp("mx", "MX", "+1 55 1234 5678"));
    r.resolve(tp("us", "US", "+1 202 555 0100"));
    assertEquals(List.of(), r.findProfiles(IdentifierType.PHONE, "55 1234 5678"));
    assertEquals(List.of(), r.forget(IdentifierType.PHONE, "55 1234 5678"));
    assertEquals(2, r.touchpointCount());
  }

  @Test
  void aRegionIsTriedOnlyWhileATouchpointGivesIt() {
    IdentityResolver r = builder().build();
    r.resolve(tp("mx", "MX", "55 1234 5678"));
    r.resolve(tp("mx2", "MX", "+52 55 9999 0000"));
    r.remove("mx2");
    assertEquals(1, r.findProfiles(IdentifierType.PHONE, "55 1234 5678").size());
    r.remove("mx");
    r.resolve(tp("nowhere", null, "+52 55 1234 5678"));
    assertTrue(r.findProfiles(IdentifierType.PHONE, "55 1234 5678").isEmpty(),
        "no touchpoint gives MX any more");
  }
}
