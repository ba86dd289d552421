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
  /**
   * Checks the fields and copies the patterns.
   *
   * @param touchpoint the touchpoint, not null
   * @param personId the true person's id, not null
   * @param householdId the household's id, not null
   * @param patterns the person's patterns, not null; copied
   */
  public GeneratedTouchpoint {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(personId, "personId");
    Objects.requireNonNull(householdId, "householdId");
    patterns = Set.copyOf(patterns);
  }

  /**
   * A touchpoint of a person who lives alone and has no pattern.
   *
   * @param touchpoint the touchpoint, not null
   * @param personId the true person's id, not null; also the household's id
   */
  public GeneratedTouchpoint(Touchpoint touchpoint, String personId) {
    this(touchpoint, personId, personId, Set.of());
  }
}
