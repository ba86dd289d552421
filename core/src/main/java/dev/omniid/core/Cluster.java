package dev.omniid.core;

import java.util.List;

/** One profile of the current partition: its id and its members, in touchpoint-id order. */
final class Cluster {
  final ProfileId id;
  final List<Entry> members;

  Cluster(ProfileId id, List<Entry> members) {
    this.id = id;
    this.members = members;
  }
}
