package dev.omniid.core;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One step of an account's journey ({@link AccountResolver#accountJourney}): a touchpoint that
 * named the account, and the contact who acted in it, if the touchpoint named a person. Immutable.
 *
 * @param touchpoint the touchpoint's organisation part as the account holds it: its id, channel,
 *     time, event kind and payload, with the organisation's identifiers and attributes only (the
 *     person's values are on the contact's profile)
 * @param contact the contact's current profile id; empty when the touchpoint named no person
 */
public record AccountJourneyEntry(Touchpoint touchpoint, Optional<ProfileId> contact) {

  /**
   * Checks the fields.
   *
   * @param touchpoint the touchpoint, not null
   * @param contact the contact or empty, not null
   */
  public AccountJourneyEntry {
    Objects.requireNonNull(touchpoint, "touchpoint");
    Objects.requireNonNull(contact, "contact");
  }

  /**
   * The channel the touchpoint happened on.
   *
   * @return the touchpoint's channel
   */
  public Channel channel() {
    return touchpoint.channel();
  }

  /**
   * When the touchpoint happened.
   *
   * @return its time, or empty when unknown
   */
  public Optional<Instant> timestamp() {
    return touchpoint.timestamp();
  }
}
