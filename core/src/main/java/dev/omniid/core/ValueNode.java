package dev.omniid.core;

import java.util.ArrayList;

/** An identifier node of the merge graph: one normalized value and the touchpoints carrying it. */
final class ValueNode {
  final TypeInfo type;
  final String value;
  /** The value as an identifier, with the raw form of the first touchpoint that carried it. */
  final Identifier identifier;
  final boolean junk;
  final ArrayList<Entry> entries = new ArrayList<>(2);
  /** Over its type's limit in the current partition; maintained by the resolver. */
  boolean overLimit;
  /**
   * An upper bound on the groups that its limit counts (see ComponentClusterer): exact after a
   * full computation, raised by one for each touchpoint with a stronger identifier that joins
   * without one.
   */
  int groupsBound;

  ValueNode(TypeInfo type, Identifier identifier, boolean junk) {
    this.type = type;
    this.value = identifier.value();
    this.identifier = identifier;
    this.junk = junk;
  }

  /** Whether the value can connect touchpoints at all (its genericness is decided per component). */
  boolean connects() {
    return !junk && type.policy.linksAlone();
  }

  boolean generic() {
    return junk || overLimit;
  }
}
