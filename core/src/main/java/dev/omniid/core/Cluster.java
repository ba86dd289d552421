package dev.omniid.core;

import java.util.ArrayList;

/**
 * One profile of the current partition. Guarded by the resolver's write lock.
 *
 * <p>{@code clean} marks a cluster that is its whole connected component and whose last full
 * computation refused no link: a new touchpoint that connects to it alone, brings no clashing
 * exclusive value and pushes no value past its limit can join it without recomputing anything (see {@code InMemoryResolver.fastAttach}).
 */
final class Cluster {
  final ProfileId id;
  final ArrayList<TouchpointNode> members;
  /** Its members' exclusive values, by slot. */
  String[] exclusive;
  /** Its members' distinct person traits (empty without a person rule or when none is known). */
  PersonTraits[] people;
  /**
   * {@code (liveIndex + 1) << 1 | clean}: one int for both, so that the object is 32 bytes rather
   * than 40 (a cluster per profile).
   */
  private int liveAndClean;

  Cluster(ProfileId id, ArrayList<TouchpointNode> members, String[] exclusive,
      PersonTraits[] people, boolean clean) {
    this.id = id;
    this.members = members;
    this.exclusive = exclusive;
    this.people = people;
    this.liveAndClean = clean ? 1 : 0;
  }

  /** Whether it is its whole component and its last full computation refused no link. */
  boolean clean() {
    return (liveAndClean & 1) != 0;
  }

  /** Its position among the resolver's current profiles, or -1 when it is not one any more. */
  int liveIndex() {
    return (liveAndClean >> 1) - 1;
  }

  void liveIndex(int index) {
    liveAndClean = (index + 1) << 1 | (liveAndClean & 1);
  }
}
