package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HashedIdentifiersTest {
  /** The rule {@link HashedIdentifiers#isHex64} reads by hand. */
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");
  /** Hex digits of both cases, their neighbours in ASCII, and digits and letters of other scripts. */
  private static final String ALPHABET = "0123456789abcdefABCDEF/:@`gG\u0660\u0669\uFF10\uFF21\u00E9";

  @Test
  void sha256IsTheStandardDigest() throws Exception {
    // FIPS 180-2's example.
    assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        HashedIdentifiers.sha256("abc"));
    Random random = new Random(7);
    for (int i = 0; i < 2_000; i++) {
      String value = randomText(random, random.nextInt(80));
      String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
      assertEquals(expected, HashedIdentifiers.sha256(value), "value #" + i);
    }
  }

  @Test
  void sha256GivesEachThreadTheRightDigest() {
    // A digest shared between threads without care would mix their inputs.
    String[] values = IntStream.range(0, 4_000).mapToObj(i -> "customer" + i + "@example.com")
        .toArray(String[]::new);
    String[] expected = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      expected[i] = HashedIdentifiers.sha256(values[i]);
    }
    String[] parallel = IntStream.range(0, values.length).parallel()
        .mapToObj(i -> HashedIdentifiers.sha256(values[i])).toArray(String[]::new);
    for (int i = 0; i < values.length; i++) {
      assertEquals(expected[i], parallel[i], "value #" + i);
    }
  }

  @Test
  void isHex64AgreesWithTheRegularExpression() {
    Random random = new Random(11);
    for (int i = 0; i < 40_000; i++) {
      int length = random.nextInt(10) == 0 ? random.nextInt(70) : 64;
      StringBuilder text = new StringBuilder(length);
      for (int c = 0; c < length; c++) {
        // Mostly hex digits, so that one stray character decides.
        text.append(random.nextInt(60) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
            : ALPHABET.charAt(random.nextInt(22)));
      }
      String s = text.toString();
      assertEquals(HEX64.matcher(s).matches(), HashedIdentifiers.isHex64(s), "text #" + i);
    }
  }

  private static String randomText(Random random, int length) {
    StringBuilder b = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
