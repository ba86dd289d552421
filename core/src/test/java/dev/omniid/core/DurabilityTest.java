package dev.omniid.core;

import static dev.omniid.core.JournalFixtures.journal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What each durability policy forces, and when; the builder's checks of the journal settings. */
class DurabilityTest {
  @TempDir
  Path temp;

  private static final List<Touchpoint> POOL = RandomTouchpoints.generate(new Random(5), 20);

  private JournaledResolver open(Durability durability) {
    return (JournaledResolver) JournalFixtures.builder().journal(temp.resolve("j"), durability)
        .build();
  }

  @Test
  void syncEachWriteForcesBeforeEveryChangeReturns() {
    JournaledResolver r = open(Durability.syncEachWrite());
    long base = r.forces;
    for (int i = 0; i < 5; i++) {
      r.resolve(POOL.get(i));
      assertEquals(base + i + 1, r.forces);
    }
    r.resolve(POOL.get(0)); // a duplicate writes and forces nothing
    assertEquals(base + 5, r.forces);
    r.resolveAll(POOL.subList(5, 15)); // one force for a batch
    assertEquals(base + 6, r.forces);
    r.close();
  }

  @Test
  void groupCommitForcesWhenMaxRecordsWait() {
    JournaledResolver r = open(Durability.groupCommit(Duration.ofHours(1), 3));
    long base = r.forces;
    r.resolve(POOL.get(0));
    r.resolve(POOL.get(1));
    assertEquals(base, r.forces, "two records wait");
    r.resolve(POOL.get(2));
    assertEquals(base + 1, r.forces, "the third forces all three");
    r.resolve(POOL.get(3));
    r.journal().orElseThrow().sync();
    assertEquals(base + 2, r.forces);
    r.close();
  }

  @Test
  void groupCommitForcesWithinMaxDelay() {
    JournaledResolver r = open(Durability.groupCommit(Duration.ofMillis(20), 1_000));
    long base = r.forces;
    r.resolve(POOL.get(0));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (r.forces == base && System.nanoTime() < deadline) {
      LockSupport.parkNanos(1_000_000);
    }
    assertEquals(base + 1, r.forces, "the flusher forced the waiting record");
    r.close();
  }

  @Test
  void noneForcesOnlyWhenAsked() {
    JournaledResolver r = open(Durability.none());
    long base = r.forces;
    for (int i = 0; i < 10; i++) {
      r.resolve(POOL.get(i));
    }
    assertEquals(base, r.forces);
    r.journal().orElseThrow().sync();
    assertEquals(base + 1, r.forces);
    r.resolve(POOL.get(10));
    r.close();
    assertEquals(base + 2, r.forces, "close forces");
    // What was written and not forced is still read back after the process ends.
    IdentityResolver again = JournalFixtures.open(temp.resolve("j"));
    assertEquals(11, again.touchpointCount());
    journal(again).close();
  }

  @Test
  void settingsAreCheckedAtOnce() {
    assertThrows(OmniIdException.class, () -> Durability.groupCommit(Duration.ZERO, 1));
    assertThrows(OmniIdException.class, () -> Durability.groupCommit(Duration.ofMillis(1), 0));
    assertThrows(OmniIdException.class,
        () -> new Durability(Durability.Mode.NONE, Duration.ofMillis(1), 0));
    assertThrows(NullPointerException.class, () -> IdentityResolver.newBuilder().journal(null));
    assertThrows(OmniIdException.class,
        () -> IdentityResolver.newBuilder().journalCompactionThreshold(0));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> IdentityResolver.newBuilder().journalCompactionThreshold(10).build());
    assertTrue(e.getMessage().contains("journal"));
    assertEquals(Durability.syncEachWrite(),
        journal(IdentityResolver.newBuilder().journal(temp.resolve("d")).build()).durability());
    assertTrue(IdentityResolver.newBuilder().build().journal().isEmpty());
  }
}
