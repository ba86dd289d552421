package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.EvaluationReport;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.PartitionEvaluation;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The defaults on synthetic omnichannel data with all its messiness (datagen module): prints the
 * accuracy of exact identifiers alone, of the full default configuration and of weights estimated
 * by EM, and, per size, OmniID's pairwise figures beside the <em>evidence ceiling</em>.
 *
 * <p><b>The evidence ceiling</b> is the partition that joins two records of one true person
 * whenever they share a piece of usable evidence, and closes that transitively inside the person
 * (never across people, so its pairwise precision is 1.0 by construction). Its recall is how much
 * of the truth the records allow any resolver to find without wrong merges; OmniID's distance to
 * it is what better matching could still win. Two records share evidence when they share one of
 * these keys (each generous on purpose: at least as lenient as any normalization the resolver
 * applies now or is planned to):
 *
 * <ul>
 *   <li>an email: display name dropped, trimmed, lower-cased and then normalized as the resolver's
 *       {@link EmailNormalizer#standard()} does (Gmail dots and tags, provider aliases) when it
 *       can; a hashed email ({@code email_sha256}) against the SHA-256 of either form;
 *   <li>a phone: its last 7 digits, whatever the country code, separators or region (a 7-digit
 *       local number, a national number read in the wrong region and an unlisted range all count);
 *   <li>a device or cookie id, case-insensitive; any other id (customer, loyalty, national) by its
 *       upper-cased letters and digits, separators dropped;
 *   <li>a name token (the first word of the given or of the family name, folded by
 *       {@link NameNormalizer#standard()}; either column, so surname-first records count) together
 *       with the birth date (year, and day and month in either order) or with the postal code.
 * </ul>
 *
 * Junk values (the resolver's {@link JunkValues}) are no evidence. A value shared by several
 * people (a household's landline, an office mailbox, a kiosk) still joins the records of each one
 * of them to each other: it is a ceiling, not a resolver.
 *
 * <p>Sizes 1,000 and 5,000 people run in {@code mvn verify}. Other sizes run with the system
 * property {@code omniid.accuracy.people}, for example (from the repository root):
 *
 * <pre>
 * mvn -B -o -pl matching -am test -Dtest=SyntheticAccuracyTest#evidenceCeilingBesideOmniId \
 *     -Dsurefire.failIfNoSpecifiedTests=false -Domniid.accuracy.people=40000,200000
 * </pre>
 */
class SyntheticAccuracyTest {
  private static final long SEED = 2026;

  @Test
  void defaultsOnSyntheticOmnichannelCustomers() {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(5_000).seed(SEED).build().generate();
    Map<String, String> truth = truth(data);

    IdentityResolver exactOnly = IdentityResolver.newBuilder().build();
    data.forEach(g -> exactOnly.resolve(g.touchpoint()));
    EvaluationReport core = PartitionEvaluation.evaluate(partition(exactOnly), truth);

    IdentityResolver defaults = OmniId.resolverBuilder().build();
    data.forEach(g -> defaults.resolve(g.touchpoint()));
    EvaluationReport full = PartitionEvaluation.evaluate(partition(defaults), truth);

    List<Touchpoint> touchpoints = data.stream().map(GeneratedTouchpoint::touchpoint).toList();
    dev.omniid.core.MatchModel fitted =
        OmniId.estimate(OmniId.defaultMatchModel("ES", false), touchpoints).model();
    IdentityResolver estimated = OmniId.resolverBuilder().matchModel(fitted).build();
    estimated.resolveAll(touchpoints);
    EvaluationReport em = PartitionEvaluation.evaluate(partition(estimated), truth);

    TestReports.add("SyntheticAccuracyTest", String.format(
        "Synthetic omnichannel, %d touchpoints of 5,000 people%n-- core, exact identifiers only:%n%s%n"
        + "-- OmniId defaults:%n%s%n-- OmniId with weights estimated by EM on the data (no labels):%n%s",
        data.size(), core.format(), full.format(), em.format()));
    assertTrue(full.pairwiseF1() > core.pairwiseF1(), "the defaults must beat exact matching");
  }

  /**
   * The generator's promise about phones, checked with the library that judges them: written with
   * their country code, the numbers of people without a phone pattern are all valid, and those of
   * {@code UNLISTED_PHONE_RANGE} people are (apart from their household's landline) not.
   */
  @Test
  void generatedPhonesAreValidUnlessAPhonePatternSaysOtherwise() {
    var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    int valid = 0;
    int unlisted = 0;
    int unlistedInvalid = 0;
    for (GeneratedTouchpoint g : OmniChannelGenerator.newBuilder().people(20_000).seed(SEED).typoRate(0).junkRate(0).build().generate()) {
      for (Identifier i : g.touchpoint().identifiers()) {
        String raw = i.raw();
        // Only the forms with a country code; a 7-digit local number may start with 00 too.
        if (!i.type().equals(IdentifierType.PHONE) || !(raw.startsWith("+") || raw.startsWith("00"))
            || raw.replaceAll("[^0-9]", "").length() <= 7) {
          continue;
        }
        boolean isValid;
        try {
          isValid = util.isValidNumber(util.parse(raw.startsWith("00") ? "+" + raw.substring(2) : raw, "ZZ"));
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
          isValid = false;
        }
        if (g.patterns().contains(dev.omniid.datagen.Pattern.UNLISTED_PHONE_RANGE)) {
          unlisted++;
          unlistedInvalid += isValid ? 0 : 1;
        } else {
          assertTrue(isValid, "a number libphonenumber does not validate, in no phone pattern (starts "
              + raw.substring(0, Math.min(6, raw.length())) + ", " + g.patterns() + ")");
          valid++;
        }
      }
    }
    assertTrue(valid > 10_000, "valid " + valid);
    assertTrue(unlistedInvalid > unlisted * 0.6, unlistedInvalid + " of " + unlisted + " unlisted-range numbers invalid");
  }

  static Stream<Integer> sizes() {
    String sizes = System.getProperty("omniid.accuracy.people", "1000,5000");
    return Arrays.stream(sizes.split(",")).map(String::strip).map(Integer::valueOf);
  }

  @ParameterizedTest(name = "{0} people")
  @MethodSource("sizes")
  void evidenceCeilingBesideOmniId(int people) {
    List<GeneratedTouchpoint> data = OmniChannelGenerator.newBuilder().people(people).seed(SEED).build().generate();
    Map<String, String> truth = truth(data);
    // Told the file's size, as the command line is: the prior follows the population.
    IdentityResolver resolver = OmniId.resolverBuilder().expectedTouchpoints(data.size()).build();
    resolver.resolveAll(data.stream().map(GeneratedTouchpoint::touchpoint).toList());
    Map<String, String> predicted = partition(resolver);
    EvaluationReport omniId = PartitionEvaluation.evaluate(predicted, truth);
    Map<String, String> ceilingPartition = evidenceCeiling(data);
    EvaluationReport ceiling = PartitionEvaluation.evaluate(ceilingPartition, truth);

    long[] wrong = wrongPairsByHousehold(predicted, data);
    long predictedPairs = pairs(predicted);
    TestReports.add("SyntheticAccuracyTest", String.format(Locale.ROOT,
        "Synthetic omnichannel, %,d people (seed %d), %,d touchpoints%n"
        + "-- OmniId defaults, expectedTouchpoints = the file's:%n%s%n"
        + "wrong pairs: %,d within households, %,d between strangers (%.4f and %.4f of the"
        + " %,d predicted pairs); pairs of strangers in one profile: %,d sharing an identifier,"
        + " %,d joined by a score alone (%.3f and %.3f per 1,000 touchpoints)%n"
        + "-- evidence ceiling:%n%s%n"
        + "| people | touchpoints | precision | recall | F1 | ceiling recall | largest profile | largest true person |%n"
        + "| %,d | %,d | %.4f | %.4f | %.4f | %.4f | %,d | %,d |",
        people, SEED, data.size(), omniId.format(), wrong[0], wrong[1],
        wrong[0] / (double) predictedPairs, wrong[1] / (double) predictedPairs, predictedPairs,
        wrong[2], wrong[3], 1000.0 * wrong[2] / data.size(), 1000.0 * wrong[3] / data.size(),
        ceiling.format(), people, data.size(),
        omniId.pairwisePrecision(), omniId.pairwiseRecall(), omniId.pairwiseF1(),
        ceiling.pairwiseRecall(), largest(predicted), largest(truth)));

    assertEquals(1.0, ceiling.pairwisePrecision(), "the ceiling joins records of one person only");
    assertTrue(omniId.pairwiseRecall() <= ceiling.pairwiseRecall(),
        "OmniID found pairs the evidence does not allow: the ceiling's definition misses some evidence");
    // About 0.7 on this data: many records carry nothing but a first name or a single channel's
    // id. Far below means a key of the ceiling broke.
    assertTrue(ceiling.pairwiseRecall() > 0.6, "the records of a person mostly share evidence");
    // Precision must not fall as files grow (issue 11): households, office mailboxes and
    // namesakes multiply with size; person conflicts keep them apart, scored pairs must agree on
    // something that identifies the person, and the prior follows the file's size: 0.9837,
    // 0.9837, 0.9844 and 0.9842 at 1,000, 5,000, 40,000 and 200,000 people (the last two outside
    // verify; 0.9853 to 0.9830 with one prior for every size). No profile may be larger than the
    // largest true person.
    assertTrue(omniId.pairwisePrecision() >= 0.98, "precision " + omniId.pairwisePrecision());
    assertEquals(omniId.falsePositivePairs(), wrong[0] + wrong[1],
        "the wrong pairs, split by household, are the evaluation's false positives");
    assertEquals(omniId.truePositivePairs() + omniId.falsePositivePairs(), predictedPairs);
    // Strangers merged (people of different households) were the wrong merges that grew with a
    // file: a given name and an exact birth date in common, the rest disagreeing, meet more often
    // among more people. 0.0005, 0.0008, 0.0006 and 0.0006 of the predicted pairs at 1,000, 5,000,
    // 40,000 and 200,000 people (0.0014 at 200,000 with one prior for every size); those joined by
    // a score alone 0, 0, 0 and 0.015 per 1,000 touchpoints (0.120 at 200,000 with one prior).
    assertTrue(wrong[1] < 0.002 * predictedPairs, "pairs of strangers merged: " + wrong[1]);
    assertTrue(wrong[3] < 0.05 * data.size() / 1000.0,
        "strangers joined by a score alone: " + wrong[3]);
    assertTrue(largest(predicted) <= largest(truth),
        "a profile of " + largest(predicted) + " records, the largest person has " + largest(truth));
  }

  /** The evidence ceiling as a partition: record id to "person#component" (see the class Javadoc). */
  static Map<String, String> evidenceCeiling(List<GeneratedTouchpoint> data) {
    Map<String, List<Touchpoint>> byPerson = new LinkedHashMap<>();
    for (GeneratedTouchpoint g : data) {
      byPerson.computeIfAbsent(g.personId(), k -> new ArrayList<>()).add(g.touchpoint());
    }
    Map<String, String> out = new HashMap<>(data.size() * 2);
    for (Map.Entry<String, List<Touchpoint>> e : byPerson.entrySet()) {
      List<Touchpoint> records = e.getValue();
      int[] parent = new int[records.size()];
      Arrays.setAll(parent, i -> i);
      Map<String, Integer> firstWithKey = new HashMap<>();
      for (int i = 0; i < records.size(); i++) {
        for (String key : evidence(records.get(i))) {
          Integer j = firstWithKey.putIfAbsent(key, i);
          if (j != null) {
            parent[find(parent, i)] = find(parent, j);
          }
        }
      }
      for (int i = 0; i < records.size(); i++) {
        out.put(records.get(i).id(), e.getKey() + "#" + find(parent, i));
      }
    }
    return out;
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static final EmailNormalizer EMAILS = EmailNormalizer.standard();
  private static final NameNormalizer NAMES = NameNormalizer.standard();

  /** The identifier keys of {@link #evidence}: e-mails, phones and ids, junk left out. */
  static List<String> identifierEvidence(Touchpoint t) {
    List<String> keys = new ArrayList<>();
    for (Identifier identifier : t.identifiers()) {
      IdentifierType type = identifier.type();
      String raw = identifier.raw().strip();
      if (type.equals(IdentifierType.EMAIL)) {
        int open = raw.indexOf('<');
        int close = raw.lastIndexOf('>');
        String plain = (open >= 0 && close > open ? raw.substring(open + 1, close) : raw).strip().toLowerCase(Locale.ROOT);
        String normalized = plain;
        try {
          normalized = EMAILS.normalize(plain);
        } catch (RuntimeException invalid) {
          // the plain form is the evidence then
        }
        if (!JunkValues.emails().test(normalized)) {
          keys.add("email:" + normalized);
          keys.add("sha:" + HashedIdentifiers.sha256(normalized));
          keys.add("sha:" + HashedIdentifiers.sha256(plain));
        }
      } else if (type.equals(IdentifierType.PHONE)) {
        String digits = raw.replaceAll("[^0-9]", "");
        if (digits.length() >= 7 && !JunkValues.isJunkPhoneParsed("+" + digits)) {
          keys.add("phone:" + digits.substring(digits.length() - 7));
        }
      } else if (type.equals(IdentifierType.DEVICE_ID) || type.equals(IdentifierType.COOKIE_ID)) {
        String id = raw.toLowerCase(Locale.ROOT);
        if (!JunkValues.deviceIds().test(id)) {
          keys.add(type.name() + ":" + id);
        }
      } else if (type.name().endsWith("sha256")) {
        keys.add("sha:" + raw.toLowerCase(Locale.ROOT));
      } else {
        keys.add(type.name() + ":" + raw.toUpperCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", ""));
      }
    }
    return keys;
  }

  /** The evidence keys of one record (see the class Javadoc). */
  static List<String> evidence(Touchpoint t) {
    List<String> keys = identifierEvidence(t);
    List<String> tokens = new ArrayList<>(2);
    for (AttributeKey key : List.of(AttributeKey.GIVEN_NAME, AttributeKey.FAMILY_NAME)) {
      String token = firstToken(t.attributes().get(key));
      if (token != null) {
        tokens.add(token);
      }
    }
    String birth = birthKey(t.attributes().get(AttributeKey.BIRTH_DATE));
    String postal = t.attributes().get(AttributeKey.POSTAL_CODE);
    for (String token : tokens) {
      if (birth != null) {
        keys.add("born:" + token + "|" + birth);
      }
      if (postal != null && !postal.isBlank()) {
        keys.add("postal:" + token + "|" + postal.strip().toUpperCase(Locale.ROOT));
      }
    }
    return keys;
  }

  private static String firstToken(String name) {
    if (name == null || name.isBlank()) {
      return null;
    }
    try {
      String folded = NAMES.normalize(name);
      return folded.isEmpty() ? null : folded.split(" ", 2)[0];
    } catch (RuntimeException invalid) {
      return null;
    }
  }

  /** Year and the two other numbers in ascending order: day-first and month-first agree. */
  private static String birthKey(String raw) {
    if (raw == null) {
      return null;
    }
    String[] parts = raw.strip().split("[^0-9]+");
    if (parts.length != 3) {
      return null;
    }
    int year = -1;
    List<Integer> rest = new ArrayList<>(2);
    for (String part : parts) {
      if (part.isEmpty()) {
        return null;
      }
      if (part.length() == 4 && year < 0) {
        year = Integer.parseInt(part);
      } else {
        rest.add(Integer.parseInt(part));
      }
    }
    if (year < 0 || rest.size() != 2) {
      return null;
    }
    return year + "-" + Math.min(rest.get(0), rest.get(1)) + "-" + Math.max(rest.get(0), rest.get(1));
  }

  /**
   * The predicted pairs of records of two different people, split by whether the two live in one
   * household (a family's mailbox or landline: data that often cannot tell) or not (strangers);
   * then the pairs of strangers (people, not records) in one profile, split by whether their
   * records share an identifier as the evidence ceiling reads them ({@link #evidence}: a mistyped
   * e-mail that is another's, an office mailbox, a reused number) or none (joined by a score).
   */
  private static long[] wrongPairsByHousehold(Map<String, String> predicted,
      List<GeneratedTouchpoint> data) {
    Map<String, Map<String, List<GeneratedTouchpoint>>> byProfile = new HashMap<>();
    for (GeneratedTouchpoint g : data) {
      byProfile.computeIfAbsent(predicted.get(g.touchpoint().id()), k -> new HashMap<>())
          .computeIfAbsent(g.personId(), k -> new ArrayList<>()).add(g);
    }
    long within = 0;
    long strangers = 0;
    long strangersSharing = 0;
    long strangersScored = 0;
    for (Map<String, List<GeneratedTouchpoint>> people : byProfile.values()) {
      List<List<GeneratedTouchpoint>> each = new ArrayList<>(people.values());
      for (int i = 0; i < each.size(); i++) {
        for (int j = i + 1; j < each.size(); j++) {
          long n = (long) each.get(i).size() * each.get(j).size();
          if (each.get(i).get(0).householdId().equals(each.get(j).get(0).householdId())) {
            within += n;
          } else {
            strangers += n;
            Set<String> shared = identifierKeys(each.get(i));
            shared.retainAll(identifierKeys(each.get(j)));
            if (shared.isEmpty()) {
              strangersScored++;
            } else {
              strangersSharing++;
            }
          }
        }
      }
    }
    return new long[] {within, strangers, strangersSharing, strangersScored};
  }

  /** The identifier keys ({@link #identifierEvidence}) that a person's records hold. */
  private static Set<String> identifierKeys(List<GeneratedTouchpoint> records) {
    Set<String> keys = new HashSet<>();
    for (GeneratedTouchpoint g : records) {
      keys.addAll(identifierEvidence(g.touchpoint()));
    }
    return keys;
  }

  /** The pairs of records a partition puts together. */
  private static long pairs(Map<String, String> partition) {
    Map<String, Long> sizes = new HashMap<>();
    partition.values().forEach(c -> sizes.merge(c, 1L, Long::sum));
    return sizes.values().stream().mapToLong(n -> n * (n - 1) / 2).sum();
  }

  private static int largest(Map<String, String> partition) {
    Map<String, Integer> sizes = new HashMap<>();
    partition.values().forEach(c -> sizes.merge(c, 1, Integer::sum));
    return sizes.values().stream().mapToInt(Integer::intValue).max().orElse(0);
  }

  private static Map<String, String> truth(List<GeneratedTouchpoint> data) {
    Map<String, String> truth = new HashMap<>();
    data.forEach(g -> truth.put(g.touchpoint().id(), g.personId()));
    return truth;
  }

  private static Map<String, String> partition(IdentityResolver resolver) {
    Map<String, String> predicted = new HashMap<>();
    resolver.profiles().forEach(p -> p.touchpointIds().forEach(id -> predicted.put(id, p.id().toString())));
    return predicted;
  }
}
