package dev.omniid.core;

/** A scored-match edge between two touchpoints, held by both; {@code first} has the smaller id. */
final class Edge {
  final TouchpointNode first;
  final TouchpointNode second;
  final double weight;
  /**
   * Whether the pair agrees on an identifier that names one person (a field over a personal or
   * exclusive type, at least STRONG): then, like a shared such value, it outweighs the person
   * attributes.
   */
  boolean vouchesForOnePerson;
  /** How many blocks of normal size both touchpoints share: the edge lives while this is > 0. */
  int support;

  Edge(TouchpointNode a, TouchpointNode b, double weight, int support,
      boolean vouchesForOnePerson) {
    boolean ordered = a.id.compareTo(b.id) < 0;
    this.first = ordered ? a : b;
    this.second = ordered ? b : a;
    this.weight = weight;
    this.support = support;
    this.vouchesForOnePerson = vouchesForOnePerson;
  }

  /** Puts it on both its ends' edge lists, after the edges they hold. */
  void attach() {
    first.addEdge(this);
    second.addEdge(this);
  }

  TouchpointNode other(TouchpointNode e) {
    return e == first ? second : first;
  }
}
