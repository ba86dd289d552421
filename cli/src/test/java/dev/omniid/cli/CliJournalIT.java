package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives {@code ingest}, {@code export} and {@code forget} through the built jar, on the messy
 * fixture: the journal holds what {@code resolve} would make of the same input, before and after
 * an erasure, and no file of the journal keeps an erased value.
 */
class CliJournalIT {
  static final Path JAR = Path.of(System.getProperty("omniid.jar", "target/omniid.jar"));
  private static final Path FIXTURES = Path.of("src/test/resources/cli");
  private static final Path MESSY = FIXTURES.resolve("messy.csv");
  private static final Path MAPPING = FIXTURES.resolve("messy-mapping.json");

  @TempDir
  Path dir;

  record Run(int exit, String out, String err) {}

  /** The JVM options of every child: a short-lived tool starts faster without the C2 compiler. */
  static List<String> java() {
    return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", JAR.toString());
  }

  static Run run(Path dir, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(java());
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.toHandle().destroyForcibly();
      throw new AssertionError("timed out: " + command);
    }
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private Run run(String... args) throws IOException, InterruptedException {
    return run(dir, args);
  }

  static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
      return parser.getRecords();
    }
  }

  /** A clusters file as a partition: the sets of record ids that share a profile id. */
  static Set<Set<String>> partition(Path clusters) throws IOException {
    Map<String, Set<String>> byProfile = new HashMap<>();
    for (CSVRecord r : csv(clusters)) {
      byProfile.computeIfAbsent(r.get("profile_id"), k -> new TreeSet<>()).add(r.get("record_id"));
    }
    return new HashSet<>(byProfile.values());
  }

  static Set<String> recordIds(Path clusters) throws IOException {
    Set<String> ids = new TreeSet<>();
    csv(clusters).forEach(r -> ids.add(r.get("record_id")));
    return ids;
  }

  /** The numbers of the {@code durable N} lines, in order; fails on any other line. */
  static List<Integer> durableLines(String out) {
    List<Integer> counts = new ArrayList<>();
    for (String line : out.lines().toList()) {
      assertTrue(line.startsWith("durable "), "unexpected line on stdout: " + line);
      counts.add(Integer.parseInt(line.substring("durable ".length())));
    }
    return counts;
  }

  /** Every regular file under {@code root}, with its bytes. */
  static Map<Path, byte[]> files(Path root) throws IOException {
    Map<Path, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(root.relativize(p), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** Whether {@code bytes} hold {@code text} in UTF-8, ignoring ASCII case. */
  static boolean holds(byte[] bytes, String text) {
    byte[] needle = text.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
    outer:
    for (int i = 0; i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        byte b = bytes[i + j];
        if (b >= 'A' && b <= 'Z') {
          b = (byte) (b + ('a' - 'A'));
        }
        if (b != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  /** The input with the lines of the given records blanked: row numbers stay (row-N ids too). */
  private Path without(Path input, Collection<String> recordIds, String name) throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(input, StandardCharsets.UTF_8));
    for (int i = 1; i < lines.size(); i++) {
      String first = lines.get(i).split(",", 2)[0].replace("\"", "");
      if (recordIds.contains(first)) {
        lines.set(i, "");
      }
    }
    Path file = dir.resolve(name);
    Files.write(file, lines, StandardCharsets.UTF_8);
    return file;
  }

  private static Set<String> sortedLines(Path file) throws IOException {
    return new TreeSet<>(Files.readAllLines(file, StandardCharsets.UTF_8));
  }

  @Test
  void ingestReportsDurableRecordsAndExportEqualsResolve() throws Exception {
    Path journal = dir.resolve("journal");
    Path rejects = dir.resolve("ingest.rejects.csv");
    Run ingest = run("ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString(), "--batch", "4", "--rejects", rejects.toString());
    assertEquals(0, ingest.exit(), ingest.err());
    assertEquals(List.of(4, 8, 12, 13), durableLines(ingest.out()), "after each batch of 4, up to all 13");
    assertTrue(ingest.err().contains("13 records: 13 new, 0 already in the journal"), ingest.err());
    assertTrue(Files.exists(journal.resolve(JournalSettings.FILE_NAME)));

    Path resolved = dir.resolve("resolved.csv");
    Run resolve = run("resolve", "--input", MESSY.toString(), "--mapping", MAPPING.toString(),
        "--out", resolved.toString());
    assertEquals(0, resolve.exit(), resolve.err());
    assertEquals(sortedLines(dir.resolve("resolved.rejects.csv")), sortedLines(rejects),
        "ingest reports the problems resolve reports");

    Path exported = dir.resolve("exported.csv");
    Run export = run("export", "--journal", journal.toString(), "--out", exported.toString());
    assertEquals(0, export.exit(), export.err());
    assertTrue(export.err().contains("recovered 13 touchpoints") && export.err().contains("clean"),
        export.err());
    assertEquals(partition(resolved), partition(exported));
    Path again = dir.resolve("again.csv");
    assertEquals(0, run("export", "--journal", journal.toString(), "--out", again.toString()).exit());
    assertEquals(Files.readString(exported), Files.readString(again),
        "the same journal gives the same profile ids");

    // Idempotent: a second ingest of the same file adds nothing, not even a byte.
    Map<Path, byte[]> before = files(journal);
    Run twice = run("ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString());
    assertEquals(0, twice.exit(), twice.err());
    assertEquals(List.of(13), durableLines(twice.out()));
    assertTrue(twice.err().contains("13 records: 0 new, 13 already in the journal"), twice.err());
    Map<Path, byte[]> after = files(journal);
    assertEquals(before.keySet(), after.keySet());
    before.forEach((p, bytes) -> assertTrue(java.util.Arrays.equals(bytes, after.get(p)), p + " changed"));

    // A torn tail (a crash inside a write) is cut off and reported; ingest puts the record back.
    Path file = journal.resolve("journal-0000000000000000.omni");
    try (var channel = java.nio.channels.FileChannel.open(file, java.nio.file.StandardOpenOption.WRITE)) {
      channel.truncate(Files.size(file) - 5);
    }
    Path torn = dir.resolve("torn.csv");
    Run damaged = run("export", "--journal", journal.toString(), "--out", torn.toString());
    assertEquals(0, damaged.exit(), damaged.err());
    assertTrue(damaged.err().contains("recovered 12 touchpoints") && damaged.err().contains(
        "damage cut off: TORN_TAIL in journal-0000000000000000.omni"), damaged.err());
    assertEquals(12, recordIds(torn).size());
    Run resumed = run("ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString());
    assertEquals(0, resumed.exit(), resumed.err());
    assertTrue(resumed.err().contains("13 records: 1 new, 12 already in the journal"), resumed.err());
    assertEquals(0, run("export", "--journal", journal.toString(), "--out", torn.toString()).exit());
    assertEquals(partition(resolved), partition(torn));
  }

  @Test
  void forgetByEmailLeavesNoTraceOnDiskAndTheRestAsResolveMakesIt() throws Exception {
    Path journal = dir.resolve("journal");
    assertEquals(0, run("ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString()).exit());
    // c1 and c2 carry ana.perez@gmail.com (c2 in capitals); c3 shares only c1's phone.
    String asked = "ANA.Perez@gmail.com";
    Run forget = run("forget", "--journal", journal.toString(), "--identifier", "email:" + asked,
        "--verbose");
    assertEquals(0, forget.exit(), forget.err());
    assertEquals(List.of("removed 2", "c1", "c2"), forget.out().lines().toList());
    assertEquals(1, forget.err().strip().lines().count(), forget.err());
    assertTrue(forget.err().contains("email:A***@g***.com"), "masked as typed: " + forget.err());

    // Neither the raw values nor the normalized one is left in any file of the journal.
    JournalSettings settings = JournalSettings.read(journal).orElseThrow();
    IdentityResolver scratch = settings.resolverBuilder().build();
    scratch.resolve(Touchpoint.newBuilder("x").channel(Channel.of("web")).timestamp(Instant.EPOCH)
        .identifier(IdentifierType.EMAIL, asked).build());
    String normalized = scratch.profileOfTouchpoint("x").orElseThrow().identifiers().get(0).value();
    Map<Path, byte[]> files = files(journal);
    assertFalse(files.isEmpty());
    for (Map.Entry<Path, byte[]> f : files.entrySet()) {
      for (String value : List.of("ana.perez@gmail.com", normalized, "Pérez")) {
        assertFalse(holds(f.getValue(), value), f.getKey() + " still holds " + value);
      }
    }
    // The control: a value of a record kept is still there.
    assertTrue(files.values().stream().anyMatch(b -> holds(b, "luis.gomez@gmail.com")));

    Path exported = dir.resolve("exported.csv");
    assertEquals(0, run("export", "--journal", journal.toString(), "--out", exported.toString()).exit());
    Set<String> ids = recordIds(exported);
    assertFalse(ids.contains("c1") || ids.contains("c2"), ids.toString());
    assertEquals(11, ids.size());
    Path rest = without(MESSY, List.of("c1", "c2"), "rest.csv");
    Path resolved = dir.resolve("rest-clusters.csv");
    assertEquals(0, run("resolve", "--input", rest.toString(), "--mapping", MAPPING.toString(),
        "--out", resolved.toString()).exit());
    assertEquals(partition(resolved), partition(exported));

    // By profile: the ids export wrote name the profiles of this journal.
    String luis = csv(exported).stream().filter(r -> r.get("record_id").equals("c4"))
        .map(r -> r.get("profile_id")).findFirst().orElseThrow();
    Run byProfile = run("forget", "--journal", journal.toString(), "--profile", luis);
    assertEquals(0, byProfile.exit(), byProfile.err());
    assertEquals("removed 2", byProfile.out().strip());
    assertEquals(0, run("export", "--journal", journal.toString(), "--out", exported.toString()).exit());
    assertEquals(9, recordIds(exported).size());
    assertFalse(recordIds(exported).contains("c6"));

    Run none = run("forget", "--journal", journal.toString(), "--identifier", "phone:+34 699 000 111");
    assertEquals(0, none.exit(), none.err());
    assertEquals("removed 0", none.out().strip());
    assertFalse(none.err().contains("699 000 111"), none.err());
  }

  @Test
  void malformedOrUnknownArgumentsStopWithExitCode2AndOneLine() throws Exception {
    Path journal = dir.resolve("journal");
    assertEquals(0, run("ingest", "--journal", journal.toString(), "--input", MESSY.toString(),
        "--mapping", MAPPING.toString()).exit());
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put("unknown identifier type \"emial\"", new String[] {"forget", "--journal", journal.toString(),
        "--identifier", "emial:ana@x.com"});
    cases.put("must be TYPE:VALUE", new String[] {"forget", "--journal", journal.toString(),
        "--identifier", "ana@x.com"});
    cases.put("no such directory", new String[] {"export", "--journal", dir.resolve("nowhere").toString(),
        "--out", dir.resolve("x.csv").toString()});
    cases.put("default region US differs from the journal's (ES", new String[] {"ingest", "--journal",
        journal.toString(), "--input", MESSY.toString(), "--mapping", MAPPING.toString(),
        "--default-region", "us"});
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      Run r = run(c.getValue());
      assertEquals(2, r.exit(), c.getKey() + ": " + r.err());
      assertEquals(1, r.err().strip().lines().count(), r.err());
      assertTrue(r.err().contains(c.getKey()), c.getKey() + ": " + r.err());
      assertFalse(r.err().contains("ana@x.com"), "the value is never echoed: " + r.err());
      assertEquals("", r.out());
    }
  }
}
