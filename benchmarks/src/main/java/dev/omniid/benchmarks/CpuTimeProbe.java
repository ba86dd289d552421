package dev.omniid.benchmarks;

import dev.omniid.core.Durability;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Journal;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import dev.omniid.matching.OmniId;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * The work of {@link ResolveBenchmark} (deterministic against {@code baselineLimit} and
 * {@code baselineFromTouchpoints}) and of
 * {@link RecoveryBenchmark} (restart from a snapshot), timed in the calling thread's CPU time.
 *
 * <p>Why beside JMH: on a machine shared by many builds a thread waits for a core most of the
 * time, so wall-clock throughput (what JMH reports) measures the queue, not the code; CPU time
 * still measures the code (cache misses included, GC threads excluded). Use JMH on a quiet
 * machine, this on a busy one, and compare ratios from one process either way.
 *
 * <p>Run: {@code java -Xmx4g -cp benchmarks/target/benchmarks.jar dev.omniid.benchmarks.CpuTimeProbe
 * resolve 1000000 15} and {@code ... CpuTimeProbe restart 1000000 3 DIR} (DIR is written once,
 * then reused: compare builds each on a DIR it wrote, since a snapshot written before snapshots
 * stored their partition is clustered again on every restart).
 */
public final class CpuTimeProbe {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private CpuTimeProbe() {}

  /**
   * Runs a probe.
   *
   * @param args {@code resolve WARM ROUNDS}, {@code resolve-fuzzy WARM ROUNDS},
   *     {@code resolve-fuzzy-cold WARM ROUNDS}, {@code restart SIZE ROUNDS DIR} (core defaults) or
   *     {@code restart-fuzzy SIZE ROUNDS DIR} (the {@code OmniId} defaults: a restart installs the
   *     snapshot's scored edges, or scores a snapshot an earlier build wrote)
   * @throws IOException when the journal directory cannot be written or read
   */
  public static void main(String[] args) throws IOException {
    int size = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    if (args[0].equals("resolve")) {
      resolve(size, rounds);
    } else if (args[0].equals("resolve-fuzzy")) {
      resolveFuzzy(size, rounds, 1);
    } else if (args[0].equals("resolve-fuzzy-cold")) {
      resolveFuzzy(size, rounds, 20);
    } else if (args[0].equals("restart-fuzzy")) {
      restart(size, rounds, Path.of(args[3]), () -> OmniId.resolverBuilder().toResolverBuilder());
    } else {
      restart(size, rounds, Path.of(args[3]), IdentityResolver::newBuilder);
    }
  }

  private static void resolve(int warm, int rounds) {
    Workload workload = new Workload(warm, ResolveBenchmark.BATCH, 42);
    IdentityResolver resolver = IdentityResolver.newBuilder().build();
    resolver.resolveAll(workload.warm);
    BaselineLimit baseline = new BaselineLimit();
    for (Touchpoint t : workload.warm) {
      baseline.add(Workload.keys(t));
    }
    int mark = baseline.size();
    BaselineLimit normalizing = new BaselineLimit();
    for (Touchpoint t : workload.warm) {
      normalizing.add(t);
    }
    int normalizingMark = normalizing.size();
    List<Touchpoint> fresh = workload.fresh;
    String[][] keys = new String[fresh.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = Workload.keys(fresh.get(i));
    }
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long a0 = THREADS.getCurrentThreadAllocatedBytes();
      for (Touchpoint t : fresh) {
        sink += resolver.resolve(t).profileId().hashCode();
      }
      long c1 = THREADS.getCurrentThreadCpuTime();
      long a1 = THREADS.getCurrentThreadAllocatedBytes();
      for (Touchpoint t : fresh) {
        resolver.remove(t.id());
      }
      long c2 = THREADS.getCurrentThreadCpuTime();
      for (String[] k : keys) {
        sink += baseline.add(k);
      }
      long c3 = THREADS.getCurrentThreadCpuTime();
      baseline.rollback(mark, keys);
      long c4 = THREADS.getCurrentThreadCpuTime();
      for (Touchpoint t : fresh) {
        sink += normalizing.add(t);
      }
      long c5 = THREADS.getCurrentThreadCpuTime();
      normalizing.rollback(normalizingMark, fresh);
      double deterministic = fresh.size() / ((c1 - c0) / 1e9);
      double limit = fresh.size() / ((c3 - c2) / 1e9);
      double fromTouchpoints = fresh.size() / ((c5 - c4) / 1e9);
      System.out.printf("round %d: deterministic %.0f/s, baselineLimit %.0f/s (CPU time), ratio %.3f,"
          + " baselineFromTouchpoints %.0f/s, ratio %.3f, %d B allocated per resolve%n", r,
          deterministic, limit, deterministic / limit, fromTouchpoints,
          deterministic / fromTouchpoints, (a1 - a0) / fresh.size());
    }
    System.out.println("(checksum " + sink + ")");
  }

  /**
   * {@code ResolveBenchmark.fuzzy}'s work: returning customers against a warm scored graph, the
   * same fresh touchpoints every round ({@code slices} 1), so that from the second round on every
   * value they normalize is in the normalizers' caches.
   *
   * <p>With {@code slices} above 1 ({@code resolve-fuzzy-cold}: 20), rounds resolve that many
   * slices of returning customers' touchpoints in turn, each printed with its visit, as customers
   * who come back days later are in a service: the first visit of a slice meets values last
   * normalized in the warm-up, a million look-ups before; by its third, the caches' admission
   * policy has kept most of them. The graph then holds all {@code warm} touchpoints.
   */
  private static void resolveFuzzy(int warm, int rounds, int slices) {
    Workload workload =
        new Workload(Workload.generated(warm, slices), Workload.held(slices), 42);
    IdentityResolver resolver = OmniId.resolverBuilder().build();
    resolver.resolveAll(workload.warm);
    long sink = 0;
    for (int r = 0; r < rounds; r++) {
      List<Touchpoint> fresh = Workload.slice(workload.fresh, r, slices);
      long c0 = THREADS.getCurrentThreadCpuTime();
      long a0 = THREADS.getCurrentThreadAllocatedBytes();
      for (Touchpoint t : fresh) {
        sink += resolver.resolve(t).profileId().hashCode();
      }
      long c1 = THREADS.getCurrentThreadCpuTime();
      long a1 = THREADS.getCurrentThreadAllocatedBytes();
      for (Touchpoint t : fresh) {
        resolver.remove(t.id());
      }
      System.out.printf("round %d%s: fuzzy %.0f/s (CPU time), %d B allocated per resolve%n", r,
          Workload.visit(r, slices), fresh.size() / ((c1 - c0) / 1e9), (a1 - a0) / fresh.size());
    }
    System.out.println("(checksum " + sink + ")");
  }

  private static void restart(int size, int rounds, Path directory,
      Supplier<ResolverBuilder> config) throws IOException {
    if (!Files.exists(directory.resolve("written"))) {
      Files.createDirectories(directory);
      List<Touchpoint> touchpoints = OmniChannelGenerator.newBuilder().people(Math.max(1, size / 5))
          .seed(11).build().stream().map(GeneratedTouchpoint::touchpoint).limit(size).toList();
      IdentityResolver resolver = builder(config, directory).build();
      resolver.resolveAll(touchpoints);
      Journal journal = resolver.journal().orElseThrow();
      journal.compact();
      journal.close();
      Files.createFile(directory.resolve("written"));
    }
    for (int r = 0; r < rounds; r++) {
      long c0 = THREADS.getCurrentThreadCpuTime();
      long n0 = System.nanoTime();
      IdentityResolver resolver = builder(config, directory).build();
      long c1 = THREADS.getCurrentThreadCpuTime();
      long n1 = System.nanoTime();
      System.out.printf("restart %d: %d touchpoints, %d profiles, %.0f ms CPU time, %.0f ms wall%n",
          r, resolver.touchpointCount(), resolver.profileCount(), (c1 - c0) / 1e6, (n1 - n0) / 1e6);
      resolver.journal().orElseThrow().close();
    }
  }

  private static ResolverBuilder builder(Supplier<ResolverBuilder> config, Path directory) {
    return config.get().journal(directory, Durability.none())
        .journalCompactionThreshold(Long.MAX_VALUE);
  }
}
