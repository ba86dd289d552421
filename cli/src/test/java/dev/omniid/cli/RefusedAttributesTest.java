package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An attribute the match model refuses (a postal code of no shape the region knows) is a warning
 * row naming the mapping key, with the value masked, and `resolve` and `ingest` report the same
 * rows: a bad value is reported, never silently left out of scoring.
 */
class RefusedAttributesTest {
  @TempDir
  Path dir;

  private Path input;
  private Path mapping;

  @BeforeEach
  void files() throws Exception {
    input = dir.resolve("in.csv");
    mapping = dir.resolve("m.json");
    Files.writeString(input, "id,email,name,postal\n"
        + "a,ana@correo.es,Ana,28012\n"
        + "b,luis@correo.es,Luis,XQ9-ZZ\n");
    Files.writeString(mapping, "{\"id\": \"id\", \"defaultRegion\": \"ES\", \"fields\": {"
        + "\"email\": \"email\", \"given_name\": \"name\", \"postal_code\": \"postal\"}}");
  }

  private List<String> rows(Path rejects) throws Exception {
    return Files.readAllLines(rejects).subList(1, Files.readAllLines(rejects).size());
  }

  @Test
  void resolveAndIngestReportARefusedPostalCodeByItsMappingKeyMasked() throws Exception {
    Path resolveRejects = dir.resolve("r.csv");
    CliRun r = run("resolve", "--input", input.toString(), "--mapping", mapping.toString(),
        "--out", dir.resolve("c.csv").toString(), "--rejects", resolveRejects.toString());
    assertEquals(0, r.exit(), r.err());
    List<String> resolved = rows(resolveRejects);
    assertEquals(1, resolved.size(), resolved.toString());
    String row = resolved.get(0);
    assertTrue(row.startsWith("3,b,fields.postal_code,"), row);
    assertTrue(row.contains("not used for matching"), row);
    assertFalse(row.contains("XQ9-ZZ"), "the value is masked: " + row);

    Path ingestRejects = dir.resolve("i.csv");
    CliRun i = run("ingest", "--input", input.toString(), "--mapping", mapping.toString(),
        "--journal", dir.resolve("journal").toString(), "--rejects", ingestRejects.toString());
    assertEquals(0, i.exit(), i.err());
    assertEquals(resolved, rows(ingestRejects), "ingest reports what resolve reports");
  }
}
