package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Seeded random addresses written in every form a log may hold read back to their bytes. */
class IpLiteralPropertiesTest {

  private static byte[] randomAddress(Random random) {
    byte[] bytes = new byte[random.nextBoolean() ? 4 : 16];
    random.nextBytes(bytes);
    if (bytes.length == 16) {
      // runs of zero groups, so that '::' appears in every position
      int from = random.nextInt(8);
      int to = from + random.nextInt(9 - from);
      Arrays.fill(bytes, 2 * from, 2 * to, (byte) 0);
    }
    return bytes;
  }

  /** Every group written out, in random case and with random leading zeros. */
  private static String fullForm(byte[] bytes, Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      String group = Integer.toHexString((bytes[2 * i] & 0xff) << 8 | (bytes[2 * i + 1] & 0xff));
      group = "0".repeat(random.nextInt(5 - group.length())) + group;
      out.append(i == 0 ? "" : ":")
          .append(random.nextBoolean() ? group.toUpperCase(Locale.ROOT) : group);
    }
    return out.toString();
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L, 3L})
  void readsBackWhatItWritesAndWhatTheJdkReads(long seed) throws Exception {
    Random random = new Random(seed);
    for (int n = 0; n < 2_000; n++) {
      byte[] bytes = randomAddress(random);
      String canonical = IpLiteral.format(bytes);
      assertArrayEquals(bytes, IpLiteral.parse(canonical), canonical);
      // The JDK as an independent reader of the canonical form; the text is a literal (checked
      // first), so getByName resolves nothing.
      assertTrue(canonical.matches("[0-9a-f:.]+"), canonical);
      assertArrayEquals(bytes, InetAddress.getByName(canonical).getAddress(), canonical);
      if (bytes.length == 16) {
        String full = fullForm(bytes, random);
        assertArrayEquals(bytes, IpLiteral.parse(full), full);
        assertArrayEquals(bytes, IpLiteral.parse(full + "%" + random.nextInt(100)), full);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L})
  void readsIpv4MappedAndEmbeddedForms(long seed) {
    Random random = new Random(seed);
    for (int n = 0; n < 1_000; n++) {
      byte[] v4 = new byte[4];
      random.nextBytes(v4);
      String dotted = IpLiteral.format(v4);
      assertArrayEquals(v4, IpLiteral.parse("::ffff:" + dotted), dotted);
      assertArrayEquals(v4, IpLiteral.parse("0:0:0:0:0:FFFF:" + dotted), dotted);
      byte[] compatible = new byte[16];
      System.arraycopy(v4, 0, compatible, 12, 4);
      if (!Arrays.equals(v4, new byte[4]) && (v4[0] != 0 || v4[1] != 0)) {
        assertArrayEquals(compatible, IpLiteral.parse("::" + dotted), dotted);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1L, 2L})
  void refusesRandomNonLiterals(long seed) {
    Random random = new Random(seed);
    String alphabet = "0123456789abcdefABCDEFgxz.:%/[] -";
    for (int n = 0; n < 5_000; n++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int i = 0; i < length; i++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String t = text.toString();
      if (t.matches(".*[gxz/\\[\\] -].*") && !t.matches("[^%]*%.*")) {
        // a character no literal has, outside a zone id: never an address
        assertNull(IpLiteral.parse(t), t);
      }
    }
  }
}
