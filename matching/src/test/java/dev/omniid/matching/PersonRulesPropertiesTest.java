package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.PersonConflict;
import dev.omniid.core.PersonRule;
import dev.omniid.core.PersonTraits;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants of the standard person rules over seeded random traits and hostile attribute values:
 * symmetry, no conflict with itself, none when either side is empty, and {@code traits} never
 * throws. A failure names its seed.
 */
class PersonRulesPropertiesTest {
  private static final List<PersonRule> RULES = List.of(PersonRules.standard(), PersonRules.standard(true));
  private static final String[] GIVEN = {
    "jose", "pepe", "jose luis", "luis", "luisa", "maria", "maria jose", "maria dolores", "lola",
    "j", "ana", "ana maria", "juan", "juana", "william", "bill", "chema", "ma guadalupe", "lupe",
    "garcia", "micheal", "michael", "x"
  };
  private static final String[] FAMILY = {"garcia", "garcia lopez", "lopez", "ana", "smith", "jose"};
  private static final String[] DATES = {
    "1985-03-12", "1985-12-03", "1958-03-12", "1985-03-13", "1990-07-01", "2001-01-01", "not-a-date"
  };
  private static final String[] SUFFIXES = {"JR", "SR", "II", "III", "IV", "X"};

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xC0FFEE00L + i);
  }

  private static String pick(Random random, String[] values) {
    return random.nextInt(3) == 0 ? null : values[random.nextInt(values.length)];
  }

  private static PersonTraits traits(Random random) {
    return new PersonTraits(pick(random, GIVEN), pick(random, FAMILY), pick(random, DATES),
        pick(random, SUFFIXES));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void conflictIsSymmetricAndNoneWithItselfAndWithEmpty(long seed) {
    Random random = new Random(seed);
    for (PersonRule rule : RULES) {
      for (int i = 0; i < 50; i++) {
        PersonTraits a = traits(random);
        PersonTraits b = traits(random);
        assertEquals(rule.conflict(a, b), rule.conflict(b, a), "seed " + seed + ": " + show(a, b));
        assertEquals(PersonConflict.NONE, rule.conflict(a, a), "seed " + seed + ": " + show(a, a));
        PersonTraits copy = new PersonTraits(a.givenName(), a.familyName(), a.birthDate(), a.suffix());
        assertEquals(PersonConflict.NONE, rule.conflict(a, copy), "seed " + seed + ": " + show(a, copy));
        assertEquals(PersonConflict.NONE, rule.conflict(a, PersonTraits.NONE), "seed " + seed);
        assertEquals(PersonConflict.NONE, rule.conflict(PersonTraits.NONE, a), "seed " + seed);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void traitsNeverThrowOnHostileValues(long seed) {
    Random random = new Random(seed);
    AttributeKey[] keys = {AttributeKey.GIVEN_NAME, AttributeKey.FAMILY_NAME, AttributeKey.FULL_NAME,
        AttributeKey.BIRTH_DATE};
    for (int i = 0; i < 10; i++) {
      Touchpoint.Builder b = Touchpoint.newBuilder("t").channel(Channel.WEB)
          .timestamp(Instant.parse("2026-01-01T00:00:00Z"));
      for (AttributeKey key : keys) {
        if (random.nextBoolean()) {
          String value = HostileStrings.next(random, NameNormalizer.MAX_LENGTH);
          b.attribute(key, value.length() > Touchpoint.MAX_VALUE_LENGTH
              ? value.substring(0, Touchpoint.MAX_VALUE_LENGTH) : value);
        }
      }
      Touchpoint touchpoint = b.build();
      for (PersonRule rule : RULES) {
        PersonTraits traits = rule.traits(touchpoint);
        assertNotNull(traits, "seed " + seed);
        assertEquals(PersonConflict.NONE, rule.conflict(traits, traits), "seed " + seed);
        PersonTraits other = traits(random);
        assertEquals(rule.conflict(traits, other), rule.conflict(other, traits), "seed " + seed);
      }
    }
  }

  /** Test-only: the traits in full (the record's own toString hides them). */
  private static String show(PersonTraits a, PersonTraits b) {
    return "[" + a.givenName() + ", " + a.familyName() + ", " + a.birthDate() + ", " + a.suffix()
        + "] / [" + b.givenName() + ", " + b.familyName() + ", " + b.birthDate() + ", " + b.suffix() + "]";
  }
}
