package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuickStartTest {
  @Test
  void theShoeStoreStoryIsOneProfileAcrossFourChannels() {
    IdentityResolver resolver = IdentityResolver.newBuilder().build();
    QuickStart.story().forEach(resolver::resolve);
    assertEquals(2, resolver.profileCount());
    Profile ana = resolver.profileOfTouchpoint("fbm-771").orElseThrow();
    assertEquals(List.of("pos-0193", "web-88121", "wa-5531", "fbm-771"), ana.touchpointIds());
    assertEquals(List.of("pos-0194"), resolver.profileOfTouchpoint("pos-0194").orElseThrow().touchpointIds());
  }

  @Test
  void theDemoPrintsBothViewsWithoutRawPersonalData() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.contains("5 customer fragments in 4 silos"), out);
    assertTrue(out.contains("2 profiles for 5 touchpoints"), out);
    assertTrue(out.contains("4 touchpoints on [store, web, whatsapp, messenger]"), out);
    assertFalse(out.contains("612 345 678") || out.contains("ana.p.work"), out);
  }
}
