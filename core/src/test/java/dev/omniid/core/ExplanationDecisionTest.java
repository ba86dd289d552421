package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: an explanation leads with the resolver's decision and what made it, never with the
 * pair's own score, which is labelled as the scored comparison of the pair alone; the threshold
 * shows as a probability with its weight in brackets; and the resolver's outputs cannot be forged
 * through a public constructor.
 */
class ExplanationDecisionTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  /** A resolver whose model scores a shared phone below its threshold: the phone still links. */
  private static IdentityResolver resolverWithModel() {
    return IdentityResolver.newBuilder().matchModel(RandomTouchpoints.model())
        .blockingKey(RandomTouchpoints.BY_FAMILY).build();
  }

  private static String firstLine(String text) {
    return text.lines().findFirst().orElseThrow();
  }

  @Test
  void aSharedPhoneLeadsAsTheDecisionAlthoughThePairScoresBelowTheThreshold() {
    IdentityResolver r = resolverWithModel();
    r.resolve(tp("a").identifier(IdentifierType.PHONE, "+525512341234")
        .attribute(AttributeKey.GIVEN_NAME, "ana").attribute(AttributeKey.FAMILY_NAME, "ruiz").build());
    r.resolve(tp("b").identifier(IdentifierType.PHONE, "+52 55 1234 1234")
        .attribute(AttributeKey.GIVEN_NAME, "luis").attribute(AttributeKey.FAMILY_NAME, "ruiz").build());
    PairExplanation why = r.why("a", "b");
    assertTrue(why.sameProfile());
    assertFalse(why.score().orElseThrow().matches(), "the premise: alone the pair does not score");
    ProfileId profile = r.profileIdOf("a").orElseThrow();
    assertEquals(profile, why.profileId());
    assertEquals(profile, why.otherProfileId());
    assertEquals(1, why.path().size());
    assertEquals(Evidence.Kind.SHARED_IDENTIFIER, why.path().get(0).kind());
    String text = why.explain();
    assertEquals("a and b are in the same profile " + profile + ": linked by a shared phone ("
        + Pii.mask("+525512341234") + ") [deterministic]", firstLine(text), text);
    assertTrue(text.contains("scored comparison of this pair alone"), text);
    assertTrue(text.contains("below the threshold 0.9 (+3.17)"), text);
    assertTrue(text.indexOf("same profile") < text.indexOf("below the threshold"), text);
    assertFalse(text.contains("525512341234") || text.contains("55 1234 1234"), "masked: " + text);
  }

  @Test
  void threeCarriersOfOnePhoneAreToldAsSharingItNotAsAChain() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    for (String id : List.of("a", "b", "c")) {
      r.resolve(tp(id).identifier(IdentifierType.PHONE, "+34612345678").build());
    }
    PairExplanation why = r.why("b", "c");
    assertEquals(1, why.path().size(), why.explain());
    assertTrue(firstLine(r.why("a", "a").explain()).endsWith(": they are one touchpoint"),
        r.why("a", "a").explain());
    assertTrue(firstLine(why.explain()).contains("linked by a shared phone"), why.explain());
  }

  @Test
  void aChainThroughAnotherTouchpointNamesIt() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a").identifier(IdentifierType.EMAIL, "ana@example.com").build());
    r.resolve(tp("t-7").identifier(IdentifierType.EMAIL, "ana@example.com")
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    r.resolve(tp("b").identifier(IdentifierType.PHONE, "+34612345678").build());
    PairExplanation why = r.why("a", "b");
    assertTrue(why.sameProfile());
    assertTrue(why.evidence().isEmpty(), "nothing directly between them");
    assertEquals(2, why.path().size());
    assertEquals("t-7", why.path().get(0).otherTouchpointId().equals("a")
        ? why.path().get(0).touchpointId() : why.path().get(0).otherTouchpointId());
    String text = why.explain();
    assertEquals("a and b are in the same profile " + why.profileId()
        + " through t-7 (a chain of 2 links):", firstLine(text), text);
    assertTrue(text.contains("share email:") && text.contains("share phone:"), text);
    assertFalse(text.contains("ana@example.com"), text);
  }

  @Test
  void differentProfilesLeadWithTheRefusal() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a").identifier(IdentifierType.CUSTOMER_ID, "C1")
        .identifier(IdentifierType.EMAIL, "family@example.com").build());
    r.resolve(tp("b").identifier(IdentifierType.CUSTOMER_ID, "C2")
        .identifier(IdentifierType.EMAIL, "family@example.com").build());
    PairExplanation why = r.why("a", "b");
    assertFalse(why.sameProfile());
    assertTrue(why.path().isEmpty());
    assertEquals(Evidence.Kind.EXCLUSIVE_CONFLICT, why.refusals().get(0).kind());
    String text = why.explain();
    assertEquals("a and b are in different profiles " + why.profileId() + " and "
        + why.otherProfileId() + ", refused because:", firstLine(text), text);
    assertTrue(text.contains("of an exclusive type: kept apart"), text);
    assertFalse(text.contains("family@example.com"), text);

    r.resolve(tp("z").identifier(IdentifierType.EMAIL, "zoe@example.com").build());
    String nothing = r.why("a", "z").explain();
    assertTrue(firstLine(nothing).endsWith(": nothing links them (no identifier that links is"
        + " shared between their profiles, and no scored match joins them)"), nothing);
  }

  @Test
  void aScoredLinkLeadsWithItsProbabilityAndTheWeightInBrackets() {
    IdentityResolver r = resolverWithModel();
    r.resolve(tp("a").attribute(AttributeKey.GIVEN_NAME, "anabel")
        .attribute(AttributeKey.FAMILY_NAME, "garcia").attribute(AttributeKey.BIRTH_DATE, "1980-01-05").build());
    r.resolve(tp("b").attribute(AttributeKey.GIVEN_NAME, "anabella")
        .attribute(AttributeKey.FAMILY_NAME, "garcia").attribute(AttributeKey.BIRTH_DATE, "1980-01-05").build());
    PairExplanation why = r.why("a", "b");
    MatchScore score = why.score().orElseThrow();
    String first = firstLine(why.explain());
    assertTrue(first.matches("a and b are in the same profile P-\\d+: linked by their scored match,"
        + " probability 0\\.\\d+ \\(weight \\+\\d+\\.\\d\\d\\) \\[probabilistic\\]"), first);
    assertTrue(first.contains(MatchOdds.probabilityText(score.probability())), first);
    assertTrue(why.explain().contains("at or above the threshold 0.9 (+3.17)"), why.explain());
    assertTrue(why.path().get(0).explain().contains("(match probability "), why.path().get(0).explain());
  }

  @Test
  void probabilitiesAreShownWithoutRoundingUpToOne() {
    assertEquals("0.99", MatchOdds.probabilityText(0.99));
    assertEquals("0.9885", MatchOdds.probabilityText(0.98853));
    assertEquals("0.99999", MatchOdds.probabilityText(0.99999));
    assertEquals("1.0", MatchOdds.probabilityText(1.0));
    assertEquals(0.99, MatchOdds.probability(MatchOdds.weight(0.99)), 1e-12);
    MatchModel model = RandomTouchpoints.model().toBuilder().matchThreshold(0.99).build();
    assertEquals(0.99, model.matchThreshold(), 1e-12);
    assertEquals(MatchOdds.weight(0.99), model.thresholdWeight(), 1e-12);
    assertEquals(model.thresholdWeight(),
        RandomTouchpoints.model().toBuilder().thresholdWeight(model.thresholdWeight()).build()
            .thresholdWeight(), 0);
    assertTrue(model.toString().contains("threshold=0.99 (+6.63)"), model.toString());
  }

  @Test
  void theResolversOutputsHaveNoPublicConstructor() {
    for (Class<?> type : List.of(Profile.class, Resolution.class, PairExplanation.class,
        BatchResult.class)) {
      assertFalse(type.isRecord(), type + " is a record, whose canonical constructor is public");
      assertTrue(Modifier.isFinal(type.getModifiers()), type + " is final");
      for (Constructor<?> c : type.getDeclaredConstructors()) {
        assertFalse(Modifier.isPublic(c.getModifiers()) || Modifier.isProtected(c.getModifiers()),
            c + " lets a user forge the resolver's output");
      }
    }
  }

  @Test
  void theConvertedOutputsKeepValueSemantics() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    Resolution first = r.resolve(tp("a").identifier(IdentifierType.EMAIL, "ana@example.com").build());
    r.resolve(tp("b").identifier(IdentifierType.EMAIL, "ana@example.com").build());
    assertEquals(r.profileOfTouchpoint("a").orElseThrow(), r.profileOfTouchpoint("b").orElseThrow());
    assertEquals(r.profileOfTouchpoint("a").orElseThrow().hashCode(),
        r.profileOfTouchpoint("b").orElseThrow().hashCode());
    assertEquals(r.why("a", "b"), r.why("a", "b"));
    assertEquals(r.why("a", "b").hashCode(), r.why("a", "b").hashCode());
    assertEquals(first.profileId(), r.profileIdOf("b").orElseThrow());
    assertTrue(first.toString().startsWith("Resolution[touchpointId=a, outcome=CREATED"), first.toString());
    assertFalse(first.toString().contains("ana@example.com"), first.toString());
  }
}
