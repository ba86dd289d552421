package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A role account ({@link ResolverBuilder#roleAccounts}: an office's {@code info@}) links only
 * carriers that name agreeing people by a given name; everything else about the value is as
 * before. Each case also resolves its touchpoints in the reverse order and as one batch.
 */
class RoleAccountsTest {
  private static final String OFFICE = "info@shop.example";

  private static ResolverBuilder builder() {
    return IdentityResolver.newBuilder().personRule(RandomTouchpoints.PEOPLE)
        .roleAccounts(IdentifierType.EMAIL, v -> v.startsWith("info@"));
  }

  private static Touchpoint touchpoint(String id, String given, String family, String birth,
      String... emails) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB).eventKind(EventKind.VISIT);
    for (String email : emails) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    if (family != null) {
      b.attribute(AttributeKey.FAMILY_NAME, family);
    }
    if (birth != null) {
      b.attribute(AttributeKey.BIRTH_DATE, birth);
    }
    return b.build();
  }

  /**
   * The partition of {@code touchpoints} resolved in order, in reverse and as one batch: all
   * equal; and each resolution in order equal to the full path's (the fast path switched off).
   */
  private static Set<Set<String>> partition(ResolverBuilder builder, List<Touchpoint> touchpoints) {
    IdentityResolver inOrder = builder.copyOfResolution().build();
    java.util.Map<String, Resolution> inOrderResolutions = new java.util.HashMap<>();
    touchpoints.forEach(t -> inOrderResolutions.put(t.id(), inOrder.resolve(t)));
    IdentityResolver reversed = builder.copyOfResolution().build();
    List<Touchpoint> back = new ArrayList<>(touchpoints);
    Collections.reverse(back);
    back.forEach(reversed::resolve);
    IdentityResolver batch = builder.copyOfResolution().build();
    batch.resolveAll(touchpoints);
    ResolverBuilder fullPathOnly = builder.copyOfResolution();
    fullPathOnly.fastPath = false;
    IdentityResolver full = fullPathOnly.build();
    for (Touchpoint t : touchpoints) {
      Resolution withFullPath = full.resolve(t);
      assertEquals(withFullPath, inOrderResolutions.get(t.id()), "the full path on " + t.id());
    }
    Set<Set<String>> expected = RandomTouchpoints.partition(inOrder);
    assertEquals(expected, RandomTouchpoints.partition(reversed), "reverse order");
    assertEquals(expected, RandomTouchpoints.partition(batch), "one batch");
    return expected;
  }

  @Test
  void aTouchpointNamingNobodyJoinsNoOneThroughTheAccountAndIsToldAmbiguous() {
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("b", null, null, null, OFFICE));
    assertEquals(Set.of(Set.of("a"), Set.of("b")), partition(builder(), tps));
    IdentityResolver resolver = builder().build();
    resolver.resolve(tps.get(0));
    Resolution second = resolver.resolve(tps.get(1));
    assertTrue(second.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.AMBIGUOUS),
        second.evidence()::toString);
  }

  @Test
  void aTouchpointNamingNobodyDoesNotJoinAProfileTheAccountLinksWholly() {
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("b", "ana", null, null, OFFICE),
        touchpoint("c", null, null, null, OFFICE));
    assertEquals(Set.of(Set.of("a", "b"), Set.of("c")), partition(builder(), tps));
  }

  @Test
  void aBirthDateAloneIsNoGivenNameToAgreeWith() {
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("b", null, null, "1970-11-12", OFFICE));
    assertEquals(Set.of(Set.of("a"), Set.of("b")), partition(builder(), tps));
    // Told as what it is: the visitor names a birth date, but no one by a given name.
    IdentityResolver resolver = builder().build();
    resolver.resolve(tps.get(0));
    Resolution second = resolver.resolve(tps.get(1));
    assertTrue(second.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.AMBIGUOUS
        && e.explain().endsWith("names no one by a given name: kept apart")),
        second.evidence()::toString);
  }

  @Test
  void twoTouchpointsNamingOnePersonLinkAndDifferentPeopleDoNot() {
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("b", "ana", null, "1980-01-01", OFFICE),
        touchpoint("c", "luis", "garcia", null, OFFICE));
    assertEquals(Set.of(Set.of("a", "b"), Set.of("c")), partition(builder(), tps));
  }

  @Test
  void anOrdinaryMailboxStillLinksAnyoneTheRuleDoesNotKeepApart() {
    String family = "casa@mail.example";
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, family),
        touchpoint("b", null, null, null, family),
        touchpoint("c", null, null, "1970-11-12", family));
    assertEquals(Set.of(Set.of("a", "b", "c")), partition(builder(), tps));
  }

  @Test
  void theRulesConflictAtARoleAccountKeepsColleaguesOfOneGivenNameApart() {
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("b", "ana", "lopez", null, OFFICE),
        touchpoint("c", "ana", "garcia", null, OFFICE));
    // The default is the rule's conflict: family names never conflict there.
    assertEquals(Set.of(Set.of("a", "b", "c")), partition(builder(), tps));
    ResolverBuilder colleagues = builder().personRule(HouseholdFastPathPropertiesTest.COLLEAGUES);
    assertEquals(Set.of(Set.of("a", "c"), Set.of("b")), partition(colleagues, tps));
    // Told as the person conflict it is, naming the trait.
    IdentityResolver resolver = colleagues.build();
    resolver.resolve(tps.get(0));
    Resolution b = resolver.resolve(tps.get(1));
    assertTrue(b.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.PERSON_CONFLICT
        && e.personConflict() == PersonConflict.FAMILY_NAME
        && e.explain().contains("family names disagree")), b.evidence()::toString);
  }

  @Test
  void anotherValueStillLinksWhatTheAccountDoesNot() {
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE, "ana@mail.example"),
        touchpoint("b", null, null, null, OFFICE, "ana@mail.example"),
        touchpoint("c", null, null, null, OFFICE));
    assertEquals(Set.of(Set.of("a", "b"), Set.of("c")), partition(builder(), tps));
  }

  @Test
  void withoutAPersonRuleTheDeclarationChangesNothing() {
    ResolverBuilder noRule = IdentityResolver.newBuilder()
        .roleAccounts(IdentifierType.EMAIL, v -> v.startsWith("info@"));
    List<Touchpoint> tps = List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("b", null, null, null, OFFICE));
    assertEquals(Set.of(Set.of("a", "b")), partition(noRule, tps));
  }

  @Test
  void aRoleAccountDerivesNoDigestSoItsDigestLinksNothingToIt() {
    IdentifierType digest = IdentifierType.of("email_digest");
    ResolverBuilder hashing = builder()
        .identifierPolicy(digest, IdentifierPolicy.shared(5, 79))
        .derivedIdentifier(IdentifierType.EMAIL, digest, v -> "h:" + v);
    List<Touchpoint> tps = new ArrayList<>(List.of(
        touchpoint("a", "ana", "garcia", null, OFFICE),
        touchpoint("d", null, null, null, "ana@mail.example")));
    tps.add(Touchpoint.newBuilder("b").channel(Channel.WEB).eventKind(EventKind.VISIT)
        .identifier(digest, "h:" + OFFICE).build());
    tps.add(Touchpoint.newBuilder("e").channel(Channel.WEB).eventKind(EventKind.VISIT)
        .identifier(digest, "h:ana@mail.example").build());
    // The digest of an ordinary address links to it; the office's does not.
    assertEquals(Set.of(Set.of("a"), Set.of("b"), Set.of("d", "e")), partition(hashing, tps));
  }

  @Test
  void aFailingPredicateCallsTheValueARoleAccountAndIsReported() {
    ResolverBuilder failing = IdentityResolver.newBuilder().personRule(RandomTouchpoints.PEOPLE)
        .roleAccounts(IdentifierType.EMAIL, v -> {
          throw new IllegalStateException("broken " + v);
        });
    IdentityResolver resolver = failing.build();
    // Tested once, when the value first arrives: the first carrier's resolution reports it.
    Resolution a = resolver.resolve(touchpoint("a", "ana", null, null, OFFICE));
    resolver.resolve(touchpoint("b", null, null, null, OFFICE));
    assertEquals(Set.of(Set.of("a"), Set.of("b")), RandomTouchpoints.partition(resolver));
    assertTrue(a.problems().stream().anyMatch(p -> p.detail().contains("role-account check failed")
        && !p.toString().contains(OFFICE)), a.problems()::toString);
  }

  @ParameterizedTest
  @ValueSource(strings = {"exclusive", "personal"})
  void aTypeThatNamesOnePersonCannotHoldRoleAccounts(String kind) {
    ResolverBuilder b = builder();
    if (kind.equals("exclusive")) {
      b.identifierPolicy(IdentifierType.EMAIL, IdentifierPolicy.exclusive(100));
    } else {
      b.personalIdentifier(IdentifierType.EMAIL);
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, b::build);
    assertTrue(e.getMessage().contains("roleAccounts(email)"), e.getMessage());
  }

  /** Offices, their staff and visitors naming nobody, in shuffled orders: one partition. */
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void theAccountsDecisionsDoNotDependOnTheOrder(long seed) {
    Random random = new Random(seed);
    List<String> given = List.of("ana", "anabel", "luis", "marta", "an");
    List<Touchpoint> tps = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      int office = random.nextInt(3);
      tps.add(touchpoint("t" + i,
          random.nextInt(4) == 0 ? null : given.get(random.nextInt(given.size())),
          random.nextBoolean() ? null : "f" + random.nextInt(2),
          random.nextInt(5) == 0 ? "19" + (60 + random.nextInt(3)) + "-01-01" : null,
          "info@o" + office + ".example"));
    }
    Set<Set<String>> expected = partition(builder(), tps);
    for (int round = 0; round < 4; round++) {
      Collections.shuffle(tps, random);
      assertEquals(expected, partition(builder(), tps), "seed " + seed + " round " + round);
    }
    assertTrue(expected.size() > 3 && expected.size() < tps.size(), expected::toString);
  }
}
