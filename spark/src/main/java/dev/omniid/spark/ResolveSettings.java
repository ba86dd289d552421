package dev.omniid.spark;

import dev.omniid.connect.Mapping;
import dev.omniid.core.MatchModel;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.matching.OmniId;
import java.io.Serializable;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.UUID;
import org.apache.spark.broadcast.Broadcast;

/**
 * How {@link OmniIdSpark#resolve} resolves: the resolver configuration (the {@code OmniId}
 * defaults unless set), whether its match weights are first estimated on a sample of the
 * records, the largest connected component it will partition, and whether each record's
 * evidence is returned. Immutable and serializable; built with {@link #newBuilder()}.
 */
public final class ResolveSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The default {@link Builder#maxComponentSize}. */
  public static final int DEFAULT_MAX_COMPONENT_SIZE = 200_000;

  /**
   * The largest sample {@link Builder#estimateWeights} takes: the sample is brought to the
   * driver, where the estimator compares its blocked pairs.
   */
  public static final int MAX_ESTIMATE_SAMPLE = 1_000_000;

  /**
   * The default {@link Builder#valueCacheSize}: a task reads each value of its partition about
   * once, so the library's million results per cache, meant for a service, would only hold more of
   * an executor's heap (Spark gives an executor 1 GB unless told otherwise).
   */
  public static final long DEFAULT_VALUE_CACHE_SIZE = 200_000;

  private final ResolverConfiguration configuration;
  /** The OmniId defaults the configuration was built from; null for a custom configuration. */
  private final Defaults defaults;
  private final int maxComponentSize;
  private final boolean withEvidence;
  /** The sample size to estimate weights on, or 0 for none. */
  private final int estimateSample;
  private final long estimateSeed;
  private final long valueCacheSize;
  /**
   * Names this configuration on the executors, which build its steps once per JVM (the
   * normalizers' reference data and caches are costly to build per task).
   */
  final String token = UUID.randomUUID().toString();

  /** The builder's settings, with {@code defaults} and their {@code configuration} as built. */
  private ResolveSettings(Builder b, Defaults defaults, ResolverConfiguration configuration) {
    this.configuration = configuration;
    this.defaults = defaults;
    this.maxComponentSize = b.maxComponentSize;
    this.withEvidence = b.withEvidence;
    this.estimateSample = b.estimateSample;
    this.estimateSeed = b.estimateSeed;
    this.valueCacheSize = b.valueCacheSize;
  }

  /** These settings scoring with {@code weights} applied to the start model, estimated already. */
  private ResolveSettings(ResolveSettings s, Broadcast<EstimatedWeights> weights) {
    Defaults d = s.defaults;
    this.configuration = () -> d.resolverBuilder(weights.value().applyTo(d.startModel()));
    this.defaults = d;
    this.maxComponentSize = s.maxComponentSize;
    this.withEvidence = s.withEvidence;
    this.estimateSample = 0;
    this.estimateSeed = s.estimateSeed;
    this.valueCacheSize = s.valueCacheSize;
  }

  /**
   * Starts settings with the defaults: {@code OmniId.resolverBuilder()} (region ES, its match
   * model and threshold), components of at most {@value #DEFAULT_MAX_COMPONENT_SIZE}
   * touchpoints, no evidence.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The settings with every default.
   *
   * @return {@code newBuilder().build()}
   */
  public static ResolveSettings defaults() {
    return newBuilder().build();
  }

  /**
   * The resolver configuration.
   *
   * @return the configuration the executors build
   */
  public ResolverConfiguration configuration() {
    return configuration;
  }

  /**
   * The largest connected component that is partitioned.
   *
   * @return the most touchpoints one component may hold
   */
  public int maxComponentSize() {
    return maxComponentSize;
  }

  /**
   * Whether the result carries each record's evidence.
   *
   * @return whether an {@code evidence} column is returned
   */
  public boolean withEvidence() {
    return withEvidence;
  }

  /**
   * How many touchpoints the match weights are estimated on before resolving.
   *
   * @return the sample size {@link Builder#estimateWeights} set, or empty: the configuration's
   *     own weights
   */
  public OptionalInt estimateSample() {
    return estimateSample == 0 ? OptionalInt.empty() : OptionalInt.of(estimateSample);
  }

  /**
   * The seed that chooses the estimation sample.
   *
   * @return the seed {@link Builder#estimateWeights} set, 0 unless set
   */
  public long estimateSeed() {
    return estimateSeed;
  }

  /**
   * The size of the value caches on the executors ({@code OmniId.setValueCacheSize}).
   *
   * @return what {@link Builder#valueCacheSize} set, {@value #DEFAULT_VALUE_CACHE_SIZE} unless set
   */
  public long valueCacheSize() {
    return valueCacheSize;
  }

  /** The model estimation starts from: the {@code OmniId} default model for the region. */
  MatchModel startModel() {
    return defaults.startModel();
  }

  /** These settings with the estimated weights, broadcast, in place of the start model's. */
  ResolveSettings withWeights(Broadcast<EstimatedWeights> weights) {
    return new ResolveSettings(this, Objects.requireNonNull(weights, "weights"));
  }

  /**
   * The {@code OmniId} defaults for a region, threshold and date order, configured by a mapping
   * when there is one: serializable, so the executors build the same resolver configuration.
   */
  private record Defaults(String region, double threshold, boolean monthFirst, Mapping mapping,
      long expectedTouchpoints) implements Serializable {
    /** The defaults with no expected size: the default model's own prior. */
    Defaults(String region, double threshold, boolean monthFirst, Mapping mapping) {
      this(region, threshold, monthFirst, mapping, 0);
    }

    Defaults withExpectedTouchpoints(long touchpoints) {
      return new Defaults(region, threshold, monthFirst, mapping, touchpoints);
    }

    MatchModel startModel() {
      return expectedTouchpoints > 0
          ? OmniId.defaultMatchModel(region, monthFirst, expectedTouchpoints)
          : OmniId.defaultMatchModel(region, monthFirst);
    }

    /** The configuration, scoring with {@code model} (null: the default model). */
    ResolverBuilder resolverBuilder(MatchModel model) {
      OmniId.Builder b = OmniId.resolverBuilder().defaultRegion(region);
      if (expectedTouchpoints > 0) {
        b.expectedTouchpoints(expectedTouchpoints);
      }
      if (model != null) {
        b.matchModel(model);
      }
      if (!Double.isNaN(threshold)) {
        b.matchThreshold(threshold);
      }
      if (monthFirst) {
        b.monthFirstDates();
      }
      ResolverBuilder rb = b.toResolverBuilder();
      return mapping == null ? rb : mapping.configure(rb);
    }

    ResolverConfiguration configuration() {
      return () -> resolverBuilder(null);
    }
  }

  /** Builds {@link ResolveSettings}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private Defaults defaults = new Defaults("ES", Double.NaN, false, null);
    private ResolverConfiguration configuration = defaults.configuration();
    private int maxComponentSize = DEFAULT_MAX_COMPONENT_SIZE;
    private boolean withEvidence;
    private int estimateSample;
    private long estimateSeed;
    private long valueCacheSize = DEFAULT_VALUE_CACHE_SIZE;
    private long expectedTouchpoints;

    private Builder() {}

    /**
     * The {@code OmniId} defaults with a default region, a match threshold and the date order:
     * what the CLI's {@code --default-region} and {@code --threshold} set.
     *
     * @param region ISO 3166 alpha-2 code for phones and postal codes, e.g. {@code "US"}
     * @param matchThreshold the match probability threshold in (0, 1), or NaN for the model's
     * @param monthFirstDates whether ambiguous dates read month first
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE}) for a region libphonenumber does not know
     *     or a threshold outside (0, 1)
     */
    public Builder omniIdDefaults(String region, double matchThreshold, boolean monthFirstDates) {
      Objects.requireNonNull(region, "region");
      Defaults d = new Defaults(region, matchThreshold, monthFirstDates, null);
      // Checked here, on the driver, by building once: a bad value fails before any job runs.
      d.resolverBuilder(null);
      this.defaults = d;
      this.configuration = d.configuration();
      return this;
    }

    /**
     * The {@code OmniId} defaults configured by a connect {@link Mapping}, exactly as the
     * {@code omniid} tool configures its resolver for that mapping: the default region (the
     * mapping's own unless {@code region} overrides it, else {@code ES}), month-first dates when
     * that region is {@code US} (or when asked), and the mapping's identifier policies, personal
     * types and types compared as written ({@link Mapping#configure}). Map the records with
     * {@link RecordMapping#of(Mapping, boolean)} and {@link #monthFirstDates(Mapping, String,
     * boolean)}.
     *
     * @param mapping the mapping
     * @param region the default region, or null for the mapping's
     * @param matchThreshold the match probability threshold in (0, 1), or NaN for the model's
     * @param monthFirstDates whether to read ambiguous dates month first whatever the region
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE}) for a region libphonenumber does not know
     *     or a threshold outside (0, 1)
     */
    public Builder mapping(Mapping mapping, String region, double matchThreshold,
        boolean monthFirstDates) {
      Objects.requireNonNull(mapping, "mapping");
      String r = region(mapping, region);
      boolean monthFirst = monthFirstDates(mapping, region, monthFirstDates);
      Defaults d = new Defaults(r, matchThreshold, monthFirst, mapping);
      // Checked here, on the driver, by building once: a bad value fails before any job runs.
      d.resolverBuilder(null).build();
      this.defaults = d;
      this.configuration = d.configuration();
      return this;
    }

    /**
     * The default region {@link #mapping} uses.
     *
     * @param mapping the mapping
     * @param region the region given, or null
     * @return {@code region} upper-cased, else the mapping's, else {@code ES}
     */
    public static String region(Mapping mapping, String region) {
      return region != null ? region.strip().toUpperCase(java.util.Locale.ROOT)
          : mapping.defaultRegion().orElse("ES");
    }

    /**
     * Whether {@link #mapping} reads dates month first: as the {@code omniid} tool, when the
     * default region is {@code US}; or when asked.
     *
     * @param mapping the mapping
     * @param region the region given, or null for the mapping's
     * @param monthFirstDates whether month first was asked for
     * @return whether numeric dates read month first
     */
    public static boolean monthFirstDates(Mapping mapping, String region, boolean monthFirstDates) {
      return monthFirstDates || region(mapping, region).equals("US");
    }

    /**
     * Any resolver configuration, in place of the {@code OmniId} defaults.
     *
     * @param configuration builds the configuration on each executor, not null
     * @return this builder
     */
    public Builder configuration(ResolverConfiguration configuration) {
      this.configuration = Objects.requireNonNull(configuration, "configuration");
      this.defaults = null;
      return this;
    }

    /**
     * Estimates the match model's m and u probabilities and prior on a sample of the records
     * before resolving, by the library's own expectation–maximization ({@code OmniId.estimate},
     * the {@code omniid} tool's {@code --estimate}), and resolves with the estimated model. The
     * sample is the {@code sampleSize} accepted touchpoints whose hash of {@code seed} and id is
     * smallest: the same for the same records and seed however they are partitioned, found with
     * a bounded top-n per partition, and then brought to the driver. Estimation starts from the
     * {@code OmniId} default model for the region ({@link #omniIdDefaults} or {@link #mapping});
     * a {@linkplain #configuration custom configuration} keeps its own model, and
     * {@link #build()} refuses the two together.
     *
     * @param sampleSize how many touchpoints to estimate on, 2 to {@value #MAX_ESTIMATE_SAMPLE}
     *     (a few thousand customers or more: the estimator learns from the pairs that blocking
     *     finds among them)
     * @param seed chooses the sample
     * @return this builder
     * @throws IllegalArgumentException if {@code sampleSize} is out of range
     */
    public Builder estimateWeights(int sampleSize, long seed) {
      if (sampleSize < 2 || sampleSize > MAX_ESTIMATE_SAMPLE) {
        throw new IllegalArgumentException("estimateWeights sampleSize must be 2 to "
            + MAX_ESTIMATE_SAMPLE + " touchpoints");
      }
      this.estimateSample = sampleSize;
      this.estimateSeed = seed;
      return this;
    }

    /**
     * The largest connected component to partition: a larger one stops the job with a
     * {@link ComponentTooLargeException} instead of collecting it onto one executor.
     *
     * @param touchpoints at least 2
     * @return this builder
     * @throws IllegalArgumentException if it is less than 2
     */
    public Builder maxComponentSize(int touchpoints) {
      if (touchpoints < 2) {
        throw new IllegalArgumentException("maxComponentSize must be at least 2");
      }
      this.maxComponentSize = touchpoints;
      return this;
    }

    /**
     * Whether the result carries an {@code evidence} column: the links and refusals of each
     * record that decided its profile.
     *
     * @param withEvidence whether to return evidence
     * @return this builder
     */
    public Builder withEvidence(boolean withEvidence) {
      this.withEvidence = withEvidence;
      return this;
    }

    /**
     * How many results each value cache of an executor's JVM keeps: an executor sets it
     * ({@code OmniId.setValueCacheSize}) when it first builds these settings' steps. The caches
     * are the JVM's, so in local mode this also sizes the driver's, and a resolver of the same
     * JVM that serves requests shares them. Results never depend on it.
     *
     * @param maximumEach at least 1
     * @return this builder
     * @throws IllegalArgumentException if it is less than 1
     */
    public Builder valueCacheSize(long maximumEach) {
      if (maximumEach < 1) {
        throw new IllegalArgumentException("valueCacheSize must be at least 1");
      }
      this.valueCacheSize = maximumEach;
      return this;
    }

    /**
     * How many records the customer base holds: the {@code OmniId} default model's prior follows
     * it ({@code OmniId.Builder.expectedTouchpoints}, the CLI's {@code --expected-records}), so that
     * strangers who share a given name and a birth date are not joined more often in a larger
     * file. Unset, the default model's own prior (its size, 10,000 touchpoints). Applies to the
     * {@code OmniId} defaults ({@link #omniIdDefaults} or {@link #mapping}) and to the start model
     * of {@link #estimateWeights}; a custom configuration keeps its own model, and
     * {@link #build()} refuses the two together.
     *
     * @param touchpoints the expected number of records, at least 1
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code expectedTouchpoints}) if it is
     *     below 1
     */
    public Builder expectedTouchpoints(long touchpoints) {
      OmniId.priorFor(touchpoints);
      this.expectedTouchpoints = touchpoints;
      return this;
    }

    /**
     * Builds the settings.
     *
     * @return immutable settings
     * @throws IllegalStateException if weights are to be estimated, or a size expected, for a
     *     custom configuration
     */
    public ResolveSettings build() {
      if (estimateSample > 0 && defaults == null) {
        throw new IllegalStateException("estimateWeights starts from the OmniId default model"
            + " (omniIdDefaults or mapping); a custom configuration's model is its own: estimate"
            + " it with ModelEstimator and set it in the configuration");
      }
      if (expectedTouchpoints > 0 && defaults == null) {
        throw new IllegalStateException("expectedTouchpoints sets the OmniId default model's"
            + " prior (omniIdDefaults or mapping); a custom configuration's model is its own: set"
            + " OmniId.Builder.expectedTouchpoints in the configuration");
      }
      if (expectedTouchpoints > 0) {
        // Applied here, not kept: the builder stays as set, whatever is called after build().
        Defaults sized = defaults.withExpectedTouchpoints(expectedTouchpoints);
        return new ResolveSettings(this, sized, sized.configuration());
      }
      return new ResolveSettings(this, defaults, configuration);
    }
  }
}
