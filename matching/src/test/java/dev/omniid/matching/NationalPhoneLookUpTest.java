package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With the real phone normalizer (default region ES), a Mexican customer's phone given in its
 * national form is found and erased: the touchpoint's COUNTRY set its region (issue 12, item 5).
 */
class NationalPhoneLookUpTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");

  private static Touchpoint mexican(String id, String phone) {
    return Touchpoint.newBuilder(id).channel(Channel.STORE).timestamp(T0)
        .attribute(AttributeKey.COUNTRY, "MX").identifier(IdentifierType.PHONE, phone).build();
  }

  @Test
  void theNationalFormFindsAndErasesTheMexicanNumber() {
    IdentityResolver r = OmniId.resolverBuilder().build();
    ProfileId p = r.resolve(mexican("mx-1", "55 1234 5678")).profileId();
    assertEquals(List.of(p), r.findProfiles(IdentifierType.PHONE, "55 1234 5678").stream()
        .map(Profile::id).toList());
    assertEquals(List.of(p), r.findProfiles(IdentifierType.PHONE, "+52 55 1234 5678").stream()
        .map(Profile::id).toList());
    assertEquals(List.of("mx-1"), r.forget(IdentifierType.PHONE, "55 1234 5678"));
    assertEquals(0, r.touchpointCount());
  }
}
