package dev.omniid.core;

import java.util.function.Predicate;

/** What the resolver knows of one identifier type, and the index of its values. */
final class TypeInfo {
  final IdentifierType type;
  final IdentifierPolicy policy;
  final Normalizer normalizer;
  final Predicate<String> junk;
  /** Holds for the values that name a function, not a person (see {@link ResolverBuilder#roleAccounts}). */
  final Predicate<String> roleAccount;
  /** Index into an entry's exclusive-value array, or -1 for a non-exclusive type. */
  final int exclusiveSlot;
  /** Whether a shared value names one person whatever the person attributes say. */
  final boolean personal;
  /**
   * Position in the strongest-first order of all known types ({@link #compareStrength}); reassigned
   * when a type is added. The hot path compares ranks: one int, where the order itself reads two
   * policies and, for equal strengths, two names.
   */
  int rank;
  final KeyedTable<ValueNode> values = new KeyedTable<>(v -> v.value);
  /**
   * The one derivation from this type when its derived value is a function of the source value
   * alone (see {@link MergeGraph#soleDerivation}): its values are then {@link DerivingValueNode}s,
   * which remember their derived value's node. Null otherwise.
   */
  final ResolverBuilder.Derivation derivation;

  TypeInfo(IdentifierType type, IdentifierPolicy policy, Normalizer normalizer,
      Predicate<String> junk, Predicate<String> roleAccount, int exclusiveSlot, boolean personal,
      ResolverBuilder.Derivation derivation) {
    this.roleAccount = roleAccount;
    this.personal = personal;
    this.derivation = derivation;
    this.type = type;
    this.policy = policy;
    this.normalizer = normalizer;
    this.junk = junk;
    this.exclusiveSlot = exclusiveSlot;
  }

  /** Strongest first; ties by name, so the order is total. */
  static int compareStrength(TypeInfo a, TypeInfo b) {
    int byStrength = Integer.compare(b.policy.strength(), a.policy.strength());
    return byStrength != 0 ? byStrength : a.type.name().compareTo(b.type.name());
  }
}
