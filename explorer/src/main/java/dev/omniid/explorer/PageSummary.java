package dev.omniid.explorer;

/**
 * What a written page holds and what it left out.
 *
 * @param profiles the profiles the page shows in full, {@code >= 0}
 * @param profilesLeftOut the resolver's profiles the page only counts, {@code >= 0}
 * @param records the records (touchpoints) the shown profiles hold, {@code >= 0}
 * @param explainedPairs the pairs of touchpoints whose waterfall the page carries, {@code >= 0}
 * @param characters the length of the page, in UTF-16 characters
 */
public record PageSummary(int profiles, long profilesLeftOut, long records, int explainedPairs,
    long characters) {
  /**
   * Checks the counts.
   *
   * @param profiles the profiles the page shows in full
   * @param profilesLeftOut the resolver's profiles the page only counts
   * @param records the records the shown profiles hold
   * @param explainedPairs the pairs whose waterfall the page carries
   * @param characters the length of the page
   * @throws IllegalArgumentException if a count is negative
   */
  public PageSummary {
    if (profiles < 0 || profilesLeftOut < 0 || records < 0 || explainedPairs < 0
        || characters < 0) {
      throw new IllegalArgumentException("counts are 0 or more");
    }
  }
}
