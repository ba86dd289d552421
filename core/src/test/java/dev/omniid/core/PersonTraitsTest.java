package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PersonTraitsTest {
  @Test
  void noneIsEmptyAndAnyKnownTraitIsNot() {
    assertTrue(PersonTraits.NONE.isEmpty());
    assertTrue(new PersonTraits(null, null, null, null).isEmpty());
    assertFalse(new PersonTraits("ana", null, null, null).isEmpty());
    assertFalse(new PersonTraits(null, "garcia", null, null).isEmpty());
    assertFalse(new PersonTraits(null, null, "1985-03-12", null).isEmpty());
    assertFalse(new PersonTraits(null, null, null, "JR").isEmpty());
  }

  @Test
  void toStringNamesWhichTraitsAreKnownNeverTheirValues() {
    String s = new PersonTraits("ana", "garcia", "1985-03-12", null).toString();
    assertFalse(s.contains("ana") || s.contains("garcia") || s.contains("1985"), s);
    assertEquals("PersonTraits[givenName=known, familyName=known, birthDate=known, suffix=unknown]", s);
  }

  @Test
  void builderStoresTheRuleAndRefusesNull() {
    PersonRule rule = new PersonRule() {
      @Override
      public PersonTraits traits(Touchpoint touchpoint) {
        return PersonTraits.NONE;
      }

      @Override
      public PersonConflict conflict(PersonTraits a, PersonTraits b) {
        return PersonConflict.NONE;
      }
    };
    ResolverBuilder builder = IdentityResolver.newBuilder();
    assertEquals(null, builder.personRule);
    assertSame(builder, builder.personRule(rule));
    assertSame(rule, builder.personRule);
    assertThrows(NullPointerException.class, () -> builder.personRule(null));
  }
}
