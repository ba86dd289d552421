package dev.omniid.datagen;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A second implementation of the check-digit rules, written in the test from the specifications
 * (AEAT's NIF/CIF, SAT's RFC Anexo 3, AFIP's CUIT, DIAN's NIT, SII's RUT), to check
 * {@link TaxIdDigits} and the generated tax ids against something it did not write.
 */
final class TaxIdCheck {
  private TaxIdCheck() {}

  /** The compact number of a written tax id: separators and spaces out, upper case, the ES/AR prefix off. */
  static String compact(String written, String country) {
    String s = written.replaceAll("[\\s.\\-]", "").toUpperCase(Locale.ROOT);
    if ((country.equals("ES") && s.startsWith("ES") && s.length() == 11)
        || (country.equals("AR") && s.startsWith("AR"))) {
      s = s.substring(2);
    }
    return s;
  }

  /** Whether a compact tax id of {@code country} has a correct check digit. */
  static boolean valid(String s, String country) {
    return switch (country) {
      case "ES" -> Character.isDigit(s.charAt(0)) ? dniValid(s) : cifValid(s);
      case "MX" -> rfcValid(s);
      case "AR" -> cuitValid(s);
      case "CO" -> nitValid(s);
      case "CL" -> rutValid(s);
      default -> s.matches("\\d{9}");
    };
  }

  static boolean dniValid(String s) {
    if (!s.matches("\\d{8}[A-Z]")) {
      return false;
    }
    return "TRWAGMYFPDXBNJZSQVHLCKE".charAt(Integer.parseInt(s.substring(0, 8)) % 23) == s.charAt(8);
  }

  static boolean cifValid(String s) {
    if (!s.matches("[ABCDEFGHJNPQRSUVW]\\d{7}[0-9A-J]")) {
      return false;
    }
    int even = 0;
    int odd = 0;
    for (int position = 1; position <= 7; position++) {
      int d = s.charAt(position) - '0';
      if (position % 2 == 0) {
        even += d;
      } else {
        int twice = d * 2;
        odd += twice > 9 ? twice - 9 : twice;
      }
    }
    int units = (even + odd) % 10;
    int control = units == 0 ? 0 : 10 - units;
    char last = s.charAt(8);
    return Character.isDigit(last) ? last - '0' == control : "JABCDEFGHI".indexOf(last) == control;
  }

  private static final Map<Character, Integer> RFC_VALUES = new HashMap<>();

  static {
    for (char c = '0'; c <= '9'; c++) {
      RFC_VALUES.put(c, c - '0');
    }
    int v = 10;
    for (char c = 'A'; c <= 'N'; c++) {
      RFC_VALUES.put(c, v++);
    }
    RFC_VALUES.put('&', v++);
    for (char c = 'O'; c <= 'Z'; c++) {
      RFC_VALUES.put(c, v++);
    }
    RFC_VALUES.put(' ', 37);
    RFC_VALUES.put('Ñ', 38);
  }

  static boolean rfcValid(String s) {
    if (!s.matches("[A-ZÑ&]{3,4}\\d{6}[A-Z0-9]{2}[0-9A]")) {
      return false;
    }
    String twelve = s.length() == 12 ? " " + s.substring(0, 11) : s.substring(0, 12);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      sum += RFC_VALUES.get(twelve.charAt(i)) * (13 - i);
    }
    int digit = (11 - sum % 11) % 11;
    char expected = digit == 10 ? 'A' : (char) ('0' + digit);
    return s.charAt(s.length() - 1) == expected;
  }

  static boolean cuitValid(String s) {
    if (!s.matches("(20|23|24|27|30|33|34)\\d{9}")) {
      return false;
    }
    String weights = "5432765432";
    int sum = 0;
    for (int i = 0; i < 10; i++) {
      sum += (s.charAt(i) - '0') * (weights.charAt(i) - '0');
    }
    int digit = (11 - sum % 11) % 11;
    return s.charAt(10) - '0' == (digit == 10 ? 9 : digit);
  }

  static boolean nitValid(String s) {
    if (!s.matches("\\d{6,16}")) {
      return false;
    }
    int[] primes = {3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71};
    String body = s.substring(0, s.length() - 1);
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      sum += (body.charAt(body.length() - 1 - i) - '0') * primes[i];
    }
    int rest = sum % 11;
    return s.charAt(s.length() - 1) - '0' == (rest > 1 ? 11 - rest : rest);
  }

  static boolean rutValid(String s) {
    if (!s.matches("\\d{1,9}[0-9K]")) {
      return false;
    }
    String body = s.substring(0, s.length() - 1);
    int sum = 0;
    int weight = 2;
    for (int i = body.length() - 1; i >= 0; i--) {
      sum += (body.charAt(i) - '0') * weight;
      weight = weight == 7 ? 2 : weight + 1;
    }
    int digit = 11 - sum % 11;
    char expected = digit == 11 ? '0' : digit == 10 ? 'K' : (char) ('0' + digit);
    return s.charAt(s.length() - 1) == expected;
  }
}
