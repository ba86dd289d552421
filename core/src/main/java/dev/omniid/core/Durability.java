package dev.omniid.core;

import java.time.Duration;
import java.util.Objects;

/**
 * When a journaled resolver forces its records to the storage device: the trade between the
 * latency of a change and what a crash can lose. Set with
 * {@link ResolverBuilder#journal(java.nio.file.Path, Durability)}. Immutable.
 *
 * <p>Every policy writes each record to the operating system (one {@code write} call) before the
 * change returns, so a record outlives the <em>process</em> (an exception, {@code kill -9}, an
 * out-of-memory error) under every policy. The policies differ in what outlives the
 * <em>machine</em> (a power loss, a kernel panic):
 * <table>
 *   <caption>Guarantees</caption>
 *   <tr><th>policy</th><th>a change that returned survives a power loss</th></tr>
 *   <tr><td>{@link #syncEachWrite()}</td><td>always: the journal is forced
 *       ({@code fdatasync}) before the call returns</td></tr>
 *   <tr><td>{@link #groupCommit(Duration, int) groupCommit(d, n)}</td><td>once forced, which
 *       happens at most {@code d} after it returned, or at once when {@code n} records are
 *       waiting, whichever comes first: a power loss loses at most the changes of the last
 *       {@code d} and fewer than {@code n} of them</td></tr>
 *   <tr><td>{@link #none()}</td><td>only after {@link Journal#sync()}, {@link Journal#compact()}
 *       or {@link Journal#close()}; otherwise whenever the operating system writes its cache
 *       back</td></tr>
 * </table>
 * Snapshots are always forced before they replace the journal, whatever the policy, and
 * {@link IdentityResolver#forget erasure} always forces before it returns.
 *
 * @param mode which policy
 * @param maxDelay for {@link Mode#GROUP_COMMIT}, the longest a returned change waits to be
 *     forced; {@link Duration#ZERO} for the other modes
 * @param maxRecords for {@link Mode#GROUP_COMMIT}, the number of waiting records that forces at
 *     once; 1 for {@link Mode#SYNC_EACH_WRITE}, 0 for {@link Mode#NONE}
 */
public record Durability(Mode mode, Duration maxDelay, int maxRecords) {

  /** The policies. */
  public enum Mode {
    /** Force before each change returns. */
    SYNC_EACH_WRITE,
    /** Force within a delay or a number of records. */
    GROUP_COMMIT,
    /** Leave forcing to the operating system. */
    NONE
  }

  /**
   * Checks that the delay and the record count fit the mode; the factories {@link #syncEachWrite()},
   * {@link #groupCommit(Duration, int)} and {@link #none()} always do.
   *
   * @param mode which policy, not null
   * @param maxDelay positive for {@link Mode#GROUP_COMMIT}, {@link Duration#ZERO} for the others
   * @param maxRecords at least 1 for {@link Mode#GROUP_COMMIT}, exactly 1 for
   *     {@link Mode#SYNC_EACH_WRITE}, 0 for {@link Mode#NONE}
   * @throws NullPointerException if {@code mode} or {@code maxDelay} is null
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} if the delay or the
   *     count does not fit the mode
   */
  public Durability {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(maxDelay, "maxDelay");
    switch (mode) {
      case SYNC_EACH_WRITE -> {
        if (!maxDelay.isZero() || maxRecords != 1) {
          throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxDelay, maxRecords",
              "must be 0 and 1 for SYNC_EACH_WRITE");
        }
      }
      case GROUP_COMMIT -> {
        if (maxDelay.isNegative() || maxDelay.isZero()) {
          throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxDelay",
              "must be positive for GROUP_COMMIT");
        }
        if (maxRecords < 1) {
          throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxRecords",
              "must be >= 1 for GROUP_COMMIT");
        }
      }
      case NONE -> {
        if (!maxDelay.isZero() || maxRecords != 0) {
          throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maxDelay, maxRecords",
              "must both be 0 for NONE");
        }
      }
    }
  }

  /**
   * Forces the journal before every change returns: nothing that returned is ever lost.
   *
   * @return the policy {@code (SYNC_EACH_WRITE, 0, 1)}: the safest and the slowest, one
   *     {@code fdatasync} per change
   */
  public static Durability syncEachWrite() {
    return new Durability(Mode.SYNC_EACH_WRITE, Duration.ZERO, 1);
  }

  /**
   * Forces the journal at most {@code maxDelay} after a change returned, or as soon as
   * {@code maxRecords} records wait, sharing one force among them.
   *
   * @param maxDelay the longest a returned change waits to be forced; positive, not null
   * @param maxRecords how many waiting records force at once; at least 1
   * @return the policy {@code (GROUP_COMMIT, maxDelay, maxRecords)}
   * @throws NullPointerException if {@code maxDelay} is null
   * @throws OmniIdException ({@code INVALID_VALUE}) if {@code maxDelay} is not positive or
   *     {@code maxRecords} is below 1
   */
  public static Durability groupCommit(Duration maxDelay, int maxRecords) {
    return new Durability(Mode.GROUP_COMMIT, Objects.requireNonNull(maxDelay, "maxDelay"),
        maxRecords);
  }

  /**
   * Never forces on its own: records survive the process, not the machine, until forced.
   *
   * @return the policy {@code (NONE, 0, 0)}: the fastest; a power loss may lose every change
   *     since the last {@link Journal#sync()}, {@link Journal#compact()} or
   *     {@link Journal#close()}
   */
  public static Durability none() {
    return new Durability(Mode.NONE, Duration.ZERO, 0);
  }
}
