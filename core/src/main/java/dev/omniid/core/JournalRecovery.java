package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Rebuilds a journal directory's state into an empty in-memory resolver: the latest snapshot with
 * its profile-id anchors (its touchpoints inserted, its stored profiles restored when the
 * configuration's fingerprint matches the snapshot's, and with them its stored scored edges
 * instead of scoring; else clustered in one batch as an older snapshot is), then the journal's
 * changes in their order, each with the call that made it (a batch as a batch, a split as the
 * same split). The resolver is deterministic, so the partition and the profile ids are the ones
 * it had. A damaged tail is cut off and reported; a record that passes its checksum but cannot be
 * replayed, or a damaged snapshot, stops recovery with an {@link IOException} (cutting there would
 * drop intact data).
 *
 * <p>Used once, by {@link JournaledResolver#open}, under its lock and before the resolver is
 * handed out.
 */
final class JournalRecovery {
  private final Path directory;
  private final JournalState state;
  private final InMemoryResolver delegate;
  /** The key the files are sealed with; null for clear files. */
  private final JournalKey key;
  /** The running configuration's fingerprint: a snapshot's partition is restored under it only. */
  private final long fingerprint;
  /** False in the tests that cluster a snapshot again whatever it holds. */
  private final boolean usePartition;
  /** The snapshot's profiles as read, or null when it has none (an older snapshot). */
  private Settled.Reader settled;
  /**
   * The snapshot's scored edges as read, or null when it stores none (no scored side, or an older
   * snapshot).
   */
  private Settled.Edges.Reader edges;
  /** The fingerprint of the configuration that wrote the snapshot's profiles. */
  private long snapshotFingerprint;
  /** The latest snapshot's profile-id anchors; none for an older snapshot or no snapshot. */
  private ProfileIds.Anchors snapshotAnchors = ProfileIds.Anchors.none();
  /** The touchpoints of a journaled batch still to come, and those read. */
  private int batchRemaining;
  private final List<Touchpoint> batch = new ArrayList<>();
  private boolean erasurePending;
  private long generation;

  /** What recovery found and left: the journal to append to, and what it did. */
  record Result(long generation, long snapshotBytes, JournalFiles.Appender journal,
      boolean erasurePending, int fromSnapshot, long replayed,
      List<RecoveryReport.Damage> damage, boolean restoredPartition, boolean restoredEdges) {}

  JournalRecovery(Path directory, JournalState state, InMemoryResolver delegate,
      JournalKey key, long fingerprint, boolean usePartition) {
    this.usePartition = usePartition;
    this.directory = directory;
    this.key = key;
    this.fingerprint = fingerprint;
    this.state = state;
    this.delegate = delegate;
  }

  /**
   * Recovers the directory into {@link #state} and the resolver, deletes what an interrupted
   * compaction left, and opens the current journal for appending.
   */
  Result recover() throws IOException {
    Map<Long, Path> journals = new TreeMap<>();
    TreeMap<Long, Path> snapshots = new TreeMap<>();
    List<Path> temporary = new ArrayList<>();
    JournalFiles.scan(directory, journals, snapshots, temporary);
    for (Path p : temporary) {
      Files.delete(p); // An interrupted compaction's snapshot: its journal is still here.
    }
    // Files an older build wrote with the umask's permissions become owner-only too.
    for (Path p : journals.values()) {
      JournalFiles.restrictFile(p);
    }
    for (Path p : snapshots.values()) {
      JournalFiles.restrictFile(p);
    }
    long snapshot = snapshots.isEmpty() ? -1 : snapshots.lastKey();
    generation = Math.max(snapshot, 0);
    for (Map.Entry<Long, Path> e : journals.entrySet()) {
      if (e.getKey() > generation) {
        throw new IOException(e.getValue().getFileName() + " is newer than the latest snapshot: "
            + (snapshot < 0 ? "no snapshot" : JournalFiles.snapshotName(snapshot))
            + " (a snapshot is missing)");
      }
    }
    int fromSnapshot = 0;
    long snapshotBytes = 0;
    if (snapshot >= 0) {
      fromSnapshot = readSnapshot(snapshots.get(snapshot), snapshot);
      snapshotBytes = Files.size(snapshots.get(snapshot));
    }
    // The snapshot's profiles hold for the configuration that wrote them; under another one (or
    // from an older snapshot without them) its touchpoints are clustered again.
    boolean trusted = usePartition && settled != null && snapshotFingerprint == fingerprint;
    Settled partition =
        trusted ? settled.finish(edges == null ? null : edges.finish()) : null;
    InMemoryResolver.Restored restored = delegate.restore(state.touchpoints.values(),
        state.rulePairs(), snapshotAnchors, partition);
    requireAllAccepted(restored.result());
    List<RecoveryReport.Damage> damage = new ArrayList<>();
    Path current = journals.get(generation);
    long replayed = 0;
    JournalFiles.Appender journal;
    if (current == null) {
      journal = JournalFiles.Appender.create(directory, generation, key);
    } else {
      Replayed r = replayJournal(current, damage);
      replayed = r.records();
      journal = r.journal();
    }
    // Older generations are covered by the snapshot: an interrupted compaction left them.
    boolean deleted = false;
    for (Map.Entry<Long, Path> e : journals.entrySet()) {
      if (e.getKey() < generation) {
        deleted |= Files.deleteIfExists(e.getValue());
      }
    }
    for (Map.Entry<Long, Path> e : snapshots.entrySet()) {
      if (e.getKey() < snapshot) {
        deleted |= Files.deleteIfExists(e.getValue());
      }
    }
    if (deleted) {
      JournalFiles.syncDirectory(directory);
    }
    return new Result(generation, snapshotBytes, journal, erasurePending, fromSnapshot, replayed,
        List.copyOf(damage), restored.settled(), restored.storedEdges());
  }

  private int readSnapshot(Path path, long snapshotGeneration) throws IOException {
    String name = path.getFileName().toString();
    try (JournalFiles.FrameReader reader =
        new JournalFiles.FrameReader(path, JournalFiles.SNAPSHOT, snapshotGeneration, key)) {
      if (reader.headerTorn()) {
        throw new IOException(name + " is cut short");
      }
      // A touchpoint takes about 130 bytes of a snapshot (README); a few more slots cost little.
      state.expect((int) Math.min(Integer.MAX_VALUE, reader.fileSize() / 96));
      int touchpoints = 0;
      while (true) {
        JournalFiles.Step step = reader.next();
        if (step != JournalFiles.Step.FRAME) {
          throw new IOException(name + " is damaged at offset " + reader.offset + ": "
              + (step == JournalFiles.Step.END ? "it has no END record" : reader.problem));
        }
        JournalCodec.In in = new JournalCodec.In(reader.payload, 0, reader.length);
        try {
          int type = in.readByte();
          if (JournalCodec.isTouchpoint(type)) {
            if (!state.add(JournalCodec.readTouchpoint(in, type))) {
              throw new JournalCodec.MalformedRecordException("a touchpoint id appears twice");
            }
            touchpoints++;
          } else if (type == JournalCodec.NEVER_LINK) {
            String a = in.readString();
            addRuleChecked(a, in.readString());
          } else if (type == JournalCodec.PARTITION) {
            if (settled == null) {
              settled = new Settled.Reader();
            }
            JournalCodec.readPartition(in, touchpoints, settled);
          } else if (type == JournalCodec.EDGES) {
            if (settled == null) {
              throw new JournalCodec.MalformedRecordException("edges before the partition");
            }
            if (edges == null) {
              edges = new Settled.Edges.Reader();
            }
            JournalCodec.readEdges(in, touchpoints, edges);
          } else if (type == JournalCodec.ANCHORS) {
            snapshotAnchors = JournalCodec.readAnchors(in);
          } else if (type == JournalCodec.END) {
            long t = in.readVarLong();
            long r = in.readVarLong();
            if (t != state.touchpoints.size() || r != state.ruleCount()) {
              throw new JournalCodec.MalformedRecordException("its END record does not match");
            }
            if (settled != null || !in.atEnd()) {
              // A snapshot with its profiles: they number as many as END says, and hold every
              // touchpoint once.
              long profiles = in.readVarLong();
              snapshotFingerprint = in.readLong();
              int read = settled == null ? 0 : settled.profiles();
              if (profiles != read || settled != null && settled.members() != touchpoints) {
                throw new JournalCodec.MalformedRecordException("its END record counts "
                    + profiles + " profiles, its partition records hold " + read
                    + " profiles of " + (settled == null ? 0 : settled.members()) + " of "
                    + touchpoints + " touchpoints");
              }
              if (settled == null) {
                settled = new Settled.Reader(); // no touchpoint, no profile
              }
              // Then the edge count of a snapshot with its scored edges: as many as it holds.
              int held = edges == null ? 0 : edges.size();
              if (!in.atEnd()) {
                long stored = in.readVarLong();
                if (stored != held) {
                  throw new JournalCodec.MalformedRecordException("its END record counts "
                      + stored + " edges, its edge records hold " + held);
                }
                if (edges == null) {
                  edges = new Settled.Edges.Reader(); // stored: none
                }
              } else if (edges != null) {
                throw new JournalCodec.MalformedRecordException("its END record counts no "
                    + "edges, its edge records hold " + held);
              }
            }
            if (!in.atEnd()) {
              throw new JournalCodec.MalformedRecordException("a record has trailing bytes");
            }
            if (reader.next() != JournalFiles.Step.END) {
              throw new JournalCodec.MalformedRecordException("its END record does not match");
            }
            return touchpoints;
          } else {
            throw new JournalCodec.MalformedRecordException("unknown record type " + type);
          }
          if (!in.atEnd()) {
            throw new JournalCodec.MalformedRecordException("a record has trailing bytes");
          }
        } catch (JournalCodec.MalformedRecordException | IllegalStateException e) {
          throw new IOException(name + " has an unreadable record before offset " + reader.offset
              + ": " + e.getMessage(), e);
        }
      }
    }
  }

  private void addRuleChecked(String a, String b) {
    if (a.equals(b) || !state.contains(a) || !state.contains(b)) {
      throw new JournalCodec.MalformedRecordException("a never-link rule names an unknown touchpoint");
    }
    state.addRule(a, b);
  }

  /** The records replayed from the current journal, and the journal reopened for appending. */
  private record Replayed(long records, JournalFiles.Appender journal) {}

  /**
   * Replays the current journal into {@link #state} and the resolver, cutting off a damaged tail,
   * and reopens it for appending after its last whole record.
   */
  private Replayed replayJournal(Path path, List<RecoveryReport.Damage> damage)
      throws IOException {
    String name = path.getFileName().toString();
    long records = 0;
    long good;
    long fileSize;
    try (JournalFiles.FrameReader reader =
        new JournalFiles.FrameReader(path, JournalFiles.JOURNAL, generation, key)) {
      fileSize = reader.fileSize();
      if (reader.headerTorn()) {
        // Created, then cut short by a crash before its header was forced: start it again.
        damage.add(new RecoveryReport.Damage(RecoveryReport.Kind.TORN_TAIL, name, 0, fileSize,
            "the file ends inside its header"));
        Files.delete(path);
        return new Replayed(0, JournalFiles.Appender.create(directory, generation, key));
      }
      while (true) {
        JournalFiles.Step step = reader.next();
        if (step == JournalFiles.Step.END) {
          break;
        }
        if (step != JournalFiles.Step.FRAME) {
          damage.add(new RecoveryReport.Damage(step == JournalFiles.Step.TORN
              ? RecoveryReport.Kind.TORN_TAIL : RecoveryReport.Kind.CORRUPT_RECORD, name,
              reader.offset, fileSize - reader.offset, reader.problem));
          break;
        }
        try {
          replay(new JournalCodec.In(reader.payload, 0, reader.length));
        } catch (JournalCodec.MalformedRecordException | IllegalStateException
            | IllegalArgumentException e) {
          // Its checksum holds, so the bytes are as written: cutting here would drop good data.
          throw new IOException(name + " has a record that passes its checksum but cannot be "
              + "replayed, ending at offset " + reader.offset + ": " + e.getMessage(), e);
        }
        records++;
      }
      good = reader.offset;
    }
    flushBatch();
    if (good < fileSize) {
      try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
        channel.truncate(good);
        channel.force(true);
      }
    }
    return new Replayed(records, JournalFiles.Appender.reopen(path, good, records));
  }

  private void replay(JournalCodec.In in) {
    int type = in.readByte();
    if (!JournalCodec.isTouchpoint(type)) {
      flushBatch();
    }
    switch (type) {
      case JournalCodec.TOUCHPOINT, JournalCodec.UNTIMED_TOUCHPOINT -> {
        Touchpoint t = JournalCodec.readTouchpoint(in, type);
        if (!state.add(t)) {
          throw new JournalCodec.MalformedRecordException("a live touchpoint id is added again");
        }
        if (batchRemaining > 0) {
          batch.add(t);
          if (--batchRemaining == 0) {
            flushBatch();
          }
        } else {
          Resolution r = delegate.resolve(t);
          if (r.outcome() == Resolution.Outcome.DUPLICATE) {
            throw new JournalCodec.MalformedRecordException("a journaled touchpoint is a duplicate");
          }
        }
      }
      case JournalCodec.BATCH -> {
        long count = in.readVarLong();
        if (count < 1 || count > Integer.MAX_VALUE) {
          throw new JournalCodec.MalformedRecordException("a batch of " + count + " touchpoints");
        }
        batchRemaining = (int) count;
      }
      case JournalCodec.REMOVE -> {
        String id = in.readString();
        if (!state.remove(id)) {
          throw new JournalCodec.MalformedRecordException("an unknown touchpoint is removed");
        }
        delegate.remove(id);
      }
      case JournalCodec.NEVER_LINK -> {
        String a = in.readString();
        String b = in.readString();
        addRuleChecked(a, b);
        delegate.neverLink(a, b);
      }
      case JournalCodec.ALLOW_LINK -> {
        String a = in.readString();
        String b = in.readString();
        state.removeRule(a, b);
        delegate.allowLink(a, b);
      }
      case JournalCodec.SPLIT -> {
        List<String> side = JournalCodec.readIds(in);
        List<String> rest = JournalCodec.readIds(in);
        for (String a : side) {
          for (String b : rest) {
            addRuleChecked(a, b);
          }
        }
        // The same call as when it happened, so that the same profile ids come out of it.
        ProfileId profile = delegate.profileIdOf(side.get(0)).orElseThrow(
            () -> new JournalCodec.MalformedRecordException("a split names an unknown touchpoint"));
        delegate.split(profile, new HashSet<>(side));
      }
      case JournalCodec.FORGET -> {
        List<String> erased = new ArrayList<>();
        for (String id : JournalCodec.readIds(in)) {
          if (state.remove(id)) {
            erased.add(id);
          }
        }
        // One change, as when it happened, so that the same profile ids come out of it.
        delegate.erase(erased);
        erasurePending = true;
      }
      default -> throw new JournalCodec.MalformedRecordException("unknown record type " + type);
    }
    if (!in.atEnd()) {
      throw new JournalCodec.MalformedRecordException("a record has trailing bytes");
    }
  }

  /**
   * Resolves the touchpoints read of a journaled batch as one batch. A batch cut short (its tail
   * torn off by a crash before it was forced) resolves what remains of it.
   */
  private void flushBatch() {
    batchRemaining = 0;
    if (batch.isEmpty()) {
      return;
    }
    BatchResult result = delegate.resolveAll(batch);
    batch.clear();
    requireAllAccepted(result);
  }

  private static void requireAllAccepted(BatchResult result) {
    if (result.rejected() > 0 || result.duplicates() > 0) {
      Problem first = result.problems().stream()
          .filter(p -> p.reason() == Reason.CONFLICTING_EXCLUSIVE_VALUES
              || p.reason() == Reason.DUPLICATE_TOUCHPOINT)
          .findFirst().orElse(result.problems().isEmpty() ? null : result.problems().get(0));
      throw new IllegalStateException((result.rejected() + result.duplicates())
          + " journaled touchpoints are refused by this configuration (for example " + first
          + "): was an identifier type made exclusive? Build with the configuration that wrote "
          + "the journal.");
    }
  }
}
