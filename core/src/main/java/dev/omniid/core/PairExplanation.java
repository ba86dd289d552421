package dev.omniid.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Why two touchpoints are, or are not, in one profile: the identifiers they share, those of them
 * that are generic, the match model's waterfall for the pair, and the evidence edges between them.
 * Identifier values are masked in {@link #explain()}.
 *
 * @param touchpointId one touchpoint
 * @param otherTouchpointId the other
 * @param sameProfile whether they are in one profile now
 * @param sharedIdentifiers identifier values both carry that link
 * @param sharedGenericValues identifier values both carry that are generic and link nothing
 * @param score the match model's score of the pair, if the resolver has a model
 * @param evidence evidence edges directly between the two (links or refusals)
 */
public record PairExplanation(
    String touchpointId,
    String otherTouchpointId,
    boolean sameProfile,
    List<Identifier> sharedIdentifiers,
    List<Identifier> sharedGenericValues,
    Optional<MatchScore> score,
    List<Evidence> evidence) {

  /**
   * Copies the lists.
   *
   * @param touchpointId one touchpoint's id, not null
   * @param otherTouchpointId the other's id, not null
   * @param sameProfile whether they are in one profile now
   * @param sharedIdentifiers linking values both carry, not null; copied
   * @param sharedGenericValues generic values both carry, not null; copied
   * @param score the match model's score, or empty; not null
   * @param evidence evidence edges between the two, not null; copied
   */
  public PairExplanation {
    Objects.requireNonNull(touchpointId, "touchpointId");
    Objects.requireNonNull(otherTouchpointId, "otherTouchpointId");
    sharedIdentifiers = List.copyOf(sharedIdentifiers);
    sharedGenericValues = List.copyOf(sharedGenericValues);
    Objects.requireNonNull(score, "score");
    evidence = List.copyOf(evidence);
  }

  /**
   * A text a person can read.
   *
   * @return several lines, each ending with the platform's line separator: whether they share a
   *     profile, the shared and the generic values (masked), the score's waterfall when there is a
   *     model, and each evidence edge; safe to log
   */
  public String explain() {
    StringBuilder s = new StringBuilder();
    s.append(touchpointId).append(" and ").append(otherTouchpointId)
        .append(sameProfile ? " are in the same profile" : " are in different profiles")
        .append(System.lineSeparator());
    s.append("  shared identifiers: ")
        .append(sharedIdentifiers.isEmpty() ? "none" : sharedIdentifiers.toString())
        .append(System.lineSeparator());
    if (!sharedGenericValues.isEmpty()) {
      s.append("  shared but generic (link nothing): ").append(sharedGenericValues)
          .append(System.lineSeparator());
    }
    score.ifPresent(m -> s.append("  match score:").append(System.lineSeparator())
        .append(m.explain()).append(System.lineSeparator()));
    for (Evidence e : evidence) {
      s.append("  evidence: ").append(e.explain()).append(System.lineSeparator());
    }
    if (sameProfile && evidence.stream().noneMatch(Evidence::links)) {
      s.append("  linked through other touchpoints of the profile").append(System.lineSeparator());
    }
    return s.toString();
  }
}
