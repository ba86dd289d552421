package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BlockingKey;
import dev.omniid.core.Channel;
import dev.omniid.core.GenericValue;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.PairExplanation;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The default configuration end to end, on the messiness of real omnichannel data. */
class OmniIdTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private static Touchpoint.Builder tp(String id, Channel channel) {
    return Touchpoint.newBuilder(id).channel(channel).timestamp(T0);
  }

  @Test
  void badSettingsAreOmniIdExceptionsNamingTheSetting() {
    OmniIdException region = assertThrows(OmniIdException.class,
        () -> OmniId.resolverBuilder().defaultRegion("Spain"));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, region.reason());
    assertEquals("defaultRegion", region.field());
    // Two letters but no region: refused by the setter itself, not later by build() as "region".
    OmniIdException unknown = assertThrows(OmniIdException.class,
        () -> OmniId.resolverBuilder().defaultRegion("XX"));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, unknown.reason());
    assertEquals("defaultRegion", unknown.field());
    assertEquals("MX", PhoneNormalizer.forRegion("mx").defaultRegion());
    OmniId.resolverBuilder().defaultRegion("mx").build().close();
    assertEquals("maximumSize", assertThrows(OmniIdException.class,
        () -> Normalizers.cached(Normalizer.identity(), 0)).field());
  }

  @Test
  void variantsOfOneCustomerLandOnOneProfile() {
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build();
    r.resolve(tp("web", Channel.WEB).identifier(IdentifierType.EMAIL, "Ana.Perez+shoes@gmail.com").build());
    assertEquals(Resolution.Outcome.ATTACHED, r.resolve(tp("app", Channel.MOBILE_APP)
        .identifier(IdentifierType.EMAIL, "\"Ana Pérez\" <anaperez@googlemail.com>")
        .identifier(IdentifierType.PHONE, "612 34 56 78").build()).outcome());
    assertEquals(Resolution.Outcome.ATTACHED, r.resolve(tp("wa", Channel.WHATSAPP)
        .identifier(IdentifierType.PHONE, "0034 612-345-678").build()).outcome());
    assertEquals(Resolution.Outcome.ATTACHED, r.resolve(tp("ads", Channel.SOCIAL)
        .identifier(HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers.sha256("anaperez@gmail.com"))
        .build()).outcome(), "a hashed audience row links with the plain email");
    assertEquals(1, r.profileCount());
  }

  @Test
  void personAttributesLinkWhatNoIdentifierDoes() {
    IdentityResolver r = OmniId.resolverBuilder().build();
    r.resolve(tp("crm", Channel.SALES_REP).attribute(AttributeKey.GIVEN_NAME, "José María")
        .attribute(AttributeKey.FAMILY_NAME, "García López").attribute(AttributeKey.BIRTH_DATE, "07/03/1985")
        .attribute(AttributeKey.POSTAL_CODE, "28013").attribute(AttributeKey.ADDRESS, "C/ Mayor 5, 3º B").build());
    Resolution store = r.resolve(tp("pos", Channel.STORE).attribute(AttributeKey.GIVEN_NAME, "Chema")
        .attribute(AttributeKey.FAMILY_NAME, "Garcia").attribute(AttributeKey.BIRTH_DATE, "1985-03-07")
        .attribute(AttributeKey.POSTAL_CODE, "28013").attribute(AttributeKey.ADDRESS, "Calle Mayor nº 5 piso 3 puerta B").build());
    assertEquals(Resolution.Outcome.ATTACHED, store.outcome());
    PairExplanation why = r.why("crm", "pos");
    assertTrue(why.score().orElseThrow().matches(), why.explain());
    // Same name and postal code, another birth date: a namesake, kept apart.
    Resolution namesake = r.resolve(tp("pos2", Channel.STORE).attribute(AttributeKey.GIVEN_NAME, "José María")
        .attribute(AttributeKey.FAMILY_NAME, "García López").attribute(AttributeKey.BIRTH_DATE, "12/11/1962")
        .attribute(AttributeKey.POSTAL_CODE, "08001").build());
    assertEquals(Resolution.Outcome.CREATED, namesake.outcome(), r.why("crm", "pos2").explain());
  }

  @Test
  void phonesTheMetadataCannotValidateAreNeverDropped() {
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build();
    // A US national number in a Spanish file: unverified, yet the same digits link exactly.
    Resolution a = r.resolve(tp("a", Channel.WEB).identifier(IdentifierType.PHONE, "(818) 555 0199")
        .attribute(AttributeKey.GIVEN_NAME, "Mary").attribute(AttributeKey.FAMILY_NAME, "Johnson").build());
    assertTrue(a.problems().isEmpty(), a.problems().toString());
    assertEquals(Resolution.Outcome.ATTACHED, r.resolve(tp("b", Channel.STORE)
        .identifier(IdentifierType.PHONE, "818-555-0199").build()).outcome());
    // The full international number is a weaker match, which the same name carries over the threshold.
    assertEquals(Resolution.Outcome.ATTACHED, r.resolve(tp("c", Channel.CALL_CENTER)
        .identifier(IdentifierType.PHONE, "+1 818 555 0199")
        .attribute(AttributeKey.GIVEN_NAME, "Mary").attribute(AttributeKey.FAMILY_NAME, "Johnson").build())
        .outcome(), r.why("a", "c").explain());
    // So is a local 7-digit number, the tail of the full one.
    assertEquals(Resolution.Outcome.ATTACHED, r.resolve(tp("d", Channel.STORE)
        .identifier(IdentifierType.PHONE, "555 0199")
        .attribute(AttributeKey.GIVEN_NAME, "Mary").attribute(AttributeKey.FAMILY_NAME, "Johnson").build())
        .outcome(), r.why("c", "d").explain());
    assertEquals(1, r.profileCount());
    // The same tail alone, under another name, is not enough.
    IdentityResolver other = OmniId.resolverBuilder().defaultRegion("ES").build();
    other.resolve(tp("c", Channel.CALL_CENTER).identifier(IdentifierType.PHONE, "+1 818 555 0199")
        .attribute(AttributeKey.GIVEN_NAME, "Mary").attribute(AttributeKey.FAMILY_NAME, "Johnson").build());
    assertEquals(Resolution.Outcome.CREATED, other.resolve(tp("e", Channel.STORE)
        .identifier(IdentifierType.PHONE, "555 0199")
        .attribute(AttributeKey.GIVEN_NAME, "Pedro").attribute(AttributeKey.FAMILY_NAME, "Gómez").build())
        .outcome(), other.why("c", "e").explain());
  }

  @Test
  void unverifiedJunkPhonesStayJunk() {
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build();
    for (int i = 0; i < 3; i++) {
      r.resolve(tp("j" + i, Channel.STORE).identifier(IdentifierType.EMAIL, "c" + i + "@shop.es")
          .identifier(IdentifierType.PHONE, "0000000000").build());
    }
    assertEquals(3, r.profileCount());
    assertTrue(r.genericValues().stream().anyMatch(g -> g.identifier().type().equals(IdentifierType.PHONE)
        && g.reason() == GenericValue.Reason.JUNK));
  }

  @Test
  void junkAndKiosksNeverMergeStrangers() {
    IdentityResolver r = OmniId.resolverBuilder().build();
    for (int i = 0; i < 8; i++) {
      r.resolve(tp("k" + i, Channel.STORE).identifier(IdentifierType.EMAIL, "c" + i + "@shop.es")
          .identifier(IdentifierType.PHONE, "+34 666 666 666")
          .identifier(IdentifierType.DEVICE_ID, "00000000-0000-0000-0000-000000000000")
          .identifier(IdentifierType.EMAIL, "test@test.com").build());
    }
    assertEquals(8, r.profileCount());
    Set<GenericValue.Reason> reasons = r.genericValues().stream().map(GenericValue::reason)
        .collect(Collectors.toSet());
    assertEquals(Set.of(GenericValue.Reason.JUNK), reasons);
    assertEquals(Set.of("email", "phone", "device_id"), r.genericValues().stream()
        .map(g -> g.identifier().type().name()).collect(Collectors.toSet()));
  }

  /** Whether some default blocking key gives both touchpoints a common key: they are compared. */
  private static boolean compared(Touchpoint a, Touchpoint b) {
    for (BlockingKey key : OmniId.defaultBlockingKeys()) {
      Set<String> ka = new HashSet<>(key.keys(a));
      if (key.keys(b).stream().anyMatch(ka::contains)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRecordWithoutAnyNameMeetsItsPersonByPostalCodeAndBirthDate() {
    // Postal codes are digits in most countries: the keys must not read them as names.
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build();
    r.resolve(tp("web", Channel.WEB).attribute(AttributeKey.GIVEN_NAME, "Teresa")
        .attribute(AttributeKey.FAMILY_NAME, "Vallejo Ramos").attribute(AttributeKey.BIRTH_DATE, "30/08/1979")
        .attribute(AttributeKey.ADDRESS, "Calle del Pez 8, 1º izda").attribute(AttributeKey.POSTAL_CODE, "28004")
        .build());
    Resolution noName = r.resolve(tp("app", Channel.MOBILE_APP).attribute(AttributeKey.BIRTH_DATE, "1979-08-30")
        .attribute(AttributeKey.ADDRESS, "C/ del Pez 8 1º Izq.").attribute(AttributeKey.POSTAL_CODE, "28004")
        .build());
    assertEquals(Resolution.Outcome.ATTACHED, noName.outcome(), r.why("web", "app").explain());
    // The same flat, another birth date: a flatmate, kept apart.
    Resolution flatmate = r.resolve(tp("pos", Channel.STORE).attribute(AttributeKey.BIRTH_DATE, "14/01/1981")
        .attribute(AttributeKey.ADDRESS, "Calle del Pez 8, 1º izda").attribute(AttributeKey.POSTAL_CODE, "28004")
        .build());
    assertEquals(Resolution.Outcome.CREATED, flatmate.outcome(), r.why("web", "pos").explain());
  }

  @Test
  void aRecordWithoutCityOrPostalCodeMeetsItsPersonByStreetAndSurname() {
    IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build();
    r.resolve(tp("web", Channel.WEB).attribute(AttributeKey.GIVEN_NAME, "Miguel Ángel")
        .attribute(AttributeKey.FAMILY_NAME, "Torres Lara").attribute(AttributeKey.CITY, "Madrid")
        .attribute(AttributeKey.ADDRESS, "Avda. de América 33, 5º dcha").attribute(AttributeKey.POSTAL_CODE, "28002")
        .build());
    Resolution store = r.resolve(tp("pos", Channel.STORE).attribute(AttributeKey.GIVEN_NAME, "Miguel Angel")
        .attribute(AttributeKey.FAMILY_NAME, "Torres Lara")
        .attribute(AttributeKey.ADDRESS, "Avenida de America 33 5 Dcha").build());
    assertEquals(Resolution.Outcome.ATTACHED, store.outcome(), r.why("web", "pos").explain());
  }

  @Test
  void aRecordWithOnlyAFullNameIsComparedUnderEachReadingOfIt() {
    Touchpoint columns = tp("crm", Channel.SALES_REP).attribute(AttributeKey.GIVEN_NAME, "José Luis")
        .attribute(AttributeKey.FAMILY_NAME, "Martín Pardo").attribute(AttributeKey.BIRTH_DATE, "1961-04-02")
        .build();
    for (String full : new String[] {"José Luis Martín Pardo", "Martín Pardo José Luis",
        "Martín Pardo, José Luis", "José Luis Martín Pardo, Sr.", "Jose L. Martin"}) {
      Touchpoint fullOnly = tp("call", Channel.CALL_CENTER).attribute(AttributeKey.FULL_NAME, full)
          .attribute(AttributeKey.BIRTH_DATE, "02/04/1961").build();
      assertTrue(compared(columns, fullOnly), full);
    }
    Touchpoint other = tp("call", Channel.CALL_CENTER).attribute(AttributeKey.FULL_NAME, "Ana Gómez Ruiz")
        .attribute(AttributeKey.BIRTH_DATE, "1961-04-02").build();
    assertTrue(!compared(columns, other), "another surname and initial: not compared");
  }

  @Test
  void theModuleExportsOnlyItsApi() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertEquals("dev.omniid.matching", module.name());
      assertEquals(Set.of("dev.omniid.matching"), module.exports().stream()
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
    }
  }
}
