package dev.omniid.cli;

import dev.omniid.core.EvaluationReport;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.PartitionEvaluation;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omniid evaluate}: how close a clusters file is to the ground truth. */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Measures a clusters file against ground truth: pairwise precision, recall and F1, "
        + "and B-cubed precision, recall and F1.",
        "Both files are CSV with a header row: the record id first, its cluster second "
        + "(record_id,profile_id as written by resolve; record_id,cluster_id for the truth).",
        "Either file may be - for standard input."},
    footer = {"", "Examples:", "  omniid evaluate --clusters clusters.csv --truth truth.csv",
        "  omniid resolve --input customers.csv --mapping mapping.json --out - | omniid evaluate"
            + " --clusters - --truth truth.csv"})
final class EvaluateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--clusters", required = true, paramLabel = "CLUSTERS.csv",
      description = "The predicted partition, as written by resolve.")
  Path clusters;

  @Option(names = "--truth", required = true, paramLabel = "TRUTH.csv",
      description = "The true partition: record_id,cluster_id.")
  Path truth;

  @Option(names = "--common",
      description = "Evaluate on the records present in both files instead of refusing files that differ.")
  boolean common;

  /**
   * The machine-written files this reads are regular CSV: Commons CSV reads them strictly, and a
   * malformed line stops with its line number (here a broken file means a broken evaluation).
   */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader()
      .setSkipHeaderRecord(true).setIgnoreSurroundingSpaces(true).setTrim(true)
      .setIgnoreEmptyLines(true).get();

  @Override
  public Integer call() {
    if (Output.standard(clusters) && Output.standard(truth)) {
      throw new CliException("--clusters and --truth are both - (standard input): give one of them a file");
    }
    Map<String, String> predicted = read(clusters, "--clusters");
    Map<String, String> expected = read(truth, "--truth");
    EvaluationReport report;
    try {
      report = common ? PartitionEvaluation.evaluateCommon(predicted, expected)
          : PartitionEvaluation.evaluate(predicted, expected);
    } catch (OmniIdException e) {
      throw new CliException("the clusters and the truth hold different records (" + e.field()
          + ": " + e.detail() + "); --common evaluates on the records in both");
    }
    spec.commandLine().getOut().println(report.format());
    return 0;
  }

  Map<String, String> read(Path file, String what) {
    Map<String, String> partition = new HashMap<>();
    long repeated = 0;
    try (Reader reader = skipBom(Output.standard(file)
            ? new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.UTF_8))
            : Files.newBufferedReader(file, StandardCharsets.UTF_8));
        CSVParser parser = CSVParser.parse(reader, FORMAT)) {
      if (parser.getHeaderNames().size() < 2) {
        throw new CliException(what + " " + file + ": expected a header with two columns, "
            + "the record id and its cluster");
      }
      for (CSVRecord r : parser) {
        if (r.size() < 2 || r.get(0).isEmpty() || r.get(1).isEmpty()) {
          throw new CliException(what + " " + file + ": line " + r.getParser().getCurrentLineNumber()
              + " lacks a record id or a cluster");
        }
        String previous = partition.putIfAbsent(r.get(0), r.get(1));
        if (previous != null) {
          repeated++;
        }
      }
    } catch (NoSuchFileException e) {
      throw new CliException(what + " " + file + ": file not found");
    } catch (UncheckedIOException e) {
      throw new CliException(what + " " + file + ": malformed CSV (" + e.getCause().getMessage() + ")");
    } catch (IOException e) {
      throw new CliException(what + " " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    if (repeated > 0) {
      spec.commandLine().getErr().println("omniid evaluate: " + what + " " + file + ": " + repeated
          + " repeated record ids, the first line of each kept");
    }
    return partition;
  }

  private static Reader skipBom(Reader reader) throws IOException {
    PushbackReader in = new PushbackReader(reader, 1);
    int first = in.read();
    if (first >= 0 && first != '\uFEFF') {
      in.unread(first);
    }
    return in;
  }
}
