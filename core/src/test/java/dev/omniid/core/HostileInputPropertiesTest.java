package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The core's built-in normalizers and the touchpoint builder over hostile strings (any Unicode,
 * lone surrogates, combining marks, controls and NUL, whitespace only, values around the caps and
 * far beyond): a normalizer returns a non-empty value that it maps to itself, or throws
 * {@link OmniIdException} ({@code INVALID_VALUE} or {@code TOO_LARGE}); the builder accepts a
 * value or throws {@link OmniIdException} naming the field and position; no message echoes a run
 * of six characters of the input. Seeded: a failure names its seed.
 */
class HostileInputPropertiesTest {
  private static final List<IdentifierType> TYPES = List.of(IdentifierType.EMAIL,
      IdentifierType.PHONE, IdentifierType.SOCIAL_HANDLE, IdentifierType.DEVICE_ID,
      IdentifierType.COOKIE_ID, IdentifierType.CUSTOMER_ID, IdentifierType.of("loyalty_id"));
  private static final List<Normalizer> BUILT_INS = List.of(Normalizer.identity(),
      Normalizer.lowerCase(), Normalizer.basicEmail(), Normalizer.digits(), Normalizer.handle(),
      Normalizer.compactId());

  private static final java.util.regex.Pattern WORD = java.util.regex.Pattern.compile("[A-Za-z _]+");

  static LongStream seeds() {
    return LongStream.range(0, 500).map(i -> 0xC0_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void builtInNormalizersAreTotalIdempotentAndQuiet(long seed) {
    Random random = new Random(seed);
    for (Normalizer normalizer : BUILT_INS) {
      // The resolver hands a normalizer the value with surrounding whitespace stripped.
      String input = hostile(random, Touchpoint.MAX_VALUE_LENGTH).strip();
      if (random.nextInt(4) == 0) {
        input = "@" + " ".repeat(random.nextInt(2)) + input;
      }
      if (input.isEmpty()) {
        continue; // the builder refuses a blank value: no normalizer ever sees one
      }
      String context = normalizer + ", seed=" + seed;
      String once;
      try {
        once = normalizer.normalize(input);
      } catch (OmniIdException e) {
        assertTrue(e.reason() == OmniIdException.Reason.INVALID_VALUE
            || e.reason() == OmniIdException.Reason.TOO_LARGE, context);
        assertNoEcho(input, e.getMessage(), context);
        continue;
      }
      assertFalse(once.isEmpty(), context + ": empty");
      assertEquals(once, normalizer.normalize(once), context + ": not idempotent on " + escape(input));
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void builderTakesAnyStringOrNamesTheFieldWithoutTheValue(long seed) {
    Random random = new Random(seed);
    String id = random.nextInt(3) == 0 ? hostile(random, Touchpoint.MAX_ID_LENGTH) : "t" + seed;
    Touchpoint.Builder builder;
    try {
      builder = Touchpoint.newBuilder(id);
    } catch (OmniIdException e) {
      assertEquals("id", e.field(), "seed=" + seed);
      assertNoEcho(id, e.getMessage(), "id, seed=" + seed);
      return;
    }
    builder.channel(Channel.WEB).timestamp(Instant.EPOCH);
    int identifiers = random.nextInt(8) == 0 ? Touchpoint.MAX_IDENTIFIERS + 1 : random.nextInt(6);
    int added = 0;
    for (int i = 0; i < identifiers; i++) {
      IdentifierType type = TYPES.get(random.nextInt(TYPES.size()));
      String raw = random.nextInt(10) == 0 ? null : hostile(random, Touchpoint.MAX_VALUE_LENGTH);
      try {
        builder.identifier(type, raw);
        added++;
      } catch (OmniIdException e) {
        String field = e.field();
        assertTrue(field.equals("identifiers[" + added + "] (" + type + ")")
            || (field.equals("identifiers") && added == Touchpoint.MAX_IDENTIFIERS),
            "seed=" + seed + " field " + field);
        if (raw != null) {
          assertNoEcho(raw, e.getMessage(), "identifier, seed=" + seed);
        }
      }
    }
    String name = hostile(random, Touchpoint.MAX_VALUE_LENGTH);
    try {
      builder.attribute(AttributeKey.FULL_NAME, name);
    } catch (OmniIdException e) {
      assertEquals("attributes[full_name]", e.field(), "seed=" + seed);
      assertNoEcho(name, e.getMessage(), "attribute, seed=" + seed);
    }
    Touchpoint touchpoint = builder.build();
    assertEquals(added, touchpoint.identifiers().size(), "seed=" + seed);
    // toString masks identifiers, keeping the first character, the last two and punctuation:
    // no run of the value with letters or digits in its middle shows.
    for (Identifier identifier : touchpoint.identifiers()) {
      String value = identifier.value();
      String shown = identifier.toString();
      java.util.Set<String> shownRuns = new java.util.HashSet<>();
      for (int i = 0; i + 6 <= shown.length(); i++) {
        shownRuns.add(shown.substring(i, i + 6));
      }
      for (int i = 1; i + 6 <= value.length() - 2; i++) {
        String window = value.substring(i, i + 6);
        if (shownRuns.contains(window) && window.codePoints().filter(Character::isLetterOrDigit).count() >= 2) {
          throw new AssertionError("seed=" + seed + ": toString shows a value: " + escape(shown));
        }
      }
    }
  }

  /** Fails when the message holds a run of six characters of the input (word-like runs exempt). */
  static void assertNoEcho(String input, String message, String context) {
    if (input.length() < 6) {
      return;
    }
    for (int i = 0; i + 6 <= input.length(); i++) {
      String window = input.substring(i, i + 6);
      if (!WORD.matcher(window).matches() && message.contains(window)) {
        throw new AssertionError(context + ": the message echoes the input: " + escape(message));
      }
    }
  }

  /** Hostile strings around {@code cap}; see the class comment. */
  static String hostile(Random random, int cap) {
    int length = switch (random.nextInt(8)) {
      case 0 -> 0;
      case 1 -> Math.max(0, cap - 1 + random.nextInt(3));
      case 2 -> 20_000 + random.nextInt(1000);
      default -> random.nextInt(40);
    };
    StringBuilder s = new StringBuilder(length);
    String unit = random.nextInt(4) == 0 ? "İ" : null;
    while (s.length() < length) {
      if (unit != null) {
        s.append(unit);
        continue;
      }
      switch (random.nextInt(12)) {
        case 0 -> s.append((char) random.nextInt(0x20));
        case 1 -> s.append((char) (0x7F + random.nextInt(0x21)));
        case 2 -> s.append((char) (0xD800 + random.nextInt(0x800)));
        case 3 -> s.appendCodePoint(0x10000 + random.nextInt(0x100000));
        case 4 -> s.append((char) (0x0300 + random.nextInt(0x70)));
        case 5 -> s.append(" \t\u2028\u3000\u00A0\u200B\uFEFF".charAt(random.nextInt(7)));
        case 6 -> s.append("@+.-_<>\"'".charAt(random.nextInt(9)));
        case 7 -> s.append((char) ('0' + random.nextInt(10)));
        case 8 -> s.append((char) random.nextInt(0x10000));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    s.setLength(length);
    return s.toString();
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < s.length() && i < 200; i++) {
      char c = s.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
    }
    return s.length() > 200 ? out + "...(" + s.length() + " chars)" : out.toString();
  }
}
