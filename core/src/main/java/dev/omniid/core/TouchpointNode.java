package dev.omniid.core;

import java.util.HashSet;

/**
 * A touchpoint node of the merge graph: the touchpoint, its value nodes, its profile. Mutable
 * fields are guarded by the resolver's write lock. (Named apart from {@code Map.Entry}, which
 * the code beside it uses.)
 */
class TouchpointNode {
  /** Touchpoint-id order: the only order the partition may depend on. */
  static final java.util.Comparator<TouchpointNode> BY_ID = java.util.Comparator.comparing(e -> e.id);

  /**
   * The touchpoint as given, or (with {@link ResolverBuilder#compactTouchpoints}) its encoded form
   * without the id, as {@link JournalCodec#stored} makes it.
   */
  private final Object kept;
  final String id;
  /**
   * Its usable identifiers, normalized and distinct, as value nodes. Sharing the node's string
   * rather than keeping a normalized copy per touchpoint is most of the graph's memory saving.
   */
  final ValueNode[] values;
  /**
   * For each of {@link #values}, the position in the touchpoint's identifiers it came from, or -1
   * for a derived one; a shared array when they are simply the touchpoint's identifiers in order.
   */
  final byte[] sources;
  /** Its value of each exclusive type, by slot; null where it has none. */
  final String[] exclusive;


  Cluster cluster;
  boolean removed;
  /**
   * The write path's last walk that reached it ({@link MergeGraph#newWalk}). A {@code char} fits
   * the two bytes the node's fields leave free, so the node stays 48 bytes.
   */
  char walkMark;
  /**
   * Its insertion pushed a value over its limit: its change reaches that value's carriers, and
   * the fast path cannot take it. Cleared once its change is applied.
   */
  boolean pushedOverLimit;
  /** Profile ids anchored on this touchpoint (usually none or one): a chain through the records. */
  IdRecord anchored;
  /**
   * What few touchpoints have: match-model state, never-link rules. Null until needed: kept apart
   * so that every touchpoint of a graph without them is 8 bytes smaller.
   */
  Extras extras;

  /**
   * The rarely present part of a touchpoint node; with a match model, its prepared values (empty
   * without one): one object per scored touchpoint rather than two.
   */
  static final class Extras extends MatchModel.Prepared {
    /**
     * The blocks of its qualified blocking keys in the keys' order (the first {@link #blockCount}),
     * then its scored-match edges at or above the model's threshold in the order attached (the
     * next {@link #edgeCount}), then room. One array with counts, not an array of blocks and a list
     * of edges: two objects fewer for each of the millions of touchpoints a garbage collector
     * marks and copies (a class histogram of the CLI at 4.45 M touchpoints counted 4.45 M block
     * arrays and 4.8 M lists).
     */
    Object[] links = NO_LINKS;
    int blockCount;
    int edgeCount;
    /** Touchpoints it must never share a profile with. */
    HashSet<TouchpointNode> neverLink;

    /** Extras with no prepared values: those of a node that no model scores. */
    Extras() {
      super(MatchModel.NO_VALUES, NO_STARTS, 0);
    }

    /** Extras holding {@code prepared}'s values. */
    Extras(MatchModel.Prepared prepared) {
      super(prepared.slots, prepared.starts, prepared.featuresAt);
    }
  }

  private static final char[] NO_STARTS = new char[1];

  private static final Object[] NO_LINKS = new Object[0];

  private static final byte[][] IN_ORDER = new byte[Touchpoint.MAX_IDENTIFIERS + 1][];

  static {
    for (int n = 0; n < IN_ORDER.length; n++) {
      IN_ORDER[n] = new byte[n];
      for (int i = 0; i < n; i++) {
        IN_ORDER[n][i] = (byte) i;
      }
    }
  }

  /** The shared sources array of {@code n} identifiers kept as given, in order. */
  static byte[] inOrder(int n) {
    return IN_ORDER[n];
  }

  private TouchpointNode(Object kept, Touchpoint touchpoint, byte[] sources, ValueNode[] values,
      String[] exclusive) {
    this.kept = kept;
    this.id = touchpoint.id();
    this.sources = sources;
    this.values = values;
    this.exclusive = exclusive;
  }

  /**
   * A node; one that names a person keeps it in a subclass, so that a node naming nobody (every
   * node of a graph without a person rule) is 8 bytes smaller: 48 bytes instead of 56.
   */
  static TouchpointNode of(Touchpoint touchpoint, boolean compact, byte[] sources,
      ValueNode[] values, String[] exclusive, PersonTraits person, int personKey) {
    Object kept = compact ? JournalCodec.stored(touchpoint) : touchpoint;
    return person == null && personKey == 0
        ? new TouchpointNode(kept, touchpoint, sources, values, exclusive)
        : new Named(kept, touchpoint, sources, values, exclusive, person, personKey);
  }

  /**
   * The person it names, as the resolver's {@link PersonRule} reads it; null when there is no
   * rule or it names nobody (no trait known).
   */
  PersonTraits person() {
    return null;
  }

  /**
   * The hash of its person's {@linkplain PersonRule#countingKey counting key}, 0 when it names
   * nobody the rule can tell apart. A hash, not the key: it only counts people toward a value's
   * limit, where a collision counts two people once, and an int costs no object per touchpoint.
   */
  int personKey() {
    return 0;
  }

  /** A node that names a person. */
  private static final class Named extends TouchpointNode {
    private final PersonTraits person;
    private final int personKey;

    Named(Object kept, Touchpoint touchpoint, byte[] sources, ValueNode[] values,
        String[] exclusive, PersonTraits person, int personKey) {
      super(kept, touchpoint, sources, values, exclusive);
      this.person = person;
      this.personKey = personKey;
    }

    @Override
    PersonTraits person() {
      return person;
    }

    @Override
    int personKey() {
      return personKey;
    }
  }

  /**
   * The touchpoint: the one resolved, or one equal to it decoded from the compact form. Off the
   * hot path (views, explanations, removal); a caller that reads it more than once keeps the
   * result.
   */
  Touchpoint touchpoint() {
    return kept instanceof Touchpoint t ? t : JournalCodec.fromStored(id, (byte[]) kept);
  }

  /**
   * Its {@code i}-th identifier: the normalized value with the raw form this touchpoint sent (a
   * derived value's raw form is the value itself).
   */
  Identifier identifier(int i) {
    if (sources[i] >= 0 && kept instanceof byte[] bytes) {
      // Only the one raw form is read from the compact form, not the whole touchpoint.
      ValueNode node = values[i];
      String raw = JournalCodec.storedIdentifierRaw(bytes, sources[i]);
      return new Identifier(node.type.type, node.value, raw);
    }
    return identifier(i, sources[i] < 0 ? null : touchpoint());
  }

  /** {@link #identifier(int)}, of this node's {@code touchpoint} decoded by the caller. */
  Identifier identifier(int i, Touchpoint touchpoint) {
    ValueNode node = values[i];
    int source = sources[i];
    if (source < 0) {
      return new Identifier(node.type.type, node.value, node.value);
    }
    Identifier given = touchpoint.identifiers().get(source);
    // When normalizing changed nothing, the touchpoint's own identifier says exactly this.
    return given.value().equals(node.value) ? given
        : new Identifier(node.type.type, node.value, given.raw());
  }

  /**
   * Makes its extras hold {@code prepared}, its match-model values, keeping what they held. Called
   * once, before it joins its blocks: a block keeps a member's extras as its prepared values.
   */
  void keepPrepared(MatchModel.Prepared prepared) {
    Extras made = new Extras(prepared);
    if (extras != null) {
      made.links = extras.links;
      made.blockCount = extras.blockCount;
      made.edgeCount = extras.edgeCount;
      made.neverLink = extras.neverLink;
    }
    extras = made;
  }

  /** Its extras, created on first use. */
  Extras extras() {
    if (extras == null) {
      extras = new Extras();
    }
    return extras;
  }

  /**
   * Makes room for its blocks, {@code keys} of them, each then set by {@link #setBlock}, and for a
   * few edges after them. Called once, before it has any edge.
   */
  void startBlocks(int keys) {
    Extras x = extras();
    if (x.edgeCount != 0) {
      throw new IllegalStateException("blocks set after edges on " + id);
    }
    x.links = new Object[keys + 2];
    x.blockCount = keys;
  }

  /** Sets its {@code k}-th block, {@code k < blockCount()}. */
  void setBlock(int k, BlockTable.Block block) {
    java.util.Objects.checkIndex(k, extras.blockCount);
    extras.links[k] = block;
  }

  /** How many blocks it is in. */
  int blockCount() {
    return extras == null ? 0 : extras.blockCount;
  }

  /** Its {@code k}-th block, in its keys' order; {@code k < blockCount()}. */
  BlockTable.Block block(int k) {
    return (BlockTable.Block) extras.links[k];
  }

  /** How many scored-match edges it has. */
  int edgeCount() {
    return extras == null ? 0 : extras.edgeCount;
  }

  /** Its {@code i}-th scored-match edge, in the order attached; {@code i < edgeCount()}. */
  Edge edge(int i) {
    return (Edge) extras.links[extras.blockCount + i];
  }

  /** Its scored-match edges, in the order attached, in a new array. */
  Edge[] edgeArray() {
    Edge[] out = new Edge[edgeCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = edge(i);
    }
    return out;
  }

  /** Its scored-match edges, a copy in the order attached (off the hot path: tests, checks). */
  java.util.List<Edge> edgeList() {
    return java.util.List.of(edgeArray());
  }

  /** Puts {@code edge} after the edges it holds. */
  void addEdge(Edge edge) {
    Extras x = extras();
    int end = x.blockCount + x.edgeCount;
    if (end == x.links.length) {
      x.links = java.util.Arrays.copyOf(x.links, end + Math.max(2, x.edgeCount >> 1));
    }
    x.links[end] = edge;
    x.edgeCount++;
  }

  /** Takes off its {@code i}-th edge; the later ones keep their order. */
  void removeEdgeAt(int i) {
    Extras x = extras;
    java.util.Objects.checkIndex(i, x.edgeCount);
    int at = x.blockCount + i;
    int end = x.blockCount + x.edgeCount;
    System.arraycopy(x.links, at + 1, x.links, at, end - at - 1);
    x.links[end - 1] = null;
    x.edgeCount--;
  }

  /** Takes off {@code edge}, which it holds; the later ones keep their order. */
  void removeEdge(Edge edge) {
    for (int i = 0; i < edgeCount(); i++) {
      if (edge(i) == edge) {
        removeEdgeAt(i);
        return;
      }
    }
    throw new IllegalStateException("edge not held by " + id);
  }

  /** Drops all its edges. */
  void clearEdges() {
    if (extras != null) {
      java.util.Arrays.fill(extras.links, extras.blockCount,
          extras.blockCount + extras.edgeCount, null);
      extras.edgeCount = 0;
    }
  }

  /** The touchpoints it must never share a profile with, or null when none. */
  HashSet<TouchpointNode> neverLink() {
    return extras == null ? null : extras.neverLink;
  }

  boolean hasEdges() {
    return edgeCount() > 0;
  }

  boolean hasNeverLinks() {
    HashSet<TouchpointNode> neverLink = neverLink();
    return neverLink != null && !neverLink.isEmpty();
  }

  @Override
  public String toString() {
    return id;
  }
}
