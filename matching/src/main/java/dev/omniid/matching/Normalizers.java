package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import java.util.Objects;

/** Decorators for {@link Normalizer}s. */
public final class Normalizers {
  private Normalizers() {}

  /**
   * Caches a context-free normalizer's results, refusals included, in a bounded Caffeine cache:
   * customer files repeat the same values (a household's address, a popular given name), and
   * normalization can cost more than the look-up. Only for normalizers that ignore the touchpoint
   * ({@link Normalizer#normalize(String, dev.omniid.core.Touchpoint)} is not overridden): the
   * cache key is the value alone. A cached refusal is rethrown as a new exception with the same
   * reason, field and detail.
   *
   * @param delegate the normalizer to cache, not null; it must not read the touchpoint
   * @param maximumSize the most values kept, {@code >= 1} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE}); beyond it Caffeine evicts the values least
   *     likely to be asked for again
   * @return a thread-safe normalizer that gives what {@code delegate} gives, refusals included
   */
  public static Normalizer cached(Normalizer delegate, long maximumSize) {
    Objects.requireNonNull(delegate, "delegate");
    if (maximumSize < 1) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maximumSize",
          "must be >= 1");
    }
    return new CachingNormalizer(delegate, Caffeine.newBuilder().maximumSize(maximumSize).build());
  }

  /**
   * {@link #cached} in a cache of {@link OmniId#setValueCacheSize(long)} results, registered with
   * {@link ValueCaches} as keeping {@code what}.
   */
  static Normalizer cachedShared(Normalizer delegate, String what) {
    return new CachingNormalizer(Objects.requireNonNull(delegate, "delegate"),
        ValueCaches.newCache(what));
  }

  private static final class CachingNormalizer implements Normalizer {
    private final Normalizer delegate;
    private final Cache<String, Object> cache;

    CachingNormalizer(Normalizer delegate, Cache<String, Object> cache) {
      this.delegate = delegate;
      this.cache = cache;
    }

    @Override
    public String normalize(String value) {
      Object result = cache.get(value, v -> {
        try {
          return delegate.normalize(v);
        } catch (OmniIdException e) {
          return e;
        }
      });
      if (result instanceof OmniIdException e) {
        throw new OmniIdException(e.reason(), e.field(), e.detail(),
            e.identifierIndex().orElse(-1));
      }
      return (String) result;
    }

    @Override
    public String toString() {
      return "cached(" + delegate + ")";
    }
  }
}
