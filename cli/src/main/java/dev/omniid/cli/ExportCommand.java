package dev.omniid.cli;

import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.RecoveryReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omniid export}: the profiles a journal holds, in the {@code resolve} output format. */
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Recovers a journal written by ingest and writes record_id,profile_id for every "
        + "record it holds, profile by profile (the resolve output format).",
        "Record ids are the ids the journal holds: as in the input, row-N for a blank id, ID#ROW for "
        + "an id that an earlier record used with other content.",
        "Profile ids are handed out anew by each recovery, in a fixed order: the same journal gives "
        + "the same ids, which forget --profile accepts until the journal changes.",
        "A damaged journal tail (a record cut short by a crash) is cut off and reported on stderr."},
    footer = {"", "Example:",
        "  omniid export --journal customers.journal --out clusters.csv"})
final class ExportCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--journal", required = true, paramLabel = "DIR",
      description = "The journal directory written by ingest.")
  Path journal;

  @picocli.CommandLine.Mixin
  JournalKeyOptions keyOptions = new JournalKeyOptions();

  @Option(names = "--out", required = true, paramLabel = "CLUSTERS.csv",
      description = "Where to write record_id,profile_id; - for standard output.")
  Path out;

  @Override
  public Integer call() {
    Progress progress = Progress.to(spec.commandLine().getErr());
    JournalSettings settings = JournalAccess.settings(journal);
    IdentityResolver resolver = JournalAccess.open(journal, settings, Durability.none(), keyOptions.key());
    long records = 0;
    int profiles;
    RecoveryReport report;
    try {
      report = JournalAccess.journal(resolver).recoveryReport();
      profiles = resolver.profileCount();
      try (CSVPrinter csv = Output.csv(out, "--out", spec.commandLine().getOut(), "record_id",
          "profile_id")) {
        for (Iterator<Profile> it = resolver.profiles().iterator(); it.hasNext(); ) {
          Profile p = it.next();
          String id = p.id().toString();
          for (String touchpoint : new TreeSet<>(p.touchpointIds())) {
            csv.printRecord(touchpoint, id);
            records++;
          }
        }
      } catch (IOException e) {
        throw Output.failed(out, "--out", e);
      }
    } finally {
      JournalAccess.close(journal, resolver);
    }
    progress.finish();
    PrintWriter err = spec.commandLine().getErr();
    JournalAccess.printRecovery(err, "export", journal, report, false);
    err.printf(Locale.ROOT, "omniid export: %d records -> %d profiles -> %s; %.1f s%n", records,
        profiles, Output.standard(out) ? "standard output" : out, progress.seconds());
    return 0;
  }
}
