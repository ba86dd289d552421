package dev.omniid.core;

/**
 * What happened at a touchpoint: a view, a cart, a purchase, a question... An open set like
 * {@link Channel}.
 *
 * @param name a lower-case token such as {@code "purchase"}
 */
public record EventKind(String name) {
  /** Nothing is known about what happened; the kind a touchpoint has when none is given. */
  public static final EventKind UNSPECIFIED = new EventKind("unspecified");
  /** A visit: walking into a store, opening the app or the web shop. */
  public static final EventKind VISIT = new EventKind("visit");
  /** A product viewed. */
  public static final EventKind VIEW = new EventKind("view");
  /** A product tried on in a store. */
  public static final EventKind TRY_ON = new EventKind("try_on");
  /** A product put in a cart (and maybe left there). */
  public static final EventKind CART = new EventKind("cart");
  /** A purchase completed. */
  public static final EventKind PURCHASE = new EventKind("purchase");
  /** A purchase returned. */
  public static final EventKind RETURN = new EventKind("return");
  /** A question asked, about a product or an order. */
  public static final EventKind INQUIRY = new EventKind("inquiry");
  /** Any other message in a conversation. */
  public static final EventKind MESSAGE = new EventKind("message");
  /** A survey or review answered. */
  public static final EventKind SURVEY = new EventKind("survey");
  /** An account or loyalty sign-up. */
  public static final EventKind SIGNUP = new EventKind("signup");
  /** A log-in to an existing account. */
  public static final EventKind LOGIN = new EventKind("login");

  /**
   * Checks the name.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} unless the name is
   *     1-64 characters of {@code [a-z0-9_.:-]} starting with a letter or digit
   */
  public EventKind {
    Names.requireToken(name, "event kind");
  }

  /**
   * Returns the event kind with this name; {@code "purchase"} is {@link #PURCHASE}.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit; anything else is refused with {@link OmniIdException.Reason#INVALID_VALUE}
   * @return the event kind, equal to every other event kind of the same name
   */
  public static EventKind of(String name) {
    return new EventKind(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
