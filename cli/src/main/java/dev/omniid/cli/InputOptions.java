package dev.omniid.cli;

import dev.omniid.connect.RecordReader.Format;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The options that say what to read and how to resolve it, shared by resolve, stats and profile. */
final class InputOptions {
  @Option(names = "--input", required = true, paramLabel = "FILE",
      description = "The customer file: CSV with a header row (RFC 4180, UTF-8), or JSON Lines "
          + "(.jsonl, .ndjson); - reads standard input.")
  Path input;

  @Option(names = "--mapping", paramLabel = "MAPPING.json",
      description = "Maps the file's columns to OmniID fields (see the README).")
  Path mapping;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "A built-in mapping instead of --mapping, for an export as its system writes it: "
          + Pipeline.PRESET_NAMES + ".")
  String preset;

  @Option(names = "--format", paramLabel = "csv|jsonl",
      description = "The input format, when the file name does not say it.")
  Format format;

  @Option(names = "--default-region", paramLabel = "CC",
      description = "ISO 3166 country for phones without a country code and postal codes; "
          + "overrides the mapping's defaultRegion (ES when neither sets one). US also reads dates month first.")
  String region;

  @Option(names = "--threshold", paramLabel = "P",
      description = "Match probability in (0, 1) at or above which two records that share no "
          + "identifier are linked on names, birth date and address (default 0.99).")
  Double threshold;

  @Option(names = "--expected-records", paramLabel = "N",
      description = "How many records the customer base holds: the match prior follows it, so "
          + "that strangers who share a name and a birth date are not joined more often in a "
          + "larger file (default: the input's lines, counted before resolving; 10,000 when "
          + "reading standard input).")
  Long expectedRecords;

  @Option(names = "--estimate",
      description = "Fit the match weights to this file by expectation-maximization first (no labels needed).")
  boolean estimate;

  /** Refuses a size below 1 given to {@code --expected-records} (null: not given). */
  static void checkExpectedRecords(Long expectedRecords) {
    if (expectedRecords != null && expectedRecords < 1) {
      throw new CliException("--expected-records must be at least 1");
    }
  }

  Pipeline.Settings settings() {
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new CliException("--threshold must be a probability between 0 and 1, such as 0.99");
    }
    checkExpectedRecords(expectedRecords);
    return new Pipeline.Settings(input, mapping, Optional.ofNullable(format),
        Optional.ofNullable(region).map(Pipeline::region), Optional.ofNullable(threshold), estimate,
        Optional.ofNullable(preset), Optional.ofNullable(expectedRecords));
  }
}
