package dev.omniid.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Finds the touchpoints that {@link IdentityResolver#forget(IdentifierType, String)} removes: those
 * carrying the normalized value, or a value derived from it (a hashed email), normalized exactly as
 * the resolver normalizes them. Uses the resolver's public reads to find candidates and the
 * builder's normalizers to decide, so it needs no access to the merge graph.
 *
 * <p>Each resolver built by {@link ResolverBuilder} holds one, made from its builder.
 */
final class Erasure {
  private static final Predicate<String> NO_JUNK = v -> false;

  private final Map<IdentifierType, Normalizer> normalizers;
  private final Map<IdentifierType, Predicate<String>> junk;
  private final Map<IdentifierType, Predicate<String>> roleAccounts;
  private final List<ResolverBuilder.Derivation> derivations;

  Erasure(ResolverBuilder builder) {
    this.normalizers = Map.copyOf(builder.normalizers);
    this.junk = Map.copyOf(builder.junk);
    this.roleAccounts = Map.copyOf(builder.roleAccounts);
    this.derivations = List.copyOf(builder.derivations);
  }

  private Normalizer normalizer(IdentifierType type) {
    return normalizers.getOrDefault(type, Normalizer.defaultFor(type));
  }

  private boolean junk(IdentifierType type, String value) {
    return junk.getOrDefault(type, NO_JUNK).test(value);
  }

  /** Whether the resolver derives nothing from the value: junk, or a role account (as it reads them). */
  private boolean derivesNothing(IdentifierType type, String value) {
    if (junk(type, value)) {
      return true;
    }
    try {
      return roleAccounts.getOrDefault(type, NO_JUNK).test(value);
    } catch (RuntimeException e) {
      return true;
    }
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
    // A role account's digest is no value of the resolver's, but a touchpoint may send it.
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
          if (source != null && !derivesNothing(d.from(), source)
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
