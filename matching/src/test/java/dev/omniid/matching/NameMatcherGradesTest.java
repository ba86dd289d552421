package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
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
    byte[][] grades = new byte[NameMatcher.MAX_TOKENS][NameMatcher.MAX_TOKENS];
    byte[][] transposed = new byte[NameMatcher.MAX_TOKENS][NameMatcher.MAX_TOKENS];
    for (int round = 0; round < 20; round++) {
      NameMatcher matcher = MATCHERS.get(round % MATCHERS.size());
      int wordLength = 3 + random.nextInt(6);
      NameMatcher.Name a = matcher.prepare(name(random, wordLength));
      NameMatcher.Name b = matcher.prepare(name(random, wordLength));
      for (NameMatcher.Variant x : a.variants) {
        for (NameMatcher.Variant y : b.variants) {
          matcher.fillGrades(x, y, grades, transposed);
          for (int i = 0; i < x.tokens.length; i++) {
            for (int j = 0; j < y.tokens.length; j++) {
              String where = a + " / " + b + " tokens " + i + ", " + j;
              assertEquals(matcher.pair(x, i, y, j), grades[i][j], where);
              assertEquals(matcher.pair(y, j, x, i), transposed[j][i], where);
            }
          }
        }
      }
    }
  }
}
