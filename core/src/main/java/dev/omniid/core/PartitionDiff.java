package dev.omniid.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The events that turn an old partition of some touchpoints into a new one. */
final class PartitionDiff {
  private PartitionDiff() {}

  /**
   * Compares the clusters before ({@code oldClusters}, members as they were) with the clusters
   * after ({@code newClusters}); {@code previous} holds each touched entry's old cluster (none
   * for a new entry), and removed entries are flagged.
   */
  static List<ProfileEvent> events(Set<Cluster> oldClusters, List<Cluster> newClusters,
      Map<TouchpointNode, Cluster> previous) {
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
    for (Cluster cluster : news) {
      Set<ProfileId> before = new java.util.TreeSet<>();
      List<String> joined = new ArrayList<>();
      for (TouchpointNode e : cluster.members()) {
        // A batch into an empty graph has no previous clusters: a look-up per touchpoint in an
        // empty map sized for them all was a seventh of resolveAll (a cache miss each).
        Cluster was = previous.isEmpty() ? null : previous.get(e);
        if (was == null) {
          joined.add(e.id);
        } else {
          before.add(was.id);
        }
      }
      if (before.isEmpty()) {
        events.add(new ProfileEvent(ProfileEvent.Kind.CREATED, cluster.id, List.of(), joined));
        continue;
      }
      if (before.size() > 1) {
        before.remove(cluster.id);
        events.add(new ProfileEvent(ProfileEvent.Kind.MERGED, cluster.id, List.copyOf(before),
            List.of()));
      }
      if (!joined.isEmpty()) {
        events.add(new ProfileEvent(ProfileEvent.Kind.ATTACHED, cluster.id, List.of(), joined));
      }
    }
    return events;
  }
}
