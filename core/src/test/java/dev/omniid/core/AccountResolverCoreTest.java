package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AccountResolver} over bare core resolvers (no matching module): the split, the id ranges,
 * the relation, and the builder's checks, including a journaled organisations side.
 */
class AccountResolverCoreTest {
  private static final IdentifierType VAT = IdentifierType.of("vat");
  private static final AttributeKey COMPANY = AttributeKey.of("company");

  private static AccountResolver.Builder builder() {
    return AccountResolver.newBuilder().persons(IdentityResolver.newBuilder())
        .organisations(IdentityResolver.newBuilder()
            .identifierPolicy(VAT, IdentifierPolicy.exclusive(100)))
        .organisationIdentifierTypes(Set.of(VAT)).organisationAttributes(Set.of(COMPANY));
  }

  private static Touchpoint tp(String id, String email, String vat, String company) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .attribute(AttributeKey.COUNTRY, "ES");
    if (email != null) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    if (vat != null) {
      b.identifier(VAT, vat);
    }
    if (company != null) {
      b.attribute(COMPANY, company);
    }
    return b.build();
  }

  @Test
  void partsGoToTheirSidesAndIdsNeverMeet() {
    try (AccountResolver r = builder().personContext(Set.of(COMPANY)).build()) {
      r.resolve(tp("1", "a@x.es", "V1", "Shop One"));
      r.resolve(tp("2", "a@x.es", "V2", null));
      r.resolve(tp("3", null, "V1", null));
      r.resolve(tp("4", "b@x.es", null, null));
      r.resolve(tp("5", null, null, null)); // nothing at all: a person part of its own
      ProfileId a = r.contactOf("1").orElseThrow();
      assertEquals(Optional.of(a), r.contactOf("2"));
      assertEquals(Optional.empty(), r.contactOf("3"));
      assertEquals(Optional.empty(), r.accountOf("4"));
      assertTrue(r.contactOf("5").isPresent());
      ProfileId one = r.accountOf("1").orElseThrow();
      ProfileId two = r.accountOf("2").orElseThrow();
      assertEquals(Optional.of(one), r.accountOf("3"));
      assertEquals(AccountResolver.FIRST_ACCOUNT_ID, one.value());
      assertEquals(List.of(one, two), r.accountsOf(a));
      assertEquals(List.of(a), r.contactsOf(one));
      assertEquals(List.of(), r.contactsOf(a), "a contact's id names no account");
      assertEquals(List.of(), r.accountsOf(one), "an account's id names no contact");
      Touchpoint person = r.contact(a).orElseThrow().journey().get(0);
      assertEquals(Optional.of("Shop One"), person.attribute(COMPANY), "the person context");
      assertEquals(List.of(Identifier.of(IdentifierType.EMAIL, "a@x.es")), person.identifiers());
      assertEquals(3, r.organisations().touchpointCount());
      assertEquals(4, r.persons().touchpointCount());
    }
  }

  @Test
  void theBuilderRefusesAContextOutsideTheOrganisationAttributes() {
    assertThrows(IllegalStateException.class,
        () -> builder().personContext(Set.of(AttributeKey.CITY)).build());
  }

  @Test
  void aJournaledOrganisationsSideKeepsItsIdsAcrossARestart(@TempDir Path dir) {
    ResolverBuilder organisations = IdentityResolver.newBuilder()
        .identifierPolicy(VAT, IdentifierPolicy.exclusive(100))
        .firstProfileId(AccountResolver.FIRST_ACCOUNT_ID).journal(dir, Durability.none());
    ProfileId before;
    try (AccountResolver r = builder().organisations(organisations.build()).build()) {
      r.resolve(tp("1", "a@x.es", "V1", null));
      before = r.accountOf("1").orElseThrow();
    }
    try (AccountResolver r = builder().organisations(organisations.build()).build()) {
      assertEquals(Optional.of(before), r.accountOf("1"));
    }
    // A snapshot written with person ids keeps them (its anchors): it cannot be the accounts'.
    Path other = dir.resolve("persons");
    try (IdentityResolver plain = IdentityResolver.newBuilder().journal(other, Durability.none())
        .build()) {
      plain.resolve(tp("x", "c@x.es", null, null));
      plain.journal().orElseThrow().compact();
    }
    IdentityResolver reopened = IdentityResolver.newBuilder().firstProfileId(
        AccountResolver.FIRST_ACCOUNT_ID).journal(other, Durability.none()).build();
    try {
      assertEquals(Optional.of(new ProfileId(1)), reopened.profileIdOf("x"));
      assertThrows(IllegalStateException.class, () -> builder().organisations(reopened).build());
    } finally {
      reopened.close();
    }
  }

  /**
   * Threads resolving account touchpoints at once, each side in memory or journaled: a resolve
   * that finds the account resolver's lock taken reads both parts while it waits. Each side's
   * partition, and each touchpoint's contact, end as one thread resolving the same touchpoints
   * gives them.
   */
  @Test
  void threadsResolvingAtOnceEndWithTheOneThreadResult(@TempDir Path dir) throws Exception {
    java.util.Random random = new java.util.Random(0xACC0);
    List<Touchpoint> touchpoints = new java.util.ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      int person = random.nextInt(300);
      int company = random.nextInt(80);
      touchpoints.add(tp("t" + i, random.nextInt(5) == 0 ? null : "p" + person + "@x.es",
          random.nextInt(3) == 0 ? null : "V" + company,
          random.nextInt(4) == 0 ? null : "Shop " + company));
    }
    for (boolean journaled : new boolean[] {false, true}) {
      ResolverBuilder organisations = IdentityResolver.newBuilder()
          .identifierPolicy(VAT, IdentifierPolicy.exclusive(100))
          .firstProfileId(AccountResolver.FIRST_ACCOUNT_ID);
      if (journaled) {
        organisations.journal(dir.resolve("organisations"), Durability.none());
      }
      try (AccountResolver together = builder().organisations(organisations.build()).build();
          AccountResolver alone = builder().build()) {
        Lanes.run(4, touchpoints.size(), 120, i -> together.resolve(touchpoints.get(i)));
        touchpoints.forEach(alone::resolve);
        String context = journaled ? "journaled organisations" : "in memory";
        assertEquals(RandomTouchpoints.partition(alone.persons()),
            RandomTouchpoints.partition(together.persons()), context);
        assertEquals(RandomTouchpoints.partition(alone.organisations()),
            RandomTouchpoints.partition(together.organisations()), context);
        for (Touchpoint t : touchpoints) {
          // Profile ids are history; the relation is compared through the touchpoints it joins.
          String contactKey = together.contactOf(t.id()).map(c -> RandomTouchpoints.describe(
              Set.of(new java.util.TreeSet<>(together.contact(c).orElseThrow().touchpointIds()))))
              .orElse("-");
          String aloneKey = alone.contactOf(t.id()).map(c -> RandomTouchpoints.describe(
              Set.of(new java.util.TreeSet<>(alone.contact(c).orElseThrow().touchpointIds()))))
              .orElse("-");
          assertEquals(aloneKey, contactKey, context + " contact of " + t.id());
        }
        GraphInvariants.check(together.persons());
        GraphInvariants.check(together.organisations());
      }
    }
  }
}
