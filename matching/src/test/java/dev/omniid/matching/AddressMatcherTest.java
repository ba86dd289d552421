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
      })
  void grades(String a, String b, ComparisonLevel expected) {
    AddressNormalizer normalizer = AddressNormalizer.standard();
    String na = normalizer.normalize(a);
    String nb = normalizer.normalize(b);
    AddressMatcher matcher = AddressMatcher.standard();
    assertEquals(expected, matcher.compare(na, nb));
    assertEquals(expected, matcher.compare(nb, na));
  }
}
