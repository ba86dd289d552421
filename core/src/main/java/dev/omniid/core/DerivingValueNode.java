package dev.omniid.core;

/**
 * A value of a type that derives another (an email and its SHA-256): it remembers the node of its
 * derived value, so that a touchpoint bringing a known value back finds that node without
 * hashing the value and looking the digest up (1.1 % of a fuzzy resolve's CPU time at 1 M,
 * {@code AlternatingProbe}, where under half the benchmark's fresh emails and phones are known).
 * Only made for a type whose derived value is a function of the value alone (see
 * {@link MergeGraph#soleDerivation}); other values cost no field for it.
 */
final class DerivingValueNode extends ValueNode {
  /**
   * The node of this value's derived value, as last found; null before. It is the graph's node
   * for that value while it has a carrier: a node leaves its type's table exactly when its last
   * carrier does, and a value's node is never replaced while in the table. So a node without
   * carriers is stale (or new in the insertion that reads it) and is not used.
   */
  private ValueNode derived;

  DerivingValueNode(TypeInfo type, String value, boolean junk, boolean roleAccount) {
    super(type, value, junk, roleAccount);
  }

  /** The node of the derived value when known and still in the graph, else null. */
  ValueNode liveDerived() {
    ValueNode d = derived;
    return d != null && d.carrierCount() > 0 ? d : null;
  }

  void derived(ValueNode node) {
    derived = node;
  }
}
