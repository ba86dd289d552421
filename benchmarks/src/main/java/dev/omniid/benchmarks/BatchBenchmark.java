package dev.omniid.benchmarks;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
 * Batch resolution ({@code resolveAll}) of a synthetic omnichannel customer file with exact
 * identifiers (core defaults), one shot per iteration, and the retained heap per touchpoint of the
 * resulting graph, read after a settled GC and printed at the end of each iteration. The
 * touchpoint objects are excluded (the caller holds them too; the graph only references them),
 * and payloads are empty.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar BatchBenchmark}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms8g", "-Xmx8g"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class BatchBenchmark {
  /** Touchpoints in the file. */
  @Param({"10000", "100000", "1000000"})
  int size;

  List<Touchpoint> touchpoints;
  IdentityResolver resolver;

  @Setup(Level.Trial)
  public void generate() {
    touchpoints = OmniChannelGenerator.newBuilder().people(Math.max(1, size / 5)).seed(11).build()
        .stream().map(GeneratedTouchpoint::touchpoint).limit(size).toList();
  }

  @Setup(Level.Iteration)
  public void fresh() {
    resolver = null;
    settledHeap();
  }

  @Benchmark
  public IdentityResolver resolveAll() {
    resolver = IdentityResolver.newBuilder().build();
    resolver.resolveAll(touchpoints);
    return resolver;
  }

  @TearDown(Level.Iteration)
  public void retained() {
    long with = settledHeap();
    int profiles = resolver.profileCount();
    resolver = null;
    long without = settledHeap();
    System.out.printf("%n[retained] %d touchpoints -> %d profiles: %.0f bytes of heap per touchpoint%n",
        touchpoints.size(), profiles, (with - without) / (double) touchpoints.size());
  }

  /** The used heap once two full collections in a row agree within 1 MiB (at most five). */
  static long settledHeap() {
    long used = Long.MAX_VALUE;
    for (int i = 0; i < 5; i++) {
      System.gc();
      long now = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
      if (Math.abs(now - used) < 1 << 20) {
        return now;
      }
      used = now;
    }
    return used;
  }
}
