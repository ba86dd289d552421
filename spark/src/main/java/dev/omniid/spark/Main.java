package dev.omniid.spark;

import dev.omniid.core.OmniIdException;
import java.io.PrintStream;
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
 * {@code local[*]} unless {@code --master} says otherwise. Exit code 2: a usage error, with a
 * message naming the option.
 */
public final class Main {
  static final String USAGE = String.join("\n",
      "usage: spark-submit omniid-spark.jar --input PATH --out PATH [options]",
      "  --input PATH               records to resolve (a file or a directory)",
      "  --format csv|jsonl|parquet input format (csv: a header row; default: parquet)",
      "  --out PATH                 where to write record_id, profile_id (replaced if present)",
      "  --out-format parquet|csv   output format (default: parquet)",
      "  --default-region XX        ISO 3166 region for phones and postal codes (default: ES)",
      "  --threshold P              match probability threshold in (0, 1) (default: 0.99)",
      "  --month-first-dates        read ambiguous dates month first (US)",
      "  --max-component-size N     largest component to partition (default: "
          + ResolveSettings.DEFAULT_MAX_COMPONENT_SIZE + ")",
      "  --evidence                 add each record's evidence (parquet output only)",
      "  --master URL               Spark master when not under spark-submit (default: local[*])",
      "  --mapping FILE             the CLI's mapping file (arrives with the connect module; until",
      "                             then columns are read by the mapping's field names: id, email,",
      "                             phone, given_name, ...; see the README)");

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
    ResolveSettings settings;
    try {
      settings = ResolveSettings.newBuilder()
          .omniIdDefaults(o.region, o.threshold, o.monthFirst)
          .maxComponentSize(o.maxComponentSize)
          .withEvidence(o.evidence)
          .build();
    } catch (OmniIdException e) {
      err.println("omniid-spark: " + (e.field().equals("defaultRegion") ? "--default-region "
          : "--threshold ") + e.detail());
      return 2;
    }
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
      Dataset<Row> result = OmniIdSpark.resolve(records, RecordMapping.byColumnName(), settings);
      if (o.outFormat.equals("csv")) {
        result.write().mode(SaveMode.Overwrite).option("header", "true").csv(o.out);
      } else {
        result.write().mode(SaveMode.Overwrite).parquet(o.out);
      }
      result.unpersist();
    } finally {
      spark.stop();
    }
    return 0;
  }

  /** The parsed command line. */
  static final class Options {
    String input;
    String format = "parquet";
    String out;
    String outFormat = "parquet";
    String region = "ES";
    double threshold = Double.NaN;
    boolean monthFirst;
    int maxComponentSize = ResolveSettings.DEFAULT_MAX_COMPONENT_SIZE;
    boolean evidence;
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
          case "--max-component-size" -> o.maxComponentSize = (int) Math.min(Integer.MAX_VALUE,
              Math.max(0, (long) number("--max-component-size", v)));
          case "--master" -> o.master = v;
          case "--evidence" -> o.evidence = true;
          case "--month-first-dates" -> o.monthFirst = true;
          case "--mapping" -> throw new IllegalArgumentException("--mapping is not available yet:"
              + " it arrives with the connect module. Until then name the columns as the"
              + " mapping's fields (id, channel, timestamp, email, phone, given_name, ...)");
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
      if (o.maxComponentSize < 2) {
        throw new IllegalArgumentException("--max-component-size must be at least 2");
      }
      if (o.evidence && o.outFormat.equals("csv")) {
        throw new IllegalArgumentException("--evidence needs --out-format parquet (CSV holds"
            + " no lists)");
      }
      return o;
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

    private static double number(String option, String value) {
      try {
        return Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(option + " must be a number");
      }
    }
  }
}
