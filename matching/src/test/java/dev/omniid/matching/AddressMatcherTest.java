package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.ComparisonLevel;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressMatcherTest {

  @ParameterizedTest(name = "{0} / {1} -> {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "C/ Mayor 5 | Calle Mayor, nº 5 | EXACT",
        "123 Main St. | 123 Main Street | EXACT",
        "Calle Mayor 5 | Mayor 5, 2º | STRONG",
        "Avda. Constitución 12 | Avenida Constitucon 12 | STRONG",
        "123 Main St | 123 Main St Apt 4 | STRONG",
        "Paseo de Gracia 21 | Pº Gracia 21 | STRONG",
        "Calle Mayor 5, 2º | Calle Mayor 5, 3º | MEDIUM",
        "123 Main St Apt 4 | 123 Main St Apt 5 | MEDIUM",
        "Calle Mayor 5 | Plaza Mayor 5 | MEDIUM",
        "Calle Gran Vía 5 | Calle Gran Vía Madrid 5 | MEDIUM",
        "Calle Mayor 5 | Calle Mayor 7 | WEAK",
        "123 Main St | 125 Main St | WEAK",
        "Calle Mayor 5 | Calle Alcalá 5 | DIFFERENT",
        "123 Main St | 9 Oak Ln | DIFFERENT",
        "Calle Mayor 12, 3º A | Calle Mayor 12 3A | EXACT",
        "Calle Mayor 12, 3º A | Calle Mayor 12, 3º-A | EXACT",
        "Calle Mayor 12, 3º A | Calle Mayor 12 3 A | EXACT",
        "Calle Mayor 12, 3º A | Calle Mayor 12 piso 3 puerta A | EXACT",
        "Calle Mayor 12, 3º A | Calle Mayor 12, 3ºA | EXACT",
        "Calle Mayor 12, 3º A | calle mayor 12 | STRONG",
        "Calle Mayor 12, 3º A | Calle Mayor 12, 3º | STRONG",
        "Calle Mayor 12 3A | Calle Mayor 12 3B | MEDIUM",
        "Calle Mayor 12 3A | Calle Mayor 12 4A | MEDIUM",
        "Calle Mayor 12B | Calle Mayor 12 | WEAK",
        "Calle Mayor 12 14 | Calle Mayor 12 | WEAK",
      })
  void grades(String a, String b, ComparisonLevel expected) {
    AddressNormalizer normalizer = AddressNormalizer.standard();
    String na = normalizer.normalize(a);
    String nb = normalizer.normalize(b);
    AddressMatcher matcher = AddressMatcher.standard();
    assertEquals(expected, matcher.compare(na, nb));
    assertEquals(expected, matcher.compare(nb, na));
  }

  /**
   * Issue 11 item 8: writing the floor and door another way must never grade below leaving them
   * out ("3º A" against "3A" graded WEAK while against no floor at all it graded STRONG).
   */
  @ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.ValueSource(strings = {
      "Calle Mayor 12 3A", "Calle Mayor 12, 3º-A", "Calle Mayor 12 3 A", "Calle Mayor 12, 3ºA",
      "Calle Mayor 12 piso 3 puerta A", "Calle Mayor 12, planta 3, puerta A", "C/ Mayor, 12 - 3º A"})
  void floorAndDoorWrittenAnotherWayGradeAtLeastAsHighAsLeftOut(String other) {
    AddressNormalizer normalizer = AddressNormalizer.standard();
    AddressMatcher matcher = AddressMatcher.standard();
    String reference = normalizer.normalize("Calle Mayor 12, 3º A");
    ComparisonLevel leftOut = matcher.compare(reference, normalizer.normalize("calle mayor 12"));
    ComparisonLevel written = matcher.compare(reference, normalizer.normalize(other));
    assertEquals(true, written.ordinal() <= leftOut.ordinal(), other + ": " + written + " vs " + leftOut);
  }

  /**
   * The street key of the blocking rule "street and house number with phonetic family name": the
   * longest street-name word (the first of equal lengths) and the first house number, read off the
   * prepared address; the same before and after the address was prepared for a comparison.
   */
  @ParameterizedTest
  @CsvSource(delimiter = ';', nullValues = "null", value = {
      "Calle de Toledo 41, 2º B; toledo|41",
      "C/ Toledo 41; toledo|41",
      "Avenida de la Constitución 12 piso 3; constitucion|12",
      "Gran Vía 28; gran|28",
      "Calle Mayor; null",
      "12 34; null",
  })
  void aStreetKeyIsTheLongestNameWordAndTheFirstNumber(String address, String key) {
    AddressMatcher matcher = AddressMatcher.standard();
    String normalized = AddressNormalizer.standard().normalize(address);
    assertEquals(key, matcher.streetKey(normalized), normalized);
    matcher.comparePrepared(matcher.prepare(normalized), matcher.prepare(normalized));
    assertEquals(key, matcher.streetKey(normalized), normalized + ", prepared before");
  }
}
