package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The in-memory {@link IdentityResolver}: it orchestrates each change and owns the lock. The work
 * is done by parts with one job each: {@link MergeGraph} normalizes touchpoints into nodes and
 * keeps the limits; {@link ScoredLinks} finds scored-match edges; {@link FastPath} places most new
 * touchpoints directly (a returning customer joining her profile); otherwise {@link Partition}
 * recomputes the touched components with {@link ComponentClusterer}; {@link ProfileIds} keeps
 * the ids anchored; {@link ProfileViews} makes the snapshots readers get.
 */
final class InMemoryResolver implements IdentityResolver {
  private static final System.Logger LOG = System.getLogger(IdentityResolver.class.getName());

  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
  private final List<ProfileListener> listeners;
  private final Erasure erasure;
  private final MergeGraph graph;
  /** Blocks and scored-match edges; null without a match model. */
  private final ScoredLinks scored;
  private final ProfileIds ids;
  private final Partition partition;
  /** Null when switched off (the tests that hold it against the full path). */
  private final FastPath fastPath;
  /** How a single resolve takes the write lock while other threads resolve too. */
  private final ResolveGate gate;
  /** {@link ResolverBuilder#readAhead}: false only in tests. */
  private final boolean readsAhead;
  private final ArrayList<Problem> scratchProblems = new ArrayList<>();
  /** See {@link ResolverBuilder#parallelBatch}. */
  private final int parallelBatch;
  private final int batchSlice;

  InMemoryResolver(ResolverBuilder builder) {
    this(builder, builder.listeners);
  }

  /** With other listeners than the builder's: the journal hears changes first, then hands them on. */
  InMemoryResolver(ResolverBuilder builder, List<ProfileListener> listeners) {
    this.listeners = List.copyOf(listeners);
    this.ids = new ProfileIds(builder.firstProfileId);
    this.erasure = new Erasure(builder);
    this.graph = new MergeGraph(builder);
    this.scored = builder.matchModel == null ? null
        : new ScoredLinks(builder.matchModel, builder.blockingKeys, builder.blockLimits(),
            graph::namesOnePerson);
    this.partition = new Partition(ids, graph.personRule, graph.exclusiveSlots(),
        graph.noExclusive, builder.parallelCluster, graph::newWalk);
    this.fastPath = builder.fastPath ? new FastPath(partition, graph.personRule) : null;
    this.gate = new ResolveGate(lock.writeLock(), scoresAhead());
    this.readsAhead = builder.readAhead;
    this.parallelBatch = builder.parallelBatch;
    this.batchSlice = builder.batchSlice;
  }

  /** The number of the first profile id this resolver hands out (its id namespace). */
  long firstProfileId() {
    return ids.first();
  }

  // ---------------------------------------------------------------- changes

  @Override
  public List<String> forget(IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    // The write lock throughout: the reads inside take the read lock, which its holder may.
    lock.writeLock().lock();
    try {
      List<String> removed = carriersOf(type, rawValue);
      erase(removed);
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * The carriers of a raw value as a customer spells it: those of the value as given (and of the
   * values derived from it), and those of each value it names in a region the resolver has seen
   * ({@link MergeGraph#lookUp}), in id order. The journaled resolver erases the same ones.
   */
  List<String> carriersOf(IdentifierType type, String rawValue) {
    java.util.TreeSet<String> ids = new java.util.TreeSet<>(erasure.carriers(this, type, rawValue));
    List<String> named = new ArrayList<>();
    lock.readLock().lock();
    try {
      TypeInfo info = graph.knownType(type);
      if (info != null) {
        for (ValueNode node : graph.lookUp(info, rawValue)) {
          named.add(node.value);
        }
      }
    } finally {
      lock.readLock().unlock();
    }
    for (String value : named) {
      ids.addAll(erasure.carriers(this, type, value));
    }
    return List.copyOf(ids);
  }

  @Override
  public List<String> forget(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.writeLock().lock();
    try {
      List<String> removed = profile(profileId)
          .map(p -> List.copyOf(new java.util.TreeSet<>(p.touchpointIds()))).orElse(List.of());
      erase(removed);
      return removed;
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public Resolution resolve(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    // Alone: read under the lock. Else read while the others work, then wait (ResolveGate).
    if (gate.tryAlone()) {
      try {
        return resolveHoldingLock(touchpoint, null);
      } finally {
        lock.writeLock().unlock();
      }
    }
    ReadAhead read;
    gate.startReadingAhead();
    try {
      read = readAhead(touchpoint);
    } finally {
      gate.stopReadingAhead();
    }
    try {
      return resolve(touchpoint, read);
    } finally {
      if (read != null) {
        read.release();
      }
    }
  }

  /**
   * Reads what a resolve of {@code touchpoint} reads off it alone ({@link ReadAhead}), with no
   * lock held: call before taking any lock, then {@link #resolve(Touchpoint, ReadAhead)}, then
   * {@link ReadAhead#release}. A journaled resolver reads ahead before its own lock so. Null
   * when this resolver reads under the lock ({@link ResolverBuilder#readAhead}, tests only).
   */
  ReadAhead readAhead(Touchpoint touchpoint) {
    if (!readsAhead) {
      return null;
    }
    ReadAhead read = ReadAhead.take();
    try {
      read.normalizedKnown = graph.readAhead(touchpoint, read.normalized);
      if (scored != null) {
        scored.readAhead(touchpoint, read.scoring);
      }
      return read;
    } catch (RuntimeException | Error e) {
      read.release();
      throw e;
    }
  }

  /**
   * Whether reading a touchpoint ahead also scores its candidates (a match model): long enough
   * that a resolve reading ahead keeps others from reading under the lock ({@link ResolveGate}).
   */
  boolean scoresAhead() {
    return scored != null;
  }

  /**
   * {@link #resolve(Touchpoint)} with what {@link #readAhead} read off the touchpoint; with
   * {@code read} null, reads it under the lock.
   */
  Resolution resolve(Touchpoint touchpoint, ReadAhead read) {
    gate.lock();
    try {
      return resolveHoldingLock(touchpoint, read);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** {@link #resolve(Touchpoint, ReadAhead)} with the write lock held. */
  private Resolution resolveHoldingLock(Touchpoint touchpoint, ReadAhead read) {
    List<Problem> found = scratchProblems;
    found.clear();
    TouchpointNode node = read != null && read.normalizedKnown
        ? graph.insertUnlessPresent(touchpoint, read.normalized, found)
        : graph.insertUnlessPresent(touchpoint, found);
    if (node == null) {
      TouchpointNode existing = graph.touchpoint(touchpoint.id());
      requireSameContent(existing, touchpoint);
      return new Resolution(touchpoint.id(), Resolution.Outcome.DUPLICATE, existing.cluster.id,
          List.of(), List.of(), List.of(), List.of());
    }
    List<TouchpointNode> alsoChanged = scored == null ? List.of()
        : read != null ? scored.add(node, read.scoring, found)
        : scored.add(node, touchpoint, found);
    List<Problem> problems = found.isEmpty() ? List.of() : List.copyOf(found);
    if (fastPath != null && alsoChanged.isEmpty()) {
      Resolution fast = fastPath.attach(node, problems);
      if (fast != null) {
        if (!listeners.isEmpty()) {
          // Asked only when someone listens: the fast path builds its events lazily.
          fire(fast.events());
        }
        return fast;
      }
    }
    List<TouchpointNode> seeds = new ArrayList<>(MergeGraph.changedBy(node));
    seeds.addAll(alsoChanged);
    node.pushedOverLimit = false;
    Partition.Change change = partition.recompute(seeds, node, null);
    Cluster cluster = node.cluster;
    LinkedHashSet<ProfileId> mergedIds = new LinkedHashSet<>();
    boolean joinedExisting = false;
    for (TouchpointNode member : cluster.members()) {
      Cluster previous = change.previous().get(member);
      if (previous == null) {
        continue;
      }
      joinedExisting = true;
      if (!previous.id.equals(cluster.id)) {
        mergedIds.add(previous.id);
      }
    }
    Resolution.Outcome outcome = !joinedExisting ? Resolution.Outcome.CREATED
        : mergedIds.isEmpty() ? Resolution.Outcome.ATTACHED : Resolution.Outcome.MERGED;
    List<ProfileId> merged = new ArrayList<>(mergedIds);
    Collections.sort(merged);
    List<Evidence> evidence = new ArrayList<>(Partition.linksOf(node));
    evidence.addAll(change.refusals());
    fire(change.events());
    return new Resolution(touchpoint.id(), outcome, cluster.id, merged, evidence,
        change.events(), problems);
  }

  @Override
  public BatchResult resolveAll(Collection<Touchpoint> touchpoints) {
    Objects.requireNonNull(touchpoints, "touchpoints");
    lock.writeLock().lock();
    try {
      List<Problem> problems = new ArrayList<>();
      List<TouchpointNode> added = new ArrayList<>(touchpoints.size());
      List<TouchpointNode> scoredSeeds = new ArrayList<>();
      int[] counts = new int[2]; // duplicates, rejected
      if (touchpoints.size() >= parallelBatch) {
        insertInSlices(touchpoints.toArray(new Touchpoint[0]), problems, added, scoredSeeds,
            counts);
      } else {
        int position = 0;
        for (Touchpoint touchpoint : touchpoints) {
          insertOne(touchpoint, position++, null, null, problems, added, scoredSeeds, null,
              counts);
        }
      }
      int duplicates = counts[0];
      int rejected = counts[1];
      // Seeds in this order (new touchpoints, the carriers of values they made generic, then
      // the scored side's): components are clustered, and new profile ids handed out, in it.
      List<TouchpointNode> seeds = new ArrayList<>(added);
      for (TouchpointNode node : added) {
        if (node.pushedOverLimit) {
          seeds.addAll(MergeGraph.changedBy(node));
          node.pushedOverLimit = false;
        }
      }
      seeds.addAll(scoredSeeds);
      Partition.Change change = partition.recompute(seeds, null, null);
      fire(change.events());
      return new BatchResult(added.size(), duplicates, rejected, problems, change.events());
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Inserts one touchpoint of a batch, in input order: a duplicate is counted, a refusal
   * reported. {@code normalized} and {@code ahead}, when not null, are what
   * {@link MergeGraph#normalizeAhead} and {@link ScoredLinks#prepareAhead} read off it ahead;
   * with {@code pending} not null the touchpoint is only entered into its blocks, to be scored and
   * linked by the caller in this order, else it is scored and linked at once.
   */
  private void insertOne(Touchpoint touchpoint, int position, MergeGraph.Normalized normalized,
      ScoredLinks.Ahead ahead, List<Problem> problems, List<TouchpointNode> added,
      List<TouchpointNode> scoredSeeds, List<ScoredLinks.Pending> pending, int[] counts) {
    if (touchpoint == null) {
      problems.add(new Problem("#" + position, "touchpoints[" + position + "]",
          Reason.MISSING_FIELD, "is null"));
      counts[1]++;
      return;
    }
    try {
      // The id is looked up with the values, as a resolve does: looked up first, alone, its
      // cache miss was waited for on every touchpoint (a seventh of a batch's inserting thread at
      // 1 M, in JFR). A repeat changes nothing and is then looked up again, to compare.
      TouchpointNode node = normalized != null
          ? graph.insertUnlessPresent(touchpoint, normalized, problems)
          : graph.insertUnlessPresent(touchpoint, problems);
      if (node == null) {
        requireSameContent(graph.touchpoint(touchpoint.id()), touchpoint);
        counts[0]++;
        return;
      }
      added.add(node);
      if (scored != null) {
        if (pending != null) {
          pending.add(scored.enter(node, touchpoint, ahead, problems));
        } else {
          scoredSeeds.addAll(scored.add(node, touchpoint, problems));
        }
      }
    } catch (OmniIdException e) {
      problems.add(Problem.of(touchpoint.id(), e));
      counts[1]++;
    }
  }

  /**
   * A large batch, slice by slice: what each touchpoint brings alone (normalized identifiers,
   * prepared fields, blocking keys, its person) is read on the caller's fork-join pool (the common
   * pool unless the caller runs in another), then the slice is inserted on this thread in input
   * order, its candidate pairs scored on the pool, and its edges made in input order again. Every
   * step that reads or changes the graph runs in the order the sequential loop runs it, so the
   * partition, the profile ids and the problems are the sequential loop's.
   */
  private void insertInSlices(Touchpoint[] all, List<Problem> problems,
      List<TouchpointNode> added, List<TouchpointNode> scoredSeeds, int[] counts) {
    for (int from = 0; from < all.length; from += batchSlice) {
      int start = from;
      int length = Math.min(batchSlice, all.length - from);
      MergeGraph.Normalized[] normalized = new MergeGraph.Normalized[length];
      ScoredLinks.Ahead[] ahead = scored == null ? null : new ScoredLinks.Ahead[length];
      readAhead(all, start, length, true, normalized, ahead, 0);
      List<ScoredLinks.Pending> pending = scored == null ? null : new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        insertOne(all[start + i], start + i, normalized[i], ahead == null ? null : ahead[i],
            problems, added, scoredSeeds, pending, counts);
        normalized[i] = null;
      }
      if (pending != null) {
        pending.parallelStream().forEach(scored::score);
        for (ScoredLinks.Pending p : pending) {
          scoredSeeds.addAll(scored.link(p));
        }
      }
    }
  }

  /**
   * The profile ids in use (current ids and aliases), each with the touchpoint it is anchored on,
   * and the next id to hand out: with the touchpoints and rules, what gives the same ids again
   * ({@link #restore}). A snapshot keeps it so that profile ids survive a restart.
   */
  ProfileIds.Anchors idAnchors() {
    lock.readLock().lock();
    try {
      return ids.anchors();
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The current partition over the touchpoints in {@code order} (every live touchpoint, each
   * once), and with {@code withEdges} and a scored side its scored edges: what a snapshot stores
   * so that a restart restores the profiles instead of clustering again, and the edges instead
   * of scoring again. Profiles come in the order of their first touchpoint.
   */
  Settled settled(Collection<String> order, boolean withEdges) {
    lock.readLock().lock();
    try {
      int n = order.size();
      if (n != graph.touchpointCount()) {
        throw new IllegalStateException(n + " touchpoints to snapshot, " + graph.touchpointCount()
            + " in the graph");
      }
      TouchpointNode[] nodes = new TouchpointNode[n];
      int[] profileOf = new int[n];
      // By a cluster's position among the live ones: its profile number + 1, 0 before it is met.
      int[] numberOf = new int[partition.size()];
      int[] counts = new int[partition.size() + 1];
      int profiles = 0;
      int i = 0;
      for (String id : order) {
        TouchpointNode node = graph.touchpoint(id);
        if (node == null || node.cluster.liveIndex() < 0) {
          throw new IllegalStateException("touchpoint " + id + " is not in a current profile");
        }
        int live = node.cluster.liveIndex();
        if (numberOf[live] == 0) {
          numberOf[live] = ++profiles;
        }
        nodes[i] = node;
        profileOf[i] = numberOf[live] - 1;
        counts[profileOf[i] + 1]++;
        i++;
      }
      if (profiles != partition.size()) {
        throw new IllegalStateException(partition.size() - profiles
            + " profiles hold no touchpoint");
      }
      int[] starts = new int[profiles + 1];
      for (int p = 0; p < profiles; p++) {
        starts[p + 1] = starts[p] + counts[p + 1];
      }
      int[] next = java.util.Arrays.copyOf(starts, profiles);
      int[] members = new int[n];
      for (int t = 0; t < n; t++) {
        members[next[profileOf[t]]++] = t;
      }
      boolean[] clean = new boolean[profiles];
      for (int p = 0; p < profiles; p++) {
        clean[p] = nodes[members[starts[p]]].cluster.clean();
        sortById(members, starts[p], starts[p + 1], nodes);
      }
      return new Settled(starts, members, clean,
          withEdges && scored != null ? edgesInOrder(nodes) : null);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * Every scored edge once, in the order {@link Settled.Edges} describes: for each touchpoint in
   * {@code nodes}' order, its edges to touchpoints before it, by their ids.
   */
  private static Settled.Edges edgesInOrder(TouchpointNode[] nodes) {
    IdentityHashMap<TouchpointNode, Integer> positions = new IdentityHashMap<>();
    int count = 0;
    for (int i = 0; i < nodes.length; i++) {
      if (nodes[i].hasEdges()) {
        positions.put(nodes[i], i);
        count += nodes[i].edgeCount();
      }
    }
    count /= 2; // each edge is held by both its ends
    int[] later = new int[count];
    int[] earlier = new int[count];
    double[] weights = new double[count];
    int[] supports = new int[count];
    boolean[] vouches = new boolean[count];
    int k = 0;
    List<Edge> before = new ArrayList<>();
    for (int i = 0; i < nodes.length; i++) {
      TouchpointNode node = nodes[i];
      if (!node.hasEdges()) {
        continue;
      }
      before.clear();
      for (int j = 0, n = node.edgeCount(); j < n; j++) {
        Edge edge = node.edge(j);
        if (positions.get(edge.other(node)) < i) {
          before.add(edge);
        }
      }
      before.sort((x, y) -> TouchpointNode.BY_ID.compare(x.other(node), y.other(node)));
      for (Edge edge : before) {
        later[k] = i;
        earlier[k] = positions.get(edge.other(node));
        weights[k] = edge.weight;
        supports[k] = edge.support;
        vouches[k] = edge.vouchesForOnePerson;
        k++;
      }
    }
    if (k != count) {
      throw new IllegalStateException(count + " scored edges, " + k + " with both ends listed");
    }
    return new Settled.Edges(later, earlier, weights, supports, vouches);
  }

  /** Sorts {@code members[from..to)}, indexes into {@code nodes}, by touchpoint id. */
  private static void sortById(int[] members, int from, int to, TouchpointNode[] nodes) {
    if (to - from <= 32) {
      for (int i = from + 1; i < to; i++) {
        int m = members[i];
        String id = nodes[m].id;
        int j = i - 1;
        while (j >= from && nodes[members[j]].id.compareTo(id) > 0) {
          members[j + 1] = members[j];
          j--;
        }
        members[j + 1] = m;
      }
      return;
    }
    Integer[] boxed = new Integer[to - from];
    for (int i = from; i < to; i++) {
      boxed[i - from] = members[i];
    }
    java.util.Arrays.sort(boxed, Comparator.comparing(m -> nodes[m].id));
    for (int i = from; i < to; i++) {
      members[i] = boxed[i - from];
    }
  }

  /**
   * What a restore did: its result, whether it restored a settled partition, and whether it
   * installed stored scored edges instead of scoring.
   */
  record Restored(BatchResult result, boolean settled, boolean storedEdges) {}

  /**
   * Fills an empty resolver with touchpoints, never-link rules and profile-id anchors, and makes
   * the profiles current: those of {@code settled} (positions in {@code touchpoints}' order) when
   * it is given and fits, else by clustering once. Each profile takes the oldest id anchored on
   * its members, as it did when the anchors were read, so the partition and its ids are the ones
   * {@link #idAnchors} described. The graph's value tables, blocks and edges are built either way:
   * the edges from {@code settled}'s stored ones when it has them and they fit, else by scoring.
   * A settled partition that does not fit (a touchpoint refused, a profile without an anchored id)
   * is dropped. Anchors on unknown touchpoints are ignored; listeners hear nothing, and the result
   * holds no events.
   */
  Restored restore(Collection<Touchpoint> touchpoints, List<String[]> rules,
      ProfileIds.Anchors anchors, Settled settled) {
    lock.writeLock().lock();
    try {
      if (graph.touchpointCount() > 0) {
        throw new IllegalStateException("restore needs an empty resolver");
      }
      if (settled != null && settled.members().length != touchpoints.size()) {
        settled = null;
      }
      List<Problem> problems = new ArrayList<>();
      List<TouchpointNode> seeds = new ArrayList<>(touchpoints.size());
      List<TouchpointNode> scoredSeeds = new ArrayList<>();
      int[] counts = new int[2]; // duplicates (none in a snapshot's map by id), rejected
      Touchpoint[] all = null;
      if (scored != null && settled != null && settled.edges() != null) {
        all = touchpoints.toArray(new Touchpoint[0]);
        if (!settled.edges().fit(all)) {
          all = null; // scored again below: never a graph of edges that do not fit
        }
      }
      boolean storedEdges = false;
      if (all != null) {
        storedEdges = insertWithStoredEdges(all, settled.edges(), problems, seeds, scoredSeeds,
            counts);
      } else if (scored != null && touchpoints.size() >= parallelBatch) {
        // As resolveAll inserts a batch: a large snapshot is normalized, prepared and scored on
        // the fork-join pool slice by slice, inserted and linked in its order (the same graph).
        // Only with a scored side: scoring is what the pool cuts (a restart of 1 M with the OmniId
        // defaults, 41 s of the restarting thread's CPU to 23 s); without one, normalizing is too
        // little of a restart to pay for the slices.
        insertInSlices(touchpoints.toArray(new Touchpoint[0]), problems, seeds, scoredSeeds,
            counts);
      } else {
        // A snapshot holds each id once: no look-up for a duplicate (a tenth of an insert).
        for (Touchpoint touchpoint : touchpoints) {
          try {
            TouchpointNode node = graph.insert(touchpoint, problems);
            seeds.add(node);
            if (scored != null) {
              scoredSeeds.addAll(scored.add(node, touchpoint, problems));
            }
          } catch (OmniIdException e) {
            problems.add(Problem.of(touchpoint.id(), e));
            counts[1]++;
          }
        }
      }
      for (TouchpointNode node : seeds) {
        // Every node is a seed: the values it pushed over their limits reach nothing more.
        node.pushedOverLimit = false;
      }
      int added = seeds.size();
      int rejected = counts[1];
      for (String[] rule : rules) {
        TouchpointNode a = graph.touchpoint(rule[0]);
        TouchpointNode b = graph.touchpoint(rule[1]);
        if (a != null && b != null && a != b) {
          MergeGraph.addNeverLink(a, b);
        }
      }
      ids.restore(anchors, graph::touchpoint);
      boolean restored = rejected == 0 && settled != null && restoreSettled(seeds, settled);
      if (!restored) {
        seeds.addAll(scoredSeeds);
        partition.computeQuietly(seeds);
      }
      return new Restored(new BatchResult(added, 0, rejected, problems, List.of()), restored,
          storedEdges);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * What inserting {@code all[start..start + length)} reads off each touchpoint alone, computed
   * ahead (on the pool when {@code parallel}): its normalized identifiers into
   * {@code normalized[i]} and, with a scored side, its prepared fields and blocking keys into
   * {@code ahead[aheadFrom + i]}. A null touchpoint, or one that fails, leaves nulls: the
   * sequential step meets the same failure where the one-by-one loop would.
   */
  private void readAhead(Touchpoint[] all, int start, int length, boolean parallel,
      MergeGraph.Normalized[] normalized, ScoredLinks.Ahead[] ahead, int aheadFrom) {
    IntStream slice = IntStream.range(0, length);
    (parallel ? slice.parallel() : slice).forEach(i -> {
      Touchpoint t = all[start + i];
      if (t == null) {
        return;
      }
      try {
        normalized[i] = graph.normalizeAhead(t);
        if (ahead != null) {
          ahead[aheadFrom + i] = scored.prepareAhead(t);
        }
      } catch (RuntimeException e) {
        normalized[i] = null;
        if (ahead != null) {
          ahead[aheadFrom + i] = null;
        }
      }
    });
  }

  /**
   * Inserts a snapshot's touchpoints and gives them the scored edges it stored instead of scoring
   * them. Each touchpoint's match fields and blocking keys are prepared on the fork-join pool
   * (slice by slice for a large snapshot, as {@link #insertInSlices} does: preparing is pure),
   * the touchpoints are inserted in snapshot order, and only once every one is in (a refused one
   * would move the positions the edges name) they enter their blocks, unscored and retiring
   * nothing: a block ends holding what it holds after inserting them one by one, and a block past
   * the maximum is retired by its size alone. The edges then go on both their ends in the order
   * {@link ScoredLinks#link} puts them there. If a touchpoint was refused, the others are scored
   * as {@link ScoredLinks#add} scores them instead, and false is returned.
   */
  private boolean insertWithStoredEdges(Touchpoint[] all, Settled.Edges edges,
      List<Problem> problems, List<TouchpointNode> added, List<TouchpointNode> scoredSeeds,
      int[] counts) {
    TouchpointNode[] nodes = new TouchpointNode[all.length];
    ScoredLinks.Ahead[] ahead = new ScoredLinks.Ahead[all.length];
    boolean parallel = all.length >= parallelBatch;
    for (int from = 0; from < all.length; from += batchSlice) {
      int start = from;
      int length = Math.min(batchSlice, all.length - from);
      MergeGraph.Normalized[] normalized = new MergeGraph.Normalized[length];
      readAhead(all, start, length, parallel, normalized, ahead, start);
      for (int i = 0; i < length; i++) {
        int at = start + i;
        Touchpoint touchpoint = all[at];
        try {
          nodes[at] = normalized[i] != null ? graph.insert(touchpoint, normalized[i], problems)
              : graph.insert(touchpoint, problems);
          added.add(nodes[at]);
          if (ahead[at] == null) {
            ahead[at] = scored.prepareAhead(touchpoint);
          }
          // Each touchpoint's problems where the one-by-one insert reports them.
          problems.addAll(ahead[at].problems());
        } catch (OmniIdException e) {
          problems.add(Problem.of(touchpoint.id(), e));
          counts[1]++;
        }
        normalized[i] = null;
      }
    }
    if (counts[1] > 0) {
      List<Problem> reported = new ArrayList<>(); // reported above already
      for (int at = 0; at < all.length; at++) {
        if (nodes[at] != null) {
          ScoredLinks.Pending pending = scored.enter(nodes[at], all[at], ahead[at], reported);
          scored.score(pending);
          scoredSeeds.addAll(scored.link(pending));
        }
      }
      return false;
    }
    for (int at = 0; at < all.length; at++) {
      scored.enterUnscored(nodes[at], ahead[at]);
      ahead[at] = null;
    }
    for (int k = 0; k < edges.size(); k++) {
      scored.install(nodes[edges.later()[k]], nodes[edges.earlier()[k]], edges.weights()[k],
          edges.supports()[k], edges.vouches()[k]);
    }
    return true;
  }

  /**
   * Makes the settled profiles current, or nothing and false when one has no anchored id (then
   * a new id would be handed out in another order than clustering hands them out).
   */
  private boolean restoreSettled(List<TouchpointNode> nodes, Settled settled) {
    int[] starts = settled.starts();
    int[] members = settled.members();
    for (int p = 0; p < settled.profiles(); p++) {
      boolean anchored = false;
      for (int i = starts[p]; i < starts[p + 1] && !anchored; i++) {
        anchored = nodes.get(members[i]).anchored != null;
      }
      if (!anchored) {
        return false;
      }
    }
    for (int p = 0; p < settled.profiles(); p++) {
      ArrayList<TouchpointNode> group = new ArrayList<>(starts[p + 1] - starts[p]);
      for (int i = starts[p]; i < starts[p + 1]; i++) {
        group.add(nodes.get(members[i]));
      }
      partition.newCluster(group, settled.clean()[p]);
    }
    return true;
  }

  @Override
  public List<ProfileEvent> remove(String touchpointId) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.writeLock().lock();
    try {
      TouchpointNode node = graph.touchpoint(touchpointId);
      if (node == null) {
        return List.of();
      }
      List<TouchpointNode> seeds = graph.remove(node);
      if (scored != null) {
        seeds.addAll(scored.removeFromBlocks(node));
      }
      if (node.anchored != null) {
        ids.reanchor(node, heirOf(node));
      }
      Partition.Change change = partition.recompute(seeds, null, node.cluster);
      fire(change.events());
      return change.events();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /**
   * Removes touchpoints as ONE change (an erasure): all of them leave the graph first, then the
   * components they touched are recomputed once. Removing them one at a time would let the
   * partitions in between (a profile held apart from another only by an erased touchpoint)
   * merge and move profile ids across customers, and announce merges that never were. The ids
   * anchored on an erased touchpoint move to the smallest surviving member of its profile, or
   * stop resolving when nothing of that profile survives; the events compare the partition
   * before with the partition after. Unknown ids are skipped.
   */
  List<ProfileEvent> erase(Collection<String> touchpointIds) {
    lock.writeLock().lock();
    try {
      List<TouchpointNode> gone = new ArrayList<>();
      for (String id : touchpointIds) {
        TouchpointNode node = graph.touchpoint(id);
        if (node != null) {
          gone.add(node);
        }
      }
      if (gone.isEmpty()) {
        return List.of();
      }
      List<TouchpointNode> seeds = new ArrayList<>();
      Set<Cluster> removedFrom = Collections.newSetFromMap(new IdentityHashMap<>());
      for (TouchpointNode node : gone) {
        seeds.addAll(graph.remove(node));
        if (scored != null) {
          seeds.addAll(scored.removeFromBlocks(node));
        }
        removedFrom.add(node.cluster);
      }
      // Every erased node is flagged removed now, so no id moves to a touchpoint erased with it.
      for (TouchpointNode node : gone) {
        if (node.anchored != null) {
          ids.reanchor(node, heirOf(node));
        }
      }
      Partition.Change change = partition.recomputeAfterErasure(seeds, removedFrom);
      fire(change.events());
      return change.events();
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** The member of a removed touchpoint's profile that its ids move to: the smallest id left. */
  private static TouchpointNode heirOf(TouchpointNode removed) {
    TouchpointNode heir = null;
    for (TouchpointNode member : removed.cluster.members()) {
      if (!member.removed && (heir == null || member.id.compareTo(heir.id) < 0)) {
        heir = member;
      }
    }
    return heir;
  }

  @Override
  public List<ProfileEvent> neverLink(String touchpointId, String otherTouchpointId) {
    lock.writeLock().lock();
    try {
      TouchpointNode a = known(touchpointId, "touchpointId");
      TouchpointNode b = known(otherTouchpointId, "otherTouchpointId");
      if (a == b) {
        throw new OmniIdException(Reason.INVALID_VALUE, "otherTouchpointId",
            "a touchpoint cannot be kept apart from itself");
      }
      boolean added = MergeGraph.addNeverLink(a, b);
      // A rule between touchpoints already in different profiles blocks no union the
      // clusterer made, so the partition stands as it is.
      if (!added || a.cluster != b.cluster) {
        return List.of();
      }
      return applyAndFire(List.of(a));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ProfileEvent> allowLink(String touchpointId, String otherTouchpointId) {
    lock.writeLock().lock();
    try {
      TouchpointNode a = known(touchpointId, "touchpointId");
      TouchpointNode b = known(otherTouchpointId, "otherTouchpointId");
      if (!MergeGraph.removeNeverLink(a, b)) {
        return List.of();
      }
      return applyAndFire(List.of(a, b));
    } finally {
      lock.writeLock().unlock();
    }
  }

  @Override
  public List<ProfileId> split(ProfileId profileId, Set<String> touchpointIds) {
    Objects.requireNonNull(profileId, "profileId");
    Objects.requireNonNull(touchpointIds, "touchpointIds");
    lock.writeLock().lock();
    try {
      Cluster cluster = clusterOf(profileId).orElseThrow(() -> new OmniIdException(
          Reason.UNKNOWN_REFERENCE, "profileId", "no profile " + profileId));
      // Each id is checked before the count: {"a", "zzz"} on a profile of two is a typo in
      // "zzz", not a request to move the whole profile. A set has no position of its own, so
      // the ids are checked in their sorted order (the same one is named whatever the set's
      // kind) and the offending id is named (a touchpoint id, never a personal value).
      List<TouchpointNode> side = new ArrayList<>();
      int position = 0;
      for (String id : new java.util.TreeSet<>(touchpointIds)) {
        TouchpointNode e = graph.touchpoint(id);
        String field = "touchpointIds[" + position++ + "]";
        if (e == null) {
          throw new OmniIdException(Reason.UNKNOWN_REFERENCE, field,
              "no touchpoint " + id + " is known (in sorted order)");
        }
        if (e.cluster != cluster) {
          throw new OmniIdException(Reason.UNKNOWN_REFERENCE, field,
              "touchpoint " + id + " is in profile " + e.cluster.id + ", not in " + profileId
                  + " (in sorted order)");
        }
        side.add(e);
      }
      if (side.isEmpty() || side.size() >= cluster.size()) {
        throw new OmniIdException(Reason.INVALID_VALUE, "touchpointIds",
            "must name some but not all of the profile's " + cluster.size()
                + " touchpoints");
      }
      Set<TouchpointNode> sideSet = Collections.newSetFromMap(new IdentityHashMap<>());
      sideSet.addAll(side);
      for (TouchpointNode a : side) {
        for (TouchpointNode b : cluster.members()) {
          if (!sideSet.contains(b)) {
            MergeGraph.addNeverLink(a, b);
          }
        }
      }
      applyAndFire(List.of(side.get(0)));
      Set<ProfileId> result = new java.util.TreeSet<>();
      for (TouchpointNode e : cluster.members()) {
        result.add(e.cluster.id);
      }
      return List.copyOf(result);
    } finally {
      lock.writeLock().unlock();
    }
  }

  /** Nothing to release: the in-memory resolver holds no file or thread. */
  @Override
  public void close() {}

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<Profile> profile(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.readLock().lock();
    try {
      return clusterOf(profileId).map(c -> ProfileViews.of(List.of(c), graph.personRule).get(0));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Optional<Profile> profileOfTouchpoint(String touchpointId) {
    return readNode(touchpointId,
        e -> ProfileViews.of(List.of(e.cluster), graph.personRule).get(0));
  }

  @Override
  public Optional<ProfileId> profileIdOf(String touchpointId) {
    return readNode(touchpointId, e -> e.cluster.id);
  }

  @Override
  public Optional<Touchpoint> touchpoint(String touchpointId) {
    return readNode(touchpointId, TouchpointNode::touchpoint);
  }

  /** What {@code read} takes from the node of a touchpoint under the read lock; empty if unknown. */
  private <R> Optional<R> readNode(String touchpointId,
      java.util.function.Function<TouchpointNode, R> read) {
    Objects.requireNonNull(touchpointId, "touchpointId");
    lock.readLock().lock();
    try {
      TouchpointNode e = graph.touchpoint(touchpointId);
      return e == null ? Optional.empty() : Optional.of(read.apply(e));
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<Profile> findProfiles(IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    lock.readLock().lock();
    try {
      TypeInfo info = graph.knownType(type);
      if (info == null) {
        return List.of();
      }
      Set<Cluster> clusters = new LinkedHashSet<>();
      for (ValueNode node : graph.lookUp(info, rawValue)) {
        for (int i = 0; i < node.carrierCount(); i++) {
          clusters.add(node.carrier(i).cluster);
        }
      }
      List<Cluster> sorted = new ArrayList<>(clusters);
      sorted.sort(Comparator.comparing(c -> c.id));
      return ProfileViews.of(sorted, graph.personRule);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public Stream<Profile> profiles() {
    lock.readLock().lock();
    try {
      List<Cluster> all = partition.clusters();
      all.sort(Comparator.comparing(c -> c.id));
      return ProfileViews.of(all, graph.personRule).stream();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public ProfileCounts profileCounts() {
    lock.readLock().lock();
    try {
      List<Cluster> clusters = partition.clusters();
      long withTwoOrMore = clusters.stream().filter(c -> c.size() > 1).count();
      java.util.concurrent.atomic.AtomicLongArray byKind =
          new java.util.concurrent.atomic.AtomicLongArray(Evidence.Kind.values().length);
      // As the profiles show it: evidence between two profiles is in both.
      ProfileViews.forEachEvidenceInParallel(clusters, graph.personRule,
          (e, owner, other) -> byKind.addAndGet(e.kind().ordinal(), owner == other ? 1 : 2));
      java.util.Map<Evidence.Kind, Long> evidence = new java.util.EnumMap<>(Evidence.Kind.class);
      for (Evidence.Kind kind : Evidence.Kind.values()) {
        evidence.put(kind, byKind.get(kind.ordinal()));
      }
      return new ProfileCounts(clusters.size(), withTwoOrMore, evidence);
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int profileCount() {
    lock.readLock().lock();
    try {
      return partition.size();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public int touchpointCount() {
    lock.readLock().lock();
    try {
      return graph.touchpointCount();
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public List<GenericValue> genericValues() {
    lock.readLock().lock();
    try {
      List<ValueNode> nodes = new ArrayList<>(graph.generic());
      nodes.sort(Comparator.<ValueNode>comparingInt(v -> v.type.rank).thenComparing(v -> v.value));
      List<GenericValue> out = new ArrayList<>(nodes.size());
      for (ValueNode v : nodes) {
        out.add(new GenericValue(v.identifier(),
            v.junk() ? GenericValue.Reason.JUNK : GenericValue.Reason.OVER_LIMIT,
            v.carrierCount()));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  @Override
  public PairExplanation why(String touchpointId, String otherTouchpointId) {
    lock.readLock().lock();
    try {
      TouchpointNode a = known(touchpointId, "touchpointId");
      TouchpointNode b = known(otherTouchpointId, "otherTouchpointId");
      List<Identifier> shared = new ArrayList<>();
      List<Identifier> sharedGeneric = new ArrayList<>();
      for (ValueNode v : a.values) {
        for (ValueNode w : b.values) {
          if (v == w && v.connects()) {
            (v.generic() ? sharedGeneric : shared).add(v.identifierBetween(a, b));
          } else if (v == w) {
            sharedGeneric.add(v.identifierBetween(a, b));
          }
        }
      }
      Optional<MatchScore> score = scored == null ? Optional.empty()
          : Optional.of(scored.model.score(a.extras, b.extras));
      List<Evidence> between = new ArrayList<>();
      List<Evidence> path = List.of();
      List<Evidence> refusals = new ArrayList<>();
      Set<TouchpointNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
      visited.add(a);
      List<TouchpointNode> component = MergeGraph.component(a, visited::add);
      if (visited.contains(b)) {
        // The clusterer's own decision replayed: its links form a spanning tree of each profile,
        // and its refusals name the profiles they kept apart.
        List<Evidence> all = ComponentClusterer.cluster(component, true, graph.personRule).evidence();
        for (Evidence e : all) {
          if ((e.touchpointId().equals(a.id) && e.otherTouchpointId().equals(b.id))
              || (e.touchpointId().equals(b.id) && e.otherTouchpointId().equals(a.id))) {
            between.add(e);
          }
          if (a.cluster != b.cluster && !e.links()) {
            Cluster x = graph.touchpoint(e.touchpointId()).cluster;
            Cluster y = graph.touchpoint(e.otherTouchpointId()).cluster;
            if ((x == a.cluster && y == b.cluster) || (x == b.cluster && y == a.cluster)) {
              refusals.add(e);
            }
          }
        }
        if (a.cluster == b.cluster) {
          path = linkPath(a, b, all, shared);
        }
      }
      return new PairExplanation(a.id, b.id, a.cluster.id, b.cluster.id, shared, sharedGeneric,
          score, between, path, refusals);
    } finally {
      lock.readLock().unlock();
    }
  }

  /**
   * The links from {@code a} to {@code b} in the clusterer's spanning tree of their profile. A
   * shared value links each carrier to an earlier one, so two carriers of one phone may be joined
   * through a third; when every link of the chain is that one value and both carry it, the chain
   * is told as what it is: the two share the value.
   */
  private static List<Evidence> linkPath(TouchpointNode a, TouchpointNode b, List<Evidence> all,
      List<Identifier> shared) {
    if (a == b) {
      return List.of();
    }
    Map<String, List<Evidence>> adjacent = new HashMap<>();
    for (Evidence e : all) {
      if (e.links()) {
        adjacent.computeIfAbsent(e.touchpointId(), k -> new ArrayList<>()).add(e);
        adjacent.computeIfAbsent(e.otherTouchpointId(), k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, Evidence> reachedBy = new HashMap<>();
    java.util.ArrayDeque<String> queue = new java.util.ArrayDeque<>();
    queue.add(a.id);
    reachedBy.put(a.id, null);
    while (!queue.isEmpty() && !reachedBy.containsKey(b.id)) {
      String at = queue.poll();
      for (Evidence e : adjacent.getOrDefault(at, List.of())) {
        String next = e.touchpointId().equals(at) ? e.otherTouchpointId() : e.touchpointId();
        if (!reachedBy.containsKey(next)) {
          reachedBy.put(next, e);
          queue.add(next);
        }
      }
    }
    if (!reachedBy.containsKey(b.id)) {
      return List.of(); // not reached: cannot happen for one profile, whose links span it
    }
    List<Evidence> path = new ArrayList<>();
    for (String at = b.id; !at.equals(a.id); ) {
      Evidence e = reachedBy.get(at);
      path.add(e);
      at = e.touchpointId().equals(at) ? e.otherTouchpointId() : e.touchpointId();
    }
    Collections.reverse(path);
    Evidence first = path.get(0);
    if (path.size() > 1 && first.kind() == Evidence.Kind.SHARED_IDENTIFIER) {
      Identifier value = first.identifiers().get(0);
      boolean oneValue = path.stream().allMatch(e -> e.kind() == Evidence.Kind.SHARED_IDENTIFIER
          && sameValue(e.identifiers().get(0), value));
      for (Identifier own : shared) {
        if (oneValue && sameValue(own, value)) {
          return List.of(new Evidence(Evidence.Kind.SHARED_IDENTIFIER, a.id, b.id, List.of(own),
              Double.POSITIVE_INFINITY));
        }
      }
    }
    return path;
  }

  private static boolean sameValue(Identifier x, Identifier y) {
    return x.type().equals(y.type()) && x.value().equals(y.value());
  }

  @Override
  public List<Relation> related(ProfileId profileId) {
    Objects.requireNonNull(profileId, "profileId");
    lock.readLock().lock();
    try {
      Cluster cluster = partition.clusterOf(profileId);
      if (cluster == null) {
        return List.of();
      }
      // Every other profile of its component that it shares a value or a scored edge with; why
      // they are apart is read off the two profiles by the rules the clusterer applies.
      Set<TouchpointNode> visited = Collections.newSetFromMap(new IdentityHashMap<>());
      visited.add(cluster.member(0));
      List<TouchpointNode> component = MergeGraph.component(cluster.member(0), visited::add);
      java.util.TreeMap<ProfileId, Cluster> others = new java.util.TreeMap<>();
      for (TouchpointNode n : component) {
        if (n.cluster != cluster) {
          others.put(n.cluster.id, n.cluster);
        }
      }
      List<Relation> out = new ArrayList<>();
      for (Cluster other : others.values()) {
        List<Identifier> shared = sharedValues(cluster, other);
        boolean edge = scoredEdgeBetween(cluster, other);
        if (shared.isEmpty() && !edge) {
          continue;
        }
        List<Evidence.Kind> reasons = new ArrayList<>();
        List<PersonConflict> conflicts = new ArrayList<>();
        if (exclusiveClash(cluster.exclusive, other.exclusive)) {
          reasons.add(Evidence.Kind.EXCLUSIVE_CONFLICT);
        }
        if (neverLinked(cluster, other)) {
          reasons.add(Evidence.Kind.NEVER_LINK);
        }
        if (graph.personRule != null) {
          java.util.EnumSet<PersonConflict> traits = java.util.EnumSet.noneOf(PersonConflict.class);
          for (PersonTraits x : cluster.people) {
            for (PersonTraits y : other.people) {
              PersonConflict c = ComponentClusterer.firstConflict(graph.personRule,
                  new PersonTraits[] {x}, new PersonTraits[] {y});
              if (c != PersonConflict.NONE) {
                traits.add(c);
              }
            }
          }
          if (!traits.isEmpty()) {
            reasons.add(Evidence.Kind.PERSON_CONFLICT);
            conflicts.addAll(traits);
          }
        }
        if (reasons.isEmpty()) {
          // Nothing about the two people clashes: one side names nobody, and what they share is
          // shared by people who do clash.
          reasons.add(Evidence.Kind.AMBIGUOUS);
        }
        out.add(new Relation(other.id, shared, reasons, conflicts));
      }
      return out;
    } finally {
      lock.readLock().unlock();
    }
  }

  private static boolean exclusiveClash(String[] a, String[] b) {
    for (int s = 0; s < Math.min(a.length, b.length); s++) {
      if (a[s] != null && b[s] != null && !a[s].equals(b[s])) {
        return true;
      }
    }
    return false;
  }

  private static boolean neverLinked(Cluster a, Cluster b) {
    for (TouchpointNode n : a.members()) {
      if (n.neverLink() != null) {
        for (TouchpointNode m : n.neverLink()) {
          if (m.cluster == b) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean scoredEdgeBetween(Cluster a, Cluster b) {
    for (TouchpointNode n : a.members()) {
      for (int i = 0, count = n.edgeCount(); i < count; i++) {
        if (n.edge(i).other(n).cluster == b) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The values both clusters' touchpoints carry as given, strongest type first, then by value. A
   * derived value (an email's SHA-256) is left out: it only repeats the value it came from.
   */
  private static List<Identifier> sharedValues(Cluster a, Cluster b) {
    Set<ValueNode> inA = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TouchpointNode n : a.members()) {
      for (int i = 0; i < n.values.length; i++) {
        if (n.sources[i] >= 0) {
          inA.add(n.values[i]);
        }
      }
    }
    Set<ValueNode> both = Collections.newSetFromMap(new IdentityHashMap<>());
    for (TouchpointNode n : b.members()) {
      for (int i = 0; i < n.values.length; i++) {
        if (n.sources[i] >= 0 && inA.contains(n.values[i])) {
          both.add(n.values[i]);
        }
      }
    }
    List<ValueNode> sorted = new ArrayList<>(both);
    sorted.sort(Comparator.<ValueNode>comparingInt(v -> v.type.rank).thenComparing(v -> v.value));
    List<Identifier> out = new ArrayList<>(sorted.size());
    for (ValueNode v : sorted) {
      out.add(Identifier.of(v.type.type, v.value));
    }
    return out;
  }

  // ---------------------------------------------------------------- helpers

  private void requireSameContent(TouchpointNode existing, Touchpoint touchpoint) {
    if (!existing.touchpoint().equals(touchpoint)) {
      throw new OmniIdException(Reason.DUPLICATE_TOUCHPOINT, "id",
          "touchpoint " + touchpoint.id() + " was already resolved with different content");
    }
  }

  private TouchpointNode known(String touchpointId, String field) {
    Objects.requireNonNull(touchpointId, field);
    TouchpointNode e = graph.touchpoint(touchpointId);
    if (e == null) {
      throw new OmniIdException(Reason.UNKNOWN_REFERENCE, field, "no touchpoint " + touchpointId);
    }
    return e;
  }

  private Optional<Cluster> clusterOf(ProfileId id) {
    return Optional.ofNullable(partition.clusterOf(id));
  }

  private List<ProfileEvent> applyAndFire(List<TouchpointNode> seeds) {
    Partition.Change change = partition.recompute(seeds, null, null);
    fire(change.events());
    return change.events();
  }

  private void fire(List<ProfileEvent> events) {
    if (listeners.isEmpty()) {
      return;
    }
    for (ProfileEvent event : events) {
      for (ProfileListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.log(System.Logger.Level.WARNING,
              "profile listener " + listener.getClass().getName() + " failed on " + event.kind(), e);
        }
      }
    }
  }

  // ---------------------------------------------------------------- for tests of the graph

  /** Runs {@code check} under the read lock on the parts, for the graph's invariant checks. */
  <T> T inspect(java.util.function.Function<Parts, T> check) {
    lock.readLock().lock();
    try {
      return check.apply(new Parts(graph, partition, ids, scored));
    } finally {
      lock.readLock().unlock();
    }
  }

  /** The parts of the resolver, as the invariant checks see them. */
  record Parts(MergeGraph graph, Partition partition, ProfileIds ids, ScoredLinks scored) {}

  @Override
  public String toString() {
    return "IdentityResolver[" + touchpointCount() + " touchpoints, " + profileCount()
        + " profiles]";
  }
}
