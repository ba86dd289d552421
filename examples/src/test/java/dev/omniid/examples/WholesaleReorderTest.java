package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import dev.omniid.examples.WholesaleReorder.CombinedOrder;
import dev.omniid.examples.WholesaleReorder.OrderLine;
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
    assertFalse(out.contains("compras@"), out);
  }
}
