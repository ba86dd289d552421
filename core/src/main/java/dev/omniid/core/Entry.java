package dev.omniid.core;

import java.util.ArrayList;
import java.util.HashSet;

/** A touchpoint node of the merge graph. Mutable fields are guarded by the resolver's write lock. */
final class Entry {
  /** Touchpoint-id order: the only order the partition may depend on. */
  static final java.util.Comparator<Entry> BY_ID = java.util.Comparator.comparing(e -> e.id);

  final Touchpoint touchpoint;
  final String id;
  /** Its usable identifiers, normalized, distinct. */
  final Identifier[] identifiers;
  /** The value node of each of {@link #identifiers}, same order. */
  final ValueNode[] values;
  /** Its value of each exclusive type, by slot; null where it has none. */
  final String[] exclusive;

  Cluster cluster;
  /** The cluster before the change being applied (for the change's events). */
  Cluster previous;
  boolean removed;
  /** Its insertion pushed a value over its limit: its change reaches that value's carriers. */
  boolean flipped;
  /** Profile ids anchored on this touchpoint (usually none or one). */
  ArrayList<IdRecord> anchored;
  /** Touchpoints it must never share a profile with. */
  HashSet<Entry> neverLink;
  /** Its normalized match-model values, or null without a model. */
  MatchModel.Prepared prepared;
  /** Its qualified blocking keys. */
  String[] blockKeys = NO_KEYS;
  /** Scored-match edges at or above the model's threshold. */
  ArrayList<Edge> edges;

  private static final String[] NO_KEYS = new String[0];

  Entry(Touchpoint touchpoint, Identifier[] identifiers, ValueNode[] values, String[] exclusive) {
    this.touchpoint = touchpoint;
    this.id = touchpoint.id();
    this.identifiers = identifiers;
    this.values = values;
    this.exclusive = exclusive;
  }

  boolean hasEdges() {
    return edges != null && !edges.isEmpty();
  }

  boolean hasNeverLinks() {
    return neverLink != null && !neverLink.isEmpty();
  }

  @Override
  public String toString() {
    return id;
  }
}
