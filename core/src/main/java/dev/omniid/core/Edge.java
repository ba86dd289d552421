package dev.omniid.core;

/** A scored-match edge between two touchpoints, held by both; {@code first} has the smaller id. */
final class Edge {
  final Entry first;
  final Entry second;
  final double weight;
  /** How many blocks of normal size both touchpoints share: the edge lives while this is > 0. */
  int support;

  Edge(Entry a, Entry b, double weight) {
    boolean ordered = a.id.compareTo(b.id) < 0;
    this.first = ordered ? a : b;
    this.second = ordered ? b : a;
    this.weight = weight;
  }

  Entry other(Entry e) {
    return e == first ? second : first;
  }
}
