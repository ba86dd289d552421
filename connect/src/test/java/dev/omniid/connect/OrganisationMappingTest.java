package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BatchResult;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.ProfileId;
import dev.omniid.matching.CompanyNames;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.Organisations;
import dev.omniid.matching.TaxIds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The organisation keys of a mapping: {@code org_name} is the company-name attribute the
 * organisation matchers read, {@code tax_id} the tax id identifier, read in the record's
 * {@code country}; a tax id with a wrong check digit is reported for its row and column, masked,
 * and the record is kept.
 */
class OrganisationMappingTest {
  /** A distributor's order file: the shop's name and tax id beside the buyer who ordered. */
  private static final Mapping ORDERS = Mapping.parse("""
      {"id": "ORDER", "channel": "SOURCE", "defaultRegion": "MX",
       "fields": {"org_name": "SHOP", "tax_id": "NIF", "country": "COUNTRY",
                  "email": "BUYER_EMAIL", "full_name": "BUYER",
                  "id:erp_account": "ERP_ACCOUNT"}}""", "orders.json");

  private static MappedRecord map(long row, Map<String, String> values) {
    return TouchpointMapper.of(ORDERS).map(row, values);
  }

  @Test
  void orgNameTaxIdAndCountryGoWhereTheOrganisationMatchersReadThem() {
    MappedRecord r = map(2, Map.of("ORDER", "app-1", "SOURCE", "App", "SHOP",
        "Ferretería Hnos. García, S.L.", "NIF", "B-12.345.674", "COUNTRY", "ES",
        "BUYER_EMAIL", "lucia@ferreteria-garcia.es", "BUYER", "Lucía Pérez", "ERP_ACCOUNT", "C-0042"));
    assertEquals("Ferretería Hnos. García, S.L.",
        r.touchpoint().attributes().get(CompanyNames.ORG_NAME));
    assertEquals("ES", r.touchpoint().attributes().get(AttributeKey.COUNTRY));
    assertEquals(List.of(Identifier.of(TaxIds.TAX_ID, "B-12.345.674"),
        Identifier.of(IdentifierType.EMAIL, "lucia@ferreteria-garcia.es"),
        Identifier.of(IdentifierType.of("erp_account"), "C-0042")), r.touchpoint().identifiers());
    assertEquals(List.of("NIF", "BUYER_EMAIL", "ERP_ACCOUNT"), r.identifierColumns());
    assertEquals(List.of(), r.warnings());
    assertEquals(List.of(TaxIds.TAX_ID, IdentifierType.EMAIL, IdentifierType.of("erp_account")),
        ORDERS.identifierTypes());
    assertTrue(Mapping.identifierKeys().contains("tax_id"));
  }

  @Test
  void theOtherOrganisationKeysAreTheAccountModelsOwn() {
    Mapping m = Mapping.parse("""
        {"id": "ID", "fields": {"account_number": "ACCOUNT", "org_address": ["C_NO", "C_STREET"],
         "org_postal_code": "C_ZIP", "org_city": "C_CITY", "org_phone": "C_PHONE"}}""", "e.json");
    MappedRecord r = TouchpointMapper.of(m).map(2, Map.of("ID", "1", "ACCOUNT", "B2B-40117",
        "C_NO", "12", "C_STREET", "Calle Mayor", "C_ZIP", "28013", "C_CITY", "Madrid",
        "C_PHONE", "915 555 012"));
    assertEquals(List.of(Identifier.of(Organisations.ACCOUNT_NUMBER, "B2B-40117")),
        r.touchpoint().identifiers());
    assertEquals(Map.of(Organisations.ORG_ADDRESS, "12 Calle Mayor",
        Organisations.ORG_POSTAL_CODE, "28013", Organisations.ORG_CITY, "Madrid",
        Organisations.ORG_PHONE, "915 555 012"), r.touchpoint().attributes());
    // Every organisation key goes where the account resolver's organisations side reads it.
    assertTrue(Organisations.identifierTypes().containsAll(m.identifierTypes()));
    assertTrue(Organisations.attributes().containsAll(r.touchpoint().attributes().keySet()));
    assertTrue(Organisations.identifierTypes().contains(TaxIds.TAX_ID)
        && Organisations.attributes().contains(CompanyNames.ORG_NAME));
    IdentifierPolicy p = Mapping.parse("{\"id\": \"ID\", \"fields\": {\"account_number\":"
        + " {\"column\": \"A\", \"limit\": 2}}}", "f.json").identifierPolicies()
        .get(Organisations.ACCOUNT_NUMBER);
    assertTrue(p.exclusive(), p.toString());
  }

  @Test
  void taxIdAndIdTaxIdAreOneTypeAndCannotBothBeMapped() {
    Mapping longForm = Mapping.parse("{\"id\": \"ID\", \"fields\": {\"id:tax_id\": \"NIF\"}}", "a.json");
    assertEquals(List.of(TaxIds.TAX_ID), longForm.identifierTypes());
    OmniIdException e = assertThrows(OmniIdException.class, () -> Mapping.parse(
        "{\"id\": \"ID\", \"fields\": {\"tax_id\": \"NIF\", \"id:tax_id\": \"VAT\"}}", "b.json"));
    assertEquals("\"fields.id:tax_id\": identifier type \"tax_id\" is mapped twice; give one key a"
        + " list of columns instead", e.detail());
  }

  @Test
  void aTaxIdIsAlwaysNormalizedByItsOwnRules() {
    // Compared as written, B-12.345.674 and ESB12345674 would be two companies, and a wrong check
    // digit would never be reported.
    OmniIdException e = assertThrows(OmniIdException.class, () -> Mapping.parse(
        "{\"id\": \"ID\", \"fields\": {\"tax_id\": {\"column\": \"NIF\", \"normalize\": false}}}",
        "c.json"));
    assertEquals("mapping c.json", e.field());
    assertTrue(e.detail().endsWith("tax_id is always normalized by its own rules"), e.detail());
  }

  @Test
  void aLimitAloneKeepsTaxIdsExclusive() {
    Mapping m = Mapping.parse(
        "{\"id\": \"ID\", \"fields\": {\"tax_id\": {\"column\": \"NIF\", \"limit\": 3}}}", "d.json");
    IdentifierPolicy p = m.identifierPolicies().get(TaxIds.TAX_ID);
    assertTrue(p.exclusive(), p.toString());
    assertEquals(100, p.strength());
  }

  @Test
  void theRecordsCountryReadsItsTaxIdAndAVatPrefixNamesItsOwn() {
    // Default region MX: a Spanish CIF links with its VAT form only when something says Spain.
    try (IdentityResolver resolver = ORDERS.configure(
        OmniId.resolverBuilder().defaultRegion("MX").toResolverBuilder()).build()) {
      List<MappedRecord> records = List.of(
          map(2, Map.of("ORDER", "app-1", "SHOP", "Ferretería García S.L.", "NIF", "B-12.345.674",
              "COUNTRY", "es")),
          map(3, Map.of("ORDER", "portal-9", "SHOP", "FERRETERIA GARCIA SL", "NIF", "ESB12345674")),
          map(4, Map.of("ORDER", "rep-5", "SHOP", "Ferretería García", "NIF", "b12345674",
              "COUNTRY", "ES")));
      BatchResult result = resolver.resolveAll(records.stream().map(MappedRecord::touchpoint).toList());
      assertEquals(List.of(), result.problems());
      ProfileId account = resolver.profileIdOf("app-1").orElseThrow();
      assertEquals(account, resolver.profileIdOf("portal-9").orElseThrow());
      assertEquals(account, resolver.profileIdOf("rep-5").orElseThrow());
    }
  }

  @Test
  void aWrongCheckDigitIsReportedForItsRowAndColumnMaskedAndTheRecordIsKept() {
    try (IdentityResolver resolver = ORDERS.configure(
        OmniId.resolverBuilder().defaultRegion("AR").toResolverBuilder()).build()) {
      MappedRecord good = map(2, Map.of("ORDER", "crm-1", "SHOP", "Comercial Norte S.R.L.",
          "NIF", "20-05536168-2", "COUNTRY", "AR"));
      MappedRecord typo = map(3, Map.of("ORDER", "crm-2", "SHOP", "Comercial Norte SRL",
          "NIF", "20-05536168-3", "COUNTRY", "AR", "BUYER_EMAIL", "ana@comercial-norte.com.ar"));
      resolver.resolve(good.touchpoint());
      List<Problem> problems = resolver.resolve(typo.touchpoint()).problems();
      assertEquals(1, problems.size(), problems.toString());

      Warning w = typo.warning(problems.get(0));
      assertEquals(3, w.row());
      assertEquals("crm-2", w.recordId());
      assertEquals("NIF", w.column());
      assertEquals("has a wrong check digit for a tax id of AR: ignored", w.reason());
      assertFalse(w.rejected());
      assertEquals(Warning.mask("20-05536168-3"), w.maskedValue());
      for (String piece : List.of("05536168", "20055361683", "20-05536168-3")) {
        assertFalse(w.toString().contains(piece), w.toString());
      }
      // Kept: resolved on its other values, into a profile of its own (the typo links nobody).
      ProfileId kept = resolver.profileIdOf("crm-2").orElseThrow();
      assertNotEquals(resolver.profileIdOf("crm-1").orElseThrow(), kept);
      assertFalse(resolver.profile(kept).orElseThrow().identifiers().stream()
          .anyMatch(i -> i.type().equals(TaxIds.TAX_ID)));
      assertTrue(resolver.profile(kept).orElseThrow().identifiers().stream()
          .anyMatch(i -> i.type().equals(IdentifierType.EMAIL)));
    }
  }

  @Test
  void aProblemOfAnAttributeIsNamedByItsMappingKey() {
    MappedRecord r = map(5, Map.of("ORDER", "o-5", "SHOP", "Sur S.A."));
    Warning w = r.warning(new Problem("o-5", "attributes[org_name]",
        OmniIdException.Reason.INVALID_VALUE, "holds no letter or digit"));
    assertEquals(new Warning(5, "o-5", "fields.org_name", Warning.mask("Sur S.A."),
        "holds no letter or digit: not used for matching", false), w);
  }
}
