package dev.omniid.examples;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Example 3, the abandoned cart: Sofía fills a cart on the web shop one evening, on a new laptop,
 * and leaves without paying. The next morning she walks into the store; the point of sale knows
 * nothing but the phone number she gives the clerk, typed in the national form. The store system
 * alone sees a stranger. OmniID links the phone to the account she opened in March (email and
 * mobile), the email to the cart she logged in to, and the cart to the laptop's cookie: the clerk
 * sees what she left in the cart, and not the order she already paid for in March.
 *
 * <p>Run: {@code java -cp cli/target/omniid.jar dev.omniid.examples.AbandonedCart}
 * or {@code java -jar cli/target/omniid.jar demo --scenario abandoned-cart}.
 */
public final class AbandonedCart {
  private AbandonedCart() {}

  /** One line of a cart: what, how many, at what price, and when it was added where. */
  record CartLine(String sku, int quantity, BigDecimal unitPrice, Optional<Instant> addedAt,
      Channel channel) {
    BigDecimal amount() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  /**
   * What the clerk sees after typing the customer's phone at the point of sale.
   *
   * @param outcome what resolving the store visit did: ATTACHED to a known customer, or CREATED
   * @param profile the customer
   * @param openCart the lines added to a cart after the customer's last purchase, in time order
   */
  record ClerkView(Resolution.Outcome outcome, Profile profile, List<CartLine> openCart) {
    BigDecimal total() {
      return openCart.stream().map(CartLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
  }

  /** The web shop's touchpoints, in time order: Sofía's and another shopper's. */
  static List<Touchpoint> webShop() {
    Instant march = Instant.parse("2026-03-02T19:30:00Z");
    Instant evening = Instant.parse("2026-11-20T21:40:00Z");
    return List.of(
        Touchpoint.newBuilder("web-7001").channel(Channel.WEB).timestamp(march)
            .eventKind(EventKind.SIGNUP)
            .identifier(IdentifierType.EMAIL, "sofia.marin@gmail.com")
            .identifier(IdentifierType.PHONE, "+34 622 98 76 54")  // mobile, for delivery updates
            .identifier(IdentifierType.COOKIE_ID, "ck-1a2b3c")
            .attribute(AttributeKey.GIVEN_NAME, "Sofía").build(),
        cart("web-7002", march.plusSeconds(300), "ck-1a2b3c", "sofia.marin@gmail.com",
            "RAINCOAT-M-NAVY", 1, "89.00"),
        Touchpoint.newBuilder("web-7003").channel(Channel.WEB).timestamp(march.plusSeconds(420))
            .eventKind(EventKind.PURCHASE)
            .identifier(IdentifierType.EMAIL, "sofia.marin@gmail.com")
            .identifier(IdentifierType.COOKIE_ID, "ck-1a2b3c")
            .payload("order", "W-30211").build(),
        Touchpoint.newBuilder("web-7410").channel(Channel.WEB).timestamp(evening)
            .eventKind(EventKind.VIEW)
            .identifier(IdentifierType.COOKIE_ID, "ck-9f3e77")  // new laptop, not logged in yet
            .payload("sku", "SNEAKER-38-WHITE").build(),
        cart("web-7411", evening.plusSeconds(4 * 60), "ck-9f3e77", "sofia.marin@gmail.com",
            "SNEAKER-38-WHITE", 1, "109.90"),
        cart("web-7412", evening.plusSeconds(7 * 60), "ck-9f3e77", "sofia.marin@gmail.com",
            "SOCKS-3PACK", 2, "9.95"),
        cart("web-7500", evening.plusSeconds(9 * 60), "ck-44d0aa", "p.ruiz@yahoo.es",
            "BOOT-44-BROWN", 1, "149.00"));
  }

  private static Touchpoint cart(String id, Instant at, String cookie, String email, String sku,
      int quantity, String unitPrice) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(at).eventKind(EventKind.CART)
        .identifier(IdentifierType.COOKIE_ID, cookie)
        .identifier(IdentifierType.EMAIL, email)
        .payload("sku", sku).payload("qty", String.valueOf(quantity)).payload("price", unitPrice)
        .build();
  }

  /** Sofía at the store's till: the point of sale has only the phone she says aloud. */
  static Touchpoint storeVisit() {
    return Touchpoint.newBuilder("pos-9001").channel(Channel.STORE)
        .timestamp(Instant.parse("2026-11-21T11:05:00Z")).eventKind(EventKind.VISIT)
        .identifier(IdentifierType.PHONE, "622 987 654")
        .payload("store", "Madrid Gran Vía").build();
  }

  /** Resolves the web shop's history, then the store visit, and returns what the clerk sees. */
  static ClerkView clerkView() {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    resolver.resolveAll(webShop());
    Resolution visit = resolver.resolve(storeVisit());
    Profile customer = resolver.profile(visit.profileId()).orElseThrow();
    return new ClerkView(visit.outcome(), customer, openCart(customer.journey()));
  }

  /** The cart lines added after the last purchase in a journey (time order). */
  static List<CartLine> openCart(List<Touchpoint> journey) {
    List<CartLine> lines = new ArrayList<>();
    for (Touchpoint t : journey) {
      if (t.eventKind().equals(EventKind.PURCHASE)) {
        lines.clear();  // that cart was paid for
      } else if (t.eventKind().equals(EventKind.CART)) {
        lines.add(new CartLine(t.payload().get("sku"), Integer.parseInt(t.payload().get("qty")),
            new BigDecimal(t.payload().get("price")), t.timestamp(), t.channel()));
      }
    }
    return List.copyOf(lines);
  }

  public static void main(String[] args) {
    run(System.out);
  }

  /** Plays the scenario, printing to {@code out} (the CLI's {@code demo} passes its own stream). */
  public static void run(PrintStream out) {
    ClerkView view = clerkView();
    out.println("Saturday morning, Madrid Gran Vía: a customer gives the clerk her phone number.");
    out.println();
    out.println("== Multichannel: the store's point of sale alone ==");
    out.println("  No store customer with this phone: a new customer, nothing to show.");
    out.println();
    out.printf(Locale.ROOT, "== Omnichannel: %s to profile %s, seen on %s ==%n", view.outcome(),
        view.profile().id(), view.profile().channels());
    out.printf(Locale.ROOT, "  Hello %s! The cart she left on the web:%n",
        view.profile().journey().stream()
        .flatMap(t -> t.attribute(AttributeKey.GIVEN_NAME).stream()).findFirst().orElse("there"));
    for (CartLine line : view.openCart()) {
      out.printf(Locale.ROOT, "    %s  %-4s  %-18s x%d  %7s%n",
          line.addedAt().map(Instant::toString).orElse("(no time)"), line.channel(),
          line.sku(), line.quantity(), line.amount());
    }
    out.printf(Locale.ROOT, "    %-51s %7s%n", "total", view.total());
    out.println("  Why the phone finds the cart:");
    view.profile().evidence().forEach(e -> out.println("    " + e.explain()));
    out.println();
    out.println("  -> The clerk brings the sneakers in 38 to try on.");
  }
}
