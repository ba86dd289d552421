package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The junk-phone shortcut (look at the last six digits before parsing) never changes the answer. */
class JunkPhoneShortcutTest {
  private static final String[] PREFIXES = {"+34", "+1", "+52", "+54", "+57", "+44", "+39", "+1?", "+34?", ""};

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void agreesWithParsing(long seed) {
    Random random = new Random(seed);
    int junk = 0;
    for (int i = 0; i < 2_000; i++) {
      StringBuilder sb = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
      int length = 3 + random.nextInt(12);
      int style = random.nextInt(4);
      int digit = random.nextInt(10);
      for (int k = 0; k < length; k++) {
        // Runs (same, up, down) often enough to hit the junk side, random digits otherwise.
        digit = switch (style) {
          case 0 -> digit;
          case 1 -> (digit + 1) % 10;
          case 2 -> (digit + 9) % 10;
          default -> random.nextInt(10);
        };
        sb.append(k > 0 && random.nextInt(20) == 0 ? random.nextInt(10) : digit);
        if (random.nextInt(15) == 0) {
          sb.append(random.nextBoolean() ? ' ' : '-');
        }
      }
      String phone = sb.toString();
      boolean parsed = JunkValues.isJunkPhoneParsed(phone);
      assertEquals(parsed, JunkValues.isJunkPhone(phone), phone);
      junk += parsed ? 1 : 0;
    }
    // Both answers must occur, or the comparison proves nothing.
    assertTrue(junk > 50 && junk < 1_950, junk + " junk of 2000");
  }
}
