package dev.omniid.cli;

import dev.omniid.connect.Mapping;
import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Where {@code stats} and {@code profile} find the profiles: a customer file read, mapped and
 * resolved now (every call does it again, with this call's options), or a journal written by
 * {@code ingest}, recovered as {@code export} recovers it: its snapshot and the batches since,
 * replayed into a resolver with the configuration the journal was written with, so the profiles
 * are those the journal holds and no customer file is read. Exactly one of the two.
 */
final class SourceOptions {
  @ArgGroup(exclusive = false, order = 1,
      heading = "Resolve a customer file (every call reads and resolves the whole file again):%n")
  InputOptions file;

  @ArgGroup(exclusive = false, order = 2,
      heading = "Or recover a journal written by ingest (a recovery, not a re-resolution of a file:"
          + " the profiles the journal holds, with its own configuration):%n")
  JournalSource journal;

  /** A journal and, when it is encrypted, its key. */
  static final class JournalSource extends JournalKeyOptions {
    @Option(names = "--journal", required = true, order = 1, paramLabel = "DIR",
        description = "The journal directory written by ingest, read with the configuration it was"
            + " written with; a damaged tail is cut off and reported, as export does.")
    Path directory;
  }

  /**
   * The identifier types that a lookup may name: those the mapping (or the journal's mappings)
   * maps, then the built-in ones.
   */
  Set<String> knownTypes() {
    Set<String> known = new LinkedHashSet<>();
    if (journal != null) {
      known.addAll(JournalAccess.settings(journal.directory).types());
    } else {
      Pipeline.mapping(file.mapping, Optional.ofNullable(file.preset)).identifierTypes().forEach(t -> known.add(t.name()));
    }
    known.addAll(Mapping.identifierKeys());
    return known;
  }

  /**
   * The profiles: the file resolved, or the journal recovered (its recovery reported on
   * {@code err} as {@code omniid COMMAND: journal ...}). Close the result to release the journal.
   */
  Loaded load(String command, PrintWriter err, Progress progress) {
    if (journal == null) {
      Pipeline.Result result = Pipeline.run(file.settings(), progress);
      return new Loaded(result.resolver(), result.records().size(), Optional.of(result),
          Optional.empty());
    }
    JournalSettings settings = JournalAccess.settings(journal.directory);
    IdentityResolver resolver = JournalAccess.open(journal.directory, settings, Durability.none(),
        journal.key());
    JournalAccess.printRecovery(err, command, journal.directory,
        JournalAccess.journal(resolver).recoveryReport(), false);
    return new Loaded(resolver, resolver.touchpointCount(), Optional.empty(),
        Optional.of(journal.directory));
  }

  /**
   * Loaded profiles.
   *
   * @param resolver the resolver that holds them
   * @param records how many records it holds
   * @param resolved the resolved file, with its warnings and record ids; empty for a journal
   * @param journal the journal directory, to be closed; empty for a file
   */
  record Loaded(IdentityResolver resolver, long records, Optional<Pipeline.Result> resolved,
      Optional<Path> journal) implements AutoCloseable {
    /**
     * The touchpoint id of a record id: a file's record ids may differ (a repeated id is held as
     * {@code ID#ROW}); a journal's record ids are the ids it holds.
     */
    String touchpointOf(String recordId) {
      return resolved.flatMap(r -> java.util.stream.IntStream.range(0, r.records().size())
          .filter(i -> r.recordId(i).equals(recordId)).mapToObj(r::touchpointId).findFirst())
          .orElse(recordId);
    }

    /** Prints the warnings of a resolved file (nothing for a journal: ingest reported them). */
    void printWarnings(PrintWriter err) {
      resolved.ifPresent(r -> StatsCommand.printWarnings(err, r));
    }

    @Override
    public void close() {
      journal.ifPresent(directory -> JournalAccess.close(directory, resolver));
    }
  }
}
