package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.BlockingKey;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.ModelEstimator;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import dev.omniid.matching.OmniId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * EM weight estimation on a sample of the Dataset: the sample is the one its rule names, the
 * estimate is the library's on that sample, the executors score with it, and the same seed gives
 * the same model and profile ids however the input is partitioned.
 */
class EstimateWeightsTest {
  private static final int SAMPLE = 2_000;
  private static final long SEED = 42;

  private static SparkSession spark;
  private static List<GeneratedTouchpoint> generated;
  private static List<Touchpoint> data;
  private static Dataset<Row> rows;
  /** The library's estimate on the sample, in memory. */
  private static ModelEstimator.Estimate inMemory;
  /** The Spark estimate, made once for the tests that read it (each run maps every record). */
  private static ModelEstimator.Estimate onSpark;

  @BeforeAll
  static void start() {
    spark = SparkTests.session();
    // About 4,000 touchpoints: the sample is half of them.
    generated = OmniChannelGenerator.newBuilder().people(800).seed(7).build().generate();
    data = new ArrayList<>();
    generated.forEach(g -> data.add(g.touchpoint()));
    rows = TouchpointRows.dataset(spark, data);
    inMemory = OmniId.estimate(OmniId.defaultMatchModel("ES", false), sampleOf(data, SAMPLE, SEED));
    // On other partitions than the input's: the sample does not depend on them.
    onSpark = OmniIdSpark.estimate(rows.repartition(3), TouchpointRows.MAPPING, estimating(SEED));
  }

  private static ResolveSettings estimating(long seed) {
    return ResolveSettings.newBuilder().estimateWeights(SAMPLE, seed).build();
  }

  /** The sample by its rule, in memory: the touchpoints with the smallest keys, ties by id. */
  private static List<Touchpoint> sampleOf(List<Touchpoint> touchpoints, int size, long seed) {
    List<Touchpoint> sorted = new ArrayList<>(touchpoints);
    sorted.sort(Comparator.comparingLong((Touchpoint t) -> WeightSample.key(seed, t.id()))
        .thenComparing(Touchpoint::id));
    return sorted.subList(0, Math.min(size, sorted.size()));
  }

  @Test
  void theSparkEstimateIsTheLibrarysOnTheSameSample() {
    assertTrue(data.size() > SAMPLE, "the sample is a part of the data: " + data.size());
    assertSameModel(inMemory.model(), onSpark.model());
    assertEquals(inMemory.pairs(), onSpark.pairs());
    assertEquals(inMemory.iterations(), onSpark.iterations());
  }

  /** What is broadcast: the fitted numbers, applied to a start model built where they arrive. */
  @Test
  void theBroadcastWeightsRebuildTheEstimatedModel() throws Exception {
    MatchModel estimated = inMemory.model();
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(EstimatedWeights.of(estimated));
    }
    EstimatedWeights arrived;
    try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
        new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      arrived = (EstimatedWeights) in.readObject();
    }
    assertSameModel(estimated, arrived.applyTo(OmniId.defaultMatchModel("ES", false)));
  }

  /**
   * Resolving with estimation is {@code resolveAll} with the estimated model; on this data the
   * estimated model links differently from the default one, so scoring with the defaults on the
   * executors (the estimate not reaching them) would fail the comparison. The same seed on
   * other partitions and another row order chooses the same sample, so the same model and the
   * same profile ids.
   */
  @Test
  void resolveWithEstimationEqualsResolveAllWithTheEstimatedModel() {
    IdentityResolver withEstimate = OmniId.resolverBuilder().matchModel(inMemory.model()).build();
    withEstimate.resolveAll(data);
    Map<String, String> expected = Partitions.of(withEstimate);
    IdentityResolver withDefaults = OmniId.resolverBuilder().build();
    withDefaults.resolveAll(data);
    assertNotEquals(withDefaults.profileCount(), withEstimate.profileCount(),
        "the estimate changes the partition of this data");

    Dataset<Row> result = OmniIdSpark.resolve(rows, TouchpointRows.MAPPING, estimating(SEED));
    Map<String, String> first = Partitions.of(result);
    result.unpersist();
    Partitions.assertSamePairs(expected, first);

    // The same seed on other partitions: the same profile ids, record by record.
    Dataset<Row> again = OmniIdSpark.resolve(rows.repartition(3), TouchpointRows.MAPPING,
        estimating(SEED));
    Map<String, String> second = Partitions.of(again);
    again.unpersist();
    assertEquals(first, second);
  }

  /** Another seed chooses another sample (and so, in general, another estimate). */
  @Test
  void theSeedChoosesTheSample() {
    Set<String> one = ids(sampleOf(data, SAMPLE, SEED));
    Set<String> other = ids(sampleOf(data, SAMPLE, SEED + 1));
    assertEquals(SAMPLE, one.size());
    assertNotEquals(one, other);
    // Not the first ids in any order of the input: sequential ids are spread over the sample.
    assertNotEquals(ids(data.subList(0, SAMPLE)), one);
  }

  /**
   * The estimate moves from the hand-set defaults where this data says so: the prior toward the
   * true share of one-person pairs among the sample's blocked pairs (the generated people are
   * known), and a field the data never fills ({@code full_name}, {@code region}) to no weight at
   * all, where the defaults give an exact full name +7 bits.
   */
  @Test
  void theEstimateDiffersFromTheDefaultsWhereTheDataSaysSo() {
    MatchModel defaults = OmniId.defaultMatchModel("ES", false);
    MatchModel estimated = onSpark.model();

    double truth = samePersonShare(sampleOf(data, SAMPLE, SEED));
    double prior = estimated.priorMatchProbability();
    assertTrue(Math.abs(prior - truth) < Math.abs(defaults.priorMatchProbability() - truth) / 2,
        "estimated prior " + prior + ", true share " + truth + ", default "
            + defaults.priorMatchProbability());

    for (String unfilled : List.of("full_name", "region")) {
      assertTrue(data.stream().noneMatch(t -> t.attributes().keySet().stream()
          .anyMatch(k -> k.name().equals(unfilled))), unfilled + " is absent from the data");
      assertTrue(field(defaults, unfilled).weight(ComparisonLevel.EXACT) > 2, unfilled);
      assertEquals(0, field(estimated, unfilled).weight(ComparisonLevel.EXACT), 1e-9, unfilled);
    }
  }

  @Test
  void settingsRefuseWhatCannotBeEstimated() {
    assertThrows(IllegalArgumentException.class,
        () -> ResolveSettings.newBuilder().estimateWeights(1, SEED));
    assertThrows(IllegalArgumentException.class,
        () -> ResolveSettings.newBuilder().estimateWeights(ResolveSettings.MAX_ESTIMATE_SAMPLE + 1,
            SEED));
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> ResolveSettings.newBuilder().configuration(Febrl::resolverBuilder)
            .estimateWeights(SAMPLE, SEED).build());
    assertTrue(e.getMessage().contains("custom configuration"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> OmniIdSpark.estimate(rows, TouchpointRows.MAPPING, ResolveSettings.defaults()));
  }

  /** The share of same-person pairs among the pairs the default keys block (blocks up to 2,000). */
  private double samePersonShare(List<Touchpoint> sample) {
    Map<String, String> personOf = new HashMap<>();
    generated.forEach(g -> personOf.put(g.touchpoint().id(), g.personId()));
    Map<String, List<String>> blocks = new HashMap<>();
    List<BlockingKey> keys = OmniId.defaultBlockingKeys();
    for (Touchpoint t : sample) {
      for (int k = 0; k < keys.size(); k++) {
        for (String key : keys.get(k).keys(t)) {
          blocks.computeIfAbsent(k + "\u0000" + key, x -> new ArrayList<>()).add(t.id());
        }
      }
    }
    Set<String> pairs = new HashSet<>();
    long same = 0;
    for (List<String> block : blocks.values()) {
      if (block.size() > 2_000) {
        continue;
      }
      for (int i = 0; i < block.size(); i++) {
        for (int j = i + 1; j < block.size(); j++) {
          String a = block.get(i).compareTo(block.get(j)) < 0 ? block.get(i) : block.get(j);
          String b = a.equals(block.get(i)) ? block.get(j) : block.get(i);
          if (!a.equals(b) && pairs.add(a + "\u0000" + b)
              && personOf.get(a).equals(personOf.get(b))) {
            same++;
          }
        }
      }
    }
    assertTrue(pairs.size() > 1_000, "blocked pairs: " + pairs.size());
    return (double) same / pairs.size();
  }

  private static Set<String> ids(List<Touchpoint> touchpoints) {
    Set<String> out = new HashSet<>();
    touchpoints.forEach(t -> out.add(t.id()));
    return out;
  }

  private static MatchField field(MatchModel model, String name) {
    return model.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  /** Every probability, the prior and the threshold, exactly. */
  static void assertSameModel(MatchModel expected, MatchModel actual) {
    assertEquals(expected.priorMatchProbability(), actual.priorMatchProbability(), 0.0, "prior");
    assertEquals(expected.thresholdWeight(), actual.thresholdWeight(), 0.0, "threshold");
    assertEquals(expected.fields().size(), actual.fields().size());
    for (int i = 0; i < expected.fields().size(); i++) {
      MatchField e = expected.fields().get(i);
      MatchField a = actual.fields().get(i);
      assertEquals(e.name(), a.name());
      for (ComparisonLevel level : EstimatedWeights.LEVELS) {
        assertEquals(e.m(level), a.m(level), 0.0, e.name() + " m " + level);
        assertEquals(e.u(level), a.u(level), 0.0, e.name() + " u " + level);
      }
    }
  }
}
