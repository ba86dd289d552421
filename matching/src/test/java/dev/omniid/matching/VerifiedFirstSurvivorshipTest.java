package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.Channel;
import dev.omniid.core.GoldenRecord;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link OmniId#survivorshipRules()}: a verified value survives over a more frequent or more
 * recent unverified one; the plain defaults pick by frequency alone.
 */
class VerifiedFirstSurvivorshipTest {
  private static final PhoneNormalizer PHONES = PhoneNormalizer.forRegion("ES");

  private static Touchpoint touchpoint(String id, int day, String phone, String email) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2026-0" + day + "-01T10:00:00Z"))
        .identifier(IdentifierType.of("customer_id"), "C-1");
    if (phone != null) {
      b.identifier(IdentifierType.PHONE, phone);
    }
    if (email != null) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    return b.build();
  }

  private static Profile profile(List<Touchpoint> touchpoints) {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    resolver.resolveAll(touchpoints);
    List<Profile> profiles = resolver.profiles().toList();
    assertEquals(1, profiles.size(), "one customer id: one profile");
    return profiles.get(0);
  }

  @Test
  void aValidPhoneSurvivesOverAMoreFrequentUnverifiedOne() {
    String unverified = "818 555 0199";
    String valid = "612 345 678";
    assertEquals(PhoneNormalizer.Form.UNVERIFIED, PhoneNormalizer.form(PHONES.normalize(unverified)));
    assertEquals(PhoneNormalizer.Form.VALID, PhoneNormalizer.form(PHONES.normalize(valid)));
    Profile p = profile(List.of(touchpoint("a", 1, unverified, null),
        touchpoint("b", 2, unverified, null), touchpoint("c", 3, valid, null)));

    assertEquals(PHONES.normalize(unverified), p.golden().phone().orElseThrow().value(),
        "the plain defaults take the most frequent");
    GoldenRecord.Field phone = GoldenRecord.of(p, OmniId.survivorshipRules()).phone().orElseThrow();
    assertEquals("+34612345678", phone.value());
    assertEquals("c", phone.touchpointId());
    assertEquals(valid, phone.raw());
  }

  @Test
  void anEmailOnNoJunkListSurvivesOverAListedOne() {
    Profile p = profile(List.of(touchpoint("a", 1, null, "noreply@tienda.es"),
        touchpoint("b", 2, null, "noreply@tienda.es"), touchpoint("c", 3, null, "ana.ruiz@correo.es")));

    assertEquals("noreply@tienda.es", p.golden().email().orElseThrow().value());
    assertEquals("ana.ruiz@correo.es",
        GoldenRecord.of(p, OmniId.survivorshipRules()).email().orElseThrow().value());
  }
}
