package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PII hygiene (issue 6): no exception, problem or {@code toString} that bad input can raise in core
 * carries a raw value of the touchpoint, its normalized form, or any piece of them six characters
 * long. The values are distinctive, so a leak cannot hide behind a common word.
 */
class PiiHygieneTest {
  static final String EMAIL = "ana.lopez.1987@gmail.com";
  static final String PHONE = "+34 612 345 678";
  static final String CUSTOMER = "CUST-ANALOPEZ-1987";
  static final String OTHER_CUSTOMER = "CUST-ZOEQUIRK-2002";
  static final String DEVICE = "A1B2C3D4-ANAS-IPAD-77Q9";
  static final String NAME = "Anabel Quintanilla";
  static final String ADDRESS = "Calle Zurbaran 17, Getafe";
  static final String PAYLOAD = "order for Zurbaran Quintanilla";
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** Every value a leak could show, raw and normalized. */
  static final List<String> SECRETS = List.of(EMAIL, PHONE, "+34612345678", "34612345678",
      CUSTOMER, OTHER_CUSTOMER, DEVICE, NAME, ADDRESS, PAYLOAD, "ana.lopez.1987@@gmail.com",
      "ana lopez 1987@gmail.com", "ana@lopez.garcia1987");

  /** Fails if {@code text} holds a six-character piece of a secret (case and spaces ignored). */
  static void assertNoLeak(String what, String text) {
    String folded = fold(text);
    for (String secret : SECRETS) {
      String s = fold(secret);
      for (int i = 0; i + 6 <= s.length(); i++) {
        String piece = s.substring(i, i + 6);
        if (piece.chars().noneMatch(Character::isLetterOrDigit)) {
          continue; // punctuation alone tells nothing about anyone
        }
        assertFalse(folded.contains(piece),
            what + " leaks '" + piece + "' of a personal value: " + text);
      }
    }
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace(" ", "");
  }

  static void assertNoLeak(OmniIdException e) {
    assertNoLeak("message", e.getMessage());
    assertNoLeak("field", e.field());
    assertNoLeak("detail", e.detail());
    assertNoLeak("toString", e.toString());
  }

  static void assertNoLeak(Problem p) {
    assertNoLeak("problem field", p.field());
    assertNoLeak("problem detail", p.detail());
    assertNoLeak("problem", p.toString());
  }

  private static OmniIdException refused(Reason reason, Executable bad) {
    OmniIdException e = assertThrows(OmniIdException.class, bad);
    assertEquals(reason, e.reason(), e.getMessage());
    assertNoLeak(e);
    return e;
  }

  private static Touchpoint.Builder builder(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WHATSAPP).timestamp(T0);
  }

  /** A touchpoint carrying every secret, for the toString checks. */
  private static Touchpoint full(String id, String customerId) {
    return builder(id)
        .identifier(IdentifierType.EMAIL, EMAIL)
        .identifier(IdentifierType.PHONE, PHONE)
        .identifier(IdentifierType.CUSTOMER_ID, customerId)
        .identifier(IdentifierType.DEVICE_ID, DEVICE)
        .attribute(AttributeKey.GIVEN_NAME, NAME)
        .attribute(AttributeKey.ADDRESS_LINE, ADDRESS)
        .payload("note", PAYLOAD)
        .build();
  }

  // ------------------------------------------------------------ the touchpoint's own checks

  @Test
  void builderRefusalsNameThePositionNeverTheValue() {
    Touchpoint.Builder b = builder("t1").identifier(IdentifierType.EMAIL, EMAIL);
    assertEquals("identifiers[1] (phone)",
        refused(Reason.MISSING_FIELD, () -> b.identifier(IdentifierType.PHONE, null)).field());
    refused(Reason.INVALID_VALUE, () -> b.identifier(IdentifierType.PHONE, " \t "));
    OmniIdException longEmail = refused(Reason.TOO_LARGE,
        () -> b.identifier(IdentifierType.EMAIL, EMAIL.repeat(50)));
    assertEquals("identifiers[1] (email)", longEmail.field());
    refused(Reason.TOO_LARGE, () -> b.identifier(IdentifierType.PHONE, PHONE.repeat(80)));
    refused(Reason.TOO_LARGE, () -> b.attribute(AttributeKey.GIVEN_NAME, NAME.repeat(60)));
    refused(Reason.TOO_LARGE, () -> b.attribute(AttributeKey.ADDRESS_LINE, ADDRESS.repeat(50)));
    refused(Reason.MISSING_FIELD, () -> b.attribute(AttributeKey.GIVEN_NAME, null));
    Touchpoint.Builder many = builder("t2");
    for (int i = 0; i < Touchpoint.MAX_IDENTIFIERS; i++) {
      many.identifier(IdentifierType.PHONE, PHONE + i);
    }
    refused(Reason.TOO_LARGE, () -> many.identifier(IdentifierType.EMAIL, EMAIL));
  }

  /** An email used as a touchpoint id by mistake is not echoed either. */
  @Test
  void badIdsAreRefusedWithoutEchoingThem() {
    refused(Reason.TOO_LARGE, () -> Touchpoint.newBuilder(EMAIL.repeat(20)));
    refused(Reason.INVALID_VALUE, () -> Touchpoint.newBuilder(EMAIL + "\n" + PHONE));
    refused(Reason.INVALID_VALUE, () -> Touchpoint.newBuilder("\u0000" + CUSTOMER));
    refused(Reason.MISSING_FIELD, () -> Touchpoint.newBuilder(null));
    refused(Reason.INVALID_VALUE, () -> Touchpoint.newBuilder("   "));
  }

  @Test
  void canonicalConstructorRefusalsNeverEchoTheValue() {
    List<Identifier> tooMany = new ArrayList<>();
    for (int i = 0; i <= Touchpoint.MAX_IDENTIFIERS; i++) {
      tooMany.add(Identifier.of(IdentifierType.EMAIL, i + EMAIL));
    }
    refused(Reason.TOO_LARGE, () -> touchpoint(tooMany, Map.of(), Map.of()));
    refused(Reason.TOO_LARGE, () -> touchpoint(
        List.of(Identifier.of(IdentifierType.PHONE, PHONE), Identifier.of(IdentifierType.EMAIL,
            EMAIL.repeat(100))), Map.of(), Map.of()));
    List<Identifier> withNull = new ArrayList<>(List.of(Identifier.of(IdentifierType.EMAIL, EMAIL)));
    withNull.add(null);
    refused(Reason.MISSING_FIELD, () -> touchpoint(withNull, Map.of(), Map.of()));
    refused(Reason.TOO_LARGE, () -> touchpoint(List.of(),
        Map.of(AttributeKey.FAMILY_NAME, NAME.repeat(100)), Map.of()));
    Map<AttributeKey, String> nullValue = new HashMap<>();
    nullValue.put(AttributeKey.GIVEN_NAME, null);
    refused(Reason.MISSING_FIELD, () -> touchpoint(List.of(), nullValue, Map.of()));
    Map<String, String> payload = new LinkedHashMap<>();
    for (int i = 0; i <= Touchpoint.MAX_PAYLOAD_ENTRIES; i++) {
      payload.put("k" + i, PAYLOAD);
    }
    refused(Reason.TOO_LARGE, () -> touchpoint(List.of(), Map.of(), payload));
    Map<String, String> nullPayload = new HashMap<>();
    nullPayload.put("note", null);
    refused(Reason.MISSING_FIELD, () -> touchpoint(List.of(), Map.of(), nullPayload));
    for (Supplier<Touchpoint> missing : List.<Supplier<Touchpoint>>of(
        () -> new Touchpoint("t1", null, T0, EventKind.VISIT, List.of(), Map.of(), Map.of()),
        () -> new Touchpoint("t1", Channel.WEB, T0, null, List.of(), Map.of(), Map.of()))) {
      refused(Reason.MISSING_FIELD, missing::get);
    }
    // An identifier with nothing but spaces has no value to compare.
    refused(Reason.INVALID_VALUE, () -> new Identifier(IdentifierType.EMAIL, "", EMAIL));
  }

  private static Touchpoint touchpoint(List<Identifier> identifiers,
      Map<AttributeKey, String> attributes, Map<String, String> payload) {
    return new Touchpoint("t1", Channel.WEB, T0, EventKind.VISIT, identifiers, attributes, payload);
  }

  // ------------------------------------------------------------ the resolver

  @Test
  void exclusiveConflictsAreRefusedWithoutTheirValues() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    Touchpoint twoIds = builder("t1").identifier(IdentifierType.EMAIL, EMAIL)
        .identifier(IdentifierType.CUSTOMER_ID, CUSTOMER)
        .identifier(IdentifierType.CUSTOMER_ID, OTHER_CUSTOMER).build();
    OmniIdException e = refused(Reason.CONFLICTING_EXCLUSIVE_VALUES, () -> r.resolve(twoIds));
    assertEquals("identifiers[2] (customer_id)", e.field());
    BatchResult batch = r.resolveAll(List.of(twoIds, full("t2", CUSTOMER)));
    assertEquals(1, batch.rejected());
    batch.problems().forEach(PiiHygieneTest::assertNoLeak);
    assertNoLeak("batch result", batch.toString());
    // The conflict between two touchpoints sharing an email is evidence, shown masked.
    Resolution conflict = r.resolve(full("t3", OTHER_CUSTOMER));
    assertTrue(conflict.evidence().stream()
        .anyMatch(ev -> ev.kind() == Evidence.Kind.EXCLUSIVE_CONFLICT), conflict.toString());
    assertNoLeak("resolution", conflict.toString());
    for (Evidence ev : conflict.evidence()) {
      assertNoLeak("evidence", ev.toString());
      assertNoLeak("evidence", ev.explain());
    }
    OmniIdException duplicate = refused(Reason.DUPLICATE_TOUCHPOINT,
        () -> r.resolve(full("t3", CUSTOMER)));
    assertEquals("id", duplicate.field());
  }

  /** Values the normalizer refuses, or fails on, are problems that name the position only. */
  @Test
  void refusedValuesAreProblemsWithoutTheirValues() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .normalizer(IdentifierType.DEVICE_ID, value -> {
          throw new IllegalStateException("cannot read device id " + value);
        })
        .derivedIdentifier(IdentifierType.EMAIL, IdentifierType.of("email_hash"), value -> {
          throw new IllegalArgumentException("cannot hash " + value);
        })
        .build();
    Touchpoint t = builder("t1")
        .identifier(IdentifierType.EMAIL, "ana.lopez.1987@@gmail.com")
        .identifier(IdentifierType.EMAIL, "ana lopez 1987@gmail.com")
        .identifier(IdentifierType.EMAIL, "ana.lopez.1987\u0007@gmail.com")
        .identifier(IdentifierType.EMAIL, EMAIL)
        .identifier(IdentifierType.PHONE, "+34 6")
        .identifier(IdentifierType.SOCIAL_HANDLE, "@@@")
        .identifier(IdentifierType.DEVICE_ID, DEVICE)
        .build();
    Resolution resolution = r.resolve(t);
    // Three bad emails, the short phone, the bare handle, the device id, the failed derivation.
    assertEquals(7, resolution.problems().size(), resolution.toString());
    resolution.problems().forEach(PiiHygieneTest::assertNoLeak);
    assertNoLeak("resolution", resolution.toString());
    assertTrue(resolution.problems().stream()
        .anyMatch(p -> p.detail().equals("normalizer failed with IllegalStateException")));
    assertTrue(resolution.problems().stream()
        .anyMatch(p -> p.detail().equals("derivation failed with IllegalArgumentException")));
    BatchResult batch = r.resolveAll(List.of(builder("t2")
        .identifier(IdentifierType.EMAIL, "ana.lopez.1987@@gmail.com")
        .identifier(IdentifierType.DEVICE_ID, DEVICE).build()));
    batch.problems().forEach(PiiHygieneTest::assertNoLeak);
    assertNoLeak("batch result", batch.toString());
  }

  /** Calls naming unknown or wrong touchpoints and profiles carry no value of what is held. */
  @Test
  void badReferencesCarryNoHeldValue() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(full("t1", CUSTOMER));
    r.resolve(full("t2", CUSTOMER));
    r.resolve(builder("t3").identifier(IdentifierType.PHONE, "+34 699 000 111").build());
    ProfileId profile = r.profileIdOf("t1").orElseThrow();
    refused(Reason.UNKNOWN_REFERENCE, () -> r.neverLink("t1", "nope"));
    refused(Reason.UNKNOWN_REFERENCE, () -> r.neverLink("nope", "t1"));
    refused(Reason.INVALID_VALUE, () -> r.neverLink("t1", "t1"));
    refused(Reason.UNKNOWN_REFERENCE, () -> r.allowLink("t1", "nope"));
    refused(Reason.UNKNOWN_REFERENCE, () -> r.why("t1", "nope"));
    refused(Reason.UNKNOWN_REFERENCE, () -> r.split(ProfileId.parse("P-999"), Set.of("t1")));
    refused(Reason.UNKNOWN_REFERENCE, () -> r.split(profile, Set.of("t3")));
    refused(Reason.INVALID_VALUE, () -> r.split(profile, Set.of()));
    refused(Reason.INVALID_VALUE, () -> r.split(profile, Set.of("t1", "t2")));
    // Looking up or erasing a value the normalizer refuses finds nothing, quietly.
    assertEquals(List.of(), r.findProfiles(IdentifierType.EMAIL, "ana.lopez.1987@@gmail.com"));
    assertEquals(List.of(), r.forget(IdentifierType.EMAIL, "ana lopez 1987@gmail.com"));
    assertEquals(List.of(), r.remove("nope"));
  }

  // ------------------------------------------------------------ toString of every value

  @Test
  void everyValueMasksIdentifiersInToString() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .matchModel(RandomTouchpoints.model())
        .blockingKey(RandomTouchpoints.BY_GIVEN)
        .identifierPolicy(IdentifierType.DEVICE_ID, IdentifierPolicy.shared(1, 50))
        .build();
    Touchpoint t1 = full("t1", CUSTOMER);
    assertNoLeak("touchpoint", t1.toString());
    for (Identifier i : t1.identifiers()) {
      assertNoLeak("identifier", i.toString());
      assertNoLeak("identifier", i.masked());
    }
    Resolution first = r.resolve(t1);
    Resolution second = r.resolve(full("t2", CUSTOMER));
    Resolution third = r.resolve(full("t3", OTHER_CUSTOMER));
    // Two more customers on the same device: it is over its limit, so generic.
    for (int i = 4; i < 7; i++) {
      r.resolve(builder("t" + i).identifier(IdentifierType.EMAIL, i + EMAIL)
          .identifier(IdentifierType.DEVICE_ID, DEVICE).build());
    }
    for (Resolution resolution : List.of(first, second, third)) {
      assertNoLeak("resolution", resolution.toString());
    }
    List<Profile> profiles = r.profiles().toList();
    assertTrue(profiles.stream().anyMatch(p -> p.size() == 2));
    for (Profile p : profiles) {
      assertNoLeak("profile", p.toString());
      for (Evidence e : p.evidence()) {
        assertNoLeak("evidence", e.toString());
      }
      p.journey().forEach(t -> assertNoLeak("touchpoint", t.toString()));
    }
    List<GenericValue> generic = r.genericValues();
    assertTrue(generic.stream().anyMatch(g -> g.identifier().type().equals(IdentifierType.DEVICE_ID)),
        generic.toString());
    assertNoLeak("generic values", generic.toString());
    for (List<String> pair : List.of(List.of("t1", "t2"), List.of("t1", "t3"), List.of("t1", "t4"))) {
      PairExplanation why = r.why(pair.get(0), pair.get(1));
      assertNoLeak("pair explanation", why.toString());
      assertNoLeak("pair explanation", why.explain());
    }
    assertNoLeak("resolver", r.toString());
    assertNoLeak("events", r.remove("t2").toString());
  }

  /**
   * The masks themselves: an email keeps its first letters and a top-level domain, a phone its
   * country code and last two digits, anything else its ends.
   */
  @ParameterizedTest
  @ValueSource(strings = {EMAIL, PHONE, CUSTOMER, DEVICE, NAME, ADDRESS,
      "ana@lopez.garcia1987", "ana.lopez.1987@gmail.com.quintanilla", "x@quintanilla"})
  void masksKeepNoSixCharacterPiece(String value) {
    assertNoLeak("mask of a value", Pii.mask(value));
    assertNoLeak("mask of a value", Identifier.of(IdentifierType.EMAIL, value).toString());
  }

  @Test
  void masksStayRecognisable() {
    assertEquals("a***@g***.com", Pii.mask(EMAIL));
    assertEquals("a***@l***.g***", Pii.mask("ana@lopez.garcia1987"));
    assertEquals("+34 *** *** *78", Pii.mask(PHONE));
    assertEquals("+34*******78", Pii.mask("+34612345678"));
    assertEquals("****", Pii.mask("1987"));
  }
}
