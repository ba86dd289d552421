package dev.omniid.core;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link AccountResolver#resolve} did with one touchpoint: the resolution of its person part
 * (the contact) and of its organisation part (the account), each empty when the touchpoint had no
 * such part. Immutable and thread-safe.
 *
 * @param contact the persons resolver's resolution of the person part; empty when the touchpoint
 *     names only an organisation (a rep's order naming the shop and nobody in it)
 * @param account the organisations resolver's resolution of the organisation part; empty when the
 *     touchpoint names no organisation (a consumer's order)
 */
public record AccountResolution(Optional<Resolution> contact, Optional<Resolution> account) {

  /**
   * Checks that at least one part was resolved.
   *
   * @param contact the person part's resolution or empty, not null
   * @param account the organisation part's resolution or empty, not null
   * @throws IllegalArgumentException if both are empty
   */
  public AccountResolution {
    Objects.requireNonNull(contact, "contact");
    Objects.requireNonNull(account, "account");
    if (contact.isEmpty() && account.isEmpty()) {
      throw new IllegalArgumentException("a touchpoint resolves at least one part");
    }
  }

  /**
   * Every value of the touchpoint that could not be used, from both parts: a tax id with a wrong
   * check digit shows here as the organisation resolver reported it, and the touchpoint was
   * resolved on its other evidence. A problem never holds the value itself.
   *
   * @return the person part's problems, then the organisation part's
   */
  public List<Problem> problems() {
    if (account.isEmpty()) {
      return contact.get().problems();
    }
    if (contact.isEmpty()) {
      return account.get().problems();
    }
    List<Problem> all = new java.util.ArrayList<>(contact.get().problems());
    all.addAll(account.get().problems());
    return List.copyOf(all);
  }
}
