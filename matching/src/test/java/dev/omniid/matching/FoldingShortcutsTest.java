package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.OmniIdException;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fuzzy path's shortcuts give what the long way gives: folding printable ASCII by
 * lower-casing, the name normalizer's cache of recent names, and the nickname table's canonical
 * forms built once.
 */
class FoldingShortcutsTest {
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
      String expected;
      try {
        expected = NameNormalizer.compute(value, given);
      } catch (OmniIdException e) {
        OmniIdException thrown = assertThrows(OmniIdException.class,
            () -> normalize(names, value, given), "seed=" + seed);
        assertEquals(e.reason(), thrown.reason());
        continue;
      }
      assertEquals(expected, normalize(names, value, given), "seed=" + seed + ", given=" + given);
    }
  }

  private static String normalize(NameNormalizer names, String value, boolean given) {
    return given ? names.normalizeGivenName(value) : names.normalize(value);
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
