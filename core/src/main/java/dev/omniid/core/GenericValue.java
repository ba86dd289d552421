package dev.omniid.core;

import java.util.Objects;

/**
 * An identifier value that no longer links: shared by too many profiles (a store kiosk's device
 * id, a family's landline beyond the limit) or declared junk ({@code test@test.com}).
 *
 * @param identifier the value
 * @param reason why it is generic
 * @param touchpoints how many touchpoints carry it
 */
public record GenericValue(Identifier identifier, Reason reason, int touchpoints) {

  /** Why a value is generic. */
  public enum Reason {
    /** More distinct profiles share it than its type's limit allows. */
    OVER_LIMIT,
    /** A configured predicate declares it junk. */
    JUNK
  }

  /**
   * Checks the fields.
   *
   * @param identifier the value, not null
   * @param reason why it is generic, not null
   * @param touchpoints how many touchpoints carry it
   */
  public GenericValue {
    Objects.requireNonNull(identifier, "identifier");
    Objects.requireNonNull(reason, "reason");
  }
}
