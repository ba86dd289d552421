package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Channel and event-kind names are case-insensitive (issue 13): any ASCII case names the same
 * channel, the canonical form is lower case ({@link Locale#ROOT}), folding is idempotent, and a
 * name that is no token is an {@link OmniIdException} naming the field, never a bare
 * {@link IllegalArgumentException} and never the value. Seeded: a failure names its seed.
 */
class OpenNamesPropertiesTest {
  private static final String TOKEN_START = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  private static final String TOKEN_REST = TOKEN_START + "_.:-";

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0x13_0400L + i);
  }

  @Test
  void whatsAppInAnyCaseIsTheWhatsAppChannel() {
    assertEquals(Channel.WHATSAPP, Channel.of("WhatsApp"));
    assertEquals(Channel.of("WhatsApp"), Channel.of("whatsapp"));
    assertEquals("whatsapp", Channel.of("WHATSAPP").name());
    assertEquals(Channel.CALL_CENTER, Channel.of("Call_Center"));
    assertEquals(EventKind.PURCHASE, EventKind.of("Purchase"));
    assertEquals(EventKind.of("TRY_ON"), EventKind.TRY_ON);
  }

  @Test
  void aNameThatIsNoTokenIsAnOmniIdExceptionNamingTheField() {
    OmniIdException channel = assertThrows(OmniIdException.class, () -> Channel.of("Whats App!"));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, channel.reason());
    assertEquals("channel", channel.field());
    assertFalse(channel.getMessage().contains("Whats"), channel.getMessage());
    OmniIdException kind = assertThrows(OmniIdException.class, () -> EventKind.of("_purchase"));
    assertEquals("event kind", kind.field());
    // The Kelvin sign folds to 'k' under toLowerCase: it is no ASCII letter, so it is refused.
    assertThrows(OmniIdException.class, () -> Channel.of("\u212Aiosk"));
    assertThrows(OmniIdException.class, () -> Channel.of("x".repeat(65)));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void foldingIsCaseInsensitiveAndIdempotent(long seed) {
    Random random = new Random(seed);
    String name = token(random);
    String context = "seed=" + seed + ", name=" + name;
    Channel channel = Channel.of(name);
    assertEquals(name.toLowerCase(Locale.ROOT), channel.name(), context);
    assertEquals(channel, Channel.of(channel.name()), context + ": not idempotent");
    assertEquals(channel, Channel.of(recase(random, name)), context + ": case matters");
    assertEquals(channel.hashCode(), Channel.of(name.toUpperCase(Locale.ROOT)).hashCode(), context);
    EventKind kind = EventKind.of(name);
    assertEquals(channel.name(), kind.name(), context);
    assertEquals(kind, EventKind.of(kind.name()), context + ": not idempotent");
    assertEquals(kind, EventKind.of(recase(random, name)), context + ": case matters");
    assertTrue(channel.name().equals(channel.name().toLowerCase(Locale.ROOT)), context);
  }

  private static String token(Random random) {
    int length = 1 + random.nextInt(random.nextBoolean() ? 10 : 64);
    StringBuilder s = new StringBuilder(length);
    s.append(TOKEN_START.charAt(random.nextInt(TOKEN_START.length())));
    for (int i = 1; i < length; i++) {
      s.append(TOKEN_REST.charAt(random.nextInt(TOKEN_REST.length())));
    }
    return s.toString();
  }

  private static String recase(Random random, String name) {
    StringBuilder s = new StringBuilder(name.length());
    for (char c : name.toCharArray()) {
      s.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return s.toString();
  }
}
