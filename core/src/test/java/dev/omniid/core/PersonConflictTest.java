package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
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
}
