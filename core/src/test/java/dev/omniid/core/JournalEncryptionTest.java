package dev.omniid.core;

import static dev.omniid.core.JournalFixtures.contains;
import static dev.omniid.core.JournalFixtures.files;
import static dev.omniid.core.JournalFixtures.journal;
import static dev.omniid.core.JournalFixtures.read;
import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Encryption at rest: a journal built with a {@link JournalKey} holds no value of any touchpoint
 * in any file, recovers what it held, refuses another key (or none) at build, and still rewrites
 * its files on an erasure.
 */
class JournalEncryptionTest {
  @TempDir
  Path temp;

  private static final JournalKey KEY = JournalKey.of(bytes(1));
  private static final JournalKey OTHER = JournalKey.of(bytes(2));

  private static byte[] bytes(int seed) {
    byte[] b = new byte[JournalKey.LENGTH];
    new Random(seed).nextBytes(b);
    return b;
  }

  private static IdentityResolver open(Path dir, JournalKey key) {
    return JournalFixtures.builder().journal(dir, Durability.syncEachWrite(), key).build();
  }

  private static Touchpoint tp(String id, String email, String phone, String name, String note) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2024-03-01T10:00:00Z"))
        .attribute(AttributeKey.GIVEN_NAME, name).payload("note", note);
    if (email != null) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    if (phone != null) {
      b.identifier(IdentifierType.PHONE, phone);
    }
    return b.build();
  }

  private static List<Touchpoint> scene() {
    return List.of(
        tp("order-ana-000001", "Ana.Secreta@Example.com", "+34 699 000 111", "Anastasia",
            "deliver to Calle Mayor 12"),
        tp("order-ana-000002", "ana.secreta@example.com", null, "Anastasia",
            "gift wrap for Rodrigo"),
        tp("order-bob-000003", "bob.private@example.org", "+34 600 222 333", "Bartholomew",
            "leave with the concierge"),
        tp("order-bob-000004", null, "+34 600 222 333", "Bartholomew", "fragile glassware"));
  }

  /** Every value the scene's touchpoints hold, as written and as the journal normalizes it. */
  private static List<String> values() {
    List<String> out = new ArrayList<>();
    for (Touchpoint t : scene()) {
      out.add(t.id());
      for (Identifier i : t.identifiers()) {
        out.add(i.raw().strip());
        out.add(i.value());
      }
      out.addAll(t.attributes().values());
      out.addAll(t.payload().values());
    }
    return out;
  }

  private static List<String> heldBy(Path dir) {
    List<String> held = new ArrayList<>();
    for (Path f : files(dir)) {
      byte[] bytes = read(f);
      for (String v : values()) {
        if (contains(bytes, v.getBytes(StandardCharsets.UTF_8))) {
          held.add(f.getFileName() + " holds " + v.length() + " characters of a value");
        }
      }
    }
    return held;
  }

  private static Map<String, String> profileIds(IdentityResolver r) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Touchpoint t : scene()) {
      out.put(t.id(), r.profileIdOf(t.id()).map(ProfileId::toString).orElse("-"));
    }
    return out;
  }

  @Test
  void noFileOfAnEncryptedJournalHoldsAnyValueWhileAClearOneDoes() {
    Path clear = temp.resolve("clear");
    Path sealed = temp.resolve("sealed");
    for (Path dir : List.of(clear, sealed)) {
      try (IdentityResolver r = dir == clear ? JournalFixtures.open(dir) : open(dir, KEY)) {
        r.resolve(scene().get(0));
        r.resolveAll(scene().subList(1, 3));
        journal(r).compact(); // a snapshot of the three
        r.resolve(scene().get(3)); // and a journal record after it
        r.neverLink("order-ana-000001", "order-bob-000003");
      }
    }
    assertFalse(heldBy(clear).isEmpty(), "the grep finds values in a clear journal");
    assertEquals(List.of(), heldBy(sealed));
    assertTrue(files(sealed).stream().anyMatch(f -> f.getFileName().toString().startsWith("snapshot-")));
  }

  @Test
  void anEncryptedJournalRecoversTheSamePartitionAndIdsAfterARestartAndATornTail()
      throws IOException {
    Path dir = temp.resolve("j");
    String partition;
    Map<String, String> ids;
    try (IdentityResolver r = open(dir, KEY)) {
      r.resolveAll(scene().subList(0, 2));
      journal(r).compact();
      r.resolve(scene().get(2));
      r.resolve(scene().get(3));
      r.split(r.profileIdOf("order-ana-000001").orElseThrow(),
          java.util.Set.of("order-ana-000002"));
      partition = describe(partition(r));
      ids = profileIds(r);
    }
    try (IdentityResolver r = open(dir, KEY)) {
      assertTrue(journal(r).recoveryReport().clean(), journal(r).recoveryReport().toString());
      assertEquals(partition, describe(partition(r)));
      assertEquals(ids, profileIds(r));
      r.resolve(tp("order-cyd-000005", "cyd@example.net", null, "Cydney", "no note"));
    }
    // A crash inside the last record's write: its tail is cut off, the rest recovered.
    Path journalFile = JournalFixtures.only(dir, "journal-");
    try (FileChannel c = FileChannel.open(journalFile, StandardOpenOption.WRITE)) {
      c.truncate(c.size() - 5);
    }
    try (IdentityResolver r = JournalFixtures.recover(dir, () -> open(dir, KEY))) {
      RecoveryReport report = journal(r).recoveryReport();
      assertEquals(1, report.damage().size(), report.toString());
      assertEquals(RecoveryReport.Kind.TORN_TAIL, report.damage().get(0).kind());
      assertEquals(partition, describe(partition(r)));
      assertEquals(ids, profileIds(r));
    }
  }

  @Test
  @SuppressWarnings("try") // the first resolver is opened only to write the files
  void anotherKeyNoKeyOrAKeyOnAClearJournalIsRefusedAtBuildNamingTheFile() {
    Path dir = temp.resolve("j");
    try (IdentityResolver r = open(dir, KEY)) {
      // No record yet: the key check after the header tells the key all the same.
    }
    OmniIdException wrong = assertThrows(OmniIdException.class, () -> open(dir, OTHER));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, wrong.reason());
    assertEquals("journalKey", wrong.field());
    assertTrue(wrong.getMessage().contains("journal-0000000000000000.omni")
        && wrong.getMessage().contains("another key"), wrong.getMessage());
    try (IdentityResolver r = open(dir, KEY)) {
      r.resolveAll(scene());
      journal(r).compact();
    }
    wrong = assertThrows(OmniIdException.class, () -> open(dir, OTHER));
    assertTrue(wrong.getMessage().contains("snapshot-0000000000000001.omni"), wrong.getMessage());
    OmniIdException none = assertThrows(OmniIdException.class, () -> JournalFixtures.open(dir));
    assertTrue(none.getMessage().contains("is encrypted"), none.getMessage());
    for (OmniIdException e : List.of(wrong, none)) {
      for (String v : values()) {
        assertFalse(e.getMessage().contains(v), e.getMessage());
      }
    }
    Path clear = temp.resolve("clear");
    try (IdentityResolver r = JournalFixtures.open(clear)) {
      r.resolve(scene().get(0));
    }
    OmniIdException keyed = assertThrows(OmniIdException.class, () -> open(clear, KEY));
    assertTrue(keyed.getMessage().contains("is not encrypted"), keyed.getMessage());
    // Each refusal released the directory: the right key still opens it.
    try (IdentityResolver r = open(dir, KEY)) {
      assertEquals(4, r.touchpointCount());
    }
  }

  @Test
  void aSealedRecordAlteredOnDiskIsRefusedNotSkipped() throws IOException {
    Path dir = temp.resolve("j");
    try (IdentityResolver r = open(dir, KEY)) {
      r.resolve(scene().get(0));
      r.resolve(scene().get(2));
    }
    Path file = JournalFixtures.only(dir, "journal-");
    byte[] bytes = read(file);
    // Flip a byte inside the last record's ciphertext and fix its CRC: only GCM can tell.
    int last = lastFrameStart(bytes);
    int length = JournalCodec.getInt(bytes, last);
    bytes[last + JournalCodec.FRAME_HEADER + JournalKey.NONCE + 1] ^= 1;
    byte[] header = java.util.Arrays.copyOfRange(bytes, last, last + JournalCodec.FRAME_HEADER);
    byte[] payload = java.util.Arrays.copyOfRange(bytes, last + JournalCodec.FRAME_HEADER,
        last + JournalCodec.FRAME_HEADER + length);
    JournalCodec.putInt(bytes, last + 4, JournalCodec.frameChecksum(
        new java.util.zip.CRC32C(), header, payload, length));
    Files.write(file, bytes);
    UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> open(dir, KEY));
    assertTrue(e.getMessage().contains("AES-GCM authentication"), e.getMessage());
  }

  private static int lastFrameStart(byte[] file) {
    int at = JournalFiles.HEADER;
    int last = -1;
    while (at < file.length) {
      last = at;
      at += JournalCodec.FRAME_HEADER + JournalCodec.getInt(file, at);
    }
    return last;
  }

  @Test
  void erasureStillRewritesTheFilesSoEvenTheKeyCannotReadTheErasedValues() throws IOException {
    Path dir = temp.resolve("j");
    try (IdentityResolver r = open(dir, KEY)) {
      r.resolveAll(scene());
      assertEquals(List.of("order-ana-000001", "order-ana-000002"),
          r.forget(IdentifierType.EMAIL, "ana.secreta@example.com"));
    }
    // Open every record of every file with the key: none holds an erased value.
    List<String> erased = List.of("order-ana-000001", "order-ana-000002", "Ana.Secreta@Example.com",
        "ana.secreta@example.com", "+34699000111", "deliver to Calle Mayor 12",
        "gift wrap for Rodrigo", "Anastasia");
    int records = 0;
    for (Path f : files(dir)) {
      String name = f.getFileName().toString();
      byte kind = name.startsWith("journal-") ? JournalFiles.JOURNAL
          : name.startsWith("snapshot-") ? JournalFiles.SNAPSHOT : 0;
      if (kind == 0) {
        continue;
      }
      long generation = JournalFiles.generationOf(name, kind == JournalFiles.JOURNAL
          ? "journal-" : "snapshot-");
      try (JournalFiles.FrameReader reader = new JournalFiles.FrameReader(f, kind, generation,
          KEY)) {
        while (reader.next() == JournalFiles.Step.FRAME) {
          records++;
          byte[] plain = java.util.Arrays.copyOf(reader.payload, reader.length);
          for (String v : erased) {
            assertFalse(contains(plain, v.getBytes(StandardCharsets.UTF_8)), name);
          }
        }
      }
    }
    assertTrue(records >= 3, "the remaining touchpoints, anchors and END were read: " + records);
    try (IdentityResolver r = open(dir, KEY)) {
      assertEquals(JournalFixtures.ids(r), java.util.Set.of("order-bob-000003", "order-bob-000004"));
    }
  }

  @Test
  void aKeyIsCopiedNeverShownAndMustBe256Bits() {
    byte[] raw = bytes(7);
    JournalKey key = JournalKey.of(raw);
    String base64 = key.toBase64();
    java.util.Arrays.fill(raw, (byte) 0);
    assertArrayEquals(bytes(7), java.util.Base64.getDecoder().decode(key.toBase64()),
        "the key kept its own copy");
    assertEquals(base64, JournalKey.fromBase64("  " + base64 + "\n").toBase64());
    assertFalse(key.toString().contains(base64) || key.toString().contains(base64.substring(0, 8)));
    assertEquals("journalKey", assertThrows(OmniIdException.class,
        () -> JournalKey.of(new byte[16])).field());
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> JournalKey.fromBase64("not base64 but a secret!"));
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    assertThrows(OmniIdException.class, () -> JournalKey.fromBase64("AAAA"));
    assertFalse(JournalKey.generate().toBase64().equals(JournalKey.generate().toBase64()));
  }
}
