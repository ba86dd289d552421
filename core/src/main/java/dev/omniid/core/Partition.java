package dev.omniid.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * The current profiles: the clusters of touchpoint nodes, each with its profile id. A change
 * recomputes the connected components it touched with {@link ComponentClusterer} (the only code
 * that decides a partition), gives each new group its id through {@link ProfileIds}, and reports
 * the difference as events. Guarded by the resolver's write lock.
 */
final class Partition {
  private final ProfileIds ids;
  /** Null when no person attribute keeps people apart. */
  private final PersonRule rule;
  private final int exclusiveSlots;
  private final String[] noExclusive;
  private static final PersonTraits[] NO_PEOPLE = new PersonTraits[0];
  /** The current profiles, in no order; each knows its position (swap-remove). */
  private final ArrayList<Cluster> live = new ArrayList<>();

  /** Touched nodes from which a recompute clusters its components in parallel. */
  private final int parallelNodes;

  /** A new walk for each recompute ({@link MergeGraph#newWalk}). */
  private final Supplier<Predicate<TouchpointNode>> walks;

  Partition(ProfileIds ids, PersonRule rule, int exclusiveSlots, String[] noExclusive,
      int parallelNodes, Supplier<Predicate<TouchpointNode>> walks) {
    this.walks = walks;
    this.parallelNodes = parallelNodes;
    this.ids = ids;
    this.rule = rule;
    this.exclusiveSlots = exclusiveSlots;
    this.noExclusive = noExclusive;
  }

  /**
   * What one recomputation did: its events, each touched node's cluster before it (none for a
   * new node), and the refused links of the node whose evidence was asked for.
   */
  record Change(List<ProfileEvent> events, Map<TouchpointNode, Cluster> previous,
      List<Evidence> refusals) {}

  int size() {
    return live.size();
  }

  /** The current profiles, in no order (a copy). */
  List<Cluster> clusters() {
    return new ArrayList<>(live);
  }

  /** The profile an id names (its own or an alias), or null when the id does not resolve. */
  Cluster clusterOf(ProfileId id) {
    TouchpointNode anchor = ids.anchorOf(id);
    return anchor == null ? null : anchor.cluster;
  }

  /**
   * Recomputes the components of {@code seeds}, gives the new groups their ids, and diffs the
   * partition.
   *
   * @param refusalsOf a node whose refused links to return, or null
   * @param removedFrom the cluster of a touchpoint just removed, or null
   */
  Change recompute(Collection<TouchpointNode> seeds, TouchpointNode refusalsOf,
      Cluster removedFrom) {
    return recompute(seeds, refusalsOf,
        removedFrom == null ? List.<Cluster>of() : List.of(removedFrom));
  }

  /**
   * Recomputes after touchpoints were removed from any number of clusters in one change (an
   * erasure): the diff compares the partition before the change with the partition after it,
   * nothing in between.
   *
   * @param removedFrom the clusters of the touchpoints just removed
   */
  Change recomputeAfterErasure(Collection<TouchpointNode> seeds, Collection<Cluster> removedFrom) {
    return recompute(seeds, null, removedFrom);
  }

  /**
   * Clusters a graph no profile has been computed for yet (a restore), without the events: nobody
   * hears a restore, and a million CREATED events were a tenth of a restart.
   */
  void computeQuietly(Collection<TouchpointNode> seeds) {
    recompute(seeds, null, List.of(), false);
  }

  private Change recompute(Collection<TouchpointNode> seeds, TouchpointNode refusalsOf,
      Collection<Cluster> removedFrom) {
    return recompute(seeds, refusalsOf, removedFrom, true);
  }

  private Change recompute(Collection<TouchpointNode> seeds, TouchpointNode refusalsOf,
      Collection<Cluster> removedFrom, boolean diff) {
    Predicate<TouchpointNode> reach = walks.get();
    List<List<TouchpointNode>> components = new ArrayList<>();
    int visited = 0;
    for (TouchpointNode seed : seeds) {
      if (!seed.removed && reach.test(seed)) {
        List<TouchpointNode> component = MergeGraph.component(seed, reach);
        visited += component.size();
        components.add(component);
      }
    }
    Set<Cluster> oldClusters = Collections.newSetFromMap(new IdentityHashMap<>());
    // Sized for the touchpoints that had a cluster (none, in a batch into an empty graph).
    int placed = 0;
    for (List<TouchpointNode> component : components) {
      for (TouchpointNode e : component) {
        if (e.cluster != null) {
          placed++;
        }
      }
    }
    IdentityHashMap<TouchpointNode, Cluster> previous = new IdentityHashMap<>(placed);
    for (List<TouchpointNode> component : components) {
      for (TouchpointNode e : component) {
        if (e.cluster != null) {
          previous.put(e, e.cluster);
          oldClusters.add(e.cluster);
        }
      }
    }
    oldClusters.addAll(removedFrom);
    for (Cluster old : oldClusters) {
      removeLive(old);
    }
    List<Cluster> newClusters = new ArrayList<>();
    List<Evidence> refusals = List.of();
    ComponentClusterer.Result[] results = new ComponentClusterer.Result[components.size()];
    if (visited >= parallelNodes && components.size() > 1 && refusalsOf == null) {
      // Many components (a batch): each is clustered apart on the caller's fork-join pool (the
      // clusterer reads the graph and writes nothing shared); ids are still handed out below,
      // in the components' order.
      IntStream.range(0, results.length).parallel().forEach(i ->
          results[i] = ComponentClusterer.cluster(components.get(i), false, null, rule));
    }
    for (int c = 0; c < components.size(); c++) {
      List<TouchpointNode> component = components.get(c);
      boolean wanted = refusalsOf != null && component.contains(refusalsOf);
      ComponentClusterer.Result result = results[c] != null ? results[c]
          : ComponentClusterer.cluster(component, wanted, refusalsOf, rule);
      results[c] = null;
      boolean clean = result.groups().size() == 1 && result.refused() == 0;
      for (List<TouchpointNode> group : result.groups()) {
        newClusters.add(newCluster(group, clean));
      }
      if (wanted) {
        refusals = new ArrayList<>();
        for (Evidence ev : result.evidence()) {
          if (ev.kind() != Evidence.Kind.SHARED_IDENTIFIER
              && ev.kind() != Evidence.Kind.SCORED_MATCH) {
            refusals.add(ev);
          }
        }
      }
    }
    return new Change(diff ? PartitionDiff.events(oldClusters, newClusters, previous) : List.of(),
        previous, refusals);
  }

  /** Makes a group a current profile, with the oldest id anchored in it or a new one. */
  Cluster newCluster(List<TouchpointNode> group, boolean clean) {
    ProfileId id = ids.idFor(group);
    String[] exclusive = noExclusive;
    // Loops by index: an iterator over the few kinds of list a group comes as (one touchpoint's
    // List.of, a clusterer's ArrayList) is not inlined, so not scalar-replaced, and three of them
    // were a tenth of a deterministic resolve's allocation (JFR, 1 M warm).
    int size = group.size();
    for (int i = 0; i < size; i++) {
      TouchpointNode e = group.get(i);
      for (int s = 0; s < exclusiveSlots; s++) {
        if (e.exclusive[s] != null && exclusive[s] == null) {
          if (exclusive == noExclusive) {
            exclusive = new String[exclusiveSlots];
          }
          exclusive[s] = e.exclusive[s];
        }
      }
    }
    PersonTraits[] people = NO_PEOPLE;
    for (int i = 0; i < size; i++) {
      PersonTraits person = group.get(i).person();
      if (person != null) {
        people = ComponentClusterer.withPerson(people, person);
      }
    }
    Cluster cluster = new Cluster(id, group, exclusive, people, clean);
    for (int i = 0; i < size; i++) {
      group.get(i).cluster = cluster;
    }
    cluster.liveIndex(live.size());
    live.add(cluster);
    return cluster;
  }

  /** Takes a cluster out of the current profiles, if it is one (swap-remove). */
  void removeLive(Cluster cluster) {
    int at = cluster.liveIndex();
    if (at < 0) {
      return;
    }
    Cluster last = live.remove(live.size() - 1);
    if (last != cluster) {
      live.set(at, last);
      last.liveIndex(at);
    }
    cluster.liveIndex(-1);
  }

  /**
   * The links that hold a touchpoint in its profile, by one rule whatever path placed it: for each
   * of its values that links, a shared-identifier link to the first other carrier of the value
   * (in the order they arrived) that is in its profile; for each scored edge to a member of its profile, a scored match.
   * Both ends in id order, as the clusterer writes them. The fast and the full path both report
   * exactly these (plus, on the full path, the links the clusterer refused), so a resolution's
   * evidence does not depend on which path ran.
   */
  static List<Evidence> linksOf(TouchpointNode node) {
    Cluster cluster = node.cluster;
    List<Evidence> out = sharedLinks(node, partnersOf(node));
    for (int i = 0, n = node.edgeCount(); i < n; i++) {
      Edge edge = node.edge(i);
      if (edge.other(node).cluster == cluster) {
        out = withScored(out, edge);
      }
    }
    return out;
  }

  /**
   * {@code links} followed by the scored matches of {@code edges} (null for none), in order: the
   * scored part of {@link #linksOf} when every edge leads into the profile, as on the fast path.
   * Reads only final fields of the edges.
   */
  static List<Evidence> withScored(List<Evidence> links, Edge[] edges) {
    List<Evidence> out = links;
    if (edges != null) {
      for (Edge edge : edges) {
        out = withScored(out, edge);
      }
    }
    return out;
  }

  /** {@code links} (an ArrayList or immutable) with the scored match of {@code edge} added. */
  private static List<Evidence> withScored(List<Evidence> links, Edge edge) {
    List<Evidence> out = links;
    if (out.isEmpty()) {
      out = new ArrayList<>(2);
    } else if (!(out instanceof ArrayList)) {
      out = new ArrayList<>(out);
    }
    out.add(new Evidence(Evidence.Kind.SCORED_MATCH, edge.first.id, edge.second.id, List.of(),
        edge.weight));
    return out;
  }

  /**
   * For each of the node's values, the carrier its shared-identifier link goes to (see
   * {@link #linksOf}), null where the value links it to nobody; null when no value does. Read
   * under the lock: which values link and who is in the profile change with later changes, while
   * the evidence built from the answer ({@link #sharedLinks}) reads only final fields, so a
   * resolution may build it when asked.
   */
  static TouchpointNode[] partnersOf(TouchpointNode node) {
    Cluster cluster = node.cluster;
    ValueNode[] values = node.values;
    TouchpointNode[] partners = null;
    for (int k = 0; k < values.length; k++) {
      ValueNode v = values[k];
      if (!v.linksCarriers()) {
        continue;
      }
      // The first other carrier in its profile, in the value's carrier order (arrival): usually
      // the first or second carrier, so the rule costs the fast path next to nothing (the
      // smallest id would scan every carrier of a loyal customer's email on each visit).
      for (int i = 0; i < v.carrierCount(); i++) {
        TouchpointNode c = v.carrier(i);
        if (c != node && c.cluster == cluster) {
          if (partners == null) {
            partners = new TouchpointNode[values.length];
          }
          partners[k] = c;
          break;
        }
      }
    }
    return partners;
  }

  /** The shared-identifier links {@link #partnersOf} found, in the order of the node's values. */
  static List<Evidence> sharedLinks(TouchpointNode node, TouchpointNode[] partners) {
    if (partners == null) {
      return List.of();
    }
    ArrayList<Evidence> out = new ArrayList<>(partners.length);
    for (int k = 0; k < partners.length; k++) {
      TouchpointNode partner = partners[k];
      if (partner != null) {
        out.add(sharedIdentifier(node, partner, node.values[k].identifierBetween(node, partner)));
      }
    }
    return out;
  }

  private static Evidence sharedIdentifier(TouchpointNode a, TouchpointNode b, Identifier shared) {
    boolean ordered = a.id.compareTo(b.id) < 0;
    return new Evidence(Evidence.Kind.SHARED_IDENTIFIER, ordered ? a.id : b.id,
        ordered ? b.id : a.id, List.of(shared), Double.POSITIVE_INFINITY);
  }
}
