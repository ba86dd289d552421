package dev.omniid.cli;

import dev.omniid.datagen.GeneratedDataWriter;
import dev.omniid.datagen.OmniChannelGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omniid generate}: a synthetic omnichannel data set with its ground truth. */
@Command(name = "generate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes a synthetic omnichannel data set with ground truth: DIR/touchpoints.csv "
        + "(and .jsonl), DIR/truth.csv (record_id,cluster_id), DIR/labels.csv (record_id,household_id,"
        + "patterns) and DIR/mapping.json, ready for resolve and evaluate.",
        "The data is messy like real data: typos, phone formats, nicknames, households, shared "
        + "kiosks, junk values, hashed emails, namesakes, office mailboxes, father and son of one name, "
        + "phones without their country code, ids with separators."},
    footer = {"", "Example:",
        "  omniid generate --people 1000 --out data",
        "  omniid resolve --input data/touchpoints.csv --mapping data/mapping.json --out data/clusters.csv",
        "  omniid evaluate --clusters data/clusters.csv --truth data/truth.csv"})
final class GenerateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--people", required = true, paramLabel = "N",
      description = "How many people to generate (about 5 records each).")
  int people;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
      description = "The random seed: the same seed gives the same files (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR",
      description = "The directory to write to (created if needed).")
  Path out;

  @Override
  public Integer call() {
    if (people < 1) {
      throw new CliException("--people must be at least 1");
    }
    OmniChannelGenerator generator = OmniChannelGenerator.newBuilder().people(people).seed(seed).build();
    long rows;
    try {
      rows = GeneratedDataWriter.write(generator, out);
    } catch (IOException e) {
      throw new CliException("--out " + out + ": cannot write (" + e.getClass().getSimpleName() + ")");
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf("wrote %d records of %d people to %s: touchpoints.csv, touchpoints.jsonl, "
        + "truth.csv, labels.csv, mapping.json%n", rows, people, out);
    stdout.printf("next: omniid resolve --input %1$s --mapping %2$s --out %3$s%n"
        + "      omniid evaluate --clusters %3$s --truth %4$s%n", out.resolve("touchpoints.csv"),
        out.resolve("mapping.json"), out.resolve("clusters.csv"), out.resolve("truth.csv"));
    return 0;
  }
}
