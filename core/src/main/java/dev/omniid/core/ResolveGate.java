package dev.omniid.core;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;

/**
 * How a single resolve takes its resolver's write lock while other threads resolve too: the
 * in-memory resolver's lock, or the journaled resolver's, which a durable service's threads all
 * wait for. Both resolvers follow the same three steps with it ({@link InMemoryResolver#resolve}):
 *
 * <ol>
 *   <li>{@link #tryAlone}: the lock free and no other resolve waiting or reading ahead, the resolve
 *       takes it and reads its touchpoint under it, so that a thread resolving alone pays nothing
 *       for reading ahead (it cost a deterministic resolve 4 % in {@code AlternatingProbe});
 *   <li>else it reads its touchpoint with no lock held ({@link ReadAhead}: normalizing, and with
 *       a match model finding and scoring its candidates, about half a fuzzy resolve) between
 *       {@link #startReadingAhead} and {@link #stopReadingAhead};
 *   <li>then {@link #lock}: a while trying, then parked.
 * </ol>
 *
 * <p>A resolve reading ahead is counted only when reading ahead is long (with a match model):
 * that resolve is about to want the lock, and taking the free lock meanwhile for a whole resolve
 * read under it made it wait for all of it. Without one, reading ahead is short and the lock soon
 * free again: counting it cost two atomic writes on a shared counter for nothing.
 */
final class ResolveGate {
  /**
   * Iterations of {@link #lock}'s wait before it parks: some tens of microseconds. None on one
   * processor, where the holder cannot run while the waiter spins.
   */
  private static final int SPINS = Runtime.getRuntime().availableProcessors() > 1 ? 1_000 : 0;

  private final Lock lock;
  private final boolean countsReadingAhead;
  /** Resolves waiting in {@link #lock}: while one waits, a new resolve reads ahead. */
  private final AtomicInteger waiting = new AtomicInteger();
  /** Resolves reading ahead, when counted: while one does, a new resolve reads ahead too. */
  private final AtomicInteger readingAhead = new AtomicInteger();

  /**
   * @param lock the resolver's write lock
   * @param countsReadingAhead whether a resolve reading ahead keeps others from reading under the
   *     lock (true with a match model)
   */
  ResolveGate(Lock lock, boolean countsReadingAhead) {
    this.lock = lock;
    this.countsReadingAhead = countsReadingAhead;
  }

  /**
   * Takes the lock when it is free and no other resolve waits for it or reads ahead (counted);
   * true when taken, and the caller then reads its touchpoint under it.
   */
  boolean tryAlone() {
    return waiting.get() == 0 && (!countsReadingAhead || readingAhead.get() == 0)
        && lock.tryLock();
  }

  /** Before a resolve reads its touchpoint with no lock held; then {@link #stopReadingAhead}. */
  void startReadingAhead() {
    if (countsReadingAhead) {
      readingAhead.incrementAndGet();
    }
  }

  /** After the reading {@link #startReadingAhead} announced, whether it ended or threw. */
  void stopReadingAhead() {
    if (countsReadingAhead) {
      readingAhead.decrementAndGet();
    }
  }

  /** Resolves waiting in {@link #lock} now (for tests). */
  int waiting() {
    return waiting.get();
  }

  /**
   * Takes the lock for one resolve, trying a while before it parks. A resolve holds the lock for
   * microseconds; parking and waking a thread costs about as much (a futex call each way and a
   * reschedule), so threads resolving at once spent more time handing the lock over than holding
   * it: two threads resolved fewer touchpoints a second than one ({@code ConcurrentProbe}).
   */
  void lock() {
    if (lock.tryLock()) {
      return;
    }
    waiting.incrementAndGet();
    try {
      for (int i = 0; i < SPINS; i++) {
        if (lock.tryLock()) {
          return;
        }
        Thread.onSpinWait();
      }
      lock.lock();
    } finally {
      waiting.decrementAndGet();
    }
  }
}
