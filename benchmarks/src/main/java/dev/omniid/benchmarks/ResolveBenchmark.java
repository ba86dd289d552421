package dev.omniid.benchmarks;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Incremental resolution against a warmed graph: each invocation resolves a batch of new
 * touchpoints that link on exact identifiers; the batch is removed again (untimed) so every
 * invocation sees the same graph.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ResolveBenchmark -p warm=1000000}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx8g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResolveBenchmark {
  static final int BATCH = 10_000;

  @Param({"1000000"})
  int warm;

  IdentityResolver resolver;
  List<Touchpoint> fresh;

  @Setup(Level.Trial)
  public void setUp() {
    DeterministicWorkload workload = new DeterministicWorkload(warm, BATCH, 42);
    resolver = IdentityResolver.newBuilder().build();
    resolver.resolveAll(workload.warm);
    fresh = workload.fresh;
  }

  @Setup(Level.Invocation)
  public void reset() {
    for (Touchpoint t : fresh) {
      resolver.remove(t.id());
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void deterministic(Blackhole bh) {
    for (Touchpoint t : fresh) {
      Resolution r = resolver.resolve(t);
      bh.consume(r);
    }
  }
}
