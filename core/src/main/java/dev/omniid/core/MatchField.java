package dev.omniid.core;

import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One field of a {@link MatchModel}: where its values come from, how they are normalized and
 * compared, and the m and u probabilities of each {@link ComparisonLevel}.
 *
 * <p>m is the probability of a level among pairs that are the same person, u among pairs that are
 * not; the level's match weight is {@code log2(m / u)}. {@code MISSING} always weighs 0. Optional
 * term frequencies make an exact agreement on a common value ("García") weigh less than one on a
 * rare value: the u of {@code EXACT} becomes the value's frequency. Immutable and thread-safe.
 */
public final class MatchField {
  /** Comparison levels that carry a weight, in order. */
  static final ComparisonLevel[] LEVELS = {ComparisonLevel.EXACT, ComparisonLevel.STRONG,
      ComparisonLevel.MEDIUM, ComparisonLevel.WEAK, ComparisonLevel.DIFFERENT};
  private static final double FLOOR = 1e-6;

  private final String name;
  private final FieldSource source;
  private final Normalizer normalizer;
  private final FieldMatcher matcher;
  private final double[] m;
  private final double[] u;
  private final double[] weights;
  private final Map<String, Double> termFrequencies;
  private final double termFrequencyFloor;
  private final java.util.function.Predicate<String> ignored;
  /**
   * The ordinal of the weakest level at which an agreement identifies the person, or -1 when the
   * field only describes her (see {@link Builder#identifiesFrom}).
   */
  private final int identifiesUpTo;

  private MatchField(Builder b) {
    this.name = b.name;
    this.source = b.source;
    this.normalizer = b.normalizer;
    this.matcher = b.matcher;
    this.m = b.m.clone();
    this.u = b.u.clone();
    this.weights = new double[LEVELS.length];
    for (int i = 0; i < LEVELS.length; i++) {
      weights[i] = log2(clamp(m[i]) / clamp(u[i]));
    }
    this.termFrequencies = Collections.unmodifiableMap(new HashMap<>(b.termFrequencies));
    this.termFrequencyFloor = b.termFrequencyFloor;
    this.ignored = b.ignored;
    this.identifiesUpTo = b.identifiesUpTo;
  }

  /**
   * Whether an agreement at {@code level} identifies the person, rather than only describing
   * her: at or above the field's identifying level, and weighing for the match.
   */
  boolean identifies(ComparisonLevel level, double weight) {
    return level.ordinal() <= identifiesUpTo && level != ComparisonLevel.DIFFERENT
        && level != ComparisonLevel.MISSING && weight > 0;
  }

  /**
   * The weakest level at which an agreement on this field identifies the person; null when the
   * field only describes her (see {@link Builder#identifiesFrom}).
   *
   * @return {@link ComparisonLevel#EXACT}, {@code STRONG}, {@code MEDIUM} or {@code WEAK} (the
   *     default: every agreement identifies); {@code null} for a field that only describes
   */
  public ComparisonLevel identifiesFrom() {
    return identifiesUpTo < 0 ? null : LEVELS[identifiesUpTo];
  }

  /** Whether a normalized value is to be treated as absent (junk such as test@test.com). */
  boolean ignores(String normalizedValue) {
    return ignored.test(normalizedValue);
  }

  /**
   * Starts a field named {@code name} (used in explanations) reading values from {@code source}.
   *
   * @param name the field's name as explanations show it, such as {@code "email"}; not blank
   *     (else {@link OmniIdException.Reason#INVALID_VALUE})
   * @param source where the values come from, not null
   * @return a builder with the identity normalizer, the exact matcher and neutral probabilities
   *     (agreement counts for a match, disagreement against)
   */
  public static Builder newBuilder(String name, FieldSource source) {
    return new Builder(name, source);
  }

  /**
   * Returns a builder holding this field's settings, to derive a changed copy.
   *
   * @return a new builder; changing it leaves this field unchanged
   */
  public Builder toBuilder() {
    Builder b = new Builder(name, source).normalizer(normalizer).matcher(matcher);
    for (int i = 0; i < LEVELS.length; i++) {
      b.probabilities(LEVELS[i], m[i], u[i]);
    }
    b.termFrequencies.putAll(termFrequencies);
    b.termFrequencyFloor = termFrequencyFloor;
    b.ignored = ignored;
    b.identifiesUpTo = identifiesUpTo;
    return b;
  }

  /**
   * The field's name, as shown in explanations.
   *
   * @return the name given to {@link #newBuilder(String, FieldSource)}, never blank
   */
  public String name() {
    return name;
  }

  /**
   * Where the field's values come from.
   *
   * @return the source given to {@link #newBuilder(String, FieldSource)}
   */
  public FieldSource source() {
    return source;
  }

  /**
   * How its values are normalized before comparison.
   *
   * @return the normalizer; {@link Normalizer#identity()} unless one was set
   */
  public Normalizer normalizer() {
    return normalizer;
  }

  /**
   * How two normalized values are graded.
   *
   * @return the matcher; {@link FieldMatcher#exact()} unless one was set
   */
  public FieldMatcher matcher() {
    return matcher;
  }

  /**
   * The probability of {@code level} among true matches.
   *
   * @param level any level but {@link ComparisonLevel#MISSING} (refused with
   *     {@link OmniIdException.Reason#INVALID_VALUE}: it has no probabilities)
   * @return m, in {@code (0, 1]}
   */
  public double m(ComparisonLevel level) {
    return m[index(level)];
  }

  /**
   * The probability of {@code level} among non-matches.
   *
   * @param level any level but {@link ComparisonLevel#MISSING} (refused with
   *     {@link OmniIdException.Reason#INVALID_VALUE}: it has no probabilities)
   * @return u, in {@code (0, 1]}
   */
  public double u(ComparisonLevel level) {
    return u[index(level)];
  }

  /**
   * The match weight of {@code level}, {@code log2(m/u)}; 0 for {@code MISSING}.
   *
   * @param level any level, not null
   * @return the weight in bits: positive when the level is evidence for a match, negative
   *     against; m and u are clamped to {@code [1e-6, 1 - 1e-6]} first, so it is always finite
   */
  public double weight(ComparisonLevel level) {
    return level == ComparisonLevel.MISSING ? 0 : weights[index(level)];
  }

  /**
   * Whether exact agreements are weighed by the agreed value's frequency.
   *
   * @return {@code true} when {@link Builder#termFrequencies} was given a non-empty map
   */
  public boolean termFrequencyAdjusted() {
    return !termFrequencies.isEmpty();
  }

  /** The weight of an agreement at {@code level} on the normalized value {@code value}. */
  double weight(ComparisonLevel level, String value) {
    if (level == ComparisonLevel.EXACT && !termFrequencies.isEmpty()) {
      double frequency = termFrequencies.getOrDefault(value, termFrequencyFloor);
      return log2(clamp(m[0]) / clamp(frequency));
    }
    return weight(level);
  }

  /**
   * How far this field's level can move a pair's weight: from its largest weight down to its
   * smallest, or to 0 when missing. Decides only the order in which fields are compared.
   */
  double swing() {
    double min = 0;
    for (double w : weights) {
      min = Math.min(min, w);
    }
    return maxWeight() - min;
  }

  /**
   * The largest weight this field can add to a pair (0 if every level weighs against: a missing
   * field adds 0): what lets scoring stop once a pair cannot reach the threshold.
   */
  double maxWeight() {
    double max = 0;
    for (double w : weights) {
      max = Math.max(max, w);
    }
    if (!termFrequencies.isEmpty()) {
      double rarest = termFrequencyFloor;
      for (double f : termFrequencies.values()) {
        rarest = Math.min(rarest, f);
      }
      max = Math.max(max, log2(clamp(m[0]) / clamp(rarest)));
    }
    return max;
  }

  private static int index(ComparisonLevel level) {
    Objects.requireNonNull(level, "level");
    if (level == ComparisonLevel.MISSING) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "level",
          "MISSING has no probabilities: it weighs 0");
    }
    return level.ordinal();
  }

  private static double clamp(double p) {
    return Math.min(1 - FLOOR, Math.max(FLOOR, p));
  }

  static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  /**
   * Everything about the field that can change a score, for {@link ConfigurationFingerprint}:
   * exact probabilities (not the rounded ones of {@link #toString}), term frequencies, and the
   * classes of its code.
   */
  void describeTo(ConfigurationFingerprint.Text out) {
    out.add("field").add(name).add(String.valueOf(source)).code(normalizer).code(matcher)
        .code(ignored).add(identifiesUpTo);
    for (int i = 0; i < LEVELS.length; i++) {
      out.add(m[i]).add(u[i]);
    }
    out.add(termFrequencyFloor).add(termFrequencies.size());
    for (Map.Entry<String, Double> e : new java.util.TreeMap<>(termFrequencies).entrySet()) {
      out.add(e.getKey()).add(e.getValue());
    }
  }

  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("MatchField[").append(name).append(" <- ").append(source);
    for (int i = 0; i < LEVELS.length; i++) {
      s.append(String.format(java.util.Locale.ROOT, ", %s m=%.4f u=%.6f w=%+.2f", LEVELS[i], m[i], u[i], weights[i]));
    }
    return s.append(termFrequencyAdjusted() ? ", tf" : "")
        .append(identifiesUpTo < 0 ? ", describes" : identifiesUpTo < ComparisonLevel.WEAK.ordinal()
            ? ", identifies from " + LEVELS[identifiesUpTo] : "").append(']').toString();
  }

  /** Configures a {@link MatchField}. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final FieldSource source;
    private Normalizer normalizer = Normalizer.identity();
    private FieldMatcher matcher = FieldMatcher.exact();
    // Neutral starting values: agreement is evidence for, disagreement against.
    private final double[] m = {0.90, 0.04, 0.03, 0.01, 0.02};
    private final double[] u = {0.01, 0.01, 0.02, 0.06, 0.90};
    private final Map<String, Double> termFrequencies = new HashMap<>();
    private double termFrequencyFloor = 1e-4;
    private java.util.function.Predicate<String> ignored = v -> false;
    private int identifiesUpTo = ComparisonLevel.WEAK.ordinal();

    private Builder(String name, FieldSource source) {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "name", "is blank");
      }
      this.name = name;
      this.source = Objects.requireNonNull(source, "source");
    }

    /**
     * How values are normalized; {@link Normalizer#identity()} unless set.
     *
     * @param normalizer the normalizer, not null
     * @return this builder
     */
    public Builder normalizer(Normalizer normalizer) {
      this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
      return this;
    }

    /**
     * How values are compared; {@link FieldMatcher#exact()} unless set.
     *
     * @param matcher the matcher, not null
     * @return this builder
     */
    public Builder matcher(FieldMatcher matcher) {
      this.matcher = Objects.requireNonNull(matcher, "matcher");
      return this;
    }

    /**
     * Sets the m and u probabilities of a level, each in (0, 1].
     *
     * @param level any level but {@link ComparisonLevel#MISSING}, which always weighs 0 (refused
     *     with {@link OmniIdException.Reason#INVALID_VALUE})
     * @param m the probability of the level among pairs that are one person, in {@code (0, 1]}
     *     (else {@code INVALID_VALUE})
     * @param u the probability of the level among pairs that are not, in {@code (0, 1]} (else
     *     {@code INVALID_VALUE})
     * @return this builder
     */
    public Builder probabilities(ComparisonLevel level, double m, double u) {
      int i = index(level);
      if (!(m > 0 && m <= 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "m of " + level,
            "must be in (0, 1]");
      }
      if (!(u > 0 && u <= 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "u of " + level,
            "must be in (0, 1]");
      }
      this.m[i] = m;
      this.u[i] = u;
      return this;
    }

    /**
     * Weighs exact agreements by value frequency: {@code frequencies} maps normalized values to
     * their share of records (0..1); values not in the map count as {@code floor}.
     *
     * @param frequencies normalized value to its share of records, each in {@code (0, 1]} (else
     *     {@link OmniIdException.Reason#INVALID_VALUE}); copied; an empty map turns the adjustment
     *     off
     * @param floor the share assumed for a value not in the map, in {@code (0, 1]} (else
     *     {@code INVALID_VALUE})
     * @return this builder
     */
    public Builder termFrequencies(Map<String, Double> frequencies, double floor) {
      for (Map.Entry<String, Double> e : frequencies.entrySet()) {
        double f = Objects.requireNonNull(e.getValue(), "frequency");
        if (!(f > 0 && f <= 1)) {
          throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "frequencies",
              "must be in (0, 1]");
        }
      }
      if (!(floor > 0 && floor <= 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "floor",
            "must be in (0, 1]");
      }
      termFrequencies.clear();
      termFrequencies.putAll(frequencies);
      termFrequencyFloor = floor;
      return this;
    }

    /**
     * Treats normalized values for which {@code junk} holds as absent: a placeholder email or a
     * phone of repeated digits is no evidence that two records are one person. Pure and
     * thread-safe.
     *
     * @param junk holds for the normalized values to ignore; not null
     * @return this builder
     */
    public Builder ignoreValues(java.util.function.Predicate<String> junk) {
      this.ignored = Objects.requireNonNull(junk, "junk");
      return this;
    }

    /**
     * The weakest level at which an agreement on this field identifies the person; {@code null}
     * when the field only describes her. A pair links only when at least one field identifies:
     * names, a city and a birth date off by a keying error describe a person that a large file
     * holds several namesakes of, while a shared email, phone or address, or an exact birth date,
     * points at one. {@link ComparisonLevel#WEAK} unless set (every agreement identifies), so a
     * model whose fields all keep the default has no such rule.
     *
     * @param level {@code EXACT}, {@code STRONG}, {@code MEDIUM}, {@code WEAK}, or {@code null} for
     *     a field that only describes; {@code DIFFERENT} and {@code MISSING} are refused with
     *     {@link OmniIdException.Reason#INVALID_VALUE}
     * @return this builder
     */
    public Builder identifiesFrom(ComparisonLevel level) {
      if (level == ComparisonLevel.DIFFERENT || level == ComparisonLevel.MISSING) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "identifiesFrom",
            "must be EXACT, STRONG, MEDIUM, WEAK or null (describes only)");
      }
      this.identifiesUpTo = level == null ? -1 : level.ordinal();
      return this;
    }

    /**
     * Builds the field.
     *
     * @return an immutable, thread-safe field; the builder may be changed and built again
     */
    public MatchField build() {
      return new MatchField(this);
    }

    @Override
    public String toString() {
      return "MatchField.Builder[" + name + ", m=" + Arrays.toString(m) + ", u=" + Arrays.toString(u) + "]";
    }
  }
}
