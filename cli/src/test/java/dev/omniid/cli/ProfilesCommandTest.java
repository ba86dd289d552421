package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code omniid profiles}: the export's content, field by field, masked and in clear. */
class ProfilesCommandTest {
  @TempDir
  Path dir;

  private ExportFixture data;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeEach
  void files() throws IOException {
    data = new ExportFixture(dir);
  }

  private static String[] args(String[] source, String... more) {
    return Stream.concat(Stream.of("profiles"), Stream.concat(Stream.of(source), Stream.of(more)))
        .toArray(String[]::new);
  }

  private List<JsonNode> lines(String out) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : out.split("\n")) {
      nodes.add(json.readTree(line));
    }
    return nodes;
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(n -> texts.add(n.asText()));
    return texts;
  }

  private static void assertField(JsonNode field, String value, String touchpoint, String channel,
      String time) {
    assertEquals(value, field.path("value").asText(), field.toString());
    assertEquals(touchpoint, field.path("touchpoint").asText(), field.toString());
    assertEquals(channel, field.path("channel").asText(), field.toString());
    assertEquals(time, field.path("time").asText(), field.toString());
  }

  @Test
  void jsonLinesAreMaskedByDefaultOneProfileALineInIdOrder() throws IOException {
    CliRun r = run(args(data.file()));
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> profiles = lines(r.out());
    assertEquals(List.of("P-1", "P-2", "P-3", "P-4"),
        profiles.stream().map(p -> p.path("profile_id").asText()).toList());
    JsonNode ana = profiles.get(0);
    assertEquals("masked", ana.path("values").asText());
    assertEquals(List.of(), texts(ana.path("aliases")));
    assertEquals(List.of("store", "web", "whatsapp"), texts(ana.path("channels")));
    assertEquals("2026-01-01T10:00:00Z", ana.path("first_seen").asText());
    assertEquals("2026-01-03T10:00:00Z", ana.path("last_seen").asText());
    assertEquals(3, ana.path("touchpoint_count").asInt());
    assertEquals(List.of("a", "b", "c"), texts(ana.path("touchpoints")));
    assertEquals("{\"store\":1,\"web\":1,\"whatsapp\":1}", ana.path("touchpoints_per_channel").toString());
    JsonNode ids = ana.path("golden").path("identifiers");
    // Both records carry the address (dots aside): the later one, b, is the source.
    assertField(ids.path("email"), "a***@g***.com", "b", "web", "2026-01-02T10:00:00Z");
    assertField(ids.path("phone"), "+34*******78", "c", "whatsapp", "2026-01-03T10:00:00Z");
    assertTrue(ids.path("email").path("raw").isMissingNode(), "no raw spelling when masked");
    JsonNode attributes = ana.path("golden").path("attributes");
    assertField(attributes.path("family_name"), "P**ez", "b", "web", "2026-01-02T10:00:00Z");
    assertField(attributes.path("city"), "M***id", "b", "web", "2026-01-02T10:00:00Z");
    for (String personal : List.of("612", "perez@", "Pérez", "Madrid", "O'Brien", "Lucho", "Sevilla",
        "Luis+")) {
      assertFalse(r.out().contains(personal), personal + " leaks: " + r.out());
    }
    assertFalse(r.err().contains("--show-values"), r.err());
    assertTrue(r.err().contains("6 records -> 4 profiles -> standard output (jsonl, values masked)"),
        r.err());
  }

  @Test
  void showValuesWritesValuesAndRawSpellingsInClearWithAWarning() throws IOException {
    Path out = dir.resolve("profiles.jsonl");
    CliRun r = run(args(data.file(), "--show-values", "--out", out.toString()));
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out());
    assertTrue(r.err().contains("warning: --show-values writes customers' emails, phones, names,"
        + " addresses and birth dates in clear: keep " + out), r.err());
    List<JsonNode> profiles = lines(Files.readString(out));
    JsonNode ana = profiles.get(0);
    assertEquals("clear", ana.path("values").asText());
    JsonNode ids = ana.path("golden").path("identifiers");
    assertField(ids.path("email"), "anaperez@gmail.com", "b", "web", "2026-01-02T10:00:00Z");
    assertEquals("ana.perez@gmail.com", ids.path("email").path("raw").asText());
    assertField(ids.path("phone"), "+34612345678", "c", "whatsapp", "2026-01-03T10:00:00Z");
    assertEquals("+34 612 345 678", ids.path("phone").path("raw").asText());
    assertField(ana.path("golden").path("attributes").path("given_name"), "Ana", "b", "web",
        "2026-01-02T10:00:00Z");
    JsonNode luis = profiles.get(1);
    assertEquals(List.of("d"), texts(luis.path("touchpoints")));
    assertField(luis.path("golden").path("attributes").path("family_name"), "O'Brien, \"Lucho\"",
        "d", "web", "2026-01-04T10:00:00Z");
    JsonNode marta = profiles.get(2);
    assertEquals(0, marta.path("golden").path("identifiers").size(), marta.toString());
    assertTrue(r.err().contains("(jsonl, values in clear)"), r.err());
  }

  private static List<CSVRecord> csv(String text) throws IOException {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(text)).getRecords();
  }

  @Test
  void csvHasTheDocumentedColumnsListsJoinedByBarsAndQuotesANameWithACommaAndQuotes()
      throws IOException {
    CliRun r = run(args(data.file(), "--out-format", "csv", "--show-values"));
    assertEquals(0, r.exit(), r.err());
    String header = r.out().lines().findFirst().orElseThrow();
    assertEquals(String.join(",", ProfilesCommand.csvHeader()), header);
    assertTrue(header.startsWith("profile_id,aliases,channels,first_seen,last_seen,touchpoint_count,"
        + "touchpoints_per_channel,touchpoints,email,email_touchpoint,email_channel,email_time,"
        + "phone,"), header);
    List<CSVRecord> rows = csv(r.out());
    assertEquals(4, rows.size());
    CSVRecord ana = rows.get(0);
    assertEquals("P-1", ana.get("profile_id"));
    assertEquals("", ana.get("aliases"));
    assertEquals("store|web|whatsapp", ana.get("channels"));
    assertEquals("2026-01-01T10:00:00Z", ana.get("first_seen"));
    assertEquals("2026-01-03T10:00:00Z", ana.get("last_seen"));
    assertEquals("3", ana.get("touchpoint_count"));
    assertEquals("store:1|web:1|whatsapp:1", ana.get("touchpoints_per_channel"));
    assertEquals("a|b|c", ana.get("touchpoints"));
    assertEquals("anaperez@gmail.com", ana.get("email"));
    assertEquals("b", ana.get("email_touchpoint"));
    assertEquals("web", ana.get("email_channel"));
    assertEquals("2026-01-02T10:00:00Z", ana.get("email_time"));
    assertEquals("+34612345678", ana.get("phone"));
    assertEquals("c", ana.get("phone_touchpoint"));
    assertEquals("whatsapp", ana.get("phone_channel"));
    assertEquals("Pérez", ana.get("family_name"));
    assertEquals("", ana.get("birth_date"));
    assertEquals("", ana.get("birth_date_touchpoint"));
    CSVRecord luis = rows.get(1);
    assertEquals("O'Brien, \"Lucho\"", luis.get("family_name"));
    assertTrue(r.out().contains(",\"O'Brien, \"\"Lucho\"\"\",d,web,"), r.out());

    CliRun masked = run(args(data.file(), "--out", dir.resolve("p.csv").toString()));
    assertEquals(0, masked.exit(), masked.err());
    List<CSVRecord> maskedRows = csv(Files.readString(dir.resolve("p.csv")));
    assertEquals("a***@g***.com", maskedRows.get(0).get("email"), "csv from the --out extension");
    assertEquals("+34*******78", maskedRows.get(0).get("phone"));
    assertEquals("b", maskedRows.get(0).get("email_touchpoint"));
    assertFalse(Files.readString(dir.resolve("p.csv")).contains("Lucho"));
  }

  @Test
  void fromAJournalEqualsFromTheFile() {
    Path journal = dir.resolve("journal");
    CliRun ingest = run(Stream.concat(Stream.of("ingest", "--journal", journal.toString()),
        Stream.of(data.file())).toArray(String[]::new));
    assertEquals(0, ingest.exit(), ingest.err());
    for (String format : List.of("jsonl", "csv")) {
      CliRun fromFile = run(args(data.file(), "--show-values", "--out-format", format));
      CliRun fromJournal = run("profiles", "--journal", journal.toString(), "--show-values",
          "--out-format", format);
      assertEquals(0, fromJournal.exit(), fromJournal.err());
      assertTrue(fromJournal.err().contains("journal " + journal + ": recovered 6 touchpoints"),
          fromJournal.err());
      assertEquals(fromFile.out(), fromJournal.out(), format);
    }
  }

  @Test
  void anOutputFormatThatIsNoneOfThemIsAUsageError() {
    CliRun r = run(args(data.file(), "--out-format", "xml"));
    assertEquals(CliException.USAGE, r.exit());
    assertTrue(r.err().contains("--out-format"), r.err());
  }
}
