package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several threads resolving, removing, keeping apart, splitting and reading one resolver at once
 * (issue 6, "Concurrency under load"). At the end: no deadlock (a watchdog dumps the threads), no
 * exception but the documented ones, every snapshot read was whole, and the partition is the one a
 * fresh resolver computes in one batch from the surviving touchpoints and never-link rules.
 *
 * <p>Each thread owns one lane of the workload ({@link StressWorkload}): it alone resolves,
 * removes and sets rules on its touchpoints, so it knows exactly which of them are live and which
 * rules hold, while its touchpoints share values with the other lanes' and meet them in the same
 * components. What a thread knows exactly is checked in every snapshot it reads, whoever else is
 * writing: its live touchpoints are there, its removed ones are not, no profile holds both ends
 * of one of its rules.
 *
 * <p>Sizes: {@code -Domniid.stress.touchpoints} (60,000 unless set),
 * {@code -Domniid.stress.operations} (200,000, or twice the touchpoints if more),
 * {@code -Domniid.stress.threads} (4), {@code -Domniid.stress.seed}. The million-touchpoint run:
 * <pre>
 * mvn -B -pl core test -Dtest=ConcurrencyStressTest#mixedOperations -Domniid.stress.touchpoints=1000000
 * </pre>
 * took 9 minutes on a shared 2-core VM under load (4 threads, 2 M operations in 415 s, the batch
 * comparison 59 s, about 5 GB of heap); the default run, 200,000 operations, about 15 s.
 */
class ConcurrencyStressTest {
  private static final int TOUCHPOINTS = Integer.getInteger("omniid.stress.touchpoints", 60_000);
  private static final int OPERATIONS = Integer.getInteger("omniid.stress.operations",
      Math.max(200_000, 2 * TOUCHPOINTS));
  private static final int THREADS = Integer.getInteger("omniid.stress.threads", 4);
  private static final long SEED = Long.getLong("omniid.stress.seed", 0x57E55L);
  /** The watchdog: far above the run's time, which it only bounds. */
  private static final long TIMEOUT_SECONDS = Long.getLong("omniid.stress.timeoutSeconds",
      Math.max(300, TOUCHPOINTS / 400));

  static IdentityResolver newResolver(List<ProfileListener> listeners) {
    return builder(listeners).build();
  }

  static ResolverBuilder builder(List<ProfileListener> listeners) {
    ResolverBuilder b = IdentityResolver.newBuilder()
        .matchModel(RandomTouchpoints.model())
        .blockingKey(RandomTouchpoints.BY_FAMILY)
        .maxBlockSize(16)
        .junkValues(IdentifierType.EMAIL, "test@test.com"::equals);
    listeners.forEach(b::listener);
    return b;
  }

  @Test
  void mixedOperations() throws Exception {
    IdentityResolver resolver = newResolver(List.of());
    Run run = new Run(resolver, StressWorkload.generate(SEED, TOUCHPOINTS, THREADS), OPERATIONS);
    run.execute();
    run.assertEqualsBatch();
  }

  /**
   * The journaled resolver under the same load (its own lock around the in-memory one's): the same
   * checks, and a resolver rebuilt from the journal afterwards holds the same partition.
   */
  @Test
  void journaledResolverUnderLoad(@TempDir Path directory) throws Exception {
    IdentityResolver resolver = builder(List.of()).journal(directory, Durability.none()).build();
    Run run = new Run(resolver, StressWorkload.generate(SEED + 2, Math.min(TOUCHPOINTS, 8_000),
        THREADS), Math.min(OPERATIONS, 20_000));
    Set<Set<String>> before;
    try {
      run.execute();
      run.assertEqualsBatch();
      before = Run.partition(resolver);
    } finally {
      resolver.journal().orElseThrow().close();
    }
    IdentityResolver reopened = builder(List.of()).journal(directory, Durability.none()).build();
    try {
      assertEquals(before, Run.partition(reopened), "seed=" + SEED + ": rebuilt from the journal");
    } finally {
      reopened.journal().orElseThrow().close();
    }
  }

  /**
   * Listeners that read from the resolver while other threads write: they are called by the
   * thread that made the change, while no other change can happen, and see its result whole.
   */
  @Test
  void listenersReadWhileOtherThreadsWrite() throws Exception {
    listenersRead(listeners -> builder(listeners).build(), Math.min(TOUCHPOINTS, 15_000),
        Math.min(OPERATIONS, 30_000));
  }

  /**
   * The same with a journal: listeners hear a change once it is journaled, under the journal's
   * lock (no other change can happen) but not under the read-write lock, so readers on other
   * threads run beside them.
   */
  @Test
  void listenersOfAJournaledResolverReadWhileOtherThreadsWrite(@TempDir Path directory)
      throws Exception {
    List<IdentityResolver> built = new ArrayList<>();
    try {
      listenersRead(listeners -> {
        IdentityResolver r = builder(listeners).journal(directory, Durability.none()).build();
        built.add(r);
        return r;
      }, Math.min(TOUCHPOINTS, 4_000), Math.min(OPERATIONS, 10_000));
    } finally {
      built.forEach(r -> r.journal().orElseThrow().close());
    }
  }

  private static void listenersRead(
      java.util.function.Function<List<ProfileListener>, IdentityResolver> factory,
      int touchpoints, int operations) throws Exception {
    AtomicReference<IdentityResolver> ref = new AtomicReference<>();
    AtomicLong heard = new AtomicLong();
    ConcurrentLinkedQueue<String> wrong = new ConcurrentLinkedQueue<>();
    ProfileListener reader = event -> {
      heard.incrementAndGet();
      IdentityResolver r = ref.get();
      if (!Run.WRITING.get()) {
        wrong.add("listener called outside a change, on " + Thread.currentThread().getName());
      }
      java.util.Optional<Profile> p = r.profile(event.profileId());
      if (event.kind() == ProfileEvent.Kind.DELETED) {
        if (p.isPresent()) {
          wrong.add("deleted " + event.profileId() + " still resolves to " + p.get().id());
        }
        return;
      }
      if (p.isEmpty()) {
        wrong.add(event.kind() + " " + event.profileId() + " does not resolve");
        return;
      }
      Set<String> members = new HashSet<>(p.get().touchpointIds());
      if (event.kind() == ProfileEvent.Kind.CREATED || event.kind() == ProfileEvent.Kind.ATTACHED) {
        for (String id : event.touchpointIds()) {
          // Another event of the same change may have moved it on: check against its profile.
          if (!members.contains(id) && r.profileOfTouchpoint(id).isEmpty()) {
            wrong.add(event.kind() + " " + id + " is in no profile");
          }
        }
      }
      if (r.touchpointCount() < members.size()) {
        wrong.add("a profile larger than the resolver");
      }
    };
    ProfileListener second = event -> ref.get().profileCount();
    IdentityResolver resolver = factory.apply(List.of(reader, second));
    ref.set(resolver);
    Run run = new Run(resolver, StressWorkload.generate(SEED + 1, touchpoints, THREADS),
        operations);
    run.execute();
    assertTrue(wrong.isEmpty(), wrong.size() + " wrong reads, e.g. "
        + wrong.stream().limit(5).toList());
    assertTrue(heard.get() > 0, "no event heard");
    run.assertEqualsBatch();
  }

  /** One stress run: the lanes, their threads, and the final comparison. */
  static final class Run {
    /** Set around every change a lane makes, so a listener can tell who calls it. */
    static final ThreadLocal<Boolean> WRITING = ThreadLocal.withInitial(() -> false);

    final IdentityResolver resolver;
    final StressWorkload workload;
    final int operations;
    final List<Lane> lanes = new ArrayList<>();
    final AtomicInteger unknownReferences = new AtomicInteger();
    long millis;

    Run(IdentityResolver resolver, StressWorkload workload, int operations) {
      this.resolver = resolver;
      this.workload = workload;
      this.operations = operations;
      for (int i = 0; i < workload.lanes.size(); i++) {
        lanes.add(new Lane(this, i, new Random(SEED * 31 + i)));
      }
    }

    void execute() throws Exception {
      int threads = lanes.size();
      CyclicBarrier start = new CyclicBarrier(threads);
      AtomicInteger names = new AtomicInteger();
      ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
        Thread t = new Thread(task, "stress-lane-" + names.getAndIncrement());
        t.setDaemon(true);
        return t;
      });
      long begin = System.nanoTime();
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (Lane lane : lanes) {
          futures.add(pool.submit(() -> {
            start.await();
            lane.work(operations / threads);
            return null;
          }));
        }
        long deadline = begin + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        for (Future<?> f : futures) {
          try {
            f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
          } catch (TimeoutException e) {
            fail("seed=" + SEED + ": not done after " + TIMEOUT_SECONDS + " s, deadlock?\n"
                + threadDump());
          } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError("seed=" + SEED + ": a lane failed", e.getCause());
          }
        }
      } finally {
        pool.shutdownNow();
      }
      millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin);
      long resolves = lanes.stream().mapToLong(l -> l.resolved).sum();
      System.out.printf(java.util.Locale.ROOT,
          "stress: %d threads, %d operations (%d touchpoints resolved, %d reads, %d removals,"
              + " %d rules, %d splits, %d unknown references) over %d touchpoints in %d ms;"
              + " %d live in %d profiles, the largest of %d%n",
          threads, lanes.stream().mapToLong(l -> l.operations).sum(), resolves,
          lanes.stream().mapToLong(l -> l.reads).sum(),
          lanes.stream().mapToLong(l -> l.removals).sum(),
          lanes.stream().mapToLong(l -> l.ruleCount).sum(),
          lanes.stream().mapToLong(l -> l.splits).sum(), unknownReferences.get(),
          workload.size, millis, resolver.touchpointCount(), resolver.profileCount(),
          resolver.profiles().mapToInt(Profile::size).max().orElse(0));
    }

    /** The partition equals a fresh batch resolution of what survives, and reads agree with it. */
    void assertEqualsBatch() {
      List<Touchpoint> live = new ArrayList<>();
      Set<List<String>> rules = new HashSet<>();
      for (Lane lane : lanes) {
        live.addAll(lane.live.values());
        rules.addAll(lane.rules);
      }
      Set<Set<String>> actual = partition(resolver);
      Set<String> seen = new HashSet<>();
      for (Set<String> profile : actual) {
        for (String id : profile) {
          assertTrue(seen.add(id), "seed=" + SEED + ": " + id + " is in two profiles");
        }
      }
      assertEquals(live.stream().map(Touchpoint::id).collect(Collectors.toSet()), seen,
          "seed=" + SEED + ": the touchpoints in profiles are not the live ones");
      assertEquals(live.size(), resolver.touchpointCount(), "seed=" + SEED);
      assertEquals(actual.size(), resolver.profileCount(), "seed=" + SEED);

      long begin = System.nanoTime();
      IdentityResolver batch = newResolver(List.of());
      BatchResult result = batch.resolveAll(live);
      assertEquals(live.size(), result.accepted(), "seed=" + SEED);
      for (List<String> rule : rules) {
        batch.neverLink(rule.get(0), rule.get(1));
      }
      Set<Set<String>> expected = partition(batch);
      System.out.printf(java.util.Locale.ROOT,
          "stress: batch of %d touchpoints and %d rules in %d ms%n", live.size(), rules.size(),
          TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - begin));
      if (!expected.equals(actual)) {
        Set<Set<String>> missing = new HashSet<>(expected);
        missing.removeAll(actual);
        Set<Set<String>> extra = new HashSet<>(actual);
        extra.removeAll(expected);
        fail("seed=" + SEED + ": the partition differs from the batch: " + missing.size()
            + " batch profiles missing, e.g. " + missing.stream().limit(3).toList() + "; "
            + extra.size() + " profiles not in the batch, e.g. "
            + extra.stream().limit(3).toList());
      }
    }

    static Set<Set<String>> partition(IdentityResolver resolver) {
      return resolver.profiles().map(p -> (Set<String>) new HashSet<>(p.touchpointIds()))
          .collect(Collectors.toCollection(HashSet::new));
    }

    private static String threadDump() {
      StringBuilder s = new StringBuilder();
      // java.lang.management is not read by the module under test: stacks and states only.
      Thread.getAllStackTraces().forEach((thread, stack) -> {
        s.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
        for (StackTraceElement frame : stack) {
          s.append("    at ").append(frame).append('\n');
        }
      });
      return s.toString();
    }
  }

  /** One thread's share of the work, and what it knows exactly. */
  static final class Lane {
    final Run run;
    final int index;
    final Random random;
    final IdentityResolver resolver;
    final int laneCount;
    final List<Touchpoint> waiting;
    final Map<String, Touchpoint> live = new HashMap<>();
    final List<String> liveIds = new ArrayList<>();
    final Map<String, Integer> livePosition = new HashMap<>();
    final Set<List<String>> rules = new HashSet<>();
    final Map<String, Set<String>> partners = new HashMap<>();
    final List<Touchpoint> refused;
    final List<List<String>> isolated;
    final List<ProfileId> seenProfiles = new ArrayList<>();
    final Map<String, String> emailOf = new HashMap<>();
    long operations;
    long resolved;
    long reads;
    long removals;
    long ruleCount;
    long splits;

    Lane(Run run, int index, Random random) {
      this.run = run;
      this.index = index;
      this.random = random;
      this.resolver = run.resolver;
      this.laneCount = run.workload.lanes.size();
      StressWorkload.LaneData data = run.workload.lanes.get(index);
      this.waiting = new ArrayList<>(data.touchpoints);
      Collections.shuffle(waiting, random);
      this.refused = data.refused;
      this.isolated = data.isolated;
      for (Touchpoint t : data.touchpoints) {
        t.identifiers().stream().filter(i -> i.type().equals(IdentifierType.EMAIL))
            .filter(i -> !i.value().equals("test@test.com")).findFirst()
            .ifPresent(i -> emailOf.put(t.id(), i.raw()));
      }
    }

    void work(int budget) {
      int fullReadsAt1 = budget / 3;
      int fullReadsAt2 = 2 * budget / 3;
      for (int step = 0; step < budget; step++) {
        operations++;
        String context = "seed=" + SEED + " lane=" + index + " step=" + step;
        try {
          if (step == fullReadsAt1 || step == fullReadsAt2) {
            checkAllProfiles(context);
            continue;
          }
          // An operation that cannot run now (nothing waiting, no rule to drop...) is a read.
          int op = random.nextInt(100);
          if (op < 30) {
            if (!waiting.isEmpty()) {
            resolveOne(context);
            } else {
              read(context);
            }
          } else if (op < 36 && !waiting.isEmpty()) {
            resolveBatch(context);
          } else if (op >= 36 && op < 42 && !live.isEmpty()) {
            removeOne(context);
          } else if (op >= 42 && op < 47 && live.size() >= 2) {
            keepApart(context);
          } else if (op >= 47 && op < 50 && !rules.isEmpty()) {
            allowOne(context);
          } else if (op >= 50 && op < 52 && !isolated.isEmpty()) {
            splitIsolated(context);
          } else if (op == 52 && !live.isEmpty()) {
            Touchpoint t = live.get(liveIds.get(random.nextInt(liveIds.size())));
            Resolution again = write(() -> resolver.resolve(t));
            assertEquals(Resolution.Outcome.DUPLICATE, again.outcome(), context);
          } else if (op == 53 && !refused.isEmpty()) {
            Touchpoint bad = refused.get(random.nextInt(refused.size()));
            OmniIdException e = org.junit.jupiter.api.Assertions.assertThrows(
                OmniIdException.class, () -> write(() -> resolver.resolve(bad)), context);
            assertEquals(OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES, e.reason(), context);
            assertTrue(resolver.profileOfTouchpoint(bad.id()).isEmpty(), context);
          } else {
            read(context);
          }
        } catch (AssertionError e) {
          throw e;
        } catch (RuntimeException e) {
          throw new AssertionError(context + ": unexpected " + e, e);
        }
      }
    }


    private <T> T write(java.util.function.Supplier<T> change) {
      Run.WRITING.set(true);
      try {
        return change.get();
      } finally {
        Run.WRITING.set(false);
      }
    }

    private void resolveOne(String context) {
      Touchpoint t = waiting.remove(waiting.size() - 1);
      Resolution r = write(() -> resolver.resolve(t));
      assertTrue(r.outcome() != Resolution.Outcome.DUPLICATE, context + " " + t.id());
      for (Problem p : r.problems()) {
        assertEquals(OmniIdException.Reason.INVALID_VALUE, p.reason(), context + " " + p);
      }
      addLive(t);
      resolved++;
      remember(r.profileId());
      Profile p = resolver.profileOfTouchpoint(t.id()).orElseThrow(
          () -> new AssertionError(context + ": " + t.id() + " resolved but in no profile"));
      checkSnapshot(p, context);
    }

    private void resolveBatch(String context) {
      int n = 1 + random.nextInt(Math.min(40, waiting.size()));
      List<Touchpoint> batch = new ArrayList<>(waiting.subList(waiting.size() - n, waiting.size()));
      waiting.subList(waiting.size() - n, waiting.size()).clear();
      int duplicates = 0;
      int rejected = 0;
      if (!live.isEmpty() && random.nextBoolean()) {
        batch.add(live.get(liveIds.get(random.nextInt(liveIds.size()))));
        duplicates++;
      }
      if (!refused.isEmpty() && random.nextInt(4) == 0) {
        batch.add(refused.get(random.nextInt(refused.size())));
        rejected++;
      }
      Collections.shuffle(batch, random);
      BatchResult result = write(() -> resolver.resolveAll(batch));
      assertEquals(List.of(n, duplicates, rejected),
          List.of(result.accepted(), result.duplicates(), result.rejected()), context);
      for (Touchpoint t : batch) {
        if (!t.id().endsWith(".bad") && !live.containsKey(t.id())) {
          addLive(t);
        }
      }
      resolved += n;
      for (Touchpoint t : batch) {
        if (!t.id().endsWith(".bad")) {
          assertTrue(resolver.profileIdOf(t.id()).isPresent(), context + " " + t.id());
        }
      }
    }

    private void removeOne(String context) {
      String id = liveIds.get(random.nextInt(liveIds.size()));
      List<ProfileEvent> events = write(() -> resolver.remove(id));
      assertTrue(events.stream().anyMatch(e -> e.touchpointIds().contains(id)),
          context + ": removing " + id + " reported " + events);
      Touchpoint t = dropLive(id);
      for (String partner : partners.getOrDefault(id, Set.of())) {
        rules.remove(pair(id, partner));
        partners.get(partner).remove(id);
      }
      partners.remove(id);
      if (random.nextBoolean()) {
        waiting.add(random.nextInt(waiting.size() + 1), t);
      }
      removals++;
      assertTrue(resolver.profileOfTouchpoint(id).isEmpty(), context + ": " + id + " removed");
      assertTrue(write(() -> resolver.remove(id)).isEmpty(), context + ": removed twice");
    }

    /** A rule between two of the lane's touchpoints, preferably in one profile. */
    private void keepApart(String context) {
      String a = liveIds.get(random.nextInt(liveIds.size()));
      Profile p = resolver.profileOfTouchpoint(a).orElseThrow();
      List<String> mine = p.touchpointIds().stream()
          .filter(id -> !id.equals(a) && live.containsKey(id)).toList();
      String b = !mine.isEmpty() ? mine.get(random.nextInt(mine.size()))
          : liveIds.get(random.nextInt(liveIds.size()));
      if (a.equals(b)) {
        OmniIdException e = org.junit.jupiter.api.Assertions.assertThrows(OmniIdException.class,
            () -> write(() -> resolver.neverLink(a, a)), context);
        assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason(), context);
        return;
      }
      write(() -> resolver.neverLink(a, b));
      addRule(a, b);
      Profile after = resolver.profileOfTouchpoint(a).orElseThrow();
      assertFalse(after.touchpointIds().contains(b), context + ": " + a + " kept apart from " + b);
      checkSnapshot(after, context);
    }

    private void allowOne(String context) {
      List<String> rule = rules.iterator().next();
      write(() -> resolver.allowLink(rule.get(1), rule.get(0)));
      rules.remove(rule);
      partners.get(rule.get(0)).remove(rule.get(1));
      partners.get(rule.get(1)).remove(rule.get(0));
      assertTrue(write(() -> resolver.allowLink(rule.get(0), rule.get(1))).isEmpty(), context);
    }

    /**
     * Splits the profile of an isolated person: nobody else can change it, so the rules that the
     * split sets (its side against the rest) are known exactly.
     */
    private void splitIsolated(String context) {
      List<String> ids = isolated.get(random.nextInt(isolated.size()));
      List<String> present = ids.stream().filter(live::containsKey).toList();
      if (present.isEmpty()) {
        return;
      }
      Profile p = resolver.profileOfTouchpoint(present.get(random.nextInt(present.size())))
          .orElseThrow();
      for (String id : p.touchpointIds()) {
        assertTrue(ids.contains(id), context + ": isolated profile " + p.id() + " holds " + id);
      }
      if (p.size() < 2) {
        return;
      }
      List<String> members = new ArrayList<>(p.touchpointIds());
      Collections.shuffle(members, random);
      Set<String> side = new TreeSet<>(members.subList(0, 1 + random.nextInt(members.size() - 1)));
      List<ProfileId> parts = write(() -> resolver.split(p.id(), side));
      assertTrue(parts.size() >= 2, context + ": split gave " + parts);
      for (String a : side) {
        for (String b : members) {
          if (!side.contains(b)) {
            addRule(a, b);
          }
        }
      }
      splits++;
      Profile after = resolver.profileOfTouchpoint(side.iterator().next()).orElseThrow();
      for (String id : after.touchpointIds()) {
        assertTrue(side.contains(id) || !members.contains(id), context + ": split " + after);
      }
    }

    private void read(String context) {
      reads++;
      int kind = random.nextInt(10);
      if (kind < 3 && !live.isEmpty()) {
        String id = liveIds.get(random.nextInt(liveIds.size()));
        Profile p = resolver.profileOfTouchpoint(id).orElseThrow(
            () -> new AssertionError(context + ": live " + id + " in no profile"));
        assertTrue(p.touchpointIds().contains(id), context);
        remember(p.id());
        checkSnapshot(p, context);
      } else if (kind < 5) {
        // Someone else's touchpoint: it may come and go.
        String id = run.workload.allIds.get(random.nextInt(run.workload.allIds.size()));
        resolver.profileOfTouchpoint(id).ifPresent(p -> {
          assertTrue(p.touchpointIds().contains(id), context);
          checkSnapshot(p, context);
        });
      } else if (kind < 6 && !seenProfiles.isEmpty()) {
        ProfileId wanted = seenProfiles.get(random.nextInt(seenProfiles.size()));
        resolver.profile(wanted).ifPresent(p -> {
          assertTrue(p.id().equals(wanted) || p.aliases().contains(wanted),
              context + ": " + wanted + " gave " + p.id() + " aliases " + p.aliases());
          checkSnapshot(p, context);
        });
      } else if (kind < 7 && !live.isEmpty()) {
        String id = liveIds.get(random.nextInt(liveIds.size()));
        String email = emailOf.get(id);
        if (email != null) {
          List<Profile> found = resolver.findProfiles(IdentifierType.EMAIL, email);
          assertTrue(found.stream().anyMatch(p -> p.touchpointIds().contains(id)),
              context + ": " + id + " not found by its email");
          found.forEach(p -> checkSnapshot(p, context));
        }
      } else if (kind < 8) {
        List<String> phones = run.workload.householdPhones;
        if (!phones.isEmpty()) {
          resolver.findProfiles(IdentifierType.PHONE, phones.get(random.nextInt(phones.size())))
              .forEach(p -> checkSnapshot(p, context));
        }
      } else if (kind < 9 && live.size() >= 2) {
        String a = liveIds.get(random.nextInt(liveIds.size()));
        Set<String> kept = partners.getOrDefault(a, Set.of());
        String b = !kept.isEmpty() && random.nextBoolean() ? kept.iterator().next()
            : liveIds.get(random.nextInt(liveIds.size()));
        if (!a.equals(b)) {
          PairExplanation why = resolver.why(a, b);
          if (kept.contains(b)) {
            assertFalse(why.sameProfile(), context + ": " + a + " and " + b + " are kept apart");
          }
        }
      } else if (!live.isEmpty()) {
        String a = liveIds.get(random.nextInt(liveIds.size()));
        String other = run.workload.allIds.get(random.nextInt(run.workload.allIds.size()));
        if (!a.equals(other)) {
          try {
            resolver.why(a, other);
          } catch (OmniIdException e) {
            // Documented: the other lane's touchpoint is not (or no longer) resolved.
            assertEquals(OmniIdException.Reason.UNKNOWN_REFERENCE, e.reason(), context);
            assertEquals("otherTouchpointId", e.field(), context);
            run.unknownReferences.incrementAndGet();
          }
        }
      }
    }

    /** A whole snapshot: one read of every profile, checked against what this lane knows. */
    private void checkAllProfiles(String context) {
      List<Profile> all = resolver.profiles().toList();
      Set<String> seen = new HashSet<>();
      Set<String> mine = new HashSet<>();
      for (Profile p : all) {
        checkSnapshot(p, context);
        for (String id : p.touchpointIds()) {
          assertTrue(seen.add(id), context + ": " + id + " in two profiles of one snapshot");
          if (StressWorkload.laneOf(id, laneCount) == index) {
            mine.add(id);
          }
        }
      }
      assertEquals(live.keySet(), mine, context + ": this lane's touchpoints in the snapshot");
      reads++;
    }

    /**
     * A profile snapshot is whole: it holds its touchpoints once, at most one customer id, its
     * links join its own touchpoints, its journey is in time order; and what this lane knows
     * holds in it: its touchpoints there are live, and no rule of the lane has both ends there.
     */
    private void checkSnapshot(Profile p, String context) {
      List<String> ids = p.touchpointIds();
      Set<String> members = new HashSet<>(ids);
      assertEquals(ids.size(), members.size(), context + ": " + p.id() + " repeats a touchpoint");
      long customerIds = p.identifiers().stream()
          .filter(i -> i.type().equals(IdentifierType.CUSTOMER_ID)).count();
      assertTrue(customerIds <= 1, context + ": " + p + " holds " + customerIds + " customer ids");
      for (Evidence e : p.evidence()) {
        if (e.links()) {
          assertTrue(members.contains(e.touchpointId()) && members.contains(e.otherTouchpointId()),
              context + ": " + p.id() + " holds a link outside itself: " + e);
        }
      }
      for (int i = 1; i < p.journey().size(); i++) {
        // Time order; an untimed touchpoint is never followed by a timed one.
        java.util.Optional<java.time.Instant> before = p.journey().get(i - 1).timestamp();
        java.util.Optional<java.time.Instant> after = p.journey().get(i).timestamp();
        assertFalse(before.isEmpty() ? after.isPresent()
                : after.isPresent() && after.get().isBefore(before.get()),
            context + ": journey order of " + p.id());
      }
      for (String id : ids) {
        if (StressWorkload.laneOf(id, laneCount) != index) {
          continue;
        }
        assertTrue(live.containsKey(id), context + ": " + p.id() + " holds removed " + id);
        for (String partner : partners.getOrDefault(id, Set.of())) {
          assertFalse(members.contains(partner),
              context + ": " + p.id() + " holds " + id + " and " + partner + ", kept apart");
        }
      }
    }

    private void remember(ProfileId id) {
      if (seenProfiles.size() < 64) {
        seenProfiles.add(id);
      } else {
        seenProfiles.set(random.nextInt(64), id);
      }
    }

    private void addLive(Touchpoint t) {
      live.put(t.id(), t);
      livePosition.put(t.id(), liveIds.size());
      liveIds.add(t.id());
    }

    private Touchpoint dropLive(String id) {
      int at = livePosition.remove(id);
      String last = liveIds.remove(liveIds.size() - 1);
      if (!last.equals(id)) {
        liveIds.set(at, last);
        livePosition.put(last, at);
      }
      return live.remove(id);
    }

    private void addRule(String a, String b) {
      if (rules.add(pair(a, b))) {
        ruleCount++;
      }
      partners.computeIfAbsent(a, k -> new HashSet<>()).add(b);
      partners.computeIfAbsent(b, k -> new HashSet<>()).add(a);
    }

    private static List<String> pair(String a, String b) {
      return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
    }
  }
}
