package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzzy path's shortcuts give what the long way gives: folding printable ASCII by
 * lower-casing, the name and address normalizers' caches of recent values, and the nickname
 * table's canonical forms built once.
 */
class NormalizerShortcutsTest {
  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void asciiShortcutEqualsTheLongWay(long seed) {
    Random random = new Random(seed);
    StringBuilder ascii = new StringBuilder();
    for (int i = random.nextInt(40); i > 0; i--) {
      ascii.append((char) (' ' + random.nextInt('~' - ' ' + 1)));
    }
    String value = ascii.toString();
    assertTrue(Folding.isPlainAscii(value));
    assertEquals(Folding.foldUnicode(value), Folding.fold(value), "seed=" + seed);
    // Any other text takes the long way.
    String hostile = HostileStrings.next(random, 60);
    assertEquals(Folding.foldUnicode(hostile), Folding.fold(hostile), "seed=" + seed);
  }

  @Test
  void textBeyondPrintableAsciiTakesTheLongWay() {
    assertEquals("jose", Folding.fold("José"));
    assertEquals("mueller", Folding.fold("Müller"));
    assertEquals("a\tb", Folding.fold("A\tB"));
    assertEquals(false, Folding.isPlainAscii("A\tB"));
    assertEquals(false, Folding.isPlainAscii("ﬁ"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void cachedNamesEqualFreshOnes(long seed) {
    Random random = new Random(seed);
    NameNormalizer names = NameNormalizer.standard();
    String[] pool = {"Glen da", "María de los Ángeles", "Don José García", "O'Brien", "Luc y",
        "Juan García Jr.", "GARCÍA-LÓPEZ", "Dr. Ana", "de la Fuente"};
    for (int i = 0; i < 30; i++) {
      String value = random.nextInt(4) == 0 ? HostileStrings.next(random, 40)
          : pool[random.nextInt(pool.length)];
      boolean given = random.nextBoolean();
      assertRememberedAsComputed(() -> NameNormalizer.compute(value, given),
          () -> normalize(names, value, given), "seed=" + seed + ", given=" + given);
    }
  }

  /**
   * The remembered answer is the long way's: the same value, or a refusal for the same reason.
   * The long way runs first, as a first call would.
   */
  private static void assertRememberedAsComputed(Supplier<String> longWay,
      Supplier<String> remembered, String context) {
    String expected;
    try {
      expected = longWay.get();
    } catch (OmniIdException e) {
      assertEquals(e.reason(),
          assertThrows(OmniIdException.class, remembered::get, context).reason(), context);
      return;
    }
    assertEquals(expected, remembered.get(), context);
  }

  private static String normalize(NameNormalizer names, String value, boolean given) {
    return given ? names.normalizeGivenName(value) : names.normalize(value);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void cachedAddressesEqualFreshOnes(long seed) {
    Random random = new Random(seed);
    AddressNormalizer addresses = AddressNormalizer.standard();
    String[] pool = {"C/ Mayor 5, 3º B", "Calle Mayor nº 5", "Avda. de la Constitución 12",
        "P° de Gracia 100", "123 Main St. Apt 4", "s/n", "Rua Augusta, 274"};
    for (int i = 0; i < 30; i++) {
      String value = random.nextInt(4) == 0 ? HostileStrings.next(random, 60)
          : pool[random.nextInt(pool.length)];
      assertRememberedAsComputed(() -> addresses.compute(value), () -> addresses.normalize(value),
          "seed=" + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rememberedSuffixesAndGivenNamesEqualFreshOnes(long seed) {
    Random random = new Random(seed);
    String[] names = {"Juan García Jr.", "José Pérez (h)", "Robert Miller, Sr.", "Ana III",
        "María José", "Pepe", "jose", "jose maria", "chema", "luc y", "lucy", "beto", "roberto", "j"};
    StandardPersonRule rule = (StandardPersonRule) PersonRules.standard();
    for (int i = 0; i < 30; i++) {
      String raw = random.nextInt(4) == 0 ? HostileStrings.next(random, 40)
          : names[random.nextInt(names.length)];
      assertEquals(NameNormalizer.readSuffix(raw), NameNormalizer.generationalSuffix(raw),
          "seed=" + seed);
      String x = names[random.nextInt(names.length)].toLowerCase(java.util.Locale.ROOT);
      String y = names[random.nextInt(names.length)].toLowerCase(java.util.Locale.ROOT);
      assertEquals(rule.compareGivenNames(x, y), rule.sameGivenName(x, y), x + " / " + y);
      assertEquals(rule.sameGivenName(x, y), rule.sameGivenName(y, x), "symmetric: " + x + " / " + y);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rememberedPhoneticKeysEqualFreshOnes(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 30; i++) {
      String folded = random.nextInt(3) == 0 ? HostileStrings.next(random, 30)
          : Folding.fold(new String[] {"García", "Gómez", "Ximénez", "Schmidt", "Yáñez", "Quiroga",
              "Hernández", "Llull"}[random.nextInt(8)]);
      assertEquals(PhoneticKey.compute(folded), PhoneticKey.of(folded), "seed=" + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void rememberedBirthDatesEqualFreshOnes(long seed) {
    Random random = new Random(seed);
    BirthDateNormalizer dates = BirthDateNormalizer.newBuilder()
        .clock(BirthDateNormalizerTest.CLOCK).build();
    String[] pool = {"03/07/1985", "1985-07-03", "3 julio 1985", "19850703", "31/02/1990",
        "12/12/2099", "07/03/85", "1899-01-01", "03.07.1985 10:15"};
    for (int i = 0; i < 30; i++) {
      String value = random.nextInt(4) == 0 ? HostileStrings.next(random, 30)
          : pool[random.nextInt(pool.length)];
      if (value.length() > BirthDateNormalizer.MAX_LENGTH) {
        // Refused before anything is looked up or read.
        assertEquals(OmniIdException.Reason.TOO_LARGE,
            assertThrows(OmniIdException.class, () -> dates.normalize(value)).reason());
        continue;
      }
      assertRememberedAsComputed(() -> dates.compute(value), () -> dates.normalize(value),
          "seed=" + seed);
    }
  }

  @Test
  void aDateRefusedAsInTheFutureIsReadAgainOnceItIsNot() {
    java.time.ZoneId utc = java.time.ZoneOffset.UTC;
    java.util.concurrent.atomic.AtomicReference<java.time.Instant> now =
        new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.parse("2026-12-04T12:00:00Z"));
    java.time.Clock moving = new java.time.Clock() {
      @Override
      public java.time.ZoneId getZone() {
        return utc;
      }

      @Override
      public java.time.Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public java.time.Instant instant() {
        return now.get();
      }
    };
    BirthDateNormalizer dates = BirthDateNormalizer.newBuilder().clock(moving).build();
    assertThrows(OmniIdException.class, () -> dates.normalize("2026-12-05"), "tomorrow");
    now.set(java.time.Instant.parse("2026-12-05T12:00:00Z"));
    assertEquals("2026-12-05", dates.normalize("2026-12-05"), "today, once the clock moved on");
  }

  @Test
  void theTwoVariantsAreCachedApart() {
    NameNormalizer names = NameNormalizer.standard();
    assertEquals("glen", names.normalize("Glen da"));
    assertEquals("glen da", names.normalizeGivenName("Glen da"));
    assertEquals("glen", names.normalize("Glen da"));
  }

  @Test
  void canonicalFormsAreTheTablesGroups() {
    Nicknames table = Nicknames.standard();
    assertEquals(Set.of("francisco"), table.canonicalForms("paco"));
    assertTrue(table.canonicalForms("beto").size() > 1);
    assertSame(table.canonicalForms("beto"), table.canonicalForms("beto"), "built once");
    assertEquals(Set.of("zzyzx"), table.canonicalForms("zzyzx"));
    assertNotEquals(table.canonicalForms("paco"), table.canonicalForms("pepe"));
  }
}
