package dev.omniid.benchmarks;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.matching.TextMatcher;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Our hand-written typo grading for codes ({@link TextMatcher#typo()}: one substitution or one
 * adjacent swap) side by side with the same decision made with Commons Text's bounded
 * Levenshtein distance, on postal-code-like pairs (a third equal, a third one edit apart, a third
 * different). The decisions agree except on adjacent swaps, which Levenshtein counts as two
 * edits. The hand-written one is kept only if it pays here.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SimilarityBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class SimilarityBenchmark {
  private static final LevenshteinDistance WITHIN_ONE = new LevenshteinDistance(2);

  /** Which implementation grades the pair. */
  @Param({"ours", "commonsText"})
  String implementation;

  String[] left;
  String[] right;
  int next;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(3);
    int n = 4096;
    left = new String[n];
    right = new String[n];
    for (int i = 0; i < n; i++) {
      String code = String.format("%05d", random.nextInt(100_000));
      left[i] = code;
      right[i] = switch (i % 3) {
        case 0 -> code;
        case 1 -> code.substring(0, 2) + (char) ('0' + (code.charAt(2) - '0' + 1) % 10) + code.substring(3);
        default -> String.format("%05d", random.nextInt(100_000));
      };
    }
  }

  @Benchmark
  public ComparisonLevel grade() {
    int i = next;
    next = (next + 1) & (left.length - 1);
    if (implementation.equals("ours")) {
      return TextMatcher.typo().compare(left[i], right[i]);
    }
    String a = left[i];
    String b = right[i];
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    int d = WITHIN_ONE.apply(a, b);
    return d == 1 ? ComparisonLevel.STRONG : d == 2 && a.length() == b.length()
        ? ComparisonLevel.MEDIUM : ComparisonLevel.DIFFERENT;
  }
}
