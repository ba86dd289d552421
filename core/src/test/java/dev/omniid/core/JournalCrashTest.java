package dev.omniid.core;

import static dev.omniid.core.JournalFixtures.ids;
import static dev.omniid.core.JournalFixtures.journal;
import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a child JVM that journals changes ({@link JournalCrashMain}) with SIGKILL at random
 * moments (during startup and recovery, between changes, inside a force or a compaction), then
 * checks after each kill that every change it reported durable is recovered, that nothing beyond
 * the one change in flight is, and that the partition equals the batch resolution of the
 * recovered touchpoints and rules.
 *
 * <p>{@code -Domniid.crash.kills=N} sets the number of kills (50 by default, about 20 s on two
 * cores), {@code -Domniid.crash.seed=S} the seed.
 */
class JournalCrashTest {
  @TempDir
  Path temp;

  private static final int OPS_PER_RUN = 400;
  private static final long COMPACTION_THRESHOLD = 6_000;

  private static String classpath() {
    Set<String> entries = new LinkedHashSet<>();
    for (Class<?> c : List.of(JournalCrashMain.class, IdentityResolver.class)) {
      try {
        entries.add(Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI())
            .toString());
      } catch (Exception e) {
        // Fall back on the properties below.
      }
    }
    for (String property : List.of("java.class.path", "jdk.module.path")) {
      String value = System.getProperty(property);
      if (value != null && !value.isEmpty()) {
        entries.addAll(List.of(value.split(File.pathSeparator)));
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  @Test
  void everyChangeReportedDurableSurvivesSigkill() throws Exception {
    crashes(Integer.getInteger("omniid.crash.kills", 50), null);
  }

  /** The same with the journal encrypted: sealing changes nothing of what survives a kill. */
  @Test
  void everyChangeReportedDurableSurvivesSigkillInAnEncryptedJournal() throws Exception {
    JournalKey key = JournalKey.of(new byte[JournalKey.LENGTH]);
    crashes(Integer.getInteger("omniid.crash.kills", 50) / 2, key);
    assertTrue(java.util.stream.Stream.of("journal-", "snapshot-").allMatch(prefix ->
        JournalFixtures.files(temp.resolve("journal")).stream()
            .filter(f -> f.getFileName().toString().startsWith(prefix))
            .allMatch(f -> JournalFixtures.read(f)[5] == JournalFiles.SEALED_VERSION)),
        "every file is sealed");
  }

  private void crashes(int kills, JournalKey key) throws Exception {
    long seed = Long.getLong("omniid.crash.seed", 0xC4A5_4000L);
    Random random = new Random(seed);
    Path dir = temp.resolve("journal");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    String classpath = classpath();
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    Set<List<String>> rules = new HashSet<>();
    int survived = 0;
    int inFlightRecovered = 0;
    int killedStarting = 0;
    long durableTotal = 0;
    for (int run = 0; run < kills; run++) {
      String context = "seed=" + seed + " run=" + run;
      List<CrashScript.Op> ops = CrashScript.ops(seed, run, OPS_PER_RUN);
      ProcessBuilder starting = new ProcessBuilder(java, "-Xshare:auto",
          "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx128m", "-cp", classpath,
          JournalCrashMain.class.getName(), dir.toString(), Long.toString(seed),
          Integer.toString(run), Integer.toString(OPS_PER_RUN),
          Long.toString(COMPACTION_THRESHOLD))
          .redirectError(ProcessBuilder.Redirect.INHERIT);
      if (key != null) {
        starting.environment().put(JournalCrashMain.KEY_VARIABLE, key.toBase64());
      } else {
        starting.environment().remove(JournalCrashMain.KEY_VARIABLE);
      }
      Process child = starting.start();
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(
            new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
          for (String line; (line = in.readLine()) != null; ) {
            lines.add(line);
          }
        } catch (IOException e) {
          // The pipe breaks when the child dies.
        }
        lines.add("<eof>");
      });
      reader.start();
      // A third of the kills land at a random time (startup, recovery); the rest after a random
      // number of durable changes, often inside a force or a compaction.
      int target = random.nextInt(3) == 0 ? -1 : random.nextInt(120);
      List<String> printed = new ArrayList<>();
      if (target < 0) {
        Thread.sleep(random.nextInt(400));
      } else {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
          String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
          if (line == null) {
            child.toHandle().destroyForcibly();
            fail(context + ": the child printed nothing for 30 s");
          }
          printed.add(line);
          if (line.equals("<eof>") || line.equals("durable " + target)) {
            break;
          }
        }
      }
      // SIGKILL through the process handle: Process.destroyForcibly() sends the same signal but
      // also closes our end of the pipe, dropping lines the child printed that were not read yet.
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), context);
      reader.join(30_000);
      lines.drainTo(printed);
      int durable = 0;
      boolean completed = false;
      boolean startedUp = false;
      for (String line : printed) {
        startedUp |= line.startsWith("recovered ");
        if (line.startsWith("durable ")) {
          durable = Math.max(durable, Integer.parseInt(line.substring(8)));
        } else if (line.startsWith("done ")) {
          completed = true;
        }
      }
      durableTotal += durable;
      killedStarting += startedUp ? 0 : 1;
      // The recovered state is the one after the durable changes, or after one more (the change
      // in flight was written but not yet reported).
      IdentityResolver recovered = key == null
          ? JournalFixtures.builder().journal(dir, Durability.none()).build()
          : JournalFixtures.builder().journal(dir, Durability.none(), key).build();
      try {
        RecoveryReport report = journal(recovered).recoveryReport();
        Set<String> got = ids(recovered);
        Map<String, Touchpoint> matchedLive = null;
        Set<List<String>> matchedRules = null;
        for (int n = durable; n <= Math.min(durable + 1, ops.size()) && matchedLive == null; n++) {
          Map<String, Touchpoint> l = CrashScript.copy(live);
          Set<List<String>> r = new HashSet<>(rules);
          CrashScript.apply(ops, n, l, r);
          if (l.keySet().equals(got) && r.size() == report.neverLinkRules()) {
            matchedLive = l;
            matchedRules = r;
            inFlightRecovered += n - durable;
          }
        }
        if (matchedLive == null) {
          Map<String, Touchpoint> l = CrashScript.copy(live);
          CrashScript.apply(ops, durable, l, new HashSet<>(rules));
          Set<String> missing = new java.util.TreeSet<>(l.keySet());
          missing.removeAll(got);
          Set<String> extra = new java.util.TreeSet<>(got);
          extra.removeAll(l.keySet());
          fail(context + ": missing " + missing + ", unexpected " + extra + "; recovered " + got.size() + " touchpoints and "
              + report.neverLinkRules() + " rules, which is neither the state after the " + durable
              + " changes reported durable nor after one more; " + report);
        }
        assertTrue(!completed || matchedLive.size() == got.size(), context);
        assertEquals(describe(JournalFixtures.batch(matchedLive.values(), matchedRules)),
            describe(partition(recovered)), context);
        live = matchedLive;
        rules = matchedRules;
        survived++;
      } finally {
        journal(recovered).close();
      }
    }
    TestReports.add("JournalCrashTest", String.format("[crash%s] %d SIGKILLs survived (seed %d, "
        + "%d of them before recovery finished): %d changes reported durable, all recovered; %d "
        + "in-flight changes recovered too; %d touchpoints and %d rules live at the end",
        key == null ? "" : ", encrypted", survived, seed, killedStarting,
        durableTotal, inFlightRecovered, live.size(), rules.size()));
    assertEquals(kills, survived);
  }
}
