package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.ComparisonLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameMatcherTest {

  private static ComparisonLevel compare(NameMatcher matcher, String a, String b) {
    NameNormalizer normalizer = NameNormalizer.standard();
    String na = normalizer.normalize(a);
    String nb = normalizer.normalize(b);
    ComparisonLevel ab = matcher.compare(na, nb);
    assertEquals(ab, matcher.compare(nb, na), "symmetry");
    return ab;
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "José García | Jose Garcia | EXACT",
        "Ana Núñez | ANA NUNEZ | EXACT",
        "Hans Müller | Hans Mueller | EXACT",
        "Sr. José García | José García | EXACT",
        "Hans Muller | Hans Müller | STRONG",
        "Bob Smith | Robert Smith | STRONG",
        "Pepe García | José García | STRONG",
        "Paco Pérez | Francisco Pérez | STRONG",
        "Lola Martín | Dolores Martín | STRONG",
        "Nacho Ruiz | Ignacio Ruiz | STRONG",
        "Chema Gil | José María Gil | STRONG",
        "Chema Gil | José Gil | STRONG",
        "Concha Sanz | Concepción Sanz | STRONG",
        "Maite Ortega | María Teresa Ortega | STRONG",
        "José García López | José García | STRONG",
        "José María García | José García | STRONG",
        "María del Carmen García y López | María Carmen García | STRONG",
        "García José | José García | STRONG",
        "García Ana | Ana García | STRONG",
        "García López Ana | Ana García López | STRONG",
        "Juan García Jr. | Juan García | EXACT",
        "Juan García Jr. | Juan García Sr. | EXACT",
        "García López José | José García López | STRONG",
        "J. García | José García | STRONG",
        "J. García López | Juan García | STRONG",
        "José Fernández | José Fernándes | STRONG",
        "José García | José Garsia | MEDIUM",
        "Catherine Smith | Katherine Smith | STRONG",
        "J. Garcia | José Garsia | MEDIUM",
        "José G. | José García | MEDIUM",
        "García López | José García López | MEDIUM",
        "José Luis García | José Antonio García | MEDIUM",
        "María García | Carmen García | WEAK",
        "García | José García | WEAK",
        "José García | José Martínez | DIFFERENT",
        "Alberto Ruiz | Roberto Díaz | DIFFERENT",
        "John Smith | Mary Jones | DIFFERENT",
        "Alberto Ruiz | Roberto Ruiz | WEAK",
      })
  void gradesFullNames(String a, String b, ComparisonLevel expected) {
    assertEquals(expected, compare(NameMatcher.fullNames(), a, b));
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "José | Jose | EXACT",
        "Pepe | José | STRONG",
        "Bob | Robert | STRONG",
        "Chema | José María | STRONG",
        "José María | José | STRONG",
        "Alejandro | Alejandor | STRONG",
        "Jonh | John | MEDIUM",
        "María del Carmen | Carmen | MEDIUM",
        "J. María | José María | MEDIUM",
        "José Luis | José Antonio | WEAK",
        "J | José | WEAK",
        "Alberto | Roberto | DIFFERENT",
        "Pedro | Pablo | DIFFERENT",
      })
  void gradesGivenNames(String a, String b, ComparisonLevel expected) {
    assertEquals(expected, compare(NameMatcher.givenNames(), a, b));
  }

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "García-López | García López | EXACT",
        "García López | García | STRONG",
        "García López | López García | STRONG",
        "Gonzalez | Gonzales | STRONG",
        "Müller | Muller | STRONG",
        "García López | López | MEDIUM",
        "García López | Martínez López | WEAK",
        "García | Martínez | DIFFERENT",
        "Bob | Robert | DIFFERENT",
      })
  void gradesFamilyNames(String a, String b, ComparisonLevel expected) {
    assertEquals(expected, compare(NameMatcher.familyNames(), a, b));
  }
}
