package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TouchpointTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @Test
  void missingRequiredFieldsAreNamed() {
    OmniIdException channel = assertThrows(OmniIdException.class,
        () -> Touchpoint.newBuilder("t1").timestamp(T0).build());
    assertEquals("channel", channel.field());
    assertEquals(OmniIdException.Reason.MISSING_FIELD, channel.reason());
  }

  /** Issue 13: the time was required, so an app without one had to invent one (1970). */
  @Test
  void theTimeIsOptionalAndAnAbsentTimeIsUnknownNotAnError() {
    Touchpoint untimed = Touchpoint.newBuilder("t1").channel(Channel.WEB).build();
    assertEquals(Optional.empty(), untimed.timestamp());
    assertTrue(untimed.toString().contains("timestamp=unknown"), untimed.toString());
    // The canonical constructor takes a null time (either form) as unknown, like a null list.
    assertEquals(untimed, new Touchpoint("t1", Channel.WEB, (Instant) null,
        EventKind.UNSPECIFIED, null, null, null));
    assertEquals(untimed, new Touchpoint("t1", Channel.WEB, (Optional<Instant>) null,
        EventKind.UNSPECIFIED, null, null, null));
    // Code written when the time was required compiles and behaves as before.
    Touchpoint timed = Touchpoint.newBuilder("t1").channel(Channel.WEB).timestamp(T0).build();
    assertEquals(Optional.of(T0), timed.timestamp());
    assertEquals(timed, new Touchpoint("t1", Channel.WEB, T0, EventKind.UNSPECIFIED, List.of(),
        Map.of(), Map.of()));
    assertNotEquals(untimed, timed);
    // An explicit null is a slip, refused at once: to leave the time unknown, do not set it.
    assertThrows(NullPointerException.class,
        () -> Touchpoint.newBuilder("t1").timestamp(null));
  }

  @ParameterizedTest
  @CsvSource({"'   ',INVALID_VALUE", "'a\tb',INVALID_VALUE"})
  void badIdsAreRefused(String id, OmniIdException.Reason reason) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> Touchpoint.newBuilder(id));
    assertEquals(reason, e.reason());
    assertEquals("id", e.field());
  }

  @Test
  void badIdentifierValuesNameTheirPositionAndNeverTheValue() {
    String secret = "ana.secret@example.com".repeat(60);
    Touchpoint.Builder b = Touchpoint.newBuilder("t1").channel(Channel.WEB).timestamp(T0)
        .identifier(IdentifierType.EMAIL, "ok@example.com");
    OmniIdException tooLong = assertThrows(OmniIdException.class,
        () -> b.identifier(IdentifierType.EMAIL, secret));
    assertEquals("identifiers[1] (email)", tooLong.field());
    assertEquals(OmniIdException.Reason.TOO_LARGE, tooLong.reason());
    assertFalse(tooLong.getMessage().contains("ana.secret"));
    OmniIdException blank = assertThrows(OmniIdException.class,
        () -> b.identifier(IdentifierType.PHONE, "  "));
    assertEquals("identifiers[1] (phone)", blank.field());
  }

  @Test
  void tooManyIdentifiersAreRefused() {
    Touchpoint.Builder b = Touchpoint.newBuilder("t1").channel(Channel.WEB).timestamp(T0);
    for (int i = 0; i < Touchpoint.MAX_IDENTIFIERS; i++) {
      b.identifier(IdentifierType.COOKIE_ID, "c" + i);
    }
    assertEquals(OmniIdException.Reason.TOO_LARGE,
        assertThrows(OmniIdException.class, () -> b.identifier(IdentifierType.COOKIE_ID, "one more")).reason());
  }

  @Test
  void valuesAreImmutableAndToStringMasksIdentifiers() {
    Touchpoint t = Touchpoint.newBuilder("t1").channel(Channel.WHATSAPP).timestamp(T0)
        .identifier(IdentifierType.EMAIL, " ana.perez@gmail.com ")
        .identifier(IdentifierType.PHONE, "+34612345678")
        .attribute(AttributeKey.GIVEN_NAME, "Ana").payload("text", "hola").build();
    assertThrows(UnsupportedOperationException.class, () -> t.identifiers().clear());
    assertThrows(UnsupportedOperationException.class, () -> t.payload().put("x", "y"));
    assertEquals("ana.perez@gmail.com", t.identifiers().get(0).value());
    assertEquals(" ana.perez@gmail.com ", t.identifiers().get(0).raw());
    String text = t.toString();
    assertFalse(text.contains("ana.perez"), text);
    assertFalse(text.contains("612345678"), text);
    assertFalse(text.contains("Ana"), text);
    assertEquals("email:a***@g***.com", t.identifiers().get(0).toString());
    assertEquals("phone:+34*******78", t.identifiers().get(1).toString());
  }

  @Test
  void channelsAndTypesAreAnOpenSetOfTokens() {
    assertEquals(Channel.WHATSAPP, Channel.of("whatsapp"));
    assertEquals("tiktok", Channel.of("tiktok").name());
    assertThrows(OmniIdException.class, () -> Channel.of("Tik Tok"));
    assertThrows(OmniIdException.class, () -> IdentifierType.of(""));
    assertEquals(List.of(true, 0), List.of(IdentifierPolicy.defaultFor(IdentifierType.CUSTOMER_ID).exclusive(),
        IdentifierPolicy.defaultFor(IdentifierType.CUSTOMER_ID).limit()));
    assertThrows(OmniIdException.class, () -> new IdentifierPolicy(false, -1, true, 1));
  }
}
