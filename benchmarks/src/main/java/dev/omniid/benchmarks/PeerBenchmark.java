package dev.omniid.benchmarks;

import dev.omniid.core.EvaluationReport;
import dev.omniid.core.PartitionEvaluation;
import java.util.Locale;
import java.util.Map;
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
 * OmniID against a Java entity-resolution peer, Duke 1.2, on the Febrl files: the full
 * deduplication of {@code dataset3} (5,000 records) and the linkage of {@code dataset4a} with
 * {@code dataset4b} (5,000 + 5,000), one shot per iteration, each engine with its own honest
 * configuration ({@link PeerEngine}, {@link DukePeer}). The timed shot starts from the parsed CSV
 * rows and includes building each engine's input, cleaning, candidate search, scoring and (for
 * OmniID) fitting its weights by EM. At the end of the trial the partition of the last shot is
 * scored against the truth and printed on one {@code [accuracy]} line per engine and data set, so
 * time and F1 come out of one run.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar PeerBenchmark -f 1 -wi 1 -i 3}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class PeerBenchmark {
  /** The engine: {@code omniid} or {@code duke}. */
  @Param({"omniid", "duke"})
  String engine;

  /** The Febrl data set: {@code dataset3} (deduplication) or {@code dataset4} (linkage). */
  @Param({"dataset3", "dataset4"})
  String dataset;

  PeerEngine peer;
  Febrl.Dataset data;
  Map<String, String> predicted;

  @Setup(Level.Trial)
  public void load() {
    peer = PeerEngine.of(engine);
    data = Febrl.load(dataset);
  }

  @Benchmark
  public Map<String, String> resolve() {
    predicted = peer.partition(data);
    return predicted;
  }

  @TearDown(Level.Trial)
  public void accuracy() {
    EvaluationReport r = PartitionEvaluation.evaluate(predicted, data.truth());
    System.out.printf(Locale.ROOT,
        "%n[accuracy] %-6s %s: %d records -> %d clusters (true %d); pairwise P %.4f R %.4f F1 %.4f;"
            + " B-cubed P %.4f R %.4f F1 %.4f%n",
        engine, dataset, r.records(), r.predictedClusters(), r.trueClusters(),
        r.pairwisePrecision(), r.pairwiseRecall(), r.pairwiseF1(),
        r.bcubedPrecision(), r.bcubedRecall(), r.bcubedF1());
  }
}
