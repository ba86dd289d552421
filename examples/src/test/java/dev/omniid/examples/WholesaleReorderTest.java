package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AccountResolver;
import dev.omniid.core.Channel;
import dev.omniid.core.Identifier;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import dev.omniid.examples.WholesaleReorder.Account;
import dev.omniid.examples.WholesaleReorder.CombinedOrder;
import dev.omniid.examples.WholesaleReorder.OrderLine;
import dev.omniid.matching.TaxIds;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WholesaleReorderTest {
  @Test
  void theOrderCombinesTheAppDraftAndThePortalCheckout() {
    CombinedOrder order = WholesaleReorder.combinedOrder();
    assertEquals(List.of("COFFEE-BEANS-1KG 25 web", "OAT-MILK-1L 48 mobile_app", "CUP-12OZ-1000 2 web"),
        order.lines().stream().map(l -> l.sku() + " " + l.quantity() + " " + l.channel()).toList(),
        "every line, the latest quantity of each");
    assertEquals(Set.of(Channel.MOBILE_APP, Channel.WEB), order.channels());
    assertEquals(new BigDecimal("605.30"), order.total());
    assertEquals(List.of("app-501", "app-502", "web-601", "web-602", "web-603", "web-604"),
        order.profile().touchpointIds(), "the other café's buyer stays apart");
  }

  @Test
  void theAccountsJourneyHoldsTheAppThePortalAndTheRepWithTheContactOfEach() {
    Account shop = WholesaleReorder.account();
    assertEquals(List.of("app-501 mobile_app buyer", "app-502 mobile_app buyer", "web-601 web buyer",
        "web-604 web buyer", "rep-701 sales_rep manager"), shop.journey().stream()
            .map(e -> e.touchpoint().id() + " " + e.channel() + " "
                + e.contact().map(c -> c.equals(shop.buyer()) ? "buyer"
                    : c.equals(shop.manager()) ? "manager" : c.toString()).orElse("nobody"))
            .toList(), "every touchpoint naming the shop, in time order, with who acted");
    assertEquals(List.of(Channel.MOBILE_APP, Channel.WEB, Channel.SALES_REP),
        List.copyOf(shop.channels()));
    // Two people of one shop: two contacts of the one account, never merged into one person.
    assertNotEquals(shop.buyer(), shop.manager());
    assertEquals(Set.of(shop.buyer(), shop.manager()), Set.copyOf(shop.contacts()));
    assertEquals(2, shop.contacts().size());
    // The rep's tablet wrote the tax id its own way; the portal's invoice carried it too.
    assertEquals(List.of("rep-701 and web-604 share tax_id:" + Identifier.of(TaxIds.TAX_ID,
        "ES:B12345674").masked()), shop.profile().evidence().stream()
            .filter(e -> e.touchpointId().equals("rep-701") || e.otherTouchpointId().equals("rep-701"))
            .map(e -> e.explain()).toList());
    assertNotEquals(shop.account(), shop.otherAccount(), "the other café is another account");
  }

  @Test
  void theOtherCafesBuyerIsNoContactOfTheShop() {
    try (AccountResolver resolver = WholesaleReorder.resolved()) {
      ProfileId shop = resolver.accountOf("rep-701").orElseThrow();
      ProfileId other = resolver.accountOf("app-510").orElseThrow();
      ProfileId otherBuyer = resolver.contactOf("app-510").orElseThrow();
      assertFalse(resolver.contactsOf(shop).contains(otherBuyer));
      assertEquals(List.of(other), resolver.accountsOf(otherBuyer));
      assertEquals(List.of(shop), resolver.accountsOf(resolver.contactOf("rep-701").orElseThrow()));
      // The portal's carts named nobody's shop: on the buyer's journey, not the account's.
      assertTrue(resolver.accountOf("web-602").isEmpty());
      assertEquals(resolver.contactOf("web-604"), resolver.contactOf("web-602"));
    }
  }

  @Test
  void thePortalAloneWouldShipAnIncompleteOrder() {
    CombinedOrder order = WholesaleReorder.combinedOrder();
    assertEquals(List.of("COFFEE-BEANS-1KG", "CUP-12OZ-1000"),
        order.portalOnly().stream().map(OrderLine::sku).toList());
    assertEquals(new BigDecimal("540.50"), CombinedOrder.total(order.portalOnly()));
  }

  @Test
  void linesAfterTheCheckoutBelongToTheNextOrder() {
    List<Touchpoint> journey = new ArrayList<>(WholesaleReorder.story());
    journey.add(Touchpoint.newBuilder("web-605").channel(Channel.WEB)
        .timestamp(Instant.parse("2026-11-16T16:00:00Z")).eventKind(EventKind.CART)
        .identifier(IdentifierType.COOKIE_ID, "ck-b2b-77f1")
        .payload("sku", "NAPKINS-500").payload("qty", "4").payload("price", "6.00").build());
    assertEquals(List.of("COFFEE-BEANS-1KG", "OAT-MILK-1L", "SUGAR-STICKS-1000", "CUP-12OZ-1000"),
        WholesaleReorder.orderLines(journey, t -> true).stream().map(OrderLine::sku).toList());
  }

  @Test
  void printsBothOrders() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    WholesaleReorder.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("540.50") && out.contains("605.30"), out);
    assertTrue(out.contains("OAT-MILK-1L        x48"), out);
    assertFalse(out.contains("compras@") || out.contains("javier@") || out.contains("12345674"), out);
    assertTrue(out.contains("sales_rep   purchase  Javier, the manager"), out);
    assertTrue(out.contains("2 contacts, seen on [mobile_app, web, sales_rep]"), out);
  }
}
