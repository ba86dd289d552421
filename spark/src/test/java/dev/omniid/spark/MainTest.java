package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: its options, a run from CSV to Parquet and one by a mapping file. */
class MainTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /**
   * The tests' shared session runs before {@code Main}, which uses it and leaves it running
   * (starting and stopping its own would cost the next test class a new session).
   */
  @BeforeAll
  static void start() {
    SparkTests.session();
  }

  private int run(String... args) {
    return Main.run(args, new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void usageErrorsNameTheOption() {
    assertEquals(2, run("--out", "x"));
    assertTrue(err().contains("--input is required"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--format", "xml"));
    assertTrue(err().contains("--format must be one of csv, jsonl, parquet"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--threshold", "1.5"));
    assertTrue(err().contains("--threshold must be a probability in (0, 1)"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--evidence", "--out-format", "csv"));
    assertTrue(err().contains("--evidence needs --out-format parquet"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--mapping", "missing.json"));
    assertTrue(err().contains("--mapping: mapping missing.json: file not found"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--preset", "nope"));
    assertTrue(err().contains("--preset: unknown preset \"nope\""), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--preset", "shopify-customers",
        "--mapping", "m.json"));
    assertTrue(err().contains("either --mapping FILE or --preset NAME"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--estimate-sample", "1"));
    assertTrue(err().contains("--estimate-sample must be 2 to 1000000 touchpoints"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--estimate-sample", "2.5"));
    assertTrue(err().contains("--estimate-sample must be a whole number"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--estimate-seed", "7"));
    assertTrue(err().contains("--estimate-seed needs --estimate-sample"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--default-region", "XX"));
    assertTrue(err().contains("--default-region"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--expected-records", "0"));
    assertTrue(err().contains("--expected-records must be at least 1"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--expected-records", "many"));
    assertTrue(err().contains("--expected-records must be a whole number"), err());
  }

  @Test
  void theExpectedSizeSetsTheDefaultModelsPriorAndNotACustomConfigurations() {
    assertEquals(0.01, ResolveSettings.defaults().startModel().priorMatchProbability());
    assertEquals(1e-4, ResolveSettings.newBuilder().expectedTouchpoints(1_000_000).build()
        .startModel().priorMatchProbability(), 1e-15);
    assertEquals(1e-4, ResolveSettings.newBuilder().omniIdDefaults("US", 0.995, true)
        .expectedTouchpoints(1_000_000).build().startModel().priorMatchProbability(), 1e-15);
    assertThrows(IllegalStateException.class, () -> ResolveSettings.newBuilder()
        .configuration(() -> dev.omniid.matching.OmniId.resolverBuilder().toResolverBuilder())
        .expectedTouchpoints(1_000_000).build());
    dev.omniid.core.OmniIdException e = assertThrows(dev.omniid.core.OmniIdException.class,
        () -> ResolveSettings.newBuilder().expectedTouchpoints(0));
    assertEquals("expectedTouchpoints", e.field());
  }

  @Test
  void resolvesACsvByColumnNameIntoParquet(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("touchpoints.csv");
    Files.writeString(input, String.join("\n",
        "id,channel,email,phone,given_name,customer_id,ignored",
        "r1,web,Ana.Lopez@Correo-Test.es,,Ana,C-1,x",
        "r2,store,ana.lopez@correo-test.es,+34 600 111 222,Ana,,x",
        "r3,app,,600111222,Ana,,x",
        "r4,web,bruno@correo-test.es,,Bruno,C-2,x",
        "r5,web,ana.lopez@correo-test.es,,Ana,C-3,x",
        ""));
    Path out = dir.resolve("profiles");
    SparkSession running = SparkTests.session();
    // Weights estimated on a sample of all five: the identifier links decide here.
    assertEquals(0, run("--input", input.toString(), "--format", "csv", "--out", out.toString(),
        "--master", "local[2]", "--estimate-sample", "5", "--estimate-seed", "3"), err());
    assertFalse(running.sparkContext().isStopped(),
        "Main leaves a session it did not start running");
    // r5's customer id clashes with r1's: the shared email joins it to neither of them.
    assertEquals(Map.of("r1", "r1", "r2", "r1", "r3", "r1", "r4", "r4", "r5", "r5"),
        profiles(out));
  }

  /**
   * A mapping file as the {@code omniid} tool takes it: other column names, a default region
   * (US: phones without a country code read as American, dates month first) and a customer id
   * compared as written.
   */
  @Test
  void resolvesACsvThroughAMappingFile(@TempDir Path dir) throws IOException {
    Path input = dir.resolve("customers.csv");
    Files.writeString(input, String.join("\n",
        "Key,Mail,Mobile,First,Born,Account",
        "k1,ana@correo-test.com,(212) 555-0100,Ana,03/04/1980,A-1",
        "k2,,212 555 0100,Ana,1980-03-04,",
        "k3,bo@correo-test.com,,Bo,,a-1",
        "k4,bo@correo-test.com,,Bo,,A-1",
        ",ana@correo-test.com,,Ana,,",
        ""));
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(mapping, """
        {"id": "Key", "defaultRegion": "US",
         "fields": {"email": "Mail", "phone": "Mobile", "given_name": "First", "birth_date": "Born",
                    "customer_id": {"column": "Account", "normalize": false}}}
        """);
    Path out = dir.resolve("profiles");
    assertEquals(0, run("--input", input.toString(), "--format", "csv", "--out", out.toString(),
        "--out-format", "csv", "--mapping", mapping.toString(), "--master", "local[2]"), err());
    // k2's phone is k1's read in region US; k3's "a-1" is not k4's "A-1" as written, and k4's
    // A-1 is k1's; the record without an id is rejected.
    assertEquals(Map.of("k1", "k1", "k2", "k1", "k3", "k3", "k4", "k1"), profiles(out));
  }

  /** The record id → profile id pairs written to {@code out}, Parquet or CSV. */
  private static Map<String, String> profiles(Path out) throws IOException {
    boolean parquet;
    try (var files = Files.list(out)) {
      parquet = files.anyMatch(f -> f.getFileName().toString().endsWith(".parquet"));
    }
    SparkSession spark = SparkTests.session();
    Dataset<Row> written = parquet ? spark.read().parquet(out.toString())
        : spark.read().option("header", "true").csv(out.toString());
    Map<String, String> profiles = new HashMap<>();
    for (Row r : written.collectAsList()) {
      profiles.put(r.getString(r.fieldIndex("record_id")), r.getString(r.fieldIndex("profile_id")));
    }
    return profiles;
  }
}
