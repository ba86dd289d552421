package dev.omniid.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The tests' session: local[2], small shuffles, no UI. One session serves every test class of the
 * run (surefire runs them in one JVM, one class after another): starting a session costs seconds,
 * and each class starting and stopping its own cost the module's build time for nothing. Classes
 * do not stop it; Spark's shutdown hook does when the JVM exits. {@code Main} runs on it and leaves
 * it running (it stops only a session it started itself).
 */
final class SparkTests {
  private SparkTests() {}

  static SparkSession session() {
    return SparkSession.builder()
        .master("local[2]")
        .appName("omniid-spark tests")
        .config("spark.ui.enabled", "false")
        // A test's data fits a few partitions; 200 (the default) would cost a task each.
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.driver.host", "127.0.0.1")
        // Tiny stages: re-planning each one (adaptive execution) costs more than it saves here.
        .config("spark.sql.adaptive.enabled", "false")
        // Each query of a test runs once on little data: compiling it costs more than it saves.
        .config("spark.sql.codegen.wholeStage", "false")
        .getOrCreate();
  }
}
