package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.Channel;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Resolution;
import dev.omniid.examples.AbandonedCart.CartLine;
import dev.omniid.examples.AbandonedCart.ClerkView;
import dev.omniid.matching.OmniId;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AbandonedCartTest {
  @Test
  void theClerkSeesTheCartLeftOnTheWebFromThePhoneAlone() {
    ClerkView view = AbandonedCart.clerkView();
    assertEquals(Resolution.Outcome.ATTACHED, view.outcome(), "the store visit finds a known customer");
    assertEquals(List.of("SNEAKER-38-WHITE", "SOCKS-3PACK"),
        view.openCart().stream().map(CartLine::sku).toList(), "her open cart, not the paid one nor another shopper's");
    assertTrue(view.openCart().stream().allMatch(l -> l.channel().equals(Channel.WEB)));
    assertEquals(new BigDecimal("129.80"), view.total());
    assertTrue(view.profile().touchpointIds().containsAll(List.of("pos-9001", "web-7001", "web-7410", "web-7411", "web-7412")),
        view.profile().touchpointIds().toString());
    assertFalse(view.profile().touchpointIds().contains("web-7500"), "another shopper's cart");
  }

  @Test
  void thePointOfSaleAloneSeesANewCustomer() {
    IdentityResolver store = OmniId.resolverBuilder().defaultRegion("ES").build();
    AbandonedCart.webShop().stream().filter(t -> t.channel().equals(Channel.STORE)).forEach(store::resolve);
    assertEquals(Resolution.Outcome.CREATED, store.resolve(AbandonedCart.storeVisit()).outcome());
  }

  @Test
  void aPaidCartIsNotOpen() {
    assertEquals(List.of(), AbandonedCart.openCart(AbandonedCart.webShop().subList(0, 3)));
  }

  @Test
  void printsTheCartWithoutRawContactDetails() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    AbandonedCart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("ATTACHED to profile"), out);
    assertTrue(out.contains("SNEAKER-38-WHITE") && out.contains("129.80"), out);
    assertFalse(out.contains("RAINCOAT"), out);
    assertFalse(out.contains("sofia.marin") || out.contains("987 654"), out);
  }
}
