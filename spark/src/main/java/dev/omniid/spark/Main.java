package dev.omniid.spark;

import dev.omniid.connect.Mapping;
import dev.omniid.core.OmniIdException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark-submit} entry point, the {@code Main-Class} of {@code omniid-spark.jar}:
 * reads records, resolves them with {@link OmniIdSpark#resolve} and writes
 * {@code record_id, profile_id}.
 *
 * <pre>
 * spark-submit --master yarn --driver-memory 4g --executor-memory 8g omniid-spark.jar \
 *     --input s3://bucket/touchpoints/ --format parquet --out s3://bucket/profiles/ \
 *     --default-region US
 * </pre>
 *
 * <p>Run outside {@code spark-submit} (plain {@code java -cp}), it starts a local session on
 * {@code local[*]} unless {@code --master} says otherwise. It stops the session it started, and
 * leaves one that was running before it (a notebook's) running. Exit code 2: a usage error, with a
 * message naming the option.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: spark-submit omniid-spark.jar --input PATH --out PATH [options]",
      "  --input PATH               records to resolve (a file or a directory)",
      "  --format csv|jsonl|parquet input format (csv: a header row; default: parquet)",
      "  --out PATH                 where to write record_id, profile_id (replaced if present)",
      "  --out-format parquet|csv   output format (default: parquet)",
      "  --mapping FILE             the omniid tool's JSON mapping file: which column is the id,",
      "                             the channel, an identifier, a name... (read on the driver)",
      "  --preset NAME              a built-in mapping instead: " + String.join(", ", Mapping.presets()),
      "                             (without either, columns are read by the mapping's field names:",
      "                             id, channel, email, phone, given_name, ...; see the README)",
      "  --default-region XX        ISO 3166 region for phones and postal codes (default: the",
      "                             mapping's, else ES; US also reads dates month first)",
      "  --threshold P              match probability threshold in (0, 1) (default: 0.99)",
      "  --expected-records N       how many records the customer base holds: the match prior",
      "                             follows it (default: the input's records, counted first)",
      "  --month-first-dates        read ambiguous dates month first (US)",
      "  --max-component-size N     largest component to partition (default: "
          + ResolveSettings.DEFAULT_MAX_COMPONENT_SIZE + ")",
      "  --estimate-sample N        estimate the match weights (EM, as omniid --estimate) on a",
      "                             seeded sample of N touchpoints, brought to the driver, and",
      "                             resolve with them (OmniID's default model; at most "
          + ResolveSettings.MAX_ESTIMATE_SAMPLE + ")",
      "  --estimate-seed S          the seed that chooses that sample (default: 1)",
      "  --evidence                 add each record's evidence (parquet output only)",
      "  --master URL               Spark master when not under spark-submit (default: local[*])");

  private Main() {}

  /**
   * Runs the job.
   *
   * @param args the options above
   */
  public static void main(String[] args) {
    int code = run(args, System.err);
    if (code != 0) {
      System.exit(code);
    }
  }

  /** Parses, resolves and writes; returns the exit code (0, or 2 for a usage error). */
  static int run(String[] args, PrintStream err) {
    Options o;
    try {
      o = Options.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("omniid-spark: " + e.getMessage());
      err.println(USAGE);
      return 2;
    }
    Mapping mapping;
    try {
      mapping = o.mapping();
    } catch (IllegalArgumentException e) {
      err.println("omniid-spark: " + e.getMessage());
      return 2;
    }
    ResolveSettings.Builder b;
    RecordMapping recordMapping;
    try {
      b = ResolveSettings.newBuilder()
          .maxComponentSize(o.maxComponentSize)
          .withEvidence(o.evidence);
      if (o.estimateSample > 0) {
        b.estimateWeights(o.estimateSample, o.estimateSeed);
      }
      if (mapping == null) {
        b.omniIdDefaults(o.region == null ? "ES" : o.region, o.threshold, o.monthFirst);
        recordMapping = RecordMapping.byColumnName();
      } else {
        // The mapping file is read here, on the driver; its text travels to the executors.
        b.mapping(mapping, o.region, o.threshold, o.monthFirst);
        recordMapping = RecordMapping.of(mapping,
            ResolveSettings.Builder.monthFirstDates(mapping, o.region, o.monthFirst));
      }
      if (o.expectedRecords > 0) {
        b.expectedTouchpoints(o.expectedRecords);
      }
      // Built here too, so that a bad value is reported before Spark starts.
      b.build();
    } catch (OmniIdException e) {
      err.println("omniid-spark: " + (e.field().equals("defaultRegion") ? "--default-region "
          : e.field().equals("matchThreshold") ? "--threshold " : e.field() + " ") + e.detail());
      return 2;
    }
    // A session running before this job (a notebook's, a test's) is its owner's to stop.
    boolean ownSession = SparkSession.getActiveSession().isEmpty()
        && SparkSession.getDefaultSession().isEmpty();
    SparkSession.Builder builder = SparkSession.builder().appName("omniid-spark");
    // spark-submit sets spark.master; a plain `java` run gets a local session.
    if (System.getProperty("spark.master") == null) {
      builder.master(o.master);
    }
    SparkSession spark = builder.getOrCreate();
    try {
      Dataset<Row> records = switch (o.format) {
        case "csv" -> spark.read().option("header", "true").csv(o.input);
        case "jsonl" -> spark.read().json(o.input);
        default -> spark.read().parquet(o.input);
      };
      if (o.expectedRecords == 0) {
        // The prior follows the file's size: one pass to count it, as the omniid tool counts
        // its input's lines.
        long count = records.count();
        if (count > 0) {
          b.expectedTouchpoints(count);
        }
      }
      ResolveSettings settings = b.build();
      Dataset<Row> result = OmniIdSpark.resolve(records, recordMapping, settings);
      if (o.outFormat.equals("csv")) {
        result.write().mode(SaveMode.Overwrite).option("header", "true").csv(o.out);
      } else {
        result.write().mode(SaveMode.Overwrite).parquet(o.out);
      }
      result.unpersist();
    } finally {
      if (ownSession) {
        spark.stop();
      }
    }
    return 0;
  }

  /** The parsed command line. */
  static final class Options {
    String input;
    String format = "parquet";
    String out;
    String outFormat = "parquet";
    /** The --default-region given, or null: then the mapping's, else ES. */
    String region;
    String mappingFile;
    String preset;
    double threshold = Double.NaN;
    /** The --expected-records given, or 0: the input's records, counted. */
    long expectedRecords;
    boolean monthFirst;
    int maxComponentSize = ResolveSettings.DEFAULT_MAX_COMPONENT_SIZE;
    boolean evidence;
    /** The --estimate-sample given, or 0: no estimate. */
    int estimateSample;
    long estimateSeed = 1;
    String master = "local[*]";

    static Options parse(String[] args) {
      Options o = new Options();
      Map<String, String> seen = new LinkedHashMap<>();
      List<String> flags = List.of("--evidence", "--month-first-dates");
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (flags.contains(name)) {
          seen.put(name, "");
          continue;
        }
        if (!name.startsWith("--")) {
          throw new IllegalArgumentException("unexpected argument " + name);
        }
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException(name + " needs a value");
        }
        if (seen.put(name, args[++i]) != null) {
          throw new IllegalArgumentException(name + " is given twice");
        }
      }
      for (Map.Entry<String, String> e : seen.entrySet()) {
        String v = e.getValue();
        switch (e.getKey()) {
          case "--input" -> o.input = v;
          case "--out" -> o.out = v;
          case "--format" -> o.format = oneOf("--format", v, "csv", "jsonl", "parquet");
          case "--out-format" -> o.outFormat = oneOf("--out-format", v, "parquet", "csv");
          case "--default-region" -> o.region = v;
          case "--threshold" -> o.threshold = number("--threshold", v);
          case "--expected-records" -> o.expectedRecords = Math.max(-1,
              whole("--expected-records", v));
          case "--max-component-size" -> o.maxComponentSize = (int) Math.min(Integer.MAX_VALUE,
              Math.max(0, (long) number("--max-component-size", v)));
          case "--estimate-sample" -> o.estimateSample = (int) Math.min(Integer.MAX_VALUE,
              Math.max(-1, whole("--estimate-sample", v)));
          case "--estimate-seed" -> o.estimateSeed = whole("--estimate-seed", v);
          case "--master" -> o.master = v;
          case "--evidence" -> o.evidence = true;
          case "--month-first-dates" -> o.monthFirst = true;
          case "--mapping" -> o.mappingFile = v;
          case "--preset" -> o.preset = v;
          default -> throw new IllegalArgumentException("unknown option " + e.getKey());
        }
      }
      if (o.input == null) {
        throw new IllegalArgumentException("--input is required");
      }
      if (o.out == null) {
        throw new IllegalArgumentException("--out is required");
      }
      if (!(Double.isNaN(o.threshold) || o.threshold > 0 && o.threshold < 1)) {
        throw new IllegalArgumentException("--threshold must be a probability in (0, 1)");
      }
      if (seen.containsKey("--expected-records") && o.expectedRecords < 1) {
        throw new IllegalArgumentException("--expected-records must be at least 1");
      }
      if (o.maxComponentSize < 2) {
        throw new IllegalArgumentException("--max-component-size must be at least 2");
      }
      if (seen.containsKey("--estimate-sample")
          && (o.estimateSample < 2 || o.estimateSample > ResolveSettings.MAX_ESTIMATE_SAMPLE)) {
        throw new IllegalArgumentException("--estimate-sample must be 2 to "
            + ResolveSettings.MAX_ESTIMATE_SAMPLE + " touchpoints");
      }
      if (seen.containsKey("--estimate-seed") && !seen.containsKey("--estimate-sample")) {
        throw new IllegalArgumentException("--estimate-seed needs --estimate-sample");
      }
      if (o.evidence && o.outFormat.equals("csv")) {
        throw new IllegalArgumentException("--evidence needs --out-format parquet (CSV holds"
            + " no lists)");
      }
      if (o.mappingFile != null && o.preset != null) {
        throw new IllegalArgumentException("give either --mapping FILE or --preset NAME, not both");
      }
      return o;
    }

    /**
     * The mapping of {@code --mapping} or {@code --preset}, or null for columns by field name.
     *
     * @throws IllegalArgumentException naming the option, for a mapping that cannot be read
     */
    Mapping mapping() {
      try {
        if (mappingFile != null) {
          return Mapping.read(Path.of(mappingFile));
        }
        return preset == null ? null : Mapping.preset(preset);
      } catch (OmniIdException e) {
        throw new IllegalArgumentException((preset != null ? "--preset: " : "--mapping: ")
            + e.field() + ": " + e.detail(), e);
      } catch (UncheckedIOException e) {
        throw new IllegalArgumentException("--mapping: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--preset: " + e.getMessage(), e);
      }
    }

    private static String oneOf(String option, String value, String... allowed) {
      String v = value.toLowerCase(Locale.ROOT);
      for (String a : allowed) {
        if (a.equals(v)) {
          return a;
        }
      }
      throw new IllegalArgumentException(option + " must be one of " + String.join(", ", allowed));
    }

    private static long whole(String option, String value) {
      try {
        return Long.parseLong(value.strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a whole number");
      }
    }

    private static double number(String option, String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a number");
      }
    }
  }
}
