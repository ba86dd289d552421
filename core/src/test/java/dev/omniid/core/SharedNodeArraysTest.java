package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Touchpoint nodes share the arrays that describe them alike: the positions their identifiers
 * came from (few shapes). A shared array is never written, so every node still reads its own
 * content; what changes is the count of objects the collector marks. The exclusive values a node
 * holds, given or derived, are checked alongside.
 */
class SharedNodeArraysTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final IdentifierType ACCT = new IdentifierType("acct");
  private static final IdentifierType CARD = new IdentifierType("card");
  /** The accounts' and the cards' slots among the exclusive types (the built-in ones first). */
  private static final int ACCOUNT_SLOT = 4;
  private static final int CARD_SLOT = 5;

  static LongStream seeds() {
    return LongStream.range(0, 30);
  }

  /** Accounts are exclusive; an e-mail at the bank's domain names its account, derived. */
  private static IdentityResolver resolver() {
    return IdentityResolver.newBuilder()
        .identifierPolicy(ACCT, IdentifierPolicy.exclusive(100))
        .identifierPolicy(CARD, IdentifierPolicy.exclusive(100))
        .derivedIdentifier(IdentifierType.EMAIL, ACCT,
            email -> email.substring(0, email.indexOf('@')).toUpperCase(Locale.ROOT))
        .build();
  }

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  private static <T> T inGraph(IdentityResolver resolver, java.util.function.Function<MergeGraph, T> read) {
    return ((InMemoryResolver) resolver).inspect(parts -> read.apply(parts.graph()));
  }

  @Test
  void touchpointsWithOneShapeOfDerivedValuesShareTheirSources() {
    IdentityResolver r = resolver();
    r.resolve(tp("a").identifier(IdentifierType.PHONE, "+34612000001")
        .identifier(IdentifierType.EMAIL, "a1@bank.test").build());
    r.resolve(tp("b").identifier(IdentifierType.PHONE, "+34612000002")
        .identifier(IdentifierType.EMAIL, "b2@bank.test").build());
    r.resolve(tp("c").identifier(IdentifierType.EMAIL, "c3@bank.test").build());
    r.resolve(tp("d").identifier(IdentifierType.PHONE, "+34612000004")
        .identifier(IdentifierType.EMAIL, "d4@bank.test").build());
    inGraph(r, g -> {
      TouchpointNode a = g.touchpoint("a");
      TouchpointNode c = g.touchpoint("c");
      assertArrayEquals(new byte[] {0, 1, -1}, a.sources, "phone, e-mail, the derived account");
      assertSame(a.sources, g.touchpoint("b").sources);
      assertArrayEquals(new byte[] {0, -1}, c.sources);
      assertNotSame(a.sources, c.sources);
      assertSame(a.sources, g.touchpoint("d").sources, "a shape seen before the last one");
      return null;
    });
    GraphInvariants.check(r);
  }

  @Test
  void aDerivedAccountFillsTheExclusiveSlotAsAGivenOneDoes() {
    IdentityResolver r = resolver();
    r.resolve(tp("a").identifier(ACCT, "A1").identifier(IdentifierType.PHONE, "+34612000001")
        .build());
    r.resolve(tp("c").identifier(IdentifierType.EMAIL, "a1@bank.test").build());
    r.resolve(tp("e").identifier(IdentifierType.PHONE, "+34612000009").build());
    inGraph(r, g -> {
      assertEquals(List.of("A1"), nonNull(g.touchpoint("a").exclusive));
      assertEquals(List.of("A1"), nonNull(g.touchpoint("c").exclusive));
      assertEquals(List.of(), nonNull(g.touchpoint("e").exclusive));
      return null;
    });
    GraphInvariants.check(r);
    assertEquals(2, r.profileCount(), "the account links a and c; e is alone");
  }

  private static List<String> nonNull(String[] values) {
    return java.util.Arrays.stream(values).filter(java.util.Objects::nonNull).toList();
  }

  /**
   * Whatever touchpoints arrive and leave, each node's sources and exclusive values are the ones
   * its own touchpoint gives (recomputed here from the touchpoint the node keeps), and the graph's
   * invariants hold: a shared array written by anyone would show here as another node's content.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void everyNodeReadsItsOwnContent(long seed) {
    Random random = new Random(seed);
    IdentityResolver r = resolver();
    for (int step = 0; step < 120; step++) {
      if (random.nextInt(6) == 0) {
        r.forget(IdentifierType.PHONE, phone(random));
        continue;
      }
      Touchpoint.Builder b = tp("t" + step);
      int account = random.nextInt(8);
      List<Runnable> identifiers = new java.util.ArrayList<>();
      if (random.nextBoolean()) {
        identifiers.add(() -> b.identifier(ACCT, "A" + account));
      }
      if (random.nextBoolean()) {
        // Mostly the account's own e-mail; now and then another's, refused whole with an account.
        String email = "a" + (random.nextInt(5) == 0 ? random.nextInt(8) : account) + "@bank.test";
        identifiers.add(() -> b.identifier(IdentifierType.EMAIL, email));
      }
      if (random.nextBoolean()) {
        // One account's cards are its own, but a card may be given without its account.
        String card = "C" + account + random.nextInt(2);
        identifiers.add(() -> b.identifier(CARD, card));
      }
      if (random.nextInt(3) > 0) {
        String phone = phone(random);
        identifiers.add(() -> b.identifier(IdentifierType.PHONE, phone));
        if (random.nextInt(4) == 0) {
          identifiers.add(() -> b.identifier(IdentifierType.PHONE, phone)); // a duplicate
        }
      }
      if (random.nextInt(4) == 0) {
        identifiers.add(() -> b.identifier(IdentifierType.EMAIL, "no at sign")); // refused alone
      }
      java.util.Collections.shuffle(identifiers, random);
      identifiers.forEach(Runnable::run);
      try {
        r.resolve(b.build());
      } catch (OmniIdException e) {
        // No identifier, or two accounts: refused whole, nothing changed.
      }
      GraphInvariants.check(r);
      inGraph(r, g -> {
        g.forEachTouchpoint(n -> ownContent(n, seed));
        return null;
      });
    }
  }

  private static String phone(Random random) {
    return "+3461200000" + random.nextInt(10);
  }

  private static void ownContent(TouchpointNode n, long seed) {
    List<Identifier> given = n.touchpoint().identifiers();
    String email = null;
    String account = null;
    String card = null;
    for (Identifier identifier : given) {
      if (identifier.type().equals(IdentifierType.EMAIL) && identifier.value().contains("@")) {
        email = identifier.value();
      } else if (identifier.type().equals(ACCT)) {
        account = identifier.value();
      } else if (identifier.type().equals(CARD)) {
        card = identifier.value();
      }
    }
    String derived = email == null ? null : email.substring(0, email.indexOf('@'))
        .toUpperCase(Locale.ROOT);
    String where = "seed " + seed + ", " + n.id;
    for (int i = 0; i < n.values.length; i++) {
      String value = n.values[i].value;
      if (n.sources[i] >= 0) {
        assertEquals(given.get(n.sources[i]).value(), value, where);
      } else {
        assertEquals(ACCT, n.values[i].type.type, where);
        assertEquals(derived, value, where);
        assertNull(account, where + ": a given account keeps the derived one's place");
      }
    }
    String expected = account != null ? account : derived;
    for (int slot = 0; slot < n.exclusive.length; slot++) {
      assertEquals(slot == ACCOUNT_SLOT ? expected : slot == CARD_SLOT ? card : null,
          n.exclusive[slot], where);
    }
  }
}
