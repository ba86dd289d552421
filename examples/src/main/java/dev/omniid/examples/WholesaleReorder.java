package dev.omniid.examples;

import dev.omniid.core.AccountJourneyEntry;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.CompanyNames;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.Organisations;
import dev.omniid.matching.TaxIds;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Example 4, the wholesale reorder, told with the account. Café Norte S.L. is a shop (an
 * <em>account</em>) of a coffee distributor, and two people order for it (its <em>contacts</em>).
 * On Monday at 7 a.m. Lucía, the buyer, starts the weekly restock in the distributor's mobile app
 * (coffee beans, oat milk), is interrupted, and finishes it in the afternoon on the web portal,
 * where she raises the beans from 20 to 25 bags, adds cups and checks out. On Wednesday the sales
 * rep visits the shop and enters an order for it from the manager, Javier, on the rep's tablet,
 * which knows the shop by its tax id only (written {@code ES B-12.345.674}).
 *
 * <p>The app knows the shop by its account number and Lucía by her login, the shop's purchasing
 * mailbox, with her name on the app's account; the portal knows her by the same login (in another
 * case) and a cookie, and puts the account number and the billing tax id on the checkout. The
 * mailbox is a role account, read by whoever buys for the shop: it joins the app's carts to the
 * portal's session because both name Lucía, and would join no order that named nobody. Each system alone would ship half an order and see a third of the
 * account. OmniID's {@link AccountResolver} resolves the shop and the people apart: Lucía's draft
 * and checkout are one contact, so the order that ships is the combined one (every line, the
 * latest quantity of each); the account's journey holds the app, the portal and the rep, each
 * with the contact who acted; and Lucía and Javier stay two people, both contacts of the one
 * account. Another café's buyer, ordering in the app at the same time, is another account.
 *
 * <p>Run: {@code java -cp cli/target/omniid.jar dev.omniid.examples.WholesaleReorder}
 * or {@code java -jar cli/target/omniid.jar demo --scenario wholesale}.
 */
public final class WholesaleReorder {
  /** The distributor's number for Café Norte, on the app's and the portal's touchpoints. */
  static final String CAFE_NORTE = "B2B-40117";

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
   * @param profile the buyer: the contact who checked out
   * @param lines every line the buyer added since her previous order, on any channel
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

  /**
   * The shop as the account resolver sees it.
   *
   * @param account the shop's account id
   * @param profile the shop's account profile: its tax id, account number and evidence
   * @param journey every touchpoint that names the shop, in time order, each with its contact
   * @param contacts the people who ordered for the shop
   * @param buyer the contact who drafted in the app and checked out on the portal
   * @param manager the contact whose order the rep entered
   * @param otherAccount the other café's account
   */
  record Account(ProfileId account, Profile profile, List<AccountJourneyEntry> journey,
      List<ProfileId> contacts,
      ProfileId buyer, ProfileId manager, ProfileId otherAccount) {
    /** The channels of the account's journey, in the order first used. */
    Set<Channel> channels() {
      Set<Channel> channels = new LinkedHashSet<>();
      journey.forEach(e -> channels.add(e.channel()));
      return channels;
    }
  }

  /** The touchpoints, in time order: the shop's, and another café's buyer in the app. */
  static List<Touchpoint> story() {
    Instant monday = Instant.parse("2026-11-16T07:10:00Z");
    Instant afternoon = Instant.parse("2026-11-16T15:28:00Z");
    Instant wednesday = Instant.parse("2026-11-18T10:40:00Z");
    return List.of(
        appCart("app-501", monday, CAFE_NORTE, "compras@cafenorte.es", "Lucía Romero",
            "COFFEE-BEANS-1KG", 20, "18.50"),
        appCart("app-502", monday.plusSeconds(120), CAFE_NORTE, "compras@cafenorte.es",
            "Lucía Romero", "OAT-MILK-1L", 48, "1.35"),
        appCart("app-510", monday.plusSeconds(300), "B2B-40220", "pedidos@lataza.es", "Marta Gil",
            "SUGAR-STICKS-1000", 3, "12.00"),
        Touchpoint.newBuilder("web-601").channel(Channel.WEB).timestamp(afternoon)
            .eventKind(EventKind.LOGIN)
            .identifier(Organisations.ACCOUNT_NUMBER, CAFE_NORTE)
            .identifier(IdentifierType.EMAIL, "Compras@CafeNorte.es")
            .attribute(AttributeKey.FULL_NAME, "LUCIA ROMERO")
            .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1").build(),
        portalCart("web-602", afternoon.plusSeconds(180), "COFFEE-BEANS-1KG", 25, "18.50"),
        portalCart("web-603", afternoon.plusSeconds(240), "CUP-12OZ-1000", 2, "39.00"),
        Touchpoint.newBuilder("web-604").channel(Channel.WEB).timestamp(afternoon.plusSeconds(420))
            .eventKind(EventKind.PURCHASE)
            .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1")
            .identifier(Organisations.ACCOUNT_NUMBER, CAFE_NORTE)
            .identifier(TaxIds.TAX_ID, "B12345674")
            .attribute(CompanyNames.ORG_NAME, "Café Norte S.L.")
            .payload("order", "PO-88012").build(),
        // The rep's tablet knows the shop by its tax id and the manager by his email.
        Touchpoint.newBuilder("rep-701").channel(Channel.SALES_REP).timestamp(wednesday)
            .eventKind(EventKind.PURCHASE)
            .identifier(TaxIds.TAX_ID, "ES B-12.345.674")
            .attribute(CompanyNames.ORG_NAME, "CAFE NORTE SL")
            .identifier(IdentifierType.EMAIL, "javier@cafenorte.es")
            .attribute(AttributeKey.FULL_NAME, "Javier García")
            .payload("order", "RP-3301").payload("sku", "DECAF-BEANS-1KG").payload("qty", "6")
            .payload("price", "19.90").build());
  }

  private static Touchpoint appCart(String id, Instant at, String account, String email,
      String name, String sku, int quantity, String unitPrice) {
    return Touchpoint.newBuilder(id).channel(Channel.MOBILE_APP).timestamp(at).eventKind(EventKind.CART)
        .identifier(Organisations.ACCOUNT_NUMBER, account)
        .identifier(IdentifierType.EMAIL, email)
        .attribute(AttributeKey.FULL_NAME, name)
        .payload("sku", sku).payload("qty", String.valueOf(quantity)).payload("price", unitPrice)
        .build();
  }

  private static Touchpoint portalCart(String id, Instant at, String sku, int quantity, String unitPrice) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(at).eventKind(EventKind.CART)
        .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1")
        .payload("sku", sku).payload("qty", String.valueOf(quantity)).payload("price", unitPrice)
        .build();
  }

  /** The story resolved into accounts and contacts. */
  static AccountResolver resolved() {
    AccountResolver resolver = OmniId.accountResolverBuilder().defaultRegion("ES").build();
    resolver.resolveAll(story());
    return resolver;
  }

  /** Resolves the story and returns the order placed at the portal's checkout. */
  static CombinedOrder combinedOrder() {
    try (AccountResolver resolver = resolved()) {
      return combinedOrder(resolver);
    }
  }

  private static CombinedOrder combinedOrder(AccountResolver resolver) {
    Profile buyer = resolver.contact(resolver.contactOf("web-604").orElseThrow()).orElseThrow();
    List<OrderLine> lines = orderLines(buyer.journey(), t -> true);
    // The portal alone: its own session (cookie) only.
    List<OrderLine> portalOnly = orderLines(story(), t -> t.channel().equals(Channel.WEB)
        && t.identifiers().stream().anyMatch(i -> i.raw().equals("ck-b2b-77f1")));
    return new CombinedOrder("PO-88012", buyer, lines, portalOnly);
  }

  /** Resolves the story and returns Café Norte's account: its journey and its contacts. */
  static Account account() {
    try (AccountResolver resolver = resolved()) {
      return account(resolver);
    }
  }

  private static Account account(AccountResolver resolver) {
    ProfileId shop = resolver.accountOf("rep-701").orElseThrow();
    return new Account(shop, resolver.account(shop).orElseThrow(), resolver.accountJourney(shop),
        resolver.contactsOf(shop),
        resolver.contactOf("web-604").orElseThrow(), resolver.contactOf("rep-701").orElseThrow(),
        resolver.accountOf("app-510").orElseThrow());
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
    CombinedOrder order;
    Account shop;
    try (AccountResolver resolver = resolved()) {
      order = combinedOrder(resolver);
      shop = account(resolver);
    }
    out.println("Monday afternoon, Café Norte's buyer checks out " + order.orderNumber()
        + " on the web portal.");
    out.println();
    out.println("== Multichannel: the web portal alone ==");
    print(out, order.portalOnly());
    out.println("  The oat milk drafted in the app at 7 a.m. would not ship.");
    out.println();
    out.printf(Locale.ROOT, "== Omnichannel: the buyer, contact %s, seen on %s ==%n",
        order.profile().id(), order.profile().channels());
    print(out, order.lines());
    out.println("  Why the app's draft belongs to this order:");
    order.profile().evidence().forEach(e -> out.println("    " + e.explain()));
    out.println();
    out.printf(Locale.ROOT, "== The account: Café Norte, %s, %d contacts, seen on %s ==%n",
        shop.account(), shop.contacts().size(), shop.channels());
    DateTimeFormatter when = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ROOT)
        .withZone(ZoneOffset.UTC);
    for (AccountJourneyEntry e : shop.journey()) {
      Touchpoint t = e.touchpoint();
      String who = e.contact().map(c -> (c.equals(shop.buyer()) ? "Lucía, the buyer"
          : c.equals(shop.manager()) ? "Javier, the manager" : "contact") + " (" + c + ")")
          .orElse("no contact");
      String what = t.payload().containsKey("order") ? "order " + t.payload().get("order")
          : t.payload().containsKey("sku") ? t.payload().get("sku") + " x" + t.payload().get("qty")
          : "";
      out.println(String.format(Locale.ROOT, "    %s  %-10s  %-8s  %-32s %s",
          t.timestamp().map(when::format).orElse("(no time)"), t.channel(), t.eventKind(), who,
          what).stripTrailing());
    }
    out.println("  Why the rep's order is the shop's:");
    shop.profile().evidence().stream()
        .filter(e -> e.touchpointId().equals("rep-701") || e.otherTouchpointId().equals("rep-701"))
        .forEach(e -> out.println("    " + e.explain()));
    out.printf(Locale.ROOT, "  The other café's buyer is another account (%s).%n",
        shop.otherAccount());
  }

  private static void print(PrintStream out, List<OrderLine> lines) {
    for (OrderLine line : lines) {
      out.printf(Locale.ROOT, "    %-18s x%-3d at %6s  %8s  (%s)%n", line.sku(), line.quantity(),
          line.unitPrice(), line.amount(), line.channel());
    }
    out.printf(Locale.ROOT, "    %-37s %8s%n", "total", CombinedOrder.total(lines));
  }
}
