package dev.omniid.core;

import java.util.Collection;

/**
 * Gives a touchpoint the keys under which it is compared with others: two touchpoints are scored
 * by the {@link MatchModel} only if some blocking key gives them a common key. Cost per touchpoint
 * therefore depends on block sizes, not on the number of profiles: choose keys that few
 * touchpoints share (a phonetic surname with a birth year, a postal code with a street number).
 *
 * <p>Contract: pure and thread-safe; the keys depend on the touchpoint alone, never on other
 * touchpoints or on time (the resolver's order independence rests on it); empty when the
 * touchpoint lacks the fields. Keys of different blocking keys never collide: the resolver
 * qualifies them.
 */
@FunctionalInterface
public interface BlockingKey {

  /**
   * The keys of {@code touchpoint}.
   *
   * @param touchpoint the touchpoint to block, never null
   * @return its keys, in any order, duplicates allowed; empty (never null) when the touchpoint
   *     lacks the fields the key is made of
   */
  Collection<String> keys(Touchpoint touchpoint);
}
