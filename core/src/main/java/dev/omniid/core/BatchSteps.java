package dev.omniid.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * {@link IdentityResolver#resolveAll} taken apart into steps that an engine running on many
 * machines (the {@code omniid-spark} module) can apply to parts of the data and combine, with
 * the same partition as the resolver. The engine does the counting and the joining; every rule
 * stays here:
 *
 * <ol>
 *   <li>{@link #facts}: for each touchpoint, its values that may link (normalized, derived, junk
 *       left out), what it counts toward each value's limit, and its blocking keys;
 *   <li>the engine counts, for each value, the distinct items of its carriers in each group of
 *       {@link LinkingValue#counted()}: the value is <em>over its limit</em> (it links nothing)
 *       when some group holds more than {@link LinkingValue#limit()} distinct items; and it
 *       counts each block's touchpoints: a block of more than {@link #maxBlockSizeOf} its key
 *       compares nothing;
 *   <li>{@link #score}: the pairs of a block that the match model links, each pair scored once
 *       (in one block it shares, whichever the engine chooses);
 *   <li>the engine finds the connected components through the values that link (not over their
 *       limit, carried by two touchpoints or more) and the scored matches;
 *   <li>{@link #partition}: one component's profiles, by the resolver's own clustering.
 * </ol>
 *
 * <p>Keys of values are {@code type + "\t" + normalized value} ({@link #valueKey}); the engine
 * treats them as opaque strings. Touchpoints that {@link #facts} refuses are left out of every
 * later step, as {@code resolveAll} rejects them. Never-link rules do not arise in a batch.
 *
 * <p>Immutable and thread-safe: each call works on its own scratch state. Built from a
 * {@link ResolverBuilder} whose resolution settings it copies (listeners and the journal are
 * ignored).
 */
public final class BatchSteps {
  private final ResolverBuilder config;
  /** Each blocking key's most touchpoints per block, by position ({@link #maxBlockSizeOf}). */
  private final int[] blockLimits;
  /** Scores pairs; null without a match model. */
  private final ScoredLinks scoring;

  private BatchSteps(ResolverBuilder config) {
    this.config = config;
    this.blockLimits = config.blockLimits();
    this.scoring = config.matchModel == null ? null
        : new ScoredLinks(config.matchModel, config.blockingKeys, blockLimits,
            new MergeGraph(config)::namesOnePerson);
  }

  /**
   * The steps of resolvers that {@code builder} builds, as configured now.
   *
   * @param builder the configuration, not null; later changes to it do not reach the steps
   * @return the steps
   * @throws IllegalStateException if a match model is set without a blocking key, or the
   *     reverse, as {@link ResolverBuilder#build()} says
   */
  public static BatchSteps of(ResolverBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    if ((builder.matchModel == null) != builder.blockingKeys.isEmpty()) {
      throw new IllegalStateException(builder.matchModel == null
          ? "blockingKey needs a matchModel to score the pairs it finds"
          : "matchModel needs at least one blockingKey: pairs are only scored within blocks");
    }
    return new BatchSteps(builder.copyOfResolution());
  }

  /**
   * The key of a normalized value, as {@link LinkingValue#key()} gives it.
   *
   * @param type the identifier type, not null
   * @param normalizedValue the value as the type's normalizer gives it, not null
   * @return {@code type.name() + "\t" + normalizedValue}
   */
  public static String valueKey(IdentifierType type, String normalizedValue) {
    return type.name() + "\t" + normalizedValue;
  }

  /**
   * A value of a touchpoint that may link: not junk, of a type that links alone.
   *
   * @param key the value's key ({@link #valueKey})
   * @param limit how many people its carriers may hold before it links nothing; 0 for no limit
   * @param counted what this touchpoint counts toward the limit, as {@code (group, item)}: the
   *     value is over its limit when, in some group, its carriers hold more than {@code limit}
   *     distinct items; empty when it has no limit
   */
  public record LinkingValue(String key, int limit, List<Counted> counted) {
    /**
     * Checks and copies.
     *
     * @param key the value's key
     * @param limit its limit, 0 for none
     * @param counted what this touchpoint counts toward the limit, copied
     * @throws NullPointerException if {@code key} or {@code counted} is null
     */
    public LinkingValue {
      Objects.requireNonNull(key, "key");
      counted = List.copyOf(counted);
    }
  }

  /**
   * One item a carrier counts toward a value's limit.
   *
   * @param group what is counted (a stronger identifier type, the person named, the strongest
   *     stronger value)
   * @param item the item counted in that group
   */
  public record Counted(String group, String item) {
    /**
     * Checks.
     *
     * @param group what is counted
     * @param item the item counted
     * @throws NullPointerException if an argument is null
     */
    public Counted {
      Objects.requireNonNull(group, "group");
      Objects.requireNonNull(item, "item");
    }
  }

  /**
   * What one touchpoint brings to a batch.
   *
   * @param touchpointId the touchpoint's id
   * @param values its values that may link, in the touchpoint's order (given, then derived)
   * @param blockingKeys its blocking keys, qualified by the blocking key that gave each
   *     ({@code "k:key"}, k its position among the resolver's blocking keys, which
   *     {@link #maxBlockSizeOf} reads); empty without a match model
   */
  public record Facts(String touchpointId, List<LinkingValue> values, List<String> blockingKeys) {
    /**
     * Checks and copies.
     *
     * @param touchpointId the touchpoint's id
     * @param values its linking values, copied
     * @param blockingKeys its qualified blocking keys, copied
     * @throws NullPointerException if an argument is null
     */
    public Facts {
      Objects.requireNonNull(touchpointId, "touchpointId");
      values = List.copyOf(values);
      blockingKeys = List.copyOf(blockingKeys);
    }
  }

  /**
   * A pair the match model links: an edge of the scored side.
   *
   * @param first the smaller touchpoint id
   * @param second the larger touchpoint id
   * @param weight the pair's match weight, at or above the model's threshold weight
   * @param vouchesForOnePerson whether the pair agrees on an identifier that names one person
   *     (then it links whatever the person attributes say)
   */
  public record ScoredMatch(String first, String second, double weight,
      boolean vouchesForOnePerson) {
    /**
     * Checks.
     *
     * @param first the smaller touchpoint id
     * @param second the larger touchpoint id
     * @param weight the pair's match weight
     * @param vouchesForOnePerson whether the pair agrees on an identifier that names one person
     * @throws NullPointerException if an id is null
     * @throws IllegalArgumentException if {@code first} is not smaller than {@code second}
     */
    public ScoredMatch {
      Objects.requireNonNull(first, "first");
      Objects.requireNonNull(second, "second");
      if (first.compareTo(second) >= 0) {
        throw new IllegalArgumentException("first must be the smaller touchpoint id");
      }
    }
  }

  /**
   * The partition of one component.
   *
   * @param groups the profiles, each its touchpoint ids in id order, in the order of their
   *     smallest ids
   * @param evidence the links and refusals that decided it, when asked; otherwise empty
   */
  public record ComponentPartition(List<List<String>> groups, List<Evidence> evidence) {
    /**
     * Copies.
     *
     * @param groups the profiles' touchpoint ids, copied
     * @param evidence the links and refusals, copied
     * @throws NullPointerException if an argument is null
     */
    public ComponentPartition {
      groups = groups.stream().map(List::copyOf).toList();
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * The most touchpoints a block may hold and still compare its pairs.
   *
   * @return the resolver's {@code maxBlockSize}
   */
  public int maxBlockSize() {
    return config.maxBlockSize;
  }

  /**
   * The most touchpoints a block of this key may hold and still compare its pairs: its blocking
   * key's own maximum ({@link ResolverBuilder#blockingKey(BlockingKey, int)}), else
   * {@link #maxBlockSize()}.
   *
   * @param blockingKey a key as {@link #facts} gives it ({@link Facts#blockingKeys()}), not null
   * @return the most touchpoints its block may hold
   * @throws IllegalArgumentException if it is no key {@link #facts} gives
   */
  public int maxBlockSizeOf(String blockingKey) {
    int rule = ScoredLinks.positionOf(Objects.requireNonNull(blockingKey, "blockingKey"));
    if (rule < 0 || rule >= blockLimits.length) {
      // The key itself is left out: it is a customer's name or e-mail.
      throw new IllegalArgumentException("not a blocking key of this resolver's facts");
    }
    return blockLimits[rule];
  }

  /**
   * {@link #maxBlockSizeOf} of each blocking key, by its position: a key {@code "k:..."} of
   * {@link Facts#blockingKeys()} has the maximum at {@code k}.
   *
   * @return an immutable list, one maximum per blocking key
   */
  public List<Integer> maxBlockSizes() {
    return java.util.Arrays.stream(blockLimits).boxed().toList();
  }

  /**
   * Whether a match model scores pairs (otherwise there are no blocks and no scored matches).
   *
   * @return whether the configuration has a match model
   */
  public boolean scores() {
    return scoring != null;
  }

  /**
   * What a touchpoint brings to the batch: its normalized values as {@code resolveAll} inserts
   * them (refused values and junk left out, derived values added).
   *
   * @param touchpoint the touchpoint, not null
   * @return its facts
   * @throws OmniIdException {@code CONFLICTING_EXCLUSIVE_VALUES} when the resolver refuses the
   *     touchpoint whole (two different values of an exclusive type)
   */
  public Facts facts(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    MergeGraph graph = new MergeGraph(config);
    TouchpointNode node = graph.insert(touchpoint, new ArrayList<>());
    List<LinkingValue> values = new ArrayList<>(node.values.length);
    for (ValueNode v : node.values) {
      if (v.junk() || !v.type.policy.linksAlone()) {
        continue;
      }
      List<Counted> counted = new ArrayList<>();
      if (v.limited()) {
        v.countedBy(node, (group, item) -> counted.add(new Counted(group, item)));
      }
      values.add(new LinkingValue(valueKey(v.type.type, v.value),
          v.limited() ? v.type.policy.limit() : 0, counted));
    }
    List<String> keys = scoring == null ? List.of() : List.of(scoring.blockKeysOf(touchpoint));
    return new Facts(touchpoint.id(), values, keys);
  }

  /**
   * Scores the pairs of one block that {@code consider} accepts and returns those the match
   * model links. Each touchpoint is prepared once.
   *
   * @param members the block's touchpoints (at most {@link #maxBlockSizeOf} its key, none
   *     refused by {@link #facts}), not null
   * @param consider which pairs to score, given the smaller and the larger touchpoint id: the
   *     engine scores each pair in one of the blocks it shares
   * @return the linked pairs, in no particular order; empty without a match model
   */
  public List<ScoredMatch> score(List<Touchpoint> members, BiPredicate<String, String> consider) {
    Objects.requireNonNull(members, "members");
    Objects.requireNonNull(consider, "consider");
    if (scoring == null) {
      return List.of();
    }
    int n = members.size();
    MatchModel.Prepared[] prepared = new MatchModel.Prepared[n];
    for (int i = 0; i < n; i++) {
      prepared[i] = scoring.model.prepare(members.get(i));
    }
    List<ScoredMatch> out = new ArrayList<>();
    MatchModel.Scratch scratch = scoring.model.scratch();
    for (int i = 0; i < n; i++) {
      String a = members.get(i).id();
      for (int j = i + 1; j < n; j++) {
        String b = members.get(j).id();
        int order = a.compareTo(b);
        if (order == 0) {
          continue;
        }
        String first = order < 0 ? a : b;
        String second = order < 0 ? b : a;
        if (!consider.test(first, second)) {
          continue;
        }
        double weight = scoring.linkingWeight(prepared[i], prepared[j], scratch);
        if (!Double.isNaN(weight)) {
          out.add(new ScoredMatch(first, second, weight, scoring.vouches(prepared[i], prepared[j])));
        }
      }
    }
    return out;
  }

  /**
   * Partitions one connected component as the resolver does, by its own clustering.
   *
   * @param component the component's touchpoints (none refused by {@link #facts}), not null
   * @param overLimit the keys of its values that are over their limit, counted over all of their
   *     carriers; keys of other values are ignored
   * @param matches the scored matches between its touchpoints (others are ignored)
   * @param withEvidence whether to return the links and refusals
   * @return its profiles
   * @throws IllegalArgumentException if a touchpoint id appears twice, or a value is over its
   *     limit among these touchpoints alone but not in {@code overLimit} (the counts disagree)
   * @throws OmniIdException {@code CONFLICTING_EXCLUSIVE_VALUES} for a touchpoint {@link #facts}
   *     refuses
   */
  public ComponentPartition partition(Collection<Touchpoint> component, Set<String> overLimit,
      Collection<ScoredMatch> matches, boolean withEvidence) {
    Objects.requireNonNull(component, "component");
    Objects.requireNonNull(overLimit, "overLimit");
    Objects.requireNonNull(matches, "matches");
    MergeGraph graph = new MergeGraph(config);
    List<TouchpointNode> nodes = new ArrayList<>(component.size());
    List<Problem> ignored = new ArrayList<>();
    for (Touchpoint t : component) {
      if (graph.touchpoint(t.id()) != null) {
        throw new IllegalArgumentException("touchpoint id given twice in one component");
      }
      nodes.add(graph.insert(t, ignored));
    }
    for (TouchpointNode node : nodes) {
      for (ValueNode v : node.values) {
        boolean over = overLimit.contains(valueKey(v.type.type, v.value));
        if (v.overLimit() && !over) {
          throw new IllegalArgumentException("a value is over its limit among the component's"
              + " touchpoints but not in overLimit: the counts disagree");
        }
        if (over && v.limited()) {
          v.markOverLimit();
        }
      }
    }
    for (ScoredMatch m : matches) {
      TouchpointNode a = graph.touchpoint(m.first());
      TouchpointNode b = graph.touchpoint(m.second());
      if (a == null || b == null) {
        continue;
      }
      new Edge(a, b, m.weight(), 1, m.vouchesForOnePerson()).attach();
    }
    ComponentClusterer.Result result = ComponentClusterer.cluster(nodes, withEvidence,
        graph.personRule);
    List<List<String>> groups = new ArrayList<>(result.groups().size());
    for (List<TouchpointNode> group : result.groups()) {
      List<String> ids = new ArrayList<>(group.size());
      for (TouchpointNode node : group) {
        ids.add(node.id);
      }
      groups.add(ids);
    }
    return new ComponentPartition(groups, result.evidence());
  }
}
