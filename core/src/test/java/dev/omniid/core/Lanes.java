package dev.omniid.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Threads working through positions {@code 0 .. count - 1} at once, thread {@code k} taking the
 * positions {@code k}, {@code k + threads}, ...: the concurrency tests' way of resolving one file
 * from several threads. All start together; a failure on any thread fails the caller.
 */
final class Lanes {
  private Lanes() {}

  /**
   * Runs {@code action} on every position, in lanes, and waits for all.
   *
   * @throws Exception the first failure of a thread, or a timeout after {@code timeoutSeconds}
   */
  static void run(int threads, int count, long timeoutSeconds, IntConsumer action)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> lanes = new ArrayList<>();
      for (int k = 0; k < threads; k++) {
        int lane = k;
        lanes.add(pool.submit(() -> {
          start.await();
          for (int i = lane; i < count; i += threads) {
            action.accept(i);
          }
          return null;
        }));
      }
      for (Future<?> lane : lanes) {
        lane.get(timeoutSeconds, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
