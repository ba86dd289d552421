package dev.omniid.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

/**
 * The generator's check digits agree with a second implementation written from the
 * specifications ({@link TaxIdCheck}), on published examples and on random numbers, and a wrong
 * check character is always wrong.
 */
class TaxIdDigitsPropertiesTest {

  /** The examples the tax offices and the matching module's TaxIds documentation give. */
  @Test
  void publishedExamples() {
    assertEquals("12345678Z", TaxIdDigits.dni(12345678));
    assertEquals("B12345674", TaxIdDigits.cif('B', 1234567));
    assertEquals("GODE561231GR8", TaxIdDigits.rfc("GODE561231GR"));  // SAT's persona física example
    assertEquals("20123456786", TaxIdDigits.cuit(20, 12345678));
    assertEquals("8001972684", TaxIdDigits.nit(800197268));  // DIAN's NIT
    assertEquals("60803000K", TaxIdDigits.rut(60803000));  // SII's RUT
    assertEquals("123456785", TaxIdDigits.rut(12345678));
  }

  @RepeatedTest(20)
  void agreesWithTheSecondImplementationAndWrongChecksAreWrong(RepetitionInfo info) {
    long seed = 0x7A1D_0000L + info.getCurrentRepetition();
    SplittableRandom r = new SplittableRandom(seed);
    for (int i = 0; i < 500; i++) {
      check(seed, "ES", TaxIdDigits.dni(r.nextInt(100_000_000)), r);
      check(seed, "ES", TaxIdDigits.cif("ABCDEFGHJUV".charAt(r.nextInt(11)), r.nextInt(10_000_000)), r);
      check(seed, "ES", TaxIdDigits.cif("NPQRSW".charAt(r.nextInt(6)), r.nextInt(10_000_000)), r);
      String letters = r.nextBoolean() ? "ABC" : "GODE";
      String date = String.format("%02d%02d%02d", r.nextInt(100), 1 + r.nextInt(12), 1 + r.nextInt(28));
      String homoclave = "" + "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ".charAt(r.nextInt(34))
          + "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ".charAt(r.nextInt(34));
      check(seed, "MX", TaxIdDigits.rfc(letters + date + homoclave), r);
      check(seed, "AR", TaxIdDigits.cuit(r.nextBoolean() ? 20 : 30, r.nextInt(100_000_000)), r);
      check(seed, "CO", TaxIdDigits.nit(100_000L + r.nextLong(9_999_999_999L)), r);
      check(seed, "CL", TaxIdDigits.rut(1 + r.nextInt(99_999_999)), r);
    }
  }

  private static void check(long seed, String country, String value, SplittableRandom r) {
    Function<String, String> why = v -> "seed " + seed + ", " + country + " " + v;
    assertTrue(TaxIdCheck.valid(value, country), why.apply(value));
    String wrong = TaxIdDigits.withWrongCheck(value, country, r.nextInt(100));
    assertEquals(value.length(), wrong.length(), why.apply(wrong));
    assertFalse(TaxIdCheck.valid(wrong, country), why.apply(wrong));
  }
}
