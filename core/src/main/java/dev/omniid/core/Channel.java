package dev.omniid.core;

/**
 * Where a touchpoint happened: a store, the web shop, WhatsApp... An open set: the constants
 * are the well-known channels, {@link #of(String)} names any other.
 *
 * @param name a lower-case token such as {@code "store"} or {@code "whatsapp"}
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
   * Checks the name.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} unless the name is
   *     1-64 characters of {@code [a-z0-9_.:-]} starting with a letter or digit
   */
  public Channel {
    Names.requireToken(name, "channel");
  }

  /**
   * Returns the channel with this name; {@code "store"} is {@link #STORE}.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit; anything else is refused with {@link OmniIdException.Reason#INVALID_VALUE}
   * @return the channel, equal to every other channel of the same name
   */
  public static Channel of(String name) {
    return new Channel(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
