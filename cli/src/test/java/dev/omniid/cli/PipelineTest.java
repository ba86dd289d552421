package dev.omniid.cli;

import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Warning;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


class PipelineTest {
  @TempDir
  Path dir;

  private Pipeline.Result run(String input, String inputName, String mapping) throws IOException {
    Path in = dir.resolve(inputName);
    Path map = dir.resolve("mapping.json");
    Files.writeString(in, input);
    Files.writeString(map, mapping);
    return Pipeline.run(new Pipeline.Settings(in, map, Optional.empty(), Optional.empty(),
        Optional.empty(), false), new Progress(new PrintWriter(Writer.nullWriter()), false));
  }

  private static String profileOf(Pipeline.Result result, String recordId) {
    MappedRecord r = result.records().stream().filter(x -> x.recordId().equals(recordId)).findFirst().orElseThrow();
    return result.resolver().profileIdOf(r.touchpoint().id()).orElseThrow().toString();
  }

  @Test
  void aRecordWithTwoCustomerIdsIsResolvedWithoutTheSecond() throws IOException {
    Pipeline.Result result = run("id,c1,c2,email\na,C-1,C-2,ana@correo.es\nb,C-2,,\nc,C-1,,\n", "in.csv",
        "{\"id\": \"id\", \"fields\": {\"customer_id\": [\"c1\", \"c2\"], \"email\": \"email\"}}");
    assertEquals(3, result.records().size());
    assertEquals(profileOf(result, "a"), profileOf(result, "c"));
    assertTrue(!profileOf(result, "a").equals(profileOf(result, "b")));
    assertEquals(List.of(new Warning(2, "a", "c2", "***", "a second, different value of exclusive type"
        + " customer_id in one record: ignored", false)), result.warnings());
  }

  /** The resolver names the refused identifier by its index: the warning names its column. */
  @Test
  void aRefusedIdentifierIsReportedInItsOwnColumnWithItsValueMasked() throws IOException {
    Pipeline.Result result = run("id,phone,email,email2\na,,ana@@correo.es,ana@correo.es\n", "in.csv",
        "{\"id\": \"id\", \"fields\": {\"phone\": \"phone\", \"email\": [\"email\", \"email2\"]}}");
    assertEquals(1, result.warnings().size(), result.warnings().toString());
    Warning w = result.warnings().get(0);
    assertEquals("email", w.column());
    assertEquals(Warning.mask("ana@@correo.es"), w.maskedValue());
    assertTrue(w.reason().endsWith(": ignored"), w.reason());
    assertEquals(2, result.records().get(0).touchpoint().identifiers().size());
  }

  @Test
  void anUnverifiedPhoneIsKeptLinksTheSameDigitsAndIsToldOf() throws IOException {
    // (818) 555 0199 is a US national number: in a Spanish file libphonenumber cannot validate it.
    Pipeline.Result result = run("id,phone\na,(818) 555 0199\nb,818-555-0199\nc,12\n", "in.csv",
        "{\"id\": \"id\", \"defaultRegion\": \"ES\", \"fields\": {\"phone\": \"phone\"}}");
    assertEquals(profileOf(result, "a"), profileOf(result, "b"));
    List<String> reasons = result.warnings().stream().map(w -> w.recordId() + ": " + w.reason()).toList();
    assertEquals(3, reasons.size(), reasons.toString());
    assertTrue(reasons.get(0).startsWith("a: is not a number libphonenumber can validate")
        && reasons.get(0).endsWith("kept as unverified, it links records with the same digits and is"
        + " scored against full numbers"), reasons.get(0));
    assertTrue(reasons.get(1).startsWith("b: ") && reasons.get(1).contains("kept as unverified"));
    // Two digits are no phone: that one is still ignored.
    assertTrue(reasons.get(2).startsWith("c: ") && reasons.get(2).endsWith(": ignored"), reasons.get(2));
  }

  @Test
  void exactIdsWrittenDifferentlyAreOneUnlessTheMappingSaysNotToNormalize() throws IOException {
    String input = "id,nid,email\na,123-45-6789,ana@correo.es\nb,123456789,ana@correo.es\n";
    Pipeline.Result normalized = run(input, "in.csv",
        "{\"id\": \"id\", \"fields\": {\"national_id\": \"nid\", \"email\": \"email\"}}");
    assertEquals(profileOf(normalized, "a"), profileOf(normalized, "b"));
    assertEquals(List.of(), normalized.warnings());
    Pipeline.Result asWritten = run(input, "in.csv", "{\"id\": \"id\", \"fields\": {\"national_id\":"
        + " {\"column\": \"nid\", \"normalize\": false}, \"email\": \"email\"}}");
    assertTrue(!profileOf(asWritten, "a").equals(profileOf(asWritten, "b")),
        "compared as written, two ids: an exclusive conflict keeps them apart");
  }

  /**
   * Records whose chunk is resolved drop their touchpoints and read them back from the resolver:
   * over several chunks, with ids repeated across chunks (equal content and other content), two
   * customer ids in one record (refused, resolved again without one) and values the resolver
   * refuses, every record read back equals the record as mapped, and the outputs are those of the
   * records kept whole.
   */
  @Test
  void recordsOfResolvedChunksReadBackEqualToTheRecordsAsMapped() throws IOException {
    StringBuilder in = new StringBuilder("id,c1,c2,email,phone,given,family,amount\n");
    java.util.Random random = new java.util.Random(7);
    int n = Pipeline.CHUNK * 2 + 1_234;
    for (int i = 0; i < n; i++) {
      int person = random.nextInt(n / 3);
      String id = random.nextInt(50) == 0 ? "r" + random.nextInt(Math.max(1, i)) : "r" + i;
      in.append(id).append(',')
          .append(random.nextInt(40) == 0 ? "C-" + person : "").append(',')
          .append(random.nextInt(200) == 0 ? "C-" + (person + 1) : "").append(',')
          .append(random.nextInt(30) == 0 ? "not-an-email" : "p" + person + "@correo.es").append(',')
          .append(random.nextBoolean() ? "6" + (10_000_000 + person) : "").append(',')
          .append(random.nextBoolean() ? "Ana" : "Luis").append(',')
          .append("Garc\u00eda").append(',').append(random.nextInt(5)).append('\n');
    }
    Path file = dir.resolve("many.csv");
    Path map = dir.resolve("mapping.json");
    Files.writeString(file, in);
    Files.writeString(map, "{\"id\": \"id\", \"fields\": {\"customer_id\": [\"c1\", \"c2\"],"
        + " \"email\": \"email\", \"phone\": \"phone\", \"given_name\": \"given\","
        + " \"family_name\": \"family\"}, \"payload\": {\"amount\": \"amount\"}}");
    Pipeline.Settings settings = new Pipeline.Settings(file, map, Optional.empty(), Optional.empty(),
        Optional.empty(), false);
    Progress quiet = new Progress(new PrintWriter(Writer.nullWriter()), false);
    List<MappedRecord> mapped = Pipeline.read(settings, quiet).records();
    Pipeline.Result result = Pipeline.run(settings, quiet);
    assertEquals(mapped.size(), result.records().size());
    int readBack = 0;
    for (int i = 0; i < mapped.size(); i++) {
      MappedRecord expected = mapped.get(i);
      MappedRecord actual = result.records().get(i);
      assertEquals(expected.row(), result.row(i));
      assertEquals(expected.recordId(), result.recordId(i));
      assertEquals(expected.touchpoint().id(), result.touchpointId(i));
      assertEquals(expected, actual, "row " + expected.row());
      if (result.resolver().touchpoint(expected.touchpoint().id())
          .filter(t -> t.equals(expected.touchpoint())).isPresent()) {
        readBack++;
      }
      assertTrue(result.profileOf(i).isPresent(), "row " + expected.row());
    }
    // Nearly every record is read back; the refused ones (two customer ids) are kept whole.
    assertTrue(readBack > n * 9 / 10 && readBack < n, "read back " + readBack + " of " + n);
  }

  @Test
  void repeatedIdsAreOneRecordWhenEqualAndSeparateRecordsOtherwise() throws IOException {
    Pipeline.Result result = run("id,email\na,ana@correo.es\na,ana@correo.es\na,luis@correo.es\nb,luis@correo.es\n",
        "in.csv", "{\"id\": \"id\", \"fields\": {\"email\": \"email\"}}");
    assertEquals(List.of("a", "a", "a#4", "b"), result.records().stream().map(r -> r.touchpoint().id()).toList());
    assertEquals(List.of("a", "a", "a", "b"), result.records().stream().map(MappedRecord::recordId).toList());
    assertEquals(3, result.resolver().touchpointCount());
    assertEquals(profileOf(result, "b"), result.resolver().profileIdOf("a#4").orElseThrow().toString());
    assertEquals(List.of(new Warning(4, "a", "id", "", "repeats the id of row 2 with other content: resolved"
        + " as a separate record", false)), result.warnings());
  }

  @Test
  void jsonLinesCountUnreadableLinesAndCheckMappedKeys() throws IOException {
    Pipeline.Result result = run("{\"id\": \"1\", \"email\": \"ana@correo.es\"}\nnot json\n"
        + "{\"id\": \"2\", \"email\": \"ana@correo.es\"}\n", "in.jsonl",
        "{\"id\": \"id\", \"fields\": {\"email\": \"email\"}}");
    assertEquals(2, result.records().size());
    assertEquals(1, result.rejectedRows());
    assertEquals(profileOf(result, "1"), profileOf(result, "2"));

    CliException e = assertThrows(CliException.class, () -> run("{\"id\": \"1\"}\n", "in.jsonl",
        "{\"id\": \"id\", \"fields\": {\"email\": \"Email\"}}"));
    assertEquals("input " + dir.resolve("in.jsonl") + ": column \"Email\" (mapped by \"fields.email\")"
        + " appears in no line", e.getMessage());
  }

  @Test
  void aColumnMissingFromTheHeaderIsNamedWithACloseMatch() {
    CliException e = assertThrows(CliException.class, () -> run("ID,E Mail\n1,x\n", "in.csv",
        "{\"id\": \"ID\", \"fields\": {\"email\": \"e_mail\", \"phone\": \"tel\"}}"));
    assertEquals("input " + dir.resolve("in.csv") + ": column \"e_mail\" (mapped by \"fields.email\") is not"
        + " in the header; did you mean \"E Mail\"? (1 more missing)", e.getMessage());
  }

  @Test
  void theDefaultRejectsFileSitsNextToTheOutput() {
    assertEquals(Path.of("out", "clusters.rejects.csv"), ResolveCommand.defaultRejects(Path.of("out", "clusters.csv")));
    assertEquals(Path.of("clusters.rejects.csv"), ResolveCommand.defaultRejects(Path.of("clusters")));
  }
}
