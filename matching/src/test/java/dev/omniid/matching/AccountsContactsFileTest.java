package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The labelled accounts-and-contacts file ({@code accounts/accounts-contacts.csv}, see the README
 * beside it) is what its README says: its tax ids are valid except the ones labelled wrong, one
 * account has one tax id, and every pattern the README lists is there. The accuracy of resolving
 * it is measured elsewhere; this test keeps the labels honest.
 */
class AccountsContactsFileTest {
  static final String CSV = "/accounts/accounts-contacts.csv";
  static final List<String> COLUMNS = List.of("record_id", "channel", "timestamp", "first_name",
      "last_name", "email", "phone", "org_name", "tax_id", "country", "postal_code", "city",
      "truth_account", "truth_person", "pattern", "note");
  static final Set<String> PATTERNS = Set.of("legal_name_variants", "family_shared_mailbox",
      "shared_mailbox", "near_identical_names", "sole_trader", "group_branches",
      "one_contact_two_accounts", "namesakes", "wrong_check_digit", "rep_unnamed_contact",
      "rep_own_contact", "company_only", "contact_also_consumer", "generic_tax_id");

  static List<Map<String, String>> records() {
    List<List<String>> rows = HardCasesData.parse(HardCasesData.resource(CSV));
    assertEquals(COLUMNS, rows.get(0));
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> row : rows.subList(1, rows.size())) {
      assertEquals(COLUMNS.size(), row.size(), () -> "fields of " + row.get(0));
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < COLUMNS.size(); c++) {
        values.put(COLUMNS.get(c), row.get(c).strip());
      }
      out.add(values);
    }
    return out;
  }

  @Test
  void holdsAtLeast200RecordsWithUniqueIdsAndEveryPattern() {
    List<Map<String, String>> records = records();
    assertTrue(records.size() >= 200, "records: " + records.size());
    Set<String> ids = new HashSet<>();
    Set<String> patterns = new HashSet<>();
    for (Map<String, String> r : records) {
      assertTrue(ids.add(r.get("record_id")), r.get("record_id"));
      patterns.add(r.get("pattern"));
      assertFalse(r.get("truth_account").isEmpty() && r.get("truth_person").isEmpty(),
          r.get("record_id") + " is labelled neither account nor person");
    }
    assertEquals(PATTERNS, patterns);
  }

  @Test
  void taxIdsAreValidExceptTheOnesLabelledWrong() {
    Map<TaxIds.Verdict, Integer> counts = new TreeMap<>();
    for (Map<String, String> r : records()) {
      String tax = r.get("tax_id");
      if (tax.isEmpty()) {
        continue;
      }
      TaxIds.Verdict verdict = TaxIds.verdict(r.get("country"), tax);
      counts.merge(verdict, 1, Integer::sum);
      TaxIds.Verdict expected = r.get("note").contains("wrong check digit")
          ? TaxIds.Verdict.WRONG_CHECK_DIGIT : TaxIds.Verdict.VALID;
      assertEquals(expected, verdict, r.get("record_id"));
    }
    assertTrue(counts.getOrDefault(TaxIds.Verdict.WRONG_CHECK_DIGIT, 0) >= 5, counts::toString);
  }

  @Test
  void oneAccountHasOneTaxIdAndTwoAccountsNever() {
    Map<String, String> taxOfAccount = new HashMap<>();
    Map<String, String> accountOfTax = new HashMap<>();
    for (Map<String, String> r : records()) {
      String tax = r.get("tax_id");
      String account = r.get("truth_account");
      if (tax.isEmpty() || TaxIds.verdict(r.get("country"), tax) != TaxIds.Verdict.VALID) {
        continue;
      }
      String normalized = TaxIds.normalize(r.get("country"), tax);
      if (TaxIds.genericValues().test(normalized)) {
        assertEquals("", account, r.get("record_id") + ": a generic tax id names no account");
        continue;
      }
      assertFalse(account.isEmpty(), r.get("record_id") + ": a tax id without an account");
      String before = taxOfAccount.putIfAbsent(account, normalized);
      assertTrue(before == null || before.equals(normalized), r.get("record_id"));
      String owner = accountOfTax.putIfAbsent(normalized, account);
      assertTrue(owner == null || owner.equals(account), r.get("record_id"));
    }
    assertTrue(taxOfAccount.size() >= 25, "accounts with a tax id: " + taxOfAccount.size());
  }

  @Test
  void aPersonKeepsOneCountryAndAContactOfTwoAccountsIsThere() {
    Map<String, Set<String>> accountsOfPerson = new HashMap<>();
    Map<String, String> countryOfPerson = new HashMap<>();
    for (Map<String, String> r : records()) {
      String person = r.get("truth_person");
      if (person.isEmpty()) {
        continue;
      }
      String before = countryOfPerson.putIfAbsent(person, r.get("country"));
      assertTrue(before == null || before.equals(r.get("country")), r.get("record_id"));
      if (!r.get("truth_account").isEmpty()) {
        accountsOfPerson.computeIfAbsent(person, p -> new HashSet<>()).add(r.get("truth_account"));
      }
    }
    long contactsOfTwo = accountsOfPerson.values().stream().filter(a -> a.size() > 1).count();
    assertEquals(2, contactsOfTwo, "contacts buying for two accounts");
  }
}
