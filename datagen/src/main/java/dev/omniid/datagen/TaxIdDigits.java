package dev.omniid.datagen;

/**
 * The check digits of the tax ids the distributor data carries, computed here from each
 * country's specification: datagen depends on core alone (the matching module, whose
 * {@code TaxIds} validates them, depends on datagen for its tests), so it cannot ask the
 * validator. A test checks these against a second implementation, and the matching module's
 * tests check the generated numbers with {@code TaxIds.verdict}.
 */
final class TaxIdDigits {
  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  private static final String CIF_LETTERS = "JABCDEFGHI";
  /** Entity letters whose CIF control is issued as a letter (Orden EHA/451/2008). */
  private static final String CIF_LETTER_CONTROL = "NPQRSW";
  private static final String RFC_VALUES = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";
  private static final int[] CUIT_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
  private static final int[] NIT_WEIGHTS = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};

  private TaxIdDigits() {}

  /** A Spanish DNI: 8 digits and the letter of the number mod 23. */
  static String dni(int number) {
    String digits = String.format("%08d", number);
    return digits + DNI_LETTERS.charAt(number % 23);
  }

  /**
   * A Spanish CIF: the entity letter, 7 digits, the control: digits in odd places doubled (the
   * digits of the product added), in even places added; 10 minus the units, 0 for 10; written
   * as a letter of {@code JABCDEFGHI} for the entities N, P, Q, R, S, W.
   */
  static String cif(char entity, int number) {
    String digits = String.format("%07d", number);
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      int d = digits.charAt(i) - '0';
      sum += i % 2 == 0 ? (2 * d) / 10 + (2 * d) % 10 : d;
    }
    int control = (10 - sum % 10) % 10;
    char written = CIF_LETTER_CONTROL.indexOf(entity) >= 0 ? CIF_LETTERS.charAt(control)
        : (char) ('0' + control);
    return entity + digits + written;
  }

  /**
   * A Mexican RFC with its check digit: {@code body} is a persona moral's 11 characters (3
   * letters, YYMMDD, 2 homoclave) or a persona física's 12 (4 letters); the digit is over the 12
   * characters (a moral's after a space), SAT's values, weights 13 down to 2, mod 11: 0 stays 0,
   * else 11 minus it, 10 written {@code A}.
   */
  static String rfc(String body) {
    String padded = body.length() == 11 ? " " + body : body;
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += RFC_VALUES.indexOf(padded.charAt(i)) * (13 - i);
    }
    int remainder = sum % 11;
    int check = remainder == 0 ? 0 : 11 - remainder;
    return body + (check == 10 ? "A" : Integer.toString(check));
  }

  /**
   * An Argentine CUIT/CUIL: type prefix, 8 digits, check over the 10 with weights
   * 5,4,3,2,7,6,5,4,3,2, mod 11: 11 minus the remainder, 11 giving 0. When that gives 10 AFIP
   * issues the number under prefix 23 (persons) or 33 (companies) instead, with check 9 if it
   * still gives 10.
   */
  static String cuit(int prefix, int number) {
    String body = prefix + String.format("%08d", number);
    int check = cuitCheck(body);
    if (check == 10) {
      body = (prefix < 30 ? "23" : "33") + body.substring(2);
      check = cuitCheck(body);
      if (check == 10) {
        check = 9;
      }
    }
    return body + check;
  }

  private static int cuitCheck(String body) {
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (body.charAt(i) - '0') * CUIT_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 11 ? 0 : check;
  }

  /**
   * A Colombian NIT and its DIAN check digit: digits weighted from the right by 3, 7, 13, 17,
   * 19, 23..., mod 11: a remainder of 0 or 1 is the digit, else 11 minus it.
   */
  static String nit(long number) {
    String body = Long.toString(number);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(body.length() - 1 - i) - '0') * NIT_WEIGHTS[i];
    }
    int remainder = sum % 11;
    return body + (remainder <= 1 ? remainder : 11 - remainder);
  }

  /**
   * A Chilean RUT: digits weighted 2, 3, 4, 5, 6, 7, 2, 3... from the right, mod 11: 11 minus
   * the remainder, 11 giving 0 and 10 giving {@code K}.
   */
  static String rut(int number) {
    String body = Integer.toString(number);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(body.length() - 1 - i) - '0') * (2 + i % 6);
    }
    int check = 11 - sum % 11;
    return body + (check == 11 ? "0" : check == 10 ? "K" : Integer.toString(check));
  }

  /**
   * The same number with another check character its country allows (a DNI's letter for a
   * letter, an RFC's digit or {@code A}, a RUT's digit or {@code K}, a digit elsewhere): what a
   * mistyped number looks like.
   *
   * @param valid a valid compact tax id of {@code country}
   * @param country ES, MX, AR, CO or CL
   * @param pick a number choosing among the wrong characters
   */
  static String withWrongCheck(String valid, String country, int pick) {
    char last = valid.charAt(valid.length() - 1);
    String pool = switch (country) {
      case "ES" -> Character.isDigit(valid.charAt(0)) ? DNI_LETTERS
          : Character.isDigit(last) ? "0123456789" : CIF_LETTERS;  // a CIF keeps the control's kind
      case "MX" -> "0123456789A";
      case "CL" -> "0123456789K";
      default -> "0123456789";
    };
    StringBuilder others = new StringBuilder();
    for (char c : pool.toCharArray()) {
      if (c != last) {
        others.append(c);
      }
    }
    char wrong = others.charAt(Math.floorMod(pick, others.length()));
    return valid.substring(0, valid.length() - 1) + wrong;
  }
}
