package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link RecordMapping#byColumnName()}: the mapping file's field names as columns. */
class ColumnNameMappingTest {
  @Test
  void readsFieldsByName() {
    Map<String, String> record = new HashMap<>();
    record.put("id", " r1 ");
    record.put("channel", "store");
    record.put("timestamp", "2026-01-02T03:04:05Z");
    record.put("email#2", "second@correo-test.es");
    record.put("email", "first@correo-test.es");
    record.put("id:passport_mx", "G123");
    record.put("phone", " ");
    record.put("given_name", "Ana");
    record.put("given_name#2", "ignored: attributes take one column");
    record.put("notes", "ignored");
    record.put("postal_code", null);
    Touchpoint t = RecordMapping.byColumnName().map(record);
    assertEquals("r1", t.id());
    assertEquals(Channel.of("store"), t.channel());
    assertEquals(Optional.of(Instant.parse("2026-01-02T03:04:05Z")), t.timestamp());
    assertEquals(List.of("email first@correo-test.es", "email second@correo-test.es",
            "passport_mx G123"),
        t.identifiers().stream().map((Identifier i) -> i.type().name() + " " + i.raw()).toList());
    assertEquals(Map.of(AttributeKey.GIVEN_NAME, "Ana"), t.attributes());
  }

  @Test
  void anUnreadableTimeIsLeftOutAndABlankIdRefused() {
    Touchpoint t = RecordMapping.byColumnName().map(Map.of("id", "r2", "timestamp", "yesterday",
        "customer_id", "C-1"));
    assertEquals(Optional.empty(), t.timestamp());
    assertEquals(ColumnNameMapping.UNKNOWN_CHANNEL, t.channel());
    assertEquals(IdentifierType.CUSTOMER_ID, t.identifiers().get(0).type());
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> RecordMapping.byColumnName().map(Map.of("id", " ", "email", "a@correo-test.es")));
    assertEquals(OmniIdException.Reason.MISSING_FIELD, e.reason());
  }
}
