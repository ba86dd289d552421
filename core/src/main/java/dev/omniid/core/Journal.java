package dev.omniid.core;

import java.nio.file.Path;

/**
 * The durable journal behind a resolver built with
 * {@link ResolverBuilder#journal(Path, Durability)}: reached through
 * {@link IdentityResolver#journal()}.
 *
 * <p>The resolver appends every accepted change to the journal before the change returns (see
 * {@link Durability} for when it is forced), and rebuilds its state from the journal's directory
 * when it is built again. A snapshot of the live touchpoints and never-link rules replaces the
 * history from time to time (see {@link #compact()}), so the time to rebuild depends on what is
 * live, not on how long the history is.
 *
 * <p>Changes are applied in memory, then journaled, under one lock: a reader on another thread may
 * see a change a moment before its record is written, and a change that then fails to be written
 * stays visible in memory while the resolver refuses further changes. Listeners hear a change only
 * after its record is written.
 *
 * <p>Thread-safe. One directory belongs to one resolver at a time: building a second one on a
 * directory in use fails.
 */
public interface Journal extends AutoCloseable {

  /**
   * The journal's directory.
   *
   * @return the directory given to {@link ResolverBuilder#journal(Path, Durability)}, as given
   */
  Path directory();

  /**
   * The durability policy the journal follows.
   *
   * @return the policy given when the resolver was built
   */
  Durability durability();

  /**
   * What recovery found when the resolver was built.
   *
   * @return the report of the rebuild from the directory: what was read, and what was damaged and
   *     left out; an empty report for a new directory
   */
  RecoveryReport recoveryReport();

  /**
   * Forces every record written so far to the storage device: after it returns, every change
   * that returned before it survives a power loss, under any policy.
   *
   * @throws java.io.UncheckedIOException if the device reports an error (the resolver then refuses
   *     further changes)
   */
  void sync();

  /**
   * Writes a snapshot of the live touchpoints and never-link rules, and deletes the history it
   * replaces. The snapshot is written to a temporary file, forced, and renamed over atomically,
   * so a crash at any moment leaves either the old files or the new ones. Changes wait while it
   * runs. The resolver also compacts on its own when the journal grows past
   * {@link ResolverBuilder#journalCompactionThreshold(long)}.
   *
   * @throws java.io.UncheckedIOException if the files cannot be written (the resolver then refuses
   *     further changes)
   */
  void compact();

  /**
   * The bytes in the journal's files: the latest snapshot and the journal after it.
   *
   * @return the total size in bytes of the files the journal holds now, {@code >= 0}; it drops
   *     after {@link #compact()}
   */
  long sizeInBytes();

  /**
   * Forces the journal and closes its files. The resolver keeps answering reads; changes then
   * fail with {@link IllegalStateException}. Closing twice does nothing.
   *
   * @throws java.io.UncheckedIOException if the final force fails
   */
  @Override
  void close();
}
