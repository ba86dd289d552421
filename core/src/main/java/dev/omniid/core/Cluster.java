package dev.omniid.core;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * One profile of the current partition. Guarded by the resolver's write lock.
 *
 * <p>{@code clean} marks a cluster that is its whole connected component and whose last full
 * computation refused no link: a new touchpoint that connects to it alone, brings no clashing
 * exclusive value and pushes no value past its limit can join it without recomputing anything (see {@code InMemoryResolver.fastAttach}).
 */
final class Cluster {
  final ProfileId id;
  /**
   * Its members: the first {@link #size}, in the order they joined. An array and a count, not a
   * list: a profile is one object fewer for a garbage collector to mark and copy (1.7 M lists at
   * the CLI's 4.45 M touchpoints).
   */
  private TouchpointNode[] members;
  private int size;
  /** Its members' exclusive values, by slot. */
  String[] exclusive;
  /** Its members' distinct person traits (empty without a person rule or when none is known). */
  PersonTraits[] people;
  /**
   * {@code (liveIndex + 1) << 1 | clean}: one int for both, so that the object is 32 bytes rather
   * than 40 (a cluster per profile).
   */
  private int liveAndClean;

  Cluster(ProfileId id, List<TouchpointNode> members, String[] exclusive,
      PersonTraits[] people, boolean clean) {
    this.id = id;
    // Room for two at least: most profiles begin with one touchpoint and soon have a second.
    this.members = members.toArray(new TouchpointNode[Math.max(2, members.size())]);
    this.size = members.size();
    this.exclusive = exclusive;
    this.people = people;
    this.liveAndClean = clean ? 1 : 0;
  }

  /** Whether it is its whole component and its last full computation refused no link. */
  boolean clean() {
    return (liveAndClean & 1) != 0;
  }

  /** Marks it as not its whole component, or as computed with a refused link. */
  void markUnclean() {
    liveAndClean &= ~1;
  }

  /** Its position among the resolver's current profiles, or -1 when it is not one any more. */
  int liveIndex() {
    return (liveAndClean >> 1) - 1;
  }

  void liveIndex(int index) {
    liveAndClean = (index + 1) << 1 | (liveAndClean & 1);
  }

  /** How many touchpoints it has. */
  int size() {
    return size;
  }

  /** Its {@code i}-th member, {@code i < size()}. */
  TouchpointNode member(int i) {
    java.util.Objects.checkIndex(i, size);
    return members[i];
  }

  /** Its members in the order they joined, a read-only view. */
  List<TouchpointNode> members() {
    return new Members();
  }

  private final class Members extends AbstractList<TouchpointNode> implements RandomAccess {
    @Override
    public TouchpointNode get(int i) {
      return member(i);
    }

    @Override
    public int size() {
      return size;
    }
  }

  /** Adds a member after the others. */
  void add(TouchpointNode node) {
    if (size == members.length) {
      members = Arrays.copyOf(members, size + Math.max(2, size >> 1));
    }
    members[size++] = node;
  }

  /** Adds {@code other}'s members after its own, in their order. */
  void addAll(Cluster other) {
    if (size + other.size > members.length) {
      members = Arrays.copyOf(members, size + other.size + Math.max(2, (size + other.size) >> 1));
    }
    System.arraycopy(other.members, 0, members, size, other.size);
    size += other.size;
  }
}
