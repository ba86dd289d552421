package dev.omniid.core;

/**
 * The kind of an {@link Identifier}: email, phone, device id... An open set; the resolver
 * gives each type an {@link IdentifierPolicy} (its own defaults are {@link IdentifierPolicy#defaultFor}).
 *
 * @param name a lower-case token such as {@code "email"} or {@code "passport"}
 */
public record IdentifierType(String name) {
  /** The id a CRM or shop account gives the customer; exclusive by default (one per person). */
  public static final IdentifierType CUSTOMER_ID = new IdentifierType("customer_id");
  /** A national identity number (tax id, DNI, SSN...); exclusive by default. */
  public static final IdentifierType NATIONAL_ID = new IdentifierType("national_id");
  /** A passport number; exclusive by default. */
  public static final IdentifierType PASSPORT = new IdentifierType("passport");
  /** A loyalty card or programme number; exclusive by default. */
  public static final IdentifierType LOYALTY_ID = new IdentifierType("loyalty_id");
  /** An email address; shared by at most 5 people before it stops linking, by default. */
  public static final IdentifierType EMAIL = new IdentifierType("email");
  /** A phone number; shared by at most 5 people before it stops linking, by default. */
  public static final IdentifierType PHONE = new IdentifierType("phone");
  /** A handle on a social network or messenger (for example a Messenger user id). */
  public static final IdentifierType SOCIAL_HANDLE = new IdentifierType("social_handle");
  /** A device id: a phone's advertising id, an app installation id, a till's tablet. */
  public static final IdentifierType DEVICE_ID = new IdentifierType("device_id");
  /** A web browser cookie id; the weakest of the well-known types by default. */
  public static final IdentifierType COOKIE_ID = new IdentifierType("cookie_id");

  /**
   * Checks the name.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} unless the name is
   *     1-64 characters of {@code [a-z0-9_.:-]} starting with a letter or digit
   */
  public IdentifierType {
    Names.requireToken(name, "identifier type");
  }

  /**
   * Returns the identifier type with this name; {@code "email"} is {@link #EMAIL}.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit; anything else is refused with {@link OmniIdException.Reason#INVALID_VALUE}
   * @return the identifier type, equal to every other type of the same name
   */
  public static IdentifierType of(String name) {
    return new IdentifierType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
