package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MatchModelTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private static Touchpoint person(String id, String given, String family, String dob) {
    return person(id, given, family, dob, null, null);
  }

  private static Touchpoint person(String id, String given, String family, String dob,
      String postcode, String city) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
    if (postcode != null) {
      b.attribute(AttributeKey.POSTAL_CODE, postcode);
    }
    if (city != null) {
      b.attribute(AttributeKey.CITY, city);
    }
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    if (family != null) {
      b.attribute(AttributeKey.FAMILY_NAME, family);
    }
    if (dob != null) {
      b.attribute(AttributeKey.BIRTH_DATE, dob);
    }
    return b.build();
  }

  @Test
  void theWeightIsThePriorPlusEachFieldsLogOdds() {
    MatchModel model = RandomTouchpoints.model();
    MatchScore score = model.score(person("a", "Ana", "garcia", "1980-01-01"),
        person("b", "anabel", "garcia", null));
    assertEquals(List.of(ComparisonLevel.STRONG, ComparisonLevel.EXACT, ComparisonLevel.MISSING),
        score.fields().stream().map(MatchScore.FieldScore::level).toList());
    double expected = log2(0.2 / 0.8) + log2(0.08 / 0.1) + log2(0.95 / 0.2) + 0;
    assertEquals(expected, score.weight(), 1e-9);
    assertEquals(log2(9), score.thresholdWeight(), 1e-9);
    assertFalse(score.matches());
    String text = score.explain();
    assertTrue(text.contains("given") && text.contains("STRONG") && text.contains("below the threshold 0.9 (+3.17)"), text);
    assertFalse(text.toLowerCase().contains("garcia"), "explanations name fields, not values");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
  void stoppingEarlyNeverChangesWhetherOrHowMuchAPairLinks(long seed) {
    Random random = new Random(seed);
    // A term-frequency field too, so that the bound covers the rarest value's weight.
    MatchField family = MatchField.newBuilder("surname", FieldSource.attribute(AttributeKey.FAMILY_NAME))
        .probabilities(ComparisonLevel.EXACT, 0.95, 0.01)
        .termFrequencies(Map.of("garcia", 0.05, "lopez", 0.02), 0.0005).build();
    MatchModel base = RandomTouchpoints.model();
    for (MatchModel model : List.of(base, base.toBuilder().field(family).thresholdWeight(2).build())) {
      assertTrue(stopEarlyAsTheFullWeightSays(model, RandomTouchpoints.generate(random, 60),
          "seed=" + seed) > 0, "some pairs link, or the comparison proves little");
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
      21, 22, 23, 24, 25, 26, 27, 28, 29, 30})
  void comparingTheMostDecisiveFieldFirstGivesTheWeightOfTheFieldOrder(long seed) {
    Random random = new Random(seed);
    // Random probabilities and field order: the pruning order differs from the field order in
    // most seeds, and the threshold sits where some pairs link and most do not.
    List<MatchField> fields = new java.util.ArrayList<>(RandomTouchpoints.model().fields());
    java.util.Collections.shuffle(fields, random);
    MatchModel.Builder builder = MatchModel.newBuilder()
        .priorMatchProbability(0.05 + 0.3 * random.nextDouble());
    for (MatchField field : fields) {
      double mExact = 0.5 + 0.45 * random.nextDouble();
      double uExact = 0.001 + 0.2 * random.nextDouble();
      builder.field(field.toBuilder()
          .probabilities(ComparisonLevel.EXACT, mExact, uExact)
          .probabilities(ComparisonLevel.STRONG, (1 - mExact) * random.nextDouble() / 2,
              (1 - uExact) * random.nextDouble() / 2).build());
    }
    MatchModel model = builder.thresholdWeight(4 * random.nextDouble()).build();
    assertTrue(stopEarlyAsTheFullWeightSays(model, RandomTouchpoints.generate(random, 60),
        "seed=" + seed) > 0, "some pairs link, or the comparison proves little (seed " + seed + ")");
    int[] order = model.pruningOrder();
    for (int k = 1; k < order.length; k++) {
      assertTrue(model.fields().get(order[k - 1]).swing() >= model.fields().get(order[k]).swing(),
          "the field that can move the weight most comes first");
    }
  }

  /**
   * Checks {@code weightIfReaching} against the full weight on every pair of {@code people}: the
   * same bits when the pair reaches the threshold, below it when it does not. Returns how many
   * pairs reached it.
   */
  private static int stopEarlyAsTheFullWeightSays(MatchModel model, List<Touchpoint> people,
      String context) {
    List<MatchModel.Prepared> prepared = people.stream().map(model::prepare).toList();
    int reaching = 0;
    // One scratch for every pair, as the resolver uses it: no pair may read what another left.
    MatchModel.Scratch scratch = model.scratch();
    for (MatchModel.Prepared a : prepared) {
      for (MatchModel.Prepared b : prepared) {
        double full = model.weight(a, b);
        double early = model.weightIfReaching(a, b, scratch);
        if (full >= model.thresholdWeight()) {
          assertEquals(Double.doubleToLongBits(full), Double.doubleToLongBits(early),
              "the same bits when the pair links, " + context);
          reaching++;
        } else {
          assertTrue(early < model.thresholdWeight(), "below the threshold when it does not, " + context);
        }
      }
    }
    return reaching;
  }

  /**
   * The model reads the built-in sources' values in place rather than through
   * {@link FieldSource#values}: every field must still hold exactly the distinct normalized values
   * that method gives, in its order (an identifier of another type, a blank attribute, padding, a
   * value its field ignores, two raw values with one normal form).
   */
  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(longs = {31, 32, 33, 34, 35, 36, 37, 38})
  void preparedFieldsHoldTheSourcesValuesNormalizedInOrder(long seed) {
    Random random = new Random(seed);
    MatchModel model = MatchModel.newBuilder()
        .field(MatchField.newBuilder("email", FieldSource.identifier(IdentifierType.EMAIL))
            .normalizer(Normalizer.lowerCase())
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.01).build())
        .field(MatchField.newBuilder("phone", FieldSource.identifier(IdentifierType.PHONE))
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.01).build())
        .field(MatchField.newBuilder("given", FieldSource.attribute(AttributeKey.GIVEN_NAME))
            .normalizer(Normalizer.lowerCase())
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.1).build())
        .field(MatchField.newBuilder("family", FieldSource.attribute(AttributeKey.FAMILY_NAME))
            .normalizer(value -> value) // keeps what the source gives: padding, a blank value
            .ignoreValues("unknown"::equals)
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.1).build())
        .field(MatchField.newBuilder("place",
                FieldSource.attributes(AttributeKey.CITY, AttributeKey.POSTAL_CODE))
            .normalizer(Normalizer.lowerCase())
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.1).build())
        .build();
    List<String> emails = List.of("Ana@X.es", "ana@x.es", " luis@y.com ", "pepe@z.org");
    List<String> phones = List.of("600 111 222", "600111222", "+34 600 333 444");
    List<String> givens = List.of(" Ana ", "ana", "   ", "", "LUIS", "pepe");
    List<String> families = List.of("garcia", "unknown", " perez", "", "  ", "lopez ");
    List<String> places = List.of("Madrid", "madrid ", "28001", " ");
    int checked = 0;
    for (int n = 0; n < 300; n++) {
      Touchpoint.Builder b = Touchpoint.newBuilder("t" + n).channel(Channel.WEB).timestamp(T0);
      for (int i = random.nextInt(6); i > 0; i--) {
        switch (random.nextInt(3)) {
          case 0 -> b.identifier(IdentifierType.EMAIL, emails.get(random.nextInt(emails.size())));
          case 1 -> b.identifier(IdentifierType.PHONE, phones.get(random.nextInt(phones.size())));
          default -> b.identifier(IdentifierType.DEVICE_ID, "device-" + random.nextInt(3));
        }
      }
      if (random.nextBoolean()) {
        b.attribute(AttributeKey.GIVEN_NAME, givens.get(random.nextInt(givens.size())));
      }
      if (random.nextBoolean()) {
        b.attribute(AttributeKey.FAMILY_NAME, families.get(random.nextInt(families.size())));
      }
      if (random.nextBoolean()) {
        b.attribute(AttributeKey.CITY, places.get(random.nextInt(places.size())));
      }
      if (random.nextBoolean()) {
        b.attribute(AttributeKey.POSTAL_CODE, places.get(random.nextInt(places.size())));
      }
      Touchpoint t = b.build();
      MatchModel.Prepared prepared = model.prepare(t, new ArrayList<>());
      for (int f = 0; f < model.fields().size(); f++) {
        MatchField field = model.fields().get(f);
        List<String> expected = new ArrayList<>();
        for (String raw : field.source().values(t)) {
          String normal = field.normalizer().normalize(raw, t);
          if (normal != null && !normal.isEmpty() && !field.ignores(normal)
              && !expected.contains(normal)) {
            expected.add(normal);
          }
        }
        List<String> actual = new ArrayList<>();
        for (int v = prepared.starts[f]; v < prepared.starts[f + 1]; v++) {
          actual.add(prepared.value(v));
        }
        assertEquals(expected, actual, "seed=" + seed + ", touchpoint " + n + ", " + field.name());
        checked += expected.size();
      }
    }
    assertTrue(checked > 500, "the touchpoints hold values to compare");
  }

  @Test
  void scoresAreSymmetricAndMultiValuedFieldsAgreeAtTheirBestLevel() {
    MatchModel model = MatchModel.newBuilder()
        .field(MatchField.newBuilder("phone", FieldSource.identifier(IdentifierType.PHONE)).build())
        .build();
    Touchpoint a = Touchpoint.newBuilder("a").channel(Channel.SMS).timestamp(T0)
        .identifier(IdentifierType.PHONE, "1").identifier(IdentifierType.PHONE, "2").build();
    Touchpoint b = Touchpoint.newBuilder("b").channel(Channel.SMS).timestamp(T0)
        .identifier(IdentifierType.PHONE, "3").identifier(IdentifierType.PHONE, "2").build();
    assertEquals(ComparisonLevel.EXACT, model.score(a, b).fields().get(0).level());
    assertEquals(model.score(a, b), model.score(b, a));
  }

  @Test
  void termFrequenciesMakeACommonSurnameWeighLessThanARareOne() {
    MatchField family = MatchField.newBuilder("family", FieldSource.attribute(AttributeKey.FAMILY_NAME))
        .probabilities(ComparisonLevel.EXACT, 0.95, 0.01)
        .termFrequencies(Map.of("garcia", 0.05), 0.0005).build();
    MatchModel model = MatchModel.newBuilder().field(family).build();
    double common = model.score(person("a", null, "garcia", null), person("b", null, "garcia", null)).weight();
    double rare = model.score(person("a", null, "zubizarreta", null), person("b", null, "zubizarreta", null)).weight();
    assertTrue(rare > common + 5, "rare " + rare + " vs common " + common);
    assertEquals(log2(0.95 / 0.05), common - log2(0.01 / 0.99), 1e-9);
  }

  @Test
  void refusedValuesCountAsMissing() {
    MatchModel model = MatchModel.newBuilder()
        .field(MatchField.newBuilder("email", FieldSource.identifier(IdentifierType.EMAIL))
            .normalizer(Normalizer.basicEmail()).build()).build();
    Touchpoint a = Touchpoint.newBuilder("a").channel(Channel.WEB).timestamp(T0)
        .identifier(IdentifierType.EMAIL, "not an email").build();
    assertEquals(ComparisonLevel.MISSING, model.score(a, a).fields().get(0).level());
  }

  @Test
  void buildersRefuseBadSettingsNamingThem() {
    MatchField.Builder f = MatchField.newBuilder("x", FieldSource.attribute(AttributeKey.CITY));
    assertEquals("m of EXACT", assertThrows(OmniIdException.class,
        () -> f.probabilities(ComparisonLevel.EXACT, 0, 0.5)).field());
    assertEquals("level", assertThrows(OmniIdException.class,
        () -> f.probabilities(ComparisonLevel.MISSING, 0.5, 0.5)).field());
    assertThrows(IllegalStateException.class, () -> MatchModel.newBuilder().build());
    assertThrows(IllegalStateException.class,
        () -> MatchModel.newBuilder().field(f.build()).field(f.build()));
    assertEquals("priorMatchProbability", assertThrows(OmniIdException.class,
        () -> MatchModel.newBuilder().priorMatchProbability(1)).field());
    assertThrows(IllegalStateException.class,
        () -> IdentityResolver.newBuilder().matchModel(MatchModel.newBuilder().field(f.build()).build()).build());
  }

  @Test
  void theResolverLinksScoredMatchesAndExplainsThem() {
    IdentityResolver r = RandomTouchpoints.resolver();
    r.resolve(person("a", "anabel", "garcia", "1980-01-05"));
    Resolution res = r.resolve(person("b", "anabella", "garcia", "1980-01-05"));
    assertEquals(Resolution.Outcome.ATTACHED, res.outcome());
    assertEquals(Evidence.Kind.SCORED_MATCH, res.evidence().get(0).kind());
    r.resolve(person("c", "anabel", "garcia", "1991-01-05"));
    r.resolve(person("d", "ana", "lopez", "1980-01-05"));
    assertEquals(3, r.profileCount());

    PairExplanation why = r.why("a", "b");
    assertTrue(why.sameProfile());
    assertTrue(why.score().orElseThrow().matches());
    assertTrue(why.explain().contains("linked by their scored match"), why.explain());
    PairExplanation whyNot = r.why("a", "c");
    assertFalse(whyNot.sameProfile());
    assertFalse(whyNot.score().orElseThrow().matches());
    assertTrue(whyNot.explain().contains("different profiles"), whyNot.explain());
    assertEquals(3, r.profileCount());

    r.remove("b");
    assertEquals(3, r.profileCount(), "a and c stay apart, d alone");
  }

  /** The property tests' model, but names only describe a person and only an exact date identifies. */
  private static MatchModel describingModel() {
    MatchModel base = RandomTouchpoints.model();
    MatchModel.Builder out = MatchModel.newBuilder().priorMatchProbability(base.priorMatchProbability());
    for (MatchField f : base.fields()) {
      out.field(f.toBuilder().identifiesFrom(f.name().equals("dob") ? ComparisonLevel.EXACT : null).build());
    }
    return out.build();
  }

  @Test
  void namesAloneDescribeAPersonAndDoNotLinkHowEverHeavy() {
    Touchpoint a = person("a", "anabel", "garcia", null);
    Touchpoint b = person("b", "anabel", "garcia", null);
    assertTrue(RandomTouchpoints.model().score(a, b).matches(), "the premise: the names reach the threshold");

    MatchModel model = describingModel();
    MatchScore score = model.score(a, b);
    assertTrue(score.weight() >= score.thresholdWeight(), "the same weight");
    assertFalse(score.identified());
    assertFalse(score.matches(), "but nothing identifies the person");
    assertTrue(score.explain().contains("not linked: only fields that describe the person"), score.explain());
    assertTrue(model.score(person("c", "anabel", "garcia", "1980-01-05"),
        person("d", "anabel", "garcia", "1980-01-05")).matches(), "an exact birth date identifies");
    assertFalse(model.score(person("e", "anabel", "garcia", "1980-01-05"),
        person("f", "anabel", "garcia", "1980-07-09")).matches(), "the same year only describes");

    IdentityResolver r = IdentityResolver.newBuilder().matchModel(model)
        .blockingKey(RandomTouchpoints.BY_FAMILY).build();
    r.resolveAll(List.of(a, b, person("c", "anabel", "garcia", "1980-01-05"),
        person("d", "anabel", "garcia", "1980-01-05")));
    assertEquals(3, r.profileCount(), "c and d link; a and b, who only share names, do not");
    assertFalse(r.why("a", "b").sameProfile());
    assertTrue(r.why("c", "d").sameProfile());
  }

  @Test
  void identifyingLevelsAreKeptByToBuilderAndRefuseDisagreement() {
    MatchField f = MatchField.newBuilder("x", FieldSource.attribute(AttributeKey.CITY))
        .identifiesFrom(ComparisonLevel.STRONG).build();
    assertEquals(ComparisonLevel.STRONG, f.toBuilder().build().identifiesFrom());
    assertEquals(null, f.toBuilder().identifiesFrom(null).build().identifiesFrom());
    assertEquals(ComparisonLevel.WEAK,
        MatchField.newBuilder("y", FieldSource.attribute(AttributeKey.CITY)).build().identifiesFrom());
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> MatchField.newBuilder("z", FieldSource.attribute(AttributeKey.CITY))
            .identifiesFrom(ComparisonLevel.DIFFERENT));
    assertTrue(e.getMessage().contains("identifiesFrom"), e.getMessage());
  }

  @Test
  void aBlockTooCommonComparesNothingUntilItShrinks() {
    IdentityResolver r = IdentityResolver.newBuilder().matchModel(RandomTouchpoints.model())
        .blockingKey(RandomTouchpoints.BY_FAMILY).maxBlockSize(3).build();
    r.resolve(person("a", "anabel", "garcia", "1980-01-05"));
    r.resolve(person("b", "anabel", "garcia", "1980-01-05"));
    r.resolve(person("c", "luis", "garcia", "1970-02-02"));
    assertEquals(2, r.profileCount(), "a and b scored as one");
    r.resolve(person("d", "pepe", "garcia", "1960-03-03"));
    assertEquals(4, r.profileCount(), "four garcias: the block compares nothing, a and b apart");
    r.remove("d");
    assertEquals(2, r.profileCount(), "back to three: a and b are one again");
  }

  @Test
  void generatedDataExercisesScoredMatchesInThePropertyTests() {
    int scored = 0;
    for (long seed = 0; seed < 50; seed++) {
      List<Touchpoint> touchpoints = RandomTouchpoints.generate(new Random(seed), 30);
      IdentityResolver r = RandomTouchpoints.resolver();
      r.resolveAll(touchpoints);
      scored += (int) r.profiles().flatMap(p -> p.evidence().stream())
          .filter(e -> e.kind() == Evidence.Kind.SCORED_MATCH).count();
    }
    assertTrue(scored > 50, "scored matches in 50 generated sets: " + scored);
  }

  @Test
  void emRecoversTheProbabilitiesOfUnlabeledData() {
    // 2,000 people, each recorded once or twice; duplicates keep each field with a known rate.
    Random random = new Random(7);
    List<Touchpoint> records = new ArrayList<>();
    String[] given = {"ana", "luis", "pepe", "lola", "maria", "jose", "carmen", "juan", "elena", "pablo"};
    for (int p = 0; p < 2000; p++) {
      String g = given[random.nextInt(given.length)];
      String family = "f" + random.nextInt(400);
      String dob = (1950 + random.nextInt(50)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10);
      String postcode = "2" + (100 + random.nextInt(100));
      String city = "c" + random.nextInt(20);
      records.add(person("p" + p + "a", g, family, dob, postcode, city));
      if (random.nextBoolean()) {
        String g2 = random.nextDouble() < 0.85 ? g : given[random.nextInt(given.length)];
        String dob2 = random.nextDouble() < 0.9 ? dob : (1950 + random.nextInt(50)) + "-01-01";
        String postcode2 = random.nextDouble() < 0.8 ? postcode : "2" + (100 + random.nextInt(100));
        String city2 = random.nextDouble() < 0.95 ? city : "c" + random.nextInt(20);
        records.add(person("p" + p + "b", g2, family, dob2, postcode2, city2));
      }
    }
    MatchModel start = MatchModel.newBuilder()
        .field(MatchField.newBuilder("given", FieldSource.attribute(AttributeKey.GIVEN_NAME)).build())
        .field(MatchField.newBuilder("dob", FieldSource.attribute(AttributeKey.BIRTH_DATE)).build())
        .field(MatchField.newBuilder("postcode", FieldSource.attribute(AttributeKey.POSTAL_CODE)).build())
        .field(MatchField.newBuilder("city", FieldSource.attribute(AttributeKey.CITY)).build())
        .build();
    BlockingKey byFamily = t -> t.attribute(AttributeKey.FAMILY_NAME).map(List::of).orElse(List.of());
    ModelEstimator.Estimate estimate = ModelEstimator.estimate(start, records, List.of(byFamily), 1000, 200);
    MatchModel model = estimate.model();
    MatchField givenField = model.fields().get(0);
    MatchField dobField = model.fields().get(1);
    // m(EXACT): 0.85 kept + 0.015 equal by chance; u(EXACT): 1/10 names agree by chance.
    assertEquals(0.865, givenField.m(ComparisonLevel.EXACT), 0.03, givenField.toString());
    assertEquals(0.10, givenField.u(ComparisonLevel.EXACT), 0.02, givenField.toString());
    assertEquals(0.90, dobField.m(ComparisonLevel.EXACT), 0.03, dobField.toString());
    assertTrue(dobField.u(ComparisonLevel.EXACT) < 0.01, dobField.toString());
    MatchField postcode = model.fields().get(2);
    assertEquals(0.80, postcode.m(ComparisonLevel.EXACT), 0.03, postcode.toString());
    assertEquals(0.01, postcode.u(ComparisonLevel.EXACT), 0.01, postcode.toString());
    // About 1,000 true pairs among the blocked pairs.
    double truePairs = model.priorMatchProbability() * estimate.pairs();
    assertEquals(1000, truePairs, 80, "estimated matches among " + estimate.pairs() + " pairs");
    assertTrue(estimate.converged());

    List<Touchpoint> shuffled = new ArrayList<>(records);
    Collections.shuffle(shuffled, new Random(1));
    assertEquals(model.toString(),
        ModelEstimator.estimate(start, shuffled, List.of(byFamily), 1000, 200).model().toString(),
        "the estimate does not depend on the sample's order");
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }
}
