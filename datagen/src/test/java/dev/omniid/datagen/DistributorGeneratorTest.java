package dev.omniid.datagen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DistributorGeneratorTest {
  /** Shared by the read-only tests: 600 accounts at the default rates. */
  private static final List<AccountTouchpoint> DATA =
      DistributorGenerator.newBuilder().accounts(600).seed(17).build().generate();

  @Test
  void theSameSeedGivesTheSameBytesAndAnotherSeedDoesNot(@TempDir Path dir) throws IOException {
    GeneratedDataWriter.write(DistributorGenerator.newBuilder().accounts(150).seed(42).build(), dir.resolve("a"));
    GeneratedDataWriter.write(DistributorGenerator.newBuilder().accounts(150).seed(42).build(), dir.resolve("b"));
    GeneratedDataWriter.write(DistributorGenerator.newBuilder().accounts(150).seed(43).build(), dir.resolve("c"));
    for (String file : List.of("touchpoints.csv", "truth.csv", "truth-accounts.csv", "mapping.json")) {
      assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(file)),
          Files.readAllBytes(dir.resolve("b").resolve(file)), file);
    }
    assertFalse(Files.readString(dir.resolve("a/touchpoints.csv"))
        .equals(Files.readString(dir.resolve("c/touchpoints.csv"))));
    DistributorGenerator g = DistributorGenerator.newBuilder().accounts(150).seed(42).build();
    assertEquals(g.generate(), g.stream().toList(), "stream and list agree");
  }

  @Test
  void theFilesHoldTheTruthAndAMappingWithTheOrganisationKeys(@TempDir Path dir) throws IOException {
    DistributorGenerator g = DistributorGenerator.newBuilder().accounts(80).seed(5).build();
    long rows = GeneratedDataWriter.write(g, dir);
    List<AccountTouchpoint> data = g.generate();
    assertEquals(data.size(), rows);
    List<String> csv = Files.readAllLines(dir.resolve("touchpoints.csv"), StandardCharsets.UTF_8);
    assertEquals(String.join(",", GeneratedDataWriter.ACCOUNT_COLUMNS), csv.get(0));
    assertEquals(rows + 1, csv.size());
    long persons = data.stream().filter(t -> t.personId().isPresent()).count();
    long accounts = data.stream().filter(t -> t.accountId().isPresent()).count();
    assertEquals(persons + 1, Files.readAllLines(dir.resolve("truth.csv")).size());
    assertEquals(accounts + 1, Files.readAllLines(dir.resolve("truth-accounts.csv")).size());
    String[] row = GeneratedDataWriter.accountRow(data.get(0));
    assertEquals(data.get(0).accountId().orElse(""), row[GeneratedDataWriter.ACCOUNT_COLUMNS.indexOf("truth_account")]);
    assertEquals(data.get(0).touchpoint().attributes().get(DistributorGenerator.ORG_NAME),
        row[GeneratedDataWriter.ACCOUNT_COLUMNS.indexOf("org_name")]);
    String mapping = Files.readString(dir.resolve("mapping.json"));
    assertTrue(mapping.contains("\"org_name\": \"org_name\"") && mapping.contains("\"tax_id\": \"tax_id\"")
        && mapping.contains("\"country\": \"country\""), mapping);
    assertFalse(mapping.contains("truth"), "the truth is no input");
  }

  @Test
  void everyPatternIsThere() {
    EnumSet<AccountPattern> seen = EnumSet.noneOf(AccountPattern.class);
    DATA.forEach(t -> seen.addAll(t.patterns()));
    assertEquals(EnumSet.allOf(AccountPattern.class), seen);
    Set<String> countries = new HashSet<>();
    Set<Channel> channels = new HashSet<>();
    for (AccountTouchpoint t : DATA) {
      countries.add(t.touchpoint().attributes().get(AttributeKey.COUNTRY));
      channels.add(t.touchpoint().channel());
    }
    assertEquals(Set.of("ES", "MX", "AR", "CO", "CL", "US"), countries);
    assertEquals(Set.of(Channel.CATALOG, Channel.WEB, Channel.MOBILE_APP, Channel.CALL_CENTER,
        Channel.SALES_REP), channels);
  }

  @Test
  void namesAndTaxIdsAreWrittenInTheFormsRealFilesHold() {
    List<String> names = DATA.stream().map(t -> t.touchpoint().attributes().get(DistributorGenerator.ORG_NAME))
        .filter(n -> n != null).toList();
    for (String spelling : List.of(" S.L.", " SL", " S.L.U.", " S.A.", " S.A. de C.V.", " SA de CV",
        " S. de R.L. de C.V.", " S.R.L.", " S.A.S.", " Ltda.", " SpA", " Inc.", " LLC", "Hnos.",
        "Hermanos", "Distrib.", "Cía.", " & ", " y ", "Sociedad Limitada")) {
      assertTrue(names.stream().anyMatch(n -> n.contains(spelling)), spelling);
    }
    assertTrue(names.stream().anyMatch(n -> n.equals(n.toUpperCase(Locale.ROOT)) && n.length() > 10), "upper case");
    assertTrue(names.stream().anyMatch(n -> n.startsWith("Hermanos ") || n.startsWith("Hnos")), "token order");
    assertTrue(names.stream().anyMatch(n -> !n.equals(strip(n))) && names.stream()
        .anyMatch(n -> n.contains("Economica") || n.contains("Nunez") || n.contains("Compania")), "accents dropped");
    List<String> taxIds = values(DATA, DistributorGenerator.TAX_ID);
    for (String shape : List.of("[A-HJ-W]-\\d{2}\\.\\d{3}\\.\\d{3}", "[a-w]\\d{8}", "ES [A-W]\\d{8}",
        "ES[A-W]\\d{8}", "\\d{2}\\.\\d{3}\\.\\d{3}-[0-9K]", "\\d{7,8}-[0-9K]", "\\d{7,8}k",
        "(20|23|30|33)-\\d{8}-\\d", "AR \\d{2}-\\d{8}-\\d", "\\d{3}\\.\\d{3}\\.\\d{3}-\\d",
        "[A-Z&]{3,4}-\\d{6}-[A-Z0-9]{3}", "\\d{2}\\.\\d{3}\\.\\d{3}-[A-Z]", "\\d{2}-\\d{7}")) {
      assertTrue(taxIds.stream().anyMatch(v -> v.matches(shape)), shape);
    }
  }

  @Test
  void checkDigitsAreValidExceptTheLabelledWrongOnes() {
    int wrong = 0;
    int checked = 0;
    for (AccountTouchpoint t : DATA) {
      String country = t.touchpoint().attributes().get(AttributeKey.COUNTRY);
      for (String written : values(List.of(t), DistributorGenerator.TAX_ID)) {
        boolean labelled = t.patterns().contains(AccountPattern.WRONG_CHECK_DIGIT);
        boolean valid = TaxIdCheck.valid(TaxIdCheck.compact(written, country), country);
        assertEquals(!labelled, valid, t.touchpoint().id() + " " + country + " " + written);
        wrong += labelled ? 1 : 0;
        checked++;
      }
    }
    assertTrue(checked > 3_000, "tax ids " + checked);
    assertTrue(wrong > 30 && wrong < checked / 10, "wrong check digits " + wrong + " of " + checked);
  }

  @Test
  void theTruthIsConsistent() {
    Map<String, String> taxOfAccount = new HashMap<>();
    Map<String, String> accountOfTax = new HashMap<>();
    Map<String, Set<String>> accountsOfPerson = new HashMap<>();
    Map<String, Set<String>> accountsOfEmail = new HashMap<>();
    Map<String, Set<String>> personsOfPhone = new HashMap<>();
    Set<String> ids = new HashSet<>();
    for (AccountTouchpoint t : DATA) {
      Touchpoint tp = t.touchpoint();
      assertTrue(ids.add(tp.id()), "unique ids");
      Optional<String> account = t.accountId();
      boolean named = tp.attributes().containsKey(AttributeKey.GIVEN_NAME);
      // An order for an account names it; a private purchase names no company and no tax id.
      assertEquals(account.isPresent(), tp.attributes().containsKey(DistributorGenerator.ORG_NAME), tp.id());
      if (account.isEmpty()) {
        assertTrue(values(List.of(t), DistributorGenerator.TAX_ID).isEmpty(), tp.id());
        assertEquals(Set.of(AccountPattern.PRIVATE_PURCHASE), t.patterns(), tp.id());
      }
      // Whoever placed it is named; an order naming no one has no person.
      assertEquals(t.personId().isPresent(), named, tp.id());
      if (t.personId().isEmpty()) {
        assertTrue(t.patterns().contains(AccountPattern.REP_UNNAMED_CONTACT)
            || t.patterns().contains(AccountPattern.COMPANY_ONLY), tp.id());
      }
      if (t.personId().isPresent() && account.isPresent()) {
        accountsOfPerson.computeIfAbsent(t.personId().get(), k -> new HashSet<>()).add(account.get());
      }
      String country = tp.attributes().get(AttributeKey.COUNTRY);
      for (String written : values(List.of(t), DistributorGenerator.TAX_ID)) {
        String tax = TaxIdCheck.compact(written, country);
        if (!t.patterns().contains(AccountPattern.WRONG_CHECK_DIGIT)) {
          String key = country + ":" + tax;
          String before = taxOfAccount.putIfAbsent(account.orElseThrow(), key);
          assertTrue(before == null || before.equals(key), "one tax id per account: " + tp.id());
          String owner = accountOfTax.putIfAbsent(key, account.get());
          assertEquals(account.get(), owner == null ? account.get() : owner, "one account per tax id: " + tp.id());
        }
      }
      for (String email : values(List.of(t), IdentifierType.EMAIL)) {
        if (account.isPresent() && !t.patterns().contains(AccountPattern.REP_OWN_EMAIL)
            && !t.patterns().contains(AccountPattern.CONTACT_OF_TWO_ACCOUNTS)) {
          accountsOfEmail.computeIfAbsent(email.toLowerCase(Locale.ROOT), k -> new HashSet<>()).add(account.get());
        }
      }
      for (String phone : values(List.of(t), IdentifierType.PHONE)) {
        String digits = phone.replaceAll("\\D", "");
        String last = digits.substring(Math.max(0, digits.length() - 8));
        personsOfPhone.computeIfAbsent(last, k -> new HashSet<>())
            .add(t.personId().orElseGet(account::orElseThrow));
      }
    }
    long shared = accountsOfPerson.values().stream().filter(s -> s.size() == 2).count();
    assertTrue(accountsOfPerson.values().stream().allMatch(s -> s.size() <= 2), "at most two accounts a contact");
    assertTrue(shared >= 5, "contacts of two accounts " + shared);
    for (var e : accountsOfEmail.entrySet()) {
      assertEquals(1, e.getValue().size(), "a mailbox of one account: " + e.getKey());
    }
    // A landline is one account's (its contacts and its forms share it); a mobile one person's.
    Map<String, Set<String>> accountsOfPhone = new HashMap<>();
    for (AccountTouchpoint t : DATA) {
      for (String phone : values(List.of(t), IdentifierType.PHONE)) {
        String digits = phone.replaceAll("\\D", "");
        accountsOfPhone.computeIfAbsent(digits.substring(Math.max(0, digits.length() - 8)), k -> new HashSet<>())
            .add(t.accountId().orElse("private"));
      }
    }
    for (var e : accountsOfPhone.entrySet()) {
      Set<String> owners = new HashSet<>(e.getValue());
      owners.remove("private");
      assertTrue(owners.size() <= 2, "a phone of at most two accounts (a shared contact's): " + owners);
    }
    assertTrue(personsOfPhone.values().stream().anyMatch(s -> s.size() > 2), "shop landlines shared by contacts");
  }

  @Test
  void soleTradersAreNamedByTheirOwnerAndHaveOneContact() {
    Map<String, Set<String>> contacts = new HashMap<>();
    int checked = 0;
    for (AccountTouchpoint t : DATA) {
      if (!t.patterns().contains(AccountPattern.SOLE_TRADER)) {
        continue;
      }
      t.personId().ifPresent(p -> contacts.computeIfAbsent(t.accountId().orElseThrow(), k -> new HashSet<>()).add(p));
      String family = t.touchpoint().attributes().get(AttributeKey.FAMILY_NAME);
      if (family != null) {
        String surname = strip(family.split(" ")[0]).toLowerCase(Locale.ROOT);
        String org = strip(t.touchpoint().attributes().get(DistributorGenerator.ORG_NAME)).toLowerCase(Locale.ROOT);
        assertTrue(org.contains(surname), t.touchpoint().id() + ": " + org);
        checked++;
      }
    }
    assertTrue(checked > 20, "sole trader records " + checked);
    assertTrue(contacts.values().stream().allMatch(s -> s.size() == 1), "one contact: the owner");
  }

  @Test
  void repOrdersCarryTheRepAndNameAndPostalCode() {
    int withoutTaxId = 0;
    for (AccountTouchpoint t : DATA) {
      Touchpoint tp = t.touchpoint();
      boolean rep = t.patterns().contains(AccountPattern.REP_ORDER);
      assertEquals(rep, tp.channel().equals(Channel.SALES_REP), tp.id());
      assertEquals(rep, tp.payload().containsKey(DistributorGenerator.REP_ID), tp.id());
      if (rep) {
        assertTrue(tp.payload().get(DistributorGenerator.REP_ID).matches("REP-\\d{3}"), tp.id());
        assertTrue(tp.attributes().containsKey(AttributeKey.POSTAL_CODE), tp.id());
        boolean noTax = values(List.of(t), DistributorGenerator.TAX_ID).isEmpty();
        assertEquals(noTax, t.patterns().contains(AccountPattern.REP_WITHOUT_TAX_ID), tp.id());
        withoutTaxId += noTax ? 1 : 0;
      }
    }
    assertTrue(withoutTaxId > 100, "rep orders without tax id " + withoutTaxId);
  }

  @Test
  void theBuilderRefusesBadSettingsAtOnce() {
    assertThrows(IllegalArgumentException.class, () -> DistributorGenerator.newBuilder().accounts(0));
    assertThrows(IllegalArgumentException.class, () -> DistributorGenerator.newBuilder().meanTouchpoints(0.5));
    assertThrows(IllegalArgumentException.class,
        () -> DistributorGenerator.newBuilder().rate(AccountPattern.SOLE_TRADER, 1.5));
    DistributorGenerator.Builder b = DistributorGenerator.newBuilder().rate(AccountPattern.GROUP_BRANCH, 0.6);
    assertThrows(IllegalArgumentException.class, () -> b.rate(AccountPattern.NEAR_IDENTICAL_NAME, 0.5));
    assertEquals(0.05, b.build().rate(AccountPattern.NEAR_IDENTICAL_NAME), "a refused rate is not kept");
  }

  @Test
  void aRateOfZeroTurnsAPatternOff() {
    List<AccountTouchpoint> data = DistributorGenerator.newBuilder().accounts(200).seed(3)
        .rate(AccountPattern.SOLE_TRADER, 0).rate(AccountPattern.WRONG_CHECK_DIGIT, 0)
        .rate(AccountPattern.REP_ORDER, 0).build().generate();
    for (AccountTouchpoint t : data) {
      assertFalse(t.patterns().contains(AccountPattern.SOLE_TRADER), t.touchpoint().id());
      assertFalse(t.patterns().contains(AccountPattern.WRONG_CHECK_DIGIT), t.touchpoint().id());
      assertFalse(t.touchpoint().channel().equals(Channel.SALES_REP), t.touchpoint().id());
    }
  }

  private static List<String> values(List<AccountTouchpoint> data, IdentifierType type) {
    return data.stream().flatMap(t -> t.touchpoint().identifiers().stream())
        .filter(i -> i.type().equals(type)).map(Identifier::raw).toList();
  }

  private static String strip(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }
}
