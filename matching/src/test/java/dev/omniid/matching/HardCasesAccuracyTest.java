package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.BatchResult;
import dev.omniid.core.EvaluationReport;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.PartitionEvaluation;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.HardCasesData.HardCase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The labelled hard cases of real customer files (households, shared mailboxes, namesakes,
 * phones libphonenumber does not validate, ids with separators...; see
 * {@code hardcases/README.md}) resolved with {@link OmniId}'s defaults. A wrong merge shows one
 * customer's orders to another, so precision must be exactly 1.0; recall must reach a floor that
 * every true pair of the file can reach on its own evidence. Prints pairwise and B-cubed figures,
 * a table per pattern, and every wrongly merged and every missed pair.
 */
class HardCasesAccuracyTest {
  /**
   * Every true pair in the file is linkable on evidence the issue asks OmniID to use (a shared
   * identifier between compatible people, a nickname, a suffix, a separator-free id, a
   * day/month swap, an unverified or local phone, a name written surname first...). A few are
   * deliberately hard for the scored model (no name at all, a bare address against a full one).
   * The defaults link all 79 true pairs (recall 1.0): the floor is that, so any pair that slips
   * back fails the test. The last 12 came from library gaps, none from tuning to this file:
   * postal codes of digits gave no blocking key (so no record met another by postal code and
   * surname, nor by postal code and birth date: the records without a name), a record without
   * city or postal code had no key with its address, a comma before a suffix ("Robert Miller,
   * Sr.") was read as surname-first, "Fco." was not Francisco, and "33 5 dcha" was not "33, 5º
   * dcha". One pair is linked through a third record only: hc-119's full name is not scored
   * against hc-120's given/family columns (the model compares a full name with full names), so
   * the pair itself scores below the threshold; hc-118 vouches for both.
   */
  static final double RECALL_FLOOR = 1.0;

  /** The patterns the README documents: each must hold pairs to link and pairs to keep apart. */
  static final List<String> PATTERNS = List.of("family_email", "household_landline", "shared_phone",
      "shared_mailbox", "placeholder_email", "shared_device", "kiosk_no_contact",
      "generational_suffix", "same_surname_address_dob", "foreign_phone_no_country",
      "unlisted_phone_range", "local_7_digit_phone", "id_separators", "surname_first",
      "dob_day_month_order", "no_name_address_dob", "display_name_email", "nickname_initial",
      "address_floor_door", "family_mailbox_anonymous");

  private static final long SHUFFLE_SEED = 20_260_611L;

  private static List<HardCase> cases;
  private static Map<String, String> truth;
  private static Map<String, HardCase> byId;

  @BeforeAll
  static void load() {
    cases = HardCasesData.load();
    truth = new HashMap<>();
    byId = new HashMap<>();
    for (HardCase c : cases) {
      truth.put(c.recordId(), c.truth());
      byId.put(c.recordId(), c);
    }
  }

  @Test
  void fileCoversEveryPatternOnBothSides() {
    assertTrue(cases.size() >= 80, "at least 80 records, found " + cases.size());
    assertEquals(cases.size(), byId.size(), "record ids are unique");
    Map<String, Set<String>> peopleByPattern = new TreeMap<>();
    for (HardCase c : cases) {
      peopleByPattern.computeIfAbsent(c.pattern(), p -> new HashSet<>()).add(c.truth());
    }
    assertEquals(new TreeSet<>(PATTERNS), peopleByPattern.keySet(), "patterns in the file");
    Map<String, String> patternOfPerson = new HashMap<>();
    for (HardCase c : cases) {
      String previous = patternOfPerson.putIfAbsent(c.truth(), c.pattern());
      assertTrue(previous == null || previous.equals(c.pattern()),
          c.truth() + " belongs to one pattern, found " + previous + " and " + c.pattern());
    }
    for (String pattern : PATTERNS) {
      List<HardCase> in = cases.stream().filter(c -> c.pattern().equals(pattern)).toList();
      boolean linked = false;
      boolean apart = false;
      for (int i = 0; i < in.size(); i++) {
        for (int j = i + 1; j < in.size(); j++) {
          boolean same = in.get(i).truth().equals(in.get(j).truth());
          linked |= same;
          apart |= !same;
        }
      }
      assertTrue(linked && apart, pattern + " needs records to link and records to keep apart");
    }
  }

  @Test
  void mappingFileMapsTheColumnsThisTestMaps() {
    // The CLI run of the file must see what this test sees: same identifiers, same attributes.
    String json = HardCasesData.resource(HardCasesData.MAPPING);
    String fields = json.substring(json.indexOf("\"fields\""));
    Map<String, String> mapped = new TreeMap<>();
    Matcher m = Pattern.compile("\"([a-z_:]+)\"\\s*:\\s*\"([^\"]+)\"").matcher(fields);
    while (m.find()) {
      mapped.put(m.group(1), m.group(2));
    }
    Map<String, String> expected = new TreeMap<>();
    HardCasesData.IDENTIFIERS.forEach((column, type) -> expected.put(type.name(), column));
    HardCasesData.ATTRIBUTES.forEach(key -> expected.put(key.name(), key.name()));
    assertEquals(expected, mapped);
    assertTrue(json.contains("\"defaultRegion\": \"ES\""), "the file is resolved with region ES");
  }

  @Test
  void defaultsKeepPeopleApartAndLinkWhatTheEvidenceAllows() {
    Map<String, String> predicted = resolveAll(touchpoints(cases));
    EvaluationReport report = PartitionEvaluation.evaluate(predicted, truth);
    TestReports.add("HardCasesAccuracyTest", String.format(
        "Hard cases, %d records of %d people, OmniId defaults (region ES):%n%s",
        cases.size(), new HashSet<>(truth.values()).size(), report.format()));
    TestReports.add("HardCasesAccuracyTest", perPattern(predicted));
    assertTrue(report.pairwisePrecision() == 1.0, "pairwise precision must be 1.0, was "
        + report.pairwisePrecision() + " (" + report.falsePositivePairs() + " wrong pairs)");
    assertTrue(report.pairwiseRecall() >= RECALL_FLOOR, "pairwise recall "
        + report.pairwiseRecall() + " below the floor " + RECALL_FLOOR);
  }

  @Test
  void samePartitionInAnyOrder() {
    List<Touchpoint> forward = touchpoints(cases);
    List<Touchpoint> reversed = new ArrayList<>(forward);
    Collections.reverse(reversed);
    List<Touchpoint> shuffled = new ArrayList<>(forward);
    Collections.shuffle(shuffled, new Random(SHUFFLE_SEED));

    Set<Set<String>> expected = clusters(resolveAll(forward));
    assertEquals(expected, clusters(resolveAll(reversed)), "reverse order, all at once");
    assertEquals(expected, clusters(resolveOneByOne(shuffled)),
        "seeded shuffled order (" + SHUFFLE_SEED + "), one at a time");
  }

  private static List<Touchpoint> touchpoints(List<HardCase> cases) {
    return cases.stream().map(HardCase::touchpoint).toList();
  }

  private static Map<String, String> resolveAll(List<Touchpoint> touchpoints) {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    BatchResult result = resolver.resolveAll(touchpoints);
    assertEquals(0, result.rejected(), () -> "no record is refused: " + result.problems());
    return partition(resolver);
  }

  private static Map<String, String> resolveOneByOne(List<Touchpoint> touchpoints) {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    touchpoints.forEach(resolver::resolve);
    return partition(resolver);
  }

  private static Map<String, String> partition(IdentityResolver resolver) {
    Map<String, String> predicted = new HashMap<>();
    resolver.profiles().forEach(p -> p.touchpointIds().forEach(id -> predicted.put(id, p.id().toString())));
    assertEquals(cases.size(), predicted.size(), "every record lands in one profile");
    return predicted;
  }

  private static Set<Set<String>> clusters(Map<String, String> partition) {
    Map<String, Set<String>> byProfile = new HashMap<>();
    partition.forEach((record, profile) -> byProfile.computeIfAbsent(profile, p -> new TreeSet<>()).add(record));
    return new HashSet<>(byProfile.values());
  }

  /**
   * Pairwise counts per pattern (a pair of records of two patterns is counted under "a + b"),
   * then every wrong and every missed pair with both records' true person.
   */
  private static String perPattern(Map<String, String> predicted) {
    Map<String, long[]> counts = new TreeMap<>();
    Map<String, List<String>> wrong = new TreeMap<>();
    Map<String, List<String>> missed = new TreeMap<>();
    List<HardCase> sorted = cases.stream().sorted((a, b) -> a.recordId().compareTo(b.recordId())).toList();
    for (int i = 0; i < sorted.size(); i++) {
      for (int j = i + 1; j < sorted.size(); j++) {
        HardCase a = sorted.get(i);
        HardCase b = sorted.get(j);
        boolean same = a.truth().equals(b.truth());
        boolean linked = predicted.get(a.recordId()).equals(predicted.get(b.recordId()));
        if (!same && !linked) {
          continue;
        }
        String pattern = a.pattern().equals(b.pattern()) ? a.pattern()
            : a.pattern().compareTo(b.pattern()) < 0 ? a.pattern() + " + " + b.pattern()
            : b.pattern() + " + " + a.pattern();
        long[] c = counts.computeIfAbsent(pattern, p -> new long[3]);
        String pair = a.recordId() + " (" + a.truth() + ") ~ " + b.recordId() + " (" + b.truth() + ")";
        if (same && linked) {
          c[0]++;
        } else if (linked) {
          c[1]++;
          wrong.computeIfAbsent(pattern, p -> new ArrayList<>()).add(pair);
        } else {
          c[2]++;
          missed.computeIfAbsent(pattern, p -> new ArrayList<>()).add(pair);
        }
      }
    }
    StringBuilder out = new StringBuilder(String.format("%-50s %5s %5s %5s %9s %7s%n", "pattern",
        "TP", "FP", "FN", "precision", "recall"));
    counts.forEach((pattern, c) -> out.append(String.format("%-50s %5d %5d %5d %9.3f %7.3f%n",
        pattern, c[0], c[1], c[2], c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]),
        c[0] + c[2] == 0 ? 1.0 : (double) c[0] / (c[0] + c[2]))));
    out.append(listing("wrongly merged pairs", wrong)).append(listing("missed pairs", missed));
    return out.toString();
  }

  private static String listing(String title, Map<String, List<String>> pairs) {
    int total = pairs.values().stream().mapToInt(List::size).sum();
    StringBuilder out = new StringBuilder(String.format("%s: %d%n", title, total));
    pairs.forEach((pattern, list) -> {
      out.append("  ").append(pattern).append(" (").append(list.size()).append("):\n");
      list.forEach(p -> out.append("    ").append(p).append('\n'));
    });
    return out.toString();
  }
}
