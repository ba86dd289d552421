package dev.omniid.core;

import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.partition;
import static dev.omniid.core.RandomTouchpoints.pick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A snapshot stores the settled partition, and a restart restores it instead of clustering
 * again: the restored profiles, ids and anchors must be those of a resolver that never restarted
 * and those of clustering the snapshot again; a snapshot of another configuration, or of an older
 * build, is clustered again.
 */
class SnapshotPartitionTest {
  @TempDir
  Path temp;

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0x5A9_0000L + i);
  }

  static JournaledResolver journaled(IdentityResolver r) {
    return (JournaledResolver) r;
  }

  /**
   * What a caller may have stored: each touchpoint's profile id, and where every profile id and
   * alias leads; and the anchors and next id, what later changes hand ids out from.
   */
  static String state(IdentityResolver r) {
    Map<String, String> out = new TreeMap<>();
    r.profiles().forEach(p -> {
      for (String id : p.touchpointIds()) {
        out.put(id, p.id().toString());
      }
      for (ProfileId alias : p.aliases()) {
        out.put("#" + alias, r.profile(alias).orElseThrow().id().toString());
      }
    });
    InMemoryResolver memory = r instanceof JournaledResolver j ? j.inMemory()
        : (InMemoryResolver) r;
    ProfileIds.Anchors anchors = memory.idAnchors();
    return describe(partition(r)) + "\n" + out + "\nanchors " + anchors.anchors() + " next "
        + anchors.nextProfileId();
  }

  /** One random change, made to both resolvers alike; false when the pool offers none. */
  static void change(Random random, List<Touchpoint> waiting, Set<String> live,
      IdentityResolver a, IdentityResolver b) {
    int op = random.nextInt(12);
    if ((op < 4 || live.size() < 2) && !waiting.isEmpty()) {
      Touchpoint t = waiting.remove(waiting.size() - 1);
      both(a, b, r -> r.resolve(t));
      live.add(t.id());
    } else if (op == 4 && !waiting.isEmpty()) {
      int n = 1 + random.nextInt(Math.min(8, waiting.size()));
      List<Touchpoint> chunk = new ArrayList<>(waiting.subList(waiting.size() - n, waiting.size()));
      waiting.subList(waiting.size() - n, waiting.size()).clear();
      both(a, b, r -> r.resolveAll(chunk));
      chunk.forEach(t -> live.add(t.id()));
    } else if (live.isEmpty()) {
      return;
    } else if (op == 5) {
      String id = pick(live, random);
      both(a, b, r -> r.remove(id));
      live.remove(id);
    } else if (op == 6 && live.size() >= 2) {
      String x = pick(live, random);
      String y = pick(live, random);
      if (!x.equals(y)) {
        both(a, b, r -> r.neverLink(x, y));
      }
    } else if (op == 7 && live.size() >= 2) {
      String x = pick(live, random);
      String y = pick(live, random);
      if (!x.equals(y)) {
        both(a, b, r -> r.allowLink(x, y));
      }
    } else if (op == 8) {
      Profile p = a.profileOfTouchpoint(pick(live, random)).orElseThrow();
      if (p.size() >= 2) {
        List<String> ids = new ArrayList<>(p.touchpointIds());
        Collections.shuffle(ids, random);
        Set<String> side = new TreeSet<>(ids.subList(0, 1 + random.nextInt(ids.size() - 1)));
        both(a, b, r -> r.split(p.id(), side));
      }
    } else if (op == 9 && random.nextInt(3) == 0) {
      Profile p = a.profileOfTouchpoint(pick(live, random)).orElseThrow();
      both(a, b, r -> r.forget(p.id()));
      live.removeAll(p.touchpointIds());
    } else if (op == 10 && random.nextInt(3) == 0) {
      Touchpoint t = a.profileOfTouchpoint(pick(live, random)).orElseThrow().journey().get(0);
      if (!t.identifiers().isEmpty()) {
        Identifier v = t.identifiers().get(random.nextInt(t.identifiers().size()));
        List<String> gone = both(a, b, r -> r.forget(v.type(), v.raw()));
        if (gone != null) {
          gone.forEach(live::remove);
        }
      }
    }
  }

  /** Applies a change to both; they must agree on what it returned or threw. */
  static <T> T both(IdentityResolver a, IdentityResolver b,
      java.util.function.Function<IdentityResolver, T> change) {
    Object x;
    Object y;
    T out = null;
    try {
      out = change.apply(a);
      x = out;
    } catch (OmniIdException e) {
      x = e.reason();
    }
    try {
      y = change.apply(b);
    } catch (OmniIdException e) {
      y = e.reason();
    }
    assertEquals(String.valueOf(x), String.valueOf(y));
    return out;
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void aRestartRestoresThePartitionOfTheResolverAndOfClusteringAgain(long seed)
      throws IOException {
    Random random = new Random(seed);
    Supplier<ResolverBuilder> config = random.nextBoolean() ? RandomTouchpoints::builder
        : RandomTouchpoints::deterministicBuilder;
    Path dir = temp.resolve("j");
    List<Touchpoint> waiting = new ArrayList<>(
        RandomTouchpoints.generate(random, 10 + random.nextInt(60)));
    Collections.shuffle(waiting, random);
    Set<String> live = new java.util.LinkedHashSet<>();
    IdentityResolver twin = config.get().build(); // never restarts
    // Half the seeds restart (and resolve batches) through the parallel slices, with slices
    // small enough that a snapshot spans several: a restart must not depend on the path.
    Supplier<ResolverBuilder> restarting = throughSlicesHalfTheTime(config, random);
    IdentityResolver r = restarting.get().journal(dir, Durability.none()).build();
    try {
      for (int round = 0; round < 4; round++) {
        for (int step = 0, n = 5 + random.nextInt(30); step < n; step++) {
          change(random, waiting, live, r, twin);
        }
        String what = "seed=" + seed + " round=" + round + restarting;
        if (random.nextInt(4) > 0) {
          journaled(r).compact(); // the journal tail is then empty, or else it is replayed
        }
        journaled(r).close();
        r = restarting.get().journal(dir, Durability.none()).build();
        assertEquals(hadSnapshot(dir), journaled(r).restoredPartition(), what);
        assertEquals(state(twin), state(r), what);
        GraphInvariants.check(r);
        // The same snapshot clustered again gives the same answer.
        Path copy = temp.resolve("copy" + round);
        copySnapshotAndJournal(dir, copy);
        ResolverBuilder again = restarting.get().journal(copy, Durability.none());
        again.snapshotPartition = false;
        try (IdentityResolver clustered = again.build()) {
          assertFalse(journaled(clustered).restoredPartition(), what);
          assertEquals(state(twin), state(clustered), what);
        }
      }
    } finally {
      r.close();
    }
  }

  static boolean hadSnapshot(Path dir) {
    return JournalFixtures.files(dir).stream()
        .anyMatch(p -> p.getFileName().toString().startsWith("snapshot-"));
  }

  static void copySnapshotAndJournal(Path from, Path to) throws IOException {
    Files.createDirectories(to);
    for (Path p : JournalFixtures.files(from)) {
      if (p.getFileName().toString().endsWith(JournalFiles.SUFFIX)) {
        Files.copy(p, to.resolve(p.getFileName()));
      }
    }
  }

  static Touchpoint device(String id, String device, String email) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.STORE)
        .timestamp(Instant.ofEpochSecond(1_700_000_000L + id.hashCode() % 1000))
        .identifier(IdentifierType.DEVICE_ID, device);
    if (email != null) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    return b.build();
  }

  /** Three people on one kiosk: over a limit of 2, under a limit of 5. */
  private static List<Touchpoint> kiosk() {
    return List.of(device("k1", "kiosk-1", "ana@example.com"),
        device("k2", "kiosk-1", "bo@example.com"), device("k3", "kiosk-1", "cy@example.com"),
        device("k4", "kiosk-1", null));
  }

  @Test
  void aSnapshotOfAnotherConfigurationIsClusteredAgain() {
    Path dir = temp.resolve("j");
    Supplier<ResolverBuilder> limitTwo = RandomTouchpoints::deterministicBuilder;
    Supplier<ResolverBuilder> limitFive = () -> RandomTouchpoints.deterministicBuilder()
        .identifierPolicy(IdentifierType.DEVICE_ID, IdentifierPolicy.shared(5, 50));
    try (IdentityResolver r = limitTwo.get().journal(dir).build()) {
      r.resolveAll(kiosk());
      journaled(r).compact();
      assertEquals(4, r.profileCount(), "the kiosk is generic under a limit of 2");
    }
    try (IdentityResolver r = limitFive.get().journal(dir).build()) {
      assertFalse(journaled(r).restoredPartition());
      IdentityResolver fresh = limitFive.get().build();
      fresh.resolveAll(kiosk());
      assertEquals(describe(partition(fresh)), describe(partition(r)));
      assertEquals(1, r.profileCount(), "under a limit of 5 the kiosk links");
      GraphInvariants.check(r);
    }
    // The snapshot is still the first one's: under its own configuration it is restored.
    try (IdentityResolver r = limitTwo.get().journal(dir).build()) {
      assertTrue(journaled(r).restoredPartition());
      assertEquals(4, r.profileCount());
      journaled(r).compact();
    }
    try (IdentityResolver r = limitTwo.get().journal(dir).build()) {
      assertTrue(journaled(r).restoredPartition());
    }
  }

  @Test
  void theFingerprintSeesWhatCanMoveATouchpointAndNothingElse() {
    long base = ConfigurationFingerprint.of(RandomTouchpoints.builder());
    assertEquals(base, ConfigurationFingerprint.of(RandomTouchpoints.builder()),
        "built twice, lambdas and all");
    assertEquals(base, ConfigurationFingerprint.of(RandomTouchpoints.builder()
        .firstProfileId(1000).listener(e -> { }).journal(temp)), "ids, listeners, journal");
    List<ResolverBuilder> changed = List.of(
        RandomTouchpoints.deterministicBuilder(),
        RandomTouchpoints.builder().maxBlockSize(7),
        RandomTouchpoints.builder().identifierPolicy(IdentifierType.DEVICE_ID,
            IdentifierPolicy.shared(3, 50)),
        RandomTouchpoints.builder().personalIdentifier(IdentifierType.PHONE),
        RandomTouchpoints.builder().matchModel(RandomTouchpoints.model().toBuilder()
            .matchThreshold(0.95).build()),
        RandomTouchpoints.builder().junkValues(IdentifierType.PHONE, "0"::equals),
        RandomTouchpoints.builder().normalizer(IdentifierType.EMAIL, Normalizer.lowerCase()),
        RandomTouchpoints.builder().blockingKey(RandomTouchpoints.BY_GIVEN),
        RandomTouchpoints.builder().blockingKey(RandomTouchpoints.BY_GIVEN, 3));
    Set<Long> seen = new java.util.HashSet<>(Set.of(base));
    for (ResolverBuilder b : changed) {
      assertTrue(seen.add(ConfigurationFingerprint.of(b)), b.toString());
    }
  }

  /**
   * The files in {@code snapshot-v2} were written before snapshots held their partition (the
   * build of commit 1e87dc5), by a journaled resolver with the default configuration: shared
   * emails and phones, two customer ids on one email (an exclusive conflict), a device, a
   * never-link rule, a split, a removal, an erasure, a merge (an alias), a compaction, then one
   * touchpoint in the journal. Today's build clusters
   * them again, to the profiles and ids that build printed; a compaction then writes the
   * partition, which the next restart restores.
   */
  @Test
  void aSnapshotWrittenBeforeSnapshotsHeldTheirPartitionIsClusteredAgain() throws IOException {
    Path dir = temp.resolve("v2");
    Files.createDirectories(dir);
    for (String name : List.of("snapshot-0000000000000002.omni",
        "journal-0000000000000002.omni")) {
      try (InputStream in = getClass().getResourceAsStream("snapshot-v2/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    String expected = LEGACY_PROFILES;
    try (IdentityResolver r = IdentityResolver.newBuilder().journal(dir).build()) {
      assertTrue(r.journal().orElseThrow().recoveryReport().clean());
      assertFalse(journaled(r).restoredPartition());
      assertEquals(expected, profiles(r));
      GraphInvariants.check(r);
      journaled(r).compact();
    }
    try (IdentityResolver r = IdentityResolver.newBuilder().journal(dir).build()) {
      assertTrue(journaled(r).restoredPartition());
      assertEquals(expected, profiles(r));
      GraphInvariants.check(r);
    }
  }

  /** As the writing build printed them. */
  static final String LEGACY_PROFILES = """
      P-1 [] [a2, a3, a4]
      P-10 [] [h1]
      P-11 [P-12] [f1, f2, f3]
      P-13 [] [i1]
      P-2 [] [b1, b3]
      P-3 [] [b2]
      P-4 [] [c1, c2]
      P-5 [] [d1, d2, d3]
      P-6 [] [e1]
      P-8 [] [e2]
      P-9 [] [c3, c4]""";

  private static String profiles(IdentityResolver r) {
    return r.profiles().map(p -> p.id() + " " + p.aliases() + " " + p.touchpointIds())
        .sorted().collect(Collectors.joining("\n"));
  }

  /** A PARTITION record that passes its checksum but cannot be read names the file and offset. */
  @Test
  void aMalformedPartitionRecordNamesTheFileAndOffset() throws IOException {
    Path dir = temp.resolve("j");
    try (IdentityResolver r = IdentityResolver.newBuilder().journal(dir).build()) {
      // One profile of two: its record is type, count 1, flags, size 2, members 0 and +1.
      r.resolveAll(List.of(device("m1", "d-1", "x@example.com"),
          device("m2", "d-2", "x@example.com")));
      assertEquals(1, r.profileCount());
      journaled(r).compact();
    }
    Path file = JournalFixtures.only(dir, "snapshot-");
    byte[] bytes = JournalFixtures.read(file);
    int at = recordOf(bytes, JournalFiles.HEADER, JournalCodec.PARTITION);
    int length = JournalCodec.getInt(bytes, at);
    int end = at + JournalCodec.FRAME_HEADER + length;
    // type, profile count, then the first profile's flags: a flag no build knows.
    byte[] damaged = bytes.clone();
    damaged[at + JournalCodec.FRAME_HEADER + 2] = 0x40;
    fixChecksum(damaged, at, length);
    Files.write(file, damaged);
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> IdentityResolver.newBuilder().journal(dir).build());
    assertTrue(e.getMessage().contains(file.getFileName() + " has an unreadable record before "
        + "offset " + end + ": a profile has unknown flags 64"), e.getMessage());
    // The same byte without a checksum that holds: damaged where the frame starts.
    damaged = bytes.clone();
    damaged[at + JournalCodec.FRAME_HEADER + 2] = 0x40;
    Files.write(file, damaged);
    e = assertThrows(UncheckedIOException.class,
        () -> IdentityResolver.newBuilder().journal(dir).build());
    assertTrue(e.getMessage().contains(file.getFileName() + " is damaged at offset " + at),
        e.getMessage());
    // A member named twice.
    damaged = bytes.clone();
    int first = at + JournalCodec.FRAME_HEADER + 4; // type, count, flags, size: first member
    damaged[first + 1] = 0; // delta 0: the same touchpoint again
    fixChecksum(damaged, at, length);
    Files.write(file, damaged);
    e = assertThrows(UncheckedIOException.class,
        () -> IdentityResolver.newBuilder().journal(dir).build());
    assertTrue(e.getMessage().contains(file.getFileName() + " has an unreadable record before "
        + "offset " + end + ": touchpoint"), e.getMessage());
    assertTrue(e.getMessage().contains("is in two profiles"), e.getMessage());
  }

  /** The offset of the first record of {@code type} at or after {@code from} in a journal file. */
  static int recordOf(byte[] bytes, int from, byte type) {
    int at = from;
    while (bytes[at + JournalCodec.FRAME_HEADER] != type) {
      at += JournalCodec.FRAME_HEADER + JournalCodec.getInt(bytes, at);
    }
    return at;
  }

  static void fixChecksum(byte[] bytes, int at, int length) {
    byte[] header = java.util.Arrays.copyOfRange(bytes, at, at + JournalCodec.FRAME_HEADER);
    byte[] payload = java.util.Arrays.copyOfRange(bytes, at + JournalCodec.FRAME_HEADER,
        at + JournalCodec.FRAME_HEADER + length);
    JournalCodec.putInt(bytes, at + 4, JournalCodec.frameChecksum(new java.util.zip.CRC32C(),
        header, payload, length));
  }

  /**
   * {@code config}, or for half the seeds {@code config} inserting large batches and snapshots
   * through the parallel slices, with slices of 1 to 16 touchpoints (smaller than a snapshot).
   * Its {@code toString} names the slice for failure messages ("" without slices).
   */
  static Supplier<ResolverBuilder> throughSlicesHalfTheTime(Supplier<ResolverBuilder> config,
      Random random) {
    boolean slices = random.nextBoolean();
    int slice = 1 + random.nextInt(16);
    return new Supplier<>() {
      @Override
      public ResolverBuilder get() {
        ResolverBuilder b = config.get();
        if (slices) {
          b.parallelBatch = 1;
          b.batchSlice = slice;
        }
        return b;
      }

      @Override
      public String toString() {
        return slices ? " slice=" + slice : "";
      }
    };
  }
}
