package dev.omniid.core;

/**
 * What happened at a touchpoint: a view, a cart, a purchase, a question... An open set like
 * {@link Channel}.
 *
 * <p>Names are case-insensitive: they are kept in lower case ({@link java.util.Locale#ROOT}),
 * so {@code of("Purchase").equals(of("purchase"))}.
 *
 * @param name the canonical, lower-case token such as {@code "purchase"}
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

  /**
   * Checks the name and folds it to its canonical lower case ({@link java.util.Locale#ROOT}).
   *
   * @param name the name in any ASCII case, e.g. {@code "Purchase"}
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException ({@code INVALID_VALUE} on {@code event kind}) if it is not 1-64
   *     characters of {@code [A-Za-z0-9_.:-]} starting with a letter or digit
   */
  public EventKind {
    name = Names.canonicalToken(name, "event kind");
  }

  /**
   * Returns the event kind with this name, in any ASCII case; {@code "purchase"} is {@link #PURCHASE}.
   *
   * @param name the name, e.g. {@code "Purchase"}
   * @return the event kind, its name folded to lower case
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException ({@code INVALID_VALUE} on {@code event kind}) if it is not 1-64
   *     characters of {@code [A-Za-z0-9_.:-]} starting with a letter or digit
   */
  public static EventKind of(String name) {
    return new EventKind(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
