package dev.omniid.core;

/**
 * Where a touchpoint happened: a store, the web shop, WhatsApp... An open set: the constants
 * are the well-known channels, {@link #of(String)} names any other.
 *
 * @param name a lower-case token such as {@code "store"} or {@code "whatsapp"}
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

  public Channel {
    Names.requireToken(name, "channel");
  }

  /** Returns the channel with this name; {@code "store"} is {@link #STORE}. */
  public static Channel of(String name) {
    return new Channel(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
