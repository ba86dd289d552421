package dev.omniid.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
  private final int maxBlockSize;
  private final HashMap<String, ArrayList<TouchpointNode>> blocks = new HashMap<>();

  /**
   * The candidates of the touchpoint being added, with how many blocks each shares with it:
   * reused from one add to the next (the write lock guards it), and emptied after each so that it
   * holds no removed touchpoint. The counts are small, so their boxes are the cached ones.
   */
  private IdentityHashMap<TouchpointNode, Integer> candidates = new IdentityHashMap<>();

  /** The model's fields over an identifier type that names one person. */
  private final int[] personalFields;

  ScoredLinks(MatchModel model, List<BlockingKey> blockingKeys, int maxBlockSize,
      java.util.function.Predicate<IdentifierType> personal) {
    this.model = model;
    this.personalFields = java.util.stream.IntStream.range(0, model.fields().size())
        .filter(f -> model.fields().get(f).source() instanceof FieldSource.OfIdentifier id
            && personal.test(id.type()))
        .toArray();
    this.blockingKeys = List.copyOf(blockingKeys);
    this.maxBlockSize = maxBlockSize;
  }

  /**
   * Scores a new touchpoint against every touchpoint sharing one of its blocking keys and keeps
   * the pairs at or above the threshold as edges. The candidates are those present, whichever
   * arrives second scores the pair, and the score is symmetric: the edge set is a function of the
   * set of touchpoints. Returns the touchpoints whose components changed besides the new one's
   * (a block it grew past the maximum dropped edges that held them together); usually none.
   * Attribute values the model's normalizers refuse are added to {@code problems}.
   */
  List<TouchpointNode> add(TouchpointNode entry, List<Problem> problems) {
    List<TouchpointNode> seeds = List.of();
    entry.extras().prepared = model.prepare(entry.touchpoint, problems);
    entry.extras.blockKeys = blockKeysOf(entry.touchpoint);
    // Candidates: every touchpoint sharing a block of normal size, with how many such blocks.
    IdentityHashMap<TouchpointNode, Integer> shared = candidates;
    List<Edge> linked = new ArrayList<>(2);
    try {
      for (String key : entry.extras.blockKeys) {
        ArrayList<TouchpointNode> block = blocks.computeIfAbsent(key, x -> new ArrayList<>(2));
        block.add(entry);
        if (block.size() == maxBlockSize + 1) {
          seeds = retire(key, block, entry, seeds);
        } else if (block.size() <= maxBlockSize) {
          for (TouchpointNode other : block) {
            if (other != entry) {
              shared.merge(other, 1, Integer::sum);
            }
          }
        }
      }
      // Scored in any order (scoring is pure); only the few pairs that link are put in
      // touchpoint-id order before they become edges. Sorting every candidate cost a sixth of a
      // fuzzy resolve.
      for (Map.Entry<TouchpointNode, Integer> candidate : shared.entrySet()) {
        TouchpointNode other = candidate.getKey();
        double weight = linkingWeight(entry.extras.prepared, other.extras.prepared);
        if (!Double.isNaN(weight)) {
          Edge edge = new Edge(entry, other, weight);
          edge.support = candidate.getValue();
          edge.vouchesForOnePerson = vouches(entry.extras.prepared, other.extras.prepared);
          linked.add(edge);
        }
      }
    } finally {
      // A map that once held many candidates keeps its large table: clearing it would then cost
      // more than a new one.
      if (shared.size() > 256) {
        candidates = new IdentityHashMap<>();
      } else {
        shared.clear();
      }
    }
    linked.sort((x, y) -> TouchpointNode.BY_ID.compare(x.other(entry), y.other(entry)));
    for (Edge edge : linked) {
      addEdge(entry, edge);
      addEdge(edge.other(entry), edge);
    }
    return seeds;
  }

  /**
   * A touchpoint's blocking keys, each qualified by the position of the {@link BlockingKey} that
   * gave it ({@code "0:smith"}), distinct, in order. A key that fails is logged and skipped: the
   * touchpoint is not blocked on it. The one rule for the resolver and {@link BatchSteps}.
   */
  String[] blockKeysOf(Touchpoint touchpoint) {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    for (int k = 0; k < blockingKeys.size(); k++) {
      Collection<String> raw;
      try {
        raw = blockingKeys.get(k).keys(touchpoint);
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "blocking key " + k + " failed on touchpoint "
            + touchpoint.id() + " with " + e.getClass().getSimpleName() + "; it is not blocked on it");
        continue;
      }
      for (String key : raw) {
        if (key != null && !key.isEmpty()) {
          keys.add(k + ":" + key);
        }
      }
    }
    return keys.toArray(new String[0]);
  }

  int maxBlockSize() {
    return maxBlockSize;
  }

  /**
   * The weight of a pair that links (it reaches the threshold and some field identifies the
   * person), or NaN when it does not: the one rule for every path that makes an edge.
   */
  double linkingWeight(MatchModel.Prepared x, MatchModel.Prepared y) {
    double weight = model.weightIfReaching(x, y);
    return weight >= model.thresholdWeight() && model.identifies(x, y) ? weight : Double.NaN;
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
  private static List<TouchpointNode> retire(String key, ArrayList<TouchpointNode> block,
      TouchpointNode newcomer, List<TouchpointNode> seeds) {
    for (TouchpointNode member : block) {
      if (member == newcomer || member.extras.edges == null) {
        continue;
      }
      for (int i = member.extras.edges.size() - 1; i >= 0; i--) {
        Edge edge = member.extras.edges.get(i);
        TouchpointNode other = edge.other(member);
        if (edge.first == member && carries(other, key)) {
          if (--edge.support == 0) {
            member.extras.edges.remove(i);
            other.extras.edges.remove(edge);
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
  private void revive(ArrayList<TouchpointNode> block, List<TouchpointNode> seeds) {
    List<TouchpointNode> members = new ArrayList<>(block);
    members.sort(TouchpointNode.BY_ID);
    for (int a = 0; a < members.size(); a++) {
      TouchpointNode x = members.get(a);
      for (int b = a + 1; b < members.size(); b++) {
        TouchpointNode y = members.get(b);
        Edge existing = edgeBetween(x, y);
        if (existing != null) {
          existing.support++;
        } else {
          double weight = linkingWeight(x.extras.prepared, y.extras.prepared);
          if (!Double.isNaN(weight)) {
            Edge edge = new Edge(x, y, weight);
            edge.support = 1;
            edge.vouchesForOnePerson = vouches(x.extras.prepared, y.extras.prepared);
            addEdge(x, edge);
            addEdge(y, edge);
            seeds.add(x);
          }
        }
      }
    }
  }

  private static Edge edgeBetween(TouchpointNode x, TouchpointNode y) {
    if (x.extras.edges == null || y.extras.edges == null) {
      return null;
    }
    List<Edge> scan = x.extras.edges.size() <= y.extras.edges.size() ? x.extras.edges : y.extras.edges;
    for (Edge edge : scan) {
      if ((edge.first == x && edge.second == y) || (edge.first == y && edge.second == x)) {
        return edge;
      }
    }
    return null;
  }

  private static boolean carries(TouchpointNode e, String key) {
    for (String k : e.extras.blockKeys) {
      if (k.equals(key)) {
        return true;
      }
    }
    return false;
  }

  private static void addEdge(TouchpointNode e, Edge edge) {
    if (e.extras.edges == null) {
      e.extras.edges = new ArrayList<>(2);
    }
    e.extras.edges.add(edge);
  }

  /**
   * Takes a removed touchpoint out of its blocks (its own edges are the caller's to drop); a block
   * that shrinks back to the maximum compares again. Returns the touchpoints it links anew.
   */
  List<TouchpointNode> removeFromBlocks(TouchpointNode entry) {
    List<TouchpointNode> seeds = new ArrayList<>();
    for (String key : entry.extras.blockKeys) {
      ArrayList<TouchpointNode> block = blocks.get(key);
      block.remove(entry);
      if (block.isEmpty()) {
        blocks.remove(key);
      } else if (block.size() == maxBlockSize) {
        revive(block, seeds);
      }
    }
    return seeds;
  }
}
