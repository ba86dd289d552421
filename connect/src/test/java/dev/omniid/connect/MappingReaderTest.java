package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.connect.ParsedMapping.IdentifierField;
import dev.omniid.connect.ParsedMapping.Part;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class MappingReaderTest {
  private static ParsedMapping parse(String json) {
    return MappingReader.parse(json, "m.json");
  }

  private static String error(String json) {
    // The message the omniid tool prints: the field (mapping NAME), then what is wrong.
    OmniIdException e = assertThrows(OmniIdException.class, () -> parse(json));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
    return e.field() + ": " + e.detail();
  }

  @Test
  void readsEveryKey() {
    ParsedMapping m = parse("""
        {
          "id": " RECORD_ID ",
          "channel": "DATA_SOURCE",
          "timestamp": "DATE",
          "event": "=purchase",
          "defaultRegion": "us",
          "timestampFormat": "dd/MM/yyyy HH:mm",
          "birthDateFormat": "yyyyMMdd",
          "fields": {
            "email": "EMAIL_ADDRESS", "phone": ["PHONE_NUMBER", "MOBILE"],
            "social_handle": "HANDLE", "device_id": "DEVICE", "cookie_id": "COOKIE",
            "customer_id": "CUST_NO", "loyalty_id": "LOYALTY", "national_id": "NID",
            "passport": "PASS", "email_sha256": "EH", "phone_sha256": "PH",
            "given_name": "FIRST", "family_name": "LAST", "full_name": "NAME", "birth_date": "DOB",
            "address": "ADDR_FULL", "address_line": ["STREET_NO", "STREET"], "city": "CITY",
            "region": "STATE", "postal_code": "ZIP", "country": "=ES", "org_name": "COMPANY",
            "org_address": "C_ADDR", "org_postal_code": "C_ZIP", "org_city": "C_CITY",
            "org_phone": "C_PHONE", "tax_id": "TAX", "account_number": "ACCOUNT"
          }
        }""");
    assertEquals(List.of(new Part("RECORD_ID", false)), m.id().parts());
    assertEquals("DATA_SOURCE", m.channel().orElseThrow().parts().get(0).text());
    assertEquals(List.of(new Part("purchase", true)), m.event().orElseThrow().parts());
    assertEquals(Optional.of("US"), m.defaultRegion());
    assertEquals(Optional.of("dd/MM/yyyy HH:mm"), m.timestampFormat());
    assertEquals(Optional.of("yyyyMMdd"), m.birthDateFormat());
    assertEquals(List.of("email", "phone", "social_handle", "device_id", "cookie_id", "customer_id",
        "loyalty_id", "national_id", "passport", "email_sha256", "phone_sha256", "tax_id",
        "account_number"),
        m.identifiers().stream().map(f -> f.type().name()).toList());
    assertEquals(MappingReader.ATTRIBUTE_KEYS,
        m.attributes().stream().map(f -> f.key().name()).toList());
    IdentifierField phone = m.identifiers().get(1);
    assertEquals(List.of("PHONE_NUMBER", "MOBILE"), phone.source().columns().toList());
    assertEquals(Optional.empty(), phone.policy());
    assertEquals(List.of(new Part("ES", true)), m.attributes().stream()
        .filter(a -> a.key().equals(AttributeKey.COUNTRY)).findFirst().orElseThrow().source().parts());
    assertEquals(List.of("RECORD_ID", "DATA_SOURCE", "DATE"), m.sources().limit(4)
        .flatMap(ParsedMapping.Source::columns).toList());
  }

  @Test
  void onlyIdIsRequired() {
    ParsedMapping m = parse("{\"id\": \"id\"}");
    assertTrue(m.channel().isEmpty() && m.timestamp().isEmpty() && m.identifiers().isEmpty()
        && m.attributes().isEmpty() && m.defaultRegion().isEmpty());
  }

  @Test
  void longFormSetsThePolicy() {
    ParsedMapping m = parse("""
        {"id": "id", "fields": {
          "id:passport_no": {"column": "PASSPORT", "exclusive": true, "limit": 5},
          "id:soc_sec_id": {"column": "soc_sec_id", "exclusive": false, "personal": true},
          "id:member": {"column": ["M1", "M2"]},
          "email": {"column": "EMAIL", "limit": 10},
          "city": {"column": "TOWN"}
        }}""");
    assertEquals(new IdentifierPolicy(true, 5, true, 100), m.identifiers().get(0).policy().orElseThrow());
    assertEquals(IdentifierPolicy.DEFAULT, m.identifiers().get(1).policy().orElseThrow());
    assertEquals(List.of(false, true, false), m.identifiers().stream().limit(3)
        .map(ParsedMapping.IdentifierField::personal).toList(), "only soc_sec_id names one person");
    assertEquals(Optional.empty(), m.identifiers().get(2).policy());
    assertEquals(List.of("M1", "M2"), m.identifiers().get(2).source().columns().toList());
    assertEquals(IdentifierPolicy.defaultFor(IdentifierType.EMAIL).withLimit(10),
        m.identifiers().get(3).policy().orElseThrow());
    assertEquals("TOWN", m.attributes().get(0).source().parts().get(0).text());
  }

  @Test
  void normalizeFalseComparesAnExactIdAsWritten() {
    ParsedMapping m = parse("{\"id\": \"id\", \"fields\": {\"national_id\": {\"column\": \"NID\","
        + " \"normalize\": false}, \"id:vat\": {\"column\": \"VAT\", \"normalize\": true,"
        + " \"exclusive\": true}, \"passport\": \"P\", \"email\": {\"column\": \"E\", \"normalize\": true}}}");
    assertEquals(List.of(false, true, true, true),
        m.identifiers().stream().map(IdentifierField::normalize).toList());
    assertEquals(java.util.Set.of(IdentifierType.NATIONAL_ID), Mapping.parse("{\"id\": \"id\", \"fields\":"
        + " {\"national_id\": {\"column\": \"NID\", \"normalize\": false}, \"passport\": \"P\"}}", "m.json")
        .typesComparedAsWritten());
  }

  @Test
  void exclusiveWithoutLimitHasNone() {
    ParsedMapping m = parse("{\"id\": \"id\", \"fields\": {\"id:vat\": {\"column\": \"VAT\", \"exclusive\": true}}}");
    assertEquals(IdentifierPolicy.exclusive(100), m.identifiers().get(0).policy().orElseThrow());
  }

  @Test
  void acceptsTheFebrlMappingAsItIs() {
    ParsedMapping m = parse("""
        {
          "id": "rec_id",
          "channel": "=crm",
          "defaultRegion": "AU",
          "birthDateFormat": "yyyyMMdd",
          "fields": {
            "given_name": "given_name",
            "family_name": "surname",
            "address_line": ["street_number", "address_1", "address_2"],
            "city": "suburb",
            "postal_code": "postcode",
            "region": "state",
            "birth_date": "date_of_birth",
            "id:soc_sec_id": {"column": "soc_sec_id", "exclusive": false}
          }
        }""");
    assertEquals(7, m.attributes().size());
    assertEquals("soc_sec_id", m.identifiers().get(0).type().name());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
      "not json | {\"id\": | mapping m.json: not valid JSON at line 1, column 7",
      "not an object | [1] | mapping m.json: must be a JSON object such as {\"id\": \"RECORD_ID\", \"fields\": {...}}",
      "missing id | {\"fields\": {}} | mapping m.json: \"id\" is required: the column that holds each record's id",
      "constant id | {\"id\": \"=x\"} | mapping m.json: \"id\" must name one column",
      "id list | {\"id\": [\"a\", \"b\"]} | mapping m.json: \"id\" must name one column",
      "unknown key | {\"id\": \"id\", \"chanel\": \"c\"} | mapping m.json: unknown key \"chanel\" (known: id, channel, timestamp, event, defaultRegion, timestampFormat, birthDateFormat, fields, payload, description)",
      "duplicate key | {\"id\": \"a\", \"id\": \"b\"} | mapping m.json: key \"id\" appears twice",
      "bad region | {\"id\": \"id\", \"defaultRegion\": \"Spain\"} | mapping m.json: \"defaultRegion\" must be an ISO 3166 alpha-2 region code such as US, ES or GB",
      "number column | {\"id\": 7} | mapping m.json: \"id\" must be a column name, a list of column names (\"=text\" for a constant)",
      "empty column | {\"id\": \"id\", \"fields\": {\"email\": \" \"}} | mapping m.json: \"fields.email\" has an empty column name",
      "empty constant | {\"id\": \"id\", \"channel\": \"=\"} | mapping m.json: \"channel\" has an empty constant \"=\"",
      "fields not object | {\"id\": \"id\", \"fields\": []} | mapping m.json: \"fields\" must be an object such as {\"email\": \"EMAIL\"}",
      "unknown field | {\"id\": \"id\", \"fields\": {\"emial\": \"E\"}} | mapping m.json: unknown field \"emial\" in \"fields\" (known: email, phone, social_handle, device_id, cookie_id, customer_id, loyalty_id, national_id, passport, email_sha256, phone_sha256, tax_id, account_number, given_name, family_name, full_name, birth_date, address, address_line, city, region, postal_code, country, org_name, org_address, org_postal_code, org_city, org_phone, or id:NAME for another identifier type)",
      "bad type name | {\"id\": \"id\", \"fields\": {\"id:Tax Id\": \"T\"}} | mapping m.json: \"fields.id:Tax Id\": the identifier type after \"id:\" must be 1-64 characters of a-z 0-9 _ . : - starting with a letter or digit",
      "type twice | {\"id\": \"id\", \"fields\": {\"email\": \"E\", \"id:email\": \"F\"}} | mapping m.json: \"fields.id:email\": identifier type \"email\" is mapped twice; give one key a list of columns instead",
      "long form key | {\"id\": \"id\", \"fields\": {\"id:p\": {\"column\": \"P\", \"limt\": 3}}} | mapping m.json: unknown key \"limt\" in \"fields.id:p\" (known: column, exclusive, limit, normalize, personal)",
      "normalize type | {\"id\": \"id\", \"fields\": {\"id:p\": {\"column\": \"P\", \"normalize\": \"no\"}}} | mapping m.json: \"fields.id:p.normalize\" must be true or false",
      "normalize email | {\"id\": \"id\", \"fields\": {\"email\": {\"column\": \"E\", \"normalize\": false}}} | mapping m.json: \"fields.email.normalize\": only exact ids (customer_id, loyalty_id, national_id, passport, id:NAME) can be compared as written; email is always normalized by its own rules",
      "long form column | {\"id\": \"id\", \"fields\": {\"id:p\": {\"exclusive\": true}}} | mapping m.json: \"fields.id:p\" needs \"column\": the column (or list of columns) to read",
      "exclusive type | {\"id\": \"id\", \"fields\": {\"id:p\": {\"column\": \"P\", \"exclusive\": \"yes\"}}} | mapping m.json: \"fields.id:p.exclusive\" must be true or false",
      "personal type | {\"id\": \"id\", \"fields\": {\"id:p\": {\"column\": \"P\", \"personal\": 1}}} | mapping m.json: \"fields.id:p.personal\" must be true or false",
      "negative limit | {\"id\": \"id\", \"fields\": {\"id:p\": {\"column\": \"P\", \"limit\": -1}}} | mapping m.json: \"fields.id:p.limit\" must be a whole number >= 0 (0 = no limit)",
      "attribute policy | {\"id\": \"id\", \"fields\": {\"city\": {\"column\": \"C\", \"exclusive\": true}}} | mapping m.json: unknown key \"exclusive\" in \"fields.city\" (known: column)",
      "list of numbers | {\"id\": \"id\", \"fields\": {\"phone\": [\"P\", 2]}} | mapping m.json: \"fields.phone\" must list column names (strings)",
      "bad timestamp format | {\"id\": \"id\", \"timestampFormat\": \"dd/MM/yyyy qqqqqq\"} | mapping m.json: \"timestampFormat\" is not a valid date pattern (Too many pattern letters: q); use a java.time pattern such as \"dd/MM/yyyy HH:mm\", or epoch_seconds, epoch_millis",
      "blank birth date format | {\"id\": \"id\", \"birthDateFormat\": \"\"} | mapping m.json: \"birthDateFormat\" must be a non-empty string",
      "description not text | {\"id\": \"id\", \"description\": [\"a\"]} | mapping m.json: \"description\" must be a non-empty string",
  })
  void badMappingsSayWhatIsWrong(String name, String json, String message) {
    assertEquals(message, error(json));
  }

  @Test
  void aMissingFileIsNamed(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
    java.nio.file.Path file = dir.resolve("nope.json");
    assertEquals("mapping " + file + ": file not found",
        assertThrows(java.io.UncheckedIOException.class, () -> Mapping.read(file)).getMessage());
  }
}
