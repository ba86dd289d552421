package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The bounded Caffeine caches in which this module's normalizers, matchers and person rule keep
 * results that depend on a value alone (a parsed phone, a name's reading, a prepared address, two
 * given names compared), and the one maximum they share, set by
 * {@link OmniId#setValueCacheSize(long)}. Each cache is registered under what it keeps, weakly (a
 * normalizer let go of takes its cache with it), so that a new maximum reaches the caches made
 * before it. Caches a caller sized ({@link Normalizers#cached}, {@link
 * PhoneNormalizer#forRegion(String, long)}) are not among them. Thread-safe.
 */
final class ValueCaches {
  /**
   * A million results each: a service's returning customers find their values still there, and
   * Caffeine starts recording reads for its eviction policy only once a cache is half full (the
   * warm fuzzy resolve at 1 M ran 15 % faster with its caches below half of this than with the
   * 100,000 of before, at the same hit rate).
   */
  static final long DEFAULT_MAXIMUM = 1_000_000;

  private static final Map<Cache<?, ?>, String> CACHES = new WeakHashMap<>();
  private static long maximum = DEFAULT_MAXIMUM;

  private ValueCaches() {}

  /** A new cache of the shared maximum, registered as keeping {@code what}. */
  static synchronized <K, V> Cache<K, V> newCache(String what) {
    Cache<K, V> cache = Caffeine.newBuilder().maximumSize(maximum).build();
    CACHES.put(cache, what);
    return cache;
  }

  static synchronized long maximum() {
    return maximum;
  }

  /** Sets every registered cache's maximum; one over it evicts down to it before returning. */
  static synchronized void setMaximum(long newMaximum) {
    maximum = newMaximum;
    for (Cache<?, ?> cache : CACHES.keySet()) {
      cache.policy().eviction().orElseThrow().setMaximum(newMaximum);
    }
  }

  /** Empties every registered cache. */
  static synchronized void clear() {
    for (Cache<?, ?> cache : CACHES.keySet()) {
      cache.invalidateAll();
    }
  }

  /** What each live cache keeps, with how many results it holds now; for tests. */
  static synchronized Map<String, Long> entries() {
    Map<String, Long> entries = new LinkedHashMap<>();
    CACHES.forEach((cache, what) -> {
      cache.cleanUp();
      entries.merge(what, cache.estimatedSize(), Long::sum);
    });
    return entries;
  }

  /** What each live cache keeps, with its maximum; for tests. */
  static synchronized Map<String, Long> maximums() {
    Map<String, Long> maximums = new LinkedHashMap<>();
    CACHES.forEach((cache, what) -> maximums.merge(what,
        cache.policy().eviction().orElseThrow().getMaximum(), Math::min));
    return maximums;
  }
}
