package dev.omniid.spark;

import dev.omniid.connect.Mapping;
import dev.omniid.core.OmniIdException;
import dev.omniid.matching.OmniId;
import java.io.Serializable;
import java.util.Objects;
import java.util.UUID;

/**
 * How {@link OmniIdSpark#resolve} resolves: the resolver configuration (the {@code OmniId}
 * defaults unless set), the largest connected component it will partition, and whether each
 * record's evidence is returned. Immutable and serializable; built with {@link #newBuilder()}.
 */
public final class ResolveSettings implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The default {@link Builder#maxComponentSize}. */
  public static final int DEFAULT_MAX_COMPONENT_SIZE = 200_000;

  private final ResolverConfiguration configuration;
  private final int maxComponentSize;
  private final boolean withEvidence;
  /**
   * Names this configuration on the executors, which build its steps once per JVM (the
   * normalizers' reference data and caches are costly to build per task).
   */
  final String token = UUID.randomUUID().toString();

  private ResolveSettings(Builder b) {
    this.configuration = b.configuration;
    this.maxComponentSize = b.maxComponentSize;
    this.withEvidence = b.withEvidence;
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

  /** Builds {@link ResolveSettings}; each setter checks its value at once. Not thread-safe. */
  public static final class Builder {
    private ResolverConfiguration configuration = defaultsFor("ES", Double.NaN, false);
    private int maxComponentSize = DEFAULT_MAX_COMPONENT_SIZE;
    private boolean withEvidence;

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
      // Checked here, on the driver, by building once: a bad value fails before any job runs.
      defaultsFor(region, matchThreshold, monthFirstDates).resolverBuilder();
      this.configuration = defaultsFor(region, matchThreshold, monthFirstDates);
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
      ResolverConfiguration defaults = defaultsFor(r, matchThreshold, monthFirst);
      ResolverConfiguration configured = () -> mapping.configure(defaults.resolverBuilder());
      // Checked here, on the driver, by building once: a bad value fails before any job runs.
      configured.resolverBuilder().build();
      this.configuration = configured;
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
     * Builds the settings.
     *
     * @return immutable settings
     */
    public ResolveSettings build() {
      return new ResolveSettings(this);
    }

    private static ResolverConfiguration defaultsFor(String region, double threshold,
        boolean monthFirst) {
      return () -> {
        OmniId.Builder b = OmniId.resolverBuilder().defaultRegion(region);
        if (!Double.isNaN(threshold)) {
          b.matchThreshold(threshold);
        }
        if (monthFirst) {
          b.monthFirstDates();
        }
        return b.toResolverBuilder();
      };
    }
  }
}
