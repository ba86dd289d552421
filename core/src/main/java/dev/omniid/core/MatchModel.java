package dev.omniid.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A Fellegi–Sunter scoring model: fields compared level by level, each level's m/u probabilities
 * turned into a match weight, the weights summed with the prior, and a threshold that decides.
 * Weights can be set by hand or estimated from unlabeled data with {@link ModelEstimator}.
 *
 * <p>Multi-valued fields (a touchpoint with two phones) agree at their best level over all pairs
 * of values. A value the field's normalizer refuses is treated as absent. Immutable and
 * thread-safe.
 */
public final class MatchModel {
  private final List<MatchField> fields;
  private final double priorMatchProbability;
  private final double threshold;
  private final double priorWeight;
  /**
   * The order in which {@link #weightIfReaching} compares a pair's fields: the field whose level
   * can move the weight most first (an e-mail, a phone, a birth date before a given name), so
   * that a pair that cannot reach the threshold is given up before the costly name comparisons.
   * In field order every candidate pair compared all three name fields before the first was
   * given up. The order only decides how soon; the weight is summed in field order.
   */
  private final int[] pruningOrder;
  /** Each field's matcher, by field. */
  private final FieldMatcher[] matchers;
  /** The fields whose matcher is a {@link PreparedMatcher}, in {@link #pruningOrder}. */
  private final int[] preparedFields;
  /** {@link Prepared#starts} of a touchpoint without any value: shared, never written. */
  private final char[] noStarts;
  /** The most the fields from position {@code k} of {@link #pruningOrder} on can still add. */
  private final double[] maxFrom;
  /**
   * {@link Prepared#starts} arrays by content: a million touchpoints have a few hundred shapes
   * (which fields hold how many values), so they share them instead of 40 bytes each. Read-only
   * once made; at most {@link #MAX_SHAPES}, later shapes are kept unshared.
   */
  private final ArrayShapes<char[]> shapes = new ArrayShapes<>(String::new, MAX_SHAPES);
  private static final int MAX_SHAPES = 4096;
  /**
   * Recently prepared values, one per slot by hash: a value equal to one held is replaced by it,
   * so that the many touchpoints with one given name, postal code or birth date keep one string
   * (at a million records, some 50 MB of equal strings). Lossy and racy on purpose: a slot read
   * stale or overwritten only misses a sharing; strings are immutable, so any one seen is whole.
   * Made on first use.
   */
  private String[] recent;
  /**
   * The hash of each slot's value of {@link #recent}: a value whose hash differs is not compared,
   * so a miss reads no string. Comparing the held string first cost two cache misses per value
   * (the string and its bytes), most of them for nothing on a large graph: a returning customer's
   * values were prepared long ago and left the table (about a tenth of a fuzzy resolve at 1 M,
   * JFR). Written before the value, read racily like it: a stale hash only costs a comparison or
   * a sharing.
   */
  private int[] recentHashes;
  private static final int RECENT_SLOTS = 1 << 15;

  private MatchModel(Builder b) {
    this.fields = List.copyOf(b.fields);
    this.priorMatchProbability = b.prior;
    this.threshold = b.threshold;
    this.priorWeight = MatchField.log2(b.prior / (1 - b.prior));
    this.pruningOrder = java.util.stream.IntStream.range(0, fields.size()).boxed()
        .sorted(java.util.Comparator.<Integer>comparingDouble(f -> -fields.get(f).swing())
            .thenComparingInt(f -> f))
        .mapToInt(Integer::intValue).toArray();
    this.matchers = fields.stream().map(MatchField::matcher).toArray(FieldMatcher[]::new);
    this.preparedFields = java.util.Arrays.stream(pruningOrder)
        .filter(f -> matchers[f] instanceof PreparedMatcher<?>).toArray();
    this.noStarts = new char[fields.size() + 1];
    this.maxFrom = new double[fields.size() + 1];
    for (int k = fields.size() - 1; k >= 0; k--) {
      maxFrom[k] = maxFrom[k + 1] + fields.get(pruningOrder[k]).maxWeight();
    }
  }

  /**
   * Starts a model.
   *
   * @return a builder with no field, prior 0.01 and threshold {@code log2(9)} (probability 0.9)
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * A builder holding this model's settings.
   *
   * @return a new builder with this model's fields, prior and threshold; changing it leaves this
   *     model unchanged
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.fields.addAll(fields);
    b.prior = priorMatchProbability;
    b.threshold = threshold;
    return b;
  }

  /**
   * The fields, in explanation order.
   *
   * @return an immutable, non-empty list, in the order they were added
   */
  public List<MatchField> fields() {
    return fields;
  }

  /**
   * The prior probability that a compared (blocked) pair is a match, λ.
   *
   * @return λ, in {@code (0, 1)}
   */
  public double priorMatchProbability() {
    return priorMatchProbability;
  }

  /**
   * The match probability at or above which a pair links: the user-facing unit of the threshold.
   *
   * @return the threshold as a probability in (0, 1)
   */
  public double matchThreshold() {
    return MatchOdds.probability(threshold);
  }

  /**
   * The total match weight at or above which a pair links: {@link #matchThreshold()} as
   * {@code log2} of the odds, the unit the fields' weights add up in.
   *
   * @return the threshold as a weight
   */
  public double thresholdWeight() {
    return threshold;
  }

  /**
   * Scores two touchpoints, with the waterfall.
   *
   * @param a one touchpoint, not null
   * @param b the other, not null; the score is the same in either order
   * @return the total weight, the per-field levels and weights, and the threshold it is judged
   *     against
   */
  public MatchScore score(Touchpoint a, Touchpoint b) {
    return score(prepare(a), prepare(b));
  }

  /** The values of a touchpoint with none: shared, never written. */
  static final Object[] NO_VALUES = new Object[0];

  /** Normalizes a touchpoint's field values once, for many comparisons. */
  Prepared prepare(Touchpoint touchpoint) {
    return prepare(touchpoint, null);
  }

  /**
   * Normalizes a touchpoint's field values once, for many comparisons. A value a field's
   * normalizer refuses is absent for scoring. When {@code problems} is not null, each refused
   * attribute value is added to it as a {@link Problem} on {@code attributes[key]}, once per
   * attribute, with the normalizer's reason and detail (never the value): the resolver reports
   * refused identifiers itself, but an attribute only a match field reads (a birth date of
   * {@code 31/02/1990}) would otherwise be dropped without a word.
   */
  Prepared prepare(Touchpoint touchpoint, List<Problem> problems) {
    char[] starts = new char[fields.size() + 1];
    List<String> values = null;
    List<AttributeKey> reported = null;
    for (int f = 0; f < fields.size(); f++) {
      MatchField field = fields.get(f);
      int start = values == null ? 0 : values.size();
      // The built-in sources' values are read in place: the small lists they return were a
      // sixteenth of a fuzzy resolve's allocation (JFR), and before them their iterators a tenth.
      // The same values in the same order as FieldSource.values gives.
      FieldSource source = field.source();
      FieldSource.OfIdentifier ofType = source instanceof FieldSource.OfIdentifier t ? t : null;
      List<Identifier> identifiers = ofType == null ? null : touchpoint.identifiers();
      List<String> listed = null;
      String single = null;
      int candidates;
      if (source instanceof FieldSource.OfAttribute attribute) {
        single = attribute.valueOf(touchpoint);
        candidates = single == null ? 0 : 1;
      } else if (ofType != null) {
        candidates = identifiers.size();
      } else {
        listed = source.values(touchpoint);
        candidates = listed.size();
      }
      for (int i = 0; i < candidates; i++) {
        String value = ofType != null ? ofType.valueOf(identifiers.get(i))
            : single != null ? single : listed.get(i);
        if (value == null) {
          continue;
        }
        try {
          String n = field.normalizer().normalize(value, touchpoint);
          if (n != null && !n.isEmpty() && !field.ignores(n)
              && (values == null || values.subList(start, values.size()).indexOf(n) < 0)) {
            if (values == null) {
              values = new ArrayList<>(fields.size());
            }
            values.add(n);
          }
        } catch (RuntimeException e) {
          if (problems == null) {
            continue;
          }
          AttributeKey key = attributeHolding(field.source(), touchpoint, value);
          if (key == null) {
            continue; // an identifier: MergeGraph.insert reports it, with its position
          }
          if (reported == null) {
            reported = new ArrayList<>(1);
          }
          if (!reported.contains(key)) {
            reported.add(key);
            problems.add(refused(touchpoint, key, e));
          }
        }
      }
      starts[f + 1] = (char) (values == null ? 0 : values.size());
    }
    if (values == null) {
      return new Prepared(NO_VALUES, noStarts, 0);
    }
    starts = shapes.share(starts);
    int count = values.size();
    // The prepared forms of the values whose field's matcher reads values once (PreparedMatcher)
    // follow the values in the same array: one array per touchpoint, not two.
    boolean withFeatures = false;
    for (int f : preparedFields) {
      withFeatures |= starts[f] < starts[f + 1];
    }
    Object[] slots = new Object[withFeatures ? 2 * count : count];
    String[] table = recent;
    int[] hashes = recentHashes;
    if (table == null || hashes == null) {
      hashes = new int[RECENT_SLOTS];
      table = new String[RECENT_SLOTS];
      recentHashes = hashes;
      recent = table;
    }
    for (int v = 0; v < count; v++) {
      String value = values.get(v);
      int hash = value.hashCode();
      int slot = hash & (RECENT_SLOTS - 1);
      String held = hashes[slot] == hash ? table[slot] : null;
      if (value.equals(held)) {
        value = held;
      } else {
        hashes[slot] = hash;
        table[slot] = value;
      }
      slots[v] = value;
    }
    if (withFeatures) {
      for (int f : preparedFields) {
        PreparedMatcher<?> matcher = (PreparedMatcher<?>) matchers[f];
        for (int v = starts[f]; v < starts[f + 1]; v++) {
          slots[count + v] = matcher.prepare((String) slots[v]);
        }
      }
    }
    return new Prepared(slots, starts, withFeatures ? count : 0);
  }

  /** The attribute of {@code source} whose stripped value is {@code value}; null for identifiers. */
  private static AttributeKey attributeHolding(FieldSource source, Touchpoint touchpoint,
      String value) {
    List<AttributeKey> keys = source instanceof FieldSource.OfAttribute a ? List.of(a.key())
        : source instanceof FieldSource.OfAttributes a ? a.keys() : List.of();
    for (AttributeKey key : keys) {
      String raw = touchpoint.attributes().get(key);
      if (raw != null && raw.strip().equals(value)) {
        return key;
      }
    }
    return null;
  }

  /**
   * The problem of a refused attribute: the normalizer's reason and detail when it threw an
   * {@link OmniIdException}, whose detail never holds the value; otherwise only the exception's
   * type, since another exception's message may quote the value.
   */
  private static Problem refused(Touchpoint touchpoint, AttributeKey key, RuntimeException e) {
    String field = "attributes[" + key.name() + "]";
    if (e instanceof OmniIdException o) {
      return new Problem(touchpoint.id(), field, o.reason(), o.detail());
    }
    return new Problem(touchpoint.id(), field, OmniIdException.Reason.INVALID_VALUE,
        "is refused by its normalizer (" + e.getClass().getSimpleName() + ")");
  }

  /** The comparison level of each field for a pair; {@code MISSING} where either side lacks it. */
  void levels(Prepared a, Prepared b, ComparisonLevel[] out, String[] agreedValue) {
    String[] agreed = new String[1];
    for (int f = 0; f < out.length; f++) {
      out[f] = level(f, a, b, agreed);
      if (agreedValue != null) {
        agreedValue[f] = agreed[0];
      }
    }
  }

  /**
   * Arrays a comparison writes as it goes, reused for the many pairs one caller compares: made
   * per pair (escape analysis keeps no array whose length is the model's) they were 1 KB of a
   * fuzzy resolve's 8.6 KB at 1 M (`CpuTimeProbe resolve-fuzzy`). One per thread of comparisons;
   * a weight never reads what an earlier pair left (every field is written before the sum).
   */
  static final class Scratch {
    final double[] byField;
    final String[] agreed = new String[1];

    private Scratch(int fields) {
      byField = new double[fields];
    }
  }

  /** A {@link Scratch} for this model's comparisons. */
  Scratch scratch() {
    return new Scratch(fields.size());
  }

  /** {@link #pruningOrder}, for tests. */
  int[] pruningOrder() {
    return pruningOrder.clone();
  }

  /**
   * The total weight of a pair if it reaches the threshold; otherwise some weight below it. It
   * compares the fields in {@link #pruningOrder} and stops as soon as the fields left cannot lift
   * the pair to the threshold, so most candidate pairs, which are not matches, cost a few field
   * comparisons. The sum of a pair compared in full runs in field order as in {@link #weight}, so
   * a pair that reaches the threshold gets the same weight, to the last bit. Writes into
   * {@code scratch}.
   */
  double weightIfReaching(Prepared a, Prepared b, Scratch scratch) {
    String[] agreed = scratch.agreed;
    double[] byField = scratch.byField;
    double bound = priorWeight;
    for (int k = 0; k < pruningOrder.length; k++) {
      // A hair of margin: the bound is summed in another order than the weight itself.
      if (bound + maxFrom[k] < threshold - 1e-9) {
        return Double.NEGATIVE_INFINITY;
      }
      int f = pruningOrder[k];
      ComparisonLevel level = level(f, a, b, agreed);
      byField[f] = fields.get(f).weight(level, agreed[0]);
      bound += byField[f];
    }
    double total = priorWeight;
    for (double w : byField) {
      total += w;
    }
    return total;
  }

  /**
   * Reads, for every one of {@code candidates}, what comparing with it reads first: the prepared
   * values and their array, then its first value of the first field in {@link #pruningOrder} when
   * it has one, its characters included, and what each {@link PreparedMatcher} reads first of its
   * prepared values ({@link PreparedMatcher#readAhead}). On a large graph each is a chain of
   * cache misses; read here one short loop per link, the candidates' misses overlap, where each
   * comparison, long as it is, would wait for its own in turn. The candidates are {@link Prepared}
   * values held uncast: the cast reads each one's header, the first of its misses, here with the
   * others'. Returns a number the reads decide, for the caller to keep, so that they are not left
   * out as unused.
   */
  @SuppressWarnings("unchecked")
  int readAhead(Object[] candidates) {
    int sum = 0;
    for (Object candidate : candidates) {
      sum += ((Prepared) candidate).slots.length;
    }
    int first = pruningOrder[0];
    for (Object candidate : candidates) {
      Prepared p = (Prepared) candidate;
      int at = p.starts[first];
      if (at < p.starts[first + 1]) {
        sum += p.value(at).length();
      }
    }
    for (int f : preparedFields) {
      PreparedMatcher<Object> matcher = (PreparedMatcher<Object>) matchers[f];
      for (Object candidate : candidates) {
        Prepared p = (Prepared) candidate;
        if (p.featuresAt != 0) {
          for (int v = p.starts[f]; v < p.starts[f + 1]; v++) {
            Object feature = p.slots[p.featuresAt + v];
            // One bit of it: the sum stays a non-negative count whatever the matcher returns.
            sum += feature == null ? 0 : matcher.readAhead(feature) & 1;
          }
        }
      }
    }
    return sum;
  }

  /**
   * Whether some field of {@code fields} (indices of fields over an identifier that names one
   * person) agrees at least {@link ComparisonLevel#STRONG} for the pair: a mistyped
   * social-security number still names the person, whatever the names say.
   */
  boolean agreesOnAny(int[] fields, Prepared a, Prepared b) {
    String[] agreed = new String[1];
    for (int f : fields) {
      ComparisonLevel level = level(f, a, b, agreed);
      if (level == ComparisonLevel.EXACT || level == ComparisonLevel.STRONG) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether some field agrees at a level that identifies the person (see
   * {@link MatchField.Builder#identifiesFrom}). Asked only of the few pairs that reach the
   * threshold. Writes into {@code scratch}.
   */
  boolean identifies(Prepared a, Prepared b, Scratch scratch) {
    String[] agreed = scratch.agreed;
    for (int f = 0; f < fields.size(); f++) {
      MatchField field = fields.get(f);
      ComparisonLevel level = level(f, a, b, agreed);
      if (level != ComparisonLevel.MISSING && field.identifies(level, field.weight(level, agreed[0]))) {
        return true;
      }
    }
    return false;
  }

  /** The level of field {@code f} for two value lists, and the exact value agreed on, if any. */
  private ComparisonLevel level(int f, Prepared a, Prepared b, String[] agreed) {
    int xFrom = a.starts[f];
    int xTo = a.starts[f + 1];
    int yFrom = b.starts[f];
    int yTo = b.starts[f + 1];
    agreed[0] = null;
    if (xFrom == xTo || yFrom == yTo) {
      return ComparisonLevel.MISSING;
    }
    FieldMatcher matcher = matchers[f];
    Object[] x = a.slots;
    Object[] y = b.slots;
    if (matcher instanceof PreparedMatcher<?> prepared) {
      return preparedLevel(prepared, x, xFrom, xTo, a.featuresAt, y, yFrom, yTo, b.featuresAt,
          agreed);
    }
    ComparisonLevel best = ComparisonLevel.DIFFERENT;
    // The left argument is the value that repeats, and a matcher may keep per-thread work for it:
    // NameMatcher keeps the split and expanded form of the last left-hand name its thread saw. So
    // callers pass as x the touchpoint compared with many, and one vx stays while vy runs.
    // ScoredLinks.add passes the new touchpoint first, against hundreds of candidates in a row;
    // ScoredLinks.revive passes the smaller-id member first and keeps it over its inner loop;
    // ModelEstimator passes the smaller sample index first, which is its outer loop's member as
    // blocks list members in index order; why() and score(Touchpoint, Touchpoint) score one pair
    // in the order asked. Another order is only slower, never wrong: the reuse is a cache keyed by
    // the value (equals, not identity), and a FieldMatcher is symmetric, so every order gives the
    // same level and weight.
    for (int i = xFrom; i < xTo; i++) {
      String vx = (String) x[i];
      for (int j = yFrom; j < yTo; j++) {
        ComparisonLevel level = matcher.compare(vx, (String) y[j]);
        // Ties between value pairs go to the smaller value, so the result is symmetric.
        if (level.ordinal() < best.ordinal()
            || (level == best && level == ComparisonLevel.EXACT && vx.compareTo(agreed[0]) < 0)) {
          best = level;
          agreed[0] = level == ComparisonLevel.EXACT ? vx : null;
        }
      }
    }
    return best;
  }

  /** {@link #level} on prepared forms: the same loop and tie-break, no value read again. */
  @SuppressWarnings("unchecked")
  private static <F> ComparisonLevel preparedLevel(PreparedMatcher<F> matcher, Object[] x,
      int xFrom, int xTo, int fx, Object[] y, int yFrom, int yTo, int fy, String[] agreed) {
    ComparisonLevel best = ComparisonLevel.DIFFERENT;
    for (int i = xFrom; i < xTo; i++) {
      for (int j = yFrom; j < yTo; j++) {
        ComparisonLevel level = matcher.comparePrepared((F) x[fx + i], (F) y[fy + j]);
        if (level.ordinal() < best.ordinal() || (level == best && level == ComparisonLevel.EXACT
            && ((String) x[i]).compareTo(agreed[0]) < 0)) {
          best = level;
          agreed[0] = level == ComparisonLevel.EXACT ? (String) x[i] : null;
        }
      }
    }
    return best;
  }


  /** The total weight of a pair (prior included), without building an explanation. */
  double weight(Prepared a, Prepared b) {
    ComparisonLevel[] levels = new ComparisonLevel[fields.size()];
    String[] agreed = new String[fields.size()];
    levels(a, b, levels, agreed);
    double total = priorWeight;
    for (int f = 0; f < levels.length; f++) {
      total += fields.get(f).weight(levels[f], agreed[f]);
    }
    return total;
  }

  MatchScore score(Prepared a, Prepared b) {
    ComparisonLevel[] levels = new ComparisonLevel[fields.size()];
    String[] agreed = new String[fields.size()];
    levels(a, b, levels, agreed);
    List<MatchScore.FieldScore> parts = new ArrayList<>(levels.length);
    double total = priorWeight;
    boolean identified = false;
    for (int f = 0; f < levels.length; f++) {
      double w = fields.get(f).weight(levels[f], agreed[f]);
      total += w;
      identified |= levels[f] != ComparisonLevel.MISSING && fields.get(f).identifies(levels[f], w);
      parts.add(new MatchScore.FieldScore(fields.get(f).name(), levels[f], w));
    }
    return new MatchScore(parts, priorWeight, total, threshold, identified);
  }

  /** Everything about the model that can change an edge, for {@link ConfigurationFingerprint}. */
  void describeTo(ConfigurationFingerprint.Text out) {
    out.add("model").add(priorMatchProbability).add(threshold).add(fields.size());
    for (MatchField field : fields) {
      field.describeTo(out);
    }
  }

  @Override
  public String toString() {
    return "MatchModel[prior=" + priorMatchProbability + ", threshold="
        + MatchOdds.probabilityText(matchThreshold()) + " (" + MatchOdds.weightText(threshold)
        + "), fields=" + fields + "]";
  }

  /**
   * A touchpoint's normalized field values in one array, field after field, followed (when a
   * {@link PreparedMatcher} reads some of them) by the prepared forms of all, at the value's
   * position plus {@link #featuresAt} (null where the field's matcher prepares nothing). One array
   * rather than one per field: scoring a candidate reads a few adjacent objects instead of two
   * dozen scattered ones (a fuzzy resolve at a million touchpoints waited on memory more than it
   * compared), and a graph holds one array per touchpoint: the objects it holds are what a
   * garbage collector marks and copies (a class histogram of the CLI at 4.45 M touchpoints counted
   * about 24 per touchpoint). Not final: a touchpoint node's {@link TouchpointNode.Extras} is its
   * prepared values, one object rather than two.
   */
  static class Prepared {
    /** The values (strings), then the prepared forms when {@link #featuresAt} is not 0. */
    final Object[] slots;
    /** Where each field's values start in {@link #slots}, and the number of values last. */
    final char[] starts;
    /** Where the prepared forms start: the number of values; 0 when there are none. */
    final int featuresAt;

    Prepared(Object[] slots, char[] starts, int featuresAt) {
      this.slots = slots;
      this.starts = starts;
      this.featuresAt = featuresAt;
    }

    /** Its {@code v}-th value. */
    String value(int v) {
      return (String) slots[v];
    }
  }


  /** Configures a {@link MatchModel}. Not thread-safe. */
  public static final class Builder {
    private final List<MatchField> fields = new ArrayList<>();
    private double prior = 0.01;
    private double threshold = MatchField.log2(0.9 / 0.1);

    private Builder() {}

    /**
     * Adds a field; names must be unique.
     *
     * @param field the field, not null
     * @return this builder
     * @throws IllegalStateException if the model already has a field of that name (use
     *     {@link #replaceField(MatchField)})
     */
    public Builder field(MatchField field) {
      Objects.requireNonNull(field, "field");
      for (MatchField f : fields) {
        if (f.name().equals(field.name())) {
          throw new IllegalStateException("field " + field.name() + " is already in the model");
        }
      }
      fields.add(field);
      return this;
    }

    /**
     * Replaces the field of the same name, keeping its place in the order.
     *
     * @param field the new field, not null
     * @return this builder
     * @throws IllegalStateException if the model has no field of that name
     */
    public Builder replaceField(MatchField field) {
      Objects.requireNonNull(field, "field");
      for (int i = 0; i < fields.size(); i++) {
        if (fields.get(i).name().equals(field.name())) {
          fields.set(i, field);
          return this;
        }
      }
      throw new IllegalStateException("no field " + field.name() + " in the model");
    }

    /**
     * The prior probability λ that a blocked pair is a match, in (0, 1); 0.01 unless set.
     *
     * @param probability λ, strictly between 0 and 1 (else
     *     {@link OmniIdException.Reason#INVALID_VALUE})
     * @return this builder
     */
    public Builder priorMatchProbability(double probability) {
      if (!(probability > 0 && probability < 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "priorMatchProbability",
            "must be in (0, 1)");
      }
      this.prior = probability;
      return this;
    }

    /**
     * The match probability at or above which a pair links; 0.9 unless set. The probability is
     * the threshold's user-facing unit; {@link #thresholdWeight} sets the same threshold as a
     * weight.
     *
     * @param probability the threshold, in (0, 1), e.g. {@code 0.99}
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code matchThreshold}) if it is not in
     *     (0, 1)
     */
    public Builder matchThreshold(double probability) {
      if (!(probability > 0 && probability < 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "matchThreshold",
            "must be a probability in (0, 1)");
      }
      this.threshold = MatchField.log2(probability / (1 - probability));
      return this;
    }

    /**
     * The threshold as a total match weight ({@code log2} of the odds) rather than a
     * probability: {@code thresholdWeight(6.63)} is {@code matchThreshold(0.99)}. For weights
     * computed elsewhere; prefer {@link #matchThreshold}.
     *
     * @param weight the threshold weight, finite
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code thresholdWeight}) if it is not
     *     finite
     */
    public Builder thresholdWeight(double weight) {
      if (!Double.isFinite(weight)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "thresholdWeight",
            "must be finite");
      }
      this.threshold = weight;
      return this;
    }

    /**
     * Builds the model; it needs at least one field.
     *
     * @return an immutable, thread-safe model
     * @throws IllegalStateException if no field was added
     */
    public MatchModel build() {
      if (fields.isEmpty()) {
        throw new IllegalStateException("a match model needs at least one field");
      }
      return new MatchModel(this);
    }
  }
}
