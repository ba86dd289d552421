package dev.omniid.benchmarks;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.matching.BirthDateNormalizer;
import dev.omniid.matching.EmailNormalizer;
import dev.omniid.matching.NameNormalizer;
import dev.omniid.matching.Normalizers;
import dev.omniid.matching.PhoneNormalizer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
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
 * Normalization per field type, uncached and cached, on cold raw values (each seen once: every
 * call a cache miss in a 10,000-entry cache) and repeated ones (1,000 distinct values: hits).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar NormalizeBenchmark}
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class NormalizeBenchmark {
  private static final int COLD = 1 << 20;
  private static final int REPEATED = 1_000;

  // The constants are lower case because JMH matches a -p value to the constant's name, and these
  // are the values the README's and CI's commands pass; a typo fails the trial instead of running
  // another configuration.

  /** The values of {@link #field}. */
  public enum Field { email, phone, name, date }

  /** The values of {@link #cache}. */
  public enum Cache { plain, cached }

  /** The values of {@link #values}. */
  public enum Values { cold, repeated }

  /** The field type. */
  @Param
  Field field;

  /** Whether results are cached (Caffeine). */
  @Param
  Cache cache;

  /** Cold: every value new; repeated: 1,000 values over and over. */
  @Param
  Values values;

  Normalizer normalizer;
  String[] inputs;
  int next;

  @Setup
  public void setUp() {
    boolean cached = cache == Cache.cached;
    normalizer = switch (field) {
      case email -> cached ? Normalizers.cached(EmailNormalizer.standard(), 10_000) : EmailNormalizer.standard();
      case phone -> PhoneNormalizer.forRegion("ES", cached ? 10_000 : 0);
      case name -> cached ? Normalizers.cached(NameNormalizer.standard(), 10_000) : NameNormalizer.standard();
      case date -> cached ? Normalizers.cached(BirthDateNormalizer.dayFirst(), 10_000) : BirthDateNormalizer.dayFirst();
    };
    SplittableRandom random = new SplittableRandom(7);
    int n = values == Values.cold ? COLD : REPEATED;
    inputs = new String[n];
    String[] given = {"José María", "Ana", "Núñez", "Müller", "Francisco Javier", "Lola"};
    String[] family = {"García López", "Pérez", "de la Fuente", "Smith", "O'Brien"};
    for (int i = 0; i < n; i++) {
      inputs[i] = switch (field) {
        case email -> "  Ana.Perez" + i + "+promo@GMAIL.com ";
        case phone -> "+34 6" + (10_000_000 + i % 89_999_999) / 10 + " " + i % 10;
        case name -> given[random.nextInt(given.length)] + " " + family[random.nextInt(family.length)] + " " + i;
        case date -> (1 + i % 28) + "/" + (1 + (i / 28) % 12) + "/" + (1930 + (i / 336) % 80);
      };
    }
  }

  @Benchmark
  public String normalize() {
    String input = inputs[next];
    next = next + 1 == inputs.length ? 0 : next + 1;
    try {
      return normalizer.normalize(input);
    } catch (OmniIdException e) {
      return e.field();
    }
  }
}
