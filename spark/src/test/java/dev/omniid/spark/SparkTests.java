package dev.omniid.spark;

import org.apache.spark.sql.SparkSession;

/** The session of one test class: local[2], small shuffles, no UI. */
final class SparkTests {
  private SparkTests() {}

  static SparkSession session(String name) {
    return SparkSession.builder()
        .master("local[2]")
        .appName(name)
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
