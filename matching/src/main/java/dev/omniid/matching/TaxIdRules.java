package dev.omniid.matching;

import java.util.Set;

/**
 * The check-digit rules of the tax ids {@link TaxIds} validates, one method per country, each over
 * a compact body (upper case, separators removed, no country prefix). Each returns the canonical
 * body, or {@link #MALFORMED} or {@link #WRONG_CHECK} (the two sentinels are never a body: a body
 * is letters and digits only). Pure functions; thread-safe.
 *
 * <p>The sources, cited where each rule is applied: Spain, Real Decreto 1065/2007 and Orden
 * EHA/451/2008 (AEAT); Mexico, SAT's "Algoritmo para generar el RFC con homoclave" (INFOMEX
 * request 0610100135506, Anexo 3); Argentina, AFIP's CUIT/CUIL modulus 11; Colombia, DIAN's
 * "dígito de verificación" (Orden Administrativa 4 de 1989, primes 3 to 71); Chile, SII's RUT
 * modulus 11 with {@code K}.
 */
final class TaxIdRules {
  /** The value is not of the country's shape (length, letters where digits belong, a bad date). */
  static final String MALFORMED = "#malformed";
  /** The value has the country's shape but its check digit or letter is not the computed one. */
  static final String WRONG_CHECK = "#check";

  private TaxIdRules() {}

  // ---------------------------------------------------------------- Spain

  /** DNI/NIE letters: index = number mod 23 (Real Decreto 1553/2005, art. 11). */
  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";
  /** CIF control letters: the control digit d is written as "JABCDEFGHI".charAt(d). */
  private static final String CIF_LETTERS = "JABCDEFGHI";
  /** Entity letters whose CIF control AEAT issues as a letter (Orden EHA/451/2008, art. 4). */
  private static final String CIF_LETTER_CONTROL = "NPQRSW";
  private static final String CIF_ENTITIES = "ABCDEFGHJNPQRSUVW";

  /**
   * A Spanish NIF of any kind: a DNI ({@code 12345678Z}, fewer digits padded with zeros), a NIE
   * ({@code X1234567L}: X, Y, Z stand for 0, 1, 2), a K/L/M NIF (the DNI letter over its 7 digits),
   * or a legal entity's CIF ({@code B12345674}). A CIF's control may be written as a digit or as
   * its letter (they carry the same digit): the body keeps the form AEAT issues, a letter for the
   * entities N, P, Q, R, S, W and a digit for the others.
   */
  static String spain(String s) {
    int n = s.length();
    if (n < 2 || n > 9) {
      return MALFORMED;
    }
    char first = s.charAt(0);
    char last = s.charAt(n - 1);
    if (allDigits(s, 0, n - 1) && isLetter(last)) {
      String padded = "0".repeat(9 - n) + s;
      long number = Long.parseLong(padded.substring(0, 8));
      return DNI_LETTERS.charAt((int) (number % 23)) == last ? padded : WRONG_CHECK;
    }
    if (n != 9 || !allDigits(s, 1, 8)) {
      return MALFORMED;
    }
    if (first == 'X' || first == 'Y' || first == 'Z') {
      long number = Long.parseLong((first - 'X') + s.substring(1, 8));
      return isLetter(last) && DNI_LETTERS.charAt((int) (number % 23)) == last ? s
          : isLetter(last) ? WRONG_CHECK : MALFORMED;
    }
    if (first == 'K' || first == 'L' || first == 'M') {
      long number = Long.parseLong(s.substring(1, 8));
      return isLetter(last) && DNI_LETTERS.charAt((int) (number % 23)) == last ? s
          : isLetter(last) ? WRONG_CHECK : MALFORMED;
    }
    if (CIF_ENTITIES.indexOf(first) < 0) {
      return MALFORMED;
    }
    int control = cifControl(s.substring(1, 8));
    int written = isDigit(last) ? last - '0' : CIF_LETTERS.indexOf(last);
    if (written < 0) {
      return MALFORMED;
    }
    if (written != control) {
      return WRONG_CHECK;
    }
    char canonical = CIF_LETTER_CONTROL.indexOf(first) >= 0 ? CIF_LETTERS.charAt(control)
        : (char) ('0' + control);
    return s.substring(0, 8) + canonical;
  }

  /**
   * The CIF control digit of 7 digits: the digits in even places (2nd, 4th, 6th) are added; each
   * digit in an odd place is doubled and the digits of the product added; the control is 10 minus
   * the units of the total, 0 for 10.
   */
  private static int cifControl(String digits) {
    int sum = 0;
    for (int i = 0; i < 7; i++) {
      int d = digits.charAt(i) - '0';
      if (i % 2 == 0) {
        int doubled = 2 * d;
        sum += doubled / 10 + doubled % 10;
      } else {
        sum += d;
      }
    }
    return (10 - sum % 10) % 10;
  }

  // ---------------------------------------------------------------- Mexico

  /**
   * SAT's Anexo 3 values: the index of a character here is its value (0-9 for the digits, A=10 to
   * N=23, &amp;=24, O=25 to Z=36, space=37, Ñ=38).
   */
  private static final String RFC_VALUES = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ";

  /**
   * A Mexican RFC: a persona física's 4 letters ({@code GODE561231GR8}) or a persona moral's 3,
   * then the date {@code YYMMDD}, two homoclave characters and the check digit (0-9 or A). The
   * letters may hold {@code Ñ} and {@code &}. The check digit is computed over the 12 characters
   * before it (a moral's 11 after a space), weights 13 down to 2, modulus 11: a remainder of 0
   * gives 0, else 11 minus it, 10 written {@code A}.
   */
  static String mexico(String s) {
    int n = s.length();
    if (n != 12 && n != 13) {
      return MALFORMED;
    }
    int letters = n - 9;
    for (int i = 0; i < letters; i++) {
      char c = s.charAt(i);
      if (!isLetter(c) && c != 'Ñ' && c != '&') {
        return MALFORMED;
      }
    }
    if (!allDigits(s, letters, letters + 6) || !validDate(s.substring(letters, letters + 6))) {
      return MALFORMED;
    }
    for (int i = letters + 6; i < n - 1; i++) {
      if (!isLetter(s.charAt(i)) && !isDigit(s.charAt(i))) {
        return MALFORMED;
      }
    }
    char last = s.charAt(n - 1);
    if (!isDigit(last) && last != 'A') {
      return MALFORMED;
    }
    if (GENERIC_RFCS.contains(s)) {
      // SAT's generic RFCs for the general public and foreigners are issued without a computed
      // check digit; they are valid on invoices (and junk to the resolver: see TaxIds).
      return s;
    }
    String body = (n == 12 ? " " : "") + s.substring(0, n - 1);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += RFC_VALUES.indexOf(body.charAt(i)) * (13 - i);
    }
    int remainder = sum % 11;
    int check = remainder == 0 ? 0 : 11 - remainder;
    char expected = check == 10 ? 'A' : (char) ('0' + check);
    return last == expected ? s : WRONG_CHECK;
  }

  /** SAT's generic RFCs: the general public, and foreigners. */
  static final Set<String> GENERIC_RFCS = Set.of("XAXX010101000", "XEXX010101000");

  /** YYMMDD: a month 1-12 and a day of it; 29 February in a year divisible by 4 (00 is 2000). */
  private static boolean validDate(String yymmdd) {
    int year = Integer.parseInt(yymmdd.substring(0, 2));
    int month = Integer.parseInt(yymmdd.substring(2, 4));
    int day = Integer.parseInt(yymmdd.substring(4, 6));
    if (month < 1 || month > 12 || day < 1) {
      return false;
    }
    int[] days = {31, year % 4 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return day <= days[month - 1];
  }

  // ---------------------------------------------------------------- Argentina

  /** The CUIT/CUIL type prefixes AFIP assigns (persons 20-27, companies 30-34, others 50-55). */
  private static final Set<String> CUIT_TYPES =
      Set.of("20", "23", "24", "27", "30", "33", "34", "50", "51", "55");
  private static final int[] CUIT_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

  /**
   * An Argentine CUIT or CUIL: 11 digits, a type prefix, the DNI or company number, a check digit
   * over the first 10 with weights 5,4,3,2,7,6,5,4,3,2, modulus 11: 11 minus the remainder, 11
   * giving 0. A result of 10 has no digit: AFIP then issues the number under prefix 23 or 33 with
   * check digit 9, so 9 is the accepted digit there.
   */
  static String argentina(String s) {
    if (s.length() != 11 || !allDigits(s, 0, 11) || !CUIT_TYPES.contains(s.substring(0, 2))) {
      return MALFORMED;
    }
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (s.charAt(i) - '0') * CUIT_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    int expected = check == 11 ? 0 : check == 10 ? 9 : check;
    return s.charAt(10) - '0' == expected ? s : WRONG_CHECK;
  }

  // ---------------------------------------------------------------- Colombia

  /** DIAN's weights, applied from the rightmost digit of the NIT leftwards. */
  private static final int[] NIT_WEIGHTS =
      {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};

  /**
   * A Colombian NIT with its check digit last ({@code 800197268-4}): up to 15 digits, weighted
   * from the right by DIAN's primes, modulus 11: a remainder of 0 or 1 is the digit, else 11 minus
   * it. A NIT written without its check digit cannot be told from one with it, so the last digit
   * is always read as the check digit. Leading zeros are dropped.
   */
  static String colombia(String s) {
    int n = s.length();
    if (n < 6 || n > 16 || !allDigits(s, 0, n)) {
      return MALFORMED;
    }
    if (s.equals(FINAL_CONSUMER_NIT)) {
      // DIAN's number for the final consumer is written without a check digit (junk: TaxIds).
      return s;
    }
    String body = stripZeros(s.substring(0, n - 1));
    if (body.length() < 5) {
      return MALFORMED;
    }
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(body.length() - 1 - i) - '0') * NIT_WEIGHTS[i];
    }
    int remainder = sum % 11;
    int expected = remainder <= 1 ? remainder : 11 - remainder;
    return s.charAt(n - 1) - '0' == expected ? body + s.charAt(n - 1) : WRONG_CHECK;
  }

  /** DIAN's NIT for the final consumer ("consumidor final"), written without a check digit. */
  static final String FINAL_CONSUMER_NIT = "222222222222";

  // ---------------------------------------------------------------- Chile

  /**
   * A Chilean RUT or RUN ({@code 12.345.678-5}, {@code 60.803.000-K}): the body's digits weighted
   * 2, 3, 4, 5, 6, 7, 2, 3... from the right, modulus 11: 11 minus the remainder, 11 giving 0 and
   * 10 giving {@code K}. Leading zeros are dropped.
   */
  static String chile(String s) {
    int n = s.length();
    if (n < 2 || n > 10 || !allDigits(s, 0, n - 1)) {
      return MALFORMED;
    }
    char last = s.charAt(n - 1);
    if (!isDigit(last) && last != 'K') {
      return MALFORMED;
    }
    String body = stripZeros(s.substring(0, n - 1));
    if (body.isEmpty()) {
      return MALFORMED;
    }
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(body.length() - 1 - i) - '0') * (2 + i % 6);
    }
    int check = 11 - sum % 11;
    char expected = check == 11 ? '0' : check == 10 ? 'K' : (char) ('0' + check);
    return last == expected ? body + last : WRONG_CHECK;
  }

  // ---------------------------------------------------------------- any other country

  /**
   * A tax id of a country without a rule here: 4 to 20 letters and digits, kept as written
   * (compacted). With {@code stripVatPrefix}, an EU VAT number's own prefix ({@code DE} in
   * {@code DE123456789}) is dropped so the VAT and the national number are one value, as in Spain.
   */
  static String other(String country, String s, boolean stripVatPrefix) {
    String vat = EuVat.prefixOf(country);
    if (stripVatPrefix && vat != null && s.startsWith(vat) && s.length() > 2) {
      s = s.substring(2);
    }
    int n = s.length();
    if (n < 4 || n > 20) {
      return MALFORMED;
    }
    for (int i = 0; i < n; i++) {
      if (!isLetter(s.charAt(i)) && !isDigit(s.charAt(i))) {
        return MALFORMED;
      }
    }
    return s;
  }

  /** The EU VAT prefixes: ISO 3166 codes, but Greece writes EL and Northern Ireland XI. */
  static final class EuVat {
    private static final Set<String> MEMBERS = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK",
        "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL",
        "PT", "RO", "SE", "SI", "SK");

    private EuVat() {}

    /** The VAT prefix of an ISO country, or null if it is not an EU member. */
    static String prefixOf(String country) {
      return country.equals("GR") ? "EL" : MEMBERS.contains(country) ? country : null;
    }

    /** The ISO country of a VAT prefix ({@code EL} is Greece, {@code XI} the UK), or null. */
    static String countryOf(String prefix) {
      return switch (prefix) {
        case "EL" -> "GR";
        case "XI" -> "GB";
        case "GR" -> null; // Greece's VAT prefix is EL; GR is no VAT prefix
        default -> MEMBERS.contains(prefix) ? prefix : null;
      };
    }
  }

  private static String stripZeros(String digits) {
    int i = 0;
    while (i < digits.length() && digits.charAt(i) == '0') {
      i++;
    }
    return digits.substring(i);
  }

  private static boolean allDigits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isLetter(char c) {
    return c >= 'A' && c <= 'Z';
  }
}
