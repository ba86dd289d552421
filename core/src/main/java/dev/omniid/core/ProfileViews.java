package dev.omniid.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable {@link Profile} snapshots of clusters. Evidence is not stored in the graph: it is the
 * clusterer's decision replayed on the profile's component, so it can never drift from the
 * partition. Runs under the resolver's read lock and writes nothing shared.
 */
final class ProfileViews {
  private ProfileViews() {}

  /** Snapshots of clusters, each component's evidence computed once for all its clusters. */
  static List<Profile> of(List<Cluster> clusters, PersonRule rule) {
    Map<Cluster, List<Evidence>> evidence = new IdentityHashMap<>();
    forEachEvidence(clusters, rule, (ev, owner, other) -> {
      evidence.computeIfAbsent(owner, c -> new ArrayList<>()).add(ev);
      if (other != owner) {
        evidence.computeIfAbsent(other, c -> new ArrayList<>()).add(ev);
      }
    });
    List<Profile> out = new ArrayList<>(clusters.size());
    for (Cluster cluster : clusters) {
      out.add(of(cluster, evidence.getOrDefault(cluster, List.of())));
    }
    return out;
  }

  /** What is told one piece of evidence and the clusters of its two touchpoints. */
  @FunctionalInterface
  interface EvidenceAction {
    void accept(Evidence evidence, Cluster owner, Cluster other);
  }

  /**
   * The evidence of the components of {@code clusters}, each component clustered once however many
   * of its clusters are asked for, with the cluster of each of its two touchpoints. A component of
   * one touchpoint has none.
   */
  static void forEachEvidence(List<Cluster> clusters, PersonRule rule, EvidenceAction action) {
    Set<TouchpointNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Cluster cluster : clusters) {
      List<TouchpointNode> component = unvisitedComponent(cluster, visited);
      if (component != null) {
        tellEvidence(component, rule, action);
      }
    }
  }

  /**
   * As {@link #forEachEvidence} over every cluster of the graph, on the common pool: the action is
   * called from several threads at once. Each cluster walks its own component, and the component
   * is told by one of its clusters only, that of its touchpoint with the least id, which is why
   * {@code clusters} must be all of them. A set of visited touchpoints shared by the walks made
   * them one after the other on one thread, hashing every touchpoint of the graph into a table of
   * its size (57 % of the summary thread's samples in JFR of a 5 M-row CLI run). Most components
   * hold one cluster; the walk of one that holds several stops at the first touchpoint showing
   * that another cluster tells it.
   */
  static void forEachEvidenceInParallel(List<Cluster> clusters, PersonRule rule,
      EvidenceAction action) {
    clusters.parallelStream().forEach(cluster -> {
      List<TouchpointNode> component = ownedComponent(cluster);
      if (component != null) {
        tellEvidence(component, rule, action);
      }
    });
  }

  /**
   * The component of {@code cluster} if the cluster tells it (see
   * {@link #forEachEvidenceInParallel}), null if another cluster does or if it is one touchpoint.
   */
  private static List<TouchpointNode> ownedComponent(Cluster cluster) {
    TouchpointNode first = cluster.member(0);
    if (cluster.size() == 1 && alone(first)) {
      return null;
    }
    OwnerWalk walk = new OwnerWalk(cluster, first);
    List<TouchpointNode> component = MergeGraph.component(first, walk);
    return walk.ownerElsewhere || component.size() == 1 ? null : component;
  }

  /** Whether {@code e} reaches no other touchpoint: no scored edge, no linking value shared. */
  private static boolean alone(TouchpointNode e) {
    if (e.edgeCount() > 0) {
      return false;
    }
    for (ValueNode v : e.values) {
      if (v.linksCarriers()) {
        return false;
      }
    }
    return true;
  }

  /**
   * The reach of one cluster's walk of its component ({@link MergeGraph#component}): true for a
   * touchpoint met the first time, false for every one once a touchpoint of another cluster with
   * an id below all of this cluster's shows that the component is not this cluster's to tell.
   * Most components are a few touchpoints, told apart by scanning them by reference; an identity
   * set takes over past {@link #SCANNED} (hashing by identity writes a hash into the header of
   * each touchpoint hashed, and the walks of a summary reach every touchpoint of the graph).
   */
  private static final class OwnerWalk implements java.util.function.Predicate<TouchpointNode> {
    private static final int SCANNED = 16;
    private final Cluster cluster;
    private final TouchpointNode[] few = new TouchpointNode[SCANNED];
    private int size;
    private Set<TouchpointNode> many;
    /** The least id among the cluster's touchpoints; read once another cluster's is met. */
    private String least;
    boolean ownerElsewhere;

    OwnerWalk(Cluster cluster, TouchpointNode start) {
      this.cluster = cluster;
      few[size++] = start;
    }

    @Override
    public boolean test(TouchpointNode e) {
      if (ownerElsewhere || !firstMeeting(e)) {
        return false;
      }
      if (e.cluster != cluster) {
        if (least == null) {
          least = cluster.member(0).id;
          for (int i = 1; i < cluster.size(); i++) {
            String id = cluster.member(i).id;
            least = id.compareTo(least) < 0 ? id : least;
          }
        }
        if (e.id.compareTo(least) < 0) {
          ownerElsewhere = true;
          return false;
        }
      }
      return true;
    }

    /** True the first time {@code e} is met, which it then remembers. */
    private boolean firstMeeting(TouchpointNode e) {
      if (many != null) {
        return many.add(e);
      }
      for (int i = 0; i < size; i++) {
        if (few[i] == e) {
          return false;
        }
      }
      if (size < SCANNED) {
        few[size++] = e;
        return true;
      }
      many = Collections.newSetFromMap(new IdentityHashMap<>());
      many.addAll(java.util.Arrays.asList(few));
      return many.add(e);
    }
  }

  /** The component of a cluster not walked before, null if it was or if it is one touchpoint. */
  private static List<TouchpointNode> unvisitedComponent(Cluster cluster,
      Set<TouchpointNode> visited) {
    TouchpointNode first = cluster.member(0);
    if (!visited.add(first)) {
      return null;
    }
    List<TouchpointNode> component = MergeGraph.component(first, visited::add);
    return component.size() == 1 ? null : component;
  }

  private static void tellEvidence(List<TouchpointNode> component, PersonRule rule,
      EvidenceAction action) {
    Map<String, TouchpointNode> byId = new HashMap<>(component.size() * 2);
    for (TouchpointNode e : component) {
      byId.put(e.id, e);
    }
    for (Evidence ev : ComponentClusterer.cluster(component, true, rule).evidence()) {
      action.accept(ev, byId.get(ev.touchpointId()).cluster,
          byId.get(ev.otherTouchpointId()).cluster);
    }
  }

  private static Profile of(Cluster cluster, List<Evidence> evidence) {
    List<TouchpointNode> journey = new ArrayList<>(cluster.members());
    // Each touchpoint read once (a compact one is decoded), then the nodes in journey order: time
    // order, untimed touchpoints after the timed ones, ties by id. Ids are unique, so the order is
    // total: a journey is a function of its touchpoints, never of their arrival order.
    Map<TouchpointNode, Touchpoint> decoded = new IdentityHashMap<>(journey.size() * 2);
    for (TouchpointNode e : journey) {
      decoded.put(e, e.touchpoint());
    }
    journey.sort(Comparator.<TouchpointNode, Instant>comparing(
            e -> decoded.get(e).timestamp().orElse(null),
            Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(e -> e.id));
    LinkedHashMap<String, Identifier> identifiers = new LinkedHashMap<>();
    Map<String, Integer> rank = new HashMap<>();
    LinkedHashSet<Channel> channels = new LinkedHashSet<>();
    List<ProfileId> aliases = new ArrayList<>();
    List<Touchpoint> touchpoints = new ArrayList<>(journey.size());
    List<List<Identifier>> normalized = new ArrayList<>(journey.size());
    for (TouchpointNode e : journey) {
      Touchpoint touchpoint = decoded.get(e);
      touchpoints.add(touchpoint);
      List<Identifier> own = new ArrayList<>(e.values.length);
      for (int i = 0; i < e.values.length; i++) {
        own.add(e.identifier(i, touchpoint));
      }
      normalized.add(own);
      channels.add(touchpoint.channel());
      for (int i = 0; i < e.values.length; i++) {
        Identifier identifier = own.get(i);
        String key = identifier.type().name() + '\u0000' + identifier.value();
        if (identifiers.putIfAbsent(key, identifier) == null) {
          rank.put(key, e.values[i].type.rank);
        }
      }
      for (IdRecord record = e.anchored; record != null; record = record.nextAnchored) {
        if (!record.id.equals(cluster.id)) {
          aliases.add(record.id);
        }
      }
    }
    Collections.sort(aliases);
    List<Map.Entry<String, Identifier>> sorted = new ArrayList<>(identifiers.entrySet());
    sorted.sort(Comparator.<Map.Entry<String, Identifier>>comparingInt(x -> rank.get(x.getKey()))
        .thenComparing(x -> x.getValue().value()));
    List<Identifier> ids = sorted.stream().map(Map.Entry::getValue).toList();
    // The timed touchpoints come first, so the first is the earliest time if any has one.
    Optional<Instant> lastSeen = Optional.empty();
    for (int i = journey.size() - 1; i >= 0 && lastSeen.isEmpty(); i--) {
      lastSeen = touchpoints.get(i).timestamp();
    }
    return new Profile(cluster.id, aliases, ids, channels, touchpoints.get(0).timestamp(),
        lastSeen, touchpoints, evidence, normalized);
  }
}
