package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link OmniId#setValueCacheSize}: one size for every value cache of the JVM. */
class ValueCachesTest {
  /** What each value cache the default resolver uses keeps, as it registers itself. */
  private static final Set<String> DEFAULT_RESOLVER_CACHES = Set.of("phones", "e-mails",
      "device ids", "name readings", "prepared names", "prepared addresses", "given-name pairs",
      "phonetic keys", "birth dates", "addresses");

  @AfterEach
  void restoreTheDefault() {
    OmniId.setValueCacheSize(ValueCaches.DEFAULT_MAXIMUM);
  }

  @Test
  void everyCacheTheDefaultResolverFillsTakesTheSizeSetAfterItWasMade() {
    assertEquals(1_000_000, OmniId.valueCacheSize());
    try (IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build()) {
      for (int i = 0; i < 2; i++) {
        resolver.resolve(Touchpoint.newBuilder("t" + i).channel(Channel.STORE)
            .timestamp(Instant.parse("2026-05-01T10:00:00Z"))
            .identifier(IdentifierType.EMAIL, "ana" + i + "@example.com")
            .identifier(IdentifierType.PHONE, "612 34 56 7" + i)
            .identifier(IdentifierType.DEVICE_ID, "0f8e2a4c-1b3d-4e5f-8a9b-0c1d2e3f4a5" + i)
            .attribute(AttributeKey.GIVEN_NAME, "Ana").attribute(AttributeKey.FAMILY_NAME, "Pérez")
            .attribute(AttributeKey.BIRTH_DATE, "07/03/1985")
            .attribute(AttributeKey.ADDRESS, "Calle Mayor 5").build());
      }
      OmniId.setValueCacheSize(123_456);
      assertEquals(123_456, OmniId.valueCacheSize());
      Map<String, Long> maximums = ValueCaches.maximums();
      assertTrue(maximums.keySet().containsAll(DEFAULT_RESOLVER_CACHES), maximums.toString());
      // The smallest maximum per kind of cache: one left at its old size would show here.
      maximums.forEach((what, maximum) -> assertEquals(123_456, maximum, what));
      Normalizer made = Normalizers.cachedShared(Normalizer.identity(), "made after");
      assertEquals(123_456, ValueCaches.maximums().get("made after"));
      assertEquals("x", made.normalize("x"));
    }
  }

  @Test
  void aSmallerSizeEvictsAtOnceAndNoResultChanges() {
    AtomicInteger computed = new AtomicInteger();
    Normalizer upper = Normalizers.cachedShared(value -> {
      computed.incrementAndGet();
      return value.toUpperCase(Locale.ROOT);
    }, "upper-cased test values");
    List<String> first = new ArrayList<>();
    for (int i = 0; i < 500; i++) {
      first.add(upper.normalize("value " + i));
    }
    for (int i = 0; i < 500; i++) {
      upper.normalize("value " + i);
    }
    assertEquals(500, computed.get(), "the second pass is answered by the cache");
    OmniId.setValueCacheSize(10);
    assertEquals(10, ValueCaches.maximums().get("upper-cased test values"));
    for (int i = 0; i < 500; i++) {
      assertEquals(first.get(i), upper.normalize("value " + i));
    }
    assertTrue(computed.get() >= 500 + 490,
        "at most 10 results outlive the new size: computed " + computed.get());
  }

  @Test
  void clearingEmptiesEveryCacheAndTheNextResolveLinksAsBefore() {
    try (IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build()) {
      ProfileId ana = resolver.resolve(store("a", "ana.perez@example.com", "612 34 56 78"))
          .profileId();
      assertTrue(ValueCaches.entries().get("e-mails") > 0, ValueCaches.entries().toString());
      assertTrue(ValueCaches.entries().get("phones") > 0, ValueCaches.entries().toString());
      OmniId.clearValueCaches();
      ValueCaches.entries().forEach((what, held) -> assertEquals(0, held, what));
      assertEquals(ana, resolver.resolve(store("b", "Ana.Perez@Example.com", "+34612345678"))
          .profileId(), "the values computed again link as the cached ones did");
    }
  }

  private static Touchpoint store(String id, String email, String phone) {
    return Touchpoint.newBuilder(id).channel(Channel.STORE)
        .timestamp(Instant.parse("2026-05-01T10:00:00Z"))
        .identifier(IdentifierType.EMAIL, email).identifier(IdentifierType.PHONE, phone).build();
  }

  @Test
  void aSizeBelowOneIsRefusedNamingItAndChangesNothing() {
    for (long size : new long[] {0, -1, Long.MIN_VALUE}) {
      OmniIdException e =
          assertThrows(OmniIdException.class, () -> OmniId.setValueCacheSize(size));
      assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
      assertEquals("maximumEach", e.field());
    }
    assertEquals(1_000_000, OmniId.valueCacheSize());
  }
}
