package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AccountBatchResult;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EvaluationReport;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.PartitionEvaluation;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Accounts and contacts resolved with {@link OmniId#accountResolverBuilder()}'s defaults against
 * labels: the hand-written wholesale file {@code accounts/accounts-contacts.csv} (see the README
 * beside it). Pairwise precision must be at least {@value #PRECISION_FLOOR} for accounts and for
 * persons: a wrong account merge shows one shop's orders and prices to another, a wrong person
 * merge one buyer's history to another. Recall is printed beside it, with the wrongly merged and
 * missed pairs per pattern, in {@code target/test-reports/AccountsAccuracyTest.txt}.
 */
class AccountsAccuracyTest {
  static final double PRECISION_FLOOR = 0.99;
  private static final String REPORT = "AccountsAccuracyTest";

  /** A labelled file as touchpoints with the true account and person of each (null for none). */
  record Labelled(List<Touchpoint> touchpoints, Map<String, String> account,
      Map<String, String> person, Map<String, String> pattern) {}

  /**
   * The file's rows as touchpoints: the contact's names, email and phone; the company's name and
   * tax id (read in the row's country); the postal code and city are the company's on a row that
   * names one, the person's on a private purchase.
   */
  static Labelled labelledFile() {
    List<Touchpoint> touchpoints = new ArrayList<>();
    Map<String, String> account = new TreeMap<>();
    Map<String, String> person = new TreeMap<>();
    Map<String, String> pattern = new TreeMap<>();
    for (Map<String, String> r : AccountsContactsFileTest.records()) {
      String id = r.get("record_id");
      Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(new Channel(r.get("channel")));
      if (!r.get("timestamp").isEmpty()) {
        b.timestamp(Instant.parse(r.get("timestamp")));
      }
      put(b, AttributeKey.GIVEN_NAME, r.get("first_name"));
      put(b, AttributeKey.FAMILY_NAME, r.get("last_name"));
      if (!r.get("email").isEmpty()) {
        b.identifier(IdentifierType.EMAIL, r.get("email"));
      }
      if (!r.get("phone").isEmpty()) {
        b.identifier(IdentifierType.PHONE, r.get("phone"));
      }
      boolean company = !r.get("org_name").isEmpty() || !r.get("tax_id").isEmpty();
      put(b, CompanyNames.ORG_NAME, r.get("org_name"));
      if (!r.get("tax_id").isEmpty()) {
        b.identifier(TaxIds.TAX_ID, r.get("tax_id"));
      }
      put(b, AttributeKey.COUNTRY, r.get("country"));
      put(b, company ? Organisations.ORG_POSTAL_CODE : AttributeKey.POSTAL_CODE,
          r.get("postal_code"));
      put(b, company ? Organisations.ORG_CITY : AttributeKey.CITY, r.get("city"));
      touchpoints.add(b.build());
      if (!r.get("truth_account").isEmpty()) {
        account.put(id, r.get("truth_account"));
      }
      if (!r.get("truth_person").isEmpty()) {
        person.put(id, r.get("truth_person"));
      }
      pattern.put(id, r.get("pattern"));
    }
    return new Labelled(touchpoints, account, person, pattern);
  }

  private static void put(Touchpoint.Builder b, AttributeKey key, String value) {
    if (!value.isEmpty()) {
      b.attribute(key, value);
    }
  }

  /** What the resolver made of a labelled set: each record's account and contact. */
  record Predicted(Map<String, String> account, Map<String, String> person,
      AccountBatchResult result) {}

  static Predicted resolve(List<Touchpoint> touchpoints) {
    try (AccountResolver r = OmniId.accountResolverBuilder().defaultRegion("ES").build()) {
      AccountBatchResult result = r.resolveAll(touchpoints);
      Map<String, String> account = new HashMap<>();
      Map<String, String> person = new HashMap<>();
      for (Touchpoint t : touchpoints) {
        // A record with no part on a side is a cluster of its own there.
        account.put(t.id(), r.accountOf(t.id()).map(ProfileId::toString).orElse("none:" + t.id()));
        person.put(t.id(), r.contactOf(t.id()).map(ProfileId::toString).orElse("none:" + t.id()));
      }
      return new Predicted(account, person, result);
    }
  }

  /** The predicted clusters of the labelled records only. */
  private static Map<String, String> on(Map<String, String> predicted, Map<String, String> truth) {
    Map<String, String> out = new HashMap<>();
    truth.keySet().forEach(id -> out.put(id, predicted.get(id)));
    return out;
  }

  @Test
  void labelledFileAccountsAndPersonsAreMergedWithPrecisionAtLeast099() {
    Labelled file = labelledFile();
    Predicted predicted = resolve(file.touchpoints());
    assertEquals(file.touchpoints().size(), predicted.result().accepted(),
        () -> predicted.result().problems().toString());
    EvaluationReport accounts =
        PartitionEvaluation.evaluate(on(predicted.account(), file.account()), file.account());
    EvaluationReport persons =
        PartitionEvaluation.evaluate(on(predicted.person(), file.person()), file.person());
    TestReports.add(REPORT, String.format(
        "Labelled file accounts/accounts-contacts.csv, %d records, OmniId.accountResolverBuilder()"
            + " defaults (region ES)%nAccounts (%d labelled records):%n%s%nPersons (%d labelled"
            + " records):%n%s%n", file.touchpoints().size(), file.account().size(),
        accounts.format(), file.person().size(), persons.format()));
    TestReports.add(REPORT, "Account pairs by pattern:\n"
        + pairs(predicted.account(), file.account(), file.pattern()));
    TestReports.add(REPORT, "Person pairs by pattern:\n"
        + pairs(predicted.person(), file.person(), file.pattern()));
    // An unlabelled record (a private purchase, a generic tax id) never joins a labelled account.
    for (Touchpoint t : file.touchpoints()) {
      if (!file.account().containsKey(t.id()) && !predicted.account().get(t.id()).startsWith("none")) {
        String cluster = predicted.account().get(t.id());
        for (String other : file.account().keySet()) {
          assertTrue(!cluster.equals(predicted.account().get(other)),
              t.id() + " (no account) is in the account of " + other);
        }
      }
    }
    assertTrue(accounts.pairwisePrecision() >= PRECISION_FLOOR, "account precision "
        + accounts.pairwisePrecision() + " (" + accounts.falsePositivePairs() + " wrong pairs)");
    assertTrue(persons.pairwisePrecision() >= PRECISION_FLOOR, "person precision "
        + persons.pairwisePrecision() + " (" + persons.falsePositivePairs() + " wrong pairs)");
  }

  @Test
  void labelledFileGivesOnePartitionInAnyOrder() {
    Labelled file = labelledFile();
    Predicted reference = resolve(file.touchpoints());
    List<Touchpoint> shuffled = new ArrayList<>(file.touchpoints());
    Collections.shuffle(shuffled, new Random(17));
    Predicted again = resolve(shuffled);
    assertEquals(members(reference.account()), members(again.account()));
    assertEquals(members(reference.person()), members(again.person()));
  }

  private static TreeSet<TreeSet<String>> members(Map<String, String> clusters) {
    Map<String, TreeSet<String>> by = new HashMap<>();
    clusters.forEach((id, c) -> by.computeIfAbsent(c, x -> new TreeSet<>()).add(id));
    TreeSet<TreeSet<String>> out = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
    out.addAll(by.values());
    return out;
  }

  /**
   * Per pattern (of the first record of a pair): true pairs linked, missed, and every wrongly
   * merged pair by id, for a reader to see what the figures are made of.
   */
  static String pairs(Map<String, String> predicted, Map<String, String> truth,
      Map<String, String> pattern) {
    List<String> ids = new ArrayList<>(truth.keySet());
    Collections.sort(ids);
    Map<String, int[]> counts = new TreeMap<>();
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < ids.size(); i++) {
      for (int j = i + 1; j < ids.size(); j++) {
        String a = ids.get(i);
        String b = ids.get(j);
        boolean same = truth.get(a).equals(truth.get(b));
        boolean linked = predicted.get(a).equals(predicted.get(b));
        if (!same && !linked) {
          continue;
        }
        int[] c = counts.computeIfAbsent(pattern.get(a), p -> new int[3]);
        if (same && linked) {
          c[0]++;
        } else if (same) {
          c[1]++;
        } else {
          c[2]++;
          wrong.add(a + "~" + b + " (" + truth.get(a) + " / " + truth.get(b) + ")");
        }
      }
    }
    StringBuilder out = new StringBuilder(String.format("  %-28s %6s %6s %6s%n", "pattern",
        "linked", "missed", "wrong"));
    counts.forEach((p, c) -> out.append(String.format("  %-28s %6d %6d %6d%n", p, c[0], c[1],
        c[2])));
    wrong.forEach(w -> out.append("  wrong: ").append(w).append('\n'));
    return out.toString();
  }
}
