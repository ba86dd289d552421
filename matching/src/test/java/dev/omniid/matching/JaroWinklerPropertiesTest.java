package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allocation-free {@link JaroWinkler} gives Commons Text's number bit for bit, in either
 * order, on near variants (where matches and transpositions happen) and on unrelated strings, of
 * lengths on both sides of the 64 characters its masks hold: the matchers' levels, and so every
 * partition, stay what they were with Commons Text.
 */
class JaroWinklerPropertiesTest {
  private static final JaroWinklerSimilarity COMMONS = new JaroWinklerSimilarity();

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  /**
   * Letters beyond ASCII: Latin-1 ones, which have a mask of their own in the implementation's
   * table, and others (Latin Extended, Cyrillic, CJK), which send a string to the scan.
   */
  private static final char[] BEYOND_ASCII =
      {'\u00e9', '\u00df', '\u00ff', '\u0142', '\u0219', '\u0434', '\u4e2d'};

  private static String word(Random random, int length, int alphabet) {
    char[] chars = new char[length];
    boolean foreign = random.nextInt(4) == 0;
    for (int i = 0; i < length; i++) {
      chars[i] = random.nextInt(20) == 0 ? ' '
          : foreign && random.nextInt(6) == 0 ? BEYOND_ASCII[random.nextInt(BEYOND_ASCII.length)]
          : (char) ('a' + random.nextInt(alphabet));
    }
    return new String(chars);
  }

  /** A typo variant: characters swapped, changed, dropped or added. */
  static String variant(Random random, String value) {
    StringBuilder s = new StringBuilder(value);
    for (int edits = 1 + random.nextInt(3); edits > 0 && s.length() > 1; edits--) {
      int i = random.nextInt(s.length() - 1);
      switch (random.nextInt(4)) {
        case 0 -> {
          char c = s.charAt(i);
          s.setCharAt(i, s.charAt(i + 1));
          s.setCharAt(i + 1, c);
        }
        case 1 -> s.setCharAt(i, (char) ('a' + random.nextInt(26)));
        case 2 -> s.deleteCharAt(i);
        default -> s.insert(i, (char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sameAsCommonsText(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 40; round++) {
      int length = random.nextInt(round % 4 == 0 ? 90 : 14);
      // A small alphabet makes stray matches, and so transpositions, common.
      String a = word(random, length, 2 + random.nextInt(25));
      String b = random.nextBoolean() ? variant(random, a) : word(random, random.nextInt(90), 4);
      assertEquals(COMMONS.apply(a, b), JaroWinkler.similarity(a, b), () -> a + " / " + b);
      assertEquals(COMMONS.apply(b, a), JaroWinkler.similarity(b, a), () -> b + " / " + a);
      // The same pair read in place, inside longer strings (an email's local part).
      String pa = word(random, random.nextInt(4), 26) + a + "@x";
      String pb = "." + b + word(random, random.nextInt(6), 26);
      int fa = pa.length() - 2 - a.length();
      assertEquals(COMMONS.apply(a, b),
          JaroWinkler.similarity(pa, fa, fa + a.length(), pb, 1, 1 + b.length()), () -> a + " / " + b);
    }
  }

  /**
   * Either order gives the same number to the bit, Commons Text's as ours, so a matcher grades a
   * pair once: on random pairs, half of them of equal length (the order-dependent case if any
   * were), read whole and in place.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void eitherOrderGivesTheSameNumber(long seed) {
    Random random = new Random(seed);
    for (int round = 0; round < 40; round++) {
      int length = 1 + random.nextInt(round % 4 == 0 ? 90 : 14);
      String a = word(random, length, 2 + random.nextInt(25));
      // Half the pairs of equal length: a typo that changes or swaps keeps it, a fresh word of it.
      String b = switch (random.nextInt(3)) {
        case 0 -> variant(random, a);
        case 1 -> word(random, a.length(), 2 + random.nextInt(25));
        default -> word(random, 1 + random.nextInt(90), 4);
      };
      long forward = Double.doubleToRawLongBits(COMMONS.apply(a, b));
      assertEquals(forward, Double.doubleToRawLongBits(COMMONS.apply(b, a)), () -> a + " / " + b);
      assertEquals(forward, Double.doubleToRawLongBits(JaroWinkler.similarity(b, a)),
          () -> a + " / " + b);
      String pa = a + "@" + word(random, random.nextInt(8), 26);
      String pb = b + "@" + word(random, random.nextInt(8), 26);
      assertEquals(forward, Double.doubleToRawLongBits(
          JaroWinkler.similarity(pb, 0, b.length(), pa, 0, a.length())), () -> a + " / " + b);
    }
  }

  /**
   * Every pair of strings of up to five letters over three (ties between equal characters in a
   * window are the rule there): Commons Text's two orders and ours agree to the bit.
   */
  @Test
  void eitherOrderGivesTheSameNumberOnEveryShortPair() {
    List<String> words = new ArrayList<>();
    words.add("");
    for (int length = 1; length <= 5; length++) {
      for (int code = 0, n = (int) Math.pow(3, length); code < n; code++) {
        char[] chars = new char[length];
        for (int i = 0, c = code; i < length; i++, c /= 3) {
          chars[i] = (char) ('a' + c % 3);
        }
        words.add(new String(chars));
      }
    }
    for (String a : words) {
      for (String b : words) {
        long forward = Double.doubleToRawLongBits(COMMONS.apply(a, b));
        if (forward != Double.doubleToRawLongBits(COMMONS.apply(b, a))
            || forward != Double.doubleToRawLongBits(JaroWinkler.similarity(a, b))
            || forward != Double.doubleToRawLongBits(JaroWinkler.similarity(b, a))) {
          throw new AssertionError("orders differ: " + a + " / " + b);
        }
      }
    }
  }

  /**
   * {@link JaroWinkler#certainlyBelow} is never wrong: whenever it says a pair is below a band,
   * the similarity is, for the bands the matchers grade by; on typo variants (near every band),
   * unrelated words, and strings of other characters, some sharing a mask bit.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void certainlyBelowIsNeverWrong(long seed) {
    Random random = new Random(seed);
    double[] bands = {0.80, 0.88, 0.94, 0.95, 0.70, 0.5};
    for (int round = 0; round < 40; round++) {
      String a = word(random, random.nextInt(round % 4 == 0 ? 70 : 12), 2 + random.nextInt(25));
      String b = random.nextBoolean() ? variant(random, a)
          : word(random, random.nextInt(12), 2 + random.nextInt(25));
      double similarity = JaroWinkler.similarity(a, b);
      for (double band : bands) {
        if (JaroWinkler.certainlyBelow(a, JaroWinkler.letters(b), b.length(), sameFirst(a, b),
            band)) {
          assertTrue(similarity < band, () -> a + " / " + b + " said below " + band);
        }
      }
    }
  }

  /**
   * The bound decides most pairs of different real name tokens without matching them: the point
   * of having it (a bound that never decided would pass the test above).
   */
  @Test
  void certainlyBelowDecidesMostPairsOfDifferentNames() {
    List<String> tokens = new ArrayList<>();
    for (String name : Generators.FAMILY) {
      for (String token : NameNormalizer.standard().normalize(name).split(" ")) {
        if (token.length() > 1 && !tokens.contains(token)) {
          tokens.add(token);
        }
      }
    }
    int pairs = 0;
    int decided = 0;
    for (String a : tokens) {
      for (String b : tokens) {
        if (!a.equals(b) && JaroWinkler.similarity(a, b) < 0.88) {
          pairs++;
          if (JaroWinkler.certainlyBelow(a, JaroWinkler.letters(b), b.length(), sameFirst(a, b),
              0.88)) {
            decided++;
          }
        }
      }
    }
    assertTrue(decided * 2 > pairs, decided + " of " + pairs + " pairs decided");
  }

  private static boolean sameFirst(String a, String b) {
    return !a.isEmpty() && !b.isEmpty() && a.charAt(0) == b.charAt(0);
  }
}
