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
 * {@code explore} and {@code demo --html} write the explorer's page (the page itself is tested
 * in a browser by the explorer module): the profile asked for, masked values unless in clear.
 */
class ExploreCommandTest {
  private static final String MAPPING = "{\"id\": \"id\", \"defaultRegion\": \"ES\", \"fields\": {"
      + "\"email\": \"email\", \"phone\": \"phone\", \"given_name\": \"given\"}}";
  private static final String INPUT = "id,given,email,phone\n"
      + "crm-1,Ana,ana.perez@correo-ficticio.es,\n"
      + "pos-2,Ana,,+34 612 345 678\n"
      + "web-3,,ana.perez@correo-ficticio.es,612345678\n"
      + "pos-4,Luis,,+34 699 000 111\n";

  @TempDir
  Path dir;

  private CliRun explore(String... more) throws IOException {
    Path in = dir.resolve("in.csv");
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(in, INPUT);
    Files.writeString(mapping, MAPPING);
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("explore", "--input",
        in.toString(), "--mapping", mapping.toString(), "--out", dir.resolve("report.html").toString()));
    args.addAll(java.util.List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void writesThePageOfTheProfileAskedForByRecordIdMasked() throws IOException {
    CliRun r = explore("--profile", "pos-2", "--max-profiles", "0");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("1 profiles (3 records), 1 left out"), r.out());
    String page = Files.readString(dir.resolve("report.html"));
    assertTrue(page.startsWith("<!DOCTYPE html>") && page.contains("\"requested\":true"));
    assertTrue(page.contains("cytoscape"), "the graph library inlined");
    assertFalse(page.contains("ana.perez") || page.contains("612345678"), "values masked");
  }

  @Test
  void showValuesWritesThemInClearAndSaysSo() throws IOException {
    CliRun r = explore("--show-values");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("IN CLEAR"), r.out());
    assertTrue(Files.readString(dir.resolve("report.html")).contains("ana.perez@correo-ficticio.es"));
  }

  @Test
  void anUnknownProfileIsNotFound() throws IOException {
    CliRun r = explore("--profile", "P-99");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("no profile or record P-99"), r.err());
    assertEquals(2, explore("--max-profiles", "-1").exit());
  }

  @Test
  void theDemoWritesAnasPage() throws IOException {
    Path html = dir.resolve("ana.html");
    CliRun r = run("demo", "--html", html.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Wrote " + html), r.out());
    String page = Files.readString(html);
    // Ana's four touchpoints; her profile is the one asked for, which the page opens on.
    for (String id : java.util.List.of("pos-0193", "web-88121", "wa-5531", "fbm-771")) {
      assertTrue(page.contains("\"id\":\"" + id + "\""), id);
    }
    assertTrue(page.contains("\"requested\":true"));
    assertEquals(2, run("demo", "--scenario", "wholesale", "--html", html.toString()).exit());
  }
}
