package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BlockingKey;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldSource;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.Resolution;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The organisation building blocks: the attribute, the blocking keys, and a model made of them. */
class CompanyNamesTest {

  private static Set<String> sharedKeys(String a, String b) {
    Set<String> shared = new HashSet<>();
    Touchpoint ta = OrganisationTouchpoints.of("a", a);
    Touchpoint tb = OrganisationTouchpoints.of("b", b);
    List<BlockingKey> keys = CompanyNames.blockingKeys();
    for (int i = 0; i < keys.size(); i++) {
      for (String k : keys.get(i).keys(ta)) {
        if (keys.get(i).keys(tb).contains(k)) {
          shared.add(i + ":" + k);
        }
      }
    }
    return shared;
  }

  @Test
  void theAttributeIsOrgName() {
    assertEquals(AttributeKey.of("org_name"), CompanyNames.ORG_NAME);
  }

  @Test
  void spellingsOfOneCompanyMeet() {
    assertEquals(Set.of("0:" + PhoneticKey.of("garcia"), "1:distribuciones garcia hermanos"),
        sharedKeys("Distrib. Hnos. García, S.L.", "Hermanos Garcia Distribuciones SA"));
    assertTrue(!sharedKeys("Distribuciones García S.L.", "Distribuciones Garsía S.L.").isEmpty(),
        "a typo in the surname still meets by sound");
    assertTrue(!sharedKeys("García Hnos. S.L.", "García e Hijos S.L.").isEmpty(),
        "namesakes meet, for the matcher to tell apart");
  }

  @Test
  void genericWordsAloneDoNotBlock() {
    assertEquals(Set.of(), sharedKeys("Distribuciones Norte S.L.", "Distribuciones Sur S.L."));
    assertEquals(Set.of(), sharedKeys("Grupo Alfa", "Grupo Beta"));
  }

  @Test
  void noNameNoKey() {
    Touchpoint none = OrganisationTouchpoints.of("x", "S.A. de C.V.");
    for (BlockingKey key : CompanyNames.blockingKeys()) {
      assertEquals(List.of(), List.copyOf(key.keys(none)));
    }
  }

  /** A model of one field, as the accounts model will use it: the same company links, a namesake does not. */
  @Test
  void aCompanyNameModelLinksSpellingsButNotNamesakes() {
    MatchField name = MatchField.newBuilder("org_name", FieldSource.attribute(CompanyNames.ORG_NAME))
        .normalizer(CompanyNameNormalizer.standard())
        .matcher(CompanyNameMatcher.standard())
        .probabilities(ComparisonLevel.EXACT, 0.60, 0.00005)
        .probabilities(ComparisonLevel.STRONG, 0.25, 0.00002)
        .probabilities(ComparisonLevel.MEDIUM, 0.08, 0.001)
        .probabilities(ComparisonLevel.WEAK, 0.04, 0.01)
        .probabilities(ComparisonLevel.DIFFERENT, 0.03, 0.98)
        .build();
    MatchModel model = MatchModel.newBuilder().field(name).priorMatchProbability(0.01)
        .matchThreshold(0.99).build();
    ResolverBuilder builder = IdentityResolver.newBuilder().matchModel(model);
    CompanyNames.blockingKeys().forEach(builder::blockingKey);
    try (IdentityResolver resolver = builder.build()) {
      assertEquals(Resolution.Outcome.CREATED,
          resolver.resolve(OrganisationTouchpoints.of("portal", "Distrib. Hnos. García, S.L.")).outcome());
      assertEquals(Resolution.Outcome.ATTACHED,
          resolver.resolve(OrganisationTouchpoints.of("app", "Hermanos García Distribuciones SL")).outcome());
      assertEquals(Resolution.Outcome.ATTACHED,
          resolver.resolve(OrganisationTouchpoints.of("rep", "DISTRIBUCIONES HERMANOS GARCIA S.L.U.")).outcome());
      assertEquals(Resolution.Outcome.CREATED,
          resolver.resolve(OrganisationTouchpoints.of("namesake", "Distribuciones Hermanos García S.A.")).outcome());
      assertEquals(Resolution.Outcome.CREATED,
          resolver.resolve(OrganisationTouchpoints.of("other", "Distribuciones Norte S.L.")).outcome());
      assertEquals(3, resolver.profileCount());
    }
  }
}
