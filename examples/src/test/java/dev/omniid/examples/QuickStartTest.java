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

  @Test
  void theDemoEndsAnasProfileWithHerGoldenRecordMasked() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    // Both store and WhatsApp carry her phone: the later one is the source. The name is only in the store.
    assertTrue(out.contains("    phone       +34*******78 (from wa-5531 on whatsapp, 2026-11-21T12:15:00Z)"), out);
    assertTrue(out.contains("    email       a***@o***.es (from web-88121 on web, 2026-11-20T17:15:00Z)"), out);
    assertTrue(out.contains("    full_name   A** ***ez (from pos-0193 on store, 2026-11-20T10:15:00Z)"), out);
    assertFalse(out.contains("Ana P"), out);
  }
}
