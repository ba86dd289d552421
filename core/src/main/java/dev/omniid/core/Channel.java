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
  /** A physical store: the till (point of sale), a fitting room, a clerk's tablet. */
  public static final Channel STORE = new Channel("store");
  /** The web shop or web portal. */
  public static final Channel WEB = new Channel("web");
  /** The brand's own mobile app. */
  public static final Channel MOBILE_APP = new Channel("mobile_app");
  /** A phone call to (or from) the call center. */
  public static final Channel CALL_CENTER = new Channel("call_center");
  /** An email exchange: a newsletter click, a support mail. */
  public static final Channel EMAIL = new Channel("email");
  /** A text message (SMS). */
  public static final Channel SMS = new Channel("sms");
  /** A WhatsApp conversation. */
  public static final Channel WHATSAPP = new Channel("whatsapp");
  /** A Facebook Messenger conversation. */
  public static final Channel MESSENGER = new Channel("messenger");
  /** A social network other than the messengers: a comment, a direct message, an ad lead. */
  public static final Channel SOCIAL = new Channel("social");
  /** A third-party marketplace that sells the brand's products. */
  public static final Channel MARKETPLACE = new Channel("marketplace");
  /** A field sales representative, typically for business (B2B) customers. */
  public static final Channel SALES_REP = new Channel("sales_rep");
  /** A printed or mail-order catalog. */
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
