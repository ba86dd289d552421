package dev.omniid.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.array_sort;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_arrays;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.struct;

import dev.omniid.core.BatchSteps;
import dev.omniid.core.Evidence;
import dev.omniid.core.Identifier;
import dev.omniid.core.MatchField;
import dev.omniid.core.ModelEstimator;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Identity resolution of a whole {@link Dataset} on Spark, with the partition that
 * {@code IdentityResolver.resolveAll} gives for the same touchpoints and configuration.
 *
 * <pre>{@code
 * Dataset<Row> records = spark.read().parquet("s3://bucket/touchpoints/");
 * Dataset<Row> profiles = OmniIdSpark.resolve(records, RecordMapping.byColumnName(),
 *     ResolveSettings.defaults());
 * profiles.write().parquet("s3://bucket/profiles/");
 * }</pre>
 *
 * <p>The stages, each logged with its counts: every record is mapped to its touchpoint on the
 * executors and normalized by the library ({@code BatchSteps.facts}); when the settings ask for
 * it, the match weights are estimated on a bounded, seeded sample of the touchpoints (brought to
 * the driver) and the estimated model is broadcast to the executors; identifier values are
 * exploded, and each value's limit is counted with aggregations as the library counts it (a
 * value whose carriers hold more people than its limit links nothing); blocking keys are
 * exploded and blocks counted (a block over its blocking key's maximum compares nothing), and
 * each block's pairs are scored by the same match model on an executor, each pair once; the
 * connected components of the linking values and scored matches are found by
 * {@link ConnectedComponents} (large-star / small-star); a component larger than
 * {@link ResolveSettings#maxComponentSize()} stops the job with a
 * {@link ComponentTooLargeException}; then each component's touchpoints are grouped on one
 * executor and partitioned by the library's own clustering ({@code BatchSteps.partition}). No
 * record is collected on the driver.
 *
 * <p><b>Profile ids</b> are the smallest touchpoint id (string order) of each profile: the same
 * on every run, and unchanged while a profile keeps its smallest member. (The in-memory
 * resolver numbers profiles in arrival order, which a distributed batch does not have.)
 */
public final class OmniIdSpark {
  private static final Logger LOG = LoggerFactory.getLogger(OmniIdSpark.class);

  /** The result's record id column. */
  public static final String RECORD_ID = "record_id";
  /** The result's profile id column. */
  public static final String PROFILE_ID = "profile_id";
  /** The result's evidence column, present when asked for. */
  public static final String EVIDENCE = "evidence";

  private static final StructType COUNTED = new StructType()
      .add("group", DataTypes.StringType, false)
      .add("item", DataTypes.StringType, false);
  private static final StructType VALUE = new StructType()
      .add("key", DataTypes.StringType, false)
      .add("limit", DataTypes.IntegerType, false)
      .add("counted", DataTypes.createArrayType(COUNTED, false), false);
  private static final StructType FACTS = new StructType()
      .add("id", DataTypes.StringType, true)
      .add("fields", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, true), false)
      .add("values", DataTypes.createArrayType(VALUE, false), true)
      .add("blocks", DataTypes.createArrayType(DataTypes.StringType, false), true)
      .add("problem", DataTypes.StringType, true);
  private static final StructType MATCH = new StructType()
      .add("first", DataTypes.StringType, false)
      .add("second", DataTypes.StringType, false)
      .add("weight", DataTypes.DoubleType, false)
      .add("vouches", DataTypes.BooleanType, false);
  private static final StructType EVIDENCE_ROW = new StructType()
      .add("kind", DataTypes.StringType, false)
      .add("touchpoint_id", DataTypes.StringType, false)
      .add("other_touchpoint_id", DataTypes.StringType, false)
      .add("identifiers", DataTypes.createArrayType(DataTypes.StringType, false), false)
      .add("weight", DataTypes.DoubleType, false)
      .add("person_conflict", DataTypes.StringType, false);
  private static final StructType RESULT = new StructType()
      .add(RECORD_ID, DataTypes.StringType, false)
      .add(PROFILE_ID, DataTypes.StringType, false);
  private static final StructType RESULT_WITH_EVIDENCE = RESULT
      .add(EVIDENCE, DataTypes.createArrayType(EVIDENCE_ROW, false), false);

  private OmniIdSpark() {}

  /**
   * Resolves every record of {@code records} into profiles.
   *
   * @param records the records, any columns (each is read as text by the mapping)
   * @param mapping how a record becomes a touchpoint, not null
   * @param settings the resolver configuration and limits, not null; with
   *     {@link ResolveSettings.Builder#estimateWeights} the weights are estimated on a sample
   *     first and the records resolved with the estimated model
   * @return {@code record_id, profile_id} (and {@code evidence} when the settings ask for it),
   *     one row per accepted record, computed and cached ({@code unpersist()} it when done);
   *     records the mapping or the resolver refuses are left out and counted in the log
   * @throws ComponentTooLargeException if a connected component exceeds
   *     {@link ResolveSettings#maxComponentSize()}
   * @throws IllegalArgumentException if two accepted records have one touchpoint id
   * @throws OmniIdException ({@code INVALID_VALUE}) if weights are to be estimated and the sample
   *     gives no pair to learn from
   */
  public static Dataset<Row> resolve(Dataset<Row> records, RecordMapping mapping,
      ResolveSettings settings) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(settings, "settings");
    // Built on the driver too: a configuration that cannot build fails before any job runs.
    BatchSteps driverSteps = Steps.of(settings);
    List<Dataset<?>> cached = new ArrayList<>();
    Mapped mapped = map(records, mapping, settings, cached);
    Dataset<Row> accepted = mapped.accepted();
    long total = mapped.total();
    long rejected = mapped.rejected();
    if (settings.estimateSample().isPresent()) {
      ModelEstimator.Estimate estimate;
      try {
        estimate = estimate(accepted, mapping, settings, total - rejected);
      } catch (RuntimeException e) {
        unpersist(cached);
        throw e;
      }
      // The model does not serialize; its fitted numbers do, and each executor applies them to
      // the start model it builds itself (EstimatedWeights).
      Broadcast<EstimatedWeights> weights = JavaSparkContext
          .fromSparkContext(records.sparkSession().sparkContext())
          .broadcast(EstimatedWeights.of(estimate.model()));
      // From here on every step scores with the estimated model.
      settings = settings.withWeights(weights);
      driverSteps = Steps.of(settings);
    }

    // Limits: a value's carriers count distinct items per group; more than the limit in any
    // group and the value is over its limit (it links nothing), as the library counts it.
    Dataset<Row> values = accepted.select(col("id"), explode(col("values")).as("v"))
        .select(col("id"), col("v.key").as("key"), col("v.limit").as("limit"),
            col("v.counted").as("counted"));
    Dataset<Row> overLimit = values.where(col("limit").gt(0))
        .select(col("key"), col("limit"), explode(col("counted")).as("c"))
        .select(col("key"), col("limit"), col("c.group").as("group"), col("c.item").as("item"))
        .groupBy("key", "limit", "group").agg(count_distinct(col("item")).as("n"))
        .where(col("n").gt(col("limit"))).select("key").distinct()
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(overLimit);
    Dataset<Row> linking = values.select("id", "key").join(overLimit, Seqs.of("key"), "left_anti");
    Dataset<Row> shared = linking.groupBy("key")
        .agg(count(lit(1)).as("carriers"), min("id").as("first"))
        .where(col("carriers").gt(1));
    Dataset<Row> valueEdges = linking.join(shared, "key").where(col("id").notEqual(col("first")))
        .select(col("first").as("a"), col("id").as("b"));
    Row valueCounts = shared.agg(count(lit(1)), coalesce(max("carriers"), lit(0L))).first();
    LOG.info("identifier values: {} over their limits (link nothing), {} shared values link"
        + " (the most carriers of one: {})", overLimit.count(), valueCounts.getLong(0),
        valueCounts.getLong(1));

    Dataset<Row> matches = accepted.sparkSession().createDataFrame(List.of(), MATCH);
    if (driverSteps.scores()) {
      // A block's key is "k:...": its blocking key's maximum is the k-th.
      Column maxima = array(driverSteps.maxBlockSizes().stream()
          .map(org.apache.spark.sql.functions::lit).toArray(Column[]::new));
      Dataset<Row> memberships = accepted.select(col("id"), explode(col("blocks")).as("block"));
      Dataset<Row> sizes = memberships.groupBy("block").agg(count(lit(1)).as("size"))
          .withColumn("limit", org.apache.spark.sql.functions.element_at(maxima,
              org.apache.spark.sql.functions.substring_index(col("block"), ":", 1).cast("int")
                  .plus(1)))
          .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(sizes);
      Row blockCounts = sizes.agg(count(lit(1)),
          count(org.apache.spark.sql.functions.when(col("size").gt(col("limit")), 1)),
          count(org.apache.spark.sql.functions.when(col("size").between(lit(2), col("limit")), 1)))
          .first();
      Dataset<Row> normal = memberships.join(
          sizes.where(col("size").between(lit(2), col("limit"))).select("block"),
          Seqs.of("block"), "left_semi");
      Dataset<Row> blocksOf = normal.groupBy("id")
          .agg(array_sort(collect_set(col("block"))).as("blocks"));
      Dataset<Row> members = normal.join(blocksOf, "id")
          .join(accepted.select("id", "fields"), "id");
      matches = members
          .groupByKey((MapFunction<Row, String>) r -> r.getAs("block"), Encoders.STRING())
          .flatMapGroups(scoreBlock(mapping, settings), Encoders.row(MATCH))
          .persist(StorageLevel.MEMORY_AND_DISK());
      cached.add(matches);
      LOG.info("blocks: {} keys, {} over their blocking key's maximum (compare nothing), {}"
          + " compared; {} scored matches", blockCounts.getLong(0), blockCounts.getLong(1),
          blockCounts.getLong(2), matches.count());
    }

    Dataset<Row> edges = valueEdges.union(matches.select(col("first").as("a"),
        col("second").as("b")));
    Dataset<Row> labels = ConnectedComponents.of(edges);
    Dataset<Row> components = accepted.select("id", "fields")
        .join(labels, col("id").equalTo(col("vertex")), "left")
        .select(col("id"), col("fields"), coalesce(col("component"), col("id")).as("component"))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(components);
    Dataset<Row> componentSizes = components.groupBy("component").agg(count(lit(1)).as("size"));
    Row sizeCounts = componentSizes.agg(count(lit(1)), coalesce(max("size"), lit(0L))).first();
    LOG.info("connected components: {} (the largest holds {} touchpoints)",
        sizeCounts.getLong(0), sizeCounts.getLong(1));
    if (sizeCounts.getLong(1) > settings.maxComponentSize()) {
      Dataset<Row> tooLarge = componentSizes.where(col("size").gt(settings.maxComponentSize()));
      Row largest = tooLarge.orderBy(col("size").desc(), col("component")).first();
      long howMany = tooLarge.count();
      unpersist(cached);
      throw new ComponentTooLargeException(largest.getLong(1), howMany,
          settings.maxComponentSize(), largest.getString(0));
    }

    Dataset<Row> overOf = values.select("id", "key").join(overLimit, "key")
        .groupBy("id").agg(collect_list(col("key")).as("over"));
    Dataset<Row> matchesOf = matches.groupBy(col("first").as("id"))
        .agg(collect_list(struct(col("second"), col("weight"), col("vouches"))).as("matches"));
    Dataset<Row> grouped = components.join(overOf, Seqs.of("id"), "left")
        .join(matchesOf, Seqs.of("id"), "left");
    Dataset<Row> result = grouped
        .groupByKey((MapFunction<Row, String>) r -> r.getAs("component"), Encoders.STRING())
        .flatMapGroups(partitionComponent(mapping, settings),
            Encoders.row(settings.withEvidence() ? RESULT_WITH_EVIDENCE : RESULT))
        .persist(StorageLevel.MEMORY_AND_DISK());
    long profiles = result.select(PROFILE_ID).distinct().count();
    LOG.info("profiles: {} for {} touchpoints", profiles, total - rejected);
    unpersist(cached);
    return result;
  }

  /**
   * Estimates the match model's weights on a sample of {@code records}, as
   * {@link #resolve} does before resolving when {@link ResolveSettings#estimateSample()} is set:
   * to look at the estimate, or compare it with the defaults, without resolving.
   *
   * @param records the records, any columns
   * @param mapping how a record becomes a touchpoint, not null
   * @param settings settings with {@link ResolveSettings.Builder#estimateWeights}, not null
   * @return the library's estimate ({@code OmniId.estimate}) on the sample: the start model with
   *     the fitted probabilities and prior (its threshold unchanged), and how EM got there
   * @throws IllegalArgumentException if the settings ask for no estimate, or two accepted
   *     records have one touchpoint id
   * @throws OmniIdException ({@code INVALID_VALUE}) if the sample gives no pair to learn from
   */
  public static ModelEstimator.Estimate estimate(Dataset<Row> records, RecordMapping mapping,
      ResolveSettings settings) {
    Objects.requireNonNull(records, "records");
    Objects.requireNonNull(mapping, "mapping");
    Objects.requireNonNull(settings, "settings");
    if (settings.estimateSample().isEmpty()) {
      throw new IllegalArgumentException("the settings ask for no estimate: set estimateWeights");
    }
    Steps.of(settings);
    List<Dataset<?>> cached = new ArrayList<>();
    try {
      Mapped mapped = map(records, mapping, settings, cached);
      return estimate(mapped.accepted(), mapping, settings, mapped.total() - mapped.rejected());
    } finally {
      unpersist(cached);
    }
  }

  /** The mapped records: accepted touchpoints ({@code id, fields, values, blocks}) and counts. */
  private record Mapped(Dataset<Row> accepted, long total, long rejected) {}

  /**
   * Maps and normalizes every record (cached in {@code cached}), counts and logs them, and
   * refuses two accepted records with one id.
   */
  private static Mapped map(Dataset<Row> records, RecordMapping mapping, ResolveSettings settings,
      List<Dataset<?>> cached) {
    Dataset<Row> facts = records.select(fieldsOf(records.columns()).as("fields"))
        .mapPartitions(factsOf(mapping, settings), Encoders.row(FACTS))
        .persist(StorageLevel.MEMORY_AND_DISK());
    cached.add(facts);
    Row counts = facts.agg(count(lit(1)), count(col("problem"))).first();
    long total = counts.getLong(0);
    long rejected = counts.getLong(1);
    LOG.info("mapped {} records: {} touchpoints, {} rejected (mapping or conflicting exclusive"
        + " values)", total, total - rejected, rejected);
    Dataset<Row> accepted = facts.where(col("problem").isNull()).drop("problem");
    Dataset<Row> duplicates = accepted.groupBy("id").count().where(col("count").gt(1));
    Row duplicated = duplicates.agg(count(lit(1)), min("id")).first();
    if (duplicated.getLong(0) > 0) {
      unpersist(cached);
      throw new IllegalArgumentException(duplicated.getLong(0) + " touchpoint id(s) appear on"
          + " more than one record (the smallest is " + duplicated.getString(1) + "): each record"
          + " needs its own id");
    }
    return new Mapped(accepted, total, rejected);
  }

  /**
   * The library's estimate on the sample of {@code accepted} that the settings choose
   * ({@link WeightSample}): Spark keeps the smallest keys per partition and merges them, so only
   * the sample reaches the driver, where it is mapped again and estimated.
   */
  private static ModelEstimator.Estimate estimate(Dataset<Row> accepted, RecordMapping mapping,
      ResolveSettings settings, long touchpoints) {
    int size = settings.estimateSample().getAsInt();
    long seed = settings.estimateSeed();
    UserDefinedFunction key = org.apache.spark.sql.functions.udf(
        (UDF1<String, Long>) id -> WeightSample.key(seed, id), DataTypes.LongType);
    List<Row> rows = accepted.select(col("id"), col("fields"))
        .orderBy(key.apply(col("id")), col("id")).limit(size).collectAsList();
    List<Touchpoint> sample = new ArrayList<>(rows.size());
    for (Row r : rows) {
      sample.add(mapping.map(r.getJavaMap(1)));
    }
    LOG.info("estimating match weights on a sample of {} of {} touchpoints (seed {}), brought to"
        + " the driver", sample.size(), touchpoints, seed);
    ModelEstimator.Estimate e = OmniId.estimate(settings.startModel(), sample);
    LOG.info("estimated on {} blocked pairs ({} comparison patterns) in {} EM iterations"
        + " (converged: {}); prior match probability {}", e.pairs(), e.patterns(),
        e.iterations(), e.converged(), e.model().priorMatchProbability());
    for (MatchField f : e.model().fields()) {
      LOG.info("estimated {}", EstimatedWeights.describe(f));
    }
    return e;
  }

  /** The record as one map column: every column's name to its value as text. */
  private static Column fieldsOf(String[] columns) {
    Column[] names = new Column[columns.length];
    Column[] texts = new Column[columns.length];
    for (int i = 0; i < columns.length; i++) {
      names[i] = lit(columns[i]);
      texts[i] = col("`" + columns[i].replace("`", "``") + "`").cast(DataTypes.StringType);
    }
    return map_from_arrays(array(names), array(texts));
  }

  private static void unpersist(List<Dataset<?>> cached) {
    for (Dataset<?> d : cached) {
      d.unpersist(false);
    }
  }

  private static MapPartitionsFunction<Row, Row> factsOf(RecordMapping mapping,
      ResolveSettings settings) {
    return rows -> {
      BatchSteps steps = Steps.of(settings);
      return new Iterator<Row>() {
        @Override
        public boolean hasNext() {
          return rows.hasNext();
        }

        @Override
        public Row next() {
          Row r = rows.next();
          // Handed on as Spark holds it (a Scala map: the encoder takes no Java wrapper).
          Object fields = r.getMap(0);
          Touchpoint t;
          try {
            t = mapping.map(r.getJavaMap(0));
          } catch (RuntimeException e) {
            // The exception's message may quote a value: only its class and reason travel on.
            return RowFactory.create(null, fields, null, null, "mapping: " + describe(e));
          }
          try {
            BatchSteps.Facts f = steps.facts(t);
            List<Row> values = new ArrayList<>(f.values().size());
            for (BatchSteps.LinkingValue v : f.values()) {
              List<Row> counted = new ArrayList<>(v.counted().size());
              for (BatchSteps.Counted c : v.counted()) {
                counted.add(RowFactory.create(c.group(), c.item()));
              }
              values.add(RowFactory.create(v.key(), v.limit(), Seqs.of(counted)));
            }
            return RowFactory.create(t.id(), fields, Seqs.of(values), Seqs.of(f.blockingKeys()),
                null);
          } catch (OmniIdException e) {
            return RowFactory.create(t.id(), fields, null, null, "resolver: " + describe(e));
          }
        }
      };
    };
  }

  private static String describe(RuntimeException e) {
    return e instanceof OmniIdException o ? o.reason().name() : e.getClass().getSimpleName();
  }

  /** Scores one block's pairs, each pair in the first (smallest) normal block the two share. */
  private static FlatMapGroupsFunction<String, Row, Row> scoreBlock(RecordMapping mapping,
      ResolveSettings settings) {
    return (block, rows) -> {
      BatchSteps steps = Steps.of(settings);
      List<Touchpoint> members = new ArrayList<>();
      Map<String, List<String>> blocksOf = new HashMap<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        Touchpoint t = mapping.map(r.getJavaMap(r.fieldIndex("fields")));
        members.add(t);
        blocksOf.put(t.id(), r.getList(r.fieldIndex("blocks")));
      }
      List<Row> out = new ArrayList<>();
      for (BatchSteps.ScoredMatch m : steps.score(members,
          (a, b) -> block.equals(firstCommon(blocksOf.get(a), blocksOf.get(b))))) {
        out.add(RowFactory.create(m.first(), m.second(), m.weight(), m.vouchesForOnePerson()));
      }
      return out.iterator();
    };
  }

  /** The first element two sorted lists share, or null. */
  static String firstCommon(List<String> x, List<String> y) {
    int i = 0;
    int j = 0;
    while (i < x.size() && j < y.size()) {
      int c = x.get(i).compareTo(y.get(j));
      if (c == 0) {
        return x.get(i);
      }
      if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    return null;
  }

  /** Partitions one component by the library's clustering; profile id = smallest member id. */
  private static FlatMapGroupsFunction<String, Row, Row> partitionComponent(RecordMapping mapping,
      ResolveSettings settings) {
    boolean withEvidence = settings.withEvidence();
    return (component, rows) -> {
      BatchSteps steps = Steps.of(settings);
      List<Touchpoint> touchpoints = new ArrayList<>();
      Set<String> over = new HashSet<>();
      List<BatchSteps.ScoredMatch> matches = new ArrayList<>();
      while (rows.hasNext()) {
        Row r = rows.next();
        Touchpoint t = mapping.map(r.getJavaMap(r.fieldIndex("fields")));
        touchpoints.add(t);
        int o = r.fieldIndex("over");
        if (!r.isNullAt(o)) {
          over.addAll(r.<String>getList(o));
        }
        int m = r.fieldIndex("matches");
        if (!r.isNullAt(m)) {
          for (Row match : r.<Row>getList(m)) {
            matches.add(new BatchSteps.ScoredMatch(t.id(), match.getString(0), match.getDouble(1),
                match.getBoolean(2)));
          }
        }
      }
      BatchSteps.ComponentPartition partition = steps.partition(touchpoints, over, matches,
          withEvidence);
      Map<String, List<Row>> evidenceOf = new HashMap<>();
      if (withEvidence) {
        for (Evidence e : partition.evidence()) {
          Row row = evidenceRow(e);
          evidenceOf.computeIfAbsent(e.touchpointId(), k -> new ArrayList<>()).add(row);
          evidenceOf.computeIfAbsent(e.otherTouchpointId(), k -> new ArrayList<>()).add(row);
        }
      }
      List<Row> out = new ArrayList<>(touchpoints.size());
      for (List<String> group : partition.groups()) {
        String profile = group.get(0);
        for (String id : group) {
          out.add(withEvidence
              ? RowFactory.create(id, profile, Seqs.of(evidenceOf.getOrDefault(id, List.of())))
              : RowFactory.create(id, profile));
        }
      }
      return out.iterator();
    };
  }

  private static Row evidenceRow(Evidence e) {
    List<String> identifiers = new ArrayList<>(e.identifiers().size());
    for (Identifier i : e.identifiers()) {
      identifiers.add(i.type().name() + ":" + i.value());
    }
    return RowFactory.create(e.kind().name(), e.touchpointId(), e.otherTouchpointId(),
        Seqs.of(identifiers), e.weight(), e.personConflict().name());
  }

  /** Scala sequences of column names for the join overloads that take them. */
  static final class Seqs {
    private Seqs() {}

    static scala.collection.immutable.Seq<String> of(String... names) {
      return of(Arrays.asList(names));
    }

    /** A Scala sequence: what the row encoder takes for an array column. */
    static <T> scala.collection.immutable.Seq<T> of(List<T> list) {
      return scala.jdk.javaapi.CollectionConverters.asScala(list).toSeq();
    }
  }
}
