package dev.omniid.benchmarks;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.matching.TextMatcher;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.apache.commons.text.similarity.JaroWinklerSimilarity;
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
 * Hand-written string comparisons side by side with the Commons Text ones they replace; each is
 * kept only if it pays here.
 * <ul>
 *   <li>{@code grade}: the typo grading for codes ({@link TextMatcher#typo()}: one substitution or
 *       one adjacent swap) against the same decision made with Commons Text's bounded Levenshtein
 *       distance, on postal-code-like pairs (a third equal, a third one edit apart, a third
 *       different). The decisions agree except on adjacent swaps, which Levenshtein counts as two
 *       edits.
 *   <li>{@code jaroWinkler}: {@link TextMatcher#jaroWinkler()} against the same bands computed from
 *       Commons Text's {@code JaroWinklerSimilarity} (symmetric: one order), on the pairs a
 *       scorer meets: names, street tokens and e-mail local parts, half of them a typo apart, half
 *       another value of the same kind. The levels agree bit for bit
 *       ({@code JaroWinklerPropertiesTest}).
 * </ul>
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
  private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();
  private static final String[] WORDS = {"maria", "mariah", "jonathan", "johnathan", "catherine",
    "katherine", "mohammed", "muhammad", "schmidt", "schmitt", "gonzalez", "gonzales", "oconnor",
    "nguyen", "fitzgerald", "alexandra", "christopher", "main", "street", "avenue", "boulevard",
    "springfield", "riverside", "washington", "j.smith1984", "maria.gonzalez", "kate_oconnor",
    "info", "contact", "chris.fitzgerald77", "alexandra.schmidt"};

  /** Which implementation grades the pair. */
  @Param({"ours", "commonsText"})
  String implementation;

  String[] left;
  String[] right;
  String[] leftWords;
  String[] rightWords;
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
    leftWords = new String[n];
    rightWords = new String[n];
    for (int i = 0; i < n; i++) {
      String word = WORDS[random.nextInt(WORDS.length)];
      leftWords[i] = word;
      rightWords[i] = i % 2 == 0 ? typo(random, word) : WORDS[random.nextInt(WORDS.length)];
    }
  }

  /** One character changed, dropped or swapped with the next. */
  private static String typo(SplittableRandom random, String word) {
    StringBuilder s = new StringBuilder(word);
    int i = random.nextInt(word.length() - 1);
    switch (random.nextInt(3)) {
      case 0 -> s.setCharAt(i, (char) ('a' + random.nextInt(26)));
      case 1 -> s.deleteCharAt(i);
      default -> {
        s.setCharAt(i, word.charAt(i + 1));
        s.setCharAt(i + 1, word.charAt(i));
      }
    }
    return s.toString();
  }

  @Benchmark
  public ComparisonLevel jaroWinkler() {
    int i = next;
    next = (next + 1) & (leftWords.length - 1);
    String a = leftWords[i];
    String b = rightWords[i];
    if (implementation.equals("ours")) {
      return TextMatcher.jaroWinkler().compare(a, b);
    }
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    double s = JARO_WINKLER.apply(a, b);
    return s >= 0.95 ? ComparisonLevel.STRONG
        : s >= 0.88 ? ComparisonLevel.MEDIUM
        : s >= 0.80 ? ComparisonLevel.WEAK : ComparisonLevel.DIFFERENT;
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
