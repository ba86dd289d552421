package dev.omniid.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/** The events that turn an old partition of some touchpoints into a new one. */
final class PartitionDiff {
  private PartitionDiff() {}

  /**
   * Compares the clusters before ({@code oldClusters}, members as they were) with the clusters
   * after ({@code newClusters}); {@code previous} holds each touched entry's old cluster (none
   * for a new entry), and removed entries are flagged. With {@code parallel} (a batch), the new
   * clusters' events are made on the caller's fork-join pool; the events are the same.
   */
  static List<ProfileEvent> events(Set<Cluster> oldClusters, List<Cluster> newClusters,
      Map<TouchpointNode, Cluster> previous, boolean parallel) {
    List<ProfileEvent> events = new ArrayList<>();
    List<Cluster> olds = new ArrayList<>(oldClusters);
    olds.sort(Comparator.comparing(c -> c.id));
    for (Cluster old : olds) {
      Map<ProfileId, Cluster> pieces = new java.util.TreeMap<>();
      List<String> gone = new ArrayList<>();
      for (TouchpointNode e : old.members()) {
        if (e.removed) {
          gone.add(e.id);
        } else {
          pieces.put(e.cluster.id, e.cluster);
        }
      }
      if (pieces.isEmpty()) {
        events.add(new ProfileEvent(ProfileEvent.Kind.DELETED, old.id, List.of(), gone));
        continue;
      }
      ProfileId main = pieces.containsKey(old.id) ? old.id : pieces.keySet().iterator().next();
      if (pieces.size() > 1) {
        List<ProfileId> others = new ArrayList<>(pieces.keySet());
        others.remove(main);
        events.add(new ProfileEvent(ProfileEvent.Kind.SPLIT, main, others, List.of()));
      }
      if (!gone.isEmpty()) {
        events.add(new ProfileEvent(ProfileEvent.Kind.DETACHED, main, List.of(), gone));
      }
    }
    List<Cluster> news = new ArrayList<>(newClusters);
    news.sort(Comparator.comparing(c -> c.id));
    if (parallel) {
      // A batch's new profiles are diffed apart on the caller's fork-join pool (each reads its
      // own members and the map of previous clusters, which nobody changes meanwhile), their
      // events kept in the sequential order.
      ProfileEvent[][] byCluster = new ProfileEvent[news.size()][];
      IntStream.range(0, byCluster.length).parallel()
          .forEach(i -> byCluster[i] = eventsOf(news.get(i), previous));
      for (ProfileEvent[] of : byCluster) {
        for (ProfileEvent event : of) {
          events.add(event);
        }
      }
    } else {
      for (Cluster cluster : news) {
        for (ProfileEvent event : eventsOf(cluster, previous)) {
          events.add(event);
        }
      }
    }
    return events;
  }

  private static final ProfileEvent[] NONE = new ProfileEvent[0];

  /** The events of one new cluster: CREATED, or MERGED and ATTACHED as it came about. */
  private static ProfileEvent[] eventsOf(Cluster cluster, Map<TouchpointNode, Cluster> previous) {
    Set<ProfileId> before = null;
    List<String> joined = new ArrayList<>();
    for (int i = 0, n = cluster.size(); i < n; i++) {
      TouchpointNode e = cluster.member(i);
      // A batch into an empty graph has no previous clusters: a look-up per touchpoint in an
      // empty map sized for them all was a seventh of resolveAll (a cache miss each).
      Cluster was = previous.isEmpty() ? null : previous.get(e);
      if (was == null) {
        joined.add(e.id);
      } else {
        if (before == null) {
          before = new java.util.TreeSet<>();
        }
        before.add(was.id);
      }
    }
    if (before == null) {
      return new ProfileEvent[] {
          new ProfileEvent(ProfileEvent.Kind.CREATED, cluster.id, List.of(), joined)};
    }
    ProfileEvent merged = null;
    if (before.size() > 1) {
      before.remove(cluster.id);
      merged = new ProfileEvent(ProfileEvent.Kind.MERGED, cluster.id, List.copyOf(before),
          List.of());
    }
    ProfileEvent attached = joined.isEmpty() ? null
        : new ProfileEvent(ProfileEvent.Kind.ATTACHED, cluster.id, List.of(), joined);
    if (merged == null) {
      return attached == null ? NONE : new ProfileEvent[] {attached};
    }
    return attached == null ? new ProfileEvent[] {merged} : new ProfileEvent[] {merged, attached};
  }
}
