package dev.omniid.benchmarks;

import dev.omniid.core.AccountResolver;
import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * {@link ResolveBenchmark}'s work resolved by several threads at once, as a service resolves its
 * requests: the same fresh touchpoints, split among 1 and then {@code THREADS} threads (the order
 * reversed every other round), each round against the same warm graph (the fresh ones are
 * removed after it, untimed). Prints each round's wall-clock rates and the speedup of the
 * threads over one, and the median speedup of the last half of the rounds. On a machine of two
 * cores two threads can at best double the rate; how near they come is how much of a resolve
 * runs outside the resolver's write lock.
 *
 * <p>It uses the public API only, so the same class measures another build: put a jar of this
 * class alone before that build's benchmarks jar on the class path.
 *
 * <p>Run: {@code java -Xmx12g -cp benchmarks/target/benchmarks.jar
 * dev.omniid.benchmarks.ConcurrentProbe fuzzy 1000000 12 2} (or {@code deterministic}, either
 * with {@code -journaled}, or {@code fuzzy-accounts}).
 */
public final class ConcurrentProbe {
  private ConcurrentProbe() {}

  /**
   * Runs the probe.
   *
   * @param args {@code deterministic|fuzzy WARM ROUNDS THREADS}; {@code deterministic-journaled}
   *     or {@code fuzzy-journaled} for a resolver that journals every change (to a temporary
   *     directory, removed at the end); {@code fuzzy-accounts} for {@code OmniId}'s
   *     {@link AccountResolver}
   * @throws Exception when a resolving thread fails
   */
  public static void main(String[] args) throws Exception {
    boolean fuzzy = args[0].startsWith("fuzzy");
    int warm = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int threads = Integer.parseInt(args[3]);
    Workload workload = new Workload(warm, ResolveBenchmark.BATCH, 42);
    ResolverBuilder builder = fuzzy ? OmniId.resolverBuilder().toResolverBuilder()
        : IdentityResolver.newBuilder();
    Path journal = null;
    if (args[0].endsWith("-journaled")) {
      // A durable service's resolver: every change appended to a journal before it returns
      // (forced by the operating system), never compacted during the rounds.
      journal = Files.createTempDirectory("omniid-concurrent-probe");
      builder.journal(journal, Durability.none()).journalCompactionThreshold(Long.MAX_VALUE);
    }
    Target resolver;
    IdentityResolver journaled = null;
    if (args[0].equals("fuzzy-accounts")) {
      // Accounts and contacts: the touchpoints name no organisation, so each one's contact part
      // is resolved by the persons side, under the account resolver's own lock.
      AccountResolver accounts = OmniId.accountResolverBuilder().build();
      accounts.resolveAll(workload.warm);
      resolver = new Target(accounts::resolve, accounts::remove);
    } else {
      IdentityResolver built = builder.build();
      built.resolveAll(workload.warm);
      resolver = new Target(built::resolve, built::remove);
      journaled = journal == null ? null : built;
    }
    List<Touchpoint> fresh = workload.fresh;
    double[] speedups = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      int[] order = r % 2 == 0 ? new int[] {1, threads} : new int[] {threads, 1};
      double[] rate = new double[threads + 1];
      for (int t : order) {
        rate[t] = fresh.size() / (timed(resolver, fresh, t) / 1e9);
        for (Touchpoint touchpoint : fresh) {
          resolver.remove().accept(touchpoint.id());
        }
      }
      speedups[r] = rate[threads] / rate[1];
      System.out.printf("round %d: %s 1 thread %.0f/s, %d threads %.0f/s (wall clock),"
          + " speedup %.3f%n", r, args[0], rate[1], threads, rate[threads], speedups[r]);
    }
    double[] last = Arrays.copyOfRange(speedups, rounds / 2, rounds);
    Arrays.sort(last);
    System.out.printf("median speedup of the last %d rounds: %.3f%n", last.length,
        last[last.length / 2]);
    if (journal != null) {
      journaled.journal().orElseThrow().close();
      try (Stream<Path> files = Files.walk(journal)) {
        files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  /** What the probe resolves with: an identity resolver's or an account resolver's methods. */
  private record Target(Consumer<Touchpoint> resolve, Consumer<String> remove) {}

  /** Nanoseconds for {@code threads} threads to resolve every fresh touchpoint, lane by lane. */
  private static long timed(Target resolver, List<Touchpoint> fresh, int threads)
      throws Exception {
    CyclicBarrier start = new CyclicBarrier(threads + 1);
    CyclicBarrier end = new CyclicBarrier(threads + 1);
    List<Thread> started = new ArrayList<>();
    Throwable[] failed = new Throwable[1];
    for (int k = 0; k < threads; k++) {
      int lane = k;
      Thread thread = new Thread(() -> {
        try {
          start.await();
          for (int i = lane; i < fresh.size(); i += threads) {
            resolver.resolve().accept(fresh.get(i));
          }
          end.await();
        } catch (Exception e) {
          failed[0] = e;
        }
      });
      thread.start();
      started.add(thread);
    }
    start.await();
    long t0 = System.nanoTime();
    end.await();
    long t1 = System.nanoTime();
    for (Thread thread : started) {
      thread.join();
    }
    if (failed[0] != null) {
      throw new IllegalStateException("a resolving thread failed", failed[0]);
    }
    return t1 - t0;
  }
}
