package dev.omniid.core;

import java.util.ArrayList;
import java.util.HashSet;

/** A touchpoint node of the merge graph. Mutable fields are guarded by the resolver's write lock. */
final class Entry {
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
  /** Profile ids anchored on this touchpoint (usually none or one). */
  ArrayList<IdRecord> anchored;
  /** Touchpoints it must never share a profile with. */
  HashSet<Entry> neverLink;

  Entry(Touchpoint touchpoint, Identifier[] identifiers, ValueNode[] values, String[] exclusive) {
    this.touchpoint = touchpoint;
    this.id = touchpoint.id();
    this.identifiers = identifiers;
    this.values = values;
    this.exclusive = exclusive;
  }

  boolean hasNeverLinks() {
    return neverLink != null && !neverLink.isEmpty();
  }

  @Override
  public String toString() {
    return id;
  }
}
