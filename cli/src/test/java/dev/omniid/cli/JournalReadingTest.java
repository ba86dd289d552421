package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats} and {@code profile} on a journal (a recovery, not a re-resolution), and
 * {@code forget} saying whether it erased the records carrying a value or the whole profile.
 * On the messy fixture: c1 and c2 carry ana.perez@gmail.com, c3 shares only c1's phone, so the
 * three are one profile.
 */
class JournalReadingTest {
  private static final Path FIXTURES = Path.of("src/test/resources/cli");
  private static final Path MESSY = FIXTURES.resolve("messy.csv");
  private static final Path MAPPING = FIXTURES.resolve("messy-mapping.json");

  @TempDir
  Path dir;

  private Path journal;

  @BeforeEach
  void ingest() {
    journal = dir.resolve("journal");
    CliRun ingest = run("ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString());
    assertEquals(0, ingest.exit(), ingest.err());
  }

  @Test
  void statsOnTheJournalPrintsWhatStatsOnTheFilePrints() {
    CliRun fromFile = run("stats", "--input", MESSY.toString(), "--mapping", MAPPING.toString());
    CliRun fromJournal = run("stats", "--journal", journal.toString());
    assertEquals(0, fromJournal.exit(), fromJournal.err());
    assertTrue(fromJournal.out().startsWith("13 records -> 7 profiles; 5 with 2+ records"),
        fromJournal.out());
    // Profile ids are handed out by each recovery: the report is the same but for them.
    assertEquals(withoutIds(fromFile.out()), withoutIds(fromJournal.out()));
    assertTrue(fromJournal.err().startsWith("omniid stats: journal " + journal + ": recovered 13"
        + " touchpoints"), fromJournal.err());
    assertEquals(1, fromJournal.err().strip().lines().count(), fromJournal.err());
  }

  private static String withoutIds(String report) {
    return report.replaceAll("P-\\d+", "P-?");
  }

  @Test
  void profileOnTheJournalFindsByIdentifierAndRecordAndNamesUnknownTypes() {
    CliRun byEmail = run("profile", "--journal", journal.toString(), "--identifier",
        "email:ANA.Perez@gmail.com");
    assertEquals(0, byEmail.exit(), byEmail.err());
    assertTrue(byEmail.out().matches("(?s)Profile P-\\d+: 3 records on .*"), byEmail.out());
    for (String record : List.of("c1", "c2", "c3")) {
      assertTrue(byEmail.out().contains(" " + record + " "), record + ": " + byEmail.out());
    }
    CliRun byRecord = run("profile", "--journal", journal.toString(), "--record", "c3");
    assertEquals(0, byRecord.exit(), byRecord.err());
    assertEquals(byEmail.out(), byRecord.out());

    CliRun unknown = run("profile", "--journal", journal.toString(), "--identifier", "mail:x@y.es");
    assertEquals(CliException.USAGE, unknown.exit());
    assertTrue(unknown.err().contains("unknown identifier type \"mail\"; known: customer_id, email,"
        + " phone"), unknown.err());

    CliRun both = run("profile", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString(), "--record", "c3");
    assertEquals(CliException.USAGE, both.exit());
    assertTrue(both.err().contains("are mutually exclusive"), both.err());
  }

  @Test
  void anEncryptedJournalIsReadWithItsKey() throws IOException {
    Path keyFile = dir.resolve("journal.key");
    Files.writeString(keyFile, dev.omniid.core.JournalKey.generate().toBase64() + "\n");
    Path sealed = dir.resolve("sealed");
    assertEquals(0, run("ingest", "--journal", sealed.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString(), "--key-file", keyFile.toString()).exit());
    CliRun withKey = run("stats", "--journal", sealed.toString(), "--key-file", keyFile.toString());
    assertEquals(0, withKey.exit(), withKey.err());
    assertTrue(withKey.out().startsWith("13 records -> 7 profiles"), withKey.out());
    CliRun withoutKey = run("profile", "--journal", sealed.toString(), "--record", "c1");
    assertEquals(CliException.USAGE, withoutKey.exit());
    assertEquals(1, withoutKey.err().strip().lines().count(), withoutKey.err());
    assertTrue(withoutKey.err().contains("give its key with --key-file or OMNIID_JOURNAL_KEY"),
        withoutKey.err());
  }

  @Test
  void forgetByIdentifierSaysWhichRecordsOfTheProfileRemainAndUnderWhichId() {
    CliRun forget = run("forget", "--journal", journal.toString(), "--identifier",
        "email:ana.perez@gmail.com");
    assertEquals(0, forget.exit(), forget.err());
    assertEquals("removed 2", forget.out().strip());
    Matcher m = Pattern.compile("erased 2 records carrying the value; 1 other record of the same"
        + " profile remains as (P-\\d+) \\(--whole-profile erases them too\\)").matcher(forget.err());
    assertTrue(m.find(), forget.err());
    assertFalse(forget.err().contains("ana.perez"), "never the raw value: " + forget.err());
    // The id printed is the one the journal gives c3 from now on.
    CliRun c3 = run("profile", "--journal", journal.toString(), "--record", "c3");
    assertTrue(c3.out().startsWith("Profile " + m.group(1) + ": 1 record "), c3.out());
  }

  @Test
  void forgetWholeProfileErasesEveryRecordOfTheCustomer() {
    CliRun forget = run("forget", "--journal", journal.toString(), "--identifier",
        "email:ana.perez@gmail.com", "--whole-profile", "--verbose");
    assertEquals(0, forget.exit(), forget.err());
    assertEquals(List.of("removed 3", "c1", "c2", "c3"), forget.out().lines().toList());
    assertTrue(forget.err().matches("(?s)omniid forget: email:a\\*+@g\\*+\\.com: erased the whole"
        + " profile P-\\d+: 3 records; journal .*"), forget.err());
    assertEquals(1, run("profile", "--journal", journal.toString(), "--record", "c3").exit());
    CliRun stats = run("stats", "--journal", journal.toString());
    assertTrue(stats.out().startsWith("10 records -> 6 profiles"), stats.out());
  }
}
