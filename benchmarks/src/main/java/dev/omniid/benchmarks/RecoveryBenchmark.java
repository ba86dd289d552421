package dev.omniid.benchmarks;

import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Journal;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Restart of a journaled resolver: {@code build()} on a directory holding a synthetic omnichannel
 * customer file (datagen, core defaults), either as one snapshot ({@code SNAPSHOT}, after
 * {@code compact()}) or as a journal of one record per touchpoint ({@code JOURNAL}, never
 * compacted). One shot per iteration: read, decode, check every CRC32C, insert the touchpoints
 * into the graph, then restore the snapshot's stored profiles ({@code SNAPSHOT}) or resolve the
 * journal's touchpoints as they were journaled ({@code JOURNAL}). The bytes on disk per
 * touchpoint are printed once per trial.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar RecoveryBenchmark -p size=1000000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class RecoveryBenchmark {
  /** Touchpoints in the file. */
  @Param({"100000", "1000000"})
  int size;

  /** The values of {@link #layout}: JMH takes a constant's name, so a typo fails the trial. */
  public enum Layout { SNAPSHOT, JOURNAL }

  /** What the directory holds. */
  @Param
  Layout layout;

  Path directory;
  IdentityResolver recovered;

  private ResolverBuilder builder() {
    return IdentityResolver.newBuilder().journal(directory, Durability.none())
        .journalCompactionThreshold(Long.MAX_VALUE);
  }

  @Setup(Level.Trial)
  public void write() throws IOException {
    directory = Files.createTempDirectory("omniid-recovery");
    List<Touchpoint> touchpoints = OmniChannelGenerator.newBuilder().people(Math.max(1, size / 5))
        .seed(11).build().stream().map(GeneratedTouchpoint::touchpoint).limit(size).toList();
    IdentityResolver resolver = builder().build();
    resolver.resolveAll(touchpoints);
    Journal journal = resolver.journal().orElseThrow();
    if (layout == Layout.SNAPSHOT) {
      journal.compact();
    }
    long bytes = journal.sizeInBytes();
    journal.close();
    System.out.printf("%n[disk] %d touchpoints as %s: %,d bytes, %.1f bytes per touchpoint%n",
        touchpoints.size(), layout, bytes, bytes / (double) touchpoints.size());
  }

  @Benchmark
  public int restart() {
    recovered = builder().build();
    int n = recovered.touchpointCount();
    recovered.journal().orElseThrow().close();
    return n;
  }

  @TearDown(Level.Iteration)
  public void report() {
    System.out.printf("%n[recovery] %s%n", recovered.journal().orElseThrow().recoveryReport());
    recovered = null;
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
