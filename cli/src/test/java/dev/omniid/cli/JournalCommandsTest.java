package dev.omniid.cli;

import dev.omniid.connect.Mapping;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


/** The journal commands in this JVM: their settings file, argument parsing and idempotence. */
class JournalCommandsTest {
  @TempDir
  Path dir;

  private static Mapping mapping(String json) {
    return Mapping.parse(json, "m.json");
  }

  @Test
  void settingsRoundTripThroughTheirFile() {
    Mapping m = mapping("{\"id\": \"id\", \"fields\": {\"email\": \"e\", \"id:member\": {\"column\": \"m\","
        + " \"exclusive\": true}}}");
    JournalSettings s = JournalSettings.of("US", true, Optional.of(0.95), Optional.empty(), m);
    assertEquals(Set.of("email", "member"), s.types());
    assertEquals(new IdentifierPolicy(true, 0, true, 100), s.policies().get("member"));
    s.write(dir);
    assertEquals(Optional.of(s), JournalSettings.read(dir));
    assertFalse(Files.exists(dir.resolve(JournalSettings.FILE_NAME + ".tmp")));
    assertEquals(Optional.empty(), JournalSettings.read(dir.resolve("elsewhere")));
    assertTrue(s.knownTypes().containsAll(List.of("member", "email", "phone", "customer_id")));
  }

  @Test
  void idsComparedAsWrittenAreKeptAndAVersionOneJournalReadsItsIdsAsWritten() throws IOException {
    Mapping m = mapping("{\"id\": \"id\", \"fields\": {\"email\": \"e\", \"national_id\": {\"column\":"
        + " \"n\", \"normalize\": false}, \"customer_id\": \"c\"}}");
    JournalSettings s = JournalSettings.of("ES", false, Optional.empty(), Optional.empty(), m);
    assertEquals(Set.of("national_id"), s.asWritten());
    s.write(dir);
    assertEquals(Optional.of(s), JournalSettings.read(dir));
    JournalSettings normalized = JournalSettings.of("ES", false, Optional.empty(), Optional.empty(),
        mapping("{\"id\": \"id\", \"fields\": {\"national_id\": \"n\"}}"));
    assertTrue(assertThrows(CliException.class, () -> s.admit(normalized, false, "m.json")).getMessage()
        .contains("identifier type \"national_id\" is normalized but the journal was written with it"
            + " compared as written"));
    // Written before exact ids were normalized: its exact ids stay compared as written.
    Files.writeString(dir.resolve(JournalSettings.FILE_NAME), "{\"version\": 1, \"defaultRegion\": \"ES\","
        + " \"identifierTypes\": [\"email\", \"customer_id\", \"member\"]}");
    assertEquals(Set.of("customer_id", "member"), JournalSettings.read(dir).orElseThrow().asWritten());
  }

  /**
   * The size the first ingest declared is kept, written as version 3 (an omniid that reads only
   * version 2 would resolve the journal under another prior), and a later ingest must agree.
   */
  @Test
  void theExpectedSizeIsKeptAndALaterIngestMustAgree() throws IOException {
    Mapping m = mapping("{\"id\": \"id\", \"fields\": {\"email\": \"e\"}}");
    JournalSettings sized = JournalSettings.of("ES", false, Optional.empty(), Optional.of(2_000_000L), m);
    sized.write(dir);
    assertTrue(Files.readString(dir.resolve(JournalSettings.FILE_NAME)).contains("\"version\" : 3"));
    assertEquals(Optional.of(sized), JournalSettings.read(dir));
    JournalSettings unsized = JournalSettings.of("ES", false, Optional.empty(), Optional.empty(), m);
    assertEquals(Optional.of(2_000_000L), sized.admit(unsized, false, "m.json").expectedRecords(),
        "a later ingest without the option keeps the journal's size");
    CliException e = assertThrows(CliException.class, () -> sized.admit(
        JournalSettings.of("ES", false, Optional.empty(), Optional.of(5_000_000L), m), false, "m.json"));
    assertTrue(e.getMessage().startsWith("--expected-records 5000000 differs from the journal's (2000000"),
        e.getMessage());
    e = assertThrows(CliException.class, () -> unsized.admit(sized, false, "m.json"));
    assertTrue(e.getMessage().contains("(none: the default model's own size"), e.getMessage());
    // A size in a version 2 file, or none in a version 3 one, is a hand edit.
    unsized.write(dir);
    Files.writeString(dir.resolve(JournalSettings.FILE_NAME), Files.readString(
        dir.resolve(JournalSettings.FILE_NAME)).replace("\"defaultRegion\"", "\"expectedRecords\" : 9,"
        + " \"defaultRegion\""));
    e = assertThrows(CliException.class, () -> JournalSettings.read(dir));
    assertTrue(e.getMessage().contains("damaged or edited by hand"), e.getMessage());
  }

  @Test
  void aDamagedSettingsFileIsAOneLineProblem() throws IOException {
    Files.writeString(dir.resolve(JournalSettings.FILE_NAME), "{\"version\": 1, \"defaultRegion\": \"Spain\"}");
    CliException e = assertThrows(CliException.class, () -> JournalSettings.read(dir));
    assertTrue(e.getMessage().contains("damaged or edited by hand"), e.getMessage());
    Files.writeString(dir.resolve(JournalSettings.FILE_NAME), "{\"version\": 9}");
    e = assertThrows(CliException.class, () -> JournalSettings.read(dir));
    assertTrue(e.getMessage().contains("version 9"), e.getMessage());
  }

  @Test
  void aLaterIngestMustKeepTheJournalsConfigurationAndMayAddTypes() {
    JournalSettings held = JournalSettings.of("ES", false, Optional.empty(), Optional.empty(),
        mapping("{\"id\": \"id\", \"fields\": {\"email\": \"e\"}}"));
    JournalSettings phones = JournalSettings.of("ES", false, Optional.empty(), Optional.empty(),
        mapping("{\"id\": \"id\", \"fields\": {\"phone\": \"p\"}}"));
    assertEquals(Set.of("email", "phone"), held.admit(phones, true, "m.json").types());

    JournalSettings us = JournalSettings.of("US", true, Optional.empty(), Optional.empty(),
        mapping("{\"id\": \"id\", \"fields\": {\"phone\": \"p\"}}"));
    assertTrue(assertThrows(CliException.class, () -> held.admit(us, true, "m.json")).getMessage()
        .startsWith("default region US differs from the journal's (ES"));
    JournalSettings threshold = JournalSettings.of("ES", false, Optional.of(0.9), Optional.empty(),
        mapping("{\"id\": \"id\"}"));
    assertThrows(CliException.class, () -> held.admit(threshold, false, "m.json"));
    JournalSettings exclusive = JournalSettings.of("ES", false, Optional.empty(), Optional.empty(),
        mapping("{\"id\": \"id\", \"fields\": {\"email\": {\"column\": \"e\", \"exclusive\": true}}}"));
    assertTrue(assertThrows(CliException.class, () -> held.admit(exclusive, false, "m.json")).getMessage()
        .contains("the policy of identifier type \"email\""));
  }

  @Test
  void forgetReadsTypeAndValueAndNeverEchoesAValue() {
    Set<String> known = Set.of("email", "phone", "customer_id", "id:x");
    assertEquals(new ForgetCommand.Erased(IdentifierType.EMAIL, "ana@x.com"),
        ForgetCommand.parse("email:ana@x.com", known));
    assertEquals(new ForgetCommand.Erased(IdentifierType.PHONE, "+34 612 345 678"),
        ForgetCommand.parse(" Phone: +34 612 345 678 ", known));
    assertEquals(new ForgetCommand.Erased(IdentifierType.of("id:x"), "v:1"),
        ForgetCommand.parse("id:x:v:1", known), "the longest known type wins");
    for (String bad : List.of("ana@x.com", ":ana@x.com", "email:", "email:  ", "emial:ana@x.com",
        "Ana Pérez:ana@x.com")) {
      CliException e = assertThrows(CliException.class, () -> ForgetCommand.parse(bad, known), bad);
      assertFalse(e.getMessage().contains("ana@x.com") || e.getMessage().contains("Pérez"), e.getMessage());
    }
    assertTrue(assertThrows(CliException.class, () -> ForgetCommand.parse("emial:a@b.c", known))
        .getMessage().endsWith("did you mean email?"));
    assertTrue(assertThrows(CliException.class, () -> ForgetCommand.parse("customerid:C-1", known))
        .getMessage().endsWith("did you mean customer_id?"));
    assertEquals(2, ForgetCommand.distance("emial", "email"));
  }

  @Test
  void ingestingTwiceIsIdempotentEvenForARecordNarrowedByAnExclusiveConflict() throws IOException {
    Path input = dir.resolve("in.csv");
    Path mappingFile = dir.resolve("m.json");
    // Row a carries two customer ids: it is resolved without the second, as resolve does.
    Files.writeString(input, "id,c1,c2,email\na,C-1,C-2,ana@correo.es\nb,C-2,,\nc,C-1,,\n");
    Files.writeString(mappingFile, "{\"id\": \"id\", \"fields\": {\"customer_id\": [\"c1\", \"c2\"],"
        + " \"email\": \"email\"}}");
    Path journal = dir.resolve("journal");
    String[] ingest = {"ingest", "--journal", journal.toString(), "--input", input.toString(),
        "--mapping", mappingFile.toString(), "--batch", "2"};
    CliRun first = run(ingest);
    assertEquals(0, first.exit(), first.err());
    assertEquals("durable 2\ndurable 3\n", first.out());
    assertTrue(first.err().contains("3 records: 3 new, 0 already in the journal"), first.err());
    byte[] journalBytes = Files.readAllBytes(journal.resolve("journal-0000000000000000.omni"));
    CliRun second = run(ingest);
    assertEquals(0, second.exit(), second.err());
    assertEquals("durable 2\ndurable 3\n", second.out());
    assertTrue(second.err().contains("3 records: 0 new, 3 already in the journal"), second.err());
    assertTrue(java.util.Arrays.equals(journalBytes,
        Files.readAllBytes(journal.resolve("journal-0000000000000000.omni"))));

    // Another file that reuses id b for another customer: refused, reported, nothing else changes.
    Path other = dir.resolve("other.csv");
    Files.writeString(other, "id,c1,c2,email\nb,C-9,,\nd,C-2,,\n");
    CliRun third = run("ingest", "--journal", journal.toString(), "--input", other.toString(),
        "--mapping", mappingFile.toString(), "--rejects", dir.resolve("r.csv").toString());
    assertEquals(0, third.exit(), third.err());
    assertTrue(third.err().contains("2 records: 1 new, 0 already in the journal, 1 refused"), third.err());
    assertTrue(Files.readString(dir.resolve("r.csv")).contains("2,b,id,,\"its id is in the journal already"),
        Files.readString(dir.resolve("r.csv")));

    Path out = dir.resolve("clusters.csv");
    assertEquals(0, run("export", "--journal", journal.toString(), "--out", out.toString()).exit());
    assertEquals(List.of("record_id,profile_id", "b,P-1", "d,P-1", "a,P-2", "c,P-2"),
        Files.readAllLines(out));
  }

  @Test
  void ingestCompactAndForgetLeaveTheJournalOwnerOnly() throws IOException {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
    Path input = dir.resolve("in.csv");
    Path mappingFile = dir.resolve("m.json");
    Files.writeString(input, "id,email\na,ana@correo.es\nb,ana@correo.es\nc,luis@correo.es\n");
    Files.writeString(mappingFile, "{\"id\": \"id\", \"fields\": {\"email\": \"email\"}}");
    Path journal = dir.resolve("data").resolve("journal");
    CliRun ingest = run("ingest", "--journal", journal.toString(), "--input", input.toString(),
        "--mapping", mappingFile.toString(), "--compaction-threshold", "1");
    assertEquals(0, ingest.exit(), ingest.err());
    CliRun forget = run("forget", "--journal", journal.toString(), "--identifier", "email:luis@correo.es");
    assertEquals(0, forget.exit(), forget.err());
    assertEquals("rwx------", java.nio.file.attribute.PosixFilePermissions.toString(
        Files.getPosixFilePermissions(journal)));
    List<Path> files;
    try (var s = Files.list(journal)) {
      files = s.toList();
    }
    assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().startsWith("snapshot-")),
        files.toString());
    assertTrue(files.stream().anyMatch(f -> f.getFileName().toString().equals(JournalSettings.FILE_NAME)),
        files.toString());
    for (Path f : files) {
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(f)), f.getFileName().toString());
    }
  }

  @Test
  void anEncryptedJournalHoldsNoValueAndNeedsItsKeyFromAFileOrTheEnvironment() throws IOException {
    Path input = dir.resolve("in.csv");
    Path mappingFile = dir.resolve("m.json");
    Files.writeString(input, "id,email,phone\nord-ana-1,Ana.Secreta@correo.es,+34 699 000 111\n"
        + "ord-ana-2,ana.secreta@correo.es,\nord-luis-3,luis.privado@correo.es,+34 600 222 333\n");
    Files.writeString(mappingFile, "{\"id\": \"id\", \"fields\": {\"email\": \"email\","
        + " \"phone\": \"phone\"}}");
    String key = dev.omniid.core.JournalKey.generate().toBase64();
    Path keyFile = dir.resolve("journal.key");
    Files.writeString(keyFile, key + "\n");
    Path journal = dir.resolve("journal");
    CliRun ingest = run("ingest", "--journal", journal.toString(), "--input", input.toString(),
        "--mapping", mappingFile.toString(), "--key-file", keyFile.toString(),
        "--compaction-threshold", "1");
    assertEquals(0, ingest.exit(), ingest.err());
    List<String> values = List.of("ord-ana-1", "ord-luis-3", "Ana.Secreta@correo.es",
        "ana.secreta@correo.es", "luis.privado@correo.es", "+34699000111", "+34 600 222 333",
        "+34600222333");
    try (var files = Files.list(journal)) {
      for (Path f : files.toList()) {
        String text = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String v : values) {
          assertFalse(text.contains(v), f.getFileName() + " holds a value");
        }
      }
    }
    Path out = dir.resolve("clusters.csv");
    CliRun clear = run("export", "--journal", journal.toString(), "--out", out.toString());
    assertEquals(2, clear.exit(), clear.err());
    assertTrue(clear.err().contains("is encrypted") && clear.err().contains("OMNIID_JOURNAL_KEY"),
        clear.err());
    Path wrongFile = dir.resolve("wrong.key");
    Files.writeString(wrongFile, dev.omniid.core.JournalKey.generate().toBase64());
    CliRun wrong = run("export", "--journal", journal.toString(), "--out", out.toString(),
        "--key-file", wrongFile.toString());
    assertEquals(2, wrong.exit(), wrong.err());
    assertTrue(wrong.err().contains("another key"), wrong.err());
    assertFalse(wrong.err().contains(key) || wrong.err().contains(Files.readString(wrongFile)),
        "no key is shown");
    Files.writeString(wrongFile, "c2VjcmV0");
    CliRun shortKey = run("export", "--journal", journal.toString(), "--out", out.toString(),
        "--key-file", wrongFile.toString());
    assertEquals(2, shortKey.exit(), shortKey.err());
    assertTrue(shortKey.err().contains("must be 32 bytes") && !shortKey.err().contains("c2VjcmV0"),
        shortKey.err());

    JournalKeyOptions.environment = name -> name.equals(JournalKeyOptions.VARIABLE) ? key : null;
    try {
      CliRun forget = run("forget", "--journal", journal.toString(), "--identifier",
          "email:ana.secreta@correo.es");
      assertEquals(0, forget.exit(), forget.err());
      assertEquals(0, run("export", "--journal", journal.toString(), "--out", out.toString()).exit());
    } finally {
      JournalKeyOptions.environment = System::getenv;
    }
    assertEquals(List.of("record_id,profile_id", "ord-luis-3,P-2"), Files.readAllLines(out),
        "ana's records are gone, luis keeps his id");
  }

  @Test
  void everyDurabilityEndsWithAllRecordsDurable() throws IOException {
    Path input = dir.resolve("in.csv");
    Path mappingFile = dir.resolve("m.json");
    Files.writeString(input, "id,email\na,ana@correo.es\nb,ana@correo.es\nc,luis@correo.es\n");
    Files.writeString(mappingFile, "{\"id\": \"id\", \"fields\": {\"email\": \"email\"}}");
    for (String durability : List.of("group", "none", "SYNC")) {
      CliRun r = run("ingest", "--journal", dir.resolve(durability).toString(), "--input", input.toString(),
          "--mapping", mappingFile.toString(), "--durability", durability, "--batch", "1");
      assertEquals(0, r.exit(), r.err());
      List<String> lines = r.out().lines().toList();
      assertEquals("durable 3", lines.get(lines.size() - 1), durability);
      assertEquals(durability.equals("SYNC") ? 3 : 1, lines.size(), durability + ": " + r.out());
    }
    CliRun bad = run("ingest", "--journal", dir.resolve("x").toString(), "--input", input.toString(),
        "--mapping", mappingFile.toString(), "--batch", "0");
    assertEquals(2, bad.exit());
    assertEquals("omniid: --batch must be at least 1", bad.err().strip());
  }
}
