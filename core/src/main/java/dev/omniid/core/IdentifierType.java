package dev.omniid.core;

/**
 * The kind of an {@link Identifier}: email, phone, device id... An open set; the resolver
 * gives each type an {@link IdentifierPolicy} (its own defaults are {@link IdentifierPolicy#defaultFor}).
 *
 * @param name a lower-case token such as {@code "email"} or {@code "passport"}
 */
public record IdentifierType(String name) {
  public static final IdentifierType CUSTOMER_ID = new IdentifierType("customer_id");
  public static final IdentifierType NATIONAL_ID = new IdentifierType("national_id");
  public static final IdentifierType PASSPORT = new IdentifierType("passport");
  public static final IdentifierType LOYALTY_ID = new IdentifierType("loyalty_id");
  public static final IdentifierType EMAIL = new IdentifierType("email");
  public static final IdentifierType PHONE = new IdentifierType("phone");
  public static final IdentifierType SOCIAL_HANDLE = new IdentifierType("social_handle");
  public static final IdentifierType DEVICE_ID = new IdentifierType("device_id");
  public static final IdentifierType COOKIE_ID = new IdentifierType("cookie_id");

  public IdentifierType {
    Names.requireToken(name, "identifier type");
  }

  /** Returns the identifier type with this name. */
  public static IdentifierType of(String name) {
    return new IdentifierType(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
