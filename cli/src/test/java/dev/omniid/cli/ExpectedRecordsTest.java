package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --expected-records} tells the match model how large the customer base is (the prior
 * follows it); without it the input's lines are counted first, so a large file is resolved as one.
 */
class ExpectedRecordsTest {
  @TempDir
  Path dir;

  /**
   * Two women of one given name and birth date whose family names share only the second surname:
   * 16.2 bits of evidence, which link under the default prior (threshold 6.6 bits, prior -6.6) and
   * not under a tenth of it.
   */
  private static final String NAMESAKES = "id,phone,email,first,last,dob,country\n"
      + "a,+54 9 11 1234 5678,,Ana Belén,Ruiz Ortiz,1950-10-08,AR\n"
      + "b,,anabelen@example.com,Ana Belén,Ortega Ortiz,1950-10-08,AR\n";

  private Path mapping() throws Exception {
    Path mapping = dir.resolve("m.json");
    Files.writeString(mapping, "{\"id\": \"id\", \"defaultRegion\": \"AR\", \"fields\": {"
        + "\"phone\": \"phone\", \"email\": \"email\", \"given_name\": \"first\","
        + " \"family_name\": \"last\", \"birth_date\": \"dob\", \"country\": \"country\"}}");
    return mapping;
  }

  /** Record id to profile id, from a clusters file. */
  private static Map<String, String> clusters(Path file) throws Exception {
    Map<String, String> byRecord = new HashMap<>();
    List<String> lines = Files.readAllLines(file);
    List<String> header = List.of(lines.get(0).split(","));
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split(",");
      byRecord.put(cells[header.indexOf("record_id")], cells[header.indexOf("profile_id")]);
    }
    return byRecord;
  }

  private Map<String, String> resolve(Path input, String... more) throws Exception {
    Path out = dir.resolve("c" + System.nanoTime() + ".csv");
    List<String> args = new java.util.ArrayList<>(List.of("resolve", "--input", input.toString(),
        "--mapping", mapping().toString(), "--out", out.toString()));
    args.addAll(List.of(more));
    CliRun r = CliRun.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return clusters(out);
  }

  @Test
  void namesakesBornTheSameDayLinkInASmallFileAndNotInALargeOne() throws Exception {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, NAMESAKES);
    Map<String, String> small = resolve(input);
    assertEquals(small.get("a"), small.get("b"), "three lines: the default model's own prior");
    Map<String, String> large = resolve(input, "--expected-records", "1000000");
    assertNotEquals(large.get("a"), large.get("b"), "a million customers: a coincidence");
    // --threshold builds the model itself; the size still applies to it.
    Map<String, String> both = resolve(input, "--expected-records", "1000000", "--threshold",
        "0.99");
    assertNotEquals(both.get("a"), both.get("b"));
  }

  @Test
  void withoutTheOptionTheInputsLinesAreCounted() throws Exception {
    Path input = dir.resolve("big.csv");
    StringBuilder csv = new StringBuilder(NAMESAKES);
    // Records with nothing to link them, to make a file of 100,001 lines.
    for (int i = 0; i < 99_998; i++) {
      csv.append("s").append(i).append(",,,,,,AR\n");
    }
    Files.writeString(input, csv);
    assertEquals(100_001, Pipeline.expectedTouchpoints(new Pipeline.Settings(input, null,
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty())));
    assertEquals(7, Pipeline.expectedTouchpoints(new Pipeline.Settings(input, null,
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty(),
        Optional.of(7L))));
    // Standard input cannot be counted before it is read: the model's own size.
    assertEquals(0, Pipeline.expectedTouchpoints(new Pipeline.Settings(Path.of("-"), null,
        Optional.empty(), Optional.empty(), Optional.empty(), false, Optional.empty())));
    // Counted, 100,001 touchpoints make the prior a tenth: the namesakes no longer link.
    Map<String, String> counted = resolve(input);
    assertNotEquals(counted.get("a"), counted.get("b"));
    Map<String, String> told = resolve(input, "--expected-records", "100");
    assertEquals(told.get("a"), told.get("b"));
  }

  /**
   * A journal keeps the size its first ingest declared: export and later ingests resolve under
   * it, a later ingest must agree, and without one the journal keeps the model's own size (a
   * journal grows: its input's lines are no measure of it).
   */
  @Test
  void aJournalKeepsTheSizeItsFirstIngestDeclared() throws Exception {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, NAMESAKES);
    Path sized = dir.resolve("sized.journal");
    CliRun r = ingest(sized, input, "--expected-records", "1000000");
    assertEquals(0, r.exit(), r.err());
    Map<String, String> exported = export(sized);
    assertNotEquals(exported.get("a"), exported.get("b"), "a million customers: a coincidence");
    r = ingest(sized, input, "--expected-records", "500");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("--expected-records 500 differs from the journal's (1000000"),
        r.err());
    r = ingest(sized, input);
    assertEquals(0, r.exit(), "a later ingest may leave the size to the journal: " + r.err());
    assertEquals(exported, export(sized));

    Path unsized = dir.resolve("unsized.journal");
    r = ingest(unsized, input);
    assertEquals(0, r.exit(), r.err());
    Map<String, String> plain = export(unsized);
    assertEquals(plain.get("a"), plain.get("b"), "the default model's own size");
    r = ingest(unsized, input, "--expected-records", "0");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("--expected-records must be at least 1"), r.err());
  }

  private CliRun ingest(Path journal, Path input, String... more) throws Exception {
    List<String> args = new java.util.ArrayList<>(List.of("ingest", "--journal", journal.toString(),
        "--input", input.toString(), "--mapping", mapping().toString()));
    args.addAll(List.of(more));
    return CliRun.run(args.toArray(String[]::new));
  }

  private Map<String, String> export(Path journal) throws Exception {
    Path out = dir.resolve("e" + System.nanoTime() + ".csv");
    CliRun r = CliRun.run("export", "--journal", journal.toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    return clusters(out);
  }

  @Test
  void aSizeBelowOneIsAUsageError() throws Exception {
    Path input = dir.resolve("in.csv");
    Files.writeString(input, NAMESAKES);
    CliRun r = CliRun.run("resolve", "--input", input.toString(), "--mapping",
        mapping().toString(), "--out", dir.resolve("c.csv").toString(), "--expected-records", "0");
    assertNotEquals(0, r.exit());
    assertTrue(r.err().contains("--expected-records must be at least 1"), r.err());
  }
}
