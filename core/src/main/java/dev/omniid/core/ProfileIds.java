package dev.omniid.core;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Profile ids and the touchpoints they are anchored on. An id names whichever profile holds its
 * anchor: a group takes the oldest id anchored on its members, the others anchored there are its
 * aliases. That one rule keeps merged-away ids resolving and gives a split-off part its old id
 * back, whatever path (fast or full) made the partition. Guarded by the resolver's write lock.
 */
final class ProfileIds {
  private final KeyedTable<IdRecord> records = KeyedTable.forNumberedKeys(r -> r.id);
  private final long first;
  private long next;

  /** Ids handed out from {@code first} up. */
  ProfileIds(long first) {
    this.first = first;
    this.next = first;
  }

  /** The number of the first id this table hands out. */
  long first() {
    return first;
  }

  /** Profile ids by number with their anchor touchpoint ids, and the next number to hand out. */
  record Anchors(long nextProfileId, SortedMap<Long, String> anchors) {
    /** No ids yet: what a resolver without a snapshot starts from. */
    static Anchors none() {
      return new Anchors(1, new TreeMap<>());
    }
  }

  /** The oldest id anchored on a member of {@code group}, or a new id anchored on its first. */
  ProfileId idFor(List<TouchpointNode> group) {
    IdRecord oldest = null;
    for (int i = 0; i < group.size(); i++) {
      for (IdRecord r = group.get(i).anchored; r != null; r = r.nextAnchored) {
        if (oldest == null || r.id.compareTo(oldest.id) < 0) {
          oldest = r;
        }
      }
    }
    if (oldest == null) {
      oldest = anchor(new ProfileId(next++), group.get(0));
    }
    return oldest.id;
  }

  /** The touchpoint an id is anchored on, or null for an id that does not resolve. */
  TouchpointNode anchorOf(ProfileId id) {
    IdRecord record = records.get(id);
    return record == null ? null : record.anchor;
  }

  /**
   * Moves the ids anchored on a touchpoint being removed to {@code heir} (the first remaining
   * member of its profile), or drops them when the profile goes with it ({@code heir} null).
   */
  void reanchor(TouchpointNode removed, TouchpointNode heir) {
    IdRecord next;
    for (IdRecord r = removed.anchored; r != null; r = next) {
      next = r.nextAnchored;
      if (heir == null) {
        records.remove(r.id);
      } else {
        r.anchor = heir;
        r.nextAnchored = heir.anchored;
        heir.anchored = r;
      }
    }
    removed.anchored = null;
  }

  /** Every id in use with its anchor, and the next id: what gives the same ids after a restart. */
  Anchors anchors() {
    TreeMap<Long, String> out = new TreeMap<>();
    records.forEach(r -> out.put(r.id.value(), r.anchor.id));
    return new Anchors(next, out);
  }

  /** Anchors the ids of a snapshot on the touchpoints that are known; the others are dropped. */
  void restore(Anchors anchors, Function<String, TouchpointNode> touchpoints) {
    for (var e : anchors.anchors().entrySet()) {
      TouchpointNode on = touchpoints.apply(e.getValue());
      if (on != null) {
        anchor(new ProfileId(e.getKey()), on);
      }
    }
    next = Math.max(next, anchors.nextProfileId());
  }

  /** How many ids resolve (current ids and aliases). */
  int size() {
    return records.size();
  }

  /** Calls {@code action} with each id in use and its anchor, in no order. */
  void forEach(java.util.function.BiConsumer<ProfileId, TouchpointNode> action) {
    records.forEach(r -> action.accept(r.id, r.anchor));
  }

  private IdRecord anchor(ProfileId id, TouchpointNode on) {
    IdRecord record = new IdRecord(id, on);
    record.nextAnchored = on.anchored;
    on.anchored = record;
    records.add(record);
    return record;
  }
}
