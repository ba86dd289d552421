package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * An {@link IdentityResolver} that journals every accepted change before it returns, and rebuilds
 * itself from its directory when built: the in-memory resolver, wrapped.
 *
 * <p>A snapshot describes state (the live touchpoints, never-link rules, profile-id anchors, and
 * the partition with the fingerprint of the configuration that made it); the journal after it,
 * the changes in their order. A change is applied to the in-memory resolver
 * first (so a change it refuses is never journaled), then its record is written, then forced as
 * the {@link Durability} says, all under one lock, so the journal's order is the order of the
 * changes. Listeners hear a change only after its record is written (and forced, under
 * {@link Durability#syncEachWrite()}). Recovery restores the snapshot with its anchors (its
 * profiles as stored when the configuration's fingerprint is the snapshot's, clustered again
 * otherwise: the partition is a function of the touchpoints, rules and configuration), then
 * replays each change with the call that made it: the partition and the profile ids are the ones
 * the resolver had.
 *
 * <p>If writing or forcing fails, the change may be in memory and may or may not be on disk; the
 * resolver then refuses every further change with {@link IllegalStateException} (reads go on), and
 * a resolver built again on the directory holds what the disk holds.
 */
final class JournaledResolver implements IdentityResolver, Journal {
  private static final System.Logger LOG = System.getLogger(IdentityResolver.class.getName());

  private final InMemoryResolver delegate;
  private final Gate gate;
  private final Path directory;
  private final Durability durability;
  private final long compactionThreshold;
  private final ReentrantLock lock = new ReentrantLock();
  /** How a single resolve takes {@link #lock} while other threads resolve too. */
  private final ResolveGate resolveGate;
  private final JournalState state = new JournalState();
  /** The key the files are sealed with; null for a clear journal. */
  private final JournalKey key;
  private final JournalCodec.Out out;
  /** The configuration's {@link ConfigurationFingerprint}: a snapshot's profiles hold under it. */
  private final long fingerprint;
  /** Whether recovery restored the snapshot's partition rather than clustering (for tests). */
  private boolean restoredPartition;
  /** Whether recovery installed the snapshot's scored edges rather than scoring (for tests). */
  private boolean restoredEdges;
  /** Off in the tests that cluster a snapshot again (see {@link ResolverBuilder}). */
  private final boolean snapshotPartition;
  /** Off in the tests that write a snapshot as the build before stored edges did. */
  private final boolean snapshotEdges;
  private final ScheduledThreadPoolExecutor flusher;
  private FileChannel lockChannel;
  private FileLock fileLock;
  private JournalFiles.Appender journal;
  private long generation;
  private long snapshotBytes;
  private RecoveryReport report;
  private Throwable failure;
  private boolean closed;
  /** Records written and not yet forced (group commit). */
  private int pending;
  private boolean flushScheduled;
  /** How many times the journal was forced (read by tests). */
  volatile long forces;

  private JournaledResolver(InMemoryResolver delegate, Gate gate, ResolverBuilder builder) {
    this.delegate = delegate;
    this.gate = gate;
    this.resolveGate = new ResolveGate(lock, delegate.scoresAhead());
    this.directory = builder.journalDirectory;
    this.key = builder.journalKey;
    this.out = new JournalCodec.Out(512, key);
    this.fingerprint = ConfigurationFingerprint.of(builder);
    this.snapshotPartition = builder.snapshotPartition;
    this.snapshotEdges = builder.snapshotEdges;
    this.durability = builder.durability;
    this.compactionThreshold = builder.journalCompactionThreshold;
    if (durability.mode() == Durability.Mode.GROUP_COMMIT) {
      flusher = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "omniid-journal-flusher");
        t.setDaemon(true);
        return t;
      });
      flusher.setKeepAliveTime(1, TimeUnit.SECONDS);
      flusher.allowCoreThreadTimeOut(true);
    } else {
      flusher = null;
    }
  }

  /** The number of the first profile id the resolver hands out (its id namespace). */
  long firstProfileId() {
    return delegate.firstProfileId();
  }

  /** Builds the in-memory resolver, then recovers the directory's state into it. */
  static JournaledResolver open(ResolverBuilder builder) {
    // The in-memory resolver's one listener is the gate, which holds each change's events until
    // its record is written, then hands them to the builder's listeners.
    Gate gate = new Gate(List.copyOf(builder.listeners));
    InMemoryResolver delegate = new InMemoryResolver(builder, List.of(gate));
    JournaledResolver resolver = new JournaledResolver(delegate, gate, builder);
    resolver.lock.lock();
    try {
      resolver.recover();
    } catch (IOException e) {
      resolver.releaseQuietly();
      throw new UncheckedIOException("cannot recover the journal: " + e.getMessage(), e);
    } catch (RuntimeException | Error e) {
      resolver.releaseQuietly();
      throw e;
    } finally {
      resolver.lock.unlock();
    }
    return resolver;
  }

  // ---------------------------------------------------------------- recovery

  /**
   * Takes the directory's lock, then lets {@link JournalRecovery} rebuild the state, listeners
   * muted, and finishes an erasure that was journaled but not yet compacted.
   */
  private void recover() throws IOException {
    long started = System.nanoTime();
    JournalFiles.createDirectory(directory);
    Path lockFile = directory.resolve(JournalFiles.LOCK);
    lockChannel = FileChannel.open(lockFile, java.util.Set.of(StandardOpenOption.CREATE,
        StandardOpenOption.WRITE), JournalFiles.ownerOnly(lockFile));
    JournalFiles.restrictFile(lockFile);
    try {
      fileLock = lockChannel.tryLock();
    } catch (OverlappingFileLockException e) {
      fileLock = null;
    }
    if (fileLock == null) {
      throw new IllegalStateException("the journal directory " + directory
          + " is in use by another resolver");
    }
    JournalRecovery.Result recovered;
    gate.muted = true;
    try {
      recovered = new JournalRecovery(directory, state, delegate, key, fingerprint,
          snapshotPartition).recover();
    } finally {
      gate.muted = false;
      gate.buffered.clear();
    }
    generation = recovered.generation();
    restoredPartition = recovered.restoredPartition();
    restoredEdges = recovered.restoredEdges();
    snapshotBytes = recovered.snapshotBytes();
    journal = recovered.journal();
    if (recovered.erasurePending()) {
      // An erasure was journaled but its compaction did not finish: finish it now.
      compactLocked();
    }
    report = new RecoveryReport(recovered.fromSnapshot(), recovered.replayed(),
        state.touchpoints.size(), state.ruleCount(), recovered.damage(),
        Duration.ofNanos(System.nanoTime() - started));
    for (RecoveryReport.Damage d : recovered.damage()) {
      LOG.log(System.Logger.Level.WARNING, "journal recovery in " + directory + ": " + d);
    }
  }

  // ---------------------------------------------------------------- changes

  @Override
  public Resolution resolve(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    // As the in-memory resolver does with its own lock (ResolveGate): alone, read under the
    // journal's lock; else read while the others work, then wait for it. The in-memory lock
    // below is then never contended: every resolve holds this one first.
    if (resolveGate.tryAlone()) {
      try {
        return resolveHoldingLock(touchpoint, null);
      } finally {
        lock.unlock();
      }
    }
    ReadAhead read;
    resolveGate.startReadingAhead();
    try {
      read = delegate.readAhead(touchpoint);
    } finally {
      resolveGate.stopReadingAhead();
    }
    try {
      resolveGate.lock();
      try {
        return resolveHoldingLock(touchpoint, read);
      } finally {
        lock.unlock();
      }
    } finally {
      if (read != null) {
        read.release();
      }
    }
  }

  /**
   * What a resolve reads off {@code touchpoint} with no lock held ({@link ReadAhead}); the caller
   * gives it to {@link #resolve(Touchpoint, ReadAhead)} and releases it. Null when the resolver
   * reads under its lock (tests only).
   */
  ReadAhead readAhead(Touchpoint touchpoint) {
    return delegate.readAhead(touchpoint);
  }

  /** Whether {@link #readAhead} scores a touchpoint's candidates (see {@link ResolveGate}). */
  boolean scoresAhead() {
    return delegate.scoresAhead();
  }

  /** {@link #resolve(Touchpoint)} with what {@link #readAhead} read, or reading under the lock. */
  Resolution resolve(Touchpoint touchpoint, ReadAhead read) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    resolveGate.lock();
    try {
      return resolveHoldingLock(touchpoint, read);
    } finally {
      lock.unlock();
    }
  }

  private Resolution resolveHoldingLock(Touchpoint touchpoint, ReadAhead read) {
    try {
      requireWritable();
      Resolution resolution = delegate.resolve(touchpoint, read);
      if (resolution.outcome() != Resolution.Outcome.DUPLICATE) {
        state.add(touchpoint);
        appendOne(o -> JournalCodec.touchpoint(o, touchpoint));
        commit(1);
      }
      gate.deliver();
      return resolution;
    } finally {
      gate.buffered.clear();
    }
  }

  @Override
  public BatchResult resolveAll(Collection<Touchpoint> touchpoints) {
    Objects.requireNonNull(touchpoints, "touchpoints");
    lock.lock();
    try {
      requireWritable();
      Set<String> seen = new HashSet<>(touchpoints.size() * 2);
      List<Touchpoint> fresh = new ArrayList<>();
      boolean repeated = false;
      for (Touchpoint t : touchpoints) {
        if (t != null) {
          repeated |= !seen.add(t.id());
          if (!state.contains(t.id())) {
            fresh.add(t);
          }
        }
      }
      BatchResult result = repeated ? oneByOne(touchpoints) : delegate.resolveAll(touchpoints);
      if (!repeated) {
        // Each id appears once: a fresh touchpoint now known was accepted with this content.
        out.clear();
        List<Touchpoint> accepted = new ArrayList<>(fresh.size());
        for (Touchpoint t : fresh) {
          if (delegate.profileIdOf(t.id()).isPresent()) {
            accepted.add(t);
          }
        }
        int count = 0;
        if (!accepted.isEmpty()) {
          // Replayed as one batch, so that the batch hands out the same profile ids again.
          int start = out.beginFrame();
          JournalCodec.batch(out, accepted.size());
          out.endFrame(start);
          count++;
        }
        for (Touchpoint t : accepted) {
          int start = out.beginFrame();
          JournalCodec.touchpoint(out, t);
          out.endFrame(start);
          state.add(t);
          count++;
          if (out.size >= JournalFiles.WRITE_CHUNK) {
            write(count);
            commitLater(count);
            count = 0;
            out.clear();
          }
        }
        write(count);
        commitLater(count);
        commit(0);
      }
      gate.deliver();
      return result;
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  /** A batch that names an id twice: resolved in order, as the batch path would. */
  private BatchResult oneByOne(Collection<Touchpoint> touchpoints) {
    List<Problem> problems = new ArrayList<>();
    List<ProfileEvent> events = new ArrayList<>();
    int accepted = 0;
    int duplicates = 0;
    int rejected = 0;
    int position = 0;
    for (Touchpoint t : touchpoints) {
      if (t == null) {
        problems.add(new Problem("#" + position, "touchpoints[" + position + "]",
            Reason.MISSING_FIELD, "is null"));
        rejected++;
      } else {
        try {
          Resolution r = delegate.resolve(t);
          if (r.outcome() == Resolution.Outcome.DUPLICATE) {
            duplicates++;
          } else {
            accepted++;
            problems.addAll(r.problems());
            events.addAll(r.events());
            state.add(t);
            appendOne(o -> JournalCodec.touchpoint(o, t));
            commitLater(1);
          }
        } catch (OmniIdException e) {
          problems.add(Problem.of(t.id(), e));
          rejected++;
        }
      }
      position++;
    }
    commit(0);
    return new BatchResult(accepted, duplicates, rejected, problems, events);
  }

  @Override
  public List<ProfileEvent> remove(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.lock();
    try {
      requireWritable();
      if (!state.contains(touchpointId)) {
        return List.of();
      }
      List<ProfileEvent> events = delegate.remove(touchpointId);
      state.remove(touchpointId);
      appendOne(o -> JournalCodec.remove(o, touchpointId));
      commit(1);
      gate.deliver();
      return events;
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  @Override
  public List<ProfileEvent> neverLink(String touchpointId, String otherTouchpointId) {
    lock.lock();
    try {
      requireWritable();
      List<ProfileEvent> events = delegate.neverLink(touchpointId, otherTouchpointId);
      if (state.addRule(touchpointId, otherTouchpointId)) {
        appendOne(o -> JournalCodec.pair(o, JournalCodec.NEVER_LINK, touchpointId,
            otherTouchpointId));
        commit(1);
      }
      gate.deliver();
      return events;
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  @Override
  public List<ProfileEvent> allowLink(String touchpointId, String otherTouchpointId) {
    lock.lock();
    try {
      requireWritable();
      List<ProfileEvent> events = delegate.allowLink(touchpointId, otherTouchpointId);
      if (state.removeRule(touchpointId, otherTouchpointId)) {
        appendOne(o -> JournalCodec.pair(o, JournalCodec.ALLOW_LINK, touchpointId,
            otherTouchpointId));
        commit(1);
      }
      gate.deliver();
      return events;
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  @Override
  public List<ProfileId> split(ProfileId profileId, Set<String> touchpointIds) {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(touchpointIds, "touchpointIds");
    lock.lock();
    try {
      requireWritable();
      List<String> members = delegate.profile(profileId).map(Profile::touchpointIds)
          .orElse(List.of());
      List<ProfileId> result = delegate.split(profileId, touchpointIds);
      List<String> side = new ArrayList<>(new TreeSet<>(touchpointIds));
      List<String> rest = new ArrayList<>();
      for (String id : new TreeSet<>(members)) {
        if (!touchpointIds.contains(id)) {
          rest.add(id);
        }
      }
      for (String a : side) {
        for (String b : rest) {
          state.addRule(a, b);
        }
      }
      appendOne(o -> JournalCodec.split(o, side, rest));
      commit(1);
      gate.deliver();
      return result;
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  @Override
  public List<String> forget(IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    lock.lock();
    try {
      requireWritable();
      return forgetLocked(delegate.carriersOf(type, rawValue));
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  @Override
  public List<String> forget(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.lock();
    try {
      requireWritable();
      List<String> ids = delegate.profile(profileId)
          .map(p -> List.copyOf(new TreeSet<>(p.touchpointIds()))).orElse(List.of());
      return forgetLocked(ids);
    } finally {
      gate.buffered.clear();
      lock.unlock();
    }
  }

  /**
   * Removes the touchpoints, journals the erasure and forces it, then compacts, so that no file
   * keeps their bytes. Compacts even when nothing is live to remove: an earlier removal of a
   * carrier left its bytes in the journal's history.
   */
  private List<String> forgetLocked(List<String> ids) {
    // One change in memory, as on replay: removing them one by one could move profile ids.
    delegate.erase(ids);
    for (String id : ids) {
      state.remove(id);
    }
    try {
      if (!ids.isEmpty()) {
        out.clear();
        int start = out.beginFrame();
        JournalCodec.ids(out, JournalCodec.FORGET, ids);
        out.endFrame(start);
        journal.write(out, 1);
        force();
      }
      compactLocked();
    } catch (IOException e) {
      throw fail(e);
    }
    gate.deliver();
    return ids;
  }

  // ---------------------------------------------------------------- journal

  private void requireWritable() {
    if (closed) {
      throw new IllegalStateException("the journal is closed");
    }
    if (failure != null) {
      throw new IllegalStateException("the journal failed to write; build a resolver on its "
          + "directory again to recover what is on disk", failure);
    }
  }

  private UncheckedIOException fail(IOException e) {
    failure = e;
    LOG.log(System.Logger.Level.ERROR, "journal write failed in " + directory
        + "; the resolver refuses further changes", e);
    return new UncheckedIOException("journal write failed in " + directory, e);
  }

  /** Writes one record, encoded into a fresh frame of {@link #out}; the caller commits it. */
  private void appendOne(java.util.function.Consumer<JournalCodec.Out> encode) {
    out.clear();
    int start = out.beginFrame();
    encode.accept(out);
    out.endFrame(start);
    write(1);
  }

  /** Writes the frames in {@link #out}. */
  private void write(int records) {
    if (records == 0) {
      return;
    }
    try {
      journal.write(out, records);
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Counts records written for the group-commit policy without forcing yet. */
  private void commitLater(int records) {
    pending += records;
  }

  /** Applies the durability policy to the records written, then compacts if the journal is big. */
  private void commit(int records) {
    pending += records;
    try {
      if (pending > 0) {
        switch (durability.mode()) {
          case SYNC_EACH_WRITE -> {
            force();
            pending = 0;
          }
          case GROUP_COMMIT -> {
            if (pending >= durability.maxRecords()) {
              force();
              pending = 0;
            } else if (!flushScheduled) {
              flushScheduled = true;
              flusher.schedule(this::flushTick, durability.maxDelay().toNanos(),
                  TimeUnit.NANOSECONDS);
            }
          }
          case NONE -> pending = 0;
        }
      }
      if (journal.size - JournalFiles.HEADER > Math.max(compactionThreshold, snapshotBytes)) {
        compactLocked();
      }
    } catch (IOException e) {
      throw fail(e);
    }
  }

  /** Forces the journal; counted for the tests of the durability policies. */
  private void force() throws IOException {
    journal.force();
    forces++;
  }

  private void flushTick() {
    lock.lock();
    try {
      flushScheduled = false;
      if (pending > 0 && !closed && failure == null) {
        force();
        pending = 0;
      }
    } catch (IOException e) {
      fail(e);
    } finally {
      lock.unlock();
    }
  }

  private void compactLocked() throws IOException {
    long next = generation + 1;
    long bytes = JournalFiles.writeSnapshot(directory, next, state, delegate.idAnchors(),
        delegate.settled(state.touchpoints.keySet(), snapshotEdges), fingerprint, key);
    JournalFiles.Appender fresh = JournalFiles.Appender.create(directory, next, key);
    JournalFiles.Appender old = journal;
    journal = fresh;
    old.close();
    Files.deleteIfExists(directory.resolve(JournalFiles.journalName(generation)));
    Files.deleteIfExists(directory.resolve(JournalFiles.snapshotName(generation)));
    JournalFiles.syncDirectory(directory);
    generation = next;
    snapshotBytes = bytes;
    pending = 0;
  }

  /** Whether recovery restored the snapshot's profiles instead of clustering its touchpoints. */
  boolean restoredPartition() {
    return restoredPartition;
  }

  /** Whether recovery installed the snapshot's scored edges instead of scoring its touchpoints. */
  boolean restoredEdges() {
    return restoredEdges;
  }

  /** The in-memory resolver it journals (for the graph's invariant checks). */
  InMemoryResolver inMemory() {
    return delegate;
  }

  @Override
  public Optional<Journal> journal() {
    return Optional.of(this);
  }

  @Override
  public Path directory() {
    return directory;
  }

  @Override
  public Durability durability() {
    return durability;
  }

  @Override
  public RecoveryReport recoveryReport() {
    return report;
  }

  @Override
  public void sync() {
    lock.lock();
    try {
      requireWritable();
      force();
      pending = 0;
    } catch (IOException e) {
      throw fail(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void compact() {
    lock.lock();
    try {
      requireWritable();
      compactLocked();
    } catch (IOException e) {
      throw fail(e);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public long sizeInBytes() {
    lock.lock();
    try {
      return snapshotBytes + (journal == null ? 0 : journal.size);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      if (flusher != null) {
        flusher.shutdownNow();
      }
      try {
        if (failure == null) {
          force();
        }
      } finally {
        releaseQuietly();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("journal force on close failed in " + directory, e);
    } finally {
      lock.unlock();
    }
  }

  private void releaseQuietly() {
    try {
      if (journal != null) {
        journal.close();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "closing the journal failed", e);
    }
    try {
      if (fileLock != null) {
        fileLock.release();
      }
      if (lockChannel != null) {
        lockChannel.close();
      }
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "releasing the journal lock failed", e);
    }
    if (flusher != null) {
      flusher.shutdownNow();
    }
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<Profile> profile(ProfileId profileId) {
    return delegate.profile(profileId);
  }

  @Override
  public Optional<Profile> profileOfTouchpoint(String touchpointId) {
    return delegate.profileOfTouchpoint(touchpointId);
  }

  @Override
  public Optional<ProfileId> profileIdOf(String touchpointId) {
    return delegate.profileIdOf(touchpointId);
  }

  @Override
  public ProfileCounts profileCounts() {
    return delegate.profileCounts();
  }

  @Override
  public Optional<Touchpoint> touchpoint(String touchpointId) {
    return delegate.touchpoint(touchpointId);
  }

  @Override
  public List<Profile> findProfiles(IdentifierType type, String rawValue) {
    return delegate.findProfiles(type, rawValue);
  }

  @Override
  public Stream<Profile> profiles() {
    return delegate.profiles();
  }

  @Override
  public int profileCount() {
    return delegate.profileCount();
  }

  @Override
  public int touchpointCount() {
    return delegate.touchpointCount();
  }

  @Override
  public List<GenericValue> genericValues() {
    return delegate.genericValues();
  }

  @Override
  public PairExplanation why(String touchpointId, String otherTouchpointId) {
    return delegate.why(touchpointId, otherTouchpointId);
  }

  @Override
  public List<Relation> related(ProfileId profileId) {
    return delegate.related(profileId);
  }

  /**
   * The one listener of the in-memory resolver: holds each change's events until its record is
   * written, then hands them to the builder's listeners; silent during recovery.
   */
  static final class Gate implements ProfileListener {
    final List<ProfileListener> listeners;
    final List<ProfileEvent> buffered = new ArrayList<>();
    boolean muted;

    Gate(List<ProfileListener> listeners) {
      this.listeners = listeners;
    }

    @Override
    public void onEvent(ProfileEvent event) {
      if (!muted && !listeners.isEmpty()) {
        buffered.add(event);
      }
    }

    void deliver() {
      for (ProfileEvent event : buffered) {
        for (ProfileListener listener : listeners) {
          try {
            listener.onEvent(event);
          } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "profile listener "
                + listener.getClass().getName() + " failed on " + event.kind(), e);
          }
        }
      }
      buffered.clear();
    }
  }
}
