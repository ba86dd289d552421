package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/** When a resolve reads its touchpoint under the lock, and when it reads ahead and waits. */
class ResolveGateTest {

  /** Whether {@code gate.tryAlone()} answers true on another thread (locks are reentrant). */
  private static boolean aloneElsewhere(ResolveGate gate, Lock lock) throws Exception {
    return CompletableFuture.supplyAsync(() -> {
      boolean alone = gate.tryAlone();
      if (alone) {
        lock.unlock();
      }
      return alone;
    }).get(10, TimeUnit.SECONDS);
  }

  @Test
  void aResolveAloneTakesTheFreeLockAndNoneTakesItFromTheHolder() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    ResolveGate gate = new ResolveGate(lock, true);
    assertTrue(gate.tryAlone());
    assertTrue(lock.isHeldByCurrentThread());
    assertFalse(aloneElsewhere(gate, lock));
    lock.unlock();
    assertTrue(aloneElsewhere(gate, lock));
  }

  @Test
  void aCountedReadingKeepsOthersFromReadingUnderTheFreeLockUntilItStops() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    ResolveGate gate = new ResolveGate(lock, true);
    gate.startReadingAhead();
    gate.startReadingAhead();
    assertFalse(aloneElsewhere(gate, lock));
    gate.stopReadingAhead();
    assertFalse(aloneElsewhere(gate, lock), "one is still reading");
    gate.stopReadingAhead();
    assertTrue(aloneElsewhere(gate, lock));
  }

  @Test
  void aReadingNotCountedLeavesTheLockToWhoeverComes() throws Exception {
    ReentrantLock lock = new ReentrantLock();
    ResolveGate gate = new ResolveGate(lock, false);
    gate.startReadingAhead();
    assertTrue(aloneElsewhere(gate, lock));
    gate.stopReadingAhead();
    assertTrue(aloneElsewhere(gate, lock));
  }

  /**
   * A resolve waiting in {@code lock()} keeps a new one from reading under the lock even when the
   * lock would let it in: the new one reads ahead instead, while the waiter takes its turn. The
   * lock here lets one thread in whenever it asks, the others only once opened.
   */
  @Test
  void aWaiterKeepsOthersFromReadingUnderTheLockAndTakesItOnceOpen() throws Exception {
    GatedLock lock = new GatedLock(Thread.currentThread());
    ResolveGate gate = new ResolveGate(lock, false);
    CompletableFuture<Void> waiter = CompletableFuture.runAsync(gate::lock);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (gate.waiting() == 0 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertEquals(1, gate.waiting());
    assertFalse(gate.tryAlone(), "the lock lets this thread in, but a resolve waits");
    lock.open();
    waiter.get(10, TimeUnit.SECONDS);
    assertEquals(1, lock.taken, "the waiter holds it");
    assertEquals(0, gate.waiting());
    assertTrue(gate.tryAlone());
  }

  /** A lock that refuses everyone but one thread until opened; counts what it granted. */
  private static final class GatedLock implements Lock {
    private final Thread privileged;
    private final Object monitor = new Object();
    private boolean open;
    volatile int taken;

    GatedLock(Thread privileged) {
      this.privileged = privileged;
    }

    void open() {
      synchronized (monitor) {
        open = true;
        monitor.notifyAll();
      }
    }

    @Override
    public boolean tryLock() {
      synchronized (monitor) {
        if (Thread.currentThread() == privileged) {
          return true;
        }
        if (open) {
          taken++;
        }
        return open;
      }
    }

    @Override
    public void lock() {
      synchronized (monitor) {
        while (!open) {
          try {
            monitor.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        taken++;
      }
    }

    @Override
    public void lockInterruptibly() {
      lock();
    }

    @Override
    public boolean tryLock(long time, TimeUnit unit) {
      return tryLock();
    }

    @Override
    public void unlock() {}

    @Override
    public Condition newCondition() {
      throw new UnsupportedOperationException();
    }
  }
}
