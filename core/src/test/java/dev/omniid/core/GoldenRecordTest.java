package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** One example per survivorship rule, the tie-break chain and untimed touchpoints. */
class GoldenRecordTest {

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  /** A touchpoint of customer C1 (so all of them resolve into one profile). */
  private static Touchpoint.Builder tp(String id, Channel channel, Integer day) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(channel)
        .identifier(IdentifierType.CUSTOMER_ID, "C1");
    if (day != null) {
      b.timestamp(T0.plusSeconds(86_400L * day));
    }
    return b;
  }

  private static Profile resolve(Touchpoint... touchpoints) {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolveAll(List.of(touchpoints));
    List<Profile> profiles = r.profiles().toList();
    assertEquals(1, profiles.size());
    return profiles.get(0);
  }

  /** Ana on t1 and t3 (t3 the latest), Anabel (longer, from the store) on t2. */
  private static Profile names() {
    return resolve(
        tp("t1", Channel.WEB, 1).attribute(AttributeKey.GIVEN_NAME, "Ana").build(),
        tp("t2", Channel.STORE, 2).attribute(AttributeKey.GIVEN_NAME, "Anabel").build(),
        tp("t3", Channel.WEB, 3).attribute(AttributeKey.GIVEN_NAME, "Ana").build());
  }

  @Test
  void mostFrequentTakesTheValueMostTouchpointsCarryFromItsLatestTouchpoint() {
    GoldenRecord.Field name = names().golden().givenName().orElseThrow();
    assertEquals("Ana", name.value());
    assertEquals("t3", name.touchpointId());
    assertEquals(Channel.WEB, name.channel());
    assertEquals(Optional.of(T0.plusSeconds(86_400L * 3)), name.time());
  }

  @Test
  void mostRecentTakesTheLatestTouchpointsValueOverAMoreFrequentOne() {
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).attribute(AttributeKey.ADDRESS, "Old Street 1").build(),
        tp("t2", Channel.WEB, 5).attribute(AttributeKey.ADDRESS, "New 2").build(),
        tp("t3", Channel.WEB, 3).attribute(AttributeKey.ADDRESS, "Old Street 1").build());
    GoldenRecord.Field address = p.golden().address().orElseThrow();
    assertEquals("New 2", address.value());
    assertEquals("t2", address.touchpointId());
  }

  @Test
  void mostCompleteTakesTheLongestValue() {
    SurvivorshipRules rules = SurvivorshipRules.newBuilder()
        .rule(AttributeKey.GIVEN_NAME, Survivorship.MOST_COMPLETE).build();
    GoldenRecord.Field name = GoldenRecord.of(names(), rules).givenName().orElseThrow();
    assertEquals("Anabel", name.value());
    assertEquals("t2", name.touchpointId());
  }

  @Test
  void sourcePriorityTakesTheValueOfTheChannelListedFirst() {
    SurvivorshipRules rules = SurvivorshipRules.newBuilder()
        .rule(AttributeKey.GIVEN_NAME, Survivorship.SOURCE_PRIORITY)
        .channelPriority(Channel.STORE, Channel.WEB).build();
    assertEquals("Anabel", GoldenRecord.of(names(), rules).givenName().orElseThrow().value());
    // A channel not listed ranks after every listed one.
    SurvivorshipRules callCenterFirst = SurvivorshipRules.newBuilder()
        .rule(AttributeKey.GIVEN_NAME, Survivorship.SOURCE_PRIORITY)
        .channelPriority(Channel.CALL_CENTER, Channel.WEB).build();
    assertEquals("Ana", GoldenRecord.of(names(), callCenterFirst).givenName().orElseThrow().value());
  }

  @Test
  void verifiedValuesWinBeforeTheRule() {
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).identifier(IdentifierType.PHONE, "+34611111111").build(),
        tp("t2", Channel.WEB, 2).identifier(IdentifierType.PHONE, "+34611111111").build(),
        tp("t3", Channel.WEB, 0).identifier(IdentifierType.PHONE, "+34622222222").build());
    assertEquals("+34611111111", p.golden().phone().orElseThrow().value());
    SurvivorshipRules rules = SurvivorshipRules.newBuilder()
        .verifiedBy(IdentifierType.PHONE, v -> v.startsWith("+3462")).build();
    assertEquals("+34622222222", GoldenRecord.of(p, rules).phone().orElseThrow().value());
  }

  @Test
  void identifiersSurviveNormalizedAndKeepTheWinningSpelling() {
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).identifier(IdentifierType.EMAIL, "ANA@Mail.Example").build(),
        tp("t2", Channel.STORE, 2).identifier(IdentifierType.EMAIL, " Ana@mail.example").build(),
        tp("t3", Channel.WEB, 3).identifier(IdentifierType.EMAIL, "other@mail.example").build());
    GoldenRecord.Field email = p.golden().email().orElseThrow();
    // Two votes for one normalized address beat the latest, other address.
    assertEquals("ana@mail.example", email.value());
    assertEquals(" Ana@mail.example", email.raw());
    assertEquals("t2", email.touchpointId());
  }

  @Test
  void fullTiesGoToTheSmallerTouchpointIdWhateverTheValueOrArrival() {
    Touchpoint a = tp("t1", Channel.WEB, 1).attribute(AttributeKey.COUNTRY, "PT").build();
    Touchpoint b = tp("t2", Channel.WEB, 1).attribute(AttributeKey.COUNTRY, "ES").build();
    for (List<Touchpoint> order : List.of(List.of(a, b), List.of(b, a))) {
      GoldenRecord.Field country = resolve(order.toArray(Touchpoint[]::new)).golden()
          .country().orElseThrow();
      assertEquals("PT", country.value());
      assertEquals("t1", country.touchpointId());
    }
  }

  @Test
  void tiesUnderTheRuleGoDownTheChainBeforeTheId() {
    // Equally frequent: the more recent wins (t1 has the smaller id but is older).
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).attribute(AttributeKey.FAMILY_NAME, "Lopez").build(),
        tp("t2", Channel.WEB, 2).attribute(AttributeKey.FAMILY_NAME, "Garcia").build());
    assertEquals("Garcia", p.golden().familyName().orElseThrow().value());
  }

  @Test
  void untimedTouchpointsLoseToTimedOnesUnderMostRecent() {
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).attribute(AttributeKey.ADDRESS, "Timed Road 1").build(),
        tp("t0", Channel.WEB, null).attribute(AttributeKey.ADDRESS, "Untimed Road 1").build());
    GoldenRecord.Field address = p.golden().address().orElseThrow();
    assertEquals("Timed Road 1", address.value());
    // Among untimed ones only, the chain goes on: the longer value, then the id.
    Profile untimed = resolve(
        tp("t1", Channel.WEB, null).attribute(AttributeKey.ADDRESS, "Short 1").build(),
        tp("t2", Channel.WEB, null).attribute(AttributeKey.ADDRESS, "Longer Road 1").build());
    GoldenRecord.Field chosen = untimed.golden().address().orElseThrow();
    assertEquals("Longer Road 1", chosen.value());
    assertEquals(Optional.empty(), chosen.time());
  }

  @Test
  void blankAttributesAreAbsentAndOtherAttributesSurviveByTheDefaultRule() {
    AttributeKey tier = AttributeKey.of("tier");
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).attribute(AttributeKey.POSTAL_CODE, "  ").attribute(tier, "gold")
            .build(),
        tp("t2", Channel.WEB, 2).attribute(tier, " silver ").build());
    GoldenRecord g = p.golden();
    assertEquals(Optional.empty(), g.postalCode());
    assertEquals("silver", g.attribute(tier).orElseThrow().value());
    assertEquals(" silver ", g.attribute(tier).orElseThrow().raw());
    assertFalse(g.attributes().containsKey(AttributeKey.POSTAL_CODE));
    assertEquals(p.id(), g.profileId());
    assertTrue(g.identifiers().containsKey(IdentifierType.CUSTOMER_ID));
  }

  @Test
  void toStringMasksEveryValue() {
    Profile p = resolve(
        tp("t1", Channel.WEB, 1).identifier(IdentifierType.EMAIL, "Anabel@mail.example")
            .identifier(IdentifierType.PHONE, "+34611223344")
            .attribute(AttributeKey.GIVEN_NAME, "Anabel").build());
    String text = p.golden().toString();
    for (String secret : List.of("anabel@mail.example", "Anabel", "611223344")) {
      assertFalse(text.contains(secret), text);
    }
    assertTrue(text.contains("t1"), text);
  }

  @Test
  void theBuilderChecksAtOnceAndOnBuild() {
    assertThrows(IllegalStateException.class, () -> SurvivorshipRules.newBuilder()
        .rule(AttributeKey.COUNTRY, Survivorship.SOURCE_PRIORITY).build());
    assertThrows(IllegalStateException.class, () -> SurvivorshipRules.newBuilder()
        .defaultRule(Survivorship.SOURCE_PRIORITY).build());
    assertThrows(IllegalArgumentException.class, () -> SurvivorshipRules.newBuilder()
        .channelPriority(Channel.WEB, Channel.WEB));
    assertThrows(NullPointerException.class, () -> SurvivorshipRules.newBuilder()
        .rule((AttributeKey) null, Survivorship.MOST_RECENT));
    SurvivorshipRules defaults = SurvivorshipRules.defaults();
    assertEquals(Survivorship.MOST_FREQUENT, defaults.rule(IdentifierType.EMAIL));
    assertEquals(Survivorship.MOST_FREQUENT, defaults.rule(AttributeKey.BIRTH_DATE));
    assertEquals(Survivorship.MOST_RECENT, defaults.rule(AttributeKey.POSTAL_CODE));
    assertEquals(Survivorship.MOST_RECENT, defaults.rule(AttributeKey.of("tier")));
  }

  @Test
  void equalProfilesGiveEqualRecords() {
    Profile p = names();
    assertEquals(p.golden(), names().golden());
    assertEquals(p.golden().hashCode(), names().golden().hashCode());
  }

  /** The README's "Unified profile" lines, on the quick start's profile. */
  @Test
  void readmeExample() {
    IdentityResolver resolver = IdentityResolver.newBuilder().build();
    resolver.resolve(Touchpoint.newBuilder("pos-0193").channel(Channel.STORE)
        .timestamp(Instant.parse("2026-11-20T10:15:00Z")).eventKind(EventKind.TRY_ON)
        .identifier(IdentifierType.PHONE, "+34 612 345 678").build());
    Resolution r = resolver.resolve(Touchpoint.newBuilder("wa-5531").channel(Channel.WHATSAPP)
        .timestamp(Instant.parse("2026-11-21T12:15:00Z")).eventKind(EventKind.INQUIRY)
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    Profile ana = resolver.profile(r.profileId()).orElseThrow();
    GoldenRecord golden = ana.golden();
    assertEquals("+34612345678", golden.phone().orElseThrow().value());
    assertEquals("wa-5531", golden.phone().orElseThrow().touchpointId());
    SurvivorshipRules rules = SurvivorshipRules.newBuilder()
        .rule(AttributeKey.ADDRESS, Survivorship.SOURCE_PRIORITY)
        .channelPriority(Channel.STORE, Channel.WEB)
        .verifiedBy(IdentifierType.PHONE, phone -> phone.startsWith("+34"))
        .build();
    assertFalse(GoldenRecord.of(ana, rules).toString().contains("612345678"));
  }
}
