package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code omniid audience}: each platform's file holds the digests that platform documents. The
 * expected digests are computed here from the normalized strings the platforms' guides give, with
 * {@link MessageDigest}, not through the library's own normalizers.
 */
class AudienceCommandTest {
  @TempDir
  Path dir;

  private ExportFixture data;
  private Path profiles;

  @BeforeEach
  void export() throws IOException {
    data = new ExportFixture(dir);
    profiles = dir.resolve("profiles.jsonl");
    CliRun r = run(Stream.concat(Stream.of("profiles", "--show-values", "--out",
        profiles.toString()), Stream.of(data.file())).toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static String hex(String s) {
    return HexFormat.of().formatHex(sha256(s));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(sha256(s));
  }

  private CliRun audience(String platform) {
    return run("audience", "--profiles", profiles.toString(), "--platform", platform, "--out", "-");
  }

  @Test
  void googleHashesGmailWithoutDotsKeepsPlusTagsAndPhonesInE164() {
    CliRun r = audience("google");
    assertEquals(0, r.exit(), r.err());
    // Ana: gmail dots removed; Luis: lower-cased, +tag kept; Marta (nothing) and Eva (a phone
    // libphonenumber cannot validate) are skipped.
    assertEquals(List.of("Email,Phone",
        hex("anaperez@gmail.com") + "," + hex("+34612345678"),
        hex("luis+shoes@example.com") + ","), r.out().lines().toList());
    assertTrue(r.err().contains("4 profiles -> 2 rows for google -> standard output (hashed: 2"
        + " emails, 1 phones)"), r.err());
    assertTrue(r.err().contains("profiles skipped, nothing to hash: 2 (1 without an email or phone,"
        + " 1 with only values google refuses); values refused: 0 emails, 1 phones"), r.err());
  }

  @Test
  void metaKeepsGmailDotsAndWritesPhonesAsDigitsWithTheCountryCode() {
    CliRun r = audience("meta");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("email,phone",
        hex("ana.perez@gmail.com") + "," + hex("34612345678"),
        hex("luis+shoes@example.com") + ","), r.out().lines().toList());
  }

  @Test
  void uid2WritesOneBase64RowPerIdentifierGmailDotsAndTagsRemovedOnlyForGmail() {
    CliRun r = audience("uid2");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("profile_id,type,hash",
        "P-1,email_hash," + base64("anaperez@gmail.com"),
        "P-1,phone_hash," + base64("+34612345678"),
        "P-2,email_hash," + base64("luis+shoes@example.com")), r.out().lines().toList());
    assertTrue(r.err().contains("4 profiles -> 3 identifier rows for uid2"), r.err());
  }

  @Test
  void uid2PublishedVectorThroughTheWholeCommand() throws IOException {
    Path input = dir.resolve("one.csv");
    Files.writeString(input, "id,channel,ts,email,phone,first,last,city\n"
        + "u,web,2026-01-01T10:00:00Z, User@Example.com ,,,,\n");
    CliRun r = run("audience", "--input", input.toString(), "--mapping", data.mapping.toString(),
        "--platform", "UID2", "--out", "-");
    assertEquals(0, r.exit(), r.err());
    assertEquals(List.of("profile_id,type,hash",
        "P-1,email_hash,tMmiiTI7IaAcPpQPFQ65uMVCWH8av9jw4cwf/F5HVRQ="), r.out().lines().toList());
  }

  @Test
  void readingTheFileOrTheJournalDirectlyEqualsReadingTheExport() {
    Path journal = dir.resolve("journal");
    assertEquals(0, run(Stream.concat(Stream.of("ingest", "--journal", journal.toString()),
        Stream.of(data.file())).toArray(String[]::new)).exit());
    for (String platform : List.of("google", "meta", "uid2")) {
      String expected = audience(platform).out();
      CliRun fromFile = run(Stream.concat(Stream.of("audience", "--platform", platform, "--out", "-"),
          Stream.of(data.file())).toArray(String[]::new));
      assertEquals(0, fromFile.exit(), fromFile.err());
      assertEquals(expected, fromFile.out(), platform);
      CliRun fromJournal = run("audience", "--journal", journal.toString(), "--platform", platform,
          "--out", "-");
      assertEquals(0, fromJournal.exit(), fromJournal.err());
      assertEquals(expected, fromJournal.out(), platform);
    }
  }

  @Test
  void maskedProfilesAreRefusedNamingTheProblemAndNoFileIsWritten() {
    Path masked = dir.resolve("masked.jsonl");
    CliRun export = run(Stream.concat(Stream.of("profiles", "--out", masked.toString()),
        Stream.of(data.file())).toArray(String[]::new));
    assertEquals(0, export.exit(), export.err());
    Path out = dir.resolve("google.csv");
    CliRun r = run("audience", "--profiles", masked.toString(), "--platform", "google", "--out",
        out.toString());
    assertEquals(CliException.USAGE, r.exit());
    assertTrue(r.err().contains("--profiles " + masked + ": line 1 holds masked values (the file was"
        + " written without --show-values), and a masked value cannot be hashed"), r.err());
    assertFalse(Files.exists(out), "no half-written audience file");
  }

  @Test
  void aFileThatIsNotAProfilesExportIsRefusedWithoutEchoingIt() throws IOException {
    Path notJson = dir.resolve("x.jsonl");
    Files.writeString(notJson, "ana.perez@gmail.com,+34612345678\n");
    CliRun r = run("audience", "--profiles", notJson.toString(), "--platform", "meta", "--out", "-");
    assertEquals(CliException.USAGE, r.exit());
    assertTrue(r.err().contains("line 1 is not a JSON object"), r.err());
    assertFalse(r.err().contains("perez"), r.err());
    Path other = dir.resolve("y.jsonl");
    Files.writeString(other, "{\"email\": \"ana.perez@gmail.com\"}\n");
    r = run("audience", "--profiles", other.toString(), "--platform", "meta", "--out", "-");
    assertEquals(CliException.USAGE, r.exit());
    assertTrue(r.err().contains("line 1 is not a profile written by omniid profiles"), r.err());
  }
}
