package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The spark-submit entry point: its options and a whole run from CSV to Parquet. */
class MainTest {
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

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
    assertEquals(2, run("--input", "x", "--out", "y", "--mapping", "m.json"));
    assertTrue(err().contains("--mapping is not available yet"), err());
    assertEquals(2, run("--input", "x", "--out", "y", "--default-region", "XX"));
    assertTrue(err().contains("--default-region"), err());
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
    // Small shuffles: a test's data (SparkConf reads spark.* system properties).
    System.setProperty("spark.sql.shuffle.partitions", "2");
    try {
      assertEquals(0, run("--input", input.toString(), "--format", "csv", "--out", out.toString(),
          "--master", "local[2]"), err());
    } finally {
      System.clearProperty("spark.sql.shuffle.partitions");
    }
    SparkSession spark = SparkTests.session("MainTest");
    try {
      Map<String, String> profiles = new HashMap<>();
      for (Row r : spark.read().parquet(out.toString()).collectAsList()) {
        profiles.put(r.getString(r.fieldIndex("record_id")), r.getString(r.fieldIndex("profile_id")));
      }
      // r5's customer id clashes with r1's: the shared email joins it to neither of them.
      assertEquals(Map.of("r1", "r1", "r2", "r1", "r3", "r1", "r4", "r4", "r5", "r5"), profiles);
    } finally {
      spark.stop();
    }
  }
}
