package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import dev.omniid.core.Problem;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Published check-digit examples per country, valid and invalid, in every written form; and the
 * tax id through {@link OmniId}'s default resolver: exclusive, a wrong check digit reported as a
 * problem without the value, generic numbers linking nobody.
 */
class TaxIdsTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  /**
   * Valid numbers, each written as people write it, and the one value it normalizes to. Sources:
   * Spain, the CIF {@code B12345674} of the issue and AEAT's DNI letter table (12345678 mod 23 =
   * 14, Z), NIE {@code X1234567L} (X counts 0); Mexico, SAT's worked example {@code GODE561231GR8}
   * (INFOMEX request 0610100135506: sum 1026, remainder 3, digit 8) and its generic RFCs;
   * Argentina, AFIP-format examples of python-stdnum's documentation ({@code 20-05536168-2},
   * {@code 20-26756539-3}) and {@code 34-99903208-9}; Colombia, the DIAN's own NIT
   * {@code 800.197.268-4}; Chile, the SII's own RUT {@code 60.803.000-K} and the RUT of every
   * example, {@code 12.345.678-5}.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "ES | B12345674          | ES:B12345674",
      "ES | B-12.345.674       | ES:B12345674",
      "ES | b12345674          | ES:B12345674",
      "ES | ES B12345674       | ES:B12345674",
      "ES | ESB12345674        | ES:B12345674",
      "ES | es-b-12345674      | ES:B12345674",
      "ES | ES:B12345674       | ES:B12345674",
      "MX | ESB12345674        | ES:B12345674",
      "AR | ES B-12.345.674    | ES:B12345674",
      "ES | 12345678Z          | ES:12345678Z",
      "ES | 12.345.678-z       | ES:12345678Z",
      "ES | ES12345678Z        | ES:12345678Z",
      "ES | 1234567L           | ES:01234567L",
      "ES | 01234567-L         | ES:01234567L",
      "ES | X1234567L          | ES:X1234567L",
      "ES | x-1234567-l        | ES:X1234567L",
      "ES | ESX1234567L        | ES:X1234567L",
      "ES | P1234567D          | ES:P1234567D",
      "ES | P12345674          | ES:P1234567D",
      "ES | G12345674          | ES:G12345674",
      "ES | G1234567D          | ES:G12345674",
      "MX | GODE561231GR8      | MX:GODE561231GR8",
      "MX | gode-561231-gr8    | MX:GODE561231GR8",
      "MX | GODE 561231 GR8    | MX:GODE561231GR8",
      "ES | MX GODE561231GR8   | MX:GODE561231GR8",
      "MX | XAXX010101000      | MX:XAXX010101000",
      "MX | XEXX010101000      | MX:XEXX010101000",
      "AR | 20-05536168-2      | AR:20055361682",
      "AR | 20055361682        | AR:20055361682",
      "AR | 20 26756539 3      | AR:20267565393",
      "AR | 34-99903208-9      | AR:34999032089",
      "ES | AR 20-05536168-2   | AR:20055361682",
      "CO | 800.197.268-4      | CO:8001972684",
      "CO | 8001972684         | CO:8001972684",
      "CO | 0800197268-4       | CO:8001972684",
      "CO | 222222222222       | CO:222222222222",
      "CL | 60.803.000-K       | CL:60803000K",
      "CL | 60803000k          | CL:60803000K",
      "CL | 12.345.678-5       | CL:123456785",
      "CL | 012345678-5        | CL:123456785",
      "CL | 66.666.666-6       | CL:666666666",
      "ES | CL 60.803.000-K    | CL:60803000K",
      "DE | DE123456789        | DE:123456789",
      "DE | 123 456 789        | DE:123456789",
      "ES | DE 123456789       | DE:123456789",
      "ES | EL123456789        | GR:123456789",
      "ES | FR 12 345678901    | FR:12345678901",
      "US | 12-3456789         | US:123456789",
  })
  void publishedNumbersInEveryWrittenFormNormalizeToOneValue(String region, String raw,
      String expected) {
    assertEquals(expected, TaxIds.normalize(region, raw));
    assertEquals(expected, TaxIds.normalizer(region).normalize(raw));
    assertEquals(TaxIds.Verdict.VALID, TaxIds.verdict(region, raw));
    // Idempotent, and the normalized form reads as itself in any region.
    assertEquals(expected, TaxIds.normalize("ES", expected));
    assertEquals(expected, TaxIds.normalize("CL", expected));
    assertEquals(expected, TaxIds.normalize("US", expected));
    assertEquals(expected.substring(0, 2), TaxIds.country(expected));
  }

  /**
   * The same numbers with one character changed: a check digit that is not the computed one, in
   * each written form, is a wrong check digit, not another number.
   */
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "ES | B12345675",
      "ES | B-12.345.675",
      "ES | ES B12345675",
      "MX | ESB12345675",
      "ES | B12345684",
      "ES | 12345678A",
      "ES | 12.345.678-y",
      "ES | X1234567T",
      "ES | P1234567E",
      "MX | GODE561231GR9",
      "MX | gode-561231-gr7",
      "MX | GODE561231GRA",
      "AR | 20-05536168-3",
      "AR | 20267565392",
      "AR | 34-99903208-8",
      "CO | 800.197.268-5",
      "CO | 800197269-4",
      "CL | 60.803.000-1",
      "CL | 12.345.678-K",
      "CL | 12345679-5",
      "ES | CL 12.345.678-K",
  })
  void aWrongCheckDigitIsReportedAsSuch(String region, String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> TaxIds.normalize(region, raw));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertTrue(e.detail().startsWith("has a wrong check digit"), e.detail());
    assertFalse(e.getMessage().contains(raw), e.getMessage());
    assertEquals(TaxIds.Verdict.WRONG_CHECK_DIGIT, TaxIds.verdict(region, raw));
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "ES | B1234567",
      "ES | I12345674",
      "ES | 123456789",
      "MX | GODE561331GR8",
      "MX | GODE010229GR8",
      "MX | GO1E561231GR8",
      "AR | 21-05536168-2",
      "AR | 2005536168",
      "CO | 1234",
      "CL | 12.345.678-X",
      "DE | DE12",
      "ES | ---",
      "ES | B12345674!",
      "ES | XX:B12345674",
  })
  void whatIsNoTaxIdOfItsCountryIsRefused(String region, String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> TaxIds.normalize(region, raw));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertFalse(e.detail().contains("check digit"), e.detail());
    assertEquals(TaxIds.Verdict.MALFORMED, TaxIds.verdict(region, raw));
  }

  /** The README's and the Javadoc's examples, as written there. */
  @Test
  void theDocumentedExamplesHold() {
    assertEquals("ES:B12345674", TaxIds.normalize("ES", "B-12.345.674"));
    assertEquals("ES:B12345674", TaxIds.normalize("ES", "es b12345674"));
    assertEquals("ES:B12345674", TaxIds.normalize("MX", "ESB12345674"));
    assertEquals("ES:B12345674", TaxIds.normalize("ES", "b-12.345.674"));
    assertEquals("ES:B12345674", TaxIds.normalize("MX", "ES B12345674"));
    assertEquals("CL:60803000K", TaxIds.normalize("CL", "60.803.000-k"));
    assertEquals("has a wrong check digit for a tax id of AR", assertThrows(OmniIdException.class,
        () -> TaxIds.normalize("AR", "20-05536168-3")).detail());
    assertEquals(TaxIds.Verdict.WRONG_CHECK_DIGIT, TaxIds.verdict("AR", "20-05536168-3"));
  }

  @Test
  void aLeapDayIsAValidRfcDateOnlyInALeapYear() {
    // 29 February 2000 (00) and 1956 (56) exist; 2001's does not.
    assertEquals(Reason.INVALID_VALUE, assertThrows(OmniIdException.class,
        () -> TaxIds.normalize("MX", "GODE010229GR8")).reason());
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> TaxIds.normalize("MX", "GODE560229GR1"));
    assertTrue(e.detail().startsWith("has a wrong check digit"), "56-02-29 is a date: " + e);
  }

  @Test
  void theRegionDecidesAValueWithoutPrefixAndNumbersOfTwoCountriesNeverCollide() {
    // 12345678-5 is a valid RUT; the same digits read in Argentina are no CUIT.
    assertEquals("CL:123456785", TaxIds.normalize("CL", "123456785"));
    assertThrows(OmniIdException.class, () -> TaxIds.normalize("AR", "123456785"));
    // Digits that are both a valid RUT and a valid NIT are two values, one per country.
    String both = null;
    for (int body = 1_000_000; both == null; body++) {
      String digits = Integer.toString(body);
      char rut = TaxIdsPropertiesTest.Spec.rutCheck(digits);
      if (rut == TaxIdsPropertiesTest.Spec.nitCheck(digits)) {
        both = digits + rut;
      }
    }
    assertEquals("CL:" + both, TaxIds.normalize("CL", both));
    assertEquals("CO:" + both, TaxIds.normalize("CO", both));
  }

  @Test
  void aMexicanRfcThatBeginsWithAVatPrefixStaysMexican() {
    // "ESCA..." could be read as Spain's prefix: the region's own valid reading wins.
    String rfc = withRfcCheck("ESCA800101AB");
    assertEquals("MX:" + rfc, TaxIds.normalize("MX", rfc));
  }

  @Test
  void aMistypedRfcThatBeginsWithAVatPrefixIsAWrongCheckDigitNotAForeignVatNumber() {
    // Found by the properties test: "SKAY050509060" with a wrong check digit was read as a
    // Slovak VAT number, which is not validated. The region's shape with a wrong check wins.
    String valid = withRfcCheck("SKAY05050906");
    String wrong = valid.substring(0, 12) + (valid.charAt(12) == '1' ? '2' : '1');
    OmniIdException e = assertThrows(OmniIdException.class, () -> TaxIds.normalize("MX", wrong));
    assertEquals("has a wrong check digit for a tax id of MX", e.detail());
    // Outside Mexico the same letters are a Slovak VAT prefix.
    assertEquals("SK:AY05050906" + wrong.charAt(12), TaxIds.normalize("US", wrong));
  }

  @Test
  void settingsAreCheckedAtOnce() {
    assertThrows(OmniIdException.class, () -> TaxIds.normalizer("XX"));
    assertThrows(OmniIdException.class, () -> TaxIds.normalizer("ESP"));
    assertThrows(OmniIdException.class, () -> TaxIds.normalize("", "B12345674"));
    assertThrows(NullPointerException.class, () -> TaxIds.normalize("ES", null));
    assertEquals(Reason.TOO_LARGE, assertThrows(OmniIdException.class,
        () -> TaxIds.normalize("ES", "B".repeat(65))).reason());
    assertThrows(OmniIdException.class, () -> TaxIds.country("B12345674"));
    assertEquals(Set.of("ES", "MX", "AR", "CO", "CL"), TaxIds.checkedCountries());
  }

  @Test
  void theNormalizerReadsTheTouchpointsCountry() {
    Normalizer n = TaxIds.normalizer("es");
    Touchpoint chile = tp("t").attribute(AttributeKey.COUNTRY, "cl").build();
    Touchpoint nowhere = tp("u").attribute(AttributeKey.COUNTRY, "Chile").build();
    assertEquals("CL:123456785", n.normalize("12.345.678-5", chile));
    // Not an ISO code: the default region reads it, and 12345678-5 is no Spanish NIF.
    assertThrows(OmniIdException.class, () -> n.normalize("12.345.678-5", nowhere));
    assertEquals("ES:B12345674", n.normalize("ES B12345674", chile));
  }

  // ---------------------------------------------------------------- through the resolver

  @Test
  void writtenFormsOfOneTaxIdLinkInTheDefaultResolver() {
    try (IdentityResolver r = OmniId.resolverBuilder().build()) {
      Resolution a = r.resolve(tp("portal-1").identifier(TaxIds.TAX_ID, "B-12.345.674").build());
      Resolution b = r.resolve(tp("app-7").identifier(TaxIds.TAX_ID, "ESB12345674").build());
      Resolution c = r.resolve(tp("rep-3").attribute(AttributeKey.COUNTRY, "MX")
          .identifier(TaxIds.TAX_ID, "es b12345674").build());
      assertEquals(a.profileId(), r.profileOfTouchpoint("app-7").orElseThrow().id());
      assertEquals(a.profileId(), r.profileOfTouchpoint("rep-3").orElseThrow().id());
      assertTrue(b.problems().isEmpty() && c.problems().isEmpty());
    }
  }

  @Test
  void taxIdsAreExclusiveInTheDefaultResolver() {
    try (IdentityResolver r = OmniId.resolverBuilder().build()) {
      // Two companies with the same buyer's email: two tax ids, two accounts.
      r.resolve(tp("a").identifier(TaxIds.TAX_ID, "B12345674")
          .identifier(IdentifierType.EMAIL, "compras@distribuciones-sur.es").build());
      r.resolve(tp("b").identifier(TaxIds.TAX_ID, "A58818501")
          .identifier(IdentifierType.EMAIL, "compras@distribuciones-sur.es").build());
      assertNotEquals(r.profileOfTouchpoint("a").orElseThrow().id(),
          r.profileOfTouchpoint("b").orElseThrow().id());
      OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(tp("c")
          .identifier(TaxIds.TAX_ID, "B12345674").identifier(TaxIds.TAX_ID, "A58818501").build()));
      assertEquals(Reason.CONFLICTING_EXCLUSIVE_VALUES, e.reason());
    }
  }

  @Test
  void aWrongCheckDigitIsAProblemOfTheResolutionWithoutTheValue() {
    try (IdentityResolver r = OmniId.resolverBuilder().defaultRegion("AR").build()) {
      r.resolve(tp("crm-1").identifier(TaxIds.TAX_ID, "20-05536168-2").build());
      Resolution res = r.resolve(tp("crm-2").identifier(TaxIds.TAX_ID, "20-05536168-3")
          .identifier(IdentifierType.EMAIL, "ana@comercial-norte.com.ar").build());
      assertEquals(1, res.problems().size(), res.problems().toString());
      Problem p = res.problems().get(0);
      assertEquals("identifiers[0] (tax_id)", p.field());
      assertEquals(Reason.INVALID_VALUE, p.reason());
      assertEquals(OptionalInt.of(0), p.identifierIndex());
      assertEquals("has a wrong check digit for a tax id of AR", p.detail());
      for (String piece : List.of("05536168", "20055361683", "20-05536168-3")) {
        assertFalse(p.toString().contains(piece), p.toString());
      }
      // Not a silent near-miss: the mistyped number joined nobody.
      assertNotEquals(r.profileOfTouchpoint("crm-1").orElseThrow().id(), res.profileId());
    }
  }

  @Test
  void genericNumbersLinkNobody() {
    try (IdentityResolver r = OmniId.resolverBuilder().defaultRegion("MX").build()) {
      Resolution a = r.resolve(tp("ticket-1").identifier(TaxIds.TAX_ID, "XAXX010101000").build());
      Resolution b = r.resolve(tp("ticket-2").identifier(TaxIds.TAX_ID, "XAXX-010101-000").build());
      assertTrue(a.problems().isEmpty() && b.problems().isEmpty());
      assertNotEquals(a.profileId(), b.profileId());
    }
    assertTrue(TaxIds.genericValues().test("CL:666666666"));
    assertFalse(TaxIds.genericValues().test("CL:123456785"));
  }

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  /** The 12 characters followed by their check digit, by the test's own RFC rule. */
  private static String withRfcCheck(String first12) {
    return first12 + TaxIdsPropertiesTest.Spec.rfcCheck(first12);
  }
}
