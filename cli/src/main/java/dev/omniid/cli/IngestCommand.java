package dev.omniid.cli;

import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.RecordReader.Format;
import dev.omniid.connect.Warning;
import dev.omniid.core.BatchResult;
import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Journal;
import dev.omniid.core.Problem;
import dev.omniid.core.Touchpoint;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniid ingest}: resolves a customer file into a durable journal, reporting on stdout how
 * many records are safe on disk as it goes.
 *
 * <p>Records are resolved in batches of {@code --batch} with {@code resolveAll}. The line
 * {@code durable N} means that the first N records of the input (in input order, rows rejected
 * whole not counted) are handled and that every one of them that the journal holds has been
 * forced to the storage device; it is printed after the force, never before:
 * <ul>
 *   <li>{@code sync}: the journal forces before each batch returns: a line after every batch.
 *   <li>{@code group}: the journal forces in the background at most {@value #GROUP_DELAY_MS} ms
 *       after a write; since those forces are not observable, the tool forces once a second
 *       itself, and prints a line after that force.
 *   <li>{@code none}: nothing is forced until the journal is closed: one line at the end.
 * </ul>
 * Every policy writes each batch to the operating system before going on, so a killed process
 * loses nothing the operating system was given; the policies differ on a power loss.
 *
 * <p>Idempotent: a record already in the journal (the same id and content) is a duplicate, so
 * running an ingest again after a crash, or twice, leaves the journal as one run would.
 */
@Command(name = "ingest", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Resolves every record of a customer file into a durable journal (a directory), "
        + "printing 'durable N' on stdout each time the first N records are forced to disk.",
        "Reads the file like resolve (same mapping, same rejects). Records already in the journal are "
        + "duplicates, so running it again after a crash resumes where it stopped.",
        "The first ingest stores the resolver configuration (default region, threshold, expected "
        + "records, identifier policies) in DIR/" + JournalSettings.FILE_NAME + "; export, forget "
        + "and later ingests use it."},
    footer = {"", "Examples:",
        "  omniid ingest --journal customers.journal --input customers.csv --mapping mapping.json",
        "  omniid export --journal customers.journal --out clusters.csv"})
final class IngestCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** The longest a write waits for its force under {@code --durability group}. */
  static final long GROUP_DELAY_MS = 200;
  /** How often the tool forces and reports under {@code --durability group}. */
  static final long GROUP_REPORT_NANOS = 1_000_000_000L;

  /** The durability choices of the command line. */
  enum DurabilityChoice {
    SYNC, GROUP, NONE;

    Durability policy() {
      return switch (this) {
        case SYNC -> Durability.syncEachWrite();
        case GROUP -> Durability.groupCommit(Duration.ofMillis(GROUP_DELAY_MS), 10_000);
        case NONE -> Durability.none();
      };
    }
  }

  @Option(names = "--journal", required = true, paramLabel = "DIR",
      description = "The journal directory: created if absent; must be empty or a journal.")
  Path journal;

  @picocli.CommandLine.Mixin
  JournalKeyOptions keyOptions = new JournalKeyOptions();

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
      description = "ISO 3166 country for phones without a country code; overrides the mapping's "
          + "defaultRegion. Set by the first ingest (ES when neither sets one); later ones must agree.")
  String region;

  @Option(names = "--threshold", paramLabel = "P",
      description = "Match probability in (0, 1) for scored links (default 0.99). Set by the first "
          + "ingest; later ones must agree.")
  Double threshold;

  @Option(names = "--expected-records", paramLabel = "N",
      description = "How many records the customer base will hold: the size the default model's "
          + "prior follows (see resolve). Set by the first ingest (none: the model's own size, "
          + "10,000); later ones must agree.")
  Long expectedRecords;

  @Option(names = "--durability", paramLabel = "sync|group|none", defaultValue = "sync",
      description = "When the journal is forced to disk: sync before each batch returns (a power loss "
          + "loses nothing reported), group within " + GROUP_DELAY_MS + " ms, none only at the end "
          + "(default ${DEFAULT-VALUE}).")
  DurabilityChoice durability;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "100",
      description = "Records resolved, written and (with sync) forced together (default ${DEFAULT-VALUE}).")
  int batch;

  /** For tests: compacts the journal this often, to crash inside compactions. */
  @Option(names = "--compaction-threshold", hidden = true, paramLabel = "BYTES")
  Long compactionThreshold;

  @Option(names = "--rejects", paramLabel = "REJECTS.csv",
      description = "Where to write the problems found (row, column, masked value, reason).")
  Path rejects;

  @Override
  public Integer call() {
    if (batch < 1) {
      throw new CliException("--batch must be at least 1");
    }
    if (Output.standard(rejects)) {
      throw new CliException("--rejects -: standard output holds the 'durable N' lines; give a file");
    }
    if (threshold != null && !(threshold > 0 && threshold < 1)) {
      throw new CliException("--threshold must be a probability between 0 and 1, such as 0.99");
    }
    InputOptions.checkExpectedRecords(expectedRecords);
    if (!JournalSettings.looksLikeJournal(journal)) {
      throw new CliException("--journal " + journal + ": holds other files and no journal; give a new"
          + " or empty directory");
    }
    Optional<dev.omniid.core.JournalKey> key = keyOptions.key();
    Progress progress = Progress.to(spec.commandLine().getErr());
    Optional<JournalSettings> stored = Files.isDirectory(journal) ? JournalSettings.read(journal)
        : Optional.empty();
    Mapping map = Pipeline.mapping(mapping, Optional.ofNullable(preset));
    Optional<String> given = Optional.ofNullable(region).map(Pipeline::region).or(map::defaultRegion);
    String chosen = given.orElse(stored.map(JournalSettings::region).orElse(Pipeline.FALLBACK_REGION));
    JournalSettings requested = JournalSettings.of(chosen, chosen.equals("US"),
        Optional.ofNullable(threshold), Optional.ofNullable(expectedRecords), map);
    JournalSettings settings = stored.map(s -> s.admit(requested, given.isPresent(), map.name()))
        .orElse(requested);
    Pipeline.Read read = Pipeline.read(new Pipeline.Settings(input, mapping, Optional.ofNullable(format),
        Optional.of(settings.region()), Optional.empty(), false, Optional.ofNullable(preset)), progress);

    if (stored.isEmpty()) {
      // Written before the journal exists, so that a crash never leaves records without settings.
      try {
        JournalSettings.createDirectory(journal);
      } catch (java.io.IOException e) {
        throw new CliException("--journal " + journal + ": cannot create (" + e.getClass().getSimpleName() + ")");
      }
      settings.write(journal);
    }
    IdentityResolver resolver = JournalAccess.open(journal, settings, durability.policy(),
        Optional.ofNullable(compactionThreshold), key);
    boolean closed = false;
    try {
      // Now that this process owns the directory: the settings must still be the ones checked.
      Optional<JournalSettings> owned = JournalSettings.read(journal);
      if (stored.isEmpty() && !owned.equals(Optional.of(settings))) {
        throw new CliException("--journal " + journal + ": another ingest started on it at the same time");
      }
      if (stored.isPresent() && !owned.equals(Optional.of(settings))) {
        if (!owned.equals(stored)) {
          throw new CliException("--journal " + journal + ": its settings changed while this ingest started");
        }
        settings.write(journal); // New identifier types.
      }
      Journal j = JournalAccess.journal(resolver);
      JournalAccess.printRecovery(spec.commandLine().getErr(), "ingest", journal, j.recoveryReport(), true);
      // What recovery found may have been written without a force (a run with --durability none):
      // forced here, a record found again as a duplicate is durable.
      j.sync();
      int before = resolver.touchpointCount();
      long ingestStart = System.nanoTime();
      List<Warning> warnings = new ArrayList<>(read.warnings());
      String idColumn = read.mapping().idColumn();
      List<MappedRecord> records = read.records();
      int refused = 0;
      int announced = 0;
      long lastForce = System.nanoTime();
      for (int from = 0; from < records.size(); from += batch) {
        List<MappedRecord> chunk = records.subList(from, Math.min(records.size(), from + batch));
        refused += resolveBatch(resolver, chunk, warnings, idColumn);
        int done = from + chunk.size();
        if (durability == DurabilityChoice.SYNC) {
          announced = announce(done);
        } else if (durability == DurabilityChoice.GROUP && System.nanoTime() - lastForce >= GROUP_REPORT_NANOS) {
          j.sync();
          lastForce = System.nanoTime();
          announced = announce(done);
        }
        progress.update("ingesting", done, records.size());
      }
      int added = resolver.touchpointCount() - before;
      int profiles = resolver.profileCount();
      int touchpoints = resolver.touchpointCount();
      JournalAccess.close(journal, resolver);
      closed = true;
      double ingestSeconds = (System.nanoTime() - ingestStart) / 1e9;
      long size = directorySize(journal);
      if (announced < records.size()) {
        announce(records.size());
      }
      if (rejects != null) {
        ResolveCommand.writeRejects(warnings, rejects, spec.commandLine().getOut());
      }
      progress.finish();
      printSummary(spec.commandLine().getErr(), read, warnings, added, refused, touchpoints, profiles, size,
          progress.seconds(), ingestSeconds);
      return 0;
    } finally {
      if (!closed) {
        try {
          JournalAccess.journal(resolver).close();
        } catch (RuntimeException e) {
          // Already failing: the first problem is the one reported.
        }
      }
    }
  }

  /** Prints {@code durable N} and makes sure it leaves the process at once. */
  private int announce(int n) {
    PrintWriter out = spec.commandLine().getOut();
    out.println("durable " + n);
    out.flush();
    return n;
  }

  /**
   * Resolves one batch; a record with two values of an exclusive type is resolved without the
   * second, as {@code resolve} does.
   *
   * @return the records refused because their id is in the journal with other content
   */
  static int resolveBatch(IdentityResolver resolver, List<MappedRecord> chunk, List<Warning> warnings,
      String idColumn) {
    Map<String, MappedRecord> byId = new HashMap<>(chunk.size() * 2);
    List<Touchpoint> touchpoints = new ArrayList<>(chunk.size());
    for (MappedRecord r : chunk) {
      byId.putIfAbsent(r.touchpoint().id(), r);
      touchpoints.add(r.touchpoint());
    }
    BatchResult result = resolver.resolveAll(touchpoints);
    List<Problem> conflicting = new ArrayList<>();
    int refused = 0;
    for (Problem p : result.problems()) {
      MappedRecord r = byId.get(p.touchpointId());
      switch (p.reason()) {
        case CONFLICTING_EXCLUSIVE_VALUES -> conflicting.add(p);
        case DUPLICATE_TOUCHPOINT -> {
          if (!narrowedBefore(resolver, r.touchpoint())) {
            warnings.add(new Warning(r.row(), r.recordId(), idColumn, "", "its id is in the journal"
                + " already, with other content: not ingested (give the record another id)", true));
            refused++;
          }
        }
        default -> warnings.add(Pipeline.warning(r, p));
      }
    }
    for (Problem p : conflicting) {
      if (!Pipeline.resolveWithout(resolver, byId.get(p.touchpointId()), p, warnings)) {
        refused++;
      }
    }
    return refused;
  }

  /**
   * Whether the journal holds this touchpoint as an earlier ingest left it after dropping values
   * of an exclusive type: the same record, with some of its identifiers, in order. Such a record
   * is a duplicate, not a conflict, so that ingesting a file twice is idempotent.
   */
  static boolean narrowedBefore(IdentityResolver resolver, Touchpoint t) {
    Optional<Touchpoint> held = resolver.profileOfTouchpoint(t.id())
        .flatMap(p -> p.journey().stream().filter(x -> x.id().equals(t.id())).findFirst());
    if (held.isEmpty()) {
      return false;
    }
    Touchpoint h = held.get();
    if (!h.channel().equals(t.channel()) || !h.timestamp().equals(t.timestamp())
        || !h.eventKind().equals(t.eventKind()) || !h.attributes().equals(t.attributes())
        || !h.payload().equals(t.payload()) || h.identifiers().size() >= t.identifiers().size()) {
      return false;
    }
    int i = 0;
    for (var identifier : t.identifiers()) {
      if (i < h.identifiers().size() && h.identifiers().get(i).equals(identifier)) {
        i++;
      }
    }
    return i == h.identifiers().size();
  }

  private static long directorySize(Path directory) {
    try (var files = Files.list(directory)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> {
        try {
          return Files.size(p);
        } catch (java.io.IOException e) {
          return 0;
        }
      }).sum();
    } catch (java.io.IOException e) {
      return 0;
    }
  }

  private void printSummary(PrintWriter err, Pipeline.Read read, List<Warning> warnings, int added,
      int refused, int touchpoints, int profiles, long size, double seconds, double ingestSeconds) {
    int records = read.records().size();
    long warningCount = warnings.stream().filter(w -> !w.rejected()).count();
    long rowsWithWarnings = warnings.stream().filter(w -> !w.rejected()).mapToLong(Warning::row)
        .distinct().count();
    err.printf(Locale.ROOT, "omniid ingest: %d records: %d new, %d already in the journal%s%n", records,
        added, records - added - refused, refused == 0 ? ""
            : ", " + refused + " refused (their id is in the journal with other content)");
    err.printf(Locale.ROOT, "  journal %s: %d touchpoints in %d profiles, %s; durability %s, batches"
            + " of %d%n", journal, touchpoints, profiles, JournalAccess.bytes(size),
        durability.name().toLowerCase(Locale.ROOT), batch);
    err.printf(Locale.ROOT, "  rejected rows: %d; warnings: %d on %d rows%s%n", read.rejected() + refused,
        warningCount, rowsWithWarnings, rejects != null ? " -> " + rejects
            : warningCount + read.rejected() + refused > 0 ? " (--rejects FILE lists them)" : "");
    err.printf(Locale.ROOT, "  default region %s; %.1f s, of which resolving and journaling %.1f s (%.0f"
        + " records/s)%n", read.region(), seconds, ingestSeconds, records / Math.max(ingestSeconds, 1e-3));
  }
}
