package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Identifier;
import dev.omniid.datagen.AccountPattern;
import dev.omniid.datagen.AccountTouchpoint;
import dev.omniid.datagen.DistributorGenerator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The distributor data of {@code datagen}, which cannot call {@link TaxIds} (it computes its check
 * digits from the specifications), read by {@link TaxIds}: every written tax id is valid except
 * the ones labelled {@link AccountPattern#WRONG_CHECK_DIGIT}, which {@link TaxIds#verdict} calls
 * wrong, and the written forms of one account's number normalize to one value no other account
 * has. Also, as a figure for the report, how many accounts' written names
 * {@link CompanyNameNormalizer} folds to one set of core words (the legal form, present or not, is
 * graded apart by the matcher).
 */
class DistributorDataTaxIdsTest {

  @Test
  void taxIdsAreValidExceptTheLabelledOnesAndOneValueAnAccount() {
    List<AccountTouchpoint> data =
        DistributorGenerator.newBuilder().accounts(800).seed(2026).build().generate();
    Map<String, Set<String>> valuesOfAccount = new HashMap<>();
    Map<String, Set<String>> accountsOfValue = new HashMap<>();
    Map<String, Set<String>> namesOfAccount = new HashMap<>();
    int wrong = 0;
    int total = 0;
    for (AccountTouchpoint t : data) {
      String country = t.touchpoint().attributes().get(AttributeKey.COUNTRY);
      for (Identifier id : t.touchpoint().identifiers()) {
        if (!id.type().equals(TaxIds.TAX_ID)) {
          continue;
        }
        total++;
        boolean labelled = t.patterns().contains(AccountPattern.WRONG_CHECK_DIGIT);
        TaxIds.Verdict verdict = TaxIds.verdict(country, id.raw());
        assertEquals(labelled ? TaxIds.Verdict.WRONG_CHECK_DIGIT : TaxIds.Verdict.VALID, verdict,
            t.touchpoint().id() + " " + country);
        if (labelled) {
          wrong++;
          continue;
        }
        String value = TaxIds.normalize(country, id.raw());
        String account = t.accountId().orElseThrow();
        valuesOfAccount.computeIfAbsent(account, k -> new HashSet<>()).add(value);
        accountsOfValue.computeIfAbsent(value, k -> new HashSet<>()).add(account);
      }
      t.accountId().ifPresent(a -> namesOfAccount.computeIfAbsent(a, k -> new HashSet<>())
          .add(new TreeSet<>(CompanyNameNormalizer.standard().parse(
              t.touchpoint().attributes().get(DistributorGenerator.ORG_NAME)).core()).toString()));
    }
    assertTrue(total > 4_000 && wrong > 50, "tax ids " + total + ", wrong " + wrong);
    valuesOfAccount.forEach((account, values) -> assertEquals(1, values.size(), account + ": " + values.size()));
    accountsOfValue.forEach((value, accounts) -> assertEquals(1, accounts.size(), "a value of " + accounts));
    long oneName = namesOfAccount.values().stream().filter(s -> s.size() == 1).count();
    TestReports.add("distributor-data", String.format(
        "distributor data, 800 accounts, seed 2026: %d tax ids, %d with a wrong check digit (all "
            + "WRONG_CHECK_DIGIT by TaxIds.verdict, the others VALID, one value per account); "
            + "written names whose core words (legal form aside) CompanyNameNormalizer folds to one set: %d of %d accounts",
        total, wrong, oneName, namesOfAccount.size()));
  }
}
