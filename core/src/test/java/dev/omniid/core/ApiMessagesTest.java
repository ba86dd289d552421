package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException.Reason;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the API says when it refuses a call (issue 12, item 6). */
class ApiMessagesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final String EMAIL = "ana.secret@x.com";

  private static Touchpoint tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0)
        .identifier(IdentifierType.EMAIL, EMAIL).build();
  }

  @Test
  void splitNamesTheUnknownTouchpointBeforeCountingThem() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId p = r.resolve(tp("a")).profileId();
    r.resolve(tp("b"));
    // Two ids for a profile of two: the count alone would call it "the whole profile".
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> r.split(p, new LinkedHashSet<>(List.of("a", "zzz"))));
    assertEquals(Reason.UNKNOWN_REFERENCE, e.reason());
    assertEquals("touchpointIds[1]", e.field());
    assertTrue(e.detail().contains("zzz"), e.detail());
    assertFalse(e.getMessage().contains(EMAIL), e.getMessage());
    assertEquals(1, r.profileCount(), "nothing changed");
  }

  @Test
  void splitNamesATouchpointOfAnotherProfile() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId p = r.resolve(tp("a")).profileId();
    r.resolve(tp("b"));
    ProfileId other = r.resolve(Touchpoint.newBuilder("c").channel(Channel.WEB).timestamp(T0)
        .identifier(IdentifierType.PHONE, "+34612345678").build()).profileId();
    OmniIdException e = assertThrows(OmniIdException.class, () -> r.split(p, Set.of("a", "c")));
    assertEquals(Reason.UNKNOWN_REFERENCE, e.reason());
    assertEquals("touchpointIds[1]", e.field());
    assertTrue(e.detail().contains("c is in profile " + other), e.detail());
  }

  @Test
  void splitOfTheWholeProfileIsStillInvalid() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId p = r.resolve(tp("a")).profileId();
    r.resolve(tp("b"));
    OmniIdException e = assertThrows(OmniIdException.class, () -> r.split(p, Set.of("a", "b")));
    assertEquals(Reason.INVALID_VALUE, e.reason());
  }

  @Test
  void builderPayloadChecksAtOnce() {
    Touchpoint.Builder b = Touchpoint.newBuilder("t").channel(Channel.WEB).timestamp(T0);
    String tooLong = EMAIL.repeat(Touchpoint.MAX_PAYLOAD_VALUE_LENGTH / EMAIL.length() + 1);
    OmniIdException value = assertThrows(OmniIdException.class, () -> b.payload("note", tooLong));
    assertEquals(List.of(Reason.TOO_LARGE, "payload[0]"), List.of(value.reason(), value.field()));
    assertFalse(value.getMessage().contains(EMAIL), value.getMessage());

    b.payload("order", "1");
    OmniIdException key = assertThrows(OmniIdException.class,
        () -> b.payload("k".repeat(Touchpoint.MAX_PAYLOAD_KEY_LENGTH + 1), "v"));
    assertEquals(List.of(Reason.TOO_LARGE, "payload[1]"), List.of(key.reason(), key.field()));

    OmniIdException nullValue = assertThrows(OmniIdException.class, () -> b.payload("order", null));
    assertEquals(List.of(Reason.MISSING_FIELD, "payload[0]"),
        List.of(nullValue.reason(), nullValue.field()));

    for (int i = 1; i < Touchpoint.MAX_PAYLOAD_ENTRIES; i++) {
      b.payload("k" + i, "v");
    }
    b.payload("order", "2"); // replacing an entry adds none
    OmniIdException many = assertThrows(OmniIdException.class, () -> b.payload("one more", "v"));
    assertEquals(List.of(Reason.TOO_LARGE, "payload"), List.of(many.reason(), many.field()));
    assertEquals(Touchpoint.MAX_PAYLOAD_ENTRIES, b.build().payload().size());
  }

  @Test
  void allowAndNeverLinkRefuseUnknownTouchpointsAsDocumented() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a"));
    OmniIdException allow = assertThrows(OmniIdException.class, () -> r.allowLink("a", "zzz"));
    assertEquals(List.of(Reason.UNKNOWN_REFERENCE, "otherTouchpointId"),
        List.of(allow.reason(), allow.field()));
    OmniIdException never = assertThrows(OmniIdException.class, () -> r.neverLink("zzz", "a"));
    assertEquals(List.of(Reason.UNKNOWN_REFERENCE, "touchpointId"),
        List.of(never.reason(), never.field()));
  }
}
