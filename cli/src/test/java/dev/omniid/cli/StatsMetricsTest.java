package dev.omniid.cli;

import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Mapping;
import dev.omniid.connect.TouchpointMapper;
import dev.omniid.core.OmniIdException;
import java.util.Map;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats --metrics} and the mapping's {@code payload} section it reads amounts and scores
 * from. Ana browses on the web, buys in the store (10.50) and again five months later (amount
 * "abc"); Luis buys on the web (5) and answers a survey (9) by email; Eva answers "11".
 */
class StatsMetricsTest {
  private static final String CSV = """
      id,channel,ts,event,email,total,nps
      a1,web,2025-01-01T00:00:00Z,view,ana@correo.es,,
      a2,store,2025-01-02T00:00:00Z,purchase,ana@correo.es,10.50,
      a3,store,2025-06-01T00:00:00Z,purchase,ana@correo.es,abc,
      b1,web,2025-01-03T00:00:00Z,purchase,luis@correo.es,5,
      b2,email,2025-01-04T00:00:00Z,survey,luis@correo.es,,9
      c1,email,2025-01-05T00:00:00Z,survey,eva@correo.es,,11
      """;
  private static final String MAPPING = """
      {"id": "id", "channel": "channel", "timestamp": "ts", "event": "event",
       "fields": {"email": "email"}, "payload": {"amount": "total", "score": ["nps"]}}""";

  @TempDir
  Path dir;
  private Path input;
  private Path mapping;

  @BeforeEach
  void files() throws IOException {
    input = Files.writeString(dir.resolve("in.csv"), CSV);
    mapping = Files.writeString(dir.resolve("m.json"), MAPPING);
  }

  private static String row(String out, String name) {
    return out.substring(out.indexOf("Customer metrics")).lines().filter(l -> l.startsWith("  " + name + " ")).findFirst()
        .orElseThrow(() -> new AssertionError("no row " + name + " in\n" + out))
        .strip().replaceAll("\\s+", " ");
  }

  @Test
  void printsTheResolvedCustomersAndEachChannelsSilo() {
    CliRun stats = run("stats", "--input", input.toString(), "--mapping", mapping.toString(),
        "--metrics");
    assertEquals(0, stats.exit(), stats.err());
    String out = stats.out();
    // 3 customers, 2 buyers, 15.50 / 2 = 7.75, Ana browsed elsewhere first and bought twice;
    // all three first seen 90 days before June 1, Ana back in June; Luis promotes, Eva's 11 is out.
    assertEquals("resolved 3 2 7.75 50.0 % 50.0 % 33.3 % +100.0", row(out, "resolved"));
    assertEquals("silos (sum) 5 2 7.75 0.0 % 50.0 % 20.0 % +100.0", row(out, "silos (sum)"));
    assertEquals("web 2 1 5.00 0.0 % 0.0 % 0.0 % -", row(out, "web"));
    assertEquals("store 1 1 10.50 0.0 % 100.0 % 100.0 % -", row(out, "store"));
    assertEquals("email 2 0 0.00 0.0 % 0.0 % 0.0 % +100.0", row(out, "email"));
    assertTrue(out.contains("revenue 15.50 from 3 purchases (0 without an amount, 1 with an amount"
        + " that is not a number: skipped); 1 survey answers not a 0-10 score: skipped"), out);
    assertFalse(out.contains("abc") || stats.err().contains("abc"), "never the raw value");
  }

  @Test
  void withoutMetricsTheReportIsAsBefore() {
    CliRun stats = run("stats", "--input", input.toString(), "--mapping", mapping.toString());
    assertEquals(0, stats.exit(), stats.err());
    assertFalse(stats.out().contains("Customer metrics"), stats.out());
  }

  @Test
  void aJournalKeepsThePayloadSoItsMetricsAreTheFilesMetrics() {
    Path journal = dir.resolve("journal");
    CliRun ingest = run("ingest", "--journal", journal.toString(), "--input", input.toString(),
        "--mapping", mapping.toString());
    assertEquals(0, ingest.exit(), ingest.err());
    CliRun fromFile = run("stats", "--input", input.toString(), "--mapping", mapping.toString(),
        "--metrics");
    CliRun fromJournal = run("stats", "--journal", journal.toString(), "--metrics");
    assertEquals(0, fromJournal.exit(), fromJournal.err());
    String metrics = "Customer metrics";
    assertEquals(fromFile.out().substring(fromFile.out().indexOf(metrics)),
        fromJournal.out().substring(fromJournal.out().indexOf(metrics)));
  }

  @Test
  void theKeysAndThePeriodAreOptions() {
    CliRun stats = run("stats", "--input", input.toString(), "--mapping", mapping.toString(),
        "--metrics", "--amount-key", "score", "--score-key", "amount", "--retention-days", "200");
    assertEquals(0, stats.exit(), stats.err());
    // No purchase carries a "score": nothing priced. Luis's amount "5" is now his score (a
    // detractor); "10.50" and "abc" are no 0-10 scores. Nobody was first seen 200 days before June.
    assertEquals("resolved 3 2 0.00 50.0 % 50.0 % 0.0 % -100.0", row(stats.out(), "resolved"));
    assertTrue(stats.out().contains("(3 without an amount, 0 with an amount that is not a number:"
        + " skipped); 2 survey answers not a 0-10 score"), stats.out());
    CliRun same = run("stats", "--input", input.toString(), "--mapping", mapping.toString(),
        "--metrics", "--amount-key", "x", "--score-key", "x");
    assertEquals(CliException.USAGE, same.exit());
    assertTrue(same.err().contains("--amount-key and --score-key must be two different"),
        same.err());
    CliRun days = run("stats", "--input", input.toString(), "--mapping", mapping.toString(),
        "--metrics", "--retention-days", "0");
    assertEquals(CliException.USAGE, days.exit());
  }

  @Test
  void theMappingReadsPayloadColumnsAndRefusesABadSection() throws IOException {
    Mapping m = Mapping.read(mapping);
    assertTrue(m.columns().contains("total"), m.columns().toString());
    MappedRecord mapped = TouchpointMapper.of(m).map(1, Map.of("id", "r1", "total", "12.50"));
    assertEquals("12.50", mapped.touchpoint().payload().get("amount"));
    for (String bad : List.of("{\"id\": \"id\", \"payload\": [\"total\"]}",
        "{\"id\": \"id\", \"payload\": {\" \": \"total\"}}",
        "{\"id\": \"id\", \"payload\": {\"amount\": 5}}")) {
      Path file = Files.writeString(dir.resolve("bad.json"), bad);
      OmniIdException e = assertThrows(OmniIdException.class, () -> Mapping.read(file));
      assertTrue(e.getMessage().contains("payload"), e.getMessage());
    }
  }
}
