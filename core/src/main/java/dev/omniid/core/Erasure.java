package dev.omniid.core;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the touchpoints that {@link IdentityResolver#forget(IdentifierType, String)} removes: those
 * carrying the normalized value, or a value derived from it (a hashed email), normalized exactly as
 * the resolver normalizes them. Uses the resolver's public reads to find candidates and the
 * builder's normalizers to decide, so it needs no access to the merge graph.
 *
 * <p>The plain in-memory resolver reaches its configuration through a registry keyed weakly by the
 * resolver, filled by {@link ResolverBuilder#build()}; the journaled resolver holds its own.
 */
final class Erasure {
  /** By identity, weakly: a resolver's own equals must not find another's configuration. */
  private static final Map<Key, Erasure> REGISTRY = new HashMap<>();
  private static final ReferenceQueue<IdentityResolver> COLLECTED = new ReferenceQueue<>();
  private static final Predicate<String> NO_JUNK = v -> false;

  private final Map<IdentifierType, Normalizer> normalizers;
  private final Map<IdentifierType, Predicate<String>> junk;
  private final List<ResolverBuilder.Derivation> derivations;

  Erasure(ResolverBuilder builder) {
    this.normalizers = Map.copyOf(builder.normalizers);
    this.junk = Map.copyOf(builder.junk);
    this.derivations = List.copyOf(builder.derivations);
  }

  static void register(IdentityResolver resolver, Erasure erasure) {
    synchronized (REGISTRY) {
      for (Reference<?> gone; (gone = COLLECTED.poll()) != null; ) {
        REGISTRY.remove(gone);
      }
      REGISTRY.put(new Key(resolver, COLLECTED), erasure);
    }
  }

  static Optional<Erasure> of(IdentityResolver resolver) {
    synchronized (REGISTRY) {
      return Optional.ofNullable(REGISTRY.get(new Key(resolver, null)));
    }
  }

  /** A weak reference equal to another on the same referent, compared by identity. */
  private static final class Key extends WeakReference<IdentityResolver> {
    private final int hash;

    Key(IdentityResolver resolver, ReferenceQueue<IdentityResolver> queue) {
      super(resolver, queue);
      this.hash = System.identityHashCode(resolver);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object o) {
      if (o == this) {
        return true;
      }
      IdentityResolver mine = get();
      return o instanceof Key k && mine != null && mine == k.get();
    }
  }

  private Normalizer normalizer(IdentifierType type) {
    return normalizers.getOrDefault(type, Normalizer.defaultFor(type));
  }

  private boolean junk(IdentifierType type, String value) {
    return junk.getOrDefault(type, NO_JUNK).test(value);
  }

  /** The normalized value, or null if the normalizer refuses it (as the resolver would). */
  private String normalize(IdentifierType type, String value, Touchpoint touchpoint) {
    try {
      String out = touchpoint == null ? normalizer(type).normalize(value)
          : normalizer(type).normalize(value, touchpoint);
      return out == null || out.isEmpty() ? null : out;
    } catch (RuntimeException e) {
      return null;
    }
  }

  private String derive(ResolverBuilder.Derivation d, String source, Touchpoint touchpoint) {
    try {
      return normalize(d.to(), d.function().apply(source), touchpoint);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The values to erase for a query: its normalized value and the values derived from it. */
  private List<Identifier> targets(IdentifierType type, String rawValue) {
    if (rawValue.isBlank()) {
      return List.of();
    }
    String value = normalize(type, rawValue.strip(), null);
    if (value == null) {
      return List.of();
    }
    List<Identifier> out = new ArrayList<>();
    out.add(new Identifier(type, value, value));
    if (!junk(type, value)) {
      for (ResolverBuilder.Derivation d : derivations) {
        if (d.from().equals(type)) {
          String derived = derive(d, value, null);
          if (derived != null) {
            out.add(new Identifier(d.to(), derived, derived));
          }
        }
      }
    }
    return out;
  }

  /** Whether the resolver gives {@code touchpoint} this normalized value, given or derived. */
  private boolean carries(Touchpoint touchpoint, IdentifierType type, String value) {
    List<Identifier> identifiers = touchpoint.identifiers();
    for (Identifier identifier : identifiers) {
      if (identifier.type().equals(type)
          && value.equals(normalize(type, identifier.value(), touchpoint))) {
        return true;
      }
    }
    for (ResolverBuilder.Derivation d : derivations) {
      if (!d.to().equals(type)) {
        continue;
      }
      for (Identifier identifier : identifiers) {
        if (identifier.type().equals(d.from())) {
          String source = normalize(d.from(), identifier.value(), touchpoint);
          if (source != null && !junk(d.from(), source)
              && value.equals(derive(d, source, touchpoint))) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * The ids of the live touchpoints of {@code resolver} that carry the normalized {@code rawValue}
   * of {@code type}, or a value derived from it, in id order.
   */
  List<String> carriers(IdentityResolver resolver, IdentifierType type, String rawValue) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(rawValue, "rawValue");
    TreeSet<String> ids = new TreeSet<>();
    for (Identifier target : targets(type, rawValue)) {
      for (Profile profile : resolver.findProfiles(target.type(), target.value())) {
        for (Touchpoint touchpoint : profile.journey()) {
          if (!ids.contains(touchpoint.id())
              && carries(touchpoint, target.type(), target.value())) {
            ids.add(touchpoint.id());
          }
        }
      }
    }
    return List.copyOf(ids);
  }
}
