package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.GenericValue;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A value turns generic when its carriers hold more people than its type's limit (5 by default),
 * people told apart by stronger identifiers, across types, and by the names they give; one
 * person's own value stays linking however often it is used. Each scenario is one an independent
 * test of the library found merged into one profile when only stronger values of one type
 * counted, and each is resolved in several arrival orders.
 */
class LimitsCountPeopleTest {
  private static final Instant T0 = Instant.parse("2026-01-05T10:00:00Z");
  private static final List<String> GIVEN = List.of("Alicia", "Hugo", "Claudia", "Mario", "Noelia",
      "Adrián", "Cristina", "Javier", "Paula", "Sergio", "Lucía", "Raúl", "Marta", "Óscar", "Elena",
      "Iván", "Sonia", "Rubén", "Pilar", "Tomás", "Irene", "Víctor", "Rosa", "Diego", "Nuria",
      "Álvaro", "Beatriz", "Gonzalo", "Inés", "Fernando");
  private static final List<String> FAMILY = List.of("Romero", "Santos", "Vázquez", "Gil", "Ramos");

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.STORE).timestamp(T0);
  }

  private static Touchpoint.Builder person(String id, int who) {
    return tp(id).attribute(AttributeKey.GIVEN_NAME, GIVEN.get(who))
        .attribute(AttributeKey.FAMILY_NAME, FAMILY.get(who % FAMILY.size()));
  }

  @Test
  void anOfficeMailboxOfTwentyPeopleLinksNone() {
    List<Touchpoint> mail = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      mail.add(person("m" + i, i).channel(Channel.EMAIL)
          .identifier(IdentifierType.EMAIL, "info@acme-ficticia.es").build());
    }
    for (IdentityResolver r : inSeveralOrders(mail)) {
      assertEquals(20, r.profileCount(), "each writer is a customer of her own");
      assertGeneric(r, "info@acme-ficticia.es");
    }
  }

  @Test
  void aShopsPlaceholderEmailTypedForTwentyWalkInsLinksEachOnlyWithHerOwnOrders() {
    List<Touchpoint> all = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String phone = "+34 6" + (10_000_000 + 137 * i);
      all.add(person("store" + i, i).identifier(IdentifierType.EMAIL, "tienda@moda-ficticia.es")
          .identifier(IdentifierType.PHONE, phone).build());
      all.add(person("web" + i, i).channel(Channel.WEB)
          .identifier(IdentifierType.EMAIL, "cliente" + i + "@correo-ficticio.es")
          .identifier(IdentifierType.PHONE, phone).build());
    }
    for (IdentityResolver r : inSeveralOrders(all)) {
      assertEquals(20, r.profileCount());
      for (int i = 0; i < 20; i++) {
        assertEquals(Set.of("store" + i, "web" + i), members(r, "store" + i),
            "the walk-in joins her own web order through her phone, and nobody else");
      }
      assertGeneric(r, "tienda@moda-ficticia.es");
    }
  }

  @Test
  void aDeviceOfFiveEmailOnlyAndFivePhoneOnlyVisitorsHoldsTenPeople() {
    List<Touchpoint> visits = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      visits.add(tp("e" + i).identifier(IdentifierType.DEVICE_ID, "kiosk-0042")
          .identifier(IdentifierType.EMAIL, "visitante" + i + "@correo-ficticio.es").build());
      visits.add(tp("p" + i).identifier(IdentifierType.DEVICE_ID, "kiosk-0042")
          .identifier(IdentifierType.PHONE, "+34 7" + (20_000_000 + 911 * i)).build());
    }
    for (IdentityResolver r : inSeveralOrders(visits)) {
      assertEquals(10, r.profileCount(), "five emails and five phones are not five people");
      assertGeneric(r, "kiosk-0042");
    }
  }

  @Test
  void thirtyKioskVisitorsWithNamesAndBirthDatesOnlyStayThirty() {
    List<Touchpoint> visits = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      visits.add(person("k" + i, i).identifier(IdentifierType.DEVICE_ID, "kiosk-0099")
          .attribute(AttributeKey.BIRTH_DATE, (1950 + i) + "-0" + (1 + i % 9) + "-1" + (i % 10))
          .build());
    }
    for (IdentityResolver r : inSeveralOrders(visits)) {
      assertEquals(30, r.profileCount());
      assertGeneric(r, "kiosk-0099");
    }
  }

  @Test
  void onePersonsOwnDeviceStillLinksEveryVisit() {
    // Twelve visits of José on his own phone app: logged in or not, two emails, a phone, his
    // nickname, an initial, no name at all. Four stronger values and one person named.
    List<Touchpoint> visits = new ArrayList<>();
    String[] names = {"José", "Pepe", "J.", null};
    for (int i = 0; i < 12; i++) {
      Touchpoint.Builder b = tp("v" + i).channel(Channel.MOBILE_APP)
          .identifier(IdentifierType.DEVICE_ID, "a3f1c2d4-jose-device");
      if (names[i % 4] != null) {
        b.attribute(AttributeKey.GIVEN_NAME, names[i % 4]).attribute(AttributeKey.FAMILY_NAME, "Ortega");
      }
      switch (i % 5) {
        case 0 -> b.identifier(IdentifierType.CUSTOMER_ID, "C-1001");
        case 1 -> b.identifier(IdentifierType.EMAIL, "jose.ortega@correo-ficticio.es");
        case 2 -> b.identifier(IdentifierType.EMAIL, "pepe.ortega@buzon-ficticio.com");
        case 3 -> b.identifier(IdentifierType.PHONE, "+34 699 123 457");
        default -> { }
      }
      visits.add(b.build());
    }
    for (IdentityResolver r : inSeveralOrders(visits)) {
      assertEquals(1, r.profileCount(), "one person's device links all his visits");
      assertTrue(r.genericValues().isEmpty(), () -> "nothing is generic: " + r.genericValues());
    }
  }

  @Test
  void aMailboxBackUnderItsLimitLinksAgain() {
    IdentityResolver r = OmniId.resolverBuilder().build();
    // Mother and daughter write from one mailbox (one person as she writes twice), four others
    // too: six people, over the limit of five.
    r.resolve(person("a1", 0).identifier(IdentifierType.EMAIL, "casa@familia-ficticia.es").build());
    r.resolve(person("a2", 0).identifier(IdentifierType.EMAIL, "casa@familia-ficticia.es").build());
    for (int i = 1; i < 6; i++) {
      r.resolve(person("b" + i, i).identifier(IdentifierType.EMAIL, "casa@familia-ficticia.es").build());
    }
    assertGeneric(r, "casa@familia-ficticia.es");
    assertEquals(6, r.profileCount(), "a generic value links nobody by itself");
    assertEquals(Set.of("a1", "a2"), members(r, "a1"),
        "Alicia's two mails are one by a scored match: the same name, and both name her");

    r.remove("b5");
    assertTrue(r.genericValues().isEmpty(), "five people: within the limit");
    assertEquals(Set.of("a1", "a2"), members(r, "a1"), "the mailbox links Alicia's two mails again");
    assertEquals(5, r.profileCount(), "and keeps the other writers apart, as related profiles");
    assertFalse(r.related(r.profileIdOf("a1").orElseThrow()).isEmpty());
  }

  private static void assertGeneric(IdentityResolver r, String raw) {
    List<GenericValue> generic = r.genericValues();
    assertTrue(generic.stream().anyMatch(g -> g.reason() == GenericValue.Reason.OVER_LIMIT
            && g.identifier().raw().equalsIgnoreCase(raw)),
        () -> "over its limit: " + generic.size() + " generic values");
  }

  private static Set<String> members(IdentityResolver r, String touchpointId) {
    Profile p = r.profileOfTouchpoint(touchpointId).orElseThrow();
    return new TreeSet<>(p.touchpointIds());
  }

  /** Resolvers fed the same touchpoints one by one in five orders, and one in a batch. */
  private static List<IdentityResolver> inSeveralOrders(List<Touchpoint> touchpoints) {
    List<IdentityResolver> out = new ArrayList<>();
    Set<Set<String>> first = null;
    for (long seed = 0; seed < 5; seed++) {
      List<Touchpoint> order = new ArrayList<>(touchpoints);
      Collections.shuffle(order, new Random(seed));
      IdentityResolver r = OmniId.resolverBuilder().build();
      order.forEach(r::resolve);
      out.add(r);
    }
    IdentityResolver batch = OmniId.resolverBuilder().build();
    batch.resolveAll(touchpoints);
    out.add(batch);
    for (IdentityResolver r : out) {
      Set<Set<String>> partition = r.profiles()
          .map(p -> (Set<String>) new TreeSet<>(p.touchpointIds())).collect(Collectors.toSet());
      if (first == null) {
        first = partition;
      }
      assertEquals(first, partition, "the partition does not depend on the arrival order");
    }
    return out;
  }
}
