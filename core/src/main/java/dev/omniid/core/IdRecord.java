package dev.omniid.core;

/**
 * A profile id and the touchpoint it is anchored on. An id names whichever profile holds its
 * anchor: the profile's own id if it is the oldest id anchored there, an alias otherwise. That
 * one rule keeps merged-away ids working and gives a split-off part its old id back.
 */
final class IdRecord {
  final ProfileId id;
  TouchpointNode anchor;
  /** The next record anchored on the same touchpoint. */
  IdRecord nextAnchored;

  IdRecord(ProfileId id, TouchpointNode anchor) {
    this.id = id;
    this.anchor = anchor;
  }
}
