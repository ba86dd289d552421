package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Resource bounds (issue 6): a touchpoint over a cap is refused with a clear error, and a value
 * shared by very many customers cannot glue them into one giant "hairball" profile, nor make
 * resolving slow. Timeouts are a generous watchdog, not a speed target.
 */
class ResourceBoundsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final int CUSTOMERS = 20_000;
  private static final Duration WATCHDOG = Duration.ofSeconds(60);

  private static Touchpoint.Builder builder(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.STORE).timestamp(T0);
  }

  // ------------------------------------------------------------ caps

  @Test
  void identifiersUpToTheCapAreAcceptedOneMoreIsRefused() {
    Touchpoint.Builder b = builder("t1");
    for (int i = 0; i < Touchpoint.MAX_IDENTIFIERS; i++) {
      b.identifier(IdentifierType.COOKIE_ID, "cookie-" + i);
    }
    Touchpoint atCap = b.build();
    assertEquals(Touchpoint.MAX_IDENTIFIERS, atCap.identifiers().size());
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> b.identifier(IdentifierType.EMAIL, "ana.lopez.1987@gmail.com"));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals("identifiers", e.field());
    assertEquals("has more than " + Touchpoint.MAX_IDENTIFIERS + " entries", e.detail());
    assertFalse(e.getMessage().contains("ana.lopez"), e.getMessage());

    List<Identifier> tooMany = new ArrayList<>(atCap.identifiers());
    tooMany.add(Identifier.of(IdentifierType.EMAIL, "ana.lopez.1987@gmail.com"));
    OmniIdException direct = assertThrows(OmniIdException.class, () -> new Touchpoint("t1",
        Channel.WEB, T0, EventKind.VISIT, tooMany, null, null));
    assertEquals(List.of(Reason.TOO_LARGE, "identifiers"), List.of(direct.reason(), direct.field()));
    assertFalse(direct.getMessage().contains("ana.lopez"), direct.getMessage());

    // A touchpoint at the cap resolves like any other.
    IdentityResolver r = IdentityResolver.newBuilder().build();
    assertEquals(Resolution.Outcome.CREATED, r.resolve(atCap).outcome());
  }

  @ParameterizedTest
  @EnumSource(names = {"EMAIL", "PHONE", "ATTRIBUTE", "ID"})
  void valuesUpToTheLengthCapAreAcceptedOneMoreIsRefused(Where where) {
    String secret = "ana.lopez.1987@gmail.com+34612345678";
    int cap = where == Where.ID ? Touchpoint.MAX_ID_LENGTH : Touchpoint.MAX_VALUE_LENGTH;
    String atCap = (secret.repeat(cap / secret.length() + 1)).substring(0, cap);
    String over = atCap + "x";
    where.apply(atCap).build();
    OmniIdException e = assertThrows(OmniIdException.class, () -> where.apply(over).build());
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertEquals(where.field, e.field());
    assertEquals("is longer than " + cap, e.detail());
    assertFalse(e.getMessage().contains(secret.substring(0, 6)), e.getMessage());
    assertFalse(e.getMessage().contains("612345"), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void attributesAndPayloadsHaveCapsToo() {
    Touchpoint.Builder many = builder("t1");
    for (int i = 0; i < Touchpoint.MAX_ATTRIBUTES; i++) {
      many.attribute(AttributeKey.of("custom_" + i), "v");
    }
    many.build();
    OmniIdException attributes = assertThrows(OmniIdException.class,
        () -> many.attribute(AttributeKey.of("one_more"), "v").build());
    assertEquals(List.of(Reason.TOO_LARGE, "attributes"),
        List.of(attributes.reason(), attributes.field()));

    String secret = "ana.lopez.1987@gmail.com+34612345678";
    String atCap = secret.repeat(Touchpoint.MAX_PAYLOAD_VALUE_LENGTH / secret.length() + 1)
        .substring(0, Touchpoint.MAX_PAYLOAD_VALUE_LENGTH);
    builder("t2").payload("cart", atCap).build();
    OmniIdException value = assertThrows(OmniIdException.class,
        () -> builder("t2").payload("cart", atCap + "x").build());
    // The builder checks at once, naming the entry's position (issue 12, item 6).
    assertEquals(List.of(Reason.TOO_LARGE, "payload[0]", "has a value longer than 16384"),
        List.of(value.reason(), value.field(), value.detail()));
    assertFalse(value.getMessage().contains("ana.lo"), value.getMessage());

    String key = "k".repeat(Touchpoint.MAX_PAYLOAD_KEY_LENGTH);
    builder("t3").payload(key, "v").build();
    OmniIdException longKey = assertThrows(OmniIdException.class,
        () -> builder("t3").payload(key + "k", "v").build());
    assertEquals(List.of(Reason.TOO_LARGE, "payload[0]"),
        List.of(longKey.reason(), longKey.field()));
  }

  enum Where {
    EMAIL("identifiers[1] (email)"),
    PHONE("identifiers[1] (phone)"),
    ATTRIBUTE("attributes[address]"),
    ID("id");

    final String field;

    Where(String field) {
      this.field = field;
    }

    Touchpoint.Builder apply(String value) {
      return switch (this) {
        case EMAIL -> builder("t1").identifier(IdentifierType.COOKIE_ID, "c1")
            .identifier(IdentifierType.EMAIL, value);
        case PHONE -> builder("t1").identifier(IdentifierType.COOKIE_ID, "c1")
            .identifier(IdentifierType.PHONE, value);
        case ATTRIBUTE -> builder("t1").attribute(AttributeKey.ADDRESS, value);
        case ID -> builder(value);
      };
    }
  }

  // ------------------------------------------------------------ hairballs

  /** What the customers share: one device id, one phone, one email with customer ids. */
  enum Shared {
    DEVICE(IdentifierType.DEVICE_ID, "store-kiosk-1", true),
    PHONE(IdentifierType.PHONE, "+34 910 000 000", true),
    DEVICE_EMAILS_ONLY(IdentifierType.DEVICE_ID, "store-kiosk-1", false),
    PHONE_EMAILS_ONLY(IdentifierType.PHONE, "+34 910 000 000", false),
    EMAIL(IdentifierType.EMAIL, "tienda@shop.example", true);

    final IdentifierType type;
    final String value;
    final boolean customerIds;

    Shared(IdentifierType type, String value, boolean customerIds) {
      this.type = type;
      this.value = value;
      this.customerIds = customerIds;
    }

    /** Customer {@code c}'s {@code visit}-th touchpoint: its own values and the shared one. */
    Touchpoint touchpoint(int c, int visit) {
      Touchpoint.Builder b = builder("c" + c + "v" + visit)
          .identifier(type, value);
      if (type != IdentifierType.EMAIL) {
        b.identifier(IdentifierType.EMAIL, "customer" + c + "@mail.example");
      } else {
        b.identifier(IdentifierType.PHONE, "+34 6" + (10_000_000 + c));
      }
      if (customerIds) {
        b.identifier(IdentifierType.CUSTOMER_ID, "C" + c);
      }
      return b.build();
    }
  }

  private static List<Touchpoint> customers(Shared shared, int customers, int visits, long seed) {
    List<Touchpoint> all = new ArrayList<>(customers * visits);
    for (int c = 0; c < customers; c++) {
      for (int v = 0; v < visits; v++) {
        all.add(shared.touchpoint(c, v));
      }
    }
    Collections.shuffle(all, new Random(seed));
    return all;
  }

  /**
   * 20,000 customers, each with their own email (and customer id), all carrying one shared value,
   * resolved one at a time in random order: 20,000 profiles, the value generic.
   */
  @ParameterizedTest
  @EnumSource(Shared.class)
  void anOverSharedValueMakesNoHairball(Shared shared) {
    List<Touchpoint> all = customers(shared, CUSTOMERS, 1, shared.ordinal());
    IdentityResolver r = IdentityResolver.newBuilder().build();
    assertTimeoutPreemptively(WATCHDOG, () -> all.forEach(r::resolve));
    assertHairballAvoided(r, shared, CUSTOMERS, 1);
  }

  /** The same in one batch, each customer visiting twice: profiles of two touchpoints. */
  @ParameterizedTest
  @EnumSource(names = {"DEVICE", "PHONE_EMAILS_ONLY"})
  void anOverSharedValueMakesNoHairballInABatch(Shared shared) {
    List<Touchpoint> all = customers(shared, CUSTOMERS / 2, 2, 7 + shared.ordinal());
    IdentityResolver r = IdentityResolver.newBuilder().build();
    BatchResult result = assertTimeoutPreemptively(WATCHDOG, () -> r.resolveAll(all));
    assertEquals(CUSTOMERS, result.accepted());
    assertHairballAvoided(r, shared, CUSTOMERS / 2, 2);
  }

  private static void assertHairballAvoided(IdentityResolver r, Shared shared, int customers,
      int visits) {
    assertEquals(customers * visits, r.touchpointCount());
    assertEquals(customers, r.profileCount());
    int largest = r.profiles().mapToInt(Profile::size).max().orElseThrow();
    assertEquals(visits, largest, "the largest profile");
    List<GenericValue> generic = r.genericValues();
    assertEquals(1, generic.size(), generic.toString());
    assertEquals(shared.type, generic.get(0).identifier().type());
    assertEquals(GenericValue.Reason.OVER_LIMIT, generic.get(0).reason());
    assertEquals(customers * visits, generic.get(0).touchpoints());
    // Every carrier is still found by the value, each in its own profile.
    assertEquals(customers, r.findProfiles(shared.type, shared.value).size());
  }

  /**
   * Removing carriers until the value is shared by few enough customers makes it link again, and
   * the result is the batch resolution of what remains (sequence neutrality through the limit).
   */
  @Test
  void aValueBackUnderItsLimitLinksAgain() {
    Shared shared = Shared.DEVICE_EMAILS_ONLY;
    List<Touchpoint> all = customers(shared, CUSTOMERS, 1, 42);
    IdentityResolver r = IdentityResolver.newBuilder().build();
    int keep = IdentifierPolicy.defaultFor(IdentifierType.DEVICE_ID).limit();
    assertTimeoutPreemptively(WATCHDOG, () -> {
      r.resolveAll(all);
      for (Touchpoint t : all.subList(keep, all.size())) {
        r.remove(t.id());
      }
    });
    assertEquals(1, r.profileCount(), "the device links the " + keep + " remaining customers");
    assertTrue(r.genericValues().isEmpty());
    IdentityResolver batch = IdentityResolver.newBuilder().build();
    batch.resolveAll(all.subList(0, keep));
    assertEquals(partition(batch), partition(r));
    // One more customer pushes it over again: back to one profile each.
    r.resolve(all.get(keep));
    assertEquals(keep + 1, r.profileCount());
  }

  private static Set<Set<String>> partition(IdentityResolver r) {
    return r.profiles().map(p -> (Set<String>) new HashSet<>(p.touchpointIds()))
        .collect(Collectors.toSet());
  }
}
