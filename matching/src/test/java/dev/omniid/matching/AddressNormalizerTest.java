package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressNormalizerTest {
  private final AddressNormalizer normalizer = AddressNormalizer.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "C/ Mayor, 5 | calle mayor 5",
        "C/Mayor 5 | calle mayor 5",
        "Calle Mayor nº 5 | calle mayor 5",
        "Cl. Mayor Nº5 | calle mayor 5",
        "C Mayor 5 | calle mayor 5",
        "CALLE MAYOR, NUM. 5 | calle mayor 5",
        "Calle Mayor, 5, 3º B | calle mayor 5 piso 3 puerta b",
        "Calle Mayor 5 3ºB | calle mayor 5 piso 3 puerta b",
        "Calle Mayor 5, piso 3, puerta B | calle mayor 5 piso 3 puerta b",
        "Calle Mayor 5, planta 3ª, pta. B | calle mayor 5 piso 3 puerta b",
        "Calle Mayor 5, 1º izq. | calle mayor 5 piso 1 izquierda",
        "Calle Mayor 5, 2º dcha | calle mayor 5 piso 2 derecha",
        "Avenida de America 33 5 Dcha | avenida de america 33 piso 5 derecha",
        "Calle Mayor 5 1 izda | calle mayor 5 piso 1 izquierda",
        "Calle Mayor 5, bajo | calle mayor 5 bajo",
        "Calle Mayor 5, pl. 2 | calle mayor 5 piso 2",
        "Pl. Mayor 1 | plaza mayor 1",
        "Avda. de la Constitución 12 | avenida de la constitucion 12",
        "Av. Insurgentes Sur 1602, dpto. 4 | avenida insurgentes sur 1602 apt 4",
        "Avenida Insurgentes Sur #1602 | avenida insurgentes sur 1602",
        "Pza. España 3 | plaza espana 3",
        "Pº de Gracia 21 | paseo de gracia 21",
        "Ctra. de Valencia km 7 | carretera de valencia kilometro 7",
        "Calle Dr. Fleming 5 | calle doctor fleming 5",
        "Calle Núñez de Balboa s/n | calle nunez de balboa sn",
        "Rúa do Franco 4 | rua do franco 4",
        "Müllerstraße 3 | muellerstrasse 3",
        "123 Main St. | 123 main street",
        "123 Main Street | 123 main street",
        "123 Main St Apt 4 | 123 main street apt 4",
        "123 Main St, Unit 5 | 123 main street apt 5",
        "123 Main St Springfield | 123 main street springfield",
        "12 St Kilda Rd | 12 saint kilda road",
        "St Kilda Rd 12 | saint kilda road 12",
        "500 Park Ave. | 500 park avenida",
        "42 Elm Dr | 42 elm drive",
        "9 Oak Ln | 9 oak lane",
        "77 Sunset Blvd | 77 sunset boulevard",
        "Apt #4, 10 Baker Street | apt 4 10 baker street",
        "No. 5 Calle Real | 5 calle real",
        "piso 3º | piso 3",
        "Carrera 7 # 45-10 | carrera 7 45 10",
      })
  void normalizes(String raw, String expected) {
    assertEquals(expected, normalizer.normalize(raw));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "---", "#", "/", "°°", "\u0000\u0001"})
  void refusesValuesWithoutLettersOrDigits(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(raw));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertEquals("address", e.field());
  }

  @Test
  void refusesHugeValuesWithoutEchoingThem() {
    String huge = "Calle Secreta ".repeat(100);
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(huge));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertFalse(e.getMessage().toLowerCase().contains("secreta"));
  }

  @Test
  void vocabularyRejectsDuplicateVariants() {
    assertThrows(
        IllegalStateException.class,
        () -> AddressVocabulary.load(new StringReader("[street]\ncalle: cl\nclose: cl\n")));
  }
}
