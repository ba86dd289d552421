package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar in a pipe, as a shell runs it: {@code --input -} reads standard input,
 * {@code --out -} writes standard output with LF line ends and nothing else (the summary goes to
 * standard error), and {@code stats}/{@code profile} read a journal, which {@code forget} then
 * erases from, saying which records it erased.
 */
class CliPipeIT {
  private static final Path FIXTURES = Path.of("src/test/resources/cli");
  private static final Path MESSY = FIXTURES.resolve("messy.csv");
  private static final Path MAPPING = FIXTURES.resolve("messy-mapping.json");

  @TempDir
  Path dir;

  record Run(int exit, byte[] out, String err) {
    String text() {
      return new String(out, StandardCharsets.UTF_8);
    }
  }

  /** Runs the jar with {@code stdin} (a file, or nothing) on its standard input. */
  private Run run(Path stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(CliJournalIT.java());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    if (stdin != null) {
      builder.redirectInput(stdin.toFile());
    }
    Process p = builder.start();
    if (stdin == null) {
      p.getOutputStream().close();
    }
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.toHandle().destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(p.exitValue(), Files.readAllBytes(out), Files.readString(err));
  }

  private static void noCarriageReturn(byte[] bytes, String what) {
    for (byte b : bytes) {
      assertFalse(b == '\r', what + " holds a CR");
    }
  }

  @Test
  void resolveReadsStandardInputAndWritesStandardOutputWithLfEndings() throws Exception {
    Path file = dir.resolve("clusters.csv");
    Run toFile = run(null, "resolve", "--input", MESSY.toString(), "--mapping", MAPPING.toString(),
        "--out", file.toString());
    assertEquals(0, toFile.exit(), toFile.err());
    byte[] written = Files.readAllBytes(file);
    noCarriageReturn(written, "--out FILE");
    noCarriageReturn(Files.readAllBytes(dir.resolve("clusters.rejects.csv")), "the rejects file");

    Run piped = run(MESSY, "resolve", "--input", "-", "--mapping", MAPPING.toString(), "--out", "-");
    assertEquals(0, piped.exit(), piped.err());
    noCarriageReturn(piped.out(), "--out -");
    assertEquals(new String(written, StandardCharsets.UTF_8), piped.text());
    // A grep anchored at the line end finds the rows: no CR before the LF.
    String p1 = piped.text().lines().filter(l -> l.matches("c1,P-\\d+")).findFirst().orElseThrow()
        .substring(3);
    assertTrue(piped.text().lines().filter(l -> l.endsWith("," + p1)).count() >= 3, piped.text());
    assertTrue(piped.err().contains("omniid resolve: 13 records -> 7 profiles"), piped.err());
    assertTrue(piped.err().contains("warnings: 8 on 6 rows (--rejects FILE lists them)"), piped.err());

    // The clusters piped into evaluate: --clusters - reads them back.
    Path truth = dir.resolve("truth.csv");
    Files.writeString(truth, "record_id,cluster_id\n" + piped.text().lines().skip(1)
        .map(l -> l.split(",")[0] + "," + l.split(",")[0]).reduce("", (a, b) -> a + b + "\n"));
    Path clusters = dir.resolve("piped.csv");
    Files.write(clusters, piped.out());
    Run evaluate = run(clusters, "evaluate", "--clusters", "-", "--truth", truth.toString(), "--common");
    assertEquals(0, evaluate.exit(), evaluate.err());
    assertTrue(evaluate.text().contains("B-cubed"), evaluate.text());

    Run jsonl = run(MESSY, "resolve", "--input", "-", "--mapping", MAPPING.toString(), "--out",
        dir.resolve("x.csv").toString(), "--explain", "-");
    assertEquals(0, jsonl.exit(), jsonl.err());
    noCarriageReturn(jsonl.out(), "--explain -");
    assertEquals(13, jsonl.text().lines().filter(l -> l.startsWith("{\"row\":")).count(), jsonl.text());
  }

  @Test
  void statsAndProfileReadStandardInputAndAJournal() throws Exception {
    Run stats = run(MESSY, "stats", "--input", "-", "--mapping", MAPPING.toString());
    assertEquals(0, stats.exit(), stats.err());
    assertTrue(stats.text().startsWith("13 records -> 7 profiles"), stats.text());

    Path journal = dir.resolve("journal");
    Run ingest = run(MESSY, "ingest", "--journal", journal.toString(), "--input", "-", "--mapping",
        MAPPING.toString());
    assertEquals(0, ingest.exit(), ingest.err());
    assertEquals("durable 13\n", ingest.text());
    Run fromJournal = run(null, "stats", "--journal", journal.toString());
    assertEquals(0, fromJournal.exit(), fromJournal.err());
    assertEquals(stats.text().replaceAll("P-\\d+", "P-?"),
        fromJournal.text().replaceAll("P-\\d+", "P-?"));
    assertTrue(fromJournal.err().contains("recovered 13 touchpoints"), fromJournal.err());

    Run profile = run(null, "profile", "--journal", journal.toString(), "--identifier",
        "phone:+34612345678");
    assertEquals(0, profile.exit(), profile.err());
    assertTrue(profile.text().matches("(?s)Profile P-\\d+: 3 records on store, whatsapp, web.*"),
        profile.text());
    Run unknown = run(null, "profile", "--journal", journal.toString(), "--identifier", "mail:x");
    assertEquals(2, unknown.exit());
    assertTrue(unknown.err().startsWith("omniid: --identifier: unknown identifier type \"mail\";"
        + " known: customer_id, email, phone"), unknown.err());
    assertEquals(0, unknown.out().length);
  }

  @Test
  void forgetSaysWhetherItErasedTheCarriersOrTheWholeProfile() throws Exception {
    Path journal = dir.resolve("journal");
    assertEquals(0, run(null, "ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString()).exit());
    Path copy = dir.resolve("copy");
    assertEquals(0, run(null, "ingest", "--journal", copy.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString()).exit());

    Run carriers = run(null, "forget", "--journal", journal.toString(), "--identifier",
        "email:ana.perez@gmail.com");
    assertEquals(0, carriers.exit(), carriers.err());
    assertEquals("removed 2\n", carriers.text());
    Matcher m = Pattern.compile("erased 2 records carrying the value; 1 other record of the same"
        + " profile remains as (P-\\d+)").matcher(carriers.err());
    assertTrue(m.find(), carriers.err());
    Path exported = dir.resolve("exported.csv");
    assertEquals(0, run(null, "export", "--journal", journal.toString(), "--out", exported.toString())
        .exit());
    assertTrue(Files.readAllLines(exported).contains("c3," + m.group(1)), "export names c3 so");

    Run whole = run(null, "forget", "--journal", copy.toString(), "--identifier",
        "email:ana.perez@gmail.com", "--whole-profile");
    assertEquals(0, whole.exit(), whole.err());
    assertEquals("removed 3\n", whole.text());
    assertTrue(whole.err().matches("(?s)omniid forget: email:a\\*+@g\\*+\\.com: erased the whole"
        + " profile P-\\d+: 3 records; .*"), whole.err());
    Run out = run(null, "export", "--journal", copy.toString(), "--out", "-");
    assertEquals(0, out.exit(), out.err());
    noCarriageReturn(out.out(), "export --out -");
    assertEquals(11, out.text().lines().count(), "a header and 10 records: " + out.text());
    assertFalse(out.text().contains("c3,"), out.text());
  }
}
