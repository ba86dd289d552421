package dev.omniid.benchmarks;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.ProfileCounts;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import dev.omniid.matching.OmniId;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * {@code resolveAll} of a generated file, exact (core defaults) or fuzzy ({@code OmniId}
 * defaults), timed in wall time, the process's CPU time (every thread: the batch prepares
 * touchpoints on the common pool) and the calling thread's CPU time, with the collectors' pauses
 * within the wall time (a batch builds a graph that survives, which each young collection
 * copies), the retained heap per touchpoint in bytes and in objects (touchpoint objects
 * excluded, as {@link BatchBenchmark} counts it) and a checksum of every touchpoint's profile id
 * in input order: equal checksums before and after a change say the partition and its ids did
 * not move.
 *
 * <p>Why beside {@link BatchBenchmark}: one process per size and mode, a figure per round, and
 * CPU time, which still measures the code on a machine shared with other builds.
 *
 * <p>Run: {@code java -Xmx8g -cp benchmarks/target/benchmarks.jar dev.omniid.benchmarks.BatchProbe
 * exact 1000000 3} ({@code MODE SIZE ROUNDS}; MODE {@code exact} or {@code fuzzy}).
 */
public final class BatchProbe {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private BatchProbe() {}

  /**
   * Runs the probe.
   *
   * @param args {@code MODE SIZE ROUNDS}: {@code exact} or {@code fuzzy}, touchpoints, rounds
   */
  public static void main(String[] args) {
    String mode = args[0];
    int size = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    if (!mode.equals("exact") && !mode.equals("fuzzy")) {
      throw new IllegalArgumentException("MODE is exact or fuzzy, not " + mode);
    }
    List<Touchpoint> touchpoints = OmniChannelGenerator.newBuilder().people(Math.max(1, size / 5))
        .seed(11).build().stream().map(GeneratedTouchpoint::touchpoint).limit(size).toList();
    for (int r = 0; r < rounds; r++) {
      BatchBenchmark.settledHeap();
      long without = BatchBenchmark.settledHeap();
      long objectsWithout = liveObjects();
      long[] gc0 = collections();
      long wall0 = System.nanoTime();
      long cpu0 = OS.getProcessCpuTime();
      long thread0 = THREADS.getCurrentThreadCpuTime();
      IdentityResolver resolver = (mode.equals("exact") ? IdentityResolver.newBuilder()
          : OmniId.resolverBuilder().toResolverBuilder()).build();
      resolver.resolveAll(touchpoints);
      long thread1 = THREADS.getCurrentThreadCpuTime();
      long cpu1 = OS.getProcessCpuTime();
      long wall1 = System.nanoTime();
      long[] gc1 = collections();
      long with = BatchBenchmark.settledHeap();
      long objectsWith = liveObjects();
      long checksum = 0;
      for (Touchpoint t : touchpoints) {
        checksum = 31 * checksum + resolver.profileIdOf(t.id()).orElseThrow().hashCode();
      }
      System.out.printf("%s %d round %d: %,d profiles; wall %.0f ms (collector %d ms in %d"
              + " collections), process CPU %.0f ms, caller CPU %.0f ms; %.0f B and %.2f objects"
              + " of heap per touchpoint; checksum %d%n", mode, touchpoints.size(), r,
          resolver.profileCount(), (wall1 - wall0) / 1e6, gc1[0] - gc0[0], gc1[1] - gc0[1],
          (cpu1 - cpu0) / 1e6, (thread1 - thread0) / 1e6,
          (with - without) / (double) touchpoints.size(),
          (objectsWith - objectsWithout) / (double) touchpoints.size(), checksum);
      // The summary a CLI prints at the end: every component clustered again for its evidence.
      // Three times, the first while the collector may still be busy with the batch's garbage.
      for (int c = 0; c < 3; c++) {
        long countsWall0 = System.nanoTime();
        long countsCpu0 = OS.getProcessCpuTime();
        ProfileCounts counts = resolver.profileCounts();
        System.out.printf("  profileCounts: wall %.0f ms, process CPU %.0f ms; %s%n",
            (System.nanoTime() - countsWall0) / 1e6, (OS.getProcessCpuTime() - countsCpu0) / 1e6,
            counts);
      }
      resolver = null;
    }
  }

  /**
   * The number of live objects in the heap, from the JVM's class histogram (which collects
   * first): what a collector's marking visits and a young collection copies, object by object,
   * whatever their size. The first rounds of a fuzzy run also count what the value caches keep.
   */
  static long liveObjects() {
    try {
      String histogram = (String) ManagementFactory.getPlatformMBeanServer().invoke(
          new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"),
          "gcClassHistogram", new Object[] {new String[0]},
          new String[] {String[].class.getName()});
      // The last line: "Total <instances> <bytes>".
      String[] lines = histogram.strip().split("\\R");
      String[] total = lines[lines.length - 1].trim().split("\\s+");
      return Long.parseLong(total[1]);
    } catch (javax.management.JMException e) {
      throw new IllegalStateException("no class histogram from this JVM", e);
    }
  }

  /**
   * The collectors' time so far in ms and their number of collections, summed over the
   * collectors the JVM reports: with G1 its pauses (young, mixed and full), without its
   * concurrent marking, which runs beside the application on a core of its own.
   */
  static long[] collections() {
    long time = 0;
    long count = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      time += Math.max(0, gc.getCollectionTime());
      count += Math.max(0, gc.getCollectionCount());
    }
    return new long[] {time, count};
  }
}
