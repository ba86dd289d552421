package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.PairExplanation;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A large file holds many people of one name (about a dozen "Carlos Molina" among 200,000
 * customers of one country), and some of them have birth dates one keying error apart. With the
 * defaults, names, places and such a birth date describe a person but do not identify her: the
 * pair links only when an email, a phone, an address or postal code, or an exact birth date
 * agrees too. The pairs below were wrong merges of the 200,000-people synthetic file.
 */
class NamesakesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static Touchpoint.Builder carlos(String id, String birthDate) {
    return Touchpoint.newBuilder(id).channel(Channel.CALL_CENTER).timestamp(T0)
        .attribute(AttributeKey.GIVEN_NAME, "Carlos").attribute(AttributeKey.FAMILY_NAME, "Molina")
        .attribute(AttributeKey.BIRTH_DATE, birthDate).attribute(AttributeKey.COUNTRY, "MX")
        .attribute(AttributeKey.CITY, "Monterrey");
  }

  @Test
  void namesAPlaceAndABirthDateOneDigitApartDoNotLink() {
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("MX").build();
    r.resolveAll(List.of(
        carlos("a", "1944-05-22").identifier(IdentifierType.PHONE, "818 580 2776").build(),
        carlos("b", "1944-05-20").identifier(IdentifierType.EMAIL, "carlos.m40053@correo-ficticio.mx").build()));
    PairExplanation why = r.why("a", "b");
    assertFalse(why.sameProfile(), why.explain());
    assertTrue(why.score().orElseThrow().weight() >= why.score().orElseThrow().thresholdWeight(),
        "heavy enough, as before: " + why.explain());
    assertFalse(why.score().orElseThrow().matches());
    assertTrue(why.explain().contains("none that identifies her"), why.explain());
  }

  @Test
  void anExactBirthDateOrASharedPostalCodeIdentifies() {
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("MX").build();
    r.resolveAll(List.of(
        carlos("a", "1944-05-22").build(),
        carlos("b", "22/05/1944").build(),
        carlos("c", "1951-03-14").attribute(AttributeKey.POSTAL_CODE, "64000").build(),
        carlos("d", "1951-03-04").attribute(AttributeKey.POSTAL_CODE, "64000").build()));
    assertTrue(r.why("a", "b").sameProfile(), r.why("a", "b").explain());
    assertTrue(r.why("c", "d").sameProfile(), r.why("c", "d").explain());
    assertEquals(2, r.profileCount());
  }
}
