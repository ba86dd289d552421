package dev.omniid.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link SparkBenchmark}'s command line and report stream, without a Spark session: the run
 * itself takes minutes per size and stays out of the build (its pipeline is the spark module's,
 * tested there on local[2]).
 */
class SparkBenchmarkTest {
  @Test
  void mastersWithBracketsAreSplitBetweenThemNotInside() {
    SparkBenchmark.Options o = SparkBenchmark.Options.parse(new String[] {
        "--sizes", "100000, 1000000", "--masters", "local[1],local[2],local[*]",
        "--dir", "out", "--in-memory-max", "5000000", "--shuffle-partitions", "16", "--stages"});
    assertEquals(List.of(100_000L, 1_000_000L), o.sizes);
    assertEquals(List.of("local[1]", "local[2]", "local[*]"), o.masters);
    assertEquals(Path.of("out"), o.dir);
    assertEquals(5_000_000L, o.inMemoryMax);
    assertEquals(16, o.shufflePartitions);
    assertTrue(o.stages);
  }

  @Test
  void defaultsCompareOneAndTwoCoresAt100k() {
    SparkBenchmark.Options o = SparkBenchmark.Options.parse(new String[0]);
    assertEquals(List.of(100_000L), o.sizes);
    assertEquals(List.of("local[1]", "local[2]"), o.masters);
    assertEquals(Long.MAX_VALUE, o.inMemoryMax);
    assertEquals(0, o.shufflePartitions, "Spark's own default");
  }

  @Test
  void anUnknownOptionOrAMissingValueIsRefused() {
    assertThrows(IllegalArgumentException.class,
        () -> SparkBenchmark.Options.parse(new String[] {"--size", "10"}));
    assertThrows(IllegalArgumentException.class,
        () -> SparkBenchmark.Options.parse(new String[] {"--sizes"}));
    assertThrows(NumberFormatException.class,
        () -> SparkBenchmark.Options.parse(new String[] {"--sizes", "ten"}));
  }

  @Test
  void theReportGoesToBothStreams() throws IOException {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    try (SparkBenchmark.TeeStream tee = new SparkBenchmark.TeeStream(console, file)) {
      tee.write("| 1,000,000 |".getBytes(StandardCharsets.UTF_8));
      tee.write('\n');
    }
    assertEquals("| 1,000,000 |\n", console.toString(StandardCharsets.UTF_8));
    assertEquals(console.toString(StandardCharsets.UTF_8), file.toString(StandardCharsets.UTF_8));
  }
}
