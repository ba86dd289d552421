package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code resolve --relations} and the related profiles {@code profile} shows: households kept apart. */
class RelationsCommandTest {
  private static final String MAPPING = "{\"id\": \"id\", \"defaultRegion\": \"ES\", \"fields\": {"
      + "\"email\": \"email\", \"given_name\": \"given\", \"family_name\": \"family\","
      + " \"birth_date\": \"born\"}}";
  private static final String FAMILY_EMAIL = "Familia.Ruiz@correo-ficticio.es";
  private static final String HEADER = "id,given,family,born,email\n";
  /** Father and son: one family mailbox, two names, two birth dates; and a stranger. */
  private static final String FATHER_AND_SON = HEADER
      + "f1,Antonio,Ruiz Delgado,14/03/1958," + FAMILY_EMAIL + "\n"
      + "s1,Javier,Ruiz Martín,02/09/1989,familia.ruiz@correo-ficticio.es\n"
      + "f2,ANTONIO,RUIZ DELGADO,1958-03-14,familia.ruiz@correo-ficticio.es\n"
      + "x1,Marta,Gil,01/01/1970,marta.gil@correo-ficticio.es\n";

  @TempDir
  Path dir;

  private CliRun resolve(String input, String... more) throws IOException {
    Path in = dir.resolve("in.csv");
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(in, input);
    Files.writeString(mapping, MAPPING);
    List<String> args = new java.util.ArrayList<>(List.of("resolve", "--input", in.toString(),
        "--mapping", mapping.toString(), "--out", dir.resolve("clusters.csv").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static List<CSVRecord> csv(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      assertEquals(List.of("profile_id", "related_profile_id", "reasons", "conflicts", "shared"),
          p.getHeaderNames());
      return p.getRecords();
    }
  }

  private Map<String, String> profiles() throws IOException {
    try (Reader r = Files.newBufferedReader(dir.resolve("clusters.csv"), StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
      return p.getRecords().stream().collect(Collectors.toMap(c -> c.get("record_id"),
          c -> c.get("profile_id")));
    }
  }

  private static long number(String profileId) {
    return Long.parseLong(profileId.substring(2));
  }

  @Test
  void fatherAndSonSharingAnEmailAreOneRelationWithTheEmailMasked() throws IOException {
    Path relations = dir.resolve("relations.csv");
    CliRun r = resolve(FATHER_AND_SON, "--relations", relations.toString());
    assertEquals(0, r.exit(), r.err());

    Map<String, String> profiles = profiles();
    assertEquals(profiles.get("f1"), profiles.get("f2"));
    String father = profiles.get("f1");
    String son = profiles.get("s1");
    assertFalse(father.equals(son), "the son is kept apart from his father");

    List<CSVRecord> rows = csv(relations);
    assertEquals(1, rows.size(), rows.toString());
    CSVRecord row = rows.get(0);
    // Each pair once, the smaller profile id first.
    List<String> pair = List.of(father, son).stream()
        .sorted(java.util.Comparator.comparingLong(RelationsCommandTest::number)).toList();
    assertEquals(pair, List.of(row.get("profile_id"), row.get("related_profile_id")));
    assertTrue(List.of(row.get("reasons").split("\\|")).contains("PERSON_CONFLICT"), row.toString());
    assertTrue(List.of(row.get("conflicts").split("\\|")).contains("GIVEN_NAME"), row.toString());
    String masked = "email:" + new Identifier(IdentifierType.EMAIL,
        FAMILY_EMAIL.toLowerCase(Locale.ROOT), FAMILY_EMAIL).masked();
    // The email alone: its SHA-256, derived from it, would only repeat it.
    assertEquals(masked, row.get("shared"), row.toString());
    assertTrue(masked.contains("***"), masked);

    String file = Files.readString(relations, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    assertFalse(file.contains("familia.ruiz"), file);
    assertFalse(file.contains("correo-ficticio"), file);
    assertTrue(r.err().contains("relations (profiles kept apart that share values): 1 -> "
        + relations), r.err());
  }

  @Test
  void aHouseholdOfThreeIsThreePairsSortedByProfileId() throws IOException {
    Path relations = dir.resolve("relations.csv");
    CliRun r = resolve(FATHER_AND_SON + "d1,Lucía,Ruiz Martín,30/11/1992,familia.ruiz@correo-ficticio.es\n",
        "--relations", relations.toString());
    assertEquals(0, r.exit(), r.err());
    List<CSVRecord> rows = csv(relations);
    assertEquals(3, rows.size(), rows.toString());
    List<List<Long>> pairs = rows.stream().map(c -> List.of(number(c.get("profile_id")),
        number(c.get("related_profile_id")))).toList();
    for (List<Long> p : pairs) {
      assertTrue(p.get(0) < p.get(1), pairs.toString());
    }
    List<List<Long>> sorted = pairs.stream().sorted(java.util.Comparator
        .<List<Long>>comparingLong(p -> p.get(0)).thenComparingLong(p -> p.get(1))).toList();
    assertEquals(sorted, pairs);
    assertEquals(3, pairs.stream().distinct().count(), pairs.toString());
    Map<String, String> profiles = profiles();
    assertFalse(pairs.stream().flatMap(List::stream)
        .anyMatch(id -> ("P-" + id).equals(profiles.get("x1"))), "the stranger is related to nobody");
  }

  @Test
  void withoutTheOptionNoRelationsAreCountedOrWritten() throws IOException {
    CliRun r = resolve(FATHER_AND_SON);
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.err().contains("relations"), r.err());
    assertTrue(r.err().contains(" by a person conflict"), r.err());
  }

  @Test
  void profileListsItsRelatedProfilesWithTheSharedValueMaskedEvenUnmasked() throws IOException {
    resolve(FATHER_AND_SON);
    Map<String, String> profiles = profiles();
    CliRun r = run("profile", "--input", dir.resolve("in.csv").toString(), "--mapping",
        dir.resolve("mapping.json").toString(), "--record", "s1");
    assertEquals(0, r.exit(), r.err());
    String out = r.out();
    int section = out.indexOf("Related profiles (kept apart, sharing values):");
    assertTrue(section >= 0, out);
    List<String> lines = out.substring(section).lines().skip(1).takeWhile(l -> !l.isBlank()).toList();
    assertEquals(1, lines.size(), out);
    String line = lines.get(0);
    assertTrue(line.strip().startsWith(profiles.get("f1") + " "), line);
    assertTrue(line.contains("PERSON_CONFLICT (GIVEN_NAME"), line);
    assertTrue(line.contains("shares email:f***@c***.es"), line);
    // The son's own identifiers are shown in full; the related line never is.
    assertFalse(line.toLowerCase(Locale.ROOT).contains("familia.ruiz"), line);

    CliRun stranger = run("profile", "--input", dir.resolve("in.csv").toString(), "--mapping",
        dir.resolve("mapping.json").toString(), "--record", "x1");
    assertEquals(0, stranger.exit(), stranger.err());
    assertFalse(stranger.out().contains("Related profiles"), stranger.out());
  }
}
