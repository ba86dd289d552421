package dev.omniid.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Two builds of OmniID compared in one process: each benchmarks jar is loaded by class loaders of
 * its own and warms graphs of its own ({@link ResolveBenchmark}'s workload; two per build unless
 * asked, built in the order first, second, second, first, and again), and all of them then resolve
 * the same fresh touchpoints in turn on one thread, round after round, timed in that thread's CPU
 * time. Printed: per round the ratio of the second build's rates to the first's (geometric mean
 * over each build's graphs), and its median over the last two thirds of the rounds.
 *
 * <p>Why: on a machine shared with other builds, runs taken one after the other differed by a
 * third with the same jar, and even two runs at once, one pinned to each core, by a few per cent
 * in either direction, as each core's neighbours came and went. Rounds a few milliseconds apart on
 * one thread see the same machine. With one graph per build, a build against itself still gave
 * ratios of 0.97 and 1.07: the order of the rounds and the place of each graph in the heap move a
 * rate by several per cent, which the mirrored orders cancel; with six graphs each
 * (deterministic) it gave 0.994, with four each (fuzzy) 0.996.
 *
 * <p>Run: {@code java -XX:+UseParallelGC -Xms17g -Xmx17g -cp benchmarks/target/benchmarks.jar
 * dev.omniid.benchmarks.AlternatingProbe fuzzy 30 before.jar after.jar 4} ({@code deterministic}
 * for the core defaults; the jars are {@code benchmarks/target/benchmarks.jar} of the two builds,
 * copied aside; the last argument is the graphs per build, even, 2 by default). All graphs share
 * the heap: a fuzzy one of 1 M holds about 1.3 GB. {@code fuzzy-cold} resolves twenty slices of
 * returning customers in turn, as {@code CpuTimeProbe resolve-fuzzy-cold} does, each build's graphs
 * with caches of their own (a class loader each), and prints the median ratio per visit of a slice.
 */
public final class AlternatingProbe {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private AlternatingProbe() {}

  /** One build's graph: its own classes, its own warm graph and fresh touchpoints. */
  private static final class Build {
    private final Object resolver;
    private final List<?> fresh;
    private final Method resolve;
    private final Method remove;
    private final Method id;
    private final Method profileId;
    private long checksum;

    Build(Path jar, boolean fuzzy, int warm, int slices)
        throws ReflectiveOperationException, IOException {
      // The platform loader as parent: this jar's own classes must not shadow the build's.
      ClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()},
          ClassLoader.getPlatformClassLoader());
      Class<?> workloadClass = loader.loadClass(Workload.class.getName());
      Constructor<?> make = workloadClass.getDeclaredConstructor(int.class, int.class, long.class);
      make.setAccessible(true);
      // The helpers are this jar's: a build's own Workload may predate them.
      Object workload = make.newInstance(Workload.generated(warm, slices),
          Workload.held(slices), 42L);
      Class<?> resolverClass = loader.loadClass("dev.omniid.core.IdentityResolver");
      Object builder = fuzzy
          ? loader.loadClass("dev.omniid.matching.OmniId").getMethod("resolverBuilder").invoke(null)
          : resolverClass.getMethod("newBuilder").invoke(null);
      resolver = builder.getClass().getMethod("build").invoke(builder);
      resolverClass.getMethod("resolveAll", Collection.class)
          .invoke(resolver, field(workloadClass, "warm").get(workload));
      fresh = (List<?>) field(workloadClass, "fresh").get(workload);
      Class<?> touchpoint = loader.loadClass("dev.omniid.core.Touchpoint");
      resolve = resolverClass.getMethod("resolve", touchpoint);
      remove = resolverClass.getMethod("remove", String.class);
      id = touchpoint.getMethod("id");
      profileId = loader.loadClass("dev.omniid.core.Resolution").getMethod("profileId");
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
      Field f = type.getDeclaredField(name);
      f.setAccessible(true);
      return f;
    }

    /**
     * Resolves the fresh touchpoints of round {@code r}'s slice (timed), then removes them (not
     * timed): per s of CPU.
     */
    double round(int r, int slices) throws ReflectiveOperationException {
      List<?> slice = Workload.slice(fresh, r, slices);
      long start = THREADS.getCurrentThreadCpuTime();
      for (Object t : slice) {
        checksum += profileId.invoke(resolve.invoke(resolver, t)).hashCode();
      }
      long end = THREADS.getCurrentThreadCpuTime();
      for (Object t : slice) {
        remove.invoke(resolver, id.invoke(t));
      }
      return slice.size() / ((end - start) / 1e9);
    }
  }

  /**
   * Runs the comparison.
   *
   * @param args {@code fuzzy|fuzzy-cold|deterministic ROUNDS FIRST.jar SECOND.jar [COPIES]};
   *     {@code fuzzy-cold} resolves twenty slices of fresh touchpoints in turn, as {@code
   *     CpuTimeProbe resolve-fuzzy-cold} does, and prints the median ratio of each visit
   * @throws Exception when a jar cannot be loaded or is not a benchmarks jar of this project
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 4 || args.length > 5
        || !List.of("fuzzy", "fuzzy-cold", "deterministic").contains(args[0])) {
      throw new IllegalArgumentException("usage: AlternatingProbe fuzzy|fuzzy-cold|deterministic"
          + " ROUNDS FIRST.jar SECOND.jar [COPIES]");
    }
    boolean fuzzy = !args[0].equals("deterministic");
    int slices = args[0].equals("fuzzy-cold") ? 20 : 1;
    int rounds = Integer.parseInt(args[1]);
    if (rounds < 6) {
      throw new IllegalArgumentException("ROUNDS: at least 6, so that each order has rounds to compare");
    }
    int copies = args.length == 5 ? Integer.parseInt(args[4]) : 2;
    if (copies < 2 || copies % 2 != 0) {
      throw new IllegalArgumentException("COPIES: an even number of graphs per build, at least 2");
    }
    // Built in the order first, second, second, first, and again: where a graph lies in the heap,
    // and how the compiler happened to compile one loader's copy of the classes, moved a build's
    // CPU time by several per cent (a build against itself); the mirrored order cancels what grows
    // or falls with the place, and more copies average what is left.
    Build[] builds = new Build[2 * copies];
    boolean[] second = new boolean[builds.length];
    for (int i = 0; i < builds.length; i++) {
      second[i] = i % 4 == 1 || i % 4 == 2;
      builds[i] = new Build(Path.of(args[second[i] ? 3 : 2]), fuzzy, 1_000_000, slices);
    }
    List<Double> ratios = new ArrayList<>();
    Map<Integer, List<Double>> byVisit = new TreeMap<>();
    for (int r = 0; r < rounds; r++) {
      double[] perSecond = new double[builds.length];
      // Each round runs every graph in turn, backwards in every other round: a round's place in
      // the sequence (after the previous one's removals) moved its rate by about 5 %.
      for (int k = 0; k < builds.length; k++) {
        int i = r % 2 == 0 ? k : builds.length - 1 - k;
        perSecond[i] = builds[i].round(r, slices);
      }
      double logRatio = 0;
      StringBuilder rates = new StringBuilder();
      for (int i = 0; i < builds.length; i++) {
        logRatio += second[i] ? Math.log(perSecond[i]) : -Math.log(perSecond[i]);
        rates.append(String.format(" %.0f", perSecond[i]));
      }
      double ratio = Math.exp(logRatio / copies);
      System.out.printf("round %d%s:%s per s, second/first %.3f%n", r, Workload.visit(r, slices),
          rates, ratio);
      if (slices > 1) {
        byVisit.computeIfAbsent(r / slices + 1, v -> new ArrayList<>()).add(ratio);
      } else if (r >= rounds / 3) {
        ratios.add(ratio);
      }
    }
    StringBuilder checksums = new StringBuilder();
    for (Build b : builds) {
      checksums.append(' ').append(b.checksum);
    }
    if (slices > 1) {
      byVisit.forEach((visit, those) -> System.out.printf(
          "second/first, median of the %d rounds of visit %d: %.3f%n", those.size(), visit,
          median(those)));
      System.out.printf("(checksums%s)%n", checksums);
    } else {
      System.out.printf("second/first, median of the last %d rounds: %.3f (checksums%s)%n",
          ratios.size(), median(ratios), checksums);
    }
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
