package dev.omniid.benchmarks;

import dev.omniid.connect.InputRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.RecordReader;
import dev.omniid.connect.TouchpointMapper;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedDataWriter;
import dev.omniid.datagen.OmniChannelGenerator;
import dev.omniid.matching.OmniId;
import dev.omniid.spark.OmniIdSpark;
import dev.omniid.spark.RecordMapping;
import dev.omniid.spark.ResolveSettings;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.executor.ShuffleReadMetrics;
import org.apache.spark.executor.ShuffleWriteMetrics;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerJobStart;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.StageInfo;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Spark ({@link OmniIdSpark#resolve}) against the in-memory {@code resolveAll} on the same
 * generated touchpoints, in one run: for each size, a {@code datagen} file is written once (CSV
 * with the generator's {@code mapping.json}, then the same rows as Parquet, untimed), and then
 * timed, one after the other in this JVM:
 *
 * <ol>
 *   <li><b>in memory</b>: the CSV read and mapped as the {@code omniid} tool reads it (connect's
 *       {@code RecordReader} and {@code TouchpointMapper}), {@code resolveAll} with the resolver
 *       the mapping configures (the {@code OmniId} defaults, region ES), and
 *       {@code record_id,profile_id} written as CSV; then the heap the touchpoints and the graph
 *       hold, after a settled GC;</li>
 *   <li><b>Spark</b> on each master ({@code local[1]}, {@code local[2]}): a new session reads the
 *       Parquet file, {@code OmniIdSpark.resolve} with the same mapping and settings, the result
 *       written as Parquet. A {@link SparkListener} sums, per stage, the tasks' executor run time,
 *       shuffle bytes and records written and read, and records the stage's wall time (submission
 *       to completion), all from Spark's own task metrics.</li>
 * </ol>
 *
 * <p>Both sides must find the same number of profiles (the partitions are equal, as the spark
 * module's tests show pair by pair); the run fails loudly otherwise.
 *
 * <p><b>Why a timed main and not JMH.</b> One Spark run of a million touchpoints takes minutes
 * and starts its own session (thread pools, a block manager, a shuffle service); JMH's repeated
 * iterations and forks would multiply that by ten for error bars that a shared machine's noise
 * dwarfs anyway, and JMH measures a method, not the stages inside a Spark job, whose shuffle
 * sizes are the figure that matters for a cluster. A JIT warm-up is irrelevant at this length.
 * Compare the ratios of one run.
 *
 * <p>Run (Spark is {@code provided}: not in {@code benchmarks.jar}; the {@code spark-benchmark}
 * profile runs this class with the module's compile classpath, Spark included, and the JDK
 * flags Spark needs on Java 17):
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am -DskipTests -Pspark-benchmark verify \
 *     -Dspark.benchmark.args="--sizes 100000,300000,1000000"
 * </pre>
 *
 * <p>Options: {@code --sizes N,N,...} (touchpoints, about 5 per person; default 100000),
 * {@code --masters local[1],local[2]}, {@code --dir DIR} (the generated files and outputs,
 * default {@code target/spark-benchmark}; kept between runs, so a size is generated once),
 * {@code --in-memory-max N} (skip the in-memory side above N touchpoints; default no limit: an
 * {@code OutOfMemoryError} is reported as "did not fit"), {@code --stages} (print every stage of
 * every Spark run, not only the summary), {@code --shuffle-partitions N}
 * ({@code spark.sql.shuffle.partitions}; default Spark's, 200, which adaptive execution
 * coalesces).
 */
public final class SparkBenchmark {
  private static final long SEED = 15;

  private SparkBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the options above
   * @throws IOException if a file cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    Options o = Options.parse(args);
    Files.createDirectories(o.dir);
    // The figures go to standard output and to report.md in the directory (appended): a run of
    // an hour should not depend on a terminal's scroll-back.
    PrintStream out = new PrintStream(new TeeStream(System.out,
        Files.newOutputStream(o.dir.resolve("report.md"), StandardOpenOption.CREATE,
            StandardOpenOption.APPEND)), true, StandardCharsets.UTF_8);
    out.printf(Locale.ROOT, "%n## %s%n%n", Instant.now());
    out.printf(Locale.ROOT, "SparkBenchmark: sizes %s, masters %s, %d cores, max heap %d MB, Java %s%n",
        o.sizes, o.masters, Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
    List<Result> results = new ArrayList<>();
    for (long size : o.sizes) {
      Path data = o.dir.resolve("data-" + size);
      Input input = generate(size, data, out);
      Result r = new Result(size, input.touchpoints);
      if (size <= o.inMemoryMax) {
        inMemory(input, o.dir.resolve("out-" + size + "-memory.csv"), r, out);
      }
      for (String master : o.masters) {
        SparkRun run = spark(master, o.shufflePartitions, input, o.dir.resolve("out-" + size + "-"
            + master.replaceAll("[^A-Za-z0-9]", "")), out);
        r.spark.put(master, run);
        if (o.stages) {
          printStages(run, out);
        }
        if (r.profiles >= 0 && run.profiles != r.profiles) {
          throw new IllegalStateException("Spark on " + master + " found " + run.profiles
              + " profiles, resolveAll " + r.profiles + ": the partitions differ");
        }
      }
      results.add(r);
      printSummary(results, o.masters, out);
    }
  }

  /** Writes to two streams. */
  static final class TeeStream extends OutputStream {
    private final OutputStream first;
    private final OutputStream second;

    TeeStream(OutputStream first, OutputStream second) {
      this.first = first;
      this.second = second;
    }

    @Override
    public void write(int b) throws IOException {
      first.write(b);
      second.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      first.write(b, off, len);
      second.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      first.flush();
      second.flush();
    }
  }

  /** The generated files of one size. */
  record Input(Path csv, Path parquet, Mapping mapping, long touchpoints) {}

  /**
   * Writes (once) {@code datagen}'s CSV and mapping for about {@code size} touchpoints, and the
   * same rows as Parquet for the Spark side.
   */
  static Input generate(long size, Path dir, PrintStream out) throws IOException {
    Path csv = dir.resolve("touchpoints.csv");
    Path parquet = dir.resolve("touchpoints.parquet");
    Path done = dir.resolve("done");
    if (!Files.exists(done)) {
      long start = System.nanoTime();
      // About 5 touchpoints per person (the generator's mean): the file holds about `size`.
      long rows = GeneratedDataWriter.write(OmniChannelGenerator.newBuilder()
          .people((int) Math.max(1, size / 5)).seed(SEED).build(), dir);
      // Only the CSV, its mapping and the Parquet copy are read.
      for (String unused : List.of("touchpoints.jsonl", "truth.csv", "labels.csv")) {
        Files.deleteIfExists(dir.resolve(unused));
      }
      SparkSession spark = session("local[2]", 0);
      try {
        // No generated value holds a line break: the CSV splits by line (no multiLine).
        spark.read().option("header", "true").option("escape", "\"").csv(csv.toString()).repartition(8).write().mode(SaveMode.Overwrite)
            .parquet(parquet.toString());
      } finally {
        spark.stop();
      }
      Files.writeString(done, Long.toString(rows));
      out.printf(Locale.ROOT, "generated %,d touchpoints (%,d MB CSV, %,d MB Parquet) in %.1f s%n",
          rows, size(csv) >> 20, size(parquet) >> 20, seconds(start));
    }
    long rows = Long.parseLong(Files.readString(done).strip());
    Mapping mapping = Mapping.read(dir.resolve("mapping.json"));
    return new Input(csv, parquet, mapping, rows);
  }

  /** The in-memory side: read and map, resolveAll, write; then the heap it holds. */
  static void inMemory(Input input, Path output, Result r, PrintStream out) {
    BatchBenchmark.settledHeap();
    long before = BatchBenchmark.settledHeap();
    try {
      long start = System.nanoTime();
      boolean monthFirst = ResolveSettings.Builder.monthFirstDates(input.mapping, null, false);
      TouchpointMapper mapper = TouchpointMapper.of(input.mapping, monthFirst
          ? TouchpointMapper.DateOrder.MONTH_FIRST : TouchpointMapper.DateOrder.DAY_FIRST);
      List<Touchpoint> touchpoints = new ArrayList<>((int) input.touchpoints);
      try (RecordReader reader = RecordReader.open(input.csv, RecordReader.Format.CSV)) {
        Optional<InputRecord> next;
        while ((next = reader.next()).isPresent()) {
          if (next.get().readable()) {
            touchpoints.add(mapper.map(next.get()).touchpoint());
          }
        }
      }
      r.readSeconds = seconds(start);
      start = System.nanoTime();
      // The resolver the mapping configures, as the omniid tool and ResolveSettings.mapping build it.
      IdentityResolver resolver = input.mapping.configure(OmniId.resolverBuilder()
          .defaultRegion(ResolveSettings.Builder.region(input.mapping, null))
          .toResolverBuilder()).build();
      resolver.resolveAll(touchpoints);
      r.resolveSeconds = seconds(start);
      start = System.nanoTime();
      try (BufferedWriter w = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
        w.write("record_id,profile_id\n");
        resolver.profiles().forEach(p -> {
          String profile = p.id().toString();
          for (String id : p.touchpointIds()) {
            try {
              w.write(id);
              w.write(',');
              w.write(profile);
              w.write('\n');
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          }
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      r.writeSeconds = seconds(start);
      r.profiles = resolver.profileCount();
      r.heapBytes = BatchBenchmark.settledHeap() - before;
      out.printf(Locale.ROOT, "%,d in memory: read+map %.1f s, resolveAll %.1f s, write %.1f s,"
          + " %,d profiles, heap held %,d MB (%.0f B per touchpoint, touchpoints included)%n",
          input.touchpoints, r.readSeconds, r.resolveSeconds, r.writeSeconds, r.profiles,
          r.heapBytes >> 20, r.heapBytes / (double) input.touchpoints);
      // Keeps both reachable until the heap was read.
      if (touchpoints.size() + resolver.profileCount() < 0) {
        throw new AssertionError();
      }
    } catch (OutOfMemoryError e) {
      r.notFit = "did not fit in " + (Runtime.getRuntime().maxMemory() >> 20) + " MB of heap";
      out.printf(Locale.ROOT, "%,d in memory: %s%n", input.touchpoints, r.notFit);
    }
    BatchBenchmark.settledHeap();
  }

  /** One Spark run on a new session of {@code master}. */
  static SparkRun spark(String master, int shufflePartitions, Input input, Path output,
      PrintStream out) {
    BatchBenchmark.settledHeap();
    SparkSession spark = session(master, shufflePartitions);
    StageMetrics metrics = new StageMetrics();
    spark.sparkContext().addSparkListener(metrics);
    SparkRun run = new SparkRun(master);
    try {
      boolean monthFirst = ResolveSettings.Builder.monthFirstDates(input.mapping, null, false);
      long start = System.nanoTime();
      Dataset<Row> records = spark.read().parquet(input.parquet.toString());
      Dataset<Row> result = OmniIdSpark.resolve(records, RecordMapping.of(input.mapping, monthFirst),
          ResolveSettings.newBuilder().mapping(input.mapping, null, Double.NaN, false).build());
      result.write().mode(SaveMode.Overwrite).parquet(output.toString());
      run.seconds = seconds(start);
      result.unpersist();
      // Untimed, and its stages are left out of the sums (the listener skips this job group).
      spark.sparkContext().setJobGroup(StageMetrics.CHECK, "profile count", false);
      run.profiles = spark.read().parquet(output.toString()).select(OmniIdSpark.PROFILE_ID)
          .distinct().count();
    } finally {
      // Stopping drains the listener bus: every task's metrics are in before they are read.
      spark.stop();
    }
    run.stages.addAll(metrics.stages.values());
    run.stages.sort(Comparator.comparingInt(s -> s.id));
    run.stages.removeIf(s -> metrics.excluded.contains(s.id));
    Stage total = run.total();
    out.printf(Locale.ROOT, "%,d on %s: %.1f s, %d stages, executor run time %.1f s, shuffle write"
        + " %,d MB / %,d records, shuffle read %,d MB / %,d records, %,d profiles%n",
        input.touchpoints, master, run.seconds, run.stages.size(), total.runMillis / 1000.0,
        total.writeBytes >> 20, total.writeRecords, total.readBytes >> 20, total.readRecords,
        run.profiles);
    return run;
  }

  static SparkSession session(String master, int shufflePartitions) {
    SparkSession.Builder b = SparkSession.builder()
        .master(master)
        .appName("omniid-spark-benchmark")
        .config("spark.ui.enabled", "false")
        .config("spark.driver.host", "127.0.0.1");
    if (shufflePartitions > 0) {
      b.config("spark.sql.shuffle.partitions", Integer.toString(shufflePartitions));
    }
    // Otherwise Spark's defaults (adaptive execution on): what a job gets unless it is tuned.
    return b.getOrCreate();
  }

  /** Sums Spark's task metrics per stage; the stage's wall time from its own info. */
  static final class StageMetrics extends SparkListener {
    /** The job group of the untimed check after a run. */
    static final String CHECK = "omniid-benchmark-check";
    final Map<Integer, Stage> stages = new TreeMap<>();
    final Set<Integer> excluded = new HashSet<>();

    @Override
    public synchronized void onJobStart(SparkListenerJobStart start) {
      if (start.properties() != null
          && CHECK.equals(start.properties().getProperty("spark.jobGroup.id"))) {
        for (Object id : CollectionConverters.asJava(start.stageIds())) {
          excluded.add((Integer) id);
        }
      }
    }

    @Override
    public synchronized void onTaskEnd(SparkListenerTaskEnd end) {
      TaskMetrics m = end.taskMetrics();
      if (m == null) {
        return;
      }
      Stage s = stages.computeIfAbsent(end.stageId(), Stage::new);
      s.tasks++;
      s.runMillis += m.executorRunTime();
      s.inputBytes += m.inputMetrics().bytesRead();
      ShuffleWriteMetrics w = m.shuffleWriteMetrics();
      s.writeBytes += w.bytesWritten();
      s.writeRecords += w.recordsWritten();
      ShuffleReadMetrics r = m.shuffleReadMetrics();
      s.readBytes += r.totalBytesRead();
      s.readRecords += r.recordsRead();
      s.spillBytes += m.diskBytesSpilled();
    }

    @Override
    public synchronized void onStageCompleted(SparkListenerStageCompleted completed) {
      StageInfo info = completed.stageInfo();
      Stage s = stages.computeIfAbsent(info.stageId(), Stage::new);
      s.name = info.name();
      if (info.submissionTime().isDefined() && info.completionTime().isDefined()) {
        s.wallMillis = (Long) info.completionTime().get() - (Long) info.submissionTime().get();
      }
    }
  }

  /** One stage's sums. */
  static final class Stage {
    final int id;
    String name = "?";
    int tasks;
    long wallMillis;
    long runMillis;
    long inputBytes;
    long writeBytes;
    long writeRecords;
    long readBytes;
    long readRecords;
    long spillBytes;

    Stage(int id) {
      this.id = id;
    }
  }

  /** One Spark run. */
  static final class SparkRun {
    final String master;
    final List<Stage> stages = new ArrayList<>();
    double seconds;
    long profiles = -1;

    SparkRun(String master) {
      this.master = master;
    }

    Stage total() {
      Stage t = new Stage(-1);
      for (Stage s : stages) {
        t.tasks += s.tasks;
        t.wallMillis += s.wallMillis;
        t.runMillis += s.runMillis;
        t.inputBytes += s.inputBytes;
        t.writeBytes += s.writeBytes;
        t.writeRecords += s.writeRecords;
        t.readBytes += s.readBytes;
        t.readRecords += s.readRecords;
        t.spillBytes += s.spillBytes;
      }
      return t;
    }
  }

  /** One size's figures. */
  static final class Result {
    final long requested;
    final long touchpoints;
    double readSeconds = Double.NaN;
    double resolveSeconds = Double.NaN;
    double writeSeconds = Double.NaN;
    long heapBytes = -1;
    long profiles = -1;
    String notFit;
    final Map<String, SparkRun> spark = new TreeMap<>();

    Result(long requested, long touchpoints) {
      this.requested = requested;
      this.touchpoints = touchpoints;
    }

    double inMemorySeconds() {
      return readSeconds + resolveSeconds + writeSeconds;
    }
  }

  static void printStages(SparkRun run, PrintStream out) {
    out.printf(Locale.ROOT, "%nstages on %s:%n", run.master);
    out.printf(Locale.ROOT, "| stage | what | tasks | wall s | executor run s | shuffle write MB"
        + " | records | shuffle read MB | records | spill MB |%n|---|---|---|---|---|---|---|---|---|---|%n");
    for (Stage s : run.stages) {
      out.printf(Locale.ROOT, "| %d | %s | %d | %.1f | %.1f | %.1f | %,d | %.1f | %,d | %.1f |%n",
          s.id, s.name, s.tasks, s.wallMillis / 1000.0, s.runMillis / 1000.0, mb(s.writeBytes),
          s.writeRecords, mb(s.readBytes), s.readRecords, mb(s.spillBytes));
    }
    out.println();
  }

  static void printSummary(List<Result> results, List<String> masters, PrintStream out) {
    out.printf(Locale.ROOT, "%n| touchpoints | in memory: read+map / resolveAll / write = total s"
        + " | heap per touchpoint |");
    for (String m : masters) {
      out.printf(Locale.ROOT, " Spark %s s |", m);
    }
    out.printf(Locale.ROOT, " Spark %s shuffle write / read MB (records) | profiles |%n|---|---|---|",
        masters.get(masters.size() - 1));
    out.print("---|".repeat(masters.size()));
    out.println("---|---|");
    for (Result r : results) {
      String memory = r.notFit != null ? r.notFit : Double.isNaN(r.resolveSeconds) ? "not run"
          : String.format(Locale.ROOT, "%.1f / %.1f / %.1f = %.1f", r.readSeconds, r.resolveSeconds,
              r.writeSeconds, r.inMemorySeconds());
      String heap = r.heapBytes < 0 ? "—" : String.format(Locale.ROOT, "%.0f B", r.heapBytes
          / (double) r.touchpoints);
      out.printf(Locale.ROOT, "| %,d | %s | %s |", r.touchpoints, memory, heap);
      long profiles = r.profiles;
      for (String m : masters) {
        SparkRun run = r.spark.get(m);
        double ratio = r.notFit == null && !Double.isNaN(r.resolveSeconds)
            ? run.seconds / r.inMemorySeconds() : Double.NaN;
        out.printf(Locale.ROOT, " %.1f%s |", run.seconds, Double.isNaN(ratio) ? ""
            : String.format(Locale.ROOT, " (%.1f ×)", ratio));
        profiles = run.profiles;
      }
      Stage t = r.spark.get(masters.get(masters.size() - 1)).total();
      out.printf(Locale.ROOT, " %,.0f (%,d) / %,.0f (%,d) | %,d |%n", mb(t.writeBytes),
          t.writeRecords, mb(t.readBytes), t.readRecords, profiles);
    }
    out.println();
  }

  private static double mb(long bytes) {
    return bytes / (double) (1 << 20);
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static long size(Path path) throws IOException {
    if (!Files.isDirectory(path)) {
      return Files.size(path);
    }
    try (Stream<Path> files = Files.walk(path)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }


  /** The command line. */
  static final class Options {
    List<Long> sizes = List.of(100_000L);
    List<String> masters = List.of("local[1]", "local[2]");
    Path dir = Path.of("target", "spark-benchmark");
    long inMemoryMax = Long.MAX_VALUE;
    boolean stages;
    int shufflePartitions;

    static Options parse(String[] args) {
      Options o = new Options();
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        if (a.equals("--stages")) {
          o.stages = true;
          continue;
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("unknown option or missing value: " + a);
        }
        String v = args[++i];
        switch (a) {
          case "--sizes" -> o.sizes = Stream.of(v.split(",")).map(String::strip)
              .map(Long::parseLong).toList();
          case "--masters" -> o.masters = Stream.of(v.split(",(?![^\\[]*\\])")).map(String::strip)
              .toList();
          case "--dir" -> o.dir = Path.of(v);
          case "--in-memory-max" -> o.inMemoryMax = Long.parseLong(v);
          case "--shuffle-partitions" -> o.shufflePartitions = Integer.parseInt(v);
          default -> throw new IllegalArgumentException("unknown option " + a);
        }
      }
      if (o.masters.isEmpty()) {
        throw new IllegalArgumentException("--masters needs at least one master");
      }
      return o;
    }
  }
}
