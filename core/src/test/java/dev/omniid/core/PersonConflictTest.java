package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * People a shared identifier must not merge: a father and son on one family mailbox, a touchpoint
 * that names nobody on it, an exclusive id that vouches for one person despite the names; and the
 * relations that keep them findable. Uses the property tests' small person rule (given names
 * differ unless one starts with the other's first three letters; birth years differ).
 */
class PersonConflictTest {
  private static final IdentifierType EMAIL = IdentifierType.EMAIL;

  private static Touchpoint person(String id, String given, String born, Identifier... ids) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2026-01-01T00:00:00Z")).eventKind(EventKind.VISIT);
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given).attribute(AttributeKey.FAMILY_NAME, "ruiz");
    }
    if (born != null) {
      b.attribute(AttributeKey.BIRTH_DATE, born);
    }
    for (Identifier i : ids) {
      b.identifier(i.type(), i.value());
    }
    return b.build();
  }

  private static IdentityResolver resolver() {
    return IdentityResolver.newBuilder().personRule(RandomTouchpoints.PEOPLE).build();
  }

  private static final Identifier FAMILY = Identifier.of(EMAIL, "ruiz.family@example.com");

  private static List<Touchpoint> household() {
    return List.of(
        person("father-web", "antonio", "1960-03-12", FAMILY),
        person("father-app", "antonio", "1960-03-12", FAMILY,
            Identifier.of(IdentifierType.PHONE, "+34600000001")),
        person("son-web", "javier", "1990-07-01", FAMILY),
        person("anonymous-order", null, null, FAMILY));
  }

  @Test
  void aFamilyMailboxKeepsFatherAndSonApartAndRelated() {
    IdentityResolver r = resolver();
    r.resolveAll(household());
    ProfileId father = r.profileIdOf("father-web").orElseThrow();
    ProfileId son = r.profileIdOf("son-web").orElseThrow();
    assertEquals(father, r.profileIdOf("father-app").orElseThrow(), "the father's records link");
    assertNotEquals(father, son, "a shared mailbox does not merge two people");
    Relation toSon = r.related(father).stream().filter(x -> x.profileId().equals(son))
        .findFirst().orElseThrow();
    assertEquals(List.of(FAMILY.type()), toSon.shared().stream().map(Identifier::type).toList());
    assertEquals(List.of(Evidence.Kind.PERSON_CONFLICT), toSon.reasons());
    assertEquals(List.of(PersonConflict.GIVEN_NAME), toSon.conflicts());
    assertTrue(r.related(son).stream().anyMatch(x -> x.profileId().equals(father)),
        "relations are mutual");
    Evidence refused = r.profile(son).orElseThrow().evidence().stream()
        .filter(e -> e.kind() == Evidence.Kind.PERSON_CONFLICT).findFirst().orElseThrow();
    assertEquals(PersonConflict.GIVEN_NAME, refused.personConflict());
  }

  @Test
  void aTouchpointThatNamesNobodyJoinsNeitherOfThePeopleItsValueIsSharedBy() {
    for (long seed = 0; seed < 20; seed++) {
      List<Touchpoint> order = new ArrayList<>(household());
      Collections.shuffle(order, new Random(seed));
      IdentityResolver r = resolver();
      order.forEach(r::resolve);
      ProfileId anonymous = r.profileIdOf("anonymous-order").orElseThrow();
      assertEquals(1, r.profile(anonymous).orElseThrow().size(), "seed " + seed + ": alone");
      List<Relation> related = r.related(anonymous);
      assertEquals(2, related.size(), "seed " + seed + ": related to father and son");
      assertTrue(related.stream().allMatch(x -> x.reasons().equals(List.of(Evidence.Kind.AMBIGUOUS))),
          "seed " + seed + ": " + related);
    }
  }

  @Test
  void anExclusiveIdVouchesForOnePersonWhateverTheNamesSay() {
    Identifier customer = Identifier.of(IdentifierType.CUSTOMER_ID, "C-1");
    IdentityResolver r = resolver();
    r.resolve(person("a", "antonio", "1960-03-12", customer));
    r.resolve(person("b", "tony", "1960-03-12", customer));
    assertEquals(r.profileIdOf("a"), r.profileIdOf("b"), "one customer id is one person");
    IdentityResolver byEmail = resolver();
    byEmail.resolve(person("a", "antonio", "1960-03-12", FAMILY));
    byEmail.resolve(person("b", "tony", "1960-03-12", FAMILY));
    assertNotEquals(byEmail.profileIdOf("a"), byEmail.profileIdOf("b"),
        "an email is evidence, not a verdict");
  }

  // One person, several descriptions. The small rule calls erin and hayley two people; an ssn
  // declared personal (or a customer id, exclusive) vouches that they are one, whose duplicate
  // took another given name. A later record that repeats either description is that person; a
  // record that repeats neither (luis) is somebody else.

  private static final IdentifierType SSN = IdentifierType.of("ssn");
  private static final Identifier MAIL = Identifier.of(EMAIL, "erin.ruiz@example.com");

  private static List<Touchpoint> described(Identifier vouching) {
    return List.of(
        person("a", "erin", null, vouching, MAIL),
        person("b", "hayley", null, vouching),
        person("c", "erin", null, MAIL),
        person("d", "luis", null, MAIL));
  }

  private static IdentityResolver resolver(boolean ssnIsPersonal) {
    // Stronger than the email, so that the clusterer (strongest values first) joins a and b before
    // it weighs the email: c then meets a group of two descriptions, which is the case under test.
    ResolverBuilder b = IdentityResolver.newBuilder().personRule(RandomTouchpoints.PEOPLE)
        .identifierPolicy(SSN, IdentifierPolicy.shared(5, 95));
    if (ssnIsPersonal) {
      b.personalIdentifier(SSN);
    }
    return b.build();
  }

  private static Set<Set<String>> partition(IdentityResolver r) {
    return r.profiles().map(p -> Set.copyOf(p.touchpointIds())).collect(Collectors.toSet());
  }

  private static final Set<Set<String>> ONE_PERSON_DESCRIBED_TWICE =
      Set.of(Set.of("a", "b", "c"), Set.of("d"));
  private static final Set<Set<String>> TWO_PEOPLE_ON_ONE_SSN =
      Set.of(Set.of("a", "c"), Set.of("b"), Set.of("d"));

  /** D is kept apart from the profile it shares the email with, for its given name. */
  private static void assertRefusedForTheGivenName(IdentityResolver r, String context) {
    ProfileId d = r.profileIdOf("d").orElseThrow();
    ProfileId erin = r.profileIdOf("a").orElseThrow();
    Relation toErin = r.related(d).stream().filter(x -> x.profileId().equals(erin)).findFirst()
        .orElseThrow(() -> new AssertionError(context + ": d not related to a's profile"));
    assertEquals(List.of(MAIL), toErin.shared(), context);
    assertEquals(List.of(Evidence.Kind.PERSON_CONFLICT), toErin.reasons(), context);
    assertEquals(List.of(PersonConflict.GIVEN_NAME), toErin.conflicts(), context);
    assertTrue(r.profile(d).orElseThrow().evidence().stream()
        .anyMatch(e -> e.kind() == Evidence.Kind.PERSON_CONFLICT
            && e.personConflict() == PersonConflict.GIVEN_NAME), context + ": refusal recorded");
  }

  @Test
  void aPersonalIdMakesOnePersonOfTwoDescriptionsAndEachDescriptionFindsItsRecords() {
    IdentityResolver r = resolver(true);
    described(Identifier.of(SSN, "123-45-6789")).forEach(r::resolve);
    GraphInvariants.check(r);
    assertEquals(ONE_PERSON_DESCRIBED_TWICE, partition(r),
        "c repeats a's description of the person b's ssn vouches for; d repeats none");
    assertRefusedForTheGivenName(r, "ssn");
  }

  @Test
  void anExclusiveIdMakesOnePersonOfTwoDescriptionsToo() {
    IdentityResolver r = resolver(false);
    described(Identifier.of(IdentifierType.CUSTOMER_ID, "C-7")).forEach(r::resolve);
    GraphInvariants.check(r);
    assertEquals(ONE_PERSON_DESCRIBED_TWICE, partition(r));
    assertRefusedForTheGivenName(r, "customer id");
  }

  @Test
  void aPersonalIdWeakerThanTheSharedEmailStillVouchesFirst() {
    // The ssn keeps its default strength, below the email's: values that name one person are
    // applied before any other, so c (hayley, on a's email) meets the person a and b are.
    Identifier ssn = Identifier.of(SSN, "123-45-6789");
    List<Touchpoint> all = List.of(
        person("a", "erin", null, ssn, MAIL),
        person("b", "hayley", null, ssn),
        person("c", "hayley", null, MAIL));
    for (List<Touchpoint> order : permutations(all)) {
      IdentityResolver r = IdentityResolver.newBuilder().personRule(RandomTouchpoints.PEOPLE)
          .personalIdentifier(SSN).build();
      for (Touchpoint t : order) {
        r.resolve(t);
        GraphInvariants.check(r);
      }
      assertEquals(Set.of(Set.of("a", "b", "c")), partition(r),
          order.stream().map(Touchpoint::id).collect(Collectors.joining()));
    }
    IdentityResolver batch = IdentityResolver.newBuilder().personRule(RandomTouchpoints.PEOPLE)
        .personalIdentifier(SSN).build();
    batch.resolveAll(all);
    assertEquals(Set.of(Set.of("a", "b", "c")), partition(batch));
  }

  @Test
  void withoutAVouchingIdTheTwoDescriptionsAreTwoPeople() {
    IdentityResolver r = resolver(false);
    described(Identifier.of(SSN, "123-45-6789")).forEach(r::resolve);
    GraphInvariants.check(r);
    assertEquals(TWO_PEOPLE_ON_ONE_SSN, partition(r), "an undeclared ssn is evidence, not a verdict");
    ProfileId hayley = r.profileIdOf("b").orElseThrow();
    Relation toErin = r.related(hayley).stream()
        .filter(x -> x.profileId().equals(r.profileIdOf("a").orElseThrow())).findFirst().orElseThrow();
    assertEquals(List.of(Evidence.Kind.PERSON_CONFLICT), toErin.reasons());
    assertRefusedForTheGivenName(r, "no vouching id");
  }

  @Test
  void severalDescriptionsGiveOneResultInEveryArrivalOrderAndInBatch() {
    for (boolean personal : new boolean[] {true, false}) {
      Set<Set<String>> expected = personal ? ONE_PERSON_DESCRIBED_TWICE : TWO_PEOPLE_ON_ONE_SSN;
      List<Touchpoint> all = described(Identifier.of(SSN, "123-45-6789"));
      for (List<Touchpoint> order : permutations(all)) {
        String context = (personal ? "personal ssn, " : "plain ssn, ")
            + order.stream().map(Touchpoint::id).collect(Collectors.joining());
        IdentityResolver one = resolver(personal);
        for (Touchpoint t : order) {
          one.resolve(t);
          GraphInvariants.check(one);
        }
        assertEquals(expected, partition(one), context + " one at a time");
        assertRefusedForTheGivenName(one, context + " one at a time");
        IdentityResolver batch = resolver(personal);
        batch.resolveAll(order);
        GraphInvariants.check(batch);
        assertEquals(expected, partition(batch), context + " in batch");
        assertRefusedForTheGivenName(batch, context + " in batch");
      }
    }
  }

  @Test
  void aGroupWithoutAVouchingJoinMustAgreeWithEveryPersonItHolds() {
    // x and y are one person (an email, no conflict); z agrees with y, who gives no birth date,
    // but not with x: a group whose people all agree is not several descriptions, so one
    // agreeing pair does not let z in.
    Identifier phone = Identifier.of(IdentifierType.PHONE, "+34600000002");
    List<Touchpoint> all = List.of(
        person("x", "erin", "1990-01-01", MAIL),
        person("y", "erin", null, MAIL, phone),
        person("z", "erin", "1985-01-01", phone));
    for (List<Touchpoint> order : permutations(all)) {
      IdentityResolver r = resolver(true);
      for (Touchpoint t : order) {
        r.resolve(t);
        GraphInvariants.check(r);
      }
      String context = order.stream().map(Touchpoint::id).collect(Collectors.joining());
      assertEquals(r.profileIdOf("x"), r.profileIdOf("y"), context);
      assertFalse(r.profileIdOf("z").equals(r.profileIdOf("y")), context + ": z kept apart");
    }
  }

  private static List<List<Touchpoint>> permutations(List<Touchpoint> items) {
    if (items.isEmpty()) {
      return List.of(List.of());
    }
    List<List<Touchpoint>> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      List<Touchpoint> rest = new ArrayList<>(items);
      Touchpoint head = rest.remove(i);
      for (List<Touchpoint> tail : permutations(rest)) {
        List<Touchpoint> order = new ArrayList<>();
        order.add(head);
        order.addAll(tail);
        out.add(order);
      }
    }
    return out;
  }
}
