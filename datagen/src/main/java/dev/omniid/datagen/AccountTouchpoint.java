package dev.omniid.datagen;

import dev.omniid.core.Touchpoint;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A synthetic touchpoint of distributor data and the truth behind it: the account it was for and
 * the person who placed it, either of which may be none.
 *
 * @param touchpoint the touchpoint, as a source system would send it
 * @param accountId the account (a shop or a company) the touchpoint was for; empty for a
 *     contact's private purchase
 * @param personId the person who placed it; empty when it names no one (a rep's order without
 *     contact, a catalogue form with the company only)
 * @param patterns the {@link AccountPattern}s that shaped it
 */
public record AccountTouchpoint(Touchpoint touchpoint, Optional<String> accountId,
    Optional<String> personId, Set<AccountPattern> patterns) {
  /**
   * Checks the fields and copies the patterns.
   *
   * @param touchpoint the touchpoint, not null
   * @param accountId the account, not null; empty for none
   * @param personId the person, not null; empty for none
   * @param patterns the patterns, not null; copied
   * @throws IllegalArgumentException if both the account and the person are empty
   */
  public AccountTouchpoint {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(personId, "personId");
    patterns = Set.copyOf(patterns);
    if (accountId.isEmpty() && personId.isEmpty()) {
      throw new IllegalArgumentException("a touchpoint is for an account, by a person, or both");
    }
  }
}
