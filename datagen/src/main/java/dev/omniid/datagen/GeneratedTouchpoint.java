package dev.omniid.datagen;

import dev.omniid.core.Touchpoint;
import java.util.Objects;

/**
 * A synthetic touchpoint and the person it truly belongs to.
 *
 * @param touchpoint the touchpoint, as a source system would send it
 * @param personId the ground truth: the id of the person behind it
 */
public record GeneratedTouchpoint(Touchpoint touchpoint, String personId) {
  public GeneratedTouchpoint {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(personId, "personId");
  }
}
