package dev.omniid.core;

import java.util.Arrays;
import java.util.List;

/**
 * Places a new touchpoint without recomputing its component, when the result is known: it
 * connects to nothing (a new profile), or to a few clean clusters whose exclusive values agree
 * with each other and with it, with no never-link rule among their members, and it pushed no
 * value over its limit. The full computation would then return exactly the union of those
 * clusters and the touchpoint: no union can be refused, and the values that link are the same as
 * before.
 *
 * <p>Without a person rule, it also joins one cluster that is not clean (a component split by
 * refused links, such as a household whose members have different customer ids) when every carrier of every value the
 * touchpoint links through is in that cluster, its exclusive values agree with the cluster's, and
 * there are no scored edges. Replaying the greedy clustering with the touchpoint, every group is
 * the group it was, or that group plus the touchpoint: a union that succeeded inside the cluster
 * still succeeds (its exclusive values are the cluster's plus agreeing ones, and a new touchpoint
 * has no never-link rule), and a union that was refused is still refused (the values it clashed
 * on are still there). So the result is the old partition with the touchpoint added to that
 * cluster, which stays not clean.
 *
 * <p>With a person rule, it joins such a cluster C (a household split by names, an office) when,
 * besides the above, the people of C are pairwise compatible and the touchpoint's person (when it
 * names one) agrees with each of them; no member of C has a never-link rule; its edges all lead
 * into C; and no member of C that names nobody shares a contested value, or has an edge that does
 * not vouch, with anyone outside C, unless every person of the profile on the other side
 * conflicts with the touchpoint's person (with every person of C, when the touchpoint names
 * nobody). Replaying the clustering, every group outside C is the group it was, and the groups
 * inside C are unions of what they were (plus the touchpoint): a union inside C and the
 * touchpoint is never refused (compatible people, agreeing exclusive values, no never-link), and
 * a union across C's border, refused before (else C would not be a profile), is refused again,
 * because refusal only grows with a group (a clash or a conflicting pair stays, and a group of
 * compatible people is never one person under several descriptions). The one thing that could
 * try a union not tried before is a group of C that named nobody being named earlier, next to a
 * contested value or a non-vouching edge that skips such groups. A group named earlier than
 * before owes it to the touchpoint, so it holds the touchpoint's person (or, when the touchpoint
 * names nobody, people of C only); the last condition makes every such union one that person
 * refuses (a household's father's visit joining his profile, whose anonymous web session shares
 * the family mailbox with his wife's and children's profiles). {@code
 * HouseholdFastPathPropertiesTest} replays households with it on and off, and spells out the case
 * where the condition fails (a namesake on the family mailbox, whom the full path merges);
 * dropping the condition, or its person check for either kind of touchpoint, fails it.
 *
 * <p>A touchpoint that names a person may join such a C together with clean clusters (other
 * components: the father's visit carrying his e-mail, on file in the household's profile, and his
 * work phone, on file in a profile of its own), under the same conditions and those of a merge
 * (agreeing exclusive values and people, no never-link rule). A clean cluster's values and edges
 * lead only into itself, so in the replay its groups meet C's only through the touchpoint's group,
 * which holds the touchpoint's person: every union newly tried across C's border is refused as
 * above, and none has the touchpoint at an end. The union is not its whole component, so it is
 * not clean. A touchpoint naming nobody is left to the full path there: a group of C named
 * earlier could then hold only a clean cluster's people, whom the person check above does not
 * read. {@code HouseholdFastPathPropertiesTest} spells out both: a household's anonymous session
 * named by the other profile's birth date, which the family mailbox then joins to a relative
 * (it fails without this exclusion), and a union that passed for clean (it fails without the
 * mark). Two clusters that are not clean are left to the full path too (both in one component,
 * the touchpoint's unions with one of them are refused: evidence the fast path would not give).
 *
 * <p>Most returning customers' touchpoints take it (96 % in {@code ResolveBenchmark} at 1 M).
 * A property test runs the same histories with it switched off and compares everything a caller
 * sees: partitions, ids, events and evidence. Guarded by the resolver's write lock.
 */
final class FastPath {
  /** Looking at every carrier of a value with more is not worth it: the full path decides. */
  private static final int MAX_CARRIERS_CHECKED = 64;
  /** Nor at every member of a larger profile that is not clean. */
  private static final int MAX_HOUSEHOLD_MEMBERS = 64;

  private final Partition partition;
  /** Null when no person attribute keeps people apart. */
  private final PersonRule rule;
  /** The distinct clusters the new touchpoint connects to (scratch, reused). */
  private final Cluster[] targets = new Cluster[4];

  FastPath(Partition partition, PersonRule rule) {
    this.partition = partition;
    this.rule = rule;
  }

  /** Places {@code node} and returns what happened, or null when only the full path can tell. */
  Resolution attach(TouchpointNode node, List<Problem> problems) {
    try {
      return attachOrNull(node, problems);
    } finally {
      Arrays.fill(targets, null);
    }
  }

  private Resolution attachOrNull(TouchpointNode node, List<Problem> problems) {
    if (node.pushedOverLimit) {
      return null;
    }
    int count = 0;
    boolean unclean = false;
    for (ValueNode v : node.values) {
      if (v.linksCarriers()) {
        if (rule != null && v.roleAccount()) {
          // Whom a role account joins the touchpoint to depends on the people of its carriers,
          // one by one: the full path decides.
          return null;
        }
        // One carrier tells: a clean cluster is its whole component, so it holds every carrier of
        // a value that connects. A cluster that is not clean must be seen to hold them all.
        TouchpointNode other = v.carrierOtherThan(node);
        if (!other.cluster.clean()) {
          if (!holdsAllCarriers(other.cluster, v, node)) {
            return null;
          }
          if (rule != null && !unclean && !householdAllows(other.cluster, node)) {
            return null;
          }
          unclean = true;
        }
        count = addTarget(count, other.cluster);
        if (count < 0) {
          return null;
        }
      }
    }
    int edges = node.edgeCount();
    for (int i = 0; i < edges; i++) {
      Edge edge = node.edge(i);
      if (rule != null && !edge.vouchesForOnePerson && ComponentClusterer
          .shareContestedOrGeneric(edge.first, edge.second, java.util.Set.of())) {
        // A score resting on a value many people share may be refused: the full path decides.
        return null;
      }
      Cluster to = edge.other(node).cluster;
      if (rule != null && !to.clean() && !unclean) {
        // Reached by an edge alone, a household's profile needs what one reached by a value
        // needs: the touchpoint may name a group of it earlier in the replay all the same.
        if (!householdAllows(to, node)) {
          return null;
        }
        unclean = true;
      }
      count = addTarget(count, to);
      if (count < 0) {
        return null;
      }
    }
    if (unclean && (rule == null ? edges > 0 : count > 1 && node.person() == null)) {
      // Without people, one cluster that is not clean is joined alone (addTarget declines a
      // second) and without edges (see above). With people, it may be joined with clean ones too
      // when the touchpoint names a person (see the class comment).
      return null;
    }
    if (count == 0) {
      // Alone: nothing to compare its person with.
      Cluster cluster = partition.newCluster(List.of(node), true);
      return new Resolution(node, Resolution.Outcome.CREATED, cluster.id, List.of(), null, null,
          problems);
    }
    // Exclusive values compatible across all the clusters and the touchpoint, and no never-link
    // rule inside the union: then no union can be refused and the result is the union.
    String[] exclusive = node.exclusive;
    Cluster target = targets[0];
    for (int i = 0; i < count; i++) {
      Cluster c = targets[i];
      exclusive = mergeExclusive(exclusive, c.exclusive);
      if (exclusive == null) {
        return null;
      }
      if (c.id.compareTo(target.id) < 0) {
        target = c;
      }
    }
    if (rule != null && !peopleAgree(node, count)) {
      return null;
    }
    if (count > 1) {
      for (int i = 0; i < count; i++) {
        Cluster members = targets[i];
        for (int m = 0; m < members.size(); m++) {
          if (members.member(m).hasNeverLinks()) {
            return null;
          }
        }
      }
    }
    // Committed: from here on the outcome is the union of the clusters plus the touchpoint.
    PersonTraits[] people = target.people;
    List<ProfileId> merged = List.of();
    if (count > 1) {
      ProfileId[] mergedIds = new ProfileId[count - 1];
      int n = 0;
      for (int i = 0; i < count; i++) {
        Cluster c = targets[i];
        if (c == target) {
          continue;
        }
        mergedIds[n++] = c.id;
        people = ComponentClusterer.mergePeople(people, c.people);
        partition.removeLive(c);
        for (int m = 0; m < c.size(); m++) {
          c.member(m).cluster = target;
        }
        target.addAll(c);
      }
      Arrays.sort(mergedIds);
      merged = List.of(mergedIds);
    }
    if (unclean) {
      // Joined with a profile split from others of its component, the union is not its whole
      // component either: the full path's groups are several.
      target.markUnclean();
    }
    target.exclusive = exclusive;
    if (node.person() != null) {
      people = ComponentClusterer.withPerson(people, node.person());
    }
    target.people = people;
    target.add(node);
    node.cluster = target;
    Resolution.Outcome outcome =
        merged.isEmpty() ? Resolution.Outcome.ATTACHED : Resolution.Outcome.MERGED;
    // Evidence and events built when asked: from final fields, the partners found now and a copy
    // of the edges (every one leads into the target now, so all of them are links).
    return new Resolution(node, outcome, target.id, merged, Partition.partnersOf(node),
        edges == 0 ? null : node.edgeArray(), problems);
  }

  /**
   * Under a person rule, whether a new touchpoint may join {@code cluster}, a profile split from
   * others of its component by refused links (a household, an office), without recomputing the
   * component: see the class comment for why each condition makes the full path's answer that
   * cluster plus the touchpoint. The caller has checked that every carrier of each value the
   * touchpoint links through is in the cluster; the loop over its edges declines an edge to any
   * other cluster; {@link #peopleAgree} checks the people (compatible among themselves and with
   * the touchpoint's), as it does for every target.
   */
  private boolean householdAllows(Cluster cluster, TouchpointNode node) {
    if (cluster.size() > MAX_HOUSEHOLD_MEMBERS) {
      return false;
    }
    for (int m = 0; m < cluster.size(); m++) {
      TouchpointNode member = cluster.member(m);
      if (member.hasNeverLinks()) {
        return false;
      }
      if (member.person() == null && !namelessStaysApart(member, cluster, node)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a member that names nobody has no link outside its cluster that the full path skips
   * for a group naming nobody (a contested value it shares with someone outside, an edge that does
   * not vouch to someone outside), or only links whose union the touchpoint's person refuses:
   * joining the touchpoint could give its group a name earlier in the replay, and a union skipped
   * before is then tried. It is refused when every person of the profile on the other side
   * conflicts with the touchpoint's ({@link #everyoneConflicts}); otherwise it could succeed.
   */
  private boolean namelessStaysApart(TouchpointNode member, Cluster cluster, TouchpointNode node) {
    for (ValueNode w : member.values) {
      if (w.linksCarriers() && !w.type.personal
          && !holdsAllCarriers(cluster, w, member) && ComponentClusterer.contested(w, rule)
          && !everyoneOutsideConflicts(w, cluster, node)) {
        return false;
      }
    }
    for (int i = 0, n = member.edgeCount(); i < n; i++) {
      Edge edge = member.edge(i);
      TouchpointNode end = edge.other(member);
      if (end == node) {
        // The touchpoint's own edge leads into the profile it joins: its union is never refused,
        // nor skipped (attachOrNull declined an edge over a generic value, and the touchpoint's
        // values, all carried inside the profile, are contested by nobody).
        continue;
      }
      if (!edge.vouchesForOnePerson && end.cluster != cluster
          && (end.cluster == null || !everyoneConflicts(end.cluster, node, cluster))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether every carrier of {@code w} outside {@code cluster} is in a profile each of whose people
   * conflicts with the touchpoint's person ({@link #everyoneConflicts}); false for values with so
   * many carriers that looking is not worth it.
   */
  private boolean everyoneOutsideConflicts(ValueNode w, Cluster cluster, TouchpointNode node) {
    if (w.carrierCount() > MAX_CARRIERS_CHECKED) {
      return false;
    }
    for (int i = 0; i < w.carrierCount(); i++) {
      Cluster other = w.carrier(i).cluster;
      // The touchpoint itself (no profile yet) carrying the value is left to the full path.
      if (other != cluster && (other == null || !everyoneConflicts(other, node, cluster))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code other} names someone and each of its people conflicts with the touchpoint's
   * person, or, when the touchpoint names nobody, with every person of {@code cluster}, the profile
   * it joins. A group named earlier in the replay than before owes it to the touchpoint, so it
   * holds the touchpoint's person, or only people of {@code cluster} when the touchpoint names
   * nobody; it can join no part of {@code other}: a group of it that names nobody is skipped as
   * before, and any other holds some of its people, each refused (the group itself is never one
   * person under several descriptions, its people agreeing). So a union the nameless member's
   * group skipped before, tried now, is refused again, and the partition is the same. A profile
   * that names nobody is left to the full path: nothing of it would refuse the union, only what
   * refused it before.
   */
  private boolean everyoneConflicts(Cluster other, TouchpointNode node, Cluster cluster) {
    PersonTraits own = node.person();
    if (other.people.length == 0) {
      return false;
    }
    if (own != null) {
      return !ComponentClusterer.someAgree(rule, own, other.people);
    }
    if (cluster.people.length == 0) {
      return false;
    }
    for (PersonTraits q : cluster.people) {
      if (ComponentClusterer.someAgree(rule, q, other.people)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the people of the touchpoint and of every target agree pairwise: then no union among
   * them can be refused for a person conflict, as no union can for exclusive values.
   */
  private boolean peopleAgree(TouchpointNode node, int count) {
    PersonTraits own = node.person();
    for (int i = 0; i < count; i++) {
      if (ComponentClusterer.anyConflict(rule, targets[i].people)) {
        // Incompatible people joined by an identifier or an edge that vouches: replayed with the
        // touchpoint, a value it shares with one of them may first join it to the other's group,
        // and the union is refused (evidence the fast path would not give), or a value they
        // share may be one that links nobody who names nobody. The full path tells.
        return false;
      }
      if (own != null
          && ComponentClusterer.firstConflict(rule, own, targets[i].people)
              != PersonConflict.NONE) {
        return false;
      }
      for (int j = i + 1; j < count; j++) {
        if (ComponentClusterer.firstConflict(rule, targets[i].people, targets[j].people)
            != PersonConflict.NONE) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * Adds a cluster to the targets unless present; returns the new count, or -1 when the fast path
   * cannot tell (a second cluster when one is not clean and no person rule keeps people apart,
   * two clusters that are not clean, or too many clusters).
   */
  private int addTarget(int count, Cluster cluster) {
    for (int i = 0; i < count; i++) {
      if (targets[i] == cluster) {
        return count;
      }
    }
    int unclean = cluster.clean() ? 0 : 1;
    for (int i = 0; i < count; i++) {
      unclean += targets[i].clean() ? 0 : 1;
    }
    if ((unclean > 0 && count > 0 && rule == null) || unclean > 1 || count == targets.length) {
      return -1;
    }
    targets[count] = cluster;
    return count + 1;
  }

  /**
   * Whether every carrier of {@code v} but {@code node} is in {@code cluster}; false for values
   * with so many carriers that looking is not worth it.
   */
  private static boolean holdsAllCarriers(Cluster cluster, ValueNode v, TouchpointNode node) {
    if (v.carrierCount() > MAX_CARRIERS_CHECKED) {
      return false;
    }
    for (int i = 0; i < v.carrierCount(); i++) {
      TouchpointNode carrier = v.carrier(i);
      if (carrier != node && carrier.cluster != cluster) {
        return false;
      }
    }
    return true;
  }

  /** The exclusive values of two groups together, or null if they clash in some slot. */
  private static String[] mergeExclusive(String[] a, String[] b) {
    String[] out = a;
    for (int s = 0; s < b.length; s++) {
      if (b[s] == null) {
        continue;
      }
      if (a[s] != null) {
        if (!a[s].equals(b[s])) {
          return null;
        }
      } else {
        if (out == a) {
          out = a.clone();
        }
        out[s] = b[s];
      }
    }
    return out;
  }
}
