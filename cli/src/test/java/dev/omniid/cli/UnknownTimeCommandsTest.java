package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Records without a time (issue 13): {@code stats} and {@code profile} show the time as unknown,
 * where they used to show the 1970 the mapper invented for it.
 */
class UnknownTimeCommandsTest {
  private static final String CSV = "id,email,when\n"
      + "a1,ana@correo-ficticio.es,\n"
      + "a2,ana@correo-ficticio.es,\n"
      + "b1,bruno@correo-ficticio.es,2026-11-20T10:15:00Z\n"
      + "b2,bruno@correo-ficticio.es,\n"
      + "b3,bruno@correo-ficticio.es,2026-11-22T08:00:00Z\n";

  @TempDir
  Path dir;

  private CliRun command(String mapping, String... command) throws IOException {
    Path in = dir.resolve("in.csv");
    Path map = dir.resolve("mapping.json");
    Files.writeString(in, CSV);
    Files.writeString(map, mapping);
    String[] args = new String[command.length + 4];
    System.arraycopy(command, 0, args, 0, command.length);
    System.arraycopy(new String[] {"--input", in.toString(), "--mapping", map.toString()}, 0, args,
        command.length, 4);
    CliRun run = run(args);
    assertEquals(0, run.exit(), run.err());
    assertFalse(run.out().contains("1970"), run.out());
    return run;
  }

  @Test
  void withoutATimeColumnFirstAndLastSeenAreUnknown() throws IOException {
    String noTime = "{\"id\": \"id\", \"fields\": {\"email\": \"email\"}}";
    CliRun profile = command(noTime, "profile", "--identifier", "email:ana@correo-ficticio.es");
    assertTrue(profile.out().startsWith("Profile P-1: 2 records on unknown, (no time) .. (no time)"),
        profile.out());
    assertTrue(profile.out().matches("(?s).*\\n  \\(no time\\) +unknown +unspecified a1 .*"),
        profile.out());
    CliRun stats = command(noTime, "stats");
    assertTrue(stats.out().matches("(?s).*\\n  P-\\d+ +3  -           -           unknown\\n.*"),
        stats.out());
  }

  @Test
  void withSomeTimesAProfileShowsTheirRangeAndItsUntimedRecordsLast() throws IOException {
    String mapping = "{\"id\": \"id\", \"timestamp\": \"when\", \"fields\": {\"email\": \"email\"}}";
    CliRun profile = command(mapping, "profile", "--identifier", "email:bruno@correo-ficticio.es");
    assertTrue(profile.out().startsWith("Profile P-2: 3 records on unknown, 2026-11-20T10:15:00Z"
        + " .. 2026-11-22T08:00:00Z"), profile.out());
    String journey = profile.out().substring(profile.out().indexOf("Journey:"));
    assertTrue(journey.indexOf(" b1 ") < journey.indexOf(" b3 ")
        && journey.indexOf(" b3 ") < journey.indexOf(" b2 "), journey);
    CliRun stats = command(mapping, "stats");
    assertTrue(stats.out().contains("  2026-11-20  2026-11-22  "), stats.out());
    assertTrue(stats.out().contains("  -           -           "), "ana's records: " + stats.out());
  }
}
