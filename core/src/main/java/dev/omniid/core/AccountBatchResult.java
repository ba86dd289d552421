package dev.omniid.core;

import java.util.List;
import java.util.Objects;

/**
 * What {@link AccountResolver#resolveAll} did with a batch: the counts of whole touchpoints, every
 * problem, and each resolver's own result (its events). Immutable.
 *
 * @param accepted touchpoints added (each part on its side)
 * @param duplicates touchpoints already resolved with the same content, or repeated in the batch
 * @param rejected touchpoints refused whole: neither part was kept
 * @param problems every refused touchpoint and unusable value, from both sides, in order found
 * @param contacts the persons resolver's result for the person parts
 * @param accounts the organisations resolver's result for the organisation parts
 */
public record AccountBatchResult(int accepted, int duplicates, int rejected,
    List<Problem> problems, BatchResult contacts, BatchResult accounts) {

  /**
   * Checks the counts and copies the list.
   *
   * @param accepted {@code >= 0}
   * @param duplicates {@code >= 0}
   * @param rejected {@code >= 0}
   * @param problems not null; copied
   * @param contacts not null
   * @param accounts not null
   */
  public AccountBatchResult {
    if (accepted < 0 || duplicates < 0 || rejected < 0) {
      throw new IllegalArgumentException("counts must be >= 0");
    }
    problems = List.copyOf(problems);
    Objects.requireNonNull(contacts, "contacts");
    Objects.requireNonNull(accounts, "accounts");
  }
}
