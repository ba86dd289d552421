package dev.omniid.examples;

import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Example 4, the wholesale reorder: the buyer of a café chain starts the weekly restock in the
 * mobile app at 7 a.m. (coffee beans, oat milk), is interrupted, and finishes it in the afternoon on
 * the web portal, where she raises the beans from 20 to 25 bags, adds cups and checks out. The app
 * knows her by the account's customer id, the portal by her login email (typed in another case);
 * the app sends both. Each system alone would ship half an order. OmniID puts the app's draft and
 * the portal's checkout in one profile, so the order that ships is the combined one: every line,
 * the latest quantity of each. Another café's buyer, ordering at the same time, stays apart.
 *
 * <p>Run: {@code java -cp cli/target/omniid.jar dev.omniid.examples.WholesaleReorder}
 * or {@code java -jar cli/target/omniid.jar demo --scenario wholesale}.
 */
public final class WholesaleReorder {
  private WholesaleReorder() {}

  /** One line of the order, as last set, and the channel it was last set on. */
  record OrderLine(String sku, int quantity, BigDecimal unitPrice, Channel channel) {
    BigDecimal amount() {
      return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }
  }

  /**
   * The order placed at checkout.
   *
   * @param orderNumber the portal's order number
   * @param profile the buyer
   * @param lines every line added since the buyer's previous order, on any channel
   * @param portalOnly what the web portal alone would have shipped
   */
  record CombinedOrder(String orderNumber, Profile profile, List<OrderLine> lines,
      List<OrderLine> portalOnly) {
    BigDecimal total() {
      return total(lines);
    }

    static BigDecimal total(List<OrderLine> lines) {
      return lines.stream().map(OrderLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    Set<Channel> channels() {
      return Set.copyOf(lines.stream().map(OrderLine::channel).toList());
    }
  }

  /** The touchpoints, in time order: the buyer's, and another café's buyer in the app. */
  static List<Touchpoint> story() {
    Instant monday = Instant.parse("2026-11-16T07:10:00Z");
    Instant afternoon = Instant.parse("2026-11-16T15:28:00Z");
    String account = "B2B-40117";
    return List.of(
        appCart("app-501", monday, account, "compras@cafenorte.es", "COFFEE-BEANS-1KG", 20, "18.50"),
        appCart("app-502", monday.plusSeconds(120), account, "compras@cafenorte.es", "OAT-MILK-1L", 48, "1.35"),
        appCart("app-510", monday.plusSeconds(300), "B2B-40220", "pedidos@lataza.es", "SUGAR-STICKS-1000", 3, "12.00"),
        Touchpoint.newBuilder("web-601").channel(Channel.WEB).timestamp(afternoon)
            .eventKind(EventKind.LOGIN)
            .identifier(IdentifierType.EMAIL, "Compras@CafeNorte.es")
            .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1").build(),
        portalCart("web-602", afternoon.plusSeconds(180), "COFFEE-BEANS-1KG", 25, "18.50"),
        portalCart("web-603", afternoon.plusSeconds(240), "CUP-12OZ-1000", 2, "39.00"),
        Touchpoint.newBuilder("web-604").channel(Channel.WEB).timestamp(afternoon.plusSeconds(420))
            .eventKind(EventKind.PURCHASE)
            .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1")
            .identifier(IdentifierType.CUSTOMER_ID, account)
            .payload("order", "PO-88012").build());
  }

  private static Touchpoint appCart(String id, Instant at, String account, String email, String sku,
      int quantity, String unitPrice) {
    return Touchpoint.newBuilder(id).channel(Channel.MOBILE_APP).timestamp(at).eventKind(EventKind.CART)
        .identifier(IdentifierType.CUSTOMER_ID, account)
        .identifier(IdentifierType.EMAIL, email)
        .payload("sku", sku).payload("qty", String.valueOf(quantity)).payload("price", unitPrice)
        .build();
  }

  private static Touchpoint portalCart(String id, Instant at, String sku, int quantity, String unitPrice) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(at).eventKind(EventKind.CART)
        .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1")
        .payload("sku", sku).payload("qty", String.valueOf(quantity)).payload("price", unitPrice)
        .build();
  }

  /** Resolves the story and returns the order placed at the portal's checkout. */
  static CombinedOrder combinedOrder() {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    resolver.resolveAll(story());
    Profile buyer = resolver.profileOfTouchpoint("web-604").orElseThrow();
    List<OrderLine> lines = orderLines(buyer.journey(), t -> true);
    // The portal alone: its own session (cookie) only.
    List<OrderLine> portalOnly = orderLines(story(), t -> t.channel().equals(Channel.WEB)
        && t.identifiers().stream().anyMatch(i -> i.raw().equals("ck-b2b-77f1")));
    return new CombinedOrder("PO-88012", buyer, lines, portalOnly);
  }

  /** The lines of the cart checked out by the first purchase: latest quantity per SKU. */
  static List<OrderLine> orderLines(List<Touchpoint> journey, Predicate<Touchpoint> seen) {
    Map<String, OrderLine> lines = new LinkedHashMap<>();
    for (Touchpoint t : journey) {
      if (!seen.test(t)) {
        continue;
      }
      if (t.eventKind().equals(EventKind.PURCHASE)) {
        break;
      }
      if (t.eventKind().equals(EventKind.CART)) {
        String sku = t.payload().get("sku");
        lines.put(sku, new OrderLine(sku, Integer.parseInt(t.payload().get("qty")),
            new BigDecimal(t.payload().get("price")), t.channel()));
      }
    }
    return List.copyOf(lines.values());
  }

  public static void main(String[] args) {
    run(System.out);
  }

  /** Plays the scenario, printing to {@code out} (the CLI's {@code demo} passes its own stream). */
  public static void run(PrintStream out) {
    CombinedOrder order = combinedOrder();
    out.println("Monday afternoon, Café Norte's buyer checks out " + order.orderNumber()
        + " on the web portal.");
    out.println();
    out.println("== Multichannel: the web portal alone ==");
    print(out, order.portalOnly());
    out.println("  The oat milk drafted in the app at 7 a.m. would not ship.");
    out.println();
    out.printf(Locale.ROOT, "== Omnichannel: the buyer's profile %s, seen on %s ==%n",
        order.profile().id(), order.profile().channels());
    print(out, order.lines());
    out.println("  Why the app's draft belongs to this order:");
    order.profile().evidence().forEach(e -> out.println("    " + e.explain()));
  }

  private static void print(PrintStream out, List<OrderLine> lines) {
    for (OrderLine line : lines) {
      out.printf(Locale.ROOT, "    %-18s x%-3d at %6s  %8s  (%s)%n", line.sku(), line.quantity(),
          line.unitPrice(), line.amount(), line.channel());
    }
    out.printf(Locale.ROOT, "    %-37s %8s%n", "total", CombinedOrder.total(lines));
  }
}
