package dev.omniid.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every structural invariant of a resolver's merge graph, checked from scratch (Caffeine's
 * {@code CacheValidationListener} idea): the property tests call {@link #check} after every step,
 * so a change that leaves the graph inconsistent fails at the step that broke it, not at some
 * later read. Each check recomputes what the graph keeps incrementally and compares.
 *
 * <p>Public (in the core test jar) so that the matching module's tests run it on resolvers with
 * the {@code OmniId} defaults.
 */
public final class GraphInvariants {
  private GraphInvariants() {}

  /**
   * Checks the resolver's graph; throws {@link AssertionError} naming the first broken invariant.
   */
  public static void check(IdentityResolver resolver) {
    InMemoryResolver memory = resolver instanceof JournaledResolver j ? j.inMemory()
        : (InMemoryResolver) resolver;
    memory.inspect(parts -> {
      new Checker(parts).run();
      return null;
    });
  }

  private static final class Checker {
    private final MergeGraph graph;
    private final Partition partition;
    private final ProfileIds ids;
    private final List<TouchpointNode> nodes = new ArrayList<>();
    private final Set<TouchpointNode> live = Collections.newSetFromMap(new IdentityHashMap<>());

    Checker(InMemoryResolver.Parts parts) {
      this.graph = parts.graph();
      this.partition = parts.partition();
      this.ids = parts.ids();
      graph.forEachTouchpoint(nodes::add);
      live.addAll(nodes);
    }

    void run() {
      touchpointNodes();
      valueNodes();
      clusters();
      anchors();
      edgesAndRules();
      partitionIsTheClusterersAnswer();
    }

    private void touchpointNodes() {
      require(nodes.size() == graph.touchpointCount(), "the id table's size is its node count");
      for (TouchpointNode n : nodes) {
        require(!n.removed, n + " is live but flagged removed");
        require(graph.touchpoint(n.id) == n, n + " is not found by its id");
        require(!n.pushedOverLimit, n + " still flags a change that was applied");
        require(n.values.length == n.sources.length, n + ": values and sources differ in length");
        Set<ValueNode> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ValueNode v : n.values) {
          require(distinct.add(v), n + " holds value node " + v.value + " twice");
          require(v.type.values.get(v.value) == v, n + " holds a value node not in its table");
        }
        // The values, given and derived, are the ones its touchpoint normalizes to, in order:
        // however the insertion found them (a derived value's node read off its source's).
        MergeGraph.Normalized expected = graph.normalizeAhead(n.touchpoint());
        require(expected != null && expected.refused == null, n + " no longer normalizes");
        require(expected.identifiers.size() == n.values.length, n + " holds "
            + n.values.length + " values but normalizes to " + expected.identifiers.size());
        for (int k = 0; k < n.values.length; k++) {
          Identifier e = expected.identifiers.get(k);
          require(n.values[k].type.type.equals(e.type()) && n.values[k].value.equals(e.value()),
              n + ": value " + k + " is not the one its touchpoint normalizes to");
        }
        for (int s = 0; s < n.exclusive.length; s++) {
          // Given or derived: a derived value of an exclusive type is held to the type's rule.
          // A junk value fills no slot (it links nothing, so it refuses nothing).
          String held = null;
          for (ValueNode v : n.values) {
            if (v.type.exclusiveSlot == s && !v.junk()) {
              held = v.value;
            }
          }
          require(java.util.Objects.equals(held, n.exclusive[s]),
              n + ": exclusive slot " + s + " is not its value of that type");
        }
      }
    }

    private void valueNodes() {
      Set<ValueNode> expectedGeneric = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TypeInfo type : graph.types()) {
        type.values.forEach(v -> {
          require(v.type == type, v.value + " sits in another type's table");
          require(v.carrierCount() > 0, type.type + " keeps a value node with no carrier");
          require((v instanceof DerivingValueNode) == (type.derivation != null),
              type.type + " value: a deriving node where its type derives nothing, or not");
          if (v instanceof DerivingValueNode d && d.liveDerived() != null) {
            ValueNode derived = d.liveDerived();
            require(derived.type.values.get(derived.value) == derived,
                type.type + " value remembers a derived node not in its table");
            require(derived.value.equals(derived.type.normalizer.normalize(
                type.derivation.function().apply(v.value))),
                type.type + " value remembers a node that is not its derived value");
          }
          Set<TouchpointNode> carriers = Collections.newSetFromMap(new IdentityHashMap<>());
          for (int i = 0; i < v.carrierCount(); i++) {
            TouchpointNode c = v.carrier(i);
            require(live.contains(c), "a carrier of a " + type.type + " value is not live: " + c);
            require(carriers.add(c), c + " carries a " + type.type + " value twice");
            require(indexOf(c, v) >= 0, c + " is a carrier of a value it does not hold");
          }
          boolean over = v.limited() && overLimitFromScratch(v, carriers);
          require(v.overLimit() == over, type.type + " value: over-limit flag " + v.overLimit()
              + " but its carriers say " + over);
          if (v.limited() && v.counted()) {
            countsAgree(v, carriers);
          } else if (v.limited()) {
            // Not counted: the verdict may skip the stronger types only while none can be over.
            require(v.stronger == null, type.type + " value keeps counts it does not keep current");
            require(v.carrierCount() <= type.policy.limit(), type.type
                + " value has more carriers than its limit and no counts");
            for (TouchpointNode c : carriers) {
              require(!v.holdsTwoOfAStrongerType(c), type.type + " value is not counted but "
                  + c + " holds two values of a stronger type");
            }
          }
          if (v.generic()) {
            expectedGeneric.add(v);
          }
        });
      }
      for (TouchpointNode n : nodes) {
        for (ValueNode v : n.values) {
          int seen = 0;
          for (int i = 0; i < v.carrierCount(); i++) {
            seen += v.carrier(i) == n ? 1 : 0;
          }
          require(seen == 1, n + " is " + seen + " times a carrier of a value it holds");
        }
      }
      Set<ValueNode> generic = Collections.newSetFromMap(new IdentityHashMap<>());
      generic.addAll(graph.generic());
      require(generic.equals(expectedGeneric),
          "the generic set is not the junk and over-limit values");
    }

    /**
     * The limit rule, from the carriers alone: some stronger type has too many distinct values,
     * or the carriers' strongest stronger values, or the people they name, are too many.
     */
    private boolean overLimitFromScratch(ValueNode v, Set<TouchpointNode> carriers) {
      int limit = v.type.policy.limit();
      Set<String> people = new HashSet<>();
      Set<ValueNode> strongest = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TouchpointNode c : carriers) {
        String key = c.person() == null || graph.personRule == null ? null
            : graph.personRule.countingKey(c.person());
        int hash = key == null ? 0 : key.hashCode() == 0 ? 1 : key.hashCode();
        require(c.personKey() == hash, c + " keeps a person key its traits do not give");
        if (key != null) {
          people.add(key);
        }
        ValueNode best = null;
        for (ValueNode w : c.values) {
          boolean person = !w.junk() && w.type.policy.linksAlone()
              && TypeInfo.compareStrength(w.type, v.type) < 0;
          if (person && (best == null || TypeInfo.compareStrength(w.type, best.type) < 0
              || w.type == best.type && w.value.compareTo(best.value) < 0)) {
            best = w;
          }
        }
        if (best != null) {
          strongest.add(best);
        }
      }
      if (people.size() > limit || strongest.size() > limit) {
        return true;
      }
      return strongerTypeOverLimit(v, carriers);
    }

    private static boolean strongerTypeOverLimit(ValueNode v, Set<TouchpointNode> carriers) {
      Map<TypeInfo, Set<ValueNode>> stronger = new HashMap<>();
      for (TouchpointNode c : carriers) {
        for (ValueNode w : c.values) {
          // Junk tells no person apart: it counts toward no limit (issue 12, item 4).
          if (!w.junk() && TypeInfo.compareStrength(w.type, v.type) < 0) {
            stronger.computeIfAbsent(w.type, t -> Collections.newSetFromMap(new IdentityHashMap<>()))
                .add(w);
          }
        }
      }
      for (Set<ValueNode> values : stronger.values()) {
        if (values.size() > v.type.policy.limit()) {
          return true;
        }
      }
      return false;
    }

    private static void countsAgree(ValueNode v, Set<TouchpointNode> carriers) {
      Map<ValueNode, Integer> expected = new IdentityHashMap<>();
      for (TouchpointNode c : carriers) {
        for (ValueNode w : c.values) {
          // Junk tells no person apart: it counts toward no limit (issue 12, item 4).
          if (!w.junk() && TypeInfo.compareStrength(w.type, v.type) < 0) {
            expected.merge(w, 1, Integer::sum);
          }
        }
      }
      int distinct = v.stronger == null ? 0 : v.stronger.distinct();
      require(distinct == expected.size(), v.type.type + " value counts " + distinct
          + " stronger values, its carriers hold " + expected.size());
      for (Map.Entry<ValueNode, Integer> e : expected.entrySet()) {
        require(v.stronger.count(e.getKey()) == e.getValue(), v.type.type
            + " value's count of a stronger value disagrees with its carriers");
      }
    }

    private void clusters() {
      Set<TouchpointNode> placed = Collections.newSetFromMap(new IdentityHashMap<>());
      List<Cluster> clusters = partition.clusters();
      require(clusters.size() == partition.size(), "the profile count is the live list's size");
      Set<ProfileId> profileIds = new HashSet<>();
      for (Cluster c : clusters) {
        require(c.liveIndex() >= 0, c.id + " is live without a position");
        require(!c.members().isEmpty(), c.id + " is an empty profile");
        require(profileIds.add(c.id), "two profiles have id " + c.id);
        for (TouchpointNode m : c.members()) {
          require(live.contains(m), c.id + " holds a touchpoint that is not live: " + m);
          require(m.cluster == c, m + " is a member of " + c.id + " but points elsewhere");
          require(placed.add(m), m + " is in two profiles");
        }
        String[] exclusive = new String[graph.exclusiveSlots()];
        for (TouchpointNode m : c.members()) {
          for (int s = 0; s < exclusive.length; s++) {
            if (m.exclusive[s] != null) {
              require(exclusive[s] == null || exclusive[s].equals(m.exclusive[s]),
                  c.id + " holds two values of exclusive slot " + s);
              exclusive[s] = m.exclusive[s];
            }
          }
        }
        for (int s = 0; s < exclusive.length; s++) {
          require(java.util.Objects.equals(exclusive[s], c.exclusive[s]),
              c.id + ": its exclusive values are not its members'");
        }
        Set<PersonTraits> people = new HashSet<>();
        for (TouchpointNode m : c.members()) {
          if (m.person() != null) {
            people.add(m.person());
          }
        }
        require(people.equals(new HashSet<>(java.util.Arrays.asList(c.people)))
            && people.size() == c.people.length, c.id + ": its people are not its members' traits");
        if (c.clean()) {
          Set<TouchpointNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
          seen.add(c.member(0));
          List<TouchpointNode> component = MergeGraph.component(c.member(0), seen::add);
          require(component.size() == c.size(),
              c.id + " is marked clean but is not its whole component");
        }
      }
      require(placed.size() == nodes.size(), "some live touchpoint is in no profile");
    }

    private void anchors() {
      Map<ProfileId, TouchpointNode> anchored = new HashMap<>();
      for (TouchpointNode n : nodes) {
        for (IdRecord r = n.anchored; r != null; r = r.nextAnchored) {
          require(r.anchor == n, r.id + " is chained on " + n + " but anchored on " + r.anchor);
          require(anchored.put(r.id, n) == null, r.id + " is anchored twice");
        }
      }
      require(anchored.size() == ids.size(), "ids in the table " + ids.size()
          + " but anchored on touchpoints " + anchored.size());
      ids.forEach((id, anchor) -> require(anchored.get(id) == anchor,
          id + " resolves to a touchpoint that does not chain it"));
      for (Cluster c : partition.clusters()) {
        ProfileId oldest = null;
        for (TouchpointNode m : c.members()) {
          for (IdRecord r = m.anchored; r != null; r = r.nextAnchored) {
            oldest = oldest == null || r.id.compareTo(oldest) < 0 ? r.id : oldest;
          }
        }
        require(c.id.equals(oldest), c.id + " is not the oldest id anchored on its members ("
            + oldest + ")");
        require(partition.clusterOf(c.id) == c, c.id + " does not resolve to its profile");
      }
    }

    private void edgesAndRules() {
      for (TouchpointNode n : nodes) {
        if (n.edgeList() != null) {
          for (Edge e : n.edgeList()) {
            TouchpointNode other = e.other(n);
            require(e.first == n || e.second == n, n + " holds an edge not its own");
            require(e.first.id.compareTo(e.second.id) < 0, "an edge's ends are not in id order");
            require(live.contains(other), n + " has an edge to a removed touchpoint");
            require(other.edgeList().contains(e),
                "an edge of " + n + " is not held by " + other);
            require(e.support > 0, "an edge with no supporting block");
          }
        }
        if (n.neverLink() != null) {
          for (TouchpointNode partner : n.neverLink()) {
            require(live.contains(partner), n + " has a never-link rule to a removed touchpoint");
            require(partner.neverLink() != null && partner.neverLink().contains(n),
                "a never-link rule of " + n + " is not mutual");
          }
        }
      }
    }

    /**
     * The partition is what the clusterer returns for each component: whatever path (fast or
     * full) placed the touchpoints, it is the one function's answer.
     */
    private void partitionIsTheClusterersAnswer() {
      Set<TouchpointNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TouchpointNode n : nodes) {
        if (!visited.add(n)) {
          continue;
        }
        List<TouchpointNode> component = MergeGraph.component(n, visited::add);
        for (List<TouchpointNode> group : ComponentClusterer.cluster(component, false, graph.personRule).groups()) {
          Cluster c = group.get(0).cluster;
          Set<String> expected = new TreeSet<>();
          group.forEach(m -> expected.add(m.id));
          Set<String> actual = new TreeSet<>();
          c.members().forEach(m -> actual.add(m.id));
          require(expected.equals(actual), "profile " + c.id + " holds " + actual
              + " but the clusterer groups " + expected);
        }
      }
    }

    private static int indexOf(TouchpointNode n, ValueNode v) {
      for (int i = 0; i < n.values.length; i++) {
        if (n.values[i] == v) {
          return i;
        }
      }
      return -1;
    }

    private static void require(boolean condition, String message) {
      if (!condition) {
        throw new AssertionError("graph invariant broken: " + message);
      }
    }
  }
}
