package dev.omniid.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a journal describes: the live touchpoints and the never-link rules between them. The
 * partition is a function of these and the configuration (sequence neutrality), so this is all a
 * snapshot holds and all a replay needs. Not thread-safe: the journaled resolver guards it.
 */
final class JournalState {
  /** The live touchpoints by id, in the order they came. Replaced only while empty. */
  LinkedHashMap<String, Touchpoint> touchpoints = new LinkedHashMap<>();
  private final Map<String, Set<String>> rules = new HashMap<>();
  private int ruleCount;

  /**
   * Sizes the table for about {@code expected} touchpoints before a snapshot is read: growing it
   * a million entries at a time rehashed every id again and again (a fifth of a restart).
   */
  void expect(int expected) {
    if (touchpoints.isEmpty() && expected > 0) {
      touchpoints = new LinkedHashMap<>((int) Math.min(1 << 30, expected / 3L * 4 + 16));
    }
  }

  boolean contains(String id) {
    return touchpoints.containsKey(id);
  }

  int ruleCount() {
    return ruleCount;
  }

  /** Adds a touchpoint; false if its id is already live. */
  boolean add(Touchpoint touchpoint) {
    return touchpoints.putIfAbsent(touchpoint.id(), touchpoint) == null;
  }

  /** Removes a touchpoint and its rules; false if unknown. */
  boolean remove(String id) {
    if (touchpoints.remove(id) == null) {
      return false;
    }
    Set<String> partners = rules.remove(id);
    if (partners != null) {
      for (String partner : partners) {
        Set<String> back = rules.get(partner);
        back.remove(id);
        if (back.isEmpty()) {
          rules.remove(partner);
        }
        ruleCount--;
      }
    }
    return true;
  }

  boolean hasRule(String a, String b) {
    Set<String> partners = rules.get(a);
    return partners != null && partners.contains(b);
  }

  /** Adds a rule between two live touchpoints; false if it was there. */
  boolean addRule(String a, String b) {
    if (a.equals(b) || !touchpoints.containsKey(a) || !touchpoints.containsKey(b)) {
      throw new IllegalStateException("a rule needs two distinct live touchpoints");
    }
    if (!rules.computeIfAbsent(a, k -> new HashSet<>(4)).add(b)) {
      return false;
    }
    rules.computeIfAbsent(b, k -> new HashSet<>(4)).add(a);
    ruleCount++;
    return true;
  }

  /** Drops a rule; false if there was none. */
  boolean removeRule(String a, String b) {
    Set<String> partners = rules.get(a);
    if (partners == null || !partners.remove(b)) {
      return false;
    }
    if (partners.isEmpty()) {
      rules.remove(a);
    }
    Set<String> back = rules.get(b);
    back.remove(a);
    if (back.isEmpty()) {
      rules.remove(b);
    }
    ruleCount--;
    return true;
  }

  /** Every rule once, as pairs with the smaller id first, in no particular order. */
  List<String[]> rulePairs() {
    List<String[]> out = new ArrayList<>(ruleCount);
    for (Map.Entry<String, Set<String>> e : rules.entrySet()) {
      for (String other : e.getValue()) {
        if (e.getKey().compareTo(other) < 0) {
          out.add(new String[] {e.getKey(), other});
        }
      }
    }
    return out;
  }
}
