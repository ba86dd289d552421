package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every user mistake (a region libphonenumber does not know, a bad threshold, a missing key file,
 * an unknown column or identifier type) stops with exit code 2 and one line that names the option
 * or mapping key and the valid form: never an "internal error" with an exception's name. And what
 * the commands write ends its lines with LF, on a file or on standard output.
 */
class UserMistakesTest {
  @TempDir
  Path dir;

  private Path input;
  private Path mapping;

  @BeforeEach
  void files() throws IOException {
    input = dir.resolve("in.csv");
    mapping = dir.resolve("m.json");
    Files.writeString(input, "id,email,phone,name\na,ana@correo.es,612345678,Ana\n"
        + "b,ana@correo.es,,Ana\nc,luis@correo.es,612345678,Luis\n");
    Files.writeString(mapping, "{\"id\": \"id\", \"fields\": {\"email\": \"email\", \"phone\": \"phone\","
        + " \"given_name\": \"name\"}}");
  }

  private String[] withInput(String command, String... more) {
    List<String> args = new ArrayList<>(List.of(command, "--input", input.toString(), "--mapping",
        mapping.toString()));
    args.addAll(List.of(more));
    return args.toArray(new String[0]);
  }

  private static void oneLineUsageError(CliRun r, String expected) {
    assertEquals(CliException.USAGE, r.exit(), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().contains(expected), "expected \"" + expected + "\" in: " + r.err());
    assertFalse(r.err().contains("internal error") || r.err().contains("Exception"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void aRegionLibphonenumberDoesNotKnowIsAUsageErrorNamingTheOptionAndTheValidForm() {
    for (String command : List.of("resolve", "stats", "profile")) {
      List<String> more = new ArrayList<>(List.of("--default-region", "XX"));
      if (command.equals("resolve")) {
        more.addAll(List.of("--out", dir.resolve("o.csv").toString()));
      } else if (command.equals("profile")) {
        more.addAll(List.of("--record", "a"));
      }
      oneLineUsageError(run(withInput(command, more.toArray(new String[0]))),
          "--default-region XX is not a region libphonenumber knows; give an ISO 3166 alpha-2 region");
    }
    oneLineUsageError(run("ingest", "--journal", dir.resolve("j").toString(), "--input",
        input.toString(), "--mapping", mapping.toString(), "--default-region", "zz"),
        "--default-region ZZ is not a region libphonenumber knows");
    assertFalse(Files.exists(dir.resolve("j")), "nothing is created for a refused ingest");
    oneLineUsageError(run(withInput("resolve", "--default-region", "Spain", "--out",
        dir.resolve("o.csv").toString())), "--default-region must be an ISO 3166 alpha-2 region code");
  }

  @Test
  void aMappingsDefaultRegionLibphonenumberDoesNotKnowNamesTheMappingKey() throws IOException {
    Files.writeString(mapping, "{\"id\": \"id\", \"defaultRegion\": \"XX\", \"fields\": {\"email\":"
        + " \"email\"}}");
    for (String[] args : List.of(withInput("resolve", "--out", dir.resolve("o.csv").toString()),
        withInput("stats"), new String[] {"ingest", "--journal", dir.resolve("j").toString(),
            "--input", input.toString(), "--mapping", mapping.toString()})) {
      oneLineUsageError(run(args), "mapping " + mapping + ": \"defaultRegion\" XX is not a region"
          + " libphonenumber knows; give an ISO 3166 alpha-2 region code");
    }
  }

  @Test
  void otherMistakesAreOneLineUsageErrorsToo() {
    Map<String, String[]> cases = new LinkedHashMap<>();
    cases.put("--threshold must be a probability between 0 and 1",
        withInput("resolve", "--threshold", "1.5", "--out", dir.resolve("o.csv").toString()));
    cases.put("--threshold must be a probability", withInput("stats", "--threshold", "NaN"));
    cases.put("--top must be a number of profiles, 0 or more", withInput("stats", "--top", "-1"));
    cases.put("--key-file " + dir.resolve("no.key") + ": file not found", new String[] {"ingest",
        "--journal", dir.resolve("j").toString(), "--input", input.toString(), "--mapping",
        mapping.toString(), "--key-file", dir.resolve("no.key").toString()});
    cases.put("--out and --rejects are both - (standard output)",
        withInput("resolve", "--out", "-", "--rejects", "-"));
    cases.put("--rejects -: standard output holds the 'durable N' lines", new String[] {"ingest",
        "--journal", dir.resolve("j").toString(), "--input", input.toString(), "--mapping",
        mapping.toString(), "--rejects", "-"});
    cases.put("--whole-profile goes with --identifier", new String[] {"forget", "--journal",
        dir.resolve("j").toString(), "--profile", "P-1", "--whole-profile"});
    for (Map.Entry<String, String[]> c : cases.entrySet()) {
      oneLineUsageError(run(c.getValue()), c.getKey());
    }
  }

  @Test
  void anUnknownColumnIsOneLineNamingItAndTheMappingKey() throws IOException {
    Files.writeString(mapping, "{\"id\": \"id\", \"fields\": {\"email\": \"Email\"}}");
    oneLineUsageError(run(withInput("stats")), "column \"Email\" (mapped by \"fields.email\") is not"
        + " in the header; did you mean \"email\"?");
  }

  @Test
  void profileNamesAnUnknownIdentifierTypeAndTheKnownOnesBeforeResolving() {
    CliRun r = run(withInput("profile", "--identifier", "mail:ana@correo.es"));
    oneLineUsageError(r, "--identifier: unknown identifier type \"mail\"; known: email, phone,");
    assertTrue(r.err().strip().endsWith("did you mean email?"), r.err());
    assertFalse(r.err().contains("ana@correo.es"), "the value is never echoed: " + r.err());
    // A known type with a value nobody holds is "not found", exit 1: the lookup ran.
    CliRun none = run(withInput("profile", "--identifier", "email:nobody@correo.es"));
    assertEquals(1, none.exit(), none.err());
    assertTrue(none.err().contains("no profile holds email:n***@c***.es"), none.err());
  }

  @Test
  void filesAndStandardOutputEndLinesWithLf() throws IOException {
    Path out = dir.resolve("clusters.csv");
    Path relations = dir.resolve("relations.csv");
    CliRun toFiles = run(withInput("resolve", "--out", out.toString(), "--relations",
        relations.toString(), "--explain", dir.resolve("why.jsonl").toString()));
    assertEquals(0, toFiles.exit(), toFiles.err());
    for (Path file : List.of(out, relations, dir.resolve("clusters.rejects.csv"),
        dir.resolve("why.jsonl"))) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertFalse(text.contains("\r"), file + " holds a CR: " + text);
      assertTrue(text.endsWith("\n"), file.toString());
    }
    assertEquals("record_id,profile_id\na,P-1\nb,P-1\nc,P-2\n", Files.readString(out));

    CliRun toStdout = run(withInput("resolve", "--out", "-"));
    assertEquals(0, toStdout.exit(), toStdout.err());
    assertEquals(Files.readString(out), toStdout.out());
    assertFalse(toStdout.err().contains("P-1"), "only the summary on stderr: " + toStdout.err());
    assertTrue(toStdout.err().contains("omniid resolve: 3 records -> 2 profiles"), toStdout.err());
    assertFalse(Files.exists(Path.of("-")) || Files.exists(Path.of("-.rejects.csv")),
        "- is standard output, not a file");
  }
}
