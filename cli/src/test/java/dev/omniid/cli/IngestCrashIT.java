package dev.omniid.cli;

import dev.omniid.connect.MappedRecord;
import dev.omniid.datagen.GeneratedDataWriter;
import dev.omniid.datagen.OmniChannelGenerator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;


/**
 * Kills {@code java -jar omniid.jar ingest --durability sync} with SIGKILL at random moments
 * (starting up, reading, recovering, between batches, inside a force) and restarts it, as a
 * crashed job would be: after each kill, {@code export} must hold every record the killed run
 * reported durable and every record an earlier check found, nothing beyond the batch in flight,
 * and the partition {@code resolve} makes of exactly the records it holds.
 *
 * <p>{@code -Domniid.cli.crash.kills=N} sets the number of kills (10 by default, 30 to 45 s on
 * two cores), {@code -Domniid.cli.crash.seed=S} the seed.
 */
class IngestCrashIT {
  private static final int PEOPLE = 400;
  private static final int BATCH = 10;
  /** The journal of the 2,000 records is about 210 KiB: a few compactions a run to be killed in. */
  private static final long COMPACTION_THRESHOLD = 40_000;

  @TempDir
  Path dir;

  @Test
  void everyRecordReportedDurableSurvivesSigkill() throws Exception {
    int kills = Integer.getInteger("omniid.cli.crash.kills", 10);
    long seed = Long.getLong("omniid.cli.crash.seed", 0x1D6E_5700L);
    Random random = new Random(seed);
    Path data = dir.resolve("data");
    GeneratedDataWriter.write(OmniChannelGenerator.newBuilder().people(PEOPLE).seed(7).build(), data);
    Path input = data.resolve("touchpoints.csv");
    Path mapping = data.resolve("mapping.json");
    List<String> ids = inputIds(input);
    assertEquals(ids.size(), new HashSet<>(ids).size(), "generated ids are unique");
    Path journal = dir.resolve("journal");
    List<String> command = new ArrayList<>(CliJournalIT.java());
    command.addAll(List.of("ingest", "--journal", journal.toString(), "--input", input.toString(),
        "--mapping", mapping.toString(), "--durability", "sync", "--batch", Integer.toString(BATCH),
        "--compaction-threshold", Long.toString(COMPACTION_THRESHOLD)));

    Set<String> held = new HashSet<>();
    int survived = 0;
    int killedBeforeFirstLine = 0;
    int inFlightFound = 0;
    long startedAt = System.nanoTime();
    for (int run = 0; run < kills; run++) {
      String context = "seed=" + seed + " run=" + run;
      // A third of the kills at a random time (startup, reading, recovery, anywhere); the rest as
      // soon as the run reports a random number of durable records past what is held already.
      int target = random.nextInt(3) == 0 ? -1
          : Math.min(ids.size(), held.size() + 1 + random.nextInt(Math.max(1, ids.size() - held.size())));
      long delayMillis = random.nextInt(1_500);
      List<String> printed = runAndKill(command, target, delayMillis, context);
      int durable = 0;
      for (String line : printed) {
        if (line.startsWith("durable ")) {
          int n = Integer.parseInt(line.substring("durable ".length()));
          assertTrue(n > durable, context + ": durable lines increase: " + printed);
          durable = n;
        } else if (line.startsWith("<exit ")) {
          // Ended on its own before the kill: it must have finished.
          assertEquals("<exit 0>", line, context);
          assertEquals(ids.size(), durable, context);
        }
      }
      killedBeforeFirstLine += durable == 0 ? 1 : 0;

      Path exported = dir.resolve("export-" + run + ".csv");
      CliJournalIT.Run export = CliJournalIT.run(dir, "export", "--journal", journal.toString(),
          "--out", exported.toString());
      Set<String> present;
      if (export.exit() == 2 && held.isEmpty() && durable == 0 && (export.err().contains("no such directory")
          || export.err().contains("holds no " + JournalSettings.FILE_NAME))) {
        present = Set.of(); // Killed before the first ingest had written its settings.
      } else {
        assertEquals(0, export.exit(), context + ": " + export.err());
        present = CliJournalIT.recordIds(exported);
      }
      // Every record reported durable, and every record held before, is there.
      Set<String> missing = new TreeSet<>(ids.subList(0, durable));
      missing.addAll(held);
      missing.removeAll(present);
      if (!missing.isEmpty()) {
        fail(context + ": " + missing.size() + " records lost, e.g. " + missing.iterator().next()
            + " (durable " + durable + "); " + export.err());
      }
      // Nothing beyond the batch in flight, which may have been written before the kill.
      Set<String> allowed = new HashSet<>(held);
      allowed.addAll(ids.subList(0, Math.min(ids.size(), durable + BATCH)));
      Set<String> unexpected = new TreeSet<>(present);
      unexpected.removeAll(allowed);
      assertTrue(unexpected.isEmpty(), context + ": records never ingested: " + unexpected);
      Set<String> beyond = new HashSet<>(present);
      beyond.removeAll(held);
      beyond.removeAll(ids.subList(0, durable));
      inFlightFound += beyond.size();
      // The partition is the one resolve makes of the records the journal holds.
      assertEquals(resolvedPartition(input, mapping, present), CliJournalIT.partition(exported),
          context + ": the journal's partition differs from resolving the records it holds");
      held = present;
      survived++;
    }

    // A last run is left to finish: every record, and the partition of the whole file.
    CliJournalIT.Run last = CliJournalIT.run(dir, command.subList(CliJournalIT.java().size(), command.size())
        .toArray(String[]::new));
    assertEquals(0, last.exit(), last.err());
    List<Integer> lines = CliJournalIT.durableLines(last.out());
    assertEquals(ids.size(), lines.get(lines.size() - 1));
    Path exported = dir.resolve("export-final.csv");
    assertEquals(0, CliJournalIT.run(dir, "export", "--journal", journal.toString(), "--out",
        exported.toString()).exit());
    assertEquals(new TreeSet<>(ids), CliJournalIT.recordIds(exported));
    assertEquals(resolvedPartition(input, mapping, new HashSet<>(ids)), CliJournalIT.partition(exported));
    TestReports.add("IngestCrashIT", String.format("[cli-crash] %d SIGKILLs of ingest survived (seed %d, %d"
            + " before its first durable line): every record reported durable recovered; %d in-flight"
            + " records recovered too; %d records, %.1f s", survived, seed, killedBeforeFirstLine,
        inFlightFound, ids.size(), (System.nanoTime() - startedAt) / 1e9));
    assertEquals(kills, survived);
  }

  /**
   * Starts the ingest and kills it with SIGKILL once it prints {@code durable N} with N at or past
   * {@code target}, or, when {@code target} is negative, after {@code delayMillis}. Returns the
   * lines it printed, then {@code <exit N>} if it ended on its own before the kill.
   */
  private static List<String> runAndKill(List<String> command, int target, long delayMillis,
      String context) throws Exception {
    Process child = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
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
    });
    reader.start();
    List<String> printed = new ArrayList<>();
    try {
      if (target < 0) {
        child.waitFor(delayMillis, TimeUnit.MILLISECONDS);
      } else {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (true) {
          String line = lines.poll(50, TimeUnit.MILLISECONDS);
          if (line != null) {
            printed.add(line);
            if (line.startsWith("durable ") && Integer.parseInt(line.substring(8)) >= target) {
              break;
            }
          } else if (!child.isAlive() || System.nanoTime() > deadline) {
            break;
          }
        }
      }
    } finally {
      // SIGKILL through the process handle: Process.destroyForcibly() sends the same signal but
      // also closes our end of the pipe, dropping lines the child printed that were not read yet.
      boolean ended = !child.isAlive();
      child.toHandle().destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS), context + ": the child did not die");
      reader.join(30_000);
      lines.drainTo(printed);
      if (ended) {
        printed.add("<exit " + child.exitValue() + ">");
      }
    }
    return printed;
  }

  /** The record ids of the input, in input order (the generated file has one record a line). */
  private static List<String> inputIds(Path input) throws IOException {
    List<String> ids = new ArrayList<>();
    for (CSVRecord r : CliJournalIT.csv(input)) {
      ids.add(r.get("record_id"));
    }
    assertEquals(Files.readAllLines(input).size() - 1, ids.size(), "one record a line");
    return ids;
  }

  private final Map<Set<String>, Set<Set<String>>> resolved = new HashMap<>();

  /**
   * What {@code resolve} makes of the input's records that are in {@code keep}, resolved in this
   * JVM: the other records' lines are blanked, so rows keep their numbers.
   */
  private Set<Set<String>> resolvedPartition(Path input, Path mapping, Set<String> keep) throws IOException {
    Set<Set<String>> known = resolved.get(keep);
    if (known != null) {
      return known;
    }
    List<String> lines = new ArrayList<>(Files.readAllLines(input, StandardCharsets.UTF_8));
    for (int i = 1; i < lines.size(); i++) {
      if (!keep.contains(lines.get(i).split(",", 2)[0])) {
        lines.set(i, "");
      }
    }
    Path subset = dir.resolve("subset.csv");
    Files.write(subset, lines, StandardCharsets.UTF_8);
    Pipeline.Result result = Pipeline.run(new Pipeline.Settings(subset, mapping, Optional.empty(),
        Optional.empty(), Optional.empty(), false), new Progress(new java.io.PrintWriter(java.io.Writer.nullWriter()), false));
    Map<String, Set<String>> byProfile = new HashMap<>();
    for (MappedRecord r : result.records()) {
      String profile = result.resolver().profileIdOf(r.touchpoint().id()).orElseThrow().toString();
      byProfile.computeIfAbsent(profile, k -> new TreeSet<>()).add(r.recordId());
    }
    Set<Set<String>> partition = new HashSet<>(byProfile.values());
    resolved.put(Set.copyOf(keep), partition);
    return partition;
  }
}
