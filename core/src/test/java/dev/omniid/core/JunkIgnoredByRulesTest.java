package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A junk value links nothing, so it must not refuse anything either: it fills no exclusive slot,
 * and it counts toward no value's limit (issue 12, item 4).
 */
class JunkIgnoredByRulesTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  private static IdentityResolver resolver() {
    return IdentityResolver.newBuilder()
        .junkValues(IdentifierType.CUSTOMER_ID, "UNKNOWN"::equalsIgnoreCase)
        .junkValues(IdentifierType.EMAIL, "test@test.com"::equals)
        .build();
  }

  @Test
  void aJunkExclusiveValueDoesNotRefuseALink() {
    IdentityResolver r = resolver();
    Resolution a = r.resolve(tp("a").identifier(IdentifierType.CUSTOMER_ID, "C1")
        .identifier(IdentifierType.EMAIL, "ana@x.com").build());
    Resolution b = r.resolve(tp("b").identifier(IdentifierType.CUSTOMER_ID, "unknown")
        .identifier(IdentifierType.EMAIL, "ana@x.com").build());
    assertEquals(a.profileId(), b.profileId());
    assertEquals(1, r.profileCount());
    assertTrue(b.evidence().stream().noneMatch(e -> e.kind() == Evidence.Kind.EXCLUSIVE_CONFLICT),
        b.evidence()::toString);
  }

  @Test
  void aJunkExclusiveValueBesideARealOneIsNoConflictWithinATouchpoint() {
    IdentityResolver r = resolver();
    // Refused whole before the fix: two distinct customer ids on one touchpoint.
    Resolution a = r.resolve(tp("a").identifier(IdentifierType.CUSTOMER_ID, "unknown")
        .identifier(IdentifierType.CUSTOMER_ID, "C1").build());
    Resolution b = r.resolve(tp("b").identifier(IdentifierType.CUSTOMER_ID, "C1").build());
    assertEquals(a.profileId(), b.profileId());
  }

  @Test
  void twoRealValuesBesideJunkStillConflict() {
    IdentityResolver r = resolver();
    r.resolve(tp("a").identifier(IdentifierType.CUSTOMER_ID, "C1")
        .identifier(IdentifierType.EMAIL, "ana@x.com").build());
    Resolution b = r.resolve(tp("b").identifier(IdentifierType.CUSTOMER_ID, "C2")
        .identifier(IdentifierType.CUSTOMER_ID, "unknown")
        .identifier(IdentifierType.EMAIL, "ana@x.com").build());
    assertEquals(2, r.profileCount());
    assertTrue(b.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.EXCLUSIVE_CONFLICT));
  }

  @Test
  void aJunkStrongerValueCountsNobodyTowardALimit() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .junkValues(IdentifierType.EMAIL, "test@test.com"::equals)
        .identifierPolicy(IdentifierType.PHONE, IdentifierPolicy.shared(2, 70))
        .build();
    // Two people (two real emails) share the phone: within its limit of 2. The junk email on the
    // third touchpoint names nobody, so it must not make a third person.
    r.resolve(tp("a").identifier(IdentifierType.EMAIL, "ana@x.com")
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    r.resolve(tp("b").identifier(IdentifierType.EMAIL, "bob@x.com")
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    r.resolve(tp("c").identifier(IdentifierType.EMAIL, "test@test.com")
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    assertEquals(List.of(IdentifierType.EMAIL),
        r.genericValues().stream().map(g -> g.identifier().type()).toList());
    assertEquals(1, r.profileCount());
  }
}
