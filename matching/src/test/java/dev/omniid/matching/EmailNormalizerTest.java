package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailNormalizerTest {
  private final EmailNormalizer normalizer = EmailNormalizer.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "Ana.Perez@Example.org                 | ana.perez@example.org",
      "'  ana.perez@example.org  '           | ana.perez@example.org",
      "mailto:ana@x.com                      | ana@x.com",
      "\"Ana Pérez\" <Ana@X.com>             | ana@x.com",
      "Ana Pérez <ana@x.com>                 | ana@x.com",
      "A.N.A.Perez+shoes@gmail.com           | anaperez@gmail.com",
      "ana.perez@googlemail.com              | anaperez@gmail.com",
      "ana.perez@gmial.com                   | anaperez@gmail.com",
      "ana.perez@gmail.con                   | anaperez@gmail.com",
      "ana@hotmial.com                       | ana@hotmail.com",
      "ana@hotmal.es                         | ana@hotmail.es",
      "ana+promo@hotmail.com                 | ana@hotmail.com",
      "ana+promo@outlook.es                  | ana@outlook.es",
      "ana+promo@icloud.com                  | ana@icloud.com",
      "ana+promo@company.es                  | ana+promo@company.es",
      "ana-promo@yahoo.com                   | ana-promo@yahoo.com",
      "ana@yaho.com                          | ana@yahoo.com",
      "ana@mail.com                          | ana@mail.com",
      "ana@ymail.com                         | ana@ymail.com",
      "ana@gmaill.com                        | ana@gmail.com",
      "ana@company-gmail.com                 | ana@company-gmail.com",
      "josé@correo.españa.es                 | josé@correo.xn--espaa-rta.es",
      "JOSÉ@CORREO.XN--ESPAA-RTA.ES          | josé@correo.xn--espaa-rta.es",
  })
  void realWorldVariants(String raw, String expected) {
    assertEquals(expected, normalizer.normalize(raw));
    assertEquals(expected, normalizer.normalize(expected), "idempotent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"ana perez@x.com", "ana@@x.com", "ana", "@x.com", "ana@", "ana@x",
      "ana@x.c0m", ".ana@x.com", "ana..p@x.com", "ana@-x.com", "<ana@x.com", "ana@x.com> trailing",
      "+promo@gmail.com", "...@gmail.com"})
  void invalidAddressesAreRefusedWithoutTheValue(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(raw));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
    assertEquals("email", e.field());
    String local = raw.contains("@") ? raw.substring(0, raw.indexOf('@')) : raw;
    if (local.length() > 2) {
      assertFalse(e.getMessage().contains(local), e.getMessage());
    }
  }

  /** Issue 11 item 9: a display name in an email column ("María Pérez <mperez@x.com>"). */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "María Pérez <mperez@x.com>            | mperez@x.com",
      "\"Pérez, María\" <MPerez@X.com>       | mperez@x.com",
      "  María Pérez   <  mperez@x.com  >    | mperez@x.com",
      "María Pérez<mperez@x.com>             | mperez@x.com",
      "mailto:María Pérez <mperez@x.com>     | mperez@x.com",
      "María <m.perez+tienda@gmail.com>      | mperez@gmail.com",
  })
  void displayNamesGiveTheAddressInAngleBrackets(String raw, String expected) {
    assertEquals(expected, normalizer.normalize(raw));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"María Pérez <mperez@x>", "María Pérez <mperez@x.com", "María Pérez mperez@x.com",
      "María Pérez <mperez@x.com> Ventas", "María Pérez <>", "María Pérez <mperez@@x.com>",
      "María Pérez <mperez x@x.com>"})
  void invalidDisplayNameFormsNeverEchoTheNameOrTheAddress(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(raw));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
    for (String pii : new String[] {"María", "maría", "Pérez", "pérez", "mperez", "x.com"}) {
      assertFalse(e.getMessage().contains(pii), "message echoes the value: " + e.getMessage().length() + " chars");
    }
    Leaks.assertNoEcho(raw, e, "email");
  }
}
