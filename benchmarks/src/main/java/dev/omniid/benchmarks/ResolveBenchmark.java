package dev.omniid.benchmarks;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.lang.management.ManagementFactory;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Incremental resolution of returning customers' touchpoints against a warmed graph of
 * synthetic omnichannel data. Each invocation resolves a batch of {@value #BATCH} fresh
 * touchpoints; the batch is removed again after it (untimed), so every invocation sees the same
 * graph. {@code deterministic} links on exact identifiers (core defaults), {@code fuzzy} runs the
 * {@code OmniId} default configuration, {@code baselineLimit} does the deterministic work with one
 * hash map and an int-array union-find on pre-normalized keys: report deterministic/baseline.
 * {@code baselineFromTouchpoints} does the same from the touchpoints themselves, reading and
 * normalizing each one's identifiers in the timed loop as a resolve must.
 *
 * <p>Every trial warms the deterministic and the baseline graph ({@code baselineFromTouchpoints}'s
 * maps only in its own trial). The scored graph is slow to warm
 * (it scores every candidate pair), so it is warmed only where it is measured, or when
 * {@code -p graphs=fuzzy} asks for it: {@code fuzzy} always resolves against a warm scored graph, and
 * {@link Graphs} only decides whether {@code deterministic} and {@code baselineLimit} run with
 * that graph in the same heap. {@code fuzzy} does the same work under either value.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar 'ResolveBenchmark.(deterministic|baselineLimit)' -p warm=1000000}
 * and {@code java -jar benchmarks/target/benchmarks.jar ResolveBenchmark.fuzzy -p warm=100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 10, time = 2)
@Measurement(iterations = 5, time = 2)
public class ResolveBenchmark {
  static final int BATCH = 10_000;

  /** Touchpoints in the warm graph. */
  @Param({"1000000"})
  int warm;

  /**
   * Which warm graphs share the heap. The constants are lower case because JMH matches a
   * {@code -p graphs=...} value to the constant's name, and these are the values the README's
   * and CI's commands pass.
   */
  public enum Graphs {
    /** The deterministic and baseline graphs, plus the scored one for {@code fuzzy} only. */
    exact,
    /** The scored graph too, whatever the benchmark: the others then run beside it. */
    fuzzy
  }

  /**
   * Which warm graphs to build ({@link Graphs}). Only {@code exact} by default: under
   * {@code fuzzy} the {@code fuzzy} benchmark would repeat the same work.
   */
  @Param({"exact"})
  Graphs graphs;

  /**
   * What {@code fuzzy}'s resolver is told to expect ({@code OmniId.Builder.expectedTouchpoints}):
   * 0 (the default) tells it nothing, so it scores under the default model's own prior, as every
   * earlier figure of this benchmark did; {@code -p expectedTouchpoints=1000000} configures it as
   * the README advises for a file of this size, whose smaller prior also gives up hopeless
   * candidate pairs after fewer fields. The partition differs (fewer scored links).
   */
  @Param({"0"})
  long expectedTouchpoints;

  Workload workload;
  IdentityResolver deterministic;
  IdentityResolver fuzzy;
  /** Whether {@link #fuzzy} holds the warm graph (against an empty one it would measure nothing). */
  boolean scoredWarm;
  BaselineLimit baseline;
  /**
   * {@link #baseline}'s work from the touchpoints ({@link BaselineLimit#add(Touchpoint)}); null
   * unless this trial measures it, so that the other trials run in the heap they ran in before it.
   */
  BaselineLimit normalizedBaseline;
  int normalizedBaselineMark;
  String[][] freshKeys;
  int baselineMark;

  /**
   * Bytes allocated by the timed loops alone. JMH's {@code -prof gc} also counts the untimed
   * removal of each batch, so this is the per-resolve figure to read; printed per iteration.
   */
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  long allocated;
  long resolved;

  @Setup(Level.Trial)
  public void setUp(BenchmarkParams params) {
    if (warm < 5 * (BATCH + 1)) {
      throw new IllegalArgumentException("warm must be at least " + 5 * (BATCH + 1)
          + " so that every invocation resolves " + BATCH + " touchpoints");
    }
    workload = new Workload(warm, BATCH, 42);
    if (workload.fresh.size() != BATCH) {
      throw new IllegalStateException("the workload held out " + workload.fresh.size() + " touchpoints");
    }
    deterministic = IdentityResolver.newBuilder().build();
    deterministic.resolveAll(workload.warm);
    OmniId.Builder fuzzyBuilder = OmniId.resolverBuilder();
    if (expectedTouchpoints > 0) {
      fuzzyBuilder.expectedTouchpoints(expectedTouchpoints);
    }
    fuzzy = fuzzyBuilder.build();
    // JMH runs each benchmark method in a trial of its own, so the name says what this one measures.
    scoredWarm = graphs == Graphs.fuzzy || params.getBenchmark().endsWith(".fuzzy");
    if (scoredWarm) {
      fuzzy.resolveAll(workload.warm);
    }
    baseline = new BaselineLimit();
    for (Touchpoint t : workload.warm) {
      baseline.add(Workload.keys(t));
    }
    baselineMark = baseline.size();
    if (params.getBenchmark().endsWith(".baselineFromTouchpoints")) {
      normalizedBaseline = new BaselineLimit();
      for (Touchpoint t : workload.warm) {
        normalizedBaseline.add(t);
      }
      normalizedBaselineMark = normalizedBaseline.size();
    }
    List<Touchpoint> fresh = workload.fresh;
    freshKeys = new String[fresh.size()][];
    for (int i = 0; i < freshKeys.length; i++) {
      freshKeys[i] = Workload.keys(fresh.get(i));
    }
  }

  @TearDown(Level.Iteration)
  public void printAllocation() {
    if (resolved > 0) {
      System.out.printf("%n[allocation] %.0f bytes per touchpoint in the timed loop (removal excluded)%n",
          allocated / (double) resolved);
    }
    allocated = 0;
    resolved = 0;
  }

  private long allocatedSoFar() {
    return THREADS.getCurrentThreadAllocatedBytes();
  }

  @TearDown(Level.Invocation)
  public void reset() {
    for (Touchpoint t : workload.fresh) {
      deterministic.remove(t.id());
      fuzzy.remove(t.id());
    }
    baseline.rollback(baselineMark, freshKeys);
    if (normalizedBaseline != null) {
      normalizedBaseline.rollback(normalizedBaselineMark, workload.fresh);
    }
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void deterministic(Blackhole bh) {
    long before = allocatedSoFar();
    for (Touchpoint t : workload.fresh) {
      bh.consume(deterministic.resolve(t));
    }
    allocated += allocatedSoFar() - before;
    resolved += BATCH;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void fuzzy(Blackhole bh) {
    if (!scoredWarm) {
      throw new IllegalStateException("the scored graph was not warmed: was the fuzzy benchmark renamed?");
    }
    long before = allocatedSoFar();
    for (Touchpoint t : workload.fresh) {
      bh.consume(fuzzy.resolve(t));
    }
    allocated += allocatedSoFar() - before;
    resolved += BATCH;
  }

  /**
   * {@link #baselineLimit}'s maps and union-find, given each fresh touchpoint itself: its
   * identifiers are read off it and normalized inside the timed loop
   * ({@link BaselineLimit#add(Touchpoint)}), the work a resolve cannot skip and
   * {@code baselineLimit} does before the clock starts.
   */
  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void baselineFromTouchpoints(Blackhole bh) {
    if (normalizedBaseline == null) {
      throw new IllegalStateException(
          "the touchpoints' baseline was not warmed: was baselineFromTouchpoints renamed?");
    }
    long before = allocatedSoFar();
    for (Touchpoint t : workload.fresh) {
      bh.consume(normalizedBaseline.add(t));
    }
    allocated += allocatedSoFar() - before;
    resolved += BATCH;
  }

  @Benchmark
  @OperationsPerInvocation(BATCH)
  public void baselineLimit(Blackhole bh) {
    long before = allocatedSoFar();
    for (String[] keys : freshKeys) {
      bh.consume(baseline.add(keys));
    }
    allocated += allocatedSoFar() - before;
    resolved += BATCH;
  }
}
