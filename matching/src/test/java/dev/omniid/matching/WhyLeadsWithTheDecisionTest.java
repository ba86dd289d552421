package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchModel;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.PairExplanation;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, as a user met it: two touchpoints linked by a shared phone printed {@code total +6.42
 * (probability 0.9885) < threshold +6.63}, which reads as "not a match" although they are one
 * profile. The explanation now leads with the decision and its evidence, and every threshold is a
 * probability with the weight in brackets.
 */
class WhyLeadsWithTheDecisionTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  @Test
  void aSharedPhoneIsTheDecisionAndTheScoreOnlyItsDetail() {
    try (IdentityResolver r = OmniId.resolverBuilder().defaultRegion("MX").build()) {
      r.resolve(Touchpoint.newBuilder("crm-17").channel(Channel.SALES_REP).timestamp(T0)
          .identifier(IdentifierType.PHONE, "+52 55 1234 5678")
          .attribute(AttributeKey.GIVEN_NAME, "Ana").attribute(AttributeKey.FAMILY_NAME, "Ruiz").build());
      r.resolve(Touchpoint.newBuilder("pos-0193").channel(Channel.STORE).timestamp(T0)
          .identifier(IdentifierType.PHONE, "55 1234 5678").build());
      PairExplanation why = r.why("crm-17", "pos-0193");
      assertTrue(why.sameProfile());
      assertFalse(why.score().orElseThrow().matches(), "the premise: alone the pair scores below");
      String text = why.explain();
      String first = text.lines().findFirst().orElseThrow();
      assertTrue(first.startsWith("crm-17 and pos-0193 are in the same profile "), first);
      assertTrue(first.endsWith(": linked by a shared phone (+52********78) [deterministic]"), first);
      assertTrue(text.contains("scored comparison of this pair alone"), text);
      assertTrue(text.matches("(?s).*total +probability \\d\\.\\d+ \\(weight [+-]\\d+\\.\\d\\d\\)"
          + " below the threshold 0\\.99 \\(\\+6\\.63\\).*"), text);
      assertTrue(text.contains("(on its own the pair would not link; the shared identifier links it)"),
          text);
      assertFalse(text.contains("5512345678") || text.contains("1234 5678"), text);
    }
  }

  @Test
  void theThresholdIsSetAsAProbability() {
    MatchModel defaults = OmniId.defaultMatchModel("ES", false);
    assertEquals(0.99, defaults.matchThreshold(), 1e-12);
    assertEquals(6.63, defaults.thresholdWeight(), 0.005);
    IdentityResolver r = OmniId.resolverBuilder().matchThreshold(0.995).build();
    r.resolve(Touchpoint.newBuilder("a").channel(Channel.WEB).timestamp(T0)
        .attribute(AttributeKey.GIVEN_NAME, "Ana").build());
    r.resolve(Touchpoint.newBuilder("b").channel(Channel.WEB).timestamp(T0)
        .attribute(AttributeKey.GIVEN_NAME, "Ana").build());
    assertEquals(0.995, r.why("a", "b").score().orElseThrow().matchThreshold(), 1e-12);
    OmniIdException bad = assertThrows(OmniIdException.class,
        () -> OmniId.resolverBuilder().matchThreshold(6.63));
    assertEquals("matchThreshold", bad.field());
    assertEquals(OmniIdException.Reason.INVALID_VALUE, bad.reason());
  }
}
