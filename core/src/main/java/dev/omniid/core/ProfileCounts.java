package dev.omniid.core;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * Counts over every profile of a resolver, taken without building a profile: for a report on a
 * whole customer file or a monitoring dashboard (how much links by shared identifiers, by scored
 * matches, how much was kept apart and why). See {@link IdentityResolver#profileCounts()}.
 *
 * @param profiles how many profiles there are
 * @param withTwoOrMore how many of them hold two or more touchpoints
 * @param evidence for each kind, how much evidence the profiles show, counted as summing
 *     {@link Profile#evidence()} over every profile would: evidence between two profiles (what
 *     kept them apart) is shown by both and counted twice; every kind is present, 0 when none
 */
public record ProfileCounts(long profiles, long withTwoOrMore, Map<Evidence.Kind, Long> evidence) {
  /**
   * Checks and copies the counts.
   *
   * @param profiles how many profiles there are
   * @param withTwoOrMore how many of them hold two or more touchpoints
   * @param evidence the count of each kind, every kind present
   * @throws NullPointerException if {@code evidence} is null or lacks a kind
   */
  public ProfileCounts {
    Objects.requireNonNull(evidence, "evidence");
    EnumMap<Evidence.Kind, Long> all = new EnumMap<>(Evidence.Kind.class);
    for (Evidence.Kind kind : Evidence.Kind.values()) {
      all.put(kind, Objects.requireNonNull(evidence.get(kind), "evidence of kind " + kind));
    }
    evidence = Collections.unmodifiableMap(all);
  }

  /**
   * How much evidence of one kind the profiles show.
   *
   * @param kind the kind, not null
   * @return the count, counted as {@link #evidence()} says
   */
  public long evidence(Evidence.Kind kind) {
    return evidence.get(Objects.requireNonNull(kind, "kind"));
  }
}
