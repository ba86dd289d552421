package dev.omniid.benchmarks;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.matching.NameMatcher;
import dev.omniid.matching.NameNormalizer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One comparison of two prepared full names ({@link NameMatcher#fullNames()}), the comparison a
 * fuzzy resolve makes most: the pairs a scorer meets among a person's records and their
 * neighbours in a block. A fifth each: the family name written first, the second surname dropped,
 * another given name, a typo (two letters swapped), and another person of one of the surnames.
 * Names are prepared once, as the resolver prepares them at insert.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NameMatchBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NameMatchBenchmark {
  private static final String[] GIVEN = {"jose", "maria", "jose maria", "juan carlos", "ana",
    "robert", "bob", "william", "elizabeth", "francisco", "paco", "dolores", "lola", "manuel",
    "michael", "maria del carmen", "jesus", "ramon", "joel", "carmen"};
  private static final String[] FAMILY = {"garcia", "lopez", "muller", "mueller", "nunez",
    "smith", "smyth", "gonzalez", "gonsales", "vazquez", "jimenez", "martinez", "perez",
    "fernandez", "rodriguez", "sanchez", "gomez", "navarro"};

  private final NameMatcher matcher = NameMatcher.fullNames();
  NameMatcher.Name[] left;
  NameMatcher.Name[] right;
  int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(5);
    int n = 4096;
    left = new NameMatcher.Name[n];
    right = new NameMatcher.Name[n];
    for (int i = 0; i < n; i++) {
      String given = pick(random, GIVEN);
      String first = pick(random, FAMILY);
      String family = first + " " + pick(random, FAMILY);
      String name = given + " " + family;
      String other = switch (i % 5) {
        case 0 -> family + " " + given;
        case 1 -> given + " " + first;
        case 2 -> pick(random, GIVEN) + " " + family;
        case 3 -> swapped(random, name);
        default -> pick(random, GIVEN) + " " + first + " " + pick(random, FAMILY);
      };
      left[i] = matcher.prepare(NameNormalizer.standard().normalize(name));
      right[i] = matcher.prepare(NameNormalizer.standard().normalize(other));
    }
  }

  private static String pick(SplittableRandom random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  /** Two neighbouring letters of one word swapped. */
  private static String swapped(SplittableRandom random, String name) {
    char[] chars = name.toCharArray();
    for (int tries = 0; tries < 16; tries++) {
      int i = random.nextInt(chars.length - 1);
      if (chars[i] != ' ' && chars[i + 1] != ' ' && chars[i] != chars[i + 1]) {
        char c = chars[i];
        chars[i] = chars[i + 1];
        chars[i + 1] = c;
        break;
      }
    }
    return new String(chars);
  }

  @Benchmark
  public ComparisonLevel fullNames() {
    int i = next;
    next = (next + 1) & (left.length - 1);
    return matcher.comparePrepared(left[i], right[i]);
  }
}
