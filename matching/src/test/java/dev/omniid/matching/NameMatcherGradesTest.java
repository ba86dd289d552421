package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.ComparisonLevel;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NameMatcher#fillGrades} writes, for every token pair of two names, the grade
 * {@link NameMatcher#pair} gives in each direction, though it grades each pair once: a name
 * comparison then aligns exactly the two grids it aligned when each direction was graded on its
 * own, so every level, and every partition, stays what it was. Tokens of one length over a small
 * alphabet make the ties where an order-dependent Jaro-Winkler would show.
 */
class NameMatcherGradesTest {
  private static final List<NameMatcher> MATCHERS =
      List.of(NameMatcher.fullNames(), NameMatcher.givenNames(), NameMatcher.familyNames());

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /**
   * A name of one to four tokens: real given and family names with typos, and words of one length
   * over a small alphabet, whose Jaro-Winkler differs with the order more often than a real name's.
   */
  private static String name(Random random, int wordLength) {
    StringBuilder name = new StringBuilder();
    for (int t = 1 + random.nextInt(4); t > 0; t--) {
      String token = switch (random.nextInt(3)) {
        case 0 -> Generators.pick(random, Generators.GIVEN);
        case 1 -> Generators.pick(random, Generators.FAMILY);
        default -> word(random, wordLength);
      };
      name.append(token).append(' ');
    }
    return NameNormalizer.standard().normalize(Generators.noise(random, name.toString()));
  }

  private static String word(Random random, int length) {
    char[] chars = new char[length];
    int alphabet = 2 + random.nextInt(4);
    for (int i = 0; i < length; i++) {
      chars[i] = (char) ('a' + random.nextInt(alphabet));
    }
    return new String(chars);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void bothGridsAreThePairGradesOfTheirDirection(long seed) {
    Random random = new Random(seed);
    NameMatcher.Scratch scratch = new NameMatcher.Scratch();
    for (int round = 0; round < 20; round++) {
      NameMatcher matcher = MATCHERS.get(round % MATCHERS.size());
      int wordLength = 3 + random.nextInt(6);
      NameMatcher.Name a = matcher.prepare(name(random, wordLength));
      NameMatcher.Name b = matcher.prepare(name(random, wordLength));
      for (NameMatcher.Variant x : a.variants) {
        for (NameMatcher.Variant y : b.variants) {
          matcher.fillGrades(x, y, scratch);
          for (int i = 0; i < x.tokens.length; i++) {
            for (int j = 0; j < y.tokens.length; j++) {
              String where = a + " / " + b + " tokens " + i + ", " + j;
              assertEquals(matcher.pair(x, i, y, j), scratch.grades[i][j], where);
              assertEquals(matcher.pair(y, j, x, i), scratch.transposed[j][i], where);
            }
          }
        }
      }
    }
  }

  /**
   * The level every rotation of both sides gives, aligned one after the other and the strongest
   * kept: what {@link NameMatcher#comparePrepared} computed before it stopped at the first
   * {@code STRONG} alignment.
   */
  private static ComparisonLevel everyRotation(NameMatcher matcher, NameMatcher.Name a,
      NameMatcher.Name b, boolean rotates, int[] strongOnlyRotated) {
    if (a.value.equals(b.value)) {
      return ComparisonLevel.EXACT;
    }
    NameMatcher.Scratch scratch = new NameMatcher.Scratch();
    int best = ComparisonLevel.DIFFERENT.ordinal();
    boolean unrotatedStrong = false;
    for (NameMatcher.Variant x : a.variants) {
      for (NameMatcher.Variant y : b.variants) {
        int n = x.tokens.length;
        int m = y.tokens.length;
        if (n == 0 || m == 0) {
          continue;
        }
        matcher.fillGrades(x, y, scratch);
        for (int r = 0; r < (rotates ? n : 1); r++) {
          int level = matcher.gradeAlignment(scratch.grades, n, m, r, scratch);
          unrotatedStrong |= r == 0 && level <= ComparisonLevel.STRONG.ordinal();
          best = Math.min(best, level);
        }
        for (int r = 0; r < (rotates ? m : 1); r++) {
          int level = matcher.gradeAlignment(scratch.transposed, m, n, r, scratch);
          unrotatedStrong |= r == 0 && level <= ComparisonLevel.STRONG.ordinal();
          best = Math.min(best, level);
        }
      }
    }
    if (best <= ComparisonLevel.STRONG.ordinal() && !unrotatedStrong) {
      strongOnlyRotated[0]++;
    }
    return ComparisonLevel.values()[Math.max(best, ComparisonLevel.STRONG.ordinal())];
  }

  /**
   * Stopping at the first strong alignment gives the level of every alignment, on names that are
   * often the same person's written another way: reordered (family name first), shortened, with
   * typos and nicknames. Some pairs are strong only in a rotated reading, so a search that never
   * rotated would fail here.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void theFirstStrongAlignmentGivesTheLevelOfThemAll(long seed) {
    Random random = new Random(seed);
    int[] strongOnlyRotated = new int[1];
    for (int round = 0; round < 30; round++) {
      NameMatcher matcher = MATCHERS.get(round % MATCHERS.size());
      String given = Generators.pick(random, Generators.GIVEN);
      String family = Generators.pick(random, Generators.FAMILY) + " "
          + Generators.pick(random, Generators.FAMILY);
      String first = random.nextBoolean() ? given + " " + family : family + " " + given;
      String second = switch (random.nextInt(4)) {
        case 0 -> family + " " + given;
        case 1 -> given + " " + family.substring(0, family.indexOf(' '));
        case 2 -> name(random, 3 + random.nextInt(6));
        default -> Generators.pick(random, Generators.GIVEN) + " " + family;
      };
      NameMatcher.Name a = matcher.prepare(NameNormalizer.standard().normalize(
          Generators.noise(random, first)));
      NameMatcher.Name b = matcher.prepare(NameNormalizer.standard().normalize(
          Generators.noise(random, second)));
      boolean rotates = matcher != MATCHERS.get(1);
      assertEquals(everyRotation(matcher, a, b, rotates, strongOnlyRotated),
          matcher.comparePrepared(a, b), a + " / " + b);
    }
  }

  /**
   * A name written family first against the same name given first is strong only in a rotated
   * reading: the test above meets such pairs, so it fails a search that stops before rotating.
   */
  @Test
  void someNamesAreStrongOnlyInARotatedReading() {
    Random random = new Random(1);
    int[] count = new int[1];
    NameMatcher matcher = NameMatcher.fullNames();
    for (int round = 0; round < 100; round++) {
      String given = Generators.pick(random, Generators.GIVEN);
      String family = Generators.pick(random, Generators.FAMILY) + " "
          + Generators.pick(random, Generators.FAMILY);
      NameMatcher.Name a = matcher.prepare(NameNormalizer.standard().normalize(given + " "
          + family));
      NameMatcher.Name b = matcher.prepare(NameNormalizer.standard().normalize(family + " "
          + given));
      assertEquals(everyRotation(matcher, a, b, true, count), matcher.comparePrepared(a, b));
    }
    assertTrue(count[0] >= 10, "pairs strong only in a rotated reading: " + count[0]);
  }
}
