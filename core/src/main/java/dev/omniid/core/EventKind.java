package dev.omniid.core;

/**
 * What happened at a touchpoint: a view, a cart, a purchase, a question... An open set like
 * {@link Channel}.
 *
 * @param name a lower-case token such as {@code "purchase"}
 */
public record EventKind(String name) {
  public static final EventKind UNSPECIFIED = new EventKind("unspecified");
  public static final EventKind VISIT = new EventKind("visit");
  public static final EventKind VIEW = new EventKind("view");
  public static final EventKind TRY_ON = new EventKind("try_on");
  public static final EventKind CART = new EventKind("cart");
  public static final EventKind PURCHASE = new EventKind("purchase");
  public static final EventKind RETURN = new EventKind("return");
  public static final EventKind INQUIRY = new EventKind("inquiry");
  public static final EventKind MESSAGE = new EventKind("message");
  public static final EventKind SURVEY = new EventKind("survey");
  public static final EventKind SIGNUP = new EventKind("signup");
  public static final EventKind LOGIN = new EventKind("login");

  public EventKind {
    Names.requireToken(name, "event kind");
  }

  /** Returns the event kind with this name. */
  public static EventKind of(String name) {
    return new EventKind(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
