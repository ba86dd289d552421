package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.connect.InputRecord.RowProblem;
import dev.omniid.connect.RecordReader.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordReaderTest {
  @TempDir
  Path dir;

  private List<InputRecord> read(String name, byte[] content) throws IOException {
    Path file = dir.resolve(name);
    Files.write(file, content);
    List<InputRecord> records = new ArrayList<>();
    try (RecordReader reader = RecordReader.open(file, Format.of(file))) {
      Optional<InputRecord> next;
      while ((next = reader.next()).isPresent()) {
        records.add(next.get());
      }
    }
    return records;
  }

  private List<InputRecord> csv(String content) throws IOException {
    return read("in.csv", content.getBytes(StandardCharsets.UTF_8));
  }

  private List<String> header(String content) throws IOException {
    Path file = dir.resolve("h.csv");
    Files.writeString(file, content);
    try (RecordReader reader = RecordReader.open(file, Format.CSV)) {
      return reader.header();
    }
  }

  @Test
  void readsQuotedFieldsEscapedQuotesAndLineBreaksInsideQuotes() throws IOException {
    List<InputRecord> r = csv("id,name,note\r\n1,\"Pérez, Ana\",\"said \"\"hi\"\"\"\r\n"
        + "2,Luis,\"two\nlines\"\r\n3,Eva,\r\n");
    assertEquals(3, r.size());
    assertEquals(Map.of("id", "1", "name", "Pérez, Ana", "note", "said \"hi\""), r.get(0).values());
    assertEquals("two\nlines", r.get(1).values().get("note"));
    assertEquals("", r.get(2).values().get("note"));
    assertEquals(List.of(2L, 3L, 5L), r.stream().map(InputRecord::row).toList());
    assertTrue(r.stream().allMatch(x -> x.problems().isEmpty() && x.readable()));
  }

  @Test
  void toleratesABomAndTrimsNamesAndValues() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = "rec_id, given_name, surname\nrec-1-org,  mitchell , \"green\" \n".getBytes(StandardCharsets.UTF_8);
    byte[] content = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, content, 0, bom.length);
    System.arraycopy(body, 0, content, bom.length, body.length);
    List<InputRecord> r = read("febrl.csv", content);
    assertEquals(Map.of("rec_id", "rec-1-org", "given_name", "mitchell", "surname", "green"), r.get(0).values());
    assertEquals(List.of(), r.get(0).problems());
  }

  @Test
  void skipsBlankLines() throws IOException {
    List<InputRecord> r = csv("\nid,a\n\n1,x\n   \n2,y\n\n");
    assertEquals(List.of("1", "2"), r.stream().map(x -> x.values().get("id")).toList());
    assertEquals(List.of(4L, 6L), r.stream().map(InputRecord::row).toList());
  }

  @Test
  void anUnclosedQuoteMidFileBreaksOnlyItsOwnRow() throws IOException {
    List<InputRecord> r = csv("id,name,city\n1,ana,madrid\n2,\"luis,sevilla\n3,eva,bilbao\n4,pia,leon\n");
    assertEquals(List.of("1", "2", "3", "4"), r.stream().map(x -> x.values().get("id")).toList());
    InputRecord broken = r.get(1);
    assertEquals(3L, broken.row());
    assertEquals("luis", broken.values().get("name"));
    assertEquals("sevilla", broken.values().get("city"));
    assertEquals(List.of(new RowProblem("name",
        "broken quoting: a quote opens the field and is not closed on its line; read without it")),
        broken.problems());
    assertEquals(Map.of("id", "3", "name", "eva", "city", "bilbao"), r.get(2).values());
    assertEquals(List.of(4L, 5L), List.of(r.get(2).row(), r.get(3).row()));
  }

  @Test
  void anUnclosedQuoteAtTheEndOfTheFileIsReported() throws IOException {
    List<InputRecord> r = csv("id,name\n1,ana\n2,\"luis\n");
    assertEquals(2, r.size());
    assertEquals("luis", r.get(1).values().get("name"));
    assertEquals("name", r.get(1).problems().get(0).column());
  }

  @Test
  void aQuoteSpanningLinesWithTheWrongFieldCountIsBroken() throws IOException {
    // The quote "closes" two lines later, but the record would have 5 fields: not a real line break.
    List<InputRecord> r = csv("id,name,city\n1,\"ana,madrid\n2,luis,sevilla\n3,eva\",bilbao,x,y\n");
    assertEquals(List.of("1", "2", "3"), r.stream().map(x -> x.values().get("id")).toList());
    assertEquals("name", r.get(0).problems().get(0).column());
  }

  @Test
  void textAfterAClosingQuoteAndQuotesInsideUnquotedFieldsAreKeptAndReported() throws IOException {
    List<InputRecord> r = csv("id,name,size\n1,\"jo\"x,5\"\n");
    assertEquals(Map.of("id", "1", "name", "jox", "size", "5\""), r.get(0).values());
    assertEquals(List.of(
        new RowProblem("name", "broken quoting: text after the closing quote; kept"),
        new RowProblem("size", "broken quoting: a quote inside an unquoted field; kept as text")),
        r.get(0).problems());
  }

  @Test
  void wrongFieldCountsAreReportedAndTheRowKept() throws IOException {
    List<InputRecord> r = csv("id,a,b\n1,x\n2,x,y,z\n3,x,y,,\n");
    assertEquals(Map.of("id", "1", "a", "x"), r.get(0).values());
    assertEquals(List.of(new RowProblem("", "has 2 fields, the header has 3: the missing ones are read as empty")),
        r.get(0).problems());
    assertEquals(Map.of("id", "2", "a", "x", "b", "y"), r.get(1).values());
    assertEquals(List.of(new RowProblem("", "has 4 fields, the header has 3: the extra ones are ignored")),
        r.get(1).problems());
    assertEquals(List.of(), r.get(2).problems(), "blank extra fields (trailing commas) carry nothing");
  }

  @Test
  void badUtf8IsReportedOnItsColumn() throws IOException {
    byte[] content = "id,name\n1,ana\n2,x\u00e9y\n".getBytes(StandardCharsets.ISO_8859_1);
    List<InputRecord> r = read("latin1.csv", content);
    assertEquals(List.of(), r.get(0).problems());
    assertEquals(List.of(new RowProblem("name", "has bytes that are not UTF-8 (replaced by U+FFFD)")),
        r.get(1).problems());
  }

  @Test
  void headerProblemsAndEmptyFilesStopTheRun() throws IOException {
    assertEquals(List.of("a", "b c", "d"), header("\uFEFF a ,\"b c\", d\n"));
    OmniIdException empty = assertThrows(OmniIdException.class, () -> header(""));
    assertTrue(empty.field().endsWith("h.csv"), empty.field());
    assertEquals("empty file, expected a header row", empty.detail());
    OmniIdException broken = assertThrows(OmniIdException.class, () -> header("a,\"b\n1,2\n"));
    assertEquals("the header row (line 1) broken quoting: a quote opens the field and is not"
        + " closed on its line; read without it", broken.detail());
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("missing.csv");
    assertEquals("input " + file + ": file not found",
        assertThrows(java.io.UncheckedIOException.class, () -> RecordReader.open(file, Format.CSV)).getMessage());
  }

  @Test
  void jsonLinesReportBadLinesWithoutTheirContentAndGoOn() throws IOException {
    String content = "\uFEFF{\"id\": \"1\", \"email\": \" ana@x.com \", \"age\": 41, \"vip\": true, \"x\": null}\n"
        + "\n"
        + "{\"id\": \"2\", \"email\": \"luis@secret.com\"\n"
        + "[1, 2]\n"
        + "{\"id\": \"3\", \"tags\": [\"a\"], \"addr\": {\"city\": \"Madrid\"}}\n";
    List<InputRecord> r = read("in.jsonl", content.getBytes(StandardCharsets.UTF_8));
    assertEquals(4, r.size());
    assertEquals(Map.of("id", "1", "email", "ana@x.com", "age", "41", "vip", "true"), r.get(0).values());
    InputRecord bad = r.get(1);
    assertFalse(bad.readable());
    assertEquals(3L, bad.row());
    assertTrue(bad.problems().get(0).reason().startsWith("is not valid JSON (column "), bad.problems().toString());
    assertFalse(bad.problems().toString().contains("secret"));
    assertEquals(List.of(new RowProblem("", "is not a JSON object: the line is rejected")), r.get(2).problems());
    assertEquals(Map.of("id", "3"), r.get(3).values());
    assertEquals(List.of(new RowProblem("tags", "is a nested array, not a value: ignored"),
        new RowProblem("addr", "is a nested object, not a value: ignored")), r.get(3).problems());
  }

  @Test
  void theFormatFollowsTheFileName() {
    assertEquals(Format.JSONL, Format.of(Path.of("a.jsonl")));
    assertEquals(Format.JSONL, Format.of(Path.of("A.NDJSON")));
    assertEquals(Format.CSV, Format.of(Path.of("a.csv")));
    assertEquals(Format.CSV, Format.of(Path.of("export.txt")));
  }
}
