package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ResolverTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Touchpoint.Builder tp(String id, Channel channel, int minutes) {
    return Touchpoint.newBuilder(id).channel(channel).timestamp(T0.plusSeconds(60L * minutes));
  }

  @Test
  void shoeStoreStoryBecomesOneProfileWithItsJourney() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    Resolution store = r.resolve(tp("pos-1", Channel.STORE, 0).eventKind(EventKind.TRY_ON)
        .identifier(IdentifierType.LOYALTY_ID, "L-778").identifier(IdentifierType.PHONE, "+34 612 345 678")
        .identifier(IdentifierType.EMAIL, "ana.perez@gmail.com").build());
    Resolution web = r.resolve(tp("web-1", Channel.WEB, 90).eventKind(EventKind.PURCHASE)
        .identifier(IdentifierType.EMAIL, "ANA.P@work.example").identifier(IdentifierType.LOYALTY_ID, "L-778")
        .identifier(IdentifierType.COOKIE_ID, "ck-1").build());
    Resolution whatsapp = r.resolve(tp("wa-1", Channel.WHATSAPP, 200).eventKind(EventKind.INQUIRY)
        .identifier(IdentifierType.PHONE, "+34612345678").identifier(IdentifierType.DEVICE_ID, "dev-9").build());
    Resolution messenger = r.resolve(tp("fb-1", Channel.MESSENGER, 300).eventKind(EventKind.MESSAGE)
        .identifier(IdentifierType.DEVICE_ID, "DEV-9").build());

    assertEquals(Resolution.Outcome.CREATED, store.outcome());
    assertEquals(Resolution.Outcome.ATTACHED, web.outcome());
    assertEquals(Resolution.Outcome.ATTACHED, whatsapp.outcome());
    assertEquals(Resolution.Outcome.ATTACHED, messenger.outcome());
    assertEquals(1, r.profileCount());
    Profile ana = r.profile(store.profileId()).orElseThrow();
    assertEquals(List.of("pos-1", "web-1", "wa-1", "fb-1"), ana.touchpointIds());
    assertEquals(List.of(Channel.STORE, Channel.WEB, Channel.WHATSAPP, Channel.MESSENGER),
        List.copyOf(ana.channels()));
    assertEquals(java.util.Optional.of(T0), ana.firstSeen());
    assertEquals(java.util.Optional.of(T0.plusSeconds(300 * 60)), ana.lastSeen());
    assertEquals(3, ana.evidence().stream().filter(Evidence::links).count());
    assertEquals(ana, r.findProfiles(IdentifierType.EMAIL, " Ana.P@WORK.example ").get(0));
    assertEquals(ana.id(), r.findProfiles(IdentifierType.DEVICE_ID, "dev-9").get(0).id());
    Evidence viaDevice = messenger.evidence().get(0);
    assertEquals(Evidence.Kind.SHARED_IDENTIFIER, viaDevice.kind());
    assertEquals(IdentifierType.DEVICE_ID, viaDevice.identifiers().get(0).type());
  }

  @Test
  void aBridgingTouchpointMergesProfilesAndTheMergedIdStaysAnAlias() {
    List<ProfileEvent> heard = new ArrayList<>();
    IdentityResolver r = IdentityResolver.newBuilder().listener(heard::add).build();
    ProfileId a = r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "x@y.com").build()).profileId();
    ProfileId b = r.resolve(tp("b", Channel.SMS, 1).identifier(IdentifierType.PHONE, "+15550001111").build()).profileId();
    Resolution bridge = r.resolve(tp("c", Channel.CALL_CENTER, 2)
        .identifier(IdentifierType.EMAIL, "x@y.com").identifier(IdentifierType.PHONE, "+1 555 000 1111").build());

    assertEquals(Resolution.Outcome.MERGED, bridge.outcome());
    assertEquals(a, bridge.profileId(), "the oldest id survives");
    assertEquals(List.of(b), bridge.mergedProfileIds());
    assertEquals(a, r.profile(b).orElseThrow().id(), "merged-away id is an alias");
    assertEquals(List.of(b), r.profile(a).orElseThrow().aliases());
    assertEquals(List.of(ProfileEvent.Kind.CREATED, ProfileEvent.Kind.CREATED,
        ProfileEvent.Kind.MERGED, ProfileEvent.Kind.ATTACHED), heard.stream().map(ProfileEvent::kind).toList());
    assertEquals(List.of(b), heard.get(2).relatedProfileIds());

    // Removing the bridge splits them again, and each part gets its own old id back.
    List<ProfileEvent> events = r.remove("c");
    assertEquals(a, r.profileIdOf("a").orElseThrow());
    assertEquals(b, r.profileIdOf("b").orElseThrow());
    assertTrue(events.stream().anyMatch(e -> e.kind() == ProfileEvent.Kind.SPLIT
        && e.profileId().equals(a) && e.relatedProfileIds().equals(List.of(b))), events.toString());
    assertTrue(events.stream().anyMatch(e -> e.kind() == ProfileEvent.Kind.DETACHED
        && e.touchpointIds().equals(List.of("c"))), events.toString());
  }

  @Test
  void exclusiveIdentifiersKeepTwoCustomersApartAndRecordTheConflict() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("t1", Channel.WEB, 0).identifier(IdentifierType.CUSTOMER_ID, "C1")
        .identifier(IdentifierType.EMAIL, "family@home.es").build());
    Resolution second = r.resolve(tp("t2", Channel.STORE, 1).identifier(IdentifierType.CUSTOMER_ID, "C2")
        .identifier(IdentifierType.EMAIL, "family@home.es").build());

    assertEquals(Resolution.Outcome.CREATED, second.outcome());
    assertEquals(2, r.profileCount());
    Evidence conflict = second.evidence().get(0);
    assertEquals(Evidence.Kind.EXCLUSIVE_CONFLICT, conflict.kind());
    assertEquals(List.of("email", "customer_id", "customer_id"),
        conflict.identifiers().stream().map(i -> i.type().name()).toList());
    assertFalse(conflict.explain().contains("family@home.es"), conflict.explain());
    assertTrue(r.profileOfTouchpoint("t1").orElseThrow().evidence().contains(conflict));
  }

  @Test
  void aTouchpointWithTwoValuesOfAnExclusiveTypeIsRefusedWholeAndNamesThePosition() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(tp("t1", Channel.WEB, 0)
        .identifier(IdentifierType.CUSTOMER_ID, "C1").identifier(IdentifierType.CUSTOMER_ID, "C2").build()));
    assertEquals(OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES, e.reason());
    assertEquals("identifiers[1] (customer_id)", e.field());
    assertEquals(0, r.touchpointCount());
    BatchResult batch = r.resolveAll(List.of(
        tp("t1", Channel.WEB, 0).identifier(IdentifierType.CUSTOMER_ID, "C1").identifier(IdentifierType.CUSTOMER_ID, "C2").build(),
        tp("t2", Channel.WEB, 0).identifier(IdentifierType.CUSTOMER_ID, "C1").build()));
    assertEquals(1, batch.accepted());
    assertEquals(1, batch.rejected());
    assertEquals("t1", batch.problems().get(0).touchpointId());
  }

  @Test
  void aKioskDeviceSharedByManyCustomersTurnsGenericAndLinksNobody() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    for (int i = 0; i < 6; i++) {
      r.resolve(tp("k" + i, Channel.STORE, i).identifier(IdentifierType.DEVICE_ID, "kiosk-7")
          .identifier(IdentifierType.EMAIL, "c" + i + "@mail.com").build());
    }
    assertEquals(6, r.profileCount(), "6 customers > limit 5: the kiosk id links nobody");
    GenericValue kiosk = r.genericValues().get(0);
    assertEquals(IdentifierType.DEVICE_ID, kiosk.identifier().type());
    assertEquals(GenericValue.Reason.OVER_LIMIT, kiosk.reason());
    assertEquals(6, kiosk.touchpoints());
    assertEquals(6, r.findProfiles(IdentifierType.DEVICE_ID, "kiosk-7").size());

    // One customer's own device, used on 8 visits without any other identifier, stays linking.
    for (int i = 0; i < 8; i++) {
      r.resolve(tp("own" + i, Channel.MOBILE_APP, i).identifier(IdentifierType.DEVICE_ID, "phone-1").build());
    }
    assertEquals(1, r.findProfiles(IdentifierType.DEVICE_ID, "phone-1").size());

    // Below the limit a shared family tablet still links its users.
    IdentityResolver family = IdentityResolver.newBuilder().build();
    for (int i = 0; i < 3; i++) {
      family.resolve(tp("f" + i, Channel.MOBILE_APP, i).identifier(IdentifierType.DEVICE_ID, "tablet")
          .identifier(IdentifierType.EMAIL, "m" + i + "@mail.com").build());
    }
    assertEquals(1, family.profileCount());
    assertTrue(family.genericValues().isEmpty());
  }

  @Test
  void oneTouchpointCanPushAValueOverItsLimitAlone() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .identifierPolicy(IdentifierType.DEVICE_ID, IdentifierPolicy.shared(2, 50)).build();
    Touchpoint.Builder kiosk = tp("k", Channel.STORE, 0).identifier(IdentifierType.DEVICE_ID, "kiosk");
    for (int i = 0; i < 3; i++) {
      kiosk.identifier(IdentifierType.EMAIL, "c" + i + "@mail.com");
    }
    r.resolve(kiosk.build());
    assertEquals(1, r.genericValues().size(), "three emails on one touchpoint exceed a limit of 2");
    r.resolve(tp("own", Channel.STORE, 1).identifier(IdentifierType.DEVICE_ID, "kiosk").build());
    assertEquals(2, r.profileCount());
    r.remove("k");
    assertTrue(r.genericValues().isEmpty());
  }

  @Test
  void removingCustomersFromAKioskMakesItLinkAgain() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .identifierPolicy(IdentifierType.DEVICE_ID, IdentifierPolicy.shared(2, 50)).build();
    for (int i = 0; i < 3; i++) {
      r.resolve(tp("k" + i, Channel.STORE, i).identifier(IdentifierType.DEVICE_ID, "kiosk")
          .identifier(IdentifierType.EMAIL, "c" + i + "@mail.com").build());
    }
    assertEquals(3, r.profileCount());
    r.remove("k2");
    assertEquals(1, r.profileCount());
    assertTrue(r.genericValues().isEmpty());
  }

  @Test
  void junkValuesAreKeptListedAndNeverLink() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .junkValues(IdentifierType.EMAIL, "test@test.com"::equals).build();
    r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "TEST@test.com").build());
    r.resolve(tp("b", Channel.WEB, 1).identifier(IdentifierType.EMAIL, "test@test.com").build());
    assertEquals(2, r.profileCount());
    assertEquals(List.of(new GenericValue(new Identifier(IdentifierType.EMAIL, "test@test.com", "TEST@test.com"),
        GenericValue.Reason.JUNK, 2)), r.genericValues());
  }

  @Test
  void aFailingJunkCheckIsReportedWithoutTheValueAndTheValueLinksNothing() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .junkValues(IdentifierType.EMAIL, v -> {
          throw new IllegalStateException("cannot judge " + v);
        }).build();
    Resolution first = r.resolve(tp("a", Channel.WEB, 0)
        .identifier(IdentifierType.EMAIL, "ana.lopez@gmail.com").build());
    Resolution res = r.resolve(tp("b", Channel.STORE, 1)
        .identifier(IdentifierType.EMAIL, "ana.lopez@gmail.com").build());
    assertEquals(Resolution.Outcome.CREATED, res.outcome(), "a value no one could judge links nothing");
    assertEquals(2, r.profileCount());
    assertEquals(2, r.touchpointCount());
    // Reported once, by the touchpoint that brought the value (the check runs once per value).
    assertTrue(first.problems().toString().contains("IllegalStateException"), first.problems().toString());
    assertFalse(first.problems().toString().contains("lopez"), first.problems().toString());
  }

  @Test
  void invalidIdentifierValuesAreReportedAndTheTouchpointResolvesOnTheOthers() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.PHONE, "+34 600 111 222").build());
    Resolution res = r.resolve(tp("b", Channel.STORE, 1).identifier(IdentifierType.EMAIL, "ana at home")
        .identifier(IdentifierType.PHONE, "600-111-222 / +34 600 111 222").identifier(IdentifierType.PHONE, "+34600111222").build());
    assertEquals(Resolution.Outcome.ATTACHED, res.outcome());
    assertEquals(List.of("identifiers[0] (email)"), res.problems().stream().map(Problem::field).toList());
    assertFalse(res.problems().toString().contains("ana at home"));
    Profile profile = r.profileOfTouchpoint("b").orElseThrow();
    assertEquals(List.of("a", "b"), profile.touchpointIds());
    assertEquals(3, profile.journey().get(1).identifiers().size(), "the touchpoint keeps what it was sent");
    assertTrue(profile.identifiers().stream().noneMatch(i -> i.type().equals(IdentifierType.EMAIL)),
        "an invalid value never becomes a profile identifier");
  }

  @Test
  void duplicateDeliveryIsANoOpButADifferentTouchpointUnderTheSameIdIsRefused() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    Touchpoint t = tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "x@y.com").build();
    ProfileId id = r.resolve(t).profileId();
    Resolution again = r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "x@y.com").build());
    assertEquals(Resolution.Outcome.DUPLICATE, again.outcome());
    assertEquals(id, again.profileId());
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> r.resolve(tp("a", Channel.SMS, 0).identifier(IdentifierType.EMAIL, "x@y.com").build()));
    assertEquals(OmniIdException.Reason.DUPLICATE_TOUCHPOINT, e.reason());
    assertEquals(1, r.touchpointCount());
  }

  @Test
  void neverLinkSplitsAWrongMergeAndAllowLinkUndoesIt() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "shared@y.com").build());
    r.resolve(tp("b", Channel.STORE, 1).identifier(IdentifierType.EMAIL, "shared@y.com").build());
    assertEquals(1, r.profileCount());
    List<ProfileEvent> events = r.neverLink("a", "b");
    assertEquals(ProfileEvent.Kind.SPLIT, events.get(0).kind());
    assertEquals(2, r.profileCount());
    Evidence kept = r.profileOfTouchpoint("a").orElseThrow().evidence().get(0);
    assertEquals(Evidence.Kind.NEVER_LINK, kept.kind());
    r.allowLink("b", "a");
    assertEquals(1, r.profileCount());
    assertThrows(OmniIdException.class, () -> r.neverLink("a", "a"));
    assertThrows(OmniIdException.class, () -> r.neverLink("a", "zzz"));
  }

  @Test
  void splitSeparatesTouchpointsAndThePartWithTheAnchorKeepsTheId() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "e@y.com").build());
    r.resolve(tp("b", Channel.WEB, 1).identifier(IdentifierType.EMAIL, "e@y.com").identifier(IdentifierType.PHONE, "+34600000001").build());
    r.resolve(tp("c", Channel.SMS, 2).identifier(IdentifierType.PHONE, "+34600000001").build());
    ProfileId id = r.profileIdOf("a").orElseThrow();
    List<ProfileId> parts = r.split(id, Set.of("c"));
    assertEquals(2, parts.size());
    assertEquals(id, r.profileIdOf("a").orElseThrow());
    assertEquals(id, r.profileIdOf("b").orElseThrow());
    assertFalse(r.profileIdOf("c").orElseThrow().equals(id));
    assertThrows(OmniIdException.class, () -> r.split(id, Set.of("a", "b")));
    assertThrows(OmniIdException.class, () -> r.split(id, Set.of("c")));
  }

  @Test
  void removingTheLastTouchpointDeletesTheProfileAndItsIds() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId id = r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "e@y.com").build()).profileId();
    List<ProfileEvent> events = r.remove("a");
    assertEquals(List.of(new ProfileEvent(ProfileEvent.Kind.DELETED, id, List.of(), List.of("a"))), events);
    assertTrue(r.profile(id).isEmpty());
    assertTrue(r.remove("a").isEmpty());
    assertEquals(0, r.profileCount());
  }

  @Test
  void anAnchorRemovedFromAProfileHandsItsIdToTheRest() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId id = r.resolve(tp("a", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "e@y.com").build()).profileId();
    r.resolve(tp("b", Channel.WEB, 1).identifier(IdentifierType.EMAIL, "e@y.com").build());
    r.remove("a");
    assertEquals(id, r.profileIdOf("b").orElseThrow());
    assertEquals(List.of("b"), r.profile(id).orElseThrow().touchpointIds());
  }

  @Test
  void aFailingListenerDoesNotUndoTheChange() {
    IdentityResolver r = IdentityResolver.newBuilder().listener(e -> {
      throw new IllegalStateException("listener bug");
    }).build();
    r.resolve(tp("a", Channel.WEB, 0).build());
    assertEquals(1, r.profileCount());
  }

  @Test
  void aDerivedHashLinksAnAdPlatformAudienceRowWithThePlainEmail() throws Exception {
    IdentifierType hashed = IdentifierType.of("email_sha256");
    java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
    java.util.function.UnaryOperator<String> hash = v -> java.util.HexFormat.of()
        .formatHex(sha.digest(v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    IdentityResolver r = IdentityResolver.newBuilder()
        .derivedIdentifier(IdentifierType.EMAIL, hashed, hash)
        .normalizer(hashed, Normalizer.lowerCase()).build();
    r.resolve(tp("web", Channel.WEB, 0).identifier(IdentifierType.EMAIL, "Ana@Mail.com").build());
    Resolution ad = r.resolve(tp("ad", Channel.SOCIAL, 1)
        .identifier(hashed, hash.apply("ana@mail.com").toUpperCase(java.util.Locale.ROOT)).build());
    assertEquals(Resolution.Outcome.ATTACHED, ad.outcome());
    assertEquals(hashed, ad.evidence().get(0).identifiers().get(0).type());
    assertEquals("derivedIdentifier", assertThrows(OmniIdException.class,
        () -> IdentityResolver.newBuilder().derivedIdentifier(hashed, hashed, hash)).field());
  }

  @Test
  void unconfiguredIdentifierTypesLinkWithTheDefaultPolicy() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    IdentifierType tax = IdentifierType.of("tax_id");
    r.resolve(tp("a", Channel.SALES_REP, 0).identifier(tax, "B12345678").build());
    r.resolve(tp("b", Channel.CATALOG, 1).identifier(tax, " B12345678 ").build());
    assertEquals(1, r.profileCount());
  }
}
