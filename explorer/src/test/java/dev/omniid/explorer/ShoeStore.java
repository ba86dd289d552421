package dev.omniid.explorer;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.time.Instant;
import java.util.List;

/**
 * A known small set with every kind of evidence: Ana across four channels (shared identifiers),
 * José María on two (a scored match on name, birth date and address, no identifier shared), a
 * household whose two people share a phone but differ in name and birth date (a person conflict,
 * kept apart), a junk email several records give (a generic value), and a record whose id and
 * values are markup (the injection the page must neutralize).
 */
final class ShoeStore {
  static final Instant DAY = Instant.parse("2026-11-20T10:15:00Z");
  /** A record id that is markup; the page must show it as text. */
  static final String EVIL_ID = "<img src=x onerror=\"window.pwned=1\">";
  /** A value that would end the data's script element if it were not escaped. */
  static final String EVIL_NAME = "</script><script>window.pwned=2</script><!--";
  static final String ANA_PHONE = "+34 612 345 678";

  private ShoeStore() {}

  static List<Touchpoint> touchpoints() {
    return List.of(
        tp("pos-0193", Channel.STORE, 0, EventKind.TRY_ON).identifier(IdentifierType.PHONE, ANA_PHONE)
            .identifier(IdentifierType.LOYALTY_ID, "LOY-778812")
            .attribute(AttributeKey.FULL_NAME, "Ana Pérez").build(),
        tp("pos-0194", Channel.STORE, 900, EventKind.PURCHASE)
            .identifier(IdentifierType.PHONE, "+34 699 000 111")
            .attribute(AttributeKey.FULL_NAME, "Luis Gómez").build(),
        tp("web-88121", Channel.WEB, 7 * 3600, EventKind.PURCHASE)
            .identifier(IdentifierType.EMAIL, "ana.p.work@outlook.es")
            .identifier(IdentifierType.LOYALTY_ID, "LOY-778812")
            .identifier(IdentifierType.COOKIE_ID, "ck-5f1c9a").build(),
        tp("wa-5531", Channel.WHATSAPP, 26 * 3600, EventKind.INQUIRY)
            .identifier(IdentifierType.PHONE, "+34612345678")
            .identifier(IdentifierType.DEVICE_ID, "6D92078A-8246-4BA4-AE5B-76104861E7DC").build(),
        tp("fbm-771", Channel.MESSENGER, 50 * 3600, EventKind.MESSAGE)
            .identifier(IdentifierType.DEVICE_ID, "6d92078a-8246-4ba4-ae5b-76104861e7dc").build(),
        // José María: no identifier in common, one person by name, birth date and address.
        tp("crm-17", Channel.SALES_REP, 3 * 3600, EventKind.INQUIRY)
            .attribute(AttributeKey.GIVEN_NAME, "José María")
            .attribute(AttributeKey.FAMILY_NAME, "García López")
            .attribute(AttributeKey.BIRTH_DATE, "07/03/1985").attribute(AttributeKey.POSTAL_CODE, "28013")
            .attribute(AttributeKey.ADDRESS, "C/ Mayor 5, 3º B").build(),
        tp("pos-0200", Channel.STORE, 30 * 3600, EventKind.PURCHASE)
            .attribute(AttributeKey.GIVEN_NAME, "Chema").attribute(AttributeKey.FAMILY_NAME, "Garcia")
            .attribute(AttributeKey.BIRTH_DATE, "1985-03-07").attribute(AttributeKey.POSTAL_CODE, "28013")
            .attribute(AttributeKey.ADDRESS, "Calle Mayor nº 5 piso 3 puerta B").build(),
        // A household: one landline, two people.
        tp("hh-1", Channel.CALL_CENTER, 4 * 3600, EventKind.INQUIRY)
            .identifier(IdentifierType.PHONE, "+34 915 550 123")
            .attribute(AttributeKey.GIVEN_NAME, "Marta").attribute(AttributeKey.FAMILY_NAME, "Ruiz")
            .attribute(AttributeKey.BIRTH_DATE, "1970-02-11").build(),
        tp("hh-2", Channel.CALL_CENTER, 5 * 3600, EventKind.INQUIRY)
            .identifier(IdentifierType.PHONE, "+34 915 550 123")
            .attribute(AttributeKey.GIVEN_NAME, "Pedro").attribute(AttributeKey.FAMILY_NAME, "Ruiz")
            .attribute(AttributeKey.BIRTH_DATE, "1968-09-30").build(),
        // Junk: a placeholder email that three customers type.
        tp("web-1", Channel.WEB, 6 * 3600, EventKind.SIGNUP).identifier(IdentifierType.EMAIL, "test@test.com")
            .identifier(IdentifierType.COOKIE_ID, "ck-1").build(),
        tp("web-2", Channel.WEB, 8 * 3600, EventKind.SIGNUP).identifier(IdentifierType.EMAIL, "test@test.com")
            .identifier(IdentifierType.COOKIE_ID, "ck-2").build(),
        tp(EVIL_ID, Channel.of("web"), 9 * 3600, EventKind.SIGNUP)
            .identifier(IdentifierType.EMAIL, "test@test.com")
            .identifier(IdentifierType.COOKIE_ID, "ck-</script>-3")
            .attribute(AttributeKey.FULL_NAME, EVIL_NAME).build());
  }

  static IdentityResolver resolver() {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    resolver.resolveAll(touchpoints());
    return resolver;
  }

  static Profile ana(IdentityResolver resolver) {
    return resolver.findProfiles(IdentifierType.PHONE, ANA_PHONE).get(0);
  }

  private static Touchpoint.Builder tp(String id, Channel channel, long seconds, EventKind kind) {
    return Touchpoint.newBuilder(id).channel(channel).timestamp(DAY.plusSeconds(seconds))
        .eventKind(kind);
  }
}
