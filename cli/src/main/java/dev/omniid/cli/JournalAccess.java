package dev.omniid.cli;

import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Journal;
import dev.omniid.core.JournalKey;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.RecoveryReport;
import dev.omniid.core.ResolverBuilder;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What {@code ingest}, {@code export} and {@code forget} share: opening a journal and reporting it. */
final class JournalAccess {
  /**
   * The core logs the damage it cuts off; the commands print it themselves, on one line each, so
   * the log record (two lines with a time stamp) is silenced. Held here so that the logger, and
   * its level, is not collected.
   */
  private static final Logger CORE_LOG = Logger.getLogger(IdentityResolver.class.getName());

  private JournalAccess() {}

  /** The settings of an existing journal: a usage problem if there is none. */
  static JournalSettings settings(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw new CliException("--journal " + directory + ": no such directory (omniid ingest creates it)");
    }
    return JournalSettings.read(directory).orElseThrow(() -> new CliException("--journal " + directory
        + ": holds no " + JournalSettings.FILE_NAME + ", so it was not written by omniid ingest"));
  }

  /**
   * Builds the resolver of the journal in {@code directory} with its configuration, recovering
   * what the directory holds. Failures become one-line usage problems.
   */
  static IdentityResolver open(Path directory, JournalSettings settings, Durability durability,
      Optional<JournalKey> key) {
    return open(directory, settings, durability, Optional.empty(), key);
  }

  /**
   * As {@link #open(Path, JournalSettings, Durability, Optional)}, compacting past
   * {@code compactionThreshold}.
   */
  static IdentityResolver open(Path directory, JournalSettings settings, Durability durability,
      Optional<Long> compactionThreshold, Optional<JournalKey> key) {
    CORE_LOG.setLevel(Level.OFF);
    try {
      ResolverBuilder builder = key.isPresent()
          ? settings.resolverBuilder().journal(directory, durability, key.get())
          : settings.resolverBuilder().journal(directory, durability);
      compactionThreshold.ifPresent(builder::journalCompactionThreshold);
      return builder.build();
    } catch (OmniIdException e) {
      if (!"journalKey".equals(e.field())) {
        throw new CliException(e.getMessage(), e);
      }
      throw new CliException("--journal " + directory + ": " + e.detail() + " ("
          + (key.isPresent() ? "check --key-file or " + JournalKeyOptions.VARIABLE
              : "give its key with --key-file or " + JournalKeyOptions.VARIABLE) + ")", e);
    } catch (IllegalArgumentException e) {
      throw new CliException(e.getMessage(), e);
    } catch (IllegalStateException e) {
      // In use by another process, or refused by this configuration.
      String m = firstLine(e.getMessage());
      throw new CliException("--journal " + directory + ": " + (m.contains("in use")
          ? "in use by another omniid process (an ingest still running?)" : m), e);
    } catch (UncheckedIOException e) {
      throw new CliException("--journal " + directory + ": " + firstLine(e.getMessage())
          + " (the journal was not changed)", e);
    }
  }

  static Journal journal(IdentityResolver resolver) {
    return resolver.journal().orElseThrow();
  }

  /** Closes the journal, forcing it; a failure is a one-line problem. */
  static void close(Path directory, IdentityResolver resolver) {
    try {
      journal(resolver).close();
    } catch (UncheckedIOException e) {
      throw new CliException("--journal " + directory + ": the final force failed (" + firstLine(e.getMessage())
          + "); what was reported durable is on disk", e);
    }
  }

  /**
   * Prints what recovery found: one line of counts, then one line per damaged stretch cut off.
   * With {@code quietWhenEmpty}, says nothing for an empty journal found clean (a first ingest).
   */
  static void printRecovery(PrintWriter err, String command, Path directory, RecoveryReport r,
      boolean quietWhenEmpty) {
    if (quietWhenEmpty && r.clean() && r.touchpoints() == 0 && r.journalRecords() == 0) {
      return;
    }
    err.printf(Locale.ROOT, "omniid %s: journal %s: recovered %d touchpoints (%d from the snapshot, %d"
            + " journal records replayed), %d never-link rules, in %.2f s; %s%n", command, directory,
        r.touchpoints(), r.snapshotTouchpoints(), r.journalRecords(), r.neverLinkRules(),
        r.elapsed().toNanos() / 1e9, r.clean() ? "clean" : r.damage().size() + " damaged stretch"
            + (r.damage().size() == 1 ? "" : "es") + " cut off:");
    for (RecoveryReport.Damage d : r.damage()) {
      err.println("  damage cut off: " + d);
    }
  }

  /** A byte count for people: 812 B, 4.2 KiB, 3.1 MiB. */
  static String bytes(long n) {
    if (n < 1024) {
      return n + " B";
    }
    if (n < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
    }
    return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024));
  }

  private static String firstLine(String message) {
    return message == null ? "(no detail)" : message.lines().findFirst().orElse("");
  }
}
