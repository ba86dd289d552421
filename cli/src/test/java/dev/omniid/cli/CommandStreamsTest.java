package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands print only through their command line's output and error writers: a caller that
 * sets them reads everything, with no process-wide stream swapped.
 */
class CommandStreamsTest {
  @TempDir
  Path dir;

  @Test
  void theDemoAndTheHintPrintToTheOutputWriter() {
    CliRun demo = run("demo", "--scenario", "conversation");
    assertEquals(0, demo.exit(), demo.err());
    assertTrue(demo.out().contains("== Multichannel: the WhatsApp inbox alone =="), demo.out());
    assertEquals("", demo.err());
    CliRun root = run();
    assertEquals(0, root.exit(), root.err());
    assertTrue(root.out().startsWith("== Multichannel: each channel keeps its own customers =="),
        root.out());
    assertTrue(root.out().endsWith(System.lineSeparator() + RootCommand.HINT
        + System.lineSeparator()), root.out());
  }

  @Test
  void statsPrintsItsReportToOutputAndItsWarningsToErrors() throws IOException {
    Path input = dir.resolve("in.csv");
    Path mapping = dir.resolve("m.json");
    Files.writeString(input, "id,email\na,ana@correo.es\nb,ana@correo.es\nc,luis@@correo.es\n");
    Files.writeString(mapping, "{\"id\": \"id\", \"fields\": {\"email\": \"email\"}}");
    CliRun stats = run("stats", "--input", input.toString(), "--mapping", mapping.toString());
    assertEquals(0, stats.exit(), stats.err());
    assertTrue(stats.out().startsWith("3 records -> 2 profiles; 1 with 2+ records"), stats.out());
    assertEquals("omniid: 0 rejected rows, 1 warnings (resolve writes them to a rejects file)",
        stats.err().strip());
  }

  @Test
  void aUsageErrorIsOneLineOnTheErrorWriter() {
    CliRun bad = run("resolve", "--input", "x.csv");
    assertEquals(CliException.USAGE, bad.exit());
    assertEquals("", bad.out());
    assertTrue(bad.err().startsWith("omniid resolve: Missing required option"), bad.err());
    assertEquals(1, bad.err().lines().count(), bad.err());
  }
}
