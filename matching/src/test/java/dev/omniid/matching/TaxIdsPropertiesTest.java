package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.omniid.core.OmniIdException;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of {@link TaxIds}: numbers made valid by {@link Spec}, a second check-digit
 * implementation written here from the published specifications (and on purpose another way than
 * {@code TaxIdRules}), normalize to one value in every written form; normalization is idempotent
 * in any region; and for random and mutated numbers, the normalizer accepts exactly what
 * {@link Spec} calls valid, refusing the rest as a wrong check digit. The seed is in every
 * failure message.
 */
class TaxIdsPropertiesTest {
  private static final List<String> COUNTRIES = List.of("ES", "MX", "AR", "CO", "CL");
  private static final List<String> REGIONS = List.of("ES", "MX", "AR", "CO", "CL", "DE", "US");

  static LongStream seeds() {
    return LongStream.range(0, 400);
  }

  /** A valid number of each country, written in every form, is one value; idempotent anywhere. */
  @ParameterizedTest
  @MethodSource("seeds")
  void everyWrittenFormOfAValidNumberIsOneValue(long seed) {
    Random random = new Random(seed);
    for (String country : COUNTRIES) {
      String[] number = validNumber(country, random);
      String canonical = number[0];
      String expected = country + ":" + canonical;
      for (int i = 1; i < number.length; i++) {
        String written = number[i];
        String where = "seed=" + seed + " " + country + " '" + written + "'";
        assertEquals(expected, TaxIds.normalize(country, written), where);
        for (String prefixed : List.of(country + written, country + " " + written,
            country.toLowerCase(Locale.ROOT) + "-" + written, country + ":" + written)) {
          String other = REGIONS.get(random.nextInt(REGIONS.size()));
          assertEquals(expected, TaxIds.normalize(other, prefixed), where + " as " + prefixed
              + " in " + other);
        }
      }
      for (String region : REGIONS) {
        assertEquals(expected, TaxIds.normalize(region, expected), "seed=" + seed + " idempotent");
      }
    }
  }

  /** Whatever normalizes, normalizes to itself again, in every region (random near-tax-ids). */
  @ParameterizedTest
  @MethodSource("seeds")
  void normalizationIsIdempotent(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 20; i++) {
      String raw = noisyValue(random);
      String region = REGIONS.get(random.nextInt(REGIONS.size()));
      String once;
      try {
        once = TaxIds.normalize(region, raw);
      } catch (OmniIdException e) {
        continue;
      }
      for (String other : REGIONS) {
        assertEquals(once, TaxIds.normalize(other, once),
            "seed=" + seed + " '" + raw + "' in " + region + " then " + other);
      }
    }
  }

  /**
   * Random numbers of each country's shape, and valid ones with one character changed: the
   * normalizer accepts exactly those {@link Spec} accepts, and refuses the others as a wrong check
   * digit (the shape being right).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void checkDigitsAgreeWithTheSpecification(long seed) {
    Random random = new Random(seed);
    for (String country : COUNTRIES) {
      for (int i = 0; i < 10; i++) {
        String candidate = i % 2 == 0 ? randomShape(country, random)
            : mutate(country, validNumber(country, random)[0], random);
        boolean valid = Spec.isValid(country, candidate);
        String where = "seed=" + seed + " " + country + " '" + candidate + "' spec says " + valid;
        assertEquals(valid ? TaxIds.Verdict.VALID : TaxIds.Verdict.WRONG_CHECK_DIGIT,
            TaxIds.verdict(country, candidate), where);
        try {
          TaxIds.normalize(country, candidate);
          assertTrue(valid, where + " but the normalizer accepted it");
        } catch (OmniIdException e) {
          if (valid) {
            fail(where + " but the normalizer refused it: " + e.detail());
          }
          assertTrue(e.detail().startsWith("has a wrong check digit"), where + ": " + e.detail());
        }
      }
    }
  }

  // ---------------------------------------------------------------- generators

  private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

  /** {canonical number, written forms...} of a random valid number of {@code country}. */
  private static String[] validNumber(String country, Random r) {
    switch (country) {
      case "ES" -> {
        int kind = r.nextInt(3);
        if (kind == 0) {
          String digits = digits(r, 8);
          String nif = digits + Spec.dniLetter(digits);
          String unpadded = nif.replaceFirst("^0+(?=\\d)", "");
          String dotted = digits.substring(0, 2) + "." + digits.substring(2, 5) + "."
              + digits.substring(5) + "-" + nif.charAt(8);
          return new String[] {nif, nif, unpadded, dotted, nif.toLowerCase(Locale.ROOT)};
        }
        if (kind == 1) {
          char first = "XYZ".charAt(r.nextInt(3));
          String digits = digits(r, 7);
          String nie = first + digits + Spec.dniLetter((first - 'X') + digits);
          return new String[] {nie, nie, first + "-" + digits + "-" + nie.charAt(8),
              nie.toLowerCase(Locale.ROOT)};
        }
        char entity = "ABCDEFGHJNPQRSUVW".charAt(r.nextInt(17));
        String digits = digits(r, 7);
        int control = Spec.cifControl(digits);
        char asLetter = "JABCDEFGHI".charAt(control);
        char asDigit = (char) ('0' + control);
        char issued = "NPQRSW".indexOf(entity) >= 0 ? asLetter : asDigit;
        String cif = entity + digits + issued;
        return new String[] {cif, cif, entity + digits + asLetter, entity + digits + asDigit,
            entity + "-" + digits.substring(0, 2) + "." + digits.substring(2, 5) + "."
                + digits.substring(5) + issued, cif.toLowerCase(Locale.ROOT)};
      }
      case "MX" -> {
        int letters = 3 + r.nextInt(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < letters; i++) {
          int pick = r.nextInt(30);
          b.append(pick < 26 ? LETTERS.charAt(pick) : pick < 28 ? 'Ñ' : '&');
        }
        String name = b.toString();
        String date = String.format("%02d%02d%02d", r.nextInt(100), 1 + r.nextInt(12),
            1 + r.nextInt(28));
        String homoclave = "" + alnum(r) + alnum(r);
        String first = name + date + homoclave;
        String rfc = first + Spec.rfcCheck(first);
        if (Spec.GENERIC.contains(rfc)) {
          rfc = "ABC010101AA" + Spec.rfcCheck("ABC010101AA");
        }
        String tail = rfc.substring(rfc.length() - 9);
        String head = rfc.substring(0, rfc.length() - 9);
        return new String[] {rfc, rfc, head + "-" + tail.substring(0, 6) + "-" + tail.substring(6),
            head + " " + tail, rfc.toLowerCase(Locale.ROOT)};
      }
      case "AR" -> {
        String type = List.of("20", "23", "24", "27", "30", "33", "34").get(r.nextInt(7));
        String digits = type + digits(r, 8);
        String cuit = digits + Spec.cuitCheck(digits);
        return new String[] {cuit, cuit, type + "-" + cuit.substring(2, 10) + "-" + cuit.charAt(10),
            type + " " + cuit.substring(2, 10) + " " + cuit.charAt(10)};
      }
      case "CO" -> {
        String body = (1 + r.nextInt(9)) + digits(r, 5 + r.nextInt(5));
        char dv = Spec.nitCheck(body);
        return new String[] {body + dv, body + dv, body + "-" + dv, group(body) + "-" + dv,
            "00" + body + dv};
      }
      default -> {
        String body = (1 + r.nextInt(9)) + digits(r, 6 + r.nextInt(2));
        char dv = Spec.rutCheck(body);
        return new String[] {body + dv, body + dv, group(body) + "-" + dv,
            body + "-" + Character.toLowerCase(dv), "0" + body + dv};
      }
    }
  }

  /** A number of the country's shape with random characters where the check digit is. */
  private static String randomShape(String country, Random r) {
    switch (country) {
      case "ES" -> {
        int kind = r.nextInt(3);
        if (kind == 0) {
          return digits(r, 8) + LETTERS.charAt(r.nextInt(26));
        }
        if (kind == 1) {
          return "XYZ".charAt(r.nextInt(3)) + digits(r, 7) + LETTERS.charAt(r.nextInt(26));
        }
        return "ABCDEFGHJNPQRSUVW".charAt(r.nextInt(17)) + digits(r, 7)
            + "0123456789ABCDEFGHIJ".charAt(r.nextInt(20));
      }
      case "MX" -> {
        String date = String.format("%02d%02d%02d", r.nextInt(100), 1 + r.nextInt(12),
            1 + r.nextInt(28));
        return "ABCD".substring(r.nextInt(2)) + date + alnum(r) + alnum(r)
            + "0123456789A".charAt(r.nextInt(11));
      }
      case "AR" -> {
        return List.of("20", "23", "24", "27", "30", "33", "34").get(r.nextInt(7)) + digits(r, 9);
      }
      case "CO" -> {
        return (1 + r.nextInt(9)) + digits(r, 9);
      }
      default -> {
        return (1 + r.nextInt(9)) + digits(r, 7) + "0123456789K".charAt(r.nextInt(11));
      }
    }
  }

  /**
   * One character of a canonical number changed so that its shape stays the country's: the check
   * character to another of the country's check alphabet, or one of the four digits before it to
   * another digit (a date or a type prefix is left alone).
   */
  private static String mutate(String country, String number, Random r) {
    char[] chars = number.toCharArray();
    int last = chars.length - 1;
    if (r.nextBoolean()) {
      String alphabet = switch (country) {
        case "ES" -> Character.isDigit(chars[0]) || "XYZ".indexOf(chars[0]) >= 0 ? LETTERS
            : "0123456789ABCDEFGHIJ";
        case "MX" -> "0123456789A";
        case "CL" -> "0123456789K";
        default -> "0123456789";
      };
      chars[last] = alphabet.charAt(r.nextInt(alphabet.length()));
    } else {
      // A Mexican RFC's date ends 3 before the check: only its homoclave may change.
      int i = last - 1 - r.nextInt(country.equals("MX") ? 2 : 4);
      if (Character.isDigit(chars[i])) {
        chars[i] = (char) ('0' + (chars[i] - '0' + 1 + r.nextInt(9)) % 10);
      }
    }
    return new String(chars);
  }

  /** Mostly tax-id-like text: numbers of any country, prefixes, separators, junk characters. */
  private static String noisyValue(Random r) {
    String base = switch (r.nextInt(4)) {
      case 0 -> validNumber(COUNTRIES.get(r.nextInt(5)), r)[1 + r.nextInt(2)];
      case 1 -> {
        String country = COUNTRIES.get(r.nextInt(5));
        yield mutate(country, validNumber(country, r)[0], r);
      }
      case 2 -> randomShape(COUNTRIES.get(r.nextInt(5)), r);
      default -> {
        StringBuilder b = new StringBuilder();
        int n = 2 + r.nextInt(14);
        for (int i = 0; i < n; i++) {
          String alphabet = "0123456789ABEKLMPXYZ-. ÑES";
          b.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        yield b.toString();
      }
    };
    String prefix = List.of("", "", "ES", "es ", "DE", "EL", "MX", "CL:", "AR-").get(r.nextInt(9));
    return prefix + base;
  }

  private static String digits(Random r, int n) {
    StringBuilder b = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      b.append((char) ('0' + r.nextInt(10)));
    }
    return b.toString();
  }

  private static char alnum(Random r) {
    return "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ".charAt(r.nextInt(36));
  }

  /** Digits grouped by threes from the right with dots: 12.345.678. */
  private static String group(String digits) {
    StringBuilder b = new StringBuilder();
    int lead = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    b.append(digits, 0, lead);
    for (int i = lead; i < digits.length(); i += 3) {
      b.append('.').append(digits, i, i + 3);
    }
    return b.toString();
  }

  /**
   * The check-digit rules again, written from the specifications independently of
   * {@code TaxIdRules}: arithmetic by other means (Horner's rule for the DNI, a look-up of doubled
   * digits for the CIF, character ranges for the RFC's Anexo 3, the classic running RUT
   * recurrence), over canonical numbers only.
   */
  static final class Spec {
    static final java.util.Set<String> GENERIC = java.util.Set.of("XAXX010101000", "XEXX010101000");

    private Spec() {}

    /** Whether a compact, prefix-free number of {@code country} is valid. */
    static boolean isValid(String country, String n) {
      return switch (country) {
        case "ES" -> spain(n);
        case "MX" -> n.charAt(n.length() - 1) == rfcCheck(n.substring(0, n.length() - 1));
        case "AR" -> n.charAt(10) == cuitCheck(n.substring(0, 10));
        case "CO" -> n.charAt(n.length() - 1) == nitCheck(n.substring(0, n.length() - 1));
        default -> n.charAt(n.length() - 1) == rutCheck(n.substring(0, n.length() - 1));
      };
    }

    private static boolean spain(String n) {
      char first = n.charAt(0);
      char last = n.charAt(8);
      if (Character.isDigit(first)) {
        return last == dniLetter(n.substring(0, 8));
      }
      if ("XYZ".indexOf(first) >= 0) {
        return last == dniLetter((first - 'X') + n.substring(1, 8));
      }
      int control = cifControl(n.substring(1, 8));
      return last == (char) ('0' + control) || last == "JABCDEFGHI".charAt(control);
    }

    /** DNI letter: the number mod 23 by Horner's rule, as a table index. */
    static char dniLetter(String digits) {
      int mod = 0;
      for (char c : digits.toCharArray()) {
        mod = (mod * 10 + (c - '0')) % 23;
      }
      return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(mod);
    }

    /** CIF: A = sum of even-place digits, B = sum of digit sums of doubled odd-place digits. */
    static int cifControl(String seven) {
      int[] doubledDigitSum = {0, 2, 4, 6, 8, 1, 3, 5, 7, 9};
      int a = 0;
      int b = 0;
      for (int place = 1; place <= 7; place++) {
        int d = seven.charAt(place - 1) - '0';
        if (place % 2 == 0) {
          a += d;
        } else {
          b += doubledDigitSum[d];
        }
      }
      int units = (a + b) % 10;
      return units == 0 ? 0 : 10 - units;
    }

    /** RFC: each character's Anexo 3 value times (its position from the right + 1), mod 11. */
    static char rfcCheck(String first) {
      String padded = first.length() == 11 ? " " + first : first;
      int sum = 0;
      for (int fromRight = 1; fromRight <= 12; fromRight++) {
        char c = padded.charAt(12 - fromRight);
        int value;
        if (c >= '0' && c <= '9') {
          value = c - '0';
        } else if (c >= 'A' && c <= 'N') {
          value = 10 + (c - 'A');
        } else if (c == '&') {
          value = 24;
        } else if (c >= 'O' && c <= 'Z') {
          value = 25 + (c - 'O');
        } else if (c == ' ') {
          value = 37;
        } else {
          value = 38; // Ñ
        }
        sum += value * (fromRight + 1);
      }
      int remainder = sum % 11;
      if (remainder == 0) {
        return '0';
      }
      return 11 - remainder == 10 ? 'A' : (char) ('0' + (11 - remainder));
    }

    /** CUIT: weights 2..7 repeating from the right; 11 gives 0, 10 gives 9 (AFIP's 23/33 rule). */
    static char cuitCheck(String ten) {
      int sum = 0;
      for (int i = 0; i < 10; i++) {
        sum += (ten.charAt(9 - i) - '0') * (2 + i % 6);
      }
      int v = (11 - sum % 11) % 11;
      return v == 10 ? '9' : (char) ('0' + v);
    }

    /** NIT: DIAN's primes, largest first, aligned to the right of a 15-digit field. */
    static char nitCheck(String body) {
      int[] primes = {71, 67, 59, 53, 47, 43, 41, 37, 29, 23, 19, 17, 13, 7, 3};
      String field = "0".repeat(15 - body.length()) + body;
      int sum = 0;
      for (int i = 0; i < 15; i++) {
        sum += (field.charAt(i) - '0') * primes[i];
      }
      int r = sum % 11;
      return (char) ('0' + (r > 1 ? 11 - r : r));
    }

    /** RUT: the running recurrence s = (s + d * (9 - m++ % 6)) % 11 from the right; s-1 or K. */
    static char rutCheck(String body) {
      int m = 0;
      int s = 1;
      for (int i = body.length() - 1; i >= 0; i--) {
        s = (s + (body.charAt(i) - '0') * (9 - m++ % 6)) % 11;
      }
      return s != 0 ? (char) ('0' + s - 1) : 'K';
    }
  }
}
