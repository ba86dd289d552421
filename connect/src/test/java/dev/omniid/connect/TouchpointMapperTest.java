package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TouchpointMapperTest {
  private static final Mapping MAPPING = Mapping.parse("""
      {"id": "ID", "channel": "SRC", "timestamp": "WHEN", "event": "=purchase",
       "fields": {"email": "EMAIL", "phone": ["PHONE", "MOBILE"], "birth_date": "DOB",
                  "address_line": ["NO", "STREET"], "country": "=ES", "id:member": "MEMBER"}}""", "m.json");

  private final List<Warning> warnings = new ArrayList<>();

  private MappedRecord map(Map<String, String> values) {
    MappedRecord r = TouchpointMapper.of(MAPPING, TouchpointMapper.DateOrder.DAY_FIRST).map(7, values);
    warnings.addAll(r.warnings());
    return r;
  }

  @Test
  void mapsColumnsListsAndConstants() {
    Touchpoint t = map(Map.of("ID", "c-1", "SRC", "Call Center", "WHEN", "2026-11-20 10:15",
        "EMAIL", "ana@x.com", "PHONE", "612 345 678", "MOBILE", "699 000 111", "DOB", "07/03/1985",
        "NO", "12", "STREET", "Calle Mayor", "MEMBER", "M-9")).touchpoint();
    assertEquals("c-1", t.id());
    assertEquals(Channel.of("call_center"), t.channel());
    assertEquals(EventKind.PURCHASE, t.eventKind());
    assertEquals(Optional.of(Instant.parse("2026-11-20T10:15:00Z")), t.timestamp());
    // Each column of an identifier list is an identifier of its own; attribute lists are joined.
    assertEquals(List.of(Identifier.of(IdentifierType.EMAIL, "ana@x.com"),
        Identifier.of(IdentifierType.PHONE, "612 345 678"), Identifier.of(IdentifierType.PHONE, "699 000 111"),
        Identifier.of(IdentifierType.of("member"), "M-9")), t.identifiers());
    assertEquals(Map.of(AttributeKey.BIRTH_DATE, "1985-03-07", AttributeKey.ADDRESS_LINE, "12 Calle Mayor",
        AttributeKey.COUNTRY, "ES"), t.attributes());
    assertEquals(List.of(), warnings);
  }

  @Test
  void blankValuesAreAbsentAndBadOnesReportedMasked() {
    MappedRecord r = map(Map.of("ID", "", "SRC", "", "WHEN", "soon", "EMAIL", "", "PHONE", "612 345 678",
        "DOB", "31/02/1985", "STREET", "Calle Mayor"));
    Touchpoint t = r.touchpoint();
    assertEquals("row-7", r.recordId());
    assertEquals(TouchpointMapper.UNKNOWN_CHANNEL, t.channel());
    assertEquals(Optional.empty(), t.timestamp(), "unknown, not an invented 1970");
    assertEquals(List.of(Identifier.of(IdentifierType.PHONE, "612 345 678")), t.identifiers());
    assertEquals(List.of("PHONE"), r.identifierColumns());
    assertEquals("Calle Mayor", t.attributes().get(AttributeKey.ADDRESS_LINE));
    assertEquals(List.of(
        new Warning(7, "row-7", "ID", "", "is blank: the record is written as row-7", false),
        new Warning(7, "row-7", "WHEN", "****", "is not a date/time in a known format (set timestampFormat"
            + " in the mapping): the record has no time", false),
        new Warning(7, "row-7", "DOB", "3*/**/**85", "is not a real calendar date: ignored", false)),
        warnings);
  }

  @Test
  void findsMissingColumns() {
    TouchpointMapper mapper = TouchpointMapper.of(MAPPING);
    assertEquals(List.of("column \"MOBILE\" (mapped by \"fields.phone\")",
        "column \"MEMBER\" (mapped by \"fields.id:member\")"),
        mapper.missingColumns(List.of("ID", "SRC", "WHEN", "EMAIL", "PHONE", "DOB", "NO", "STREET")));
  }

  /**
   * A channel is made a token once per distinct value and remembered; a value with no token is
   * still reported on every row that has it, not only the first.
   */
  @Test
  void channelTokensAreRememberedAndEveryRowWithoutOneIsReported() {
    TouchpointMapper mapper = TouchpointMapper.of(MAPPING, TouchpointMapper.DateOrder.DAY_FIRST);
    for (int row = 1; row <= 3; row++) {
      MappedRecord r = mapper.map(row, Map.of("ID", "c-" + row, "SRC", "  Call  Center!! "));
      assertEquals(Channel.of("call_center_"), r.touchpoint().channel());
      MappedRecord none = mapper.map(row, Map.of("ID", "d-" + row, "SRC", "¡¿!"));
      assertEquals(1, none.warnings().size(), "row " + row);
      assertEquals(row, none.warnings().get(0).row());
    }
  }

  /** The token rule on random text, against the rule written out with String.replaceAll. */
  @Test
  void tokensFollowTheWrittenRule() {
    java.util.Random random = new java.util.Random(5);
    String alphabet = "aZ09_.:- ¡ÉéİßK\u00a0\t/";
    for (int i = 0; i < 5_000; i++) {
      StringBuilder raw = new StringBuilder();
      for (int n = random.nextInt(90); n > 0; n--) {
        raw.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String expected = raw.toString().toLowerCase(java.util.Locale.ROOT)
          .replaceAll("[^a-z0-9_.:-]+", "_").replaceAll("^[^a-z0-9]+", "");
      expected = expected.length() > 64 ? expected.substring(0, 64) : expected;
      assertEquals(expected, TouchpointMapper.tokenOf(raw.toString()), raw::toString);
    }
  }
}
