package dev.omniid.core;

import static dev.omniid.core.JournalFixtures.files;
import static dev.omniid.core.JournalFixtures.ids;
import static dev.omniid.core.JournalFixtures.journal;
import static dev.omniid.core.JournalFixtures.only;
import static dev.omniid.core.JournalFixtures.open;
import static dev.omniid.core.JournalFixtures.recover;
import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recovery from damaged files: torn tails, bad checksums, interrupted compactions, bad snapshots. */
class JournalRecoveryTest {
  @TempDir
  Path temp;

  private static final List<Touchpoint> POOL = RandomTouchpoints.generate(new Random(42), 30);

  /** Journals the pool's first {@code n} touchpoints; returns the journal's length before the last. */
  private static long journalFirst(Path dir, int n) throws IOException {
    IdentityResolver r = open(dir);
    for (int i = 0; i < n - 1; i++) {
      r.resolve(POOL.get(i));
    }
    journal(r).close();
    long before = Files.size(only(dir, "journal-"));
    r = open(dir);
    r.resolve(POOL.get(n - 1));
    journal(r).close();
    return before;
  }

  private static Set<String> firstIds(int n) {
    return POOL.subList(0, n).stream().map(Touchpoint::id).collect(Collectors.toSet());
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (Path f : files(from)) {
      Files.copy(f, to.resolve(f.getFileName()));
    }
  }

  @Test
  void aTornTailAtEveryByteOfTheLastRecordKeepsEveryWholeRecord() throws IOException {
    Path dir = temp.resolve("source");
    int n = 12;
    long start = journalFirst(dir, n);
    long end = Files.size(only(dir, "journal-"));
    assertTrue(end > start + 8);
    Set<Set<String>> expected = JournalFixtures.batch(POOL.subList(0, n - 1), Set.of());
    for (long cut = start; cut < end; cut++) {
      Path copy = temp.resolve("cut" + cut);
      copy(dir, copy);
      Path file = only(copy, "journal-");
      try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
        ch.truncate(cut);
      }
      IdentityResolver r = recover(copy, () -> open(copy));
      RecoveryReport report = journal(r).recoveryReport();
      assertEquals(firstIds(n - 1), ids(r), "cut at " + cut);
      assertEquals(describe(expected), describe(partition(r)), "cut at " + cut);
      if (cut == start) {
        assertTrue(report.clean(), "cut at a frame boundary is no damage: " + report);
      } else {
        assertEquals(1, report.damage().size(), "cut at " + cut);
        RecoveryReport.Damage d = report.damage().get(0);
        assertEquals(RecoveryReport.Kind.TORN_TAIL, d.kind(), "cut at " + cut);
        assertEquals(start, d.offset());
        assertEquals(cut - start, d.bytesDropped());
        assertEquals(file.getFileName().toString(), d.file());
      }
      assertEquals(start, Files.size(file), "the tail is cut off");
      // The journal goes on after the repair, and the next start is clean.
      r.resolve(POOL.get(n - 1));
      journal(r).close();
      IdentityResolver again = open(copy);
      assertEquals(firstIds(n), ids(again));
      assertTrue(journal(again).recoveryReport().clean());
      journal(again).close();
    }
  }

  @Test
  void aBadChecksumInTheLastRecordDropsOnlyIt() throws IOException {
    Path dir = temp.resolve("j");
    long start = journalFirst(dir, 10);
    Path file = only(dir, "journal-");
    flip(file, start + 8 + 3);
    IdentityResolver r = recover(dir, () -> open(dir));
    assertEquals(firstIds(9), ids(r));
    RecoveryReport.Damage d = journal(r).recoveryReport().damage().get(0);
    assertEquals(RecoveryReport.Kind.CORRUPT_RECORD, d.kind());
    assertEquals(start, d.offset());
    assertTrue(d.detail().contains("CRC32C"), d.detail());
    journal(r).close();
  }

  @Test
  void aBadRecordInTheMiddleStopsReplayThereAndReportsWhatWasDropped() throws IOException {
    Path dir = temp.resolve("j");
    long fifth = journalFirst(dir, 5);
    IdentityResolver r = open(dir);
    for (int i = 5; i < 12; i++) {
      r.resolve(POOL.get(i));
    }
    journal(r).close();
    Path file = only(dir, "journal-");
    long size = Files.size(file);
    flip(file, fifth + 10);
    r = recover(dir, () -> open(dir));
    // Never skip a record to read past it: the state after it would be one that never existed.
    assertEquals(firstIds(4), ids(r));
    RecoveryReport.Damage d = journal(r).recoveryReport().damage().get(0);
    assertEquals(RecoveryReport.Kind.CORRUPT_RECORD, d.kind());
    assertEquals(fifth, d.offset());
    assertEquals(size - fifth, d.bytesDropped());
    journal(r).close();
  }

  @Test
  void zerosAfterTheLastRecordAreCutOff() throws IOException {
    Path dir = temp.resolve("j");
    journalFirst(dir, 6);
    Path file = only(dir, "journal-");
    long size = Files.size(file);
    Files.write(file, new byte[4096], StandardOpenOption.APPEND);
    IdentityResolver r = recover(dir, () -> open(dir));
    assertEquals(firstIds(6), ids(r));
    RecoveryReport.Damage d = journal(r).recoveryReport().damage().get(0);
    assertEquals(RecoveryReport.Kind.CORRUPT_RECORD, d.kind());
    assertEquals(size, d.offset());
    assertEquals(4096, d.bytesDropped());
    journal(r).close();
    assertEquals(size, Files.size(file));
  }

  @Test
  void aSnapshotThenTheJournalAfterItReachTheSameState() throws IOException {
    Path dir = temp.resolve("j");
    IdentityResolver r = open(dir);
    r.resolveAll(POOL.subList(0, 15));
    r.neverLink(POOL.get(0).id(), POOL.get(1).id());
    journal(r).compact();
    assertEquals(1, files(dir).stream().filter(p -> p.toString().contains("snapshot-")).count());
    r.resolveAll(POOL.subList(15, 25));
    r.remove(POOL.get(3).id());
    r.neverLink(POOL.get(20).id(), POOL.get(21).id());
    r.allowLink(POOL.get(1).id(), POOL.get(0).id());
    Set<Set<String>> before = partition(r);
    journal(r).close();
    r = open(dir);
    RecoveryReport report = journal(r).recoveryReport();
    assertEquals(15, report.snapshotTouchpoints());
    // The batch's marker, its ten touchpoints, a removal, a rule and its withdrawal.
    assertEquals(1 + 10 + 1 + 1 + 1, report.journalRecords());
    assertEquals(24, report.touchpoints());
    assertEquals(1, report.neverLinkRules());
    assertEquals(describe(before), describe(partition(r)));
    // Older generations are gone: one snapshot, one journal, the lock.
    assertEquals(3, files(dir).size(), files(dir).toString());
    journal(r).close();
  }

  @Test
  void automaticCompactionKeepsTheJournalNearTheLiveState() {
    Path dir = temp.resolve("j");
    IdentityResolver r = JournalFixtures.builder().journal(dir, Durability.none())
        .journalCompactionThreshold(2_000).build();
    List<Touchpoint> many = RandomTouchpoints.generate(new Random(7), 400);
    for (Touchpoint t : many) {
      r.resolve(t);
    }
    for (int i = 0; i < 300; i++) {
      r.remove(many.get(i).id());
    }
    long size = journal(r).sizeInBytes();
    journal(r).close();
    IdentityResolver again = JournalFixtures.builder().journal(dir, Durability.none())
        .journalCompactionThreshold(2_000).build();
    RecoveryReport report = journal(again).recoveryReport();
    assertEquals(100, report.touchpoints());
    assertTrue(report.snapshotTouchpoints() > 0, report.toString());
    // The history of 700 changes is not replayed: at most the live state, twice, plus a threshold.
    assertTrue(size < 3 * 100 * 120 + 2_000, "journal bytes: " + size);
    journal(again).close();
  }

  @Test
  void leftoversOfAnInterruptedCompactionAreCleanedUp() throws IOException {
    Path dir = temp.resolve("j");
    IdentityResolver r = open(dir);
    r.resolveAll(POOL.subList(0, 10));
    journal(r).compact();
    r.resolveAll(POOL.subList(10, 14));
    Set<Set<String>> before = partition(r);
    journal(r).close();
    // A crash while writing the next snapshot leaves its temporary file.
    Files.write(dir.resolve("snapshot-0000000000000002.omni.tmp"), new byte[] {1, 2, 3});
    r = open(dir);
    assertEquals(describe(before), describe(partition(r)));
    assertFalse(Files.exists(dir.resolve("snapshot-0000000000000002.omni.tmp")));
    journal(r).close();
    // A crash after the rename, before the old generation was deleted: the new snapshot wins.
    Path oldJournal = only(dir, "journal-");
    Path oldSnapshot = only(dir, "snapshot-");
    byte[] journalBytes = Files.readAllBytes(oldJournal);
    byte[] snapshotBytes = Files.readAllBytes(oldSnapshot);
    r = open(dir);
    journal(r).compact();
    journal(r).close();
    Files.write(oldJournal, journalBytes);
    Files.write(oldSnapshot, snapshotBytes);
    r = open(dir);
    assertEquals(describe(before), describe(partition(r)));
    assertEquals(3, files(dir).size(), files(dir).toString());
    journal(r).close();
  }

  @Test
  void aDamagedSnapshotRefusesToStartRatherThanLoseData() throws IOException {
    Path dir = temp.resolve("j");
    IdentityResolver r = open(dir);
    r.resolveAll(POOL.subList(0, 10));
    journal(r).compact();
    journal(r).close();
    Path snapshot = only(dir, "snapshot-");
    flip(snapshot, Files.size(snapshot) / 2);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> open(dir));
    assertTrue(e.getMessage().contains("snapshot-"), e.getMessage());
    // The directory is released for a later attempt.
    assertThrows(UncheckedIOException.class, () -> open(dir));
  }

  @Test
  void aJournalNewerThanTheSnapshotsIsRefused() throws IOException {
    Path dir = temp.resolve("j");
    journal(open(dir)).close();
    Files.move(only(dir, "journal-"), dir.resolve("journal-0000000000000003.omni"));
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> open(dir));
    assertTrue(e.getMessage().contains("snapshot is missing"), e.getMessage());
  }

  @Test
  void oneDirectoryServesOneResolverAtATime() {
    Path dir = temp.resolve("j");
    IdentityResolver r = open(dir);
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(dir));
    assertTrue(e.getMessage().contains("in use"), e.getMessage());
    journal(r).close();
    journal(open(dir)).close();
  }

  @Test
  void aClosedJournalRefusesChangesAndKeepsAnsweringReads() {
    Path dir = temp.resolve("j");
    IdentityResolver r = open(dir);
    r.resolve(POOL.get(0));
    journal(r).close();
    journal(r).close();
    assertThrows(IllegalStateException.class, () -> r.resolve(POOL.get(1)));
    assertEquals(1, r.touchpointCount());
  }

  @Test
  void listenersHearChangesButNotTheReplay() {
    Path dir = temp.resolve("j");
    List<ProfileEvent> heard = new ArrayList<>();
    IdentityResolver r = JournalFixtures.builder().listener(heard::add).journal(dir).build();
    r.resolveAll(POOL.subList(0, 5));
    int afterBatch = heard.size();
    assertTrue(afterBatch > 0);
    journal(r).close();
    List<ProfileEvent> second = new ArrayList<>();
    IdentityResolver again = JournalFixtures.builder().listener(second::add).journal(dir).build();
    assertEquals(List.of(), second);
    again.resolve(POOL.get(5));
    assertFalse(second.isEmpty());
    journal(again).close();
  }

  @Test
  void aFailingListenerOfAJournaledResolverIsLoggedByNameAndTheChangeStays() {
    Path dir = temp.resolve("j");
    IdentityResolver r = JournalFixtures.builder().listener(new ResolverTest.BrokenListener())
        .journal(dir).build();
    try (LogCapture log = LogCapture.start()) {
      r.resolve(POOL.get(0));
      ResolverTest.assertListenerFailureLogged(log);
    }
    journal(r).close();
    IdentityResolver again = open(dir);
    assertEquals(firstIds(1), ids(again), "the change was journaled");
    journal(again).close();
  }

  @Test
  void refusedAndDuplicateTouchpointsAreNotJournaled() throws IOException {
    Path dir = temp.resolve("j");
    IdentityResolver r = open(dir);
    r.resolve(POOL.get(0));
    long size = Files.size(only(dir, "journal-"));
    r.resolve(POOL.get(0));
    Touchpoint conflicting = Touchpoint.newBuilder("bad").channel(Channel.WEB)
        .timestamp(java.time.Instant.EPOCH).identifier(IdentifierType.CUSTOMER_ID, "A")
        .identifier(IdentifierType.CUSTOMER_ID, "B").build();
    assertThrows(OmniIdException.class, () -> r.resolve(conflicting));
    BatchResult result = r.resolveAll(List.of(POOL.get(0), conflicting));
    assertEquals(1, result.rejected());
    assertEquals(size, Files.size(only(dir, "journal-")));
    assertEquals(Set.of(POOL.get(0).id()), new HashSet<>(ids(r)));
    journal(r).close();
  }

  private static void flip(Path file, long offset) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    bytes[(int) offset] ^= 0x5A;
    Files.write(file, bytes);
  }
}
