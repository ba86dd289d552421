package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A known value's derived value is read off its node ({@link DerivingValueNode}) instead of being
 * computed: a shortcut, not a second rule. Random histories of emails, phones and device ids, with
 * given digests among them, junk sources, a derivation that fails on some values, removals and
 * batches, run on a resolver whose derived types' normalizers ignore the touchpoint (so the
 * shortcut is taken) and on one whose normalizers, equal in effect, read it (so every derived
 * value is computed). After every step the two must agree on everything a caller sees, and
 * {@link GraphInvariants} checks each graph, including that every touchpoint holds the values,
 * derived ones too, that its touchpoint normalizes to.
 */
class DerivedValuesPropertiesTest {
  static final IdentifierType EMAIL_DIGEST = IdentifierType.of("email_digest");
  static final IdentifierType PHONE_DIGEST = IdentifierType.of("phone_digest");
  static final IdentifierType DEVICE_A = IdentifierType.of("device_a");
  static final IdentifierType DEVICE_B = IdentifierType.of("device_b");

  static LongStream seeds() {
    return LongStream.range(0, 200).map(i -> 0xDE41_0000L + i);
  }

  /** The lower-case hex SHA-256 of a value's UTF-8 bytes; refuses values holding "fail". */
  static final UnaryOperator<String> DIGEST = value -> {
    if (value.contains("fail")) {
      throw new IllegalArgumentException("cannot derive");
    }
    try {
      return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  };

  /** {@link Normalizer#lowerCase()}, but reading the touchpoint (and ignoring it). */
  record ReadsTouchpoint(Normalizer inner) implements Normalizer {
    @Override
    public String normalize(String value) {
      return inner.normalize(value);
    }

    @Override
    public String normalize(String value, Touchpoint touchpoint) {
      return inner.normalize(value);
    }
  }

  static IdentityResolver build(boolean shortcut, boolean compact) {
    Normalizer lower = Normalizer.lowerCase();
    Normalizer digests = shortcut ? lower : new ReadsTouchpoint(lower);
    return IdentityResolver.newBuilder()
        .junkValues(IdentifierType.EMAIL, v -> v.startsWith("test@"))
        .normalizer(EMAIL_DIGEST, digests)
        .normalizer(PHONE_DIGEST, digests)
        .derivedIdentifier(IdentifierType.EMAIL, EMAIL_DIGEST, DIGEST)
        .derivedIdentifier(IdentifierType.PHONE, PHONE_DIGEST, DIGEST)
        // Two derivations from one type: a node remembers one, so these are always computed.
        .derivedIdentifier(IdentifierType.DEVICE_ID, DEVICE_A, v -> "a" + v)
        .derivedIdentifier(IdentifierType.DEVICE_ID, DEVICE_B, v -> "b" + v)
        .identifierPolicy(PHONE_DIGEST, IdentifierPolicy.shared(5, 3))
        .compactTouchpoints(compact)
        .build();
  }

  static final String[] EMAILS = {"ana@mail.com", "Ana@Mail.com", "luis@shop.es", "fail@x.com",
      "test@test.com", "marta@web.de", "MARTA@web.de", "pedro@mail.com"};

  static Touchpoint touchpoint(Random random, int i) {
    Touchpoint.Builder b = Touchpoint.newBuilder(String.format("t%03d", i)).channel(Channel.WEB);
    int identifiers = 1 + random.nextInt(3);
    boolean customerId = false;
    for (int k = 0; k < identifiers; k++) {
      switch (random.nextInt(6)) {
        case 0, 1 -> b.identifier(IdentifierType.EMAIL, EMAILS[random.nextInt(EMAILS.length)]);
        case 2 -> b.identifier(IdentifierType.PHONE, "600 00" + random.nextInt(4));
        case 3 -> {
          // A digest as an ad platform sends it, sometimes in upper case.
          String digest = DIGEST.apply(EMAILS[random.nextInt(3)].toLowerCase(Locale.ROOT));
          b.identifier(EMAIL_DIGEST,
              random.nextBoolean() ? digest : digest.toUpperCase(Locale.ROOT));
        }
        case 4 -> b.identifier(IdentifierType.DEVICE_ID, "dev" + random.nextInt(3));
        default -> {
          // Exclusive: one a touchpoint (two different ones refuse it, tested elsewhere).
          if (!customerId) {
            b.identifier(IdentifierType.CUSTOMER_ID, "c" + random.nextInt(5));
            customerId = true;
          }
        }
      }
    }
    return b.build();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void derivedValuesReadOffTheirSourceAreTheOnesComputed(long seed) {
    Random random = new Random(seed);
    boolean compact = random.nextBoolean();
    IdentityResolver shortcut = build(true, compact);
    IdentityResolver computed = build(false, compact);
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    int next = 0;
    for (int step = 0; step < 60; step++) {
      String context = "seed=" + seed + " step=" + step;
      int op = random.nextInt(10);
      if (op < 6 || live.isEmpty()) {
        Touchpoint t = touchpoint(random, next++);
        live.put(t.id(), t);
        assertEquals(describe(computed.resolve(t)), describe(shortcut.resolve(t)), context);
      } else if (op < 7) {
        // A repeat of a live touchpoint: recognized before anything is derived.
        Touchpoint again = live.values().iterator().next();
        assertEquals(describe(computed.resolve(again)), describe(shortcut.resolve(again)), context);
      } else if (op < 8) {
        List<Touchpoint> batch = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          Touchpoint t = touchpoint(random, next++);
          live.put(t.id(), t);
          batch.add(t);
        }
        assertEquals(computed.resolveAll(batch), shortcut.resolveAll(batch), context);
      } else {
        String id = RandomTouchpoints.pick(live.keySet(), random);
        live.remove(id);
        computed.remove(id);
        shortcut.remove(id);
      }
      assertEquals(profiles(computed), profiles(shortcut), context);
      GraphInvariants.check(shortcut);
      GraphInvariants.check(computed);
    }
  }

  @Test
  void aReturningValueFindsItsDerivedNodeAndANewOneComputesIt() {
    IdentityResolver r = build(true, false);
    r.resolve(Touchpoint.newBuilder("a").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "Ana@Mail.com").build());
    ValueNode[] first = values(r, "a");
    assertTrue(first[0] instanceof DerivingValueNode, "an email derives one digest");
    DerivingValueNode email = (DerivingValueNode) first[0];
    assertSame(first[1], email.liveDerived());
    Resolution ad = r.resolve(Touchpoint.newBuilder("ad").channel(Channel.SOCIAL)
        .identifier(EMAIL_DIGEST, DIGEST.apply("ana@mail.com").toUpperCase(Locale.ROOT)).build());
    assertEquals(Resolution.Outcome.ATTACHED, ad.outcome());
    r.resolve(Touchpoint.newBuilder("b").channel(Channel.STORE)
        .identifier(IdentifierType.EMAIL, "ana@mail.com").build());
    assertSame(first[1], values(r, "b")[1], "the returning email's digest is the node it had");
    // Removed with all its carriers, the value's nodes are gone; a new one is derived afresh.
    r.remove("a");
    r.remove("b");
    r.remove("ad");
    r.resolve(Touchpoint.newBuilder("c").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "ana@mail.com").build());
    ValueNode[] again = values(r, "c");
    assertNotEquals(first[1], again[1]);
    assertSame(again[1], ((DerivingValueNode) again[0]).liveDerived());
    assertEquals(first[1].value, again[1].value);
    GraphInvariants.check(r);
  }

  @Test
  void onlyATypeWithOneDerivationReadByAValueOnlyNormalizerRemembersIt() {
    IdentityResolver shortcut = build(true, false);
    IdentityResolver computed = build(false, false);
    Touchpoint t = Touchpoint.newBuilder("a").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "ana@mail.com")
        .identifier(IdentifierType.DEVICE_ID, "dev1").build();
    shortcut.resolve(t);
    computed.resolve(t);
    ValueNode[] values = values(shortcut, "a");
    assertTrue(values[0] instanceof DerivingValueNode);
    assertEquals(IdentifierType.DEVICE_ID, values[1].type.type);
    assertTrue(!(values[1] instanceof DerivingValueNode), "two derivations: none remembered");
    assertTrue(!(values(computed, "a")[0] instanceof DerivingValueNode),
        "a normalizer that reads the touchpoint: nothing remembered");
    assertTrue(MergeGraph.ignoresTouchpoint(Normalizer.lowerCase()));
    assertTrue(MergeGraph.ignoresTouchpoint(v -> v));
    assertTrue(!MergeGraph.ignoresTouchpoint(new ReadsTouchpoint(Normalizer.lowerCase())));
  }

  @Test
  void aFailingDerivationIsReportedOnceWithItsSource() {
    IdentityResolver r = build(true, false);
    Resolution first = r.resolve(Touchpoint.newBuilder("a").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "c1")
        .identifier(IdentifierType.EMAIL, "fail@x.com").build());
    assertEquals(1, first.problems().size());
    assertEquals("derived email_digest of email", first.problems().get(0).field());
    assertEquals(java.util.OptionalInt.of(1), first.problems().get(0).identifierIndex());
    // The value is known now, with no derived node: the derivation is tried, and fails, again.
    Resolution second = r.resolve(Touchpoint.newBuilder("b").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "fail@x.com").build());
    assertEquals(1, second.problems().size());
    assertNull(((DerivingValueNode) values(r, "b")[0]).liveDerived());
    GraphInvariants.check(r);
  }

  static ValueNode[] values(IdentityResolver resolver, String id) {
    return ((InMemoryResolver) resolver).inspect(p -> p.graph().touchpoint(id).values.clone());
  }

  static String describe(Resolution r) {
    return r.outcome() + " " + r.profileId() + " " + r.mergedProfileIds() + " " + r.problems()
        + " " + r.evidence();
  }

  static Map<String, String> profiles(IdentityResolver r) {
    Map<String, String> out = new TreeMap<>();
    r.profiles().forEach(p -> out.put(p.id().toString(), p.touchpointIds() + " "
        + p.identifiers() + " " + p.evidence()));
    return out;
  }
}
