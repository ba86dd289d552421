package dev.omniid.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The scored side of the merge graph: blocks of touchpoints that share a blocking key, and the
 * edges between touchpoints that the match model scores at or above its threshold. Guarded by the
 * resolver's write lock.
 *
 * <p>The edge set is a function of the set of touchpoints: a pair is an edge when it shares at
 * least one block of at most {@code maxBlockSize} touchpoints and scores at or above the threshold.
 * Each edge counts the blocks that support it, so that a block growing past the maximum (or
 * shrinking back) adds or removes exactly the edges it alone supported.
 */
final class ScoredLinks {
  private static final System.Logger LOG = System.getLogger(IdentityResolver.class.getName());

  final MatchModel model;
  private final List<BlockingKey> blockingKeys;
  /**
   * Each blocking key's most touchpoints per key ({@link ResolverBuilder#blockingKey(BlockingKey,
   * int)}), by the key's position, which its blocks carry ({@link BlockTable.Block#rule}).
   */
  private final int[] blockLimits;
  /**
   * The blocks by key. Each member's {@link TouchpointNode.Extras#links} holds the blocks
   * themselves, so that leaving or retiring a block looks nothing up.
   */
  private final BlockTable blocks = new BlockTable();

  /**
   * The candidates of the touchpoint being added, with how many blocks each shares with it:
   * reused from one add to the next (the write lock guards it), and emptied after each so that it
   * holds no removed touchpoint.
   */
  private final CandidateCounts candidates = new CandidateCounts();
  /** Scratch of {@link BlockTable#joinAll}, under the resolver's write lock. */
  private long[] joinScratch = new long[16];
  /**
   * The fingerprints and the comparison arrays of the touchpoint {@link #add} is adding, reused
   * under the write lock: made per touchpoint they were about 400 B of a fuzzy resolve's 7.4 KB at
   * 1 M ({@code CpuTimeProbe}). A batch's touchpoints, prepared and scored on many threads, make
   * their own.
   */
  private final Fingerprints addFingerprints;
  private final MatchModel.Scratch addScratch;

  /** The model's fields over an identifier type that names one person. */
  private final int[] personalFields;

  ScoredLinks(MatchModel model, List<BlockingKey> blockingKeys, int[] blockLimits,
      java.util.function.Predicate<IdentifierType> personal) {
    this.model = model;
    this.personalFields = java.util.stream.IntStream.range(0, model.fields().size())
        .filter(f -> model.fields().get(f).source() instanceof FieldSource.OfIdentifier id
            && personal.test(id.type()))
        .toArray();
    this.blockingKeys = List.copyOf(blockingKeys);
    this.blockLimits = blockLimits.clone();
    this.addFingerprints = new Fingerprints(2 * this.blockingKeys.size());
    this.addScratch = model.scratch();
  }

  /**
   * Scores a new touchpoint against every touchpoint sharing one of its blocking keys and keeps
   * the pairs at or above the threshold as edges. The candidates are those present, whichever
   * arrives second scores the pair, and the score is symmetric: the edge set is a function of the
   * set of touchpoints. Returns the touchpoints whose components changed besides the new one's
   * (a block it grew past the maximum dropped edges that held them together); usually none.
   * Attribute values the model's normalizers refuse are added to {@code problems}.
   */
  List<TouchpointNode> add(TouchpointNode entry, Touchpoint touchpoint, List<Problem> problems) {
    Pending pending = enter(entry, touchpoint, null, problems);
    score(pending, addScratch);
    return link(pending);
  }

  /**
   * {@link #add} of a touchpoint whose prepared values and keys {@link #readAhead} read into
   * {@code read}: the same edges, and the same problems, added to {@code problems} in the same
   * place. Reads nothing of {@code read} after it returns.
   */
  List<TouchpointNode> add(TouchpointNode entry, Reading read, List<Problem> problems) {
    problems.addAll(read.problems);
    Pending pending = enter(entry, read.prepared, read.fingerprints.values,
        read.fingerprints.size / 2);
    score(pending, addScratch, read.preScores);
    return link(pending);
  }

  /**
   * What {@link #add} reads off a touchpoint alone, held for a resolve that reads it before it
   * takes the write lock ({@link ReadAhead}). Reused by its thread: {@link #release} empties it.
   */
  static final class Reading {
    MatchModel.Prepared prepared;
    final ArrayList<Problem> problems = new ArrayList<>(0);
    final Fingerprints fingerprints = new Fingerprints(16);
    /** The touchpoints its blocks held as read before the lock, scored then. */
    final PreScores preScores = new PreScores();
    /** The comparison arrays of that scoring: made for the model's number of fields. */
    MatchModel.Scratch scratch;

    /**
     * Drops what the last touchpoint put here (its values, its problems, its keys' hashes, the
     * candidates it scored and the value a comparison last agreed on).
     */
    void release() {
      prepared = null;
      problems.clear();
      fingerprints.wipe();
      preScores.clear();
      if (scratch != null) {
        scratch.agreed[0] = null;
      }
    }
  }

  /**
   * Linking weights ({@link #linkingWeight}) scored before the write lock, by the candidate's
   * prepared values, compared by identity: a weight is a function of the two touchpoints' prepared
   * values alone, which never change once made, so a weight scored before the lock is the one
   * scoring under it would give. Open addressing, at most half full; reused by its thread.
   */
  static final class PreScores {
    /** The most scored before the lock; candidates past them are scored under it, as before. */
    static final int MAX = 64;
    private final Object[] keys = new Object[2 * MAX];
    private final double[] weights = new double[2 * MAX];
    private int size;

    /** The slot holding {@code prepared}'s weight, or -1. */
    int indexOf(Object prepared) {
      if (size == 0) {
        return -1;
      }
      int mask = keys.length - 1;
      for (int at = home(prepared); keys[at] != null; at = (at + 1) & mask) {
        if (keys[at] == prepared) {
          return at;
        }
      }
      return -1;
    }

    double weightAt(int slot) {
      return weights[slot];
    }

    int size() {
      return size;
    }

    boolean isFull() {
      return size == MAX;
    }

    /** Keeps a weight for {@code prepared}, which has none yet; the table is not full. */
    void put(Object prepared, double weight) {
      int mask = keys.length - 1;
      int at = home(prepared);
      while (keys[at] != null) {
        at = (at + 1) & mask;
      }
      keys[at] = prepared;
      weights[at] = weight;
      size++;
    }

    /** Forgets every weight and the candidates they were for. */
    void clear() {
      if (size > 0) {
        java.util.Arrays.fill(keys, null);
        size = 0;
      }
    }

    private int home(Object prepared) {
      int h = System.identityHashCode(prepared) * 0x9E3779B9;
      return (h ^ (h >>> 16)) & (keys.length - 1);
    }
  }

  /**
   * Reads into {@code into} what {@link #add} reads off the touchpoint alone: its prepared values,
   * the problems preparing them found, its keys. Pure (the model and the keys are), so safe on any
   * thread with no lock held.
   */
  void readAhead(Touchpoint touchpoint, Reading into) {
    into.problems.clear();
    into.prepared = model.prepare(touchpoint, into.problems);
    fingerprintsInto(touchpoint, into.fingerprints);
    preScore(into);
  }

  /**
   * Scores, before the lock is taken, the touchpoints that {@code read}'s blocks hold as this
   * thread sees them with no lock held ({@link BlockTable#peek}), keeping each weight in
   * {@code read.preScores}. Scoring reads every candidate's prepared values, the larger part of
   * what a fuzzy resolve does under the lock; threads resolving at once now do it side by side.
   *
   * <p>The blocks seen are a guess: the writer may add or remove members meanwhile. A guess never
   * decides anything. Under the lock, {@link #enter} finds the candidates as before, and each
   * takes its weight from here only when it was scored here (by identity of its prepared values,
   * of which the weight is a function), else is scored there: the same edges as scoring them all
   * under the lock. A comparison that fails here is left to be scored (and fail) under the lock
   * if the pair is a candidate there.
   */
  private void preScore(Reading read) {
    PreScores scores = read.preScores;
    scores.clear();
    MatchModel.Prepared own = read.prepared;
    if (read.scratch == null || read.scratch.byField.length != model.fields().size()) {
      read.scratch = model.scratch();
    }
    long[] fingerprints = read.fingerprints.values;
    int keys = read.fingerprints.size / 2;
    for (int k = 0; k < keys; k++) {
      BlockTable.Block block = blocks.peek(fingerprints[2 * k], fingerprints[2 * k + 1]);
      if (block == null) {
        continue;
      }
      Object[] pairs = block.pairsSeen();
      int members = Math.min(block.sizeSeen(), pairs.length / 2);
      if (members >= limitOf(block)) {
        // With this touchpoint it would pass the maximum: a block that compares nobody.
        continue;
      }
      for (int m = 0; m < members; m++) {
        if (pairs[2 * m + 1] instanceof MatchModel.Prepared other && scores.indexOf(other) < 0) {
          if (scores.isFull()) {
            return;
          }
          double weight;
          try {
            weight = linkingWeight(own, other, read.scratch);
          } catch (RuntimeException e) {
            continue;
          }
          scores.put(other, weight);
        }
      }
    }
  }

  /**
   * What {@link #add} reads off a touchpoint alone: its prepared field values, the problems
   * preparing them found, its blocking keys. Pure, so a batch computes it on any thread.
   */
  record Ahead(MatchModel.Prepared prepared, List<Problem> problems, long[] blockFingerprints) {}

  /** {@link Ahead} of a touchpoint: safe on any thread (the model and keys are pure). */
  Ahead prepareAhead(Touchpoint touchpoint) {
    List<Problem> problems = new ArrayList<>(0);
    MatchModel.Prepared prepared = model.prepare(touchpoint, problems);
    return new Ahead(prepared, problems.isEmpty() ? List.of() : problems,
        blockFingerprintsOf(touchpoint));
  }

  /**
   * A touchpoint that joined its blocks and is yet to be scored and linked: {@link #add} taken
   * apart so that a batch scores many on other threads between {@link #enter} and {@link #link},
   * which it calls in input order.
   */
  static final class Pending {
    final TouchpointNode entry;
    /**
     * The touchpoints it shares a block of normal size with, when it joined: nodes, held uncast
     * ({@link BlockTable.Block#memberAt}) and cast only for the pairs that link.
     */
    final Object[] candidates;
    /**
     * For each candidate, its prepared values ({@link MatchModel.Prepared}), uncast until
     * {@link MatchModel#readAhead} reads them all together.
     */
    final Object[] prepared;
    /** For each candidate, how many such blocks. */
    final int[] support;
    /** The blocks it grew past the maximum, in its keys' order; null for none. */
    final BlockTable.Block[] retired;
    /** For each candidate, the linking weight ({@link #linkingWeight}); set by {@link #score}. */
    double[] weights;

    Pending(TouchpointNode entry, Object[] candidates, Object[] prepared,
        int[] support, BlockTable.Block[] retired) {
      this.entry = entry;
      this.candidates = candidates;
      this.prepared = prepared;
      this.support = support;
      this.retired = retired;
    }
  }

  /**
   * The first step of {@link #add}: the touchpoint is prepared (or takes what {@code ahead}
   * prepared) and joins its blocks; its candidates are those present now. Nothing is scored yet
   * and no edge changes: a block it grows past the maximum is retired by {@link #link}, which
   * drops the same edges as long as every pending touchpoint is linked in the order entered (a
   * touchpoint entered after this one has no edge yet when this one is linked).
   */
  Pending enter(TouchpointNode entry, Touchpoint touchpoint, Ahead ahead, List<Problem> problems) {
    if (ahead == null) {
      MatchModel.Prepared prepared = model.prepare(touchpoint, problems);
      Fingerprints own = fingerprintsInto(touchpoint, addFingerprints);
      return enter(entry, prepared, own.values, own.size / 2);
    }
    problems.addAll(ahead.problems());
    long[] fingerprints = ahead.blockFingerprints();
    return enter(entry, ahead.prepared(), fingerprints, fingerprints.length / 2);
  }

  /**
   * {@link #enter} of a touchpoint whose prepared values and first {@code keys} key fingerprint
   * pairs are given; {@code fingerprints} is read only during the call.
   */
  private Pending enter(TouchpointNode entry, MatchModel.Prepared prepared, long[] fingerprints,
      int keys) {
    entry.keepPrepared(prepared);
    entry.startBlocks(keys);
    Object[] joined = entry.extras.links;
    if (joinScratch.length < keys) {
      joinScratch = new long[keys];
    }
    blocks.joinAll(fingerprints, keys, joined, joinScratch);
    // Candidates: every touchpoint sharing a block of normal size, with how many such blocks.
    CandidateCounts shared = candidates;
    List<BlockTable.Block> retired = null;
    try {
      for (int k = 0; k < keys; k++) {
        BlockTable.Block block = (BlockTable.Block) joined[k];
        block.add(entry);
        int limit = limitOf(block);
        if (block.size() == limit + 1) {
          if (retired == null) {
            retired = new ArrayList<>(1);
          }
          retired.add(block);
        } else if (block.size() <= limit) {
          for (int m = 0; m < block.size(); m++) {
            Object other = block.memberAt(m);
            if (other != entry) {
              shared.count(other, block.preparedAt(m));
            }
          }
        }
      }
      return new Pending(entry, shared.nodes(), shared.prepared(), shared.counts(),
          retired == null ? null : retired.toArray(new BlockTable.Block[0]));
    } finally {
      shared.clear();
    }
  }

  /**
   * Joins a touchpoint to its blocks with what {@code ahead} prepared, comparing it with nobody
   * and retiring nothing: a restart that installs a snapshot's stored edges
   * ({@link #install}) enters every touchpoint so, in snapshot order. A block's members are then
   * those it has after {@link #enter}ing them one by one, and whether it is retired is its size:
   * later adds and removes retire and revive it against the stored edges as they would have.
   */
  void enterUnscored(TouchpointNode entry, Ahead ahead) {
    entry.keepPrepared(ahead.prepared());
    long[] fingerprints = ahead.blockFingerprints();
    entry.startBlocks(fingerprints.length / 2);
    for (int k = 0; k < fingerprints.length / 2; k++) {
      join(entry, fingerprints, k);
    }
  }

  /**
   * Adds {@code entry} to the block of its {@code k}th key, made when new, and records the block
   * in the entry's {@link TouchpointNode.Extras#links}; returns the block.
   */
  private BlockTable.Block join(TouchpointNode entry, long[] fingerprints, int k) {
    BlockTable.Block block = blocks.join(fingerprints[2 * k], fingerprints[2 * k + 1]);
    entry.setBlock(k, block);
    block.add(entry);
    return block;
  }

  /**
   * Puts a stored edge on both its ends, as {@link #link} would when {@code later} arrived after
   * {@code earlier}: called in the order link makes them, every node's edge list comes out the
   * same.
   */
  void install(TouchpointNode later, TouchpointNode earlier, double weight, int support,
      boolean vouchesForOnePerson) {
    new Edge(later, earlier, weight, support, vouchesForOnePerson).attach();
  }

  /**
   * Distinct touchpoints with a count each, in the order first counted, reused from one
   * touchpoint to the next. A touchpoint's few candidates (five or six distinct among ten block
   * members, at 1 M) are told apart by scanning those counted so far, comparing references: no
   * candidate is read, so the first read of one is scoring's, which {@link #score} lets overlap.
   * Hashing each by identity read its header, a cache miss apiece (an eighth of a fuzzy resolve,
   * JFR). Past {@link #SCANNED} distinct candidates an index of open addressing by the prepared
   * values' identity hash takes over, so a touchpoint in large blocks costs no quadratic scan.
   */
  static final class CandidateCounts {
    /** Distinct candidates up to which a scan finds a repeated one. */
    static final int SCANNED = 16;
    /** The nodes in the order first counted, uncast: compared by identity only. */
    private Object[] nodes = new Object[32];
    private Object[] prepared = new Object[32];
    private int[] counts = new int[32];
    private int size;
    /** Position + 1 of each node in {@link #nodes} by hash, 0 for empty; null while scanning. */
    private int[] index;

    /**
     * Counts {@code node} once more; {@code values} is its prepared values (its extras),
     * the same object each time it is counted.
     */
    void count(Object node, Object values) {
      if (index == null) {
        for (int i = 0; i < size; i++) {
          if (nodes[i] == node) {
            counts[i]++;
            return;
          }
        }
      } else {
        int mask = index.length - 1;
        int slot = mix(System.identityHashCode(values)) & mask;
        for (int at = index[slot]; at != 0; at = index[slot]) {
          if (nodes[at - 1] == node) {
            counts[at - 1]++;
            return;
          }
          slot = (slot + 1) & mask;
        }
      }
      if (size == nodes.length) {
        nodes = java.util.Arrays.copyOf(nodes, 2 * size);
        prepared = java.util.Arrays.copyOf(prepared, 2 * size);
        counts = java.util.Arrays.copyOf(counts, 2 * size);
      }
      nodes[size] = node;
      prepared[size] = values;
      counts[size] = 1;
      size++;
      if (index != null && 2 * size <= index.length) {
        place(size - 1);
      } else if (size > SCANNED) {
        reindex();
      }
    }

    /** Builds the index over every node counted, at least twice as large as the count. */
    private void reindex() {
      index = new int[Integer.highestOneBit(4 * size)];
      for (int i = 0; i < size; i++) {
        place(i);
      }
    }

    private void place(int position) {
      int mask = index.length - 1;
      int slot = mix(System.identityHashCode(prepared[position])) & mask;
      while (index[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      index[slot] = position + 1;
    }

    int size() {
      return size;
    }

    /** The distinct touchpoints counted, in the order first counted. */
    Object[] nodes() {
      return java.util.Arrays.copyOf(nodes, size);
    }

    /** Each one's prepared values, in the order of {@link #nodes}. */
    Object[] prepared() {
      return java.util.Arrays.copyOf(prepared, size);
    }

    /** Each one's count, in the order of {@link #nodes}. */
    int[] counts() {
      return java.util.Arrays.copyOf(counts, size);
    }

    /** Empties it; arrays grown large for one touchpoint's many candidates are dropped. */
    void clear() {
      if (nodes.length > 1024) {
        nodes = new Object[32];
        prepared = new Object[32];
        counts = new int[32];
      } else {
        java.util.Arrays.fill(nodes, 0, size, null);
        java.util.Arrays.fill(prepared, 0, size, null);
      }
      index = null;
      size = 0;
    }

    private static int mix(int h) {
      // Identity hashes are well spread, but open addressing probes neighbours: spread the low bits.
      return h ^ (h >>> 16) * 0x45d9f3b;
    }
  }

  /**
   * Scores a pending touchpoint against its candidates. Reads only prepared values, written
   * before: a batch runs it on many pending touchpoints at once, on any thread.
   */
  void score(Pending pending) {
    score(pending, model.scratch());
  }

  /** {@link #score} with the caller's scratch, which no other thread uses meanwhile. */
  private void score(Pending pending, MatchModel.Scratch scratch) {
    score(pending, scratch, null);
  }

  /**
   * {@link #score}, taking the weight of each candidate scored before the lock from
   * {@code preScores} (null or empty: none was).
   */
  private void score(Pending pending, MatchModel.Scratch scratch, PreScores preScores) {
    MatchModel.Prepared own = pending.entry.extras;
    double[] weights = new double[pending.candidates.length];
    boolean scoredBefore = preScores != null && preScores.size() > 0;
    if (!scoredBefore && model.readAhead(pending.prepared) < 0) {
      throw new IllegalStateException("a negative count of values"); // kept so that it is read
    }
    for (int i = 0; i < weights.length; i++) {
      int slot = scoredBefore ? preScores.indexOf(pending.prepared[i]) : -1;
      weights[i] = slot >= 0 ? preScores.weightAt(slot)
          : linkingWeight(own, (MatchModel.Prepared) pending.prepared[i], scratch);
    }
    pending.weights = weights;
  }

  /**
   * The last step of {@link #add}: retires the blocks the touchpoint grew past the maximum, then
   * makes edges of the scored pairs that link. Returns the touchpoints whose components changed
   * besides its own.
   */
  List<TouchpointNode> link(Pending pending) {
    TouchpointNode entry = pending.entry;
    List<TouchpointNode> seeds = List.of();
    if (pending.retired != null) {
      for (BlockTable.Block block : pending.retired) {
        seeds = retire(block, entry, seeds);
      }
    }
    // Scored in any order (scoring is pure); only the few pairs that link are put in
    // touchpoint-id order before they become edges. Sorting every candidate cost a sixth of a
    // fuzzy resolve.
    List<Edge> linked = new ArrayList<>(2);
    double[] weights = pending.weights;
    for (int i = 0; i < weights.length; i++) {
      if (!Double.isNaN(weights[i])) {
        TouchpointNode other = (TouchpointNode) pending.candidates[i];
        linked.add(new Edge(entry, other, weights[i], pending.support[i],
            vouches(entry.extras, (MatchModel.Prepared) pending.prepared[i])));
      }
    }
    linked.sort((x, y) -> TouchpointNode.BY_ID.compare(x.other(entry), y.other(entry)));
    for (Edge edge : linked) {
      edge.attach();
    }
    return seeds;
  }

  /**
   * A touchpoint's blocking keys, each qualified by the position of the {@link BlockingKey} that
   * gave it ({@code "0:smith"}), distinct, in order. A key that fails is logged and skipped: the
   * touchpoint is not blocked on it. What {@link BatchSteps} gives the engines that block outside
   * the resolver; the resolver itself keys its blocks by {@link #blockFingerprintsOf}, which
   * reads the same keys in the same order.
   */
  String[] blockKeysOf(Touchpoint touchpoint) {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    forEachBlockKey(touchpoint, (k, key) -> keys.add(k + ":" + key));
    return keys.toArray(new String[0]);
  }

  /**
   * The position of the {@link BlockingKey} that gave a key of {@link #blockKeysOf}, read off its
   * qualifier; -1 for a string not of that form. The position may be past the resolver's keys.
   */
  static int positionOf(String qualifiedKey) {
    int colon = qualifiedKey.indexOf(':');
    try {
      return colon < 0 ? -1 : Integer.parseInt(qualifiedKey, 0, colon, 10);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * The {@link BlockTable} fingerprints of a touchpoint's distinct qualified blocking keys, two
   * per key, in the order of {@link #blockKeysOf}: the keys are hashed where they are read, no
   * qualified string and no set are made.
   */
  long[] blockFingerprintsOf(Touchpoint touchpoint) {
    return fingerprintsInto(touchpoint, new Fingerprints(2 * blockingKeys.size())).distinct();
  }

  /** Empties {@code out} and gives it the touchpoint's key fingerprints; returns it. */
  private Fingerprints fingerprintsInto(Touchpoint touchpoint, Fingerprints out) {
    out.clear();
    forEachBlockKey(touchpoint, out);
    return out;
  }

  /** Distinct keys' fingerprint pairs, in the order first given. */
  static final class Fingerprints implements KeyAction {
    long[] values;
    private int size;

    Fingerprints(int capacity) {
      values = new long[Math.max(2, capacity)];
    }

    @Override
    public void accept(int rule, String key) {
      long hash = BlockTable.hash(rule, key);
      long check = BlockTable.check(rule, key);
      for (int i = 0; i < size; i += 2) {
        if (values[i] == hash && values[i + 1] == check) {
          return;
        }
      }
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, 2 * size);
      }
      values[size++] = hash;
      values[size++] = check;
    }

    long[] distinct() {
      return size == values.length ? values : java.util.Arrays.copyOf(values, size);
    }

    void clear() {
      size = 0;
    }

    /** {@link #clear} with the hashes zeroed: a pooled thread keeps no trace of anyone's keys. */
    void wipe() {
      java.util.Arrays.fill(values, 0, size, 0L);
      size = 0;
    }
  }

  /** What {@link #forEachBlockKey} does with a key. */
  private interface KeyAction {
    void accept(int rule, String key);
  }

  /**
   * Gives {@code action} each non-empty key of each blocking key with the blocking key's
   * position, in order, duplicates included.
   */
  private void forEachBlockKey(Touchpoint touchpoint, KeyAction action) {
    for (int k = 0; k < blockingKeys.size(); k++) {
      Collection<String> raw;
      try {
        raw = blockingKeys.get(k).keys(touchpoint);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "blocking key " + k + " failed on touchpoint "
            + touchpoint.id() + " with " + e.getClass().getSimpleName() + "; it is not blocked on it");
        continue;
      }
      if (raw instanceof List<String> list && raw instanceof java.util.RandomAccess) {
        // By index: the keys' iterators were 2 % of a command-line run's allocation.
        for (int i = 0; i < list.size(); i++) {
          String key = list.get(i);
          if (key != null && !key.isEmpty()) {
            action.accept(k, key);
          }
        }
        continue;
      }
      for (String key : raw) {
        if (key != null && !key.isEmpty()) {
          action.accept(k, key);
        }
      }
    }
  }

  /** The most members {@code block} may have and still compare: its blocking key's. */
  private int limitOf(BlockTable.Block block) {
    return blockLimits[block.rule()];
  }

  /**
   * Each block's name ({@link BlockTable.Block#name}) and members in the order they joined: for
   * the tests that compare blocks.
   */
  void forEachBlock(java.util.function.BiConsumer<String, List<TouchpointNode>> action) {
    blocks.forEach(block -> action.accept(block.name(), block.members()));
  }

  /**
   * The weight of a pair that links (it reaches the threshold and some field identifies the
   * person), or NaN when it does not: the one rule for every path that makes an edge.
   */
  double linkingWeight(MatchModel.Prepared x, MatchModel.Prepared y, MatchModel.Scratch scratch) {
    double weight = model.weightIfReaching(x, y, scratch);
    return weight >= model.thresholdWeight() && model.identifies(x, y, scratch) ? weight
        : Double.NaN;
  }


  /** Whether a linking pair agrees on a field over an identifier that names one person. */
  boolean vouches(MatchModel.Prepared x, MatchModel.Prepared y) {
    return personalFields.length > 0 && model.agreesOnAny(personalFields, x, y);
  }

  /**
   * A block grew past the maximum: it stops comparing. Edges it alone supported go, and the
   * components they held together are recomputed: they are added to {@code seeds} (a new list
   * when it is the immutable empty one), which is returned.
   */
  private static List<TouchpointNode> retire(BlockTable.Block block, TouchpointNode newcomer,
      List<TouchpointNode> seeds) {
    for (int m = 0; m < block.size(); m++) {
      TouchpointNode member = block.get(m);
      if (member == newcomer) {
        continue;
      }
      for (int i = member.edgeCount() - 1; i >= 0; i--) {
        Edge edge = member.edge(i);
        TouchpointNode other = edge.other(member);
        if (edge.first == member && carries(other, block)) {
          if (--edge.support == 0) {
            member.removeEdgeAt(i);
            other.removeEdge(edge);
            if (seeds.isEmpty()) {
              seeds = new ArrayList<>();
            }
            seeds.add(member);
            seeds.add(other);
          }
        }
      }
    }
    return seeds;
  }

  /**
   * A block shrank back to the maximum: it compares again. Its pairs gain its support, and pairs
   * that now reach the threshold through it become edges.
   */
  private void revive(BlockTable.Block block, List<TouchpointNode> seeds) {
    List<TouchpointNode> members = new ArrayList<>(block.members());
    members.sort(TouchpointNode.BY_ID);
    MatchModel.Scratch scratch = model.scratch();
    for (int a = 0; a < members.size(); a++) {
      TouchpointNode x = members.get(a);
      for (int b = a + 1; b < members.size(); b++) {
        TouchpointNode y = members.get(b);
        Edge existing = edgeBetween(x, y);
        if (existing != null) {
          existing.support++;
        } else {
          double weight = linkingWeight(x.extras, y.extras, scratch);
          if (!Double.isNaN(weight)) {
            new Edge(x, y, weight, 1, vouches(x.extras, y.extras)).attach();
            seeds.add(x);
          }
        }
      }
    }
  }

  private static Edge edgeBetween(TouchpointNode x, TouchpointNode y) {
    if (x.edgeCount() == 0 || y.edgeCount() == 0) {
      return null;
    }
    TouchpointNode fewer = x.edgeCount() <= y.edgeCount() ? x : y;
    for (int i = 0, n = fewer.edgeCount(); i < n; i++) {
      Edge edge = fewer.edge(i);
      if ((edge.first == x && edge.second == y) || (edge.first == y && edge.second == x)) {
        return edge;
      }
    }
    return null;
  }

  private static boolean carries(TouchpointNode e, BlockTable.Block block) {
    for (int k = 0, n = e.blockCount(); k < n; k++) {
      if (e.block(k) == block) {
        return true;
      }
    }
    return false;
  }

  /**
   * Takes a removed touchpoint out of its blocks (its own edges are the caller's to drop); a block
   * that shrinks back to the maximum compares again. Returns the touchpoints it links anew.
   */
  List<TouchpointNode> removeFromBlocks(TouchpointNode entry) {
    List<TouchpointNode> seeds = new ArrayList<>();
    for (int k = 0, n = entry.blockCount(); k < n; k++) {
      BlockTable.Block block = entry.block(k);
      block.remove(entry);
      if (block.isEmpty()) {
        blocks.remove(block);
      } else if (block.size() == limitOf(block)) {
        revive(block, seeds);
      }
    }
    return seeds;
  }
}
