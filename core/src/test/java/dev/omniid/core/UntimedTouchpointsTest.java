package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Touchpoints without a time (issue 13): profiles show an unknown first and last seen instead of
 * an invented one, journeys put them after the timed touchpoints whatever the arrival order, and
 * the journal keeps them, while reading the files earlier builds wrote.
 */
class UntimedTouchpointsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @TempDir
  Path temp;

  private static Touchpoint untimed(String id, String email) {
    return Touchpoint.newBuilder(id).channel(Channel.STORE)
        .identifier(IdentifierType.EMAIL, email).build();
  }

  private static Touchpoint at(String id, int minutes, String email) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0.plusSeconds(60L * minutes))
        .identifier(IdentifierType.EMAIL, email).build();
  }

  @Test
  void aProfileWithoutAnyTimeHasAnUnknownFirstAndLastSeen() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId id = r.resolve(untimed("b", "ana@example.com")).profileId();
    r.resolve(untimed("a", "ana@example.com"));
    Profile p = r.profile(id).orElseThrow();
    assertEquals(Optional.empty(), p.firstSeen());
    assertEquals(Optional.empty(), p.lastSeen());
    assertEquals(List.of("a", "b"), p.touchpointIds(), "untimed touchpoints in id order");
  }

  @Test
  void aProfileWithSomeTimedTouchpointsShowsTheirRangeAndListsTheUntimedAfterThem() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    ProfileId id = r.resolve(untimed("a-untimed", "ana@example.com")).profileId();
    r.resolve(at("z-late", 90, "ana@example.com"));
    r.resolve(untimed("0-untimed", "ana@example.com"));
    r.resolve(at("m-early", 5, "ana@example.com"));
    Profile p = r.profile(id).orElseThrow();
    assertEquals(Optional.of(T0.plusSeconds(5 * 60)), p.firstSeen());
    assertEquals(Optional.of(T0.plusSeconds(90 * 60)), p.lastSeen());
    assertEquals(List.of("m-early", "z-late", "0-untimed", "a-untimed"), p.touchpointIds());
  }

  /** Sequence neutrality holds for the whole view, not only the partition. */
  @Test
  void journeysAndTimesAreTheSameInEveryArrivalOrder() {
    List<Touchpoint> touchpoints = List.of(
        untimed("u9", "ana@example.com"), at("a2", 7, "ana@example.com"),
        untimed("u1", "ana@example.com"), at("a1", 7, "ana@example.com"), // a tie at minute 7
        at("a0", 30, "ana@example.com"), at("a3", -5, "ana@example.com"),
        untimed("b2", "bo@example.com"), untimed("b1", "bo@example.com"),
        at("c1", 1, "cy@example.com"));
    String expected = """
        [a3, a1, a2, a0, u1, u9] 2026-03-01T09:55:00Z..2026-03-01T10:30:00Z
        [b1, b2] ?..?
        [c1] 2026-03-01T10:01:00Z..2026-03-01T10:01:00Z""";
    IdentityResolver batch = IdentityResolver.newBuilder().build();
    batch.resolveAll(touchpoints);
    assertEquals(expected, RandomTouchpoints.journeys(batch));
    Random random = new Random(13);
    for (int order = 0; order < 20; order++) {
      List<Touchpoint> shuffled = new ArrayList<>(touchpoints);
      Collections.shuffle(shuffled, random);
      IdentityResolver r = IdentityResolver.newBuilder().build();
      shuffled.forEach(r::resolve);
      assertEquals(expected, RandomTouchpoints.journeys(r), "order " + order + ": " + shuffled);
    }
  }

  @Test
  void untimedTouchpointsSurviveTheJournalAndItsSnapshot() {
    Path dir = temp.resolve("journal");
    List<Touchpoint> all = List.of(untimed("u1", "ana@example.com"),
        at("t1", 3, "ana@example.com"), untimed("u2", "bo@example.com"));
    try (IdentityResolver r = IdentityResolver.newBuilder().journal(dir).build()) {
      r.resolve(all.get(0));
      r.resolve(all.get(1));
      r.journal().orElseThrow().compact(); // u1 and t1 go to the snapshot
      r.resolve(all.get(2)); // u2 stays in the journal
    }
    try (IdentityResolver r = IdentityResolver.newBuilder().journal(dir).build()) {
      Map<String, Touchpoint> back = r.profiles().flatMap(p -> p.journey().stream())
          .collect(Collectors.toMap(Touchpoint::id, t -> t));
      for (Touchpoint t : all) {
        assertEquals(t, back.get(t.id()));
      }
      Profile ana = r.findProfiles(IdentifierType.EMAIL, "ana@example.com").get(0);
      assertEquals(List.of("t1", "u1"), ana.touchpointIds());
      assertEquals(Optional.of(T0.plusSeconds(3 * 60)), ana.firstSeen());
      assertEquals(Optional.empty(),
          r.findProfiles(IdentifierType.EMAIL, "bo@example.com").get(0).lastSeen());
    }
  }

  /**
   * The files in {@code journal-v1} were written before the time became optional (commit ce070d2),
   * by a journaled resolver with the default configuration: touchpoints a1, a2 (nanoseconds, a
   * payload), b1 (before 1970), b2 (a named channel) and c1, never-link b1 b2, compact; then a3,
   * a batch of d1 and d2, remove c1. Today's build must read them to the same profiles and ids.
   */
  @Test
  void aJournalAndSnapshotWrittenBeforeTimesWereOptionalStillRead() throws IOException {
    Path dir = temp.resolve("v1");
    Files.createDirectories(dir);
    for (String name : List.of("snapshot-0000000000000001.omni",
        "journal-0000000000000001.omni")) {
      try (InputStream in = getClass().getResourceAsStream("journal-v1/" + name)) {
        Files.copy(in, dir.resolve(name));
      }
    }
    try (IdentityResolver r = IdentityResolver.newBuilder().journal(dir).build()) {
      RecoveryReport report = r.journal().orElseThrow().recoveryReport();
      assertTrue(report.damage().isEmpty(), report.toString());
      String profiles = r.profiles().map(p -> p.id() + " " + p.touchpointIds() + " "
          + p.firstSeen().orElseThrow() + " " + p.lastSeen().orElseThrow())
          .sorted().collect(Collectors.joining("\n"));
      // As the writing build printed them.
      assertEquals("""
          P-1 [a1, a2, a3] 2024-05-01T10:00:00Z 2024-07-01T09:00:00Z
          P-2 [b1] 1969-07-20T20:17:40Z 1969-07-20T20:17:40Z
          P-4 [b2] 2023-01-01T00:00:00Z 2023-01-01T00:00:00Z
          P-5 [d1, d2] 2025-01-01T00:00:00Z 2025-02-01T00:00:00Z""", profiles);
      Touchpoint a2 = r.profiles().flatMap(p -> p.journey().stream())
          .filter(t -> t.id().equals("a2")).findFirst().orElseThrow();
      assertEquals(Optional.of(Instant.parse("2024-05-02T11:30:00.123456789Z")), a2.timestamp());
      assertEquals(Map.of("order", "W-1"), a2.payload());
      assertEquals(Optional.of("Ana"), a2.attribute(AttributeKey.GIVEN_NAME));
      assertEquals(Channel.of("kiosk"), r.profile(new ProfileId(4)).orElseThrow().journey().get(0)
          .channel());
    }
  }

  /** A timed touchpoint is encoded exactly as before: these bytes follow the original rules. */
  @Test
  void aTimedTouchpointRecordKeepsItsOriginalBytes() {
    byte[] original = {
        JournalCodec.TOUCHPOINT,
        2, 't', '1', // id: UTF-16 length, then the units
        2, // channel: well-known code of "web"
        // seconds: zigzag(1_700_000_000) = 3_400_000_000, 7 bits a byte, low bits first
        (byte) 0x80, (byte) 0xC4, (byte) 0x9F, (byte) 0xD5, 0x0C,
        0, // nanoseconds
        9, // event kind: well-known code of "message"
        0, 0, 0 // no identifiers, attributes or payload
    };
    Touchpoint t = Touchpoint.newBuilder("t1").channel(Channel.WEB)
        .timestamp(Instant.ofEpochSecond(1_700_000_000L)).eventKind(EventKind.MESSAGE).build();
    JournalCodec.Out out = new JournalCodec.Out(8);
    JournalCodec.touchpoint(out, t);
    assertEquals(hex(original), hex(java.util.Arrays.copyOf(out.bytes, out.size)));
    JournalCodec.In in = new JournalCodec.In(original, 0, original.length);
    assertEquals(t, JournalCodec.readTouchpoint(in, in.readByte()));
    assertTrue(in.atEnd());
  }

  private static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder();
    for (byte b : bytes) {
      s.append(String.format("%02x ", b));
    }
    return s.toString();
  }
}
