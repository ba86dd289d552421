package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import java.util.function.UnaryOperator;

/**
 * The recent results of a pure function of one string, in a bounded Caffeine cache: a fuzzy
 * resolve normalizes a touchpoint's address and birth date several times (for the blocking keys,
 * the match fields and the person rule), and customer files repeat them (names have an entry of
 * their own per raw name, see {@code NameNormalizer}). A refusal (an
 * exception) is not kept: refusals are rare and cheap to find again. Thread-safe.
 */
final class RecentResults {
  private final Cache<String, String> results;

  /** {@code what}: what the results are, as {@link ValueCaches} names the cache. */
  RecentResults(String what) {
    this.results = ValueCaches.newCache(what);
  }

  /** {@code function.apply(value)}, remembered. */
  String get(String value, UnaryOperator<String> function) {
    String known = results.getIfPresent(value);
    if (known == null) {
      known = function.apply(value);
      results.put(value, known);
    }
    return known;
  }
}
