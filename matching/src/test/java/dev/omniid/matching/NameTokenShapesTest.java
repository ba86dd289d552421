package dev.omniid.matching;

import static dev.omniid.matching.NameMatcher.CLOSE;
import static dev.omniid.matching.NameMatcher.EQ;
import static dev.omniid.matching.NameMatcher.INITIAL;
import static dev.omniid.matching.NameMatcher.NEAR;
import static dev.omniid.matching.NameMatcher.NICK;
import static dev.omniid.matching.NameMatcher.NONE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link NameMatcher#pair} decides most token pairs from the tokens' shapes (letters, length,
 * first character, digraph and nickname-group bits) without reading the other name's strings; it
 * must still give every pair the grade the strings alone give it. The reference below grades from
 * the strings, as the matcher did before it kept shapes; the tokens are the ones where a shape
 * could mislead: characters 32 apart (one letter bit), digits and hyphens, single letters,
 * tokens longer than the fuzzy limit and than the 255 a shape's length holds, anagrams (equal
 * letters and length), German digraphs, nicknames, and typo variants near every band.
 */
class NameTokenShapesTest {
  private static final List<NameMatcher> MATCHERS =
      List.of(NameMatcher.fullNames(), NameMatcher.givenNames(), NameMatcher.familyNames());

  private static final List<String> SPECIAL = List.of("mueller", "muller", "manuel", "manul",
      "bob", "robert", "bobby", "pepe", "jose", "chema", "maria", "mario", "amria", "roma", "amor",
      "j", "m", "J", "A", "a", "3", "s", "o'neil", "o-neil", "anne-marie", "ann", "anna", "4b",
      "tb", "abc123", "abc12", "q", "garcia", "gracia", "garsia", "garcía");

  /** Pairs of one name: nicknames and digraph forms, each beside its partner. */
  private static final List<String> PARTNERS =
      List.of("bob", "robert", "pepe", "jose", "mueller", "muller", "manuel", "manul");

  static LongStream seeds() {
    return LongStream.range(0, 60);
  }

  /** The grade of two tokens from their strings alone, for the matcher at {@code mode}. */
  private static byte reference(int mode, String x, String y) {
    if (x.equals(y)) {
      return EQ;
    }
    if (mode != 2 && Nicknames.standard().sameName(x, y)) {
      return NICK;
    }
    if (NameMatcher.digraphVariant(x, y)) {
      return NICK;
    }
    if ((x.length() == 1) != (y.length() == 1)) {
      return x.charAt(0) == y.charAt(0) ? INITIAL : NONE;
    }
    if (x.length() == 1 || x.length() > NameMatcher.MAX_FUZZY_LENGTH
        || y.length() > NameMatcher.MAX_FUZZY_LENGTH) {
      return NONE;
    }
    double similarity = JaroWinkler.similarity(x, y);
    return similarity >= 0.94 ? CLOSE : similarity >= 0.88 ? NEAR : NONE;
  }

  private static String token(Random random) {
    return switch (random.nextInt(6)) {
      case 0 -> Generators.pick(random, SPECIAL);
      case 1 -> NameNormalizer.standard().normalize(Generators.pick(random, Generators.GIVEN))
          .split(" ")[0];
      case 2 -> NameNormalizer.standard().normalize(Generators.pick(random, Generators.FAMILY))
          .split(" ")[0];
      case 3 -> {
        // Letters 32 apart share a shape bit: upper and lower case, '!' and 'A', digits and 'p'.
        char[] chars = new char[1 + random.nextInt(7)];
        String alphabet = "aAbBpP05!Aq1";
        for (int i = 0; i < chars.length; i++) {
          chars[i] = alphabet.charAt(random.nextInt(alphabet.length()));
        }
        yield new String(chars);
      }
      case 4 -> "x".repeat(random.nextBoolean() ? 39 + random.nextInt(4) : 254 + random.nextInt(4))
          + (random.nextBoolean() ? "" : "y");
      default -> {
        // A permutation of a real name: equal letters and length, another token.
        char[] chars = Generators.pick(random, SPECIAL).toCharArray();
        for (int i = chars.length - 1; i > 0; i--) {
          int k = random.nextInt(i + 1);
          char c = chars[i];
          chars[i] = chars[k];
          chars[k] = c;
        }
        yield new String(chars);
      }
    };
  }

  /** A token like {@code token}: itself, a typo variant, or one of its nickname or digraph pairs. */
  private static String near(Random random, String token) {
    int partner = PARTNERS.indexOf(token);
    if (partner >= 0 && random.nextBoolean()) {
      return PARTNERS.get(partner ^ 1);
    }
    return random.nextInt(3) == 0 ? token : JaroWinklerPropertiesTest.variant(random, token);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyTokenPairHasTheGradeOfItsStrings(long seed) {
    Random random = new Random(seed);
    int[] seen = new int[NEAR + 1];
    for (int round = 0; round < 300; round++) {
      int mode = round % MATCHERS.size();
      NameMatcher matcher = MATCHERS.get(mode);
      StringBuilder first = new StringBuilder();
      StringBuilder second = new StringBuilder();
      for (int t = 1 + random.nextInt(4); t > 0; t--) {
        String token = token(random);
        first.append(token).append(' ');
        second.append(random.nextBoolean() ? near(random, token) : token(random)).append(' ');
      }
      NameMatcher.Name a = matcher.prepare(first.toString().trim());
      NameMatcher.Name b = matcher.prepare(second.toString().trim());
      for (NameMatcher.Variant x : a.variants) {
        for (NameMatcher.Variant y : b.variants) {
          for (int i = 0; i < x.tokens.length; i++) {
            for (int j = 0; j < y.tokens.length; j++) {
              byte expected = reference(mode, x.tokens[i], y.tokens[j]);
              String where = matcher + ": " + x.tokens[i] + " / " + y.tokens[j];
              assertEquals(expected, matcher.pair(x, i, y, j), where);
              assertEquals(expected, matcher.pair(y, j, x, i), where);
              seen[expected]++;
            }
          }
        }
      }
    }
    for (byte grade = NONE; grade <= NEAR; grade++) {
      assertTrue(seen[grade] > 0, "grade " + grade + " never met");
    }
  }

  /** Names with neither digraphs nor nicknames keep neither array; the others keep theirs. */
  @Test
  void variantsKeepOnlyTheArraysTheirTokensNeed() {
    NameMatcher full = NameMatcher.fullNames();
    NameMatcher.Variant plain = full.prepare("xqz garcia").variants[0];
    assertNull(plain.undigraphed);
    assertNull(plain.groups);
    NameMatcher.Variant known = full.prepare("bob mueller").variants[0];
    assertNotNull(known.undigraphed);
    assertEquals("muller", known.undigraphed[1]);
    assertNotNull(known.groups);
    assertNull(NameMatcher.familyNames().prepare("bob garcia").variants[0].groups);
  }

  /** Equal tokens have equal shapes, whatever else they are: the equality test asks that first. */
  @Test
  void aShapeIsAFunctionOfTheToken() {
    NameMatcher full = NameMatcher.fullNames();
    NameMatcher.Variant a = full.prepare("bob mueller garcia").variants[0];
    NameMatcher.Variant b = full.prepare("garcia mueller bob").variants[0];
    assertEquals(a.shapes[0], b.shapes[2]);
    assertEquals(a.shapes[1], b.shapes[1]);
    assertEquals(a.shapes[2], b.shapes[0]);
  }
}
