package dev.omniid.core;

/**
 * Where a touchpoint happened: a store, the web shop, WhatsApp... An open set: the constants
 * are the well-known channels, {@link #of(String)} names any other.
 *
 * <p>Names are case-insensitive: they are kept in lower case ({@link java.util.Locale#ROOT}),
 * so {@code of("WhatsApp").equals(of("whatsapp"))}.
 *
 * @param name the canonical, lower-case token such as {@code "store"} or {@code "whatsapp"}
 */
public record Channel(String name) {
  public static final Channel STORE = new Channel("store");
  public static final Channel WEB = new Channel("web");
  public static final Channel MOBILE_APP = new Channel("mobile_app");
  public static final Channel CALL_CENTER = new Channel("call_center");
  public static final Channel EMAIL = new Channel("email");
  public static final Channel SMS = new Channel("sms");
  public static final Channel WHATSAPP = new Channel("whatsapp");
  public static final Channel MESSENGER = new Channel("messenger");
  public static final Channel SOCIAL = new Channel("social");
  public static final Channel MARKETPLACE = new Channel("marketplace");
  public static final Channel SALES_REP = new Channel("sales_rep");
  public static final Channel CATALOG = new Channel("catalog");

  /**
   * Checks the name and folds it to its canonical lower case ({@link java.util.Locale#ROOT}).
   *
   * @param name the name in any ASCII case, e.g. {@code "WhatsApp"}
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException ({@code INVALID_VALUE} on {@code channel}) if it is not 1-64
   *     characters of {@code [A-Za-z0-9_.:-]} starting with a letter or digit
   */
  public Channel {
    name = Names.canonicalToken(name, "channel");
  }

  /**
   * Returns the channel with this name, in any ASCII case; {@code "store"} is {@link #STORE}.
   *
   * @param name the name, e.g. {@code "WhatsApp"}
   * @return the channel, its name folded to lower case
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException ({@code INVALID_VALUE} on {@code channel}) if it is not 1-64
   *     characters of {@code [A-Za-z0-9_.:-]} starting with a letter or digit
   */
  public static Channel of(String name) {
    return new Channel(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
