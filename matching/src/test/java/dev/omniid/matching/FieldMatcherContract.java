package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link FieldMatcher} keeps, run over seeded random normalized values:
 * identity is EXACT, comparison is symmetric, never MISSING and never throws.
 */
abstract class FieldMatcherContract {

  /** The matcher under test. */
  abstract FieldMatcher matcher();

  /** A random value as the matcher's field normalizer would produce it. */
  abstract String randomNormalizedValue(Random random);

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void keepsTheMatcherContract(long seed) {
    Random random = new Random(seed);
    String a = randomNormalizedValue(random);
    String b = randomNormalizedValue(random);
    FieldMatcher matcher = matcher();
    ComparisonLevel ab = matcher.compare(a, b);
    ComparisonLevel ba = matcher.compare(b, a);
    assertEquals(ab, ba, "symmetry, seed=" + seed);
    assertEquals(ComparisonLevel.EXACT, matcher.compare(a, a), "identity, seed=" + seed);
    assertEquals(ComparisonLevel.EXACT, matcher.compare(b, b), "identity, seed=" + seed);
    assertNotEquals(ComparisonLevel.MISSING, ab, "never MISSING, seed=" + seed);
  }
}
