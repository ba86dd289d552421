package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the person-attribute matchers: symmetric and total on near variants of
 * realistic values and on arbitrary strings; a value's noisy spelling is the same value.
 */
class MatcherPropertiesTest {
  private static final List<FieldMatcher> ALL =
      List.of(
          NameMatcher.fullNames(), NameMatcher.givenNames(), NameMatcher.familyNames(),
          BirthDateMatcher.standard(), AddressMatcher.standard());

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  /** A variant of a normalized value: a token dropped, swapped, duplicated or a letter changed. */
  private static String variant(Random random, String value) {
    String[] tokens = value.split(" ");
    int i = random.nextInt(tokens.length);
    switch (random.nextInt(4)) {
      case 0 -> {
        if (tokens.length > 1) {
          tokens[i] = "";
        }
      }
      case 1 -> {
        String t = tokens[i];
        tokens[i] = tokens[0];
        tokens[0] = t;
      }
      case 2 -> tokens[i] = tokens[i] + " " + tokens[i];
      default -> {
        char[] chars = tokens[i].toCharArray();
        chars[random.nextInt(chars.length)] = (char) ('a' + random.nextInt(26));
        tokens[i] = new String(chars);
      }
    }
    return String.join(" ", tokens).replaceAll(" +", " ").strip();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void nameMatchersAreSymmetricOnNearVariants(long seed) {
    Random random = new Random(seed);
    String a = NameNormalizer.standard().normalize(Generators.rawName(random));
    String b = variant(random, a);
    for (NameMatcher matcher :
        List.of(NameMatcher.fullNames(), NameMatcher.givenNames(), NameMatcher.familyNames())) {
      assertEquals(matcher.compare(a, b), matcher.compare(b, a), "seed=" + seed + " " + matcher);
      assertEquals(ComparisonLevel.EXACT, matcher.compare(b, b), "seed=" + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void noisySpellingsOfOneNameAreExact(long seed) {
    Random random = new Random(seed);
    String clean = Generators.pick(random, Generators.GIVEN) + " " + Generators.pick(random, Generators.FAMILY);
    String a = NameNormalizer.standard().normalize(clean);
    String b = NameNormalizer.standard().normalize(Generators.noise(random, clean));
    assertEquals(ComparisonLevel.EXACT, NameMatcher.fullNames().compare(a, b), "seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void addressMatcherIsSymmetricOnNearVariants(long seed) {
    Random random = new Random(seed);
    String a = AddressNormalizer.standard().normalize(Generators.rawAddress(random));
    String b = variant(random, a);
    AddressMatcher matcher = AddressMatcher.standard();
    assertEquals(matcher.compare(a, b), matcher.compare(b, a), "seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void birthDateTyposAreNeverDifferent(long seed) {
    Random random = new Random(seed);
    String a = java.time.LocalDate.of(1940, 1, 1).plusDays(random.nextInt(30_000)).toString();
    char[] chars = a.toCharArray();
    int[] digitPositions = {0, 1, 2, 3, 5, 6, 8, 9};
    chars[digitPositions[random.nextInt(8)]] = (char) ('0' + random.nextInt(10));
    String b = new String(chars);
    ComparisonLevel level = BirthDateMatcher.standard().compare(a, b);
    assertEquals(level, BirthDateMatcher.standard().compare(b, a), "seed=" + seed);
    if (!a.equals(b)) {
      assertEquals(ComparisonLevel.STRONG, level, "seed=" + seed + " " + a + " " + b);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void arbitraryStringsNeverBreakAMatcher(long seed) {
    Random random = new Random(seed);
    String a = Generators.hostile(random);
    String b = random.nextBoolean() ? Generators.hostile(random) : a + Generators.hostile(random);
    for (FieldMatcher matcher : ALL) {
      ComparisonLevel ab = matcher.compare(a, b);
      assertEquals(ab, matcher.compare(b, a), "seed=" + seed + " " + matcher);
      assertNotEquals(ComparisonLevel.MISSING, ab, "seed=" + seed);
      assertEquals(ComparisonLevel.EXACT, matcher.compare(a, a), "seed=" + seed + " " + matcher);
    }
  }
}
