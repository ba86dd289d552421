package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives the built jar as a user would: {@code java -jar omniid.jar ...} in a separate process.
 * Runs in the integration-test phase (failsafe), after the shaded jar is packaged.
 */
class CliIT {
  private static final Path JAR = Path.of(System.getProperty("omniid.jar", "target/omniid.jar"));
  private static final Path FIXTURES = Path.of("src/test/resources/cli");
  private static final Path FEBRL = Path.of("../matching/src/test/resources/febrl/dataset3.csv");
  private static final Path HARD_CASES = Path.of("../matching/src/test/resources/hardcases");
  private static final Pattern PAIRWISE_F1 = Pattern.compile("pairwise .* F1 (\\d\\.\\d+)");

  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  private Run run(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  private static Map<String, String> clusters(Path file) throws IOException {
    Map<String, String> clusters = new LinkedHashMap<>();
    for (CSVRecord r : csv(file)) {
      clusters.put(r.get("record_id"), r.get("profile_id"));
    }
    return clusters;
  }

  private static double pairwiseF1(String evaluateOutput) {
    Matcher m = PAIRWISE_F1.matcher(evaluateOutput);
    assertTrue(m.find(), evaluateOutput);
    return Double.parseDouble(m.group(1));
  }

  @Test
  void withoutArgumentsTheJarPlaysTheDemoThenHintsAtHelp() throws Exception {
    Run r = run();
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().startsWith("== Multichannel: each channel keeps its own customers =="), r.out());
    assertTrue(r.out().contains("2 profiles for 5 touchpoints"), r.out());
    List<String> lines = r.out().strip().lines().toList();
    assertEquals(RootCommand.HINT, lines.get(lines.size() - 1));
  }

  @Test
  void demoPlaysEachScenarioTheShoeStoreByDefault() throws Exception {
    Run shoeStore = run("demo");
    assertEquals(0, shoeStore.exit(), shoeStore.err());
    assertTrue(shoeStore.out().contains("2 profiles for 5 touchpoints"), shoeStore.out());
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("shoe-store", "4 touchpoints on [store, web, whatsapp, messenger]");
    expected.put("conversation", "3 messages on [messenger, whatsapp], in time order");
    expected.put("abandoned-cart", "SNEAKER-38-WHITE");
    expected.put("wholesale", "2 contacts, seen on [mobile_app, web, sales_rep]");
    expected.put("multichannel-vs-omnichannel", "19,827");
    for (Map.Entry<String, String> scenario : expected.entrySet()) {
      Run r = run("demo", "--scenario", scenario.getKey());
      assertEquals(0, r.exit(), scenario.getKey() + ": " + r.err());
      assertTrue(r.out().contains(scenario.getValue()), scenario.getKey() + ": " + r.out());
    }
    Run unknown = run("demo", "--scenario", "nope");
    assertEquals(2, unknown.exit());
    assertEquals(1, unknown.err().strip().lines().count(), unknown.err());
    assertTrue(unknown.err().contains("unknown scenario 'nope'"), unknown.err());
  }

  @Test
  void everyCommandHasHelp() throws Exception {
    for (String command : List.of("resolve", "evaluate", "generate", "stats", "profile", "profiles",
        "audience", "explore", "ingest", "export", "forget", "demo")) {
      Run r = run(command, "--help");
      assertEquals(0, r.exit(), command + ": " + r.err());
      assertTrue(r.out().startsWith("Usage: omniid " + command), r.out());
    }
    Run root = run("--help");
    assertEquals(0, root.exit());
    assertTrue(root.out().contains("resolve") && root.out().contains("evaluate"), root.out());
  }

  @Test
  void versionNamesTheBuiltVersion() throws Exception {
    // The build passes its version in (failsafe's omniid.version); the jar reads its own from the
    // manifest, so a jar that lost it would print "omniid (development build)".
    String expected = System.getProperty("omniid.version");
    assertNotNull(expected, "failsafe sets omniid.version");
    for (String flag : List.of("-V", "--version")) {
      Run r = run(flag);
      assertEquals(0, r.exit(), flag + ": " + r.err());
      assertEquals(List.of("omniid " + expected), r.out().lines().toList(), flag);
    }
  }

  @Test
  void resolvesAMessyFileKeepingEveryRecordAndReportingEachProblem() throws Exception {
    Path out = dir.resolve("clusters.csv");
    Path explain = dir.resolve("explain.jsonl");
    Run r = run("resolve", "--input", FIXTURES.resolve("messy.csv").toString(),
        "--mapping", FIXTURES.resolve("messy-mapping.json").toString(), "--out", out.toString(),
        "--explain", explain.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("13 records -> 7 profiles"), r.err());

    Map<String, String> clusters = clusters(out);
    assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "row-14", "c12"),
        List.copyOf(clusters.keySet()), "every record, in input order");
    List<List<String>> together = List.of(List.of("c1", "c2", "c3"), List.of("c4", "c6"),
        List.of("c7", "c8"), List.of("c9", "c10"), List.of("c11", "row-14"));
    Set<String> profiles = new TreeSet<>();
    for (List<String> group : together) {
      for (String id : group) {
        assertEquals(clusters.get(group.get(0)), clusters.get(id), id + " with " + group.get(0));
      }
      assertTrue(profiles.add(clusters.get(group.get(0))), "groups are distinct profiles: " + clusters);
    }
    assertNotEquals(clusters.get("c5"), clusters.get("c12"));

    // The default rejects file sits next to --out.
    Path rejects = dir.resolve("clusters.rejects.csv");
    List<String> found = csv(rejects).stream()
        .map(x -> x.get("row") + " " + x.get("record_id") + " " + x.get("column")).toList();
    assertEquals(List.of("5 c4 when", "5 c4 dob", "5 c4 email", "6 c5 email", "8 c7 ", "9 c8 ",
        "14 row-14 id", "15 c12 phone"), found);
    String text = Files.readString(rejects);
    for (String raw : List.of("sometime soon", "31/02/1990", "luis@example", "eva.ruiz", "Gómez", "C-2")) {
      assertFalse(text.contains(raw), "raw value in rejects: " + raw + "\n" + text);
    }
    assertTrue(text.contains("l***@e***"), text);

    ObjectMapper json = new ObjectMapper();
    List<String> lines = Files.readAllLines(explain);
    assertEquals(13, lines.size());
    JsonNode c7 = json.readTree(lines.get(6));
    assertEquals("c7", c7.get("record_id").asText());
    assertEquals("c8", c7.get("evidence").get(0).get("with").asText());
    assertFalse(Files.readString(explain).contains("pia.oneil"), "explanations are masked");
  }

  @Test
  void aMissingColumnStopsWithExitCode2AndOneLine() throws Exception {
    Run r = run("resolve", "--input", FIXTURES.resolve("messy.csv").toString(),
        "--mapping", FIXTURES.resolve("missing-column-mapping.json").toString(),
        "--out", dir.resolve("c.csv").toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains("column \"surname\" (mapped by \"fields.family_name\") is not in the header"), r.err());
    assertFalse(Files.exists(dir.resolve("c.csv")));
  }

  @Test
  void aMissingFileOrABadMappingStopsWithExitCode2AndOneLine() throws Exception {
    Path missing = dir.resolve("nowhere.csv");
    Run r = run("resolve", "--input", missing.toString(),
        "--mapping", FIXTURES.resolve("messy-mapping.json").toString(), "--out", dir.resolve("c.csv").toString());
    assertEquals(2, r.exit());
    assertEquals("omniid: input " + missing + ": file not found", r.err().strip());

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"id\": \"id\", \"feilds\": {}}");
    r = run("resolve", "--input", FIXTURES.resolve("messy.csv").toString(), "--mapping", bad.toString(),
        "--out", dir.resolve("c.csv").toString());
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("omniid: mapping " + bad + ": unknown key \"feilds\""), r.err());

    r = run("resolve", "--input", "x.csv");
    assertEquals(2, r.exit());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void generatedDataResolvesAndEvaluatesAsItIs() throws Exception {
    Path data = dir.resolve("data");
    Run g = run("generate", "--people", "300", "--seed", "5", "--out", data.toString());
    assertEquals(0, g.exit(), g.err());
    Run r = run("resolve", "--input", data.resolve("touchpoints.csv").toString(),
        "--mapping", data.resolve("mapping.json").toString(), "--out", data.resolve("clusters.csv").toString());
    assertEquals(0, r.exit(), r.err());
    Run e = run("evaluate", "--clusters", data.resolve("clusters.csv").toString(),
        "--truth", data.resolve("truth.csv").toString());
    assertEquals(0, e.exit(), e.err());
    assertTrue(pairwiseF1(e.out()) > 0.5, e.out());
    assertTrue(e.out().contains("B-cubed"), e.out());
  }

  @Test
  void febrlDataset3ResolvesWithItsMappingAsItIs() throws Exception {
    Path out = dir.resolve("febrl.csv");
    Run r = run("resolve", "--input", FEBRL.toString(),
        "--mapping", FIXTURES.resolve("mapping-dataset3.json").toString(), "--out", out.toString());
    assertEquals(0, r.exit(), r.err());
    // Febrl's ground truth is in its record ids: rec-N-org and rec-N-dup-k are person N.
    Path truth = dir.resolve("truth.csv");
    StringBuilder t = new StringBuilder("record_id,cluster_id\n");
    for (String id : clusters(out).keySet()) {
      t.append(id).append(',').append(id.split("-")[1]).append('\n');
    }
    Files.writeString(truth, t);
    assertEquals(5000, clusters(out).size());
    Run e = run("evaluate", "--clusters", out.toString(), "--truth", truth.toString());
    assertEquals(0, e.exit(), e.err());
    assertTrue(pairwiseF1(e.out()) > 0.9, e.out());
  }

  @Test
  void statsAndProfileDescribeTheProfiles() throws Exception {
    String[] input = {"--input", FIXTURES.resolve("messy.csv").toString(),
        "--mapping", FIXTURES.resolve("messy-mapping.json").toString()};
    Run s = run(concat(new String[] {"stats"}, input));
    assertEquals(0, s.exit(), s.err());
    assertTrue(s.out().startsWith("13 records -> 7 profiles"), s.out());
    assertTrue(s.out().contains("Largest 7 profiles:"), s.out());

    Run p = run(concat(new String[] {"profile", "--identifier", "phone:+34612345678"}, input));
    assertEquals(0, p.exit(), p.err());
    assertTrue(p.out().startsWith("Profile P-1: 3 records on store, whatsapp, web"), p.out());
    assertTrue(p.out().contains("ana.perez@gmail.com"), "the asked profile is shown in full");
    assertTrue(p.out().contains("c1 and c3 share phone:+34*******78"), p.out());

    Run none = run(concat(new String[] {"profile", "--identifier", "email:nobody@correo.es"}, input));
    assertEquals(1, none.exit());
    assertTrue(none.err().contains("no profile holds email:n***@c***.es"), none.err());
  }

  /** The labelled hard cases hold households and an office mailbox: they come out related, masked. */
  @Test
  void resolveWritesTheRelatedProfilesOfTheHardCasesMasked() throws Exception {
    Path input = HARD_CASES.resolve("hard-cases.csv");
    Path relations = dir.resolve("relations.csv");
    Run r = run("resolve", "--input", input.toString(), "--mapping",
        HARD_CASES.resolve("hard-cases.mapping.json").toString(), "--out",
        dir.resolve("clusters.csv").toString(), "--relations", relations.toString());
    assertEquals(0, r.exit(), r.err());
    List<CSVRecord> rows = csv(relations);
    assertTrue(rows.stream().anyMatch(row -> row.get("reasons").contains("PERSON_CONFLICT")
        && row.get("shared").startsWith("email:")), rows.toString());
    Matcher count = Pattern.compile("relations \\(profiles kept apart that share values\\): (\\d+)")
        .matcher(r.err());
    assertTrue(count.find(), r.err());
    assertEquals(rows.size(), Integer.parseInt(count.group(1)));
    Set<String> pairs = new TreeSet<>();
    for (CSVRecord row : rows) {
      long a = Long.parseLong(row.get("profile_id").substring(2));
      long b = Long.parseLong(row.get("related_profile_id").substring(2));
      assertTrue(a < b, row.toString());
      assertTrue(pairs.add(a + "-" + b), "each pair once: " + row);
    }
    String written = Files.readString(relations, StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
    for (CSVRecord record : csv(input)) {
      for (String column : List.of("email", "phone")) {
        String value = record.get(column).strip().toLowerCase(java.util.Locale.ROOT);
        String digits = value.replaceAll("[^0-9]", "");
        if (value.length() > 4) {
          assertFalse(written.contains(value), "a raw " + column + " of " + record.get("record_id"));
        }
        if (column.equals("phone") && digits.length() > 6) {
          assertFalse(written.contains(digits), "the digits of the phone of " + record.get("record_id"));
        }
      }
    }
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = new String[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
