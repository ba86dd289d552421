package dev.omniid.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Eight bytes that change when the configuration could partition the same touchpoints
 * differently: policies, normalizers, junk and role-account predicates, derivations, personal
 * types, the match model (exact probabilities and term frequencies), blocking keys and their block
 * size, the person rule, and the version of the clustering rules of this build ({@link #RULES}).
 * A snapshot stores the partition it was written with and the fingerprint of its configuration; a
 * resolver whose fingerprint differs clusters the snapshot's touchpoints again instead of trusting
 * it.
 *
 * <p>Code a caller supplies (a normalizer, a blocking key, a person rule) is known by its class
 * name (a lambda by the class that declares it; an enum constant or a record by its value): a
 * change inside that code under the same name is not seen. Listeners, the journal's settings and
 * the first profile id are left out: they do not move a touchpoint between profiles.
 */
final class ConfigurationFingerprint {
  /**
   * The version of the rules that decide a partition (clustering, limits, person conflicts, and
   * what OmniID's own normalizers make of a value, which the fingerprint knows only by class
   * name): raise it with any change to them, so that a snapshot written by an earlier build is
   * clustered again rather than restored. 2: the phone normalizer reads a leading {@code 00} as
   * the international prefix where the region's is another.
   */
  static final int RULES = 2;

  private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda[^,\\]\\)\\s@]*");
  private static final Pattern IDENTITY = Pattern.compile("@[0-9a-f]+");

  private ConfigurationFingerprint() {}

  /** The fingerprint of a builder's resolution settings. */
  static long of(ResolverBuilder b) {
    Text t = new Text();
    t.add("omniid-partition").add(RULES);
    t.add(b.policies.size());
    b.policies.entrySet().stream().sorted(Map.Entry.comparingByKey(BY_NAME))
        .forEach(e -> t.add(e.getKey().name()).add(e.getValue().toString()));
    t.add(b.normalizers.size());
    b.normalizers.entrySet().stream().sorted(Map.Entry.comparingByKey(BY_NAME))
        .forEach(e -> t.add(e.getKey().name()).code(e.getValue()));
    t.add(b.junk.size());
    b.junk.entrySet().stream().sorted(Map.Entry.comparingByKey(BY_NAME))
        .forEach(e -> t.add(e.getKey().name()).code(e.getValue()));
    if (!b.roleAccounts.isEmpty()) {
      // Only a configuration with role accounts adds them: fingerprints of before stay valid.
      t.add("role accounts").add(b.roleAccounts.size());
      b.roleAccounts.entrySet().stream().sorted(Map.Entry.comparingByKey(BY_NAME))
          .forEach(e -> t.add(e.getKey().name()).code(e.getValue()));
    }
    t.add(b.derivations.size());
    for (ResolverBuilder.Derivation d : b.derivations) {
      t.add(d.from().name()).add(d.to().name()).code(d.function());
    }
    List<String> personal = b.personalTypes.stream().map(IdentifierType::name).sorted().toList();
    t.add(personal.size());
    personal.forEach(t::add);
    if (b.matchModel == null) {
      t.add("no model");
    } else {
      b.matchModel.describeTo(t);
    }
    t.add(b.maxBlockSize).add(b.blockingKeys.size());
    for (int k = 0; k < b.blockingKeys.size(); k++) {
      t.code(b.blockingKeys.get(k));
      // Only a key with a maximum of its own adds one: fingerprints of before stay valid.
      if (b.blockLimits.get(k) != null) {
        t.add("limit").add(b.blockLimits.get(k));
      }
    }
    t.code(b.personRule);
    return t.hash();
  }

  private static final Comparator<IdentifierType> BY_NAME =
      Comparator.comparing(IdentifierType::name);

  /** The canonical text being fingerprinted: each part length-prefixed, so parts cannot run on. */
  static final class Text {
    private final StringBuilder s = new StringBuilder(256);

    Text add(String part) {
      s.append(part.length()).append(':').append(part).append(';');
      return this;
    }

    Text add(long v) {
      return add(Long.toString(v));
    }

    Text add(double v) {
      return add(Long.toHexString(Double.doubleToLongBits(v)));
    }

    /** Code a caller supplied, by what names it from one run to the next. */
    Text code(Object o) {
      if (o == null) {
        return add("-");
      }
      if (o instanceof Enum<?> e) {
        return add(e.getDeclaringClass().getName() + "." + e.name());
      }
      String text = o instanceof Record ? o.getClass().getName() + o : o.getClass().getName();
      // A lambda's class name and an object's identity hash change from run to run.
      return add(IDENTITY.matcher(LAMBDA.matcher(text).replaceAll("\\$\\$Lambda")).replaceAll(""));
    }

    long hash() {
      try {
        byte[] d = MessageDigest.getInstance("SHA-256")
            .digest(s.toString().getBytes(StandardCharsets.UTF_8));
        long v = 0;
        for (int i = 0; i < 8; i++) {
          v = v << 8 | (d[i] & 0xFF);
        }
        return v;
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java platform has SHA-256", e);
      }
    }
  }
}
