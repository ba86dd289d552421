package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Normalizer;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Each built-in preset on a sample export made from its system's documented columns: the header of
 * each sample under {@code src/test/resources/dev/omniid/connect/presets/} is the export's column
 * list as the page named in the preset's {@code description} (and below) gives it. Each sample holds
 * one person written twice, differently (case, accents, phone formats, a second website or source),
 * and one other person; the test asserts the touchpoints mapped and that resolving them with the
 * mapping's settings gives exactly those two people.
 */
class PresetsTest {
  private static final IdentifierType EMAIL = IdentifierType.EMAIL;
  private static final IdentifierType PHONE = IdentifierType.PHONE;

  /** The records of {@code presets/NAME.csv}, mapped by the preset; none has a warning. */
  private static List<MappedRecord> mapped(String preset) {
    Mapping mapping = Mapping.preset(preset);
    TouchpointMapper mapper = TouchpointMapper.of(mapping);
    List<String> header;
    List<MappedRecord> records = new ArrayList<>();
    try (InputStream in = PresetsTest.class.getResourceAsStream("presets/" + preset + ".csv");
        RecordReader reader = RecordReader.open(in, preset + ".csv", RecordReader.Format.CSV)) {
      header = reader.header();
      reader.records().forEach(r -> records.add(mapper.map(r)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertEquals(List.of(), mapper.missingColumns(header), preset + ": a column the preset reads is not in the export");
    records.forEach(r -> assertEquals(List.of(), r.warnings(), preset + " row " + r.row()));
    return records;
  }

  /** The people the records resolve into, each as the set of its record ids, as the CLI resolves. */
  private static Set<Set<String>> people(String preset, List<MappedRecord> records) {
    Mapping mapping = Mapping.preset(preset);
    ResolverBuilder builder = OmniId.resolverBuilder().defaultRegion("ES").toResolverBuilder();
    mapping.identifierPolicies().forEach(builder::identifierPolicy);
    mapping.typesComparedAsWritten().forEach(type -> builder.normalizer(type, Normalizer.identity()));
    mapping.personalTypes().forEach(builder::personalIdentifier);
    IdentityResolver resolver = builder.build();
    records.forEach(r -> resolver.resolve(r.touchpoint()));
    return resolver.profiles()
        .map(p -> (Set<String>) new TreeSet<>(p.touchpointIds()))
        .collect(Collectors.toSet());
  }

  private static Identifier id(IdentifierType type, String raw) {
    return Identifier.of(type, raw);
  }

  private static Optional<Instant> at(String instant) {
    return Optional.of(Instant.parse(instant));
  }

  // Columns: matrixify.app/documentation/customers/ and Shopify's Transporter customer CSV
  // (help.shopify.com/en/manual/migrating-to-shopify/transporter-app/csv-customers); Shopify writes
  // ids and phones with a leading apostrophe so that spreadsheets keep them as text.
  @Test
  void shopifyCustomers() {
    List<MappedRecord> r = mapped("shopify-customers");
    assertEquals(List.of("'7001", "'7002", "'7003"), r.stream().map(MappedRecord::recordId).toList());
    Touchpoint ana = r.get(0).touchpoint();
    assertEquals(Channel.of("shopify"), ana.channel());
    assertEquals(EventKind.UNSPECIFIED, ana.eventKind());
    assertEquals(Optional.empty(), ana.timestamp(), "the export has no date");
    assertEquals(List.of(id(EMAIL, "ana.garcia@correo.es"), id(PHONE, "'+34612345678"),
        id(PHONE, "'+34 612 345 678"), id(IdentifierType.of("shopify_customer"), "'7001")), ana.identifiers());
    assertEquals(List.of("Email", "Phone", "Default Address Phone", "Customer ID"), r.get(0).identifierColumns());
    assertEquals(Map.of(AttributeKey.GIVEN_NAME, "Ana", AttributeKey.FAMILY_NAME, "García",
        AttributeKey.ADDRESS_LINE, "Calle Mayor 5 2º B", AttributeKey.CITY, "Madrid",
        AttributeKey.REGION, "M", AttributeKey.POSTAL_CODE, "28013", AttributeKey.COUNTRY, "ES"),
        ana.attributes());
    assertEquals(Set.of(Set.of("'7001", "'7002"), Set.of("'7003")), people("shopify-customers", r));
  }

  // Columns: help.shopify.com/en/manual/migrating-to-shopify/transporter-app/csv-orders and
  // excelify.io/documentation/orders/ (the export's Billing and Shipping blocks, Created at, Source).
  @Test
  void shopifyOrders() {
    List<MappedRecord> r = mapped("shopify-orders");
    assertEquals(List.of("#1001", "#1001", "#1002", "#1003"), r.stream().map(MappedRecord::recordId).toList());
    Touchpoint first = r.get(0).touchpoint();
    assertEquals(Channel.WEB, first.channel());
    assertEquals(EventKind.PURCHASE, first.eventKind());
    assertEquals(at("2024-01-15T09:23:45Z"), first.timestamp(), "+0100 read as an offset");
    assertEquals(List.of(id(EMAIL, "ana.garcia@correo.es"), id(PHONE, "+34612345678")), first.identifiers());
    assertEquals(Map.of(AttributeKey.FULL_NAME, "Ana García", AttributeKey.ADDRESS_LINE, "Calle Mayor 5 2º B",
        AttributeKey.CITY, "Madrid", AttributeKey.REGION, "M", AttributeKey.POSTAL_CODE, "28013",
        AttributeKey.COUNTRY, "ES"), first.attributes());
    // A second line item repeats the order with fewer columns: no source, so no channel.
    assertEquals(Channel.of("unknown"), r.get(1).touchpoint().channel());
    assertEquals(Channel.of("pos"), r.get(2).touchpoint().channel());
    // The gift's recipient (Shipping Name and Phone of #1003) is not the buyer's.
    assertEquals(List.of(id(EMAIL, "luis@correo.es")), r.get(3).touchpoint().identifiers());
    // The two line rows of #1001 share their id: the tool resolves the second as "#1001#3"; here
    // they are one record. The POS order of the same person links by email and phone.
    List<MappedRecord> distinct = List.of(r.get(0), r.get(2), r.get(3));
    assertEquals(Set.of(Set.of("#1001", "#1002"), Set.of("#1003")), people("shopify-orders", distinct));
  }

  // Columns: the Customers Main File attributes,
  // experienceleague.adobe.com/docs/commerce-admin/systems/data-transfer/data-attributes-customer.html
  @Test
  void magentoCustomers() {
    List<MappedRecord> r = mapped("magento-customers");
    Touchpoint ana = r.get(0).touchpoint();
    assertEquals("ana.garcia@correo.es", r.get(0).recordId(), "the main file has no customer id");
    assertEquals(Channel.of("magento"), ana.channel());
    assertEquals(EventKind.SIGNUP, ana.eventKind());
    assertEquals(at("2023-05-10T08:12:33Z"), ana.timestamp());
    assertEquals(List.of(id(EMAIL, "ana.garcia@correo.es")), ana.identifiers());
    assertEquals(Map.of(AttributeKey.GIVEN_NAME, "Ana", AttributeKey.FAMILY_NAME, "García",
        AttributeKey.BIRTH_DATE, "1985-03-07"), ana.attributes());
    // Day first unless the mapping says US: 07/03/1985 is 7 March, the same birth date.
    assertEquals("1985-03-07", r.get(1).touchpoint().attributes().get(AttributeKey.BIRTH_DATE));
    assertEquals(Set.of(Set.of("ana.garcia@correo.es", "ANA.GARCIA@correo.es"), Set.of("luis@correo.es")),
        people("magento-customers", r));
  }

  // Columns: HubSpot's default contact properties as an export labels them
  // (developers.hubspot.com/docs/api/crm/properties; knowledge.hubspot.com, importing contacts).
  @Test
  void hubspotContacts() {
    List<MappedRecord> r = mapped("hubspot-contacts");
    Touchpoint ana = r.get(0).touchpoint();
    assertEquals("101", ana.id());
    assertEquals(Channel.of("hubspot"), ana.channel());
    assertEquals(at("2024-03-05T14:22:00Z"), ana.timestamp());
    assertEquals(List.of(id(EMAIL, "ana.garcia@correo.es"), id(PHONE, "+34 612 345 678"),
        id(IdentifierType.of("hubspot_contact"), "101")), ana.identifiers());
    assertEquals("Calle Mayor 5", ana.attributes().get(AttributeKey.ADDRESS_LINE));
    // The second Ana has no email: her national-format phone (region ES) links her.
    assertEquals(List.of(id(PHONE, "612345678"), id(IdentifierType.of("hubspot_contact"), "102")),
        r.get(1).touchpoint().identifiers());
    assertEquals(Set.of(Set.of("101", "102"), Set.of("103")), people("hubspot-contacts", r));
  }

  // Columns: the Contact object's API names,
  // developer.salesforce.com/docs/platform/field-reference/references/field-reference/salesforce-field-reference-contact.html
  @Test
  void salesforceContacts() {
    List<MappedRecord> r = mapped("salesforce-contacts");
    Touchpoint ana = r.get(0).touchpoint();
    assertEquals("0035g00000AbCdEAAZ", ana.id());
    assertEquals(Channel.of("salesforce"), ana.channel());
    assertEquals(at("2024-01-15T10:30:00Z"), ana.timestamp());
    assertEquals(List.of(id(EMAIL, "ana.garcia@correo.es"), id(PHONE, "+34 612 345 678"),
        id(IdentifierType.of("salesforce_contact"), "0035g00000AbCdEAAZ")), ana.identifiers());
    assertEquals("1985-03-07", ana.attributes().get(AttributeKey.BIRTH_DATE));
    // The business phone that all three share is not mapped: colleagues stay apart.
    assertTrue(r.stream().flatMap(m -> m.touchpoint().identifiers().stream())
        .noneMatch(i -> i.raw().contains("910")), "Phone (business) is not read");
    assertEquals(Set.of(Set.of("0035g00000AbCdEAAZ", "0035g00000AbCdFAAZ"), Set.of("0035g00000AbCdGAAZ")),
        people("salesforce-contacts", r));
  }

  // Columns: a Klaviyo list export; property names as help.klaviyo.com's profiles and properties
  // glossary (help.klaviyo.com/hc/en-us/articles/360053679071) gives them.
  @Test
  void klaviyoProfiles() {
    List<MappedRecord> r = mapped("klaviyo-profiles");
    Touchpoint ana = r.get(0).touchpoint();
    assertEquals("01HQ3Z8K7W2V6X9Y4T5R1M0N8P", ana.id());
    assertEquals(Channel.of("klaviyo"), ana.channel());
    assertEquals(at("2024-02-10T11:00:00Z"), ana.timestamp());
    assertEquals(List.of(id(EMAIL, "ana.garcia@correo.es"), id(PHONE, "+34612345678"),
        id(IdentifierType.of("klaviyo_profile"), "01HQ3Z8K7W2V6X9Y4T5R1M0N8P")), ana.identifiers());
    assertEquals("Calle Mayor 5 2º B", ana.attributes().get(AttributeKey.ADDRESS_LINE));
    assertEquals(Set.of(Set.of("01HQ3Z8K7W2V6X9Y4T5R1M0N8P", "01HQ3Z8K7W2V6X9Y4T5R1M0N8Q"), Set.of("Ab3dEf")),
        people("klaviyo-profiles", r));
  }

  @Test
  void everyPresetParsesAndNamesItsSource() {
    assertEquals(List.of("hubspot-contacts", "klaviyo-profiles", "magento-customers",
        "salesforce-contacts", "shopify-customers", "shopify-orders"), Mapping.presets());
    for (String name : Mapping.presets()) {
      Mapping m = Mapping.preset(name);
      assertEquals("preset " + name, m.name());
      assertTrue(m.json().contains("\"description\""), name + " says where its columns come from");
      assertEquals(m, Mapping.parse(m.json(), m.name()), "its text gives it back");
    }
  }

  @Test
  void anUnknownPresetListsTheKnownOnes() {
    assertEquals("unknown preset \"shopify\" (known: hubspot-contacts, klaviyo-profiles,"
        + " magento-customers, salesforce-contacts, shopify-customers, shopify-orders)",
        assertThrows(IllegalArgumentException.class, () -> Mapping.preset("shopify")).getMessage());
  }
}
