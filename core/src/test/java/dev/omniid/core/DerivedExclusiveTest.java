package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException.Reason;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A derived value of an exclusive type obeys the exclusive rule like a given one: no profile
 * holds two values of the type, whichever way they came (issue 12, item 3).
 */
class DerivedExclusiveTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final IdentifierType ACCT = new IdentifierType("acct");

  private static IdentityResolver resolver() {
    return IdentityResolver.newBuilder()
        .identifierPolicy(ACCT, IdentifierPolicy.exclusive(100))
        // An account number the mail system encodes in the address: "a1@bank.test" is account A1.
        .derivedIdentifier(IdentifierType.EMAIL, ACCT,
            email -> email.substring(0, email.indexOf('@')).toUpperCase(Locale.ROOT))
        .build();
  }

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  @Test
  void aTouchpointWhoseGivenAndDerivedValuesDifferIsRefusedWhole() {
    IdentityResolver r = resolver();
    OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(tp("t")
        .identifier(ACCT, "A1").identifier(IdentifierType.EMAIL, "b2@bank.test").build()));
    assertEquals(Reason.CONFLICTING_EXCLUSIVE_VALUES, e.reason());
    assertEquals("derived acct of identifiers[1] (email)", e.field());
    assertEquals(1, e.identifierIndex().orElseThrow());
    assertFalse(e.getMessage().contains("b2@bank.test"), e.getMessage());
    assertEquals(0, r.touchpointCount());
  }

  @Test
  void agreeingGivenAndDerivedValuesAreOneValue() {
    IdentityResolver r = resolver();
    r.resolve(tp("t").identifier(ACCT, "A1").identifier(IdentifierType.EMAIL, "a1@bank.test")
        .build());
    assertEquals(1, r.profileCount());
  }

  @Test
  void aProfileNeverHoldsAGivenAndADifferentDerivedValue() {
    IdentityResolver r = resolver();
    Resolution a = r.resolve(tp("a").identifier(ACCT, "A1")
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    Resolution b = r.resolve(tp("b").identifier(IdentifierType.EMAIL, "b2@bank.test")
        .identifier(IdentifierType.PHONE, "+34612345678").build());
    assertEquals(2, r.profileCount());
    assertTrue(!a.profileId().equals(b.profileId()));
    assertTrue(b.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.EXCLUSIVE_CONFLICT),
        b.evidence()::toString);
    for (Profile p : r.profiles().toList()) {
      assertTrue(p.identifiers().stream().filter(i -> i.type().equals(ACCT)).count() <= 1,
          p::toString);
    }
  }
}
