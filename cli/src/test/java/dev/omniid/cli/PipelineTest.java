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
