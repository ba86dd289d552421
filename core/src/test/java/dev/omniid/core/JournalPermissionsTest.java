package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's files hold every email and phone in clear: on a POSIX file system the directory is
 * owner-only and every file in it owner read and write only, after every way a file is made (the
 * first journal, the lock, a compaction's snapshot and journal, an erasure's rewrite). A test
 * cannot change its own process's umask, so it asserts the exact permission sets: whatever the
 * umask took off or left, anything but these fails.
 */
class JournalPermissionsTest {
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  @TempDir
  Path temp;

  @BeforeEach
  void posixOnly() {
    assumeTrue(temp.getFileSystem().supportedFileAttributeViews().contains("posix"),
        "POSIX permissions");
  }

  private static Touchpoint tp(String id, IdentifierType type, String value) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2024-01-01T00:00:00Z")).identifier(type, value).build();
  }

  private static void assertOwnerOnly(Path dir, int atLeastFiles) throws IOException {
    assertEquals(PosixFilePermissions.toString(DIRECTORY),
        PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)), dir.getFileName()
            + "");
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.toList();
    }
    assertTrue(files.size() >= atLeastFiles, files.toString());
    for (Path f : files) {
      assertEquals(PosixFilePermissions.toString(FILE),
          PosixFilePermissions.toString(Files.getPosixFilePermissions(f)),
          f.getFileName().toString());
    }
  }

  @Test
  void aNewJournalDirectoryAndEveryFileAreOwnerOnlyThroughCompactionAndErasure()
      throws IOException {
    Path dir = temp.resolve("data").resolve("journal");
    try (IdentityResolver r = JournalFixtures.open(dir)) {
      assertOwnerOnly(dir, 2); // the lock and the first journal
      assertEquals(PosixFilePermissions.toString(DIRECTORY),
          PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())),
          "a parent the journal created");
      r.resolve(tp("a", IdentifierType.EMAIL, "ana@example.com"));
      r.resolve(tp("b", IdentifierType.PHONE, "+34 699 000 111"));
      r.resolve(tp("c", IdentifierType.EMAIL, "bob@example.com"));
      r.neverLink("a", "c");
      JournalFixtures.journal(r).compact();
      assertTrue(names(dir).stream().anyMatch(n -> n.startsWith("snapshot-")), names(dir) + "");
      assertOwnerOnly(dir, 3);
      r.resolve(tp("d", IdentifierType.EMAIL, "ana@example.com"));
      assertEquals(List.of("a", "d"), r.forget(IdentifierType.EMAIL, "ana@example.com"));
      assertOwnerOnly(dir, 3); // the erasure's rewrite
    }
    try (IdentityResolver r = JournalFixtures.open(dir)) {
      assertEquals(2, r.touchpointCount());
      assertOwnerOnly(dir, 3);
    }
  }

  @Test
  void filesAndADirectoryAnOlderBuildLeftReadableAreMadeOwnerOnly() throws IOException {
    Path dir = temp.resolve("old");
    try (IdentityResolver r = JournalFixtures.open(dir)) {
      r.resolve(tp("a", IdentifierType.EMAIL, "ana@example.com"));
      JournalFixtures.journal(r).compact();
      r.resolve(tp("b", IdentifierType.EMAIL, "bob@example.com"));
    }
    Set<PosixFilePermission> wide = PosixFilePermissions.fromString("rw-r--r--");
    try (Stream<Path> s = Files.list(dir)) {
      for (Path f : s.toList()) {
        Files.setPosixFilePermissions(f, wide);
      }
    }
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    // A temporary snapshot a crash left behind, readable by all: recovery deletes it.
    Path stale = dir.resolve("snapshot-0000000000000009.omni.tmp");
    Files.write(stale, new byte[] {1, 2, 3});
    Files.setPosixFilePermissions(stale, wide);
    try (IdentityResolver r = JournalFixtures.open(dir)) {
      assertEquals(2, r.touchpointCount());
      assertFalse(Files.exists(stale));
      assertOwnerOnly(dir, 3);
    }
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}
