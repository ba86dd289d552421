package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AccountBatchResult;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of {@link AccountResolver} with OmniID's defaults over generated wholesale
 * touchpoints: a few shops (tax ids in several spellings, some with a wrong check digit, names
 * with and without legal forms, postal codes), a few people (emails, phones, names) who order
 * for one shop or two, consumers' orders without a shop, and reps' orders without a person.
 * Fed in shuffled orders, one by one, all at once and in chunks, they give the same account
 * partition, the same person partition and the same contact-account relations (sequence
 * neutrality); every touchpoint is in exactly the profiles its parts imply (nothing lost); and
 * removing some gives what resolving only the others gives. The seed is in every message.
 */
class AccountResolverPropertiesTest {

  private static final List<String> SHOP_WORDS = List.of("Sol", "Luna", "Norte", "García",
      "Núñez", "Pacífico", "Andes", "Central", "Mar", "Olivo");
  private static final List<String> GIVEN = List.of("Ana", "Luis", "Marta", "Pablo", "Eva",
      "Jordi", "Rosa", "Iker");
  private static final List<String> FAMILY = List.of("Pérez", "Gómez", "Ruiz", "Sanz", "Vidal");

  static LongStream seeds() {
    return LongStream.range(0, 40).map(i -> 0xACC0_0000L + i);
  }

  record Shop(String cif, String name, String postalCode) {}

  record Person(String email, String phone, String name) {}

  /** A world of touchpoints for one seed. */
  static List<Touchpoint> world(long seed) {
    Random random = new Random(seed);
    int shopCount = 2 + random.nextInt(4);
    List<Shop> shops = new ArrayList<>();
    for (int i = 0; i < shopCount; i++) {
      String digits = String.format("%07d", random.nextInt(10_000_000));
      String word = SHOP_WORDS.get(random.nextInt(SHOP_WORDS.size()));
      String kind = random.nextBoolean() ? "Ferretería" : "Distribuciones";
      shops.add(new Shop(AccountResolverTest.cif(digits), kind + " " + word,
          String.format("%05d", 28000 + random.nextInt(5))));
    }
    int personCount = 2 + random.nextInt(5);
    List<Person> people = new ArrayList<>();
    for (int i = 0; i < personCount; i++) {
      String given = GIVEN.get(random.nextInt(GIVEN.size()));
      String family = FAMILY.get(random.nextInt(FAMILY.size()));
      people.add(new Person(given.toLowerCase() + i + "@mail.es",
          "+34 6" + String.format("%08d", random.nextInt(100_000_000)), given + " " + family));
    }
    int count = 10 + random.nextInt(25);
    List<Touchpoint> out = new ArrayList<>();
    List<Channel> channels = List.of(Channel.WEB, Channel.MOBILE_APP, Channel.SALES_REP,
        Channel.CATALOG, Channel.CALL_CENTER);
    for (int i = 0; i < count; i++) {
      Touchpoint.Builder b = Touchpoint.newBuilder("t" + i)
          .channel(channels.get(random.nextInt(channels.size())))
          .attribute(AttributeKey.COUNTRY, "ES");
      if (random.nextInt(5) > 0) {
        b.timestamp(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000)));
      }
      int shape = random.nextInt(10);
      boolean withShop = shape < 8;
      boolean withPerson = shape >= 3;
      if (withPerson) {
        Person p = people.get(random.nextInt(people.size()));
        int evidence = random.nextInt(4);
        if (evidence != 1) {
          b.identifier(IdentifierType.EMAIL, random.nextBoolean() ? p.email
              : p.email.toUpperCase());
        }
        if (evidence >= 1) {
          b.identifier(IdentifierType.PHONE, p.phone);
        }
        if (random.nextBoolean()) {
          b.attribute(AttributeKey.FULL_NAME, p.name);
        }
      }
      if (withShop) {
        // Mostly a shop of the person's own few; any shop now and then.
        Shop s = shops.get(random.nextInt(shops.size()));
        int evidence = random.nextInt(6);
        if (evidence <= 3) {
          b.identifier(TaxIds.TAX_ID, spelling(random, s.cif));
        }
        if (evidence >= 2) {
          b.attribute(CompanyNames.ORG_NAME, s.name + (random.nextBoolean() ? " S.L." : ""));
          if (random.nextBoolean()) {
            b.attribute(Organisations.ORG_POSTAL_CODE, s.postalCode);
          }
        }
      }
      if (random.nextInt(12) == 0) {
        b.payload("order", "O-" + i);
      }
      out.add(b.build());
    }
    return out;
  }

  /** One of the written forms of a CIF, or (rarely) one with a wrong check digit. */
  private static String spelling(Random random, String cif) {
    return switch (random.nextInt(7)) {
      case 0 -> "ES" + cif;
      case 1 -> cif.toLowerCase();
      case 2 -> cif.charAt(0) + "-" + cif.substring(1, 3) + "." + cif.substring(3, 6) + "."
          + cif.substring(6);
      case 3 -> "ES " + cif;
      case 4 -> AccountResolverTest.wrongCheckDigit(cif);
      default -> cif;
    };
  }

  /** What the test reads off a resolver: both partitions and the relations, by members. */
  record State(Set<Set<String>> accounts, Set<Set<String>> persons,
      Set<List<Set<String>>> relations) {}

  static State state(AccountResolver r) {
    Set<Set<String>> accounts = partition(r.organisations());
    Set<Set<String>> persons = partition(r.persons());
    Set<List<Set<String>>> relations = new HashSet<>();
    for (Profile account : r.organisations().profiles().toList()) {
      for (ProfileId contact : r.contactsOf(account.id())) {
        relations.add(List.of(members(r.contact(contact).orElseThrow()), members(account)));
      }
    }
    // Both directions of the relation agree.
    Set<List<Set<String>>> backwards = new HashSet<>();
    for (Profile contact : r.persons().profiles().toList()) {
      for (ProfileId account : r.accountsOf(contact.id())) {
        backwards.add(List.of(members(contact), members(r.account(account).orElseThrow())));
      }
    }
    assertEquals(relations, backwards, "contactsOf and accountsOf agree");
    return new State(accounts, persons, relations);
  }

  private static Set<Set<String>> partition(IdentityResolver r) {
    return r.profiles().map(AccountResolverPropertiesTest::members).collect(Collectors.toSet());
  }

  private static Set<String> members(Profile p) {
    return new TreeSet<>(p.touchpointIds());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyOrderOneByOneAllAtOnceOrInChunksGivesOneState(long seed) {
    List<Touchpoint> world = world(seed);
    State reference;
    try (AccountResolver r = OmniId.accountResolverBuilder().build()) {
      AccountBatchResult result = r.resolveAll(world);
      assertEquals(world.size(), result.accepted(), "seed " + seed + " " + result.problems());
      reference = state(r);
      nothingLost(r, world, seed);
    }
    Random random = new Random(seed ^ 0x5EED);
    for (int run = 0; run < 3; run++) {
      List<Touchpoint> shuffled = new ArrayList<>(world);
      Collections.shuffle(shuffled, random);
      try (AccountResolver r = OmniId.accountResolverBuilder().build()) {
        for (Touchpoint t : shuffled) {
          r.resolve(t);
        }
        assertEquals(reference, state(r), "one by one, seed " + seed + " run " + run);
      }
      try (AccountResolver r = OmniId.accountResolverBuilder().build()) {
        int at = 0;
        while (at < shuffled.size()) {
          int size = 1 + random.nextInt(8);
          r.resolveAll(shuffled.subList(at, Math.min(shuffled.size(), at + size)));
          at += size;
        }
        // Resolving everything again changes nothing: every touchpoint is a duplicate.
        AccountBatchResult again = r.resolveAll(shuffled);
        assertEquals(shuffled.size(), again.duplicates(), "seed " + seed);
        assertEquals(reference, state(r), "in chunks, seed " + seed + " run " + run);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void removingSomeGivesWhatResolvingTheOthersGives(long seed) {
    List<Touchpoint> world = world(seed);
    Random random = new Random(seed ^ 0xDE1E7E);
    List<Touchpoint> kept = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (Touchpoint t : world) {
      if (random.nextInt(4) == 0) {
        removed.add(t.id());
      } else {
        kept.add(t);
      }
    }
    State expected;
    try (AccountResolver r = OmniId.accountResolverBuilder().build()) {
      r.resolveAll(kept);
      expected = state(r);
    }
    try (AccountResolver r = OmniId.accountResolverBuilder().build()) {
      List<Touchpoint> shuffled = new ArrayList<>(world);
      Collections.shuffle(shuffled, random);
      shuffled.forEach(r::resolve);
      removed.forEach(r::remove);
      assertEquals(expected, state(r), "seed " + seed + " removed " + removed);
      nothingLost(r, kept, seed);
    }
  }

  /** The worlds are not trivial: accounts grow from several spellings, contacts act for two. */
  @org.junit.jupiter.api.Test
  void theWorldsHoldWhatThePropertiesAreAbout() {
    int grown = 0;
    int twoShops = 0;
    int twoContacts = 0;
    for (long seed : seeds().toArray()) {
      try (AccountResolver r = OmniId.accountResolverBuilder().build()) {
        r.resolveAll(world(seed));
        State s = state(r);
        grown += s.accounts().stream().anyMatch(a -> a.size() >= 3) ? 1 : 0;
        twoShops += r.persons().profiles().anyMatch(p -> r.accountsOf(p.id()).size() >= 2) ? 1 : 0;
        twoContacts += r.organisations().profiles()
            .anyMatch(a -> r.contactsOf(a.id()).size() >= 2) ? 1 : 0;
      }
    }
    int worlds = (int) seeds().count();
    assertTrue(grown > worlds / 2, "accounts of 3+ touchpoints in " + grown);
    assertTrue(twoShops > worlds / 2, "contacts of two shops in " + twoShops);
    assertTrue(twoContacts > worlds / 2, "accounts with two contacts in " + twoContacts);
  }

  /**
   * Every touchpoint is in exactly the profiles its parts imply, worked out here from the
   * organisation keys, not by the resolver's split: an account when it names an organisation, a
   * contact when it names a person or nothing at all; and the parts hold its values.
   */
  private static void nothingLost(AccountResolver r, List<Touchpoint> touchpoints, long seed) {
    Set<IdentifierType> orgTypes = Organisations.identifierTypes();
    Set<AttributeKey> orgAttributes = Organisations.attributes();
    int accountParts = 0;
    int personParts = 0;
    for (Touchpoint t : touchpoints) {
      boolean org = t.identifiers().stream().anyMatch(i -> orgTypes.contains(i.type()))
          || t.attributes().keySet().stream().anyMatch(orgAttributes::contains);
      boolean person = t.identifiers().stream().anyMatch(i -> !orgTypes.contains(i.type()))
          || t.attributes().keySet().stream()
              .anyMatch(k -> !orgAttributes.contains(k) && !k.equals(AttributeKey.COUNTRY));
      boolean expectPerson = person || !org;
      String where = "seed " + seed + " touchpoint " + t.id();
      assertEquals(org, r.accountOf(t.id()).isPresent(), where);
      assertEquals(expectPerson, r.contactOf(t.id()).isPresent(), where);
      accountParts += org ? 1 : 0;
      personParts += expectPerson ? 1 : 0;
      if (org) {
        Touchpoint part = r.account(r.accountOf(t.id()).orElseThrow()).orElseThrow().journey()
            .stream().filter(x -> x.id().equals(t.id())).findFirst().orElseThrow();
        assertEquals(t.identifiers().stream().filter(i -> orgTypes.contains(i.type())).toList(),
            part.identifiers(), where);
        assertEquals(t.payload(), part.payload(), where);
        assertEquals(t.channel(), part.channel(), where);
        assertEquals(t.timestamp(), part.timestamp(), where);
        assertTrue(r.accountJourney(r.accountOf(t.id()).orElseThrow()).stream()
            .anyMatch(e -> e.touchpoint().id().equals(t.id())
                && e.contact().equals(r.contactOf(t.id()))), where);
      }
      if (expectPerson) {
        Touchpoint part = r.contact(r.contactOf(t.id()).orElseThrow()).orElseThrow().journey()
            .stream().filter(x -> x.id().equals(t.id())).findFirst().orElseThrow();
        assertEquals(t.identifiers().stream().filter(i -> !orgTypes.contains(i.type())).toList(),
            part.identifiers(), where);
        // The company's name is the one organisation attribute a person part carries, as context.
        assertTrue(part.attributes().keySet().stream()
            .noneMatch(k -> orgAttributes.contains(k) && !k.equals(CompanyNames.ORG_NAME)), where);
        assertEquals(t.attribute(CompanyNames.ORG_NAME), part.attribute(CompanyNames.ORG_NAME),
            where);
      }
      if (org && expectPerson) {
        assertTrue(r.accountsOf(r.contactOf(t.id()).orElseThrow())
            .contains(r.accountOf(t.id()).orElseThrow()), where);
      }
    }
    assertEquals(accountParts, r.organisations().touchpointCount(), "seed " + seed);
    assertEquals(personParts, r.persons().touchpointCount(), "seed " + seed);
  }
}
