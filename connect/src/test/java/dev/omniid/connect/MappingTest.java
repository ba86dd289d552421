package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.OmniIdException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The public face of a mapping: what it tells a resolver, its text, and its serialized form. */
class MappingTest {
  private static final String JSON = """
      {"id": "ID", "defaultRegion": "us", "description": "a test mapping",
       "fields": {"email": "EMAIL", "phone": ["PHONE", "MOBILE"],
                  "national_id": {"column": "SSN", "personal": true},
                  "id:vat": {"column": "VAT", "exclusive": true, "normalize": false},
                  "given_name": "NAME"}}""";

  @Test
  void tellsAResolverWhatItConfigures() {
    Mapping m = Mapping.parse(JSON, "m.json");
    assertEquals("ID", m.idColumn());
    assertEquals(Optional.of("US"), m.defaultRegion());
    assertEquals(Optional.of("a test mapping"), m.description());
    assertEquals(List.of("ID", "EMAIL", "PHONE", "MOBILE", "SSN", "VAT", "NAME"), m.columns());
    IdentifierType vat = IdentifierType.of("vat");
    assertEquals(List.of(IdentifierType.EMAIL, IdentifierType.PHONE, IdentifierType.NATIONAL_ID, vat),
        m.identifierTypes());
    assertEquals(Set.of(IdentifierType.NATIONAL_ID), m.personalTypes());
    assertEquals(Set.of(vat), m.typesComparedAsWritten());
    IdentifierPolicy policy = m.identifierPolicies().get(vat);
    assertTrue(policy.exclusive());
    assertEquals(Set.of(vat), m.identifierPolicies().keySet());
  }

  @Test
  void aUsMappingReadsDatesMonthFirst() {
    MappedRecord r = TouchpointMapper.of(Mapping.parse(
        "{\"id\": \"ID\", \"defaultRegion\": \"US\", \"timestamp\": \"T\"}", "m.json"))
        .map(1, Map.of("ID", "a", "T", "03/04/2026"));
    assertEquals("2026-03-04T00:00:00Z", r.touchpoint().timestamp().orElseThrow().toString());
  }

  @Test
  void serializesAsItsTextAndIsParsedAgain() throws Exception {
    Mapping m = Mapping.parse(JSON, "m.json");
    Mapping back = (Mapping) deserialize(serialize(m));
    assertEquals(m, back);
    assertEquals(m.identifierPolicies(), back.identifierPolicies());
    assertEquals(m.json(), back.json());
  }

  @Test
  void aTextChangedInTransitIsRefusedAsAnyBadMapping() throws Exception {
    byte[] bytes = serialize(Mapping.parse("{\"id\": \"ID\"}", "m.json"));
    // Same length, so the stream stays well formed: "id" becomes "ib", an unknown key.
    String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("{\"id\": \"ID\"}", "{\"ib\": \"ID\"}");
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> deserialize(text.getBytes(StandardCharsets.ISO_8859_1)));
    assertEquals("mapping m.json", e.field());
  }

  @Test
  void mapsOneRecordGivenAsColumnToValue() {
    Mapping m = Mapping.parse(JSON, "m.json");
    java.util.HashMap<String, String> values = new java.util.HashMap<>();
    values.put(" EMAIL ", " ana@example.com ");
    values.put("ID", "r-1");
    values.put("PHONE", null);
    values.put("NAME", "  ");
    MappedRecord r = TouchpointMapper.of(m).map(9, values);
    assertEquals("r-1", r.recordId());
    assertEquals(List.of("EMAIL"), r.identifierColumns(), "names and values trimmed, null and blank absent");
    assertEquals(Map.of(), r.touchpoint().attributes());
    assertEquals(List.of(), r.warnings());
    assertThrows(IllegalArgumentException.class, () -> TouchpointMapper.of(m)
        .map(new InputRecord(3, Map.of(), List.of(new InputRecord.RowProblem("", "not JSON")), false)));
  }

  private static byte[] serialize(Object o) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(o);
    }
    return bytes.toByteArray();
  }

  private static Object deserialize(byte[] bytes) throws IOException, ClassNotFoundException {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
      return in.readObject();
    }
  }
}
