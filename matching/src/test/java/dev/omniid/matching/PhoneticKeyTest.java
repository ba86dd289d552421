package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneticKeyTest {

  private static String key(String raw) {
    return PhoneticKey.of(NameNormalizer.standard().normalize(raw));
  }

  @ParameterizedTest(name = "{0} ~ {1}")
  @CsvSource({
    "Gonzalez, Gonsales",
    "Gonzalez, Gonzales",
    "González, Gonzales",
    "Vazquez, Vasquez",
    "Vazquez, Basquez",
    "Vázquez, Vásquez",
    "Jimenez, Gimenez",
    "Jimenez, Ximenez",
    "Smith, Smyth",
    "Catherine, Katherine",
    "Hernández, Ernández",
    "Llorente, Yorente",
    "Cecilia, Sesilia",
    "Quintana, Kintana",
    "Bárbara, Varvara",
    "Philip, Filip",
    "Thomas, Tomas",
    "Ysabel, Isabel",
    "Javier, Xavier",
  })
  void sameKey(String a, String b) {
    assertEquals(key(a), key(b));
  }

  @ParameterizedTest(name = "{0} !~ {1}")
  @CsvSource({
    "Garcia, Martinez",
    "Smith, Jones",
    "Perez, Lopez",
    "Castro, Sastre",
    "Gomez, Jimenez",
  })
  void differentKey(String a, String b) {
    assertNotEquals(key(a), key(b));
  }

  @Test
  void codesEachTokenAndKeepsTheRulesStable() {
    assertEquals("gnsls", PhoneticKey.of("gonzalez"));
    assertEquals("bsks", PhoneticKey.of("vazquez"));
    assertEquals("jmns", PhoneticKey.of("jimenez"));
    assertEquals("smt", PhoneticKey.of("smith"));
    assertEquals("ktrn", PhoneticKey.of("catherine"));
    assertEquals("xm", PhoneticKey.of("chema"));
    assertEquals("krstn", PhoneticKey.of("christina"));
    assertEquals("js grs", PhoneticKey.of("jose garcia"));
    assertEquals("", PhoneticKey.of(""));
    assertEquals("", PhoneticKey.of("123 -"));
    assertEquals("a", PhoneticKey.of("h a"));
  }
}
