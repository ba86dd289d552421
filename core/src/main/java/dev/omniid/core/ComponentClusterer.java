package dev.omniid.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The one function that decides a connected component's partition. It reads the component and
 * writes nothing shared, so the write path and read-only explanations can both run it, and its
 * result depends only on the set of touchpoints, their never-link rules and the configuration:
 * touchpoints are taken in id order, values strongest type first and then by value.
 *
 * <p>The rule: each identifier value that links (not junk, not over its limit: see
 * {@link ValueNode#connects()}), strongest type first and then in value order, links its
 * touchpoints in id order, except where the union would give a group two values of an exclusive
 * type, or join touchpoints under a never-link rule: those are refused and reported as evidence.
 * Then scored-match edges (pairs a {@link MatchModel} scored at or above its threshold) link,
 * heaviest first, ties by the touchpoints' ids, under the same rules.
 *
 * <p>With a {@link PersonRule}, a union is also refused when the two groups would hold two
 * incompatible people (given names that are not one name, birth dates beyond one keying error,
 * different generational suffixes): a shared identifier is strong evidence, not a verdict. Each
 * group carries the distinct traits of its members, so the check costs the product of the two
 * groups' distinct people (one or two each, as a rule).
 */
final class ComponentClusterer {
  /**
   * Values that name one person first (exclusive or personal types, whatever their strength): a
   * group they join across a conflict is one person described several ways, which every later
   * union must know (see {@link UnionFind#personConflict}); then strongest type first, then value.
   */
  private static final Comparator<ValueNode> BY_RANK_THEN_VALUE = ComponentClusterer::byRankThenValue;

  private static int byRankThenValue(ValueNode x, ValueNode y) {
    int c = Integer.compare(x.type.personal ? 0 : 1, y.type.personal ? 0 : 1);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(x.type.rank, y.type.rank);
    return c != 0 ? c : x.value.compareTo(y.value);
  }

  /** The partition of one component. */
  record Result(List<List<TouchpointNode>> groups, int refused, List<Evidence> evidence) {}

  private ComponentClusterer() {}

  /**
   * Partitions a connected component; evidence is collected only if asked.
   */
  static Result cluster(List<TouchpointNode> component, boolean withEvidence, PersonRule rule) {
    return cluster(component, withEvidence, null, rule);
  }

  /**
   * Partitions a connected component, collecting the evidence of links and refusals that touch
   * {@code only} (all of it when null) if {@code withEvidence}: a resolve reports only its own
   * touchpoint's, and building the rest would allocate for nothing.
   */
  static Result cluster(List<TouchpointNode> component, boolean withEvidence, TouchpointNode only,
      PersonRule rule) {
    if (component.size() == 1) {
      // A touchpoint alone (no value it shares links, no edge): its own group, nothing to tell.
      // Half the components of a batch are such; the general case allocated a dozen objects each.
      return new Result(List.of(List.of(component.get(0))), 0, List.of());
    }
    TouchpointNode[] entries = component.toArray(new TouchpointNode[0]);
    Arrays.sort(entries, TouchpointNode.BY_ID);
    int n = entries.length;
    IdentityHashMap<TouchpointNode, Integer> local = new IdentityHashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      local.put(entries[i], i);
    }
    int[] parent = new int[n];
    int[] size = new int[n];
    String[][] exclusive = new String[n][];
    PersonTraits[][] people = rule == null ? null : new PersonTraits[n][];
    boolean anyNeverLink = false;
    boolean anyEdges = false;
    List<ValueNode> shared = new ArrayList<>();
    IdentityHashMap<ValueNode, Boolean> seen = new IdentityHashMap<>();
    for (int i = 0; i < n; i++) {
      TouchpointNode e = entries[i];
      parent[i] = i;
      size[i] = 1;
      exclusive[i] = e.exclusive;
      if (people != null) {
        people[i] = e.person() == null ? NO_PEOPLE : new PersonTraits[] {e.person()};
      }
      for (ValueNode v : e.values) {
        if (v.linksCarriers() && seen.put(v, Boolean.TRUE) == null) {
          shared.add(v);
        }
      }
      anyNeverLink |= e.hasNeverLinks();
      anyEdges |= e.hasEdges();
    }
    int[][] forbidden = anyNeverLink ? neverLinkTable(entries, local) : null;
    shared.sort(BY_RANK_THEN_VALUE);
    java.util.Set<ValueNode> contested = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    if (rule != null) {
      for (ValueNode v : shared) {
        if (!v.type.personal && contested(v, rule)) {
          contested.add(v);
        }
      }
    }

    UnionFind uf = new UnionFind(parent, size, exclusive, forbidden, people, rule, contested);
    uf.only = only;
    List<Evidence> evidence = withEvidence ? new ArrayList<>() : List.of();
    for (ValueNode v : shared) {
      link(v, entries, local, uf, evidence, withEvidence);
    }
    if (anyEdges) {
      linkEdges(entries, local, uf, evidence, withEvidence);
    }

    List<List<TouchpointNode>> groups = new ArrayList<>();
    int[] groupOfRoot = new int[n];
    Arrays.fill(groupOfRoot, -1);
    for (int i = 0; i < n; i++) {
      int root = uf.find(i);
      if (groupOfRoot[root] < 0) {
        groupOfRoot[root] = groups.size();
        groups.add(new ArrayList<>(size[root]));
      }
      groups.get(groupOfRoot[root]).add(entries[i]);
    }
    return new Result(groups, uf.refused, evidence);
  }

  private static void link(ValueNode v, TouchpointNode[] entries, IdentityHashMap<TouchpointNode, Integer> local,
      UnionFind uf, List<Evidence> evidence, boolean withEvidence) {
    int[] members = new int[v.carrierCount()];
    for (int k = 0; k < members.length; k++) {
      members[k] = local.get(v.carrier(k));
    }
    Arrays.sort(members);
    // A value of an exclusive or personal type names one person (its issuer says so), so sharing
    // it outweighs the person attributes; other values are strong evidence, not a verdict.
    boolean vouchesForOnePerson = v.type.personal;
    // Shared by incompatible people (a family's email, an office's mailbox), the value cannot say
    // whose a touchpoint that names nobody is: it joins none of them (a function of the value's
    // carriers, so the same in any order).
    boolean contested = uf.contested.contains(v);
    // A role account (an office's info@) names a function: it joins two carriers only when each
    // names someone by a given name and the rule finds them no different people at such an
    // account; the union then checks their groups as any other. Decided by the two carriers
    // alone, so it never changes with the groups around them.
    boolean[] named = v.roleAccount() && uf.rule != null ? namedByGivenName(members, entries, uf.rule)
        : null;
    for (int k = 1; k < members.length; k++) {
      // Each carrier joins the group of the first earlier carrier it may join: a household's
      // landline links the father's records with each other even when the first carrier is the
      // son's. Only when it may join none is the refusal (against the first carrier) evidence.
      boolean joined = false;
      int refusedBy = -1;
      int roleRefusedBy = -1;
      PersonConflict roleConflict = PersonConflict.NONE;
      for (int j = 0; j < k && !joined; j++) {
        if (contested && (uf.people[uf.find(members[j])].length == 0
            || uf.people[uf.find(members[k])].length == 0)
            && uf.find(members[j]) != uf.find(members[k])) {
          continue;
        }
        if (named != null && uf.find(members[j]) != uf.find(members[k])) {
          PersonConflict atAccount = named[j] && named[k] ? uf.rule.conflictAtRoleAccount(
              entries[members[j]].person(), entries[members[k]].person()) : null;
          if (atAccount != PersonConflict.NONE) {
            if (atAccount != null && roleRefusedBy < 0) {
              roleRefusedBy = j;
              roleConflict = atAccount;
            }
            continue;
          }
        }
        joined = tryUnion(members[j], members[k], v, vouchesForOnePerson,
            Double.POSITIVE_INFINITY, entries, uf, evidence, withEvidence, false);
        if (!joined && refusedBy < 0) {
          refusedBy = j;
        }
      }
      if (joined) {
        continue;
      }
      if (refusedBy >= 0) {
        // The first carrier that refused it for a reason of its own (a clash, a rule, a person).
        tryUnion(members[refusedBy], members[k], v, vouchesForOnePerson,
            Double.POSITIVE_INFINITY, entries, uf, evidence, withEvidence, true);
      } else if (roleRefusedBy >= 0) {
        // Two people the role account's rule tells apart (colleagues at an office's mailbox,
        // relatives at a family's): a person conflict, told as one.
        uf.refused++;
        TouchpointNode colleague = entries[members[roleRefusedBy]];
        if (told(withEvidence, uf, colleague, entries[members[k]])) {
          evidence.add(new Evidence(Evidence.Kind.PERSON_CONFLICT, colleague.id,
              entries[members[k]].id, because(v, colleague, entries[members[k]]),
              Double.POSITIVE_INFINITY, roleConflict));
        }
      } else if (contested) {
        uf.refused++;
        if (told(withEvidence, uf, entries[members[0]], entries[members[k]])) {
          evidence.add(new Evidence(Evidence.Kind.AMBIGUOUS, entries[members[0]].id,
              entries[members[k]].id,
              List.of(v.identifierBetween(entries[members[0]], entries[members[k]])),
              Double.POSITIVE_INFINITY));
        }
      }
    }
  }

  /**
   * Unites the groups of {@code first} and {@code other} unless a rule forbids it, recording the
   * link, and the refusal if {@code refusalCounts}. {@code shared} is the identifier that links
   * them, or null for a scored match. Returns whether they are in one group now.
   */
  private static boolean tryUnion(int first, int other, ValueNode shared,
      boolean vouchesForOnePerson, double weight, TouchpointNode[] entries, UnionFind uf,
      List<Evidence> evidence, boolean withEvidence, boolean refusalCounts) {
    int a = uf.find(first);
    int b = uf.find(other);
    if (a == b) {
      return true;
    }
    boolean linked = told(withEvidence, uf, entries[first], entries[other]);
    boolean record = linked && refusalCounts;
    int slot = uf.exclusiveClash(a, b);
    if (slot >= 0) {
      if (refusalCounts) {
        uf.refused++;
      }
      if (record) {
        IdentifierType exclusiveType = exclusiveType(entries, slot);
        List<Identifier> identifiers = new ArrayList<>(3);
        if (shared != null) {
          identifiers.add(shared.identifierBetween(entries[first], entries[other]));
        }
        identifiers.add(Identifier.of(exclusiveType, uf.exclusive[a][slot]));
        identifiers.add(Identifier.of(exclusiveType, uf.exclusive[b][slot]));
        evidence.add(new Evidence(Evidence.Kind.EXCLUSIVE_CONFLICT, entries[first].id,
            entries[other].id, identifiers, weight));
      }
      return false;
    }
    if (uf.forbidden != null && uf.neverLinked(a, b)) {
      if (refusalCounts) {
        uf.refused++;
      }
      if (record) {
        evidence.add(new Evidence(Evidence.Kind.NEVER_LINK, entries[first].id, entries[other].id,
            because(shared, entries[first], entries[other]), weight));
      }
      return false;
    }
    PersonConflict conflict = uf.people == null || vouchesForOnePerson ? PersonConflict.NONE
        : uf.personConflict(a, b);
    if (conflict != PersonConflict.NONE) {
      if (refusalCounts) {
        uf.refused++;
      }
      if (record) {
        evidence.add(new Evidence(Evidence.Kind.PERSON_CONFLICT, entries[first].id,
            entries[other].id, because(shared, entries[first], entries[other]), weight, conflict));
      }
      return false;
    }
    uf.union(a, b);
    if (linked) {
      evidence.add(new Evidence(shared == null ? Evidence.Kind.SCORED_MATCH
          : Evidence.Kind.SHARED_IDENTIFIER, entries[first].id, entries[other].id,
          because(shared, entries[first], entries[other]), weight));
    }
    return true;
  }

  /**
   * Whether evidence about the pair {@code a}, {@code b} is collected: when asked, and only the
   * evidence that touches {@code only} when the clusterer was given one.
   */
  private static boolean told(boolean withEvidence, UnionFind uf, TouchpointNode a,
      TouchpointNode b) {
    return withEvidence && (uf.only == null || a == uf.only || b == uf.only);
  }

  /**
   * The shared value as evidence of a link between two of its carriers shows it: with the raw
   * form one of the two sent (never that of a third touchpoint, which may since be gone).
   */
  private static List<Identifier> because(ValueNode shared, TouchpointNode a, TouchpointNode b) {
    return shared == null ? List.of() : List.of(shared.identifierBetween(a, b));
  }

  /** Applies scored-match edges, strongest first, after every identifier. */
  private static void linkEdges(TouchpointNode[] entries, IdentityHashMap<TouchpointNode, Integer> local,
      UnionFind uf, List<Evidence> evidence, boolean withEvidence) {
    // Each edge once, from its first end; ordered by the ends' positions, which are in id order,
    // so no id is read (EdgeOrder).
    int count = 0;
    for (TouchpointNode e : entries) {
      for (int k = 0, n = e.edgeCount(); k < n; k++) {
        if (e.edge(k).first == e) {
          count++;
        }
      }
    }
    Edge[] edges = new Edge[count];
    double[] weights = new double[count];
    int[] firsts = new int[count];
    int[] seconds = new int[count];
    count = 0;
    for (int i = 0; i < entries.length; i++) {
      TouchpointNode e = entries[i];
      for (int k = 0, n = e.edgeCount(); k < n; k++) {
        Edge edge = e.edge(k);
        if (edge.first == e) {
          edges[count] = edge;
          weights[count] = edge.weight;
          firsts[count] = i;
          seconds[count] = local.get(edge.second);
          count++;
        }
      }
    }
    for (int at : EdgeOrder.heaviestFirst(weights, firsts, seconds)) {
      Edge edge = edges[at];
      int a = firsts[at];
      int b = seconds[at];
      if (uf.rule != null && !edge.vouchesForOnePerson
          && (uf.people[uf.find(a)].length == 0 || uf.people[uf.find(b)].length == 0)
          && shareContestedOrGeneric(edge.first, edge.second, uf.contested)) {
        // The score rests on a value several people share, and one side names nobody.
        if (uf.find(a) != uf.find(b)) {
          uf.refused++;
          if (told(withEvidence, uf, edge.first, edge.second)) {
            evidence.add(new Evidence(Evidence.Kind.AMBIGUOUS, edge.first.id, edge.second.id,
                List.of(), edge.weight));
          }
        }
        continue;
      }
      tryUnion(a, b, null, edge.vouchesForOnePerson, edge.weight, entries, uf, evidence,
          withEvidence, true);
    }
  }

  /** The type of an exclusive slot, found on any touchpoint of the component that has it. */
  private static IdentifierType exclusiveType(TouchpointNode[] entries, int slot) {
    for (TouchpointNode e : entries) {
      if (e.exclusive[slot] != null) {
        for (ValueNode v : e.values) {
          if (v.type.exclusiveSlot == slot) {
            return v.type.type;
          }
        }
      }
    }
    throw new IllegalStateException("no touchpoint holds exclusive slot " + slot);
  }

  private static int[][] neverLinkTable(TouchpointNode[] entries, IdentityHashMap<TouchpointNode, Integer> local) {
    int[][] table = new int[entries.length][];
    for (int i = 0; i < entries.length; i++) {
      TouchpointNode e = entries[i];
      if (!e.hasNeverLinks()) {
        table[i] = new int[0];
        continue;
      }
      int[] partners = new int[e.neverLink().size()];
      int count = 0;
      for (TouchpointNode other : e.neverLink()) {
        Integer j = local.get(other);
        if (j != null) {
          partners[count++] = j;
        }
      }
      table[i] = Arrays.copyOf(partners, count);
    }
    return table;
  }

  private static final PersonTraits[] NO_PEOPLE = new PersonTraits[0];

  /**
   * Union-find over local indices that also carries each group's exclusive values, never-links
   * and distinct people.
   */
  private static final class UnionFind {
    final int[] parent;
    final int[] size;
    final String[][] exclusive;
    final int[][] forbidden;
    /** Each root's distinct person traits (copy-on-write); null without a person rule. */
    final PersonTraits[][] people;
    /** Whether a root's people include two incompatible ones (see {@link #personConflict}). */
    final boolean[] aliased;
    final PersonRule rule;
    /** The linking values that incompatible people share (see {@link #contested(ValueNode, PersonRule)}). */
    final java.util.Set<ValueNode> contested;
    /** The entry whose evidence alone is wanted, or null for all. */
    TouchpointNode only;
    int refused;

    UnionFind(int[] parent, int[] size, String[][] exclusive, int[][] forbidden,
        PersonTraits[][] people, PersonRule rule, java.util.Set<ValueNode> contested) {
      this.contested = contested;
      this.parent = parent;
      this.size = size;
      this.exclusive = exclusive;
      this.forbidden = forbidden;
      this.people = people;
      this.aliased = people == null ? null : new boolean[people.length];
      this.rule = rule;
    }

    /**
     * Whether two groups' people cannot be one person, and by which trait. Between two groups of
     * compatible people, a person of one that disagrees with a person of the other is a conflict.
     * A group that holds incompatible people (an identifier that names one person vouched for
     * them: Febrl's duplicate whose given name was replaced) is one person under several
     * descriptions, and nobody can agree with all of them: a person of the other group conflicts
     * only when no description of it agrees. Of two such groups, one pair that agrees is enough.
     */
    PersonConflict personConflict(int a, int b) {
      boolean ia = aliased[a];
      boolean ib = aliased[b];
      if (!ia && !ib) {
        return firstConflict(rule, people[a], people[b]);
      }
      if (ia && ib) {
        return someAgree(people[a], people[b]) ? PersonConflict.NONE
            : firstConflict(rule, people[a], people[b]);
      }
      PersonTraits[] plain = ia ? people[b] : people[a];
      PersonTraits[] described = ia ? people[a] : people[b];
      for (PersonTraits p : plain) {
        if (!someAgree(p, described)) {
          return firstConflict(rule, p, described);
        }
      }
      return PersonConflict.NONE;
    }

    private boolean someAgree(PersonTraits[] x, PersonTraits[] y) {
      for (PersonTraits p : x) {
        if (someAgree(p, y)) {
          return true;
        }
      }
      return false;
    }

    private boolean someAgree(PersonTraits p, PersonTraits[] y) {
      return ComponentClusterer.someAgree(rule, p, y);
    }

    int find(int i) {
      int root = i;
      while (parent[root] != root) {
        root = parent[root];
      }
      while (parent[i] != root) {
        int next = parent[i];
        parent[i] = root;
        i = next;
      }
      return root;
    }

    /** The first exclusive slot where the two groups hold different values, or -1. */
    int exclusiveClash(int a, int b) {
      String[] x = exclusive[a];
      String[] y = exclusive[b];
      for (int s = 0; s < x.length; s++) {
        if (x[s] != null && y[s] != null && !x[s].equals(y[s])) {
          return s;
        }
      }
      return -1;
    }

    boolean neverLinked(int a, int b) {
      int[] fa = forbidden[a];
      int[] fb = forbidden[b];
      int[] scan = fa.length <= fb.length ? fa : fb;
      int other = scan == fa ? b : a;
      for (int f : scan) {
        if (find(f) == other) {
          return true;
        }
      }
      return false;
    }

    void union(int a, int b) {
      if (size[a] < size[b]) {
        int t = a;
        a = b;
        b = t;
      }
      parent[b] = a;
      size[a] += size[b];
      exclusive[a] = mergeExclusive(exclusive[a], exclusive[b]);
      if (people != null) {
        // Joined across a conflict (an identifier vouched for it), or holding such a join already:
        // the group is one person with incompatible descriptions from now on.
        aliased[a] = aliased[a] || aliased[b]
            || firstConflict(rule, people[a], people[b]) != PersonConflict.NONE;
        people[a] = mergePeople(people[a], people[b]);
      }
      if (forbidden != null && forbidden[b].length > 0) {
        int[] merged = Arrays.copyOf(forbidden[a], forbidden[a].length + forbidden[b].length);
        System.arraycopy(forbidden[b], 0, merged, forbidden[a].length, forbidden[b].length);
        forbidden[a] = merged;
      }
    }

    /** Copy-on-write: the arrays start as the entries' own and must not be changed in place. */
    private static String[] mergeExclusive(String[] into, String[] from) {
      String[] out = null;
      for (int s = 0; s < into.length; s++) {
        if (into[s] == null && from[s] != null) {
          if (out == null) {
            out = into.clone();
          }
          out[s] = from[s];
        }
      }
      return out == null ? into : out;
    }
  }

  /**
   * Whether two touchpoints share a value that incompatible people share (contested) or that too
   * many people share (generic: a shop's placeholder email typed for every walk-in).
   */
  static boolean shareContestedOrGeneric(TouchpointNode x, TouchpointNode y,
      java.util.Set<ValueNode> contested) {
    for (ValueNode v : x.values) {
      if (v.generic() || contested.contains(v)) {
        for (ValueNode w : y.values) {
          if (v == w) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** For each of {@code members}, whether its touchpoint names someone by a counted given name. */
  private static boolean[] namedByGivenName(int[] members, TouchpointNode[] entries,
      PersonRule rule) {
    boolean[] named = new boolean[members.length];
    for (int i = 0; i < members.length; i++) {
      PersonTraits p = entries[members[i]].person();
      named[i] = p != null && rule.countingKey(p) != null;
    }
    return named;
  }

  /**
   * Whether two carriers of {@code v} name incompatible people, or {@code v} is a role account,
   * which names nobody in particular whoever its carriers are.
   */
  static boolean contested(ValueNode v, PersonRule rule) {
    if (v.roleAccount()) {
      return true;
    }
    PersonTraits[] people = NO_PEOPLE;
    for (int i = 0; i < v.carrierCount(); i++) {
      PersonTraits p = v.carrier(i).person();
      if (p != null) {
        if (firstConflict(rule, p, people) != PersonConflict.NONE) {
          return true;
        }
        people = withPerson(people, p);
      }
    }
    return false;
  }

  /** Whether two of {@code people} are incompatible (joined by an identifier that vouches). */
  static boolean anyConflict(PersonRule rule, PersonTraits[] people) {
    for (int i = 0; i < people.length; i++) {
      for (int j = i + 1; j < people.length; j++) {
        if (conflict(rule, people[i], people[j]) != PersonConflict.NONE) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The first disagreement between a person of {@code a} and a person of {@code b}, in the
   * arrays' order, or {@link PersonConflict#NONE}. A rule that fails counts as no conflict: it
   * must not keep apart what the identifiers join, and the rule's contract says it never throws.
   */
  static PersonConflict firstConflict(PersonRule rule, PersonTraits[] a, PersonTraits[] b) {
    for (PersonTraits x : a) {
      for (PersonTraits y : b) {
        PersonConflict c = conflict(rule, x, y);
        if (c != PersonConflict.NONE) {
          return c;
        }
      }
    }
    return PersonConflict.NONE;
  }

  /**
   * {@link #firstConflict(PersonRule, PersonTraits[], PersonTraits[])} of one person against a
   * group's, without an array made for the one (a recompute asks it for every carrier of every
   * value that links).
   */
  static PersonConflict firstConflict(PersonRule rule, PersonTraits p, PersonTraits[] people) {
    for (PersonTraits y : people) {
      PersonConflict c = conflict(rule, p, y);
      if (c != PersonConflict.NONE) {
        return c;
      }
    }
    return PersonConflict.NONE;
  }

  /** Whether {@code p} agrees with (does not conflict with) some person of {@code people}. */
  static boolean someAgree(PersonRule rule, PersonTraits p, PersonTraits[] people) {
    for (PersonTraits q : people) {
      if (conflict(rule, p, q) == PersonConflict.NONE) {
        return true;
      }
    }
    return false;
  }

  /**
   * The disagreement between two people, {@link PersonConflict#NONE} for none, a null answer or a
   * rule that fails (see {@link #firstConflict}). Asked pair by pair, {@link #anyConflict} made two
   * one-person arrays for every pair of a profile's people on every fast-path resolve.
   */
  private static PersonConflict conflict(PersonRule rule, PersonTraits x, PersonTraits y) {
    try {
      PersonConflict c = rule.conflict(x, y);
      return c == null ? PersonConflict.NONE : c;
    } catch (RuntimeException e) {
      return PersonConflict.NONE;
    }
  }

  /**
   * {@code people} with {@code p} added unless an equal person is there: {@link #mergePeople} of
   * one person, without an array made for the one. Copy-on-write, as {@code mergePeople}.
   */
  static PersonTraits[] withPerson(PersonTraits[] people, PersonTraits p) {
    for (PersonTraits q : people) {
      if (q.equals(p)) {
        return people;
      }
    }
    PersonTraits[] out = java.util.Arrays.copyOf(people, people.length + 1);
    out[people.length] = p;
    return out;
  }

  /** The distinct traits of two groups together (equal traits once), sharing an input if it can. */
  static PersonTraits[] mergePeople(PersonTraits[] into, PersonTraits[] from) {
    if (from.length == 0) {
      return into;
    }
    if (into.length == 0) {
      return from;
    }
    PersonTraits[] out = null;
    int n = into.length;
    for (PersonTraits t : from) {
      boolean present = false;
      for (int i = 0; i < n && !present; i++) {
        present = (out == null ? into[i] : out[i]).equals(t);
      }
      if (!present) {
        if (out == null) {
          out = java.util.Arrays.copyOf(into, into.length + from.length);
        }
        out[n++] = t;
      }
    }
    return out == null ? into : java.util.Arrays.copyOf(out, n);
  }
}
