package dev.omniid.datagen;

import dev.omniid.core.Touchpoint;
import java.util.Objects;
import java.util.Set;

/**
 * A synthetic touchpoint and the person it truly belongs to.
 *
 * @param touchpoint the touchpoint, as a source system would send it
 * @param personId the ground truth: the id of the person behind it
 * @param householdId the id of the person's household (people who live together); a person who
 *     lives alone is a household of one
 * @param patterns the {@link Pattern}s the person was given (empty for most people)
 */
public record GeneratedTouchpoint(Touchpoint touchpoint, String personId, String householdId,
    Set<Pattern> patterns) {
  public GeneratedTouchpoint {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(householdId, "householdId");
    patterns = Set.copyOf(patterns);
  }

  /** A touchpoint of a person who lives alone and has no pattern. */
  public GeneratedTouchpoint(Touchpoint touchpoint, String personId) {
    this(touchpoint, personId, personId, Set.of());
  }
}
