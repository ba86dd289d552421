package dev.omniid.cli;

import static dev.omniid.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resolve --accounts}: a distributor's orders resolved into accounts (the shops) and
 * contacts (the people who order for them). Two contacts of one shop, a contact who orders for
 * two shops, a rep's order naming only the shop, a consumer naming no shop, and a tax id with a
 * wrong check digit.
 */
class AccountsCommandTest {
  private static final String MAPPING = """
      {"id": "order", "channel": "channel", "timestamp": "date", "defaultRegion": "ES",
       "fields": {"org_name": "shop", "tax_id": "nif", "country": "country",
                  "full_name": "contact", "email": "email"}}""";
  private static final String WRONG_NIF = "A58818502";
  /** Row numbers count the header as line 1: o1 is row 2, o6 (the wrong check digit) row 7. */
  private static final String ORDERS = """
      order,channel,date,shop,nif,country,contact,email
      o1,mobile_app,2026-11-16T07:10:00Z,Ferretería Hnos. García S.L.,B-12.345.674,ES,Lucía Pérez,lucia.perez@ferreteria-garcia.es
      o2,web,2026-11-17T15:30:00Z,FERRETERIA GARCIA HERMANOS SL,ESB12345674,,Javier García,javier@ferreteria-garcia.es
      o3,sales_rep,2026-11-18T10:00:00Z,Ferretería García,b12345674,ES,,
      o4,web,2026-11-19T09:00:00Z,Suministros Levante S.A.,A58818501,ES,Marta Ruiz,marta.ruiz@agencia-compras.es
      o5,mobile_app,2026-11-19T09:30:00Z,Ferretería Hnos. García S.L.,B12345674,ES,Marta Ruiz,marta.ruiz@agencia-compras.es
      o6,sales_rep,2026-11-20T12:00:00Z,Suministros Levante SA,A58818502,ES,Pedro Sanz,pedro.sanz@suministros-levante.es
      o7,web,2026-11-20T13:00:00Z,,,,Ana López,ana.lopez@correo-ficticio.es
      """;

  @TempDir
  Path dir;

  private CliRun resolve(String... more) throws IOException {
    Path in = dir.resolve("orders.csv");
    Path mapping = dir.resolve("mapping.json");
    Files.writeString(in, ORDERS);
    Files.writeString(mapping, MAPPING);
    List<String> args = new ArrayList<>(List.of("resolve", "--input", in.toString(),
        "--mapping", mapping.toString(), "--out", dir.resolve("clusters.csv").toString()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  private static List<CSVRecord> csv(Reader reader, String... header) throws IOException {
    try (CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(reader)) {
      assertEquals(List.of(header), p.getHeaderNames());
      return p.getRecords();
    }
  }

  private static List<CSVRecord> csv(Path file, String... header) throws IOException {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return csv(r, header);
    }
  }

  /** Record id to {account, contact}, in file order. */
  private static Map<String, String[]> accounts(List<CSVRecord> rows) {
    Map<String, String[]> byRecord = new LinkedHashMap<>();
    rows.forEach(r -> byRecord.put(r.get("record_id"),
        new String[] {r.get("account_id"), r.get("contact_id")}));
    return byRecord;
  }

  @Test
  void writesTheAccountAndTheContactOfEveryRecord() throws IOException {
    Path file = dir.resolve("accounts.csv");
    CliRun r = resolve("--accounts", file.toString());
    assertEquals(0, r.exit(), r.err());
    Map<String, String[]> a = accounts(csv(file, "record_id", "account_id", "contact_id"));
    assertEquals(List.of("o1", "o2", "o3", "o4", "o5", "o6", "o7"), List.copyOf(a.keySet()),
        "every record, in input order");

    // One shop, its tax id in three spellings: one account, whoever ordered and on any channel.
    String garcia = a.get("o1")[0];
    assertFalse(garcia.isEmpty());
    assertEquals(garcia, a.get("o2")[0]);
    assertEquals(garcia, a.get("o3")[0]);
    assertEquals(garcia, a.get("o5")[0]);
    // Two contacts of that shop stay two people; the rep's order names nobody.
    assertNotEquals(a.get("o1")[1], a.get("o2")[1]);
    assertFalse(a.get("o1")[1].isEmpty() || a.get("o2")[1].isEmpty());
    assertEquals("", a.get("o3")[1]);

    // A contact of two shops: one person, two accounts.
    String levante = a.get("o4")[0];
    assertFalse(levante.isEmpty());
    assertNotEquals(garcia, levante);
    assertEquals(a.get("o4")[1], a.get("o5")[1]);

    // The wrong check digit: the row is kept, with its contact and an account (its name).
    assertFalse(a.get("o6")[0].isEmpty() || a.get("o6")[1].isEmpty());
    // A consumer names no organisation: an empty account id.
    assertEquals("", a.get("o7")[0]);
    assertFalse(a.get("o7")[1].isEmpty());

    // Account ids and contact ids never meet.
    for (String[] ids : a.values()) {
      for (String[] other : a.values()) {
        assertFalse(!ids[0].isEmpty() && ids[0].equals(other[1]), ids[0]);
      }
    }
    assertTrue(r.err().contains("omniid resolve: 7 records -> 5 contacts"), r.err());
    long accountCount = a.values().stream().map(ids -> ids[0]).filter(id -> !id.isEmpty())
        .distinct().count();
    assertTrue(r.err().contains("  accounts: " + accountCount + " (records naming no organisation:"
        + " 1, no person: 1); contacts acting for one account: "), r.err());
    assertTrue(r.err().contains(", for 2+: 1 -> " + file), r.err());
  }

  @Test
  void theWrongCheckDigitIsReportedOnStderrAndInTheRejectsMaskedAndTheRowKept() throws IOException {
    Path file = dir.resolve("accounts.csv");
    Path rejects = dir.resolve("rejects.csv");
    CliRun r = resolve("--accounts", file.toString(), "--rejects", rejects.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("tax ids with a wrong check digit: 1, left out of their records"
        + " (the records kept): row 7 -> " + rejects), r.err());
    List<CSVRecord> problems = csv(rejects, "row", "record_id", "column", "masked_value", "problem");
    assertEquals(1, problems.size(), problems.toString());
    CSVRecord p = problems.get(0);
    assertEquals(List.of("7", "o6", "nif", "has a wrong check digit for a tax id of ES: ignored"),
        List.of(p.get("row"), p.get("record_id"), p.get("column"), p.get("problem")));
    assertNotEquals(WRONG_NIF, p.get("masked_value"));
    for (String output : List.of(r.out(), r.err(), Files.readString(rejects),
        Files.readString(file))) {
      assertFalse(output.contains("58818502"), output);
    }
    // Kept in the clusters file too.
    assertEquals(7, csv(dir.resolve("clusters.csv"), "record_id", "profile_id").size());
  }

  @Test
  void theClustersFileGivesEachRecordItsContactOrItsAccount() throws IOException {
    Path file = dir.resolve("accounts.csv");
    assertEquals(0, resolve("--accounts", file.toString()).exit());
    Map<String, String[]> a = accounts(csv(file, "record_id", "account_id", "contact_id"));
    Map<String, String> clusters = new LinkedHashMap<>();
    csv(dir.resolve("clusters.csv"), "record_id", "profile_id")
        .forEach(c -> clusters.put(c.get("record_id"), c.get("profile_id")));
    assertEquals(a.get("o1")[1], clusters.get("o1"));
    assertEquals(a.get("o4")[1], clusters.get("o5"), "the contact, not the account");
    assertEquals(a.get("o3")[0], clusters.get("o3"), "the rep's order names only the shop");
  }

  @Test
  void accountsMayGoToStandardOutput() throws IOException {
    CliRun r = resolve("--accounts", "-");
    assertEquals(0, r.exit(), r.err());
    List<CSVRecord> rows = csv(new StringReader(r.out()), "record_id", "account_id", "contact_id");
    assertEquals(7, rows.size());
    CliRun both = run("resolve", "--input", dir.resolve("orders.csv").toString(), "--mapping",
        dir.resolve("mapping.json").toString(), "--out", "-", "--accounts", "-");
    assertEquals(2, both.exit());
    assertTrue(both.err().contains("--out and --accounts are both - (standard output)"), both.err());
  }

  @Test
  void aRecordNamingTwoCompaniesKeepsTheFirstAndNamesTheOthersColumn() throws IOException {
    // The account resolver refuses a record with two tax ids whole; the tool drops the second,
    // reports it for its own column (the organisation part counts its identifiers apart from the
    // person's), and resolves the record on the rest.
    Path in = dir.resolve("two.csv");
    Path mapping = dir.resolve("two.json");
    Files.writeString(in, """
        order,email,nif,vat
        t1,lucia.perez@ferreteria-garcia.es,B12345674,
        t2,lucia.perez@ferreteria-garcia.es,B12345674,ESA58818501
        """);
    Files.writeString(mapping, "{\"id\": \"order\", \"fields\": {\"email\": \"email\","
        + " \"tax_id\": [\"nif\", \"vat\"]}}");
    Path file = dir.resolve("two-accounts.csv");
    Path rejects = dir.resolve("two-rejects.csv");
    CliRun r = run("resolve", "--input", in.toString(), "--mapping", mapping.toString(), "--out",
        dir.resolve("two-clusters.csv").toString(), "--accounts", file.toString(), "--rejects",
        rejects.toString());
    assertEquals(0, r.exit(), r.err());
    Map<String, String[]> a = accounts(csv(file, "record_id", "account_id", "contact_id"));
    assertEquals(a.get("t1")[0], a.get("t2")[0], "resolved on its first tax id");
    assertEquals(a.get("t1")[1], a.get("t2")[1], "and its contact");
    List<CSVRecord> problems = csv(rejects, "row", "record_id", "column", "masked_value", "problem");
    assertEquals(1, problems.size(), problems.toString());
    assertEquals(List.of("3", "t2", "vat"), List.of(problems.get(0).get("row"),
        problems.get(0).get("record_id"), problems.get(0).get("column")));
    assertTrue(problems.get(0).get("problem").endsWith(" in one record: ignored"),
        problems.get(0).get("problem"));
  }

  /**
   * The labelled wholesale file of the matching module, through the tool: the same accuracy as
   * the library's {@code AccountsAccuracyTest}, with the mapping shipped beside the file (it gives
   * the company's postal code and city as the company's: {@code org_postal_code}, {@code org_city}).
   */
  @Test
  void theLabelledWholesaleFileResolvesAsTheLibraryResolvesIt() throws IOException {
    Path labelled = Path.of("../matching/src/test/resources/accounts/accounts-contacts.csv");
    Path mapping = labelled.resolveSibling("accounts-contacts.mapping.json");
    Path file = dir.resolve("labelled-accounts.csv");
    CliRun r = run("resolve", "--input", labelled.toString(), "--mapping", mapping.toString(),
        "--out", dir.resolve("labelled-clusters.csv").toString(), "--accounts", file.toString());
    assertEquals(0, r.exit(), r.err());
    Map<String, String[]> predicted = accounts(csv(file, "record_id", "account_id", "contact_id"));
    Map<String, String[]> truth = new LinkedHashMap<>();
    try (Reader in = Files.newBufferedReader(labelled, StandardCharsets.UTF_8);
        CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
            .parse(in)) {
      p.forEach(c -> truth.put(c.get("record_id"),
          new String[] {c.get("truth_account"), c.get("truth_person")}));
    }
    assertEquals(truth.keySet(), predicted.keySet());
    StringBuilder report = new StringBuilder("resolve --accounts on " + labelled.getFileName()
        + ", " + truth.size() + " records, pairwise over the records labelled with one:\n");
    for (int side = 0; side < 2; side++) {
      List<String> ids = new ArrayList<>();
      for (Map.Entry<String, String[]> e : truth.entrySet()) {
        if (!e.getValue()[side].isEmpty()) {
          ids.add(e.getKey());
        }
      }
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (int i = 0; i < ids.size(); i++) {
        for (int j = i + 1; j < ids.size(); j++) {
          boolean same = truth.get(ids.get(i))[side].equals(truth.get(ids.get(j))[side]);
          String a = predicted.get(ids.get(i))[side];
          boolean linked = !a.isEmpty() && a.equals(predicted.get(ids.get(j))[side]);
          tp += same && linked ? 1 : 0;
          fp += !same && linked ? 1 : 0;
          fn += same && !linked ? 1 : 0;
        }
      }
      double precision = tp + fp == 0 ? 1 : tp / (double) (tp + fp);
      double recall = tp + fn == 0 ? 1 : tp / (double) (tp + fn);
      String name = side == 0 ? "accounts" : "persons";
      report.append(String.format(java.util.Locale.ROOT,
          "  %s: %d records, precision %.4f, recall %.4f%n", name, ids.size(), precision, recall));
      assertTrue(precision >= 0.99, name + " precision " + precision);
      assertTrue(recall > 0.5, name + " recall " + recall);
    }
    TestReports.add("AccountsCommandTest", report.toString());
    // The file's eleven wrong check digits, each kept.
    assertTrue(r.err().contains("tax ids with a wrong check digit: 11, left out of their records"),
        r.err());
  }

  @Test
  void withoutAccountsAWrongCheckDigitIsReportedAlike() throws IOException {
    CliRun r = resolve();
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("tax ids with a wrong check digit: 1, left out of their records"
        + " (the records kept): row 7"), r.err());
    assertFalse(r.err().contains("  accounts: "), r.err());
    assertTrue(r.err().contains("--accounts FILE resolves accounts and their contacts apart"),
        r.err());
  }
}
