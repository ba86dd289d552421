package dev.omniid.matching;

import java.util.Random;

/**
 * Seeded generator of hostile strings for the property tests: any Unicode (lone and paired
 * surrogates, combining marks, format and bidi controls, fullwidth forms), ASCII control
 * characters and NUL, whitespace only, empty, values at and around a length cap and far beyond,
 * and realistic personal values lightly corrupted (so that the invalid ones are long enough for
 * the echo check to mean something).
 */
final class HostileStrings {
  private static final String[] REALISTIC = {
    "ana.perez+news@gmail.com", "\"Ana Pérez\" <Ana.Perez@Hotmail.ES>", "luis@correo.españa.es",
    "+34 612 34 56 78", "0034 612-345-678", "(415) 555-2671 ext. 12", "+54 9 11 1234-5678",
    "07/03/1985", "March 7th, 1985", "7 de marzo de 1985", "1985-03-07T10:00:00Z", "19850307",
    "María del Carmen García-López", "Dr. José O'Brien", "Müller", "Calle Mayor 5, 3ºB",
    "C/ Alcalá nº 42 2ª izq", "123 St Kilda Rd Apt 4", "08001", "C1425DKB", "12345-6789",
    "6f1ed002-ab5d-4a2f-9c3e-1b2c3d4e5f60", "{6F1ED002-AB5D-4A2F-9C3E-1B2C3D4E5F60}",
    "9774d56d682e549c", "GA1.2.1234567890.1700000000"
  };

  private HostileStrings() {}

  /** One hostile string; {@code cap} is the length bound of the code under test. */
  static String next(Random random, int cap) {
    return switch (random.nextInt(12)) {
      case 0 -> "";
      case 1 -> whitespace(random, 1 + random.nextInt(8));
      case 2 -> around(random, cap);
      case 3 -> repeat(random, 100_000 + random.nextInt(1000));
      case 4, 5 -> corrupt(random, REALISTIC[random.nextInt(REALISTIC.length)]);
      case 6 -> REALISTIC[random.nextInt(REALISTIC.length)];
      default -> mixed(random, random.nextInt(48));
    };
  }

  /** A string of {@code cap - 1}, {@code cap} or {@code cap + 1} characters (chars, not code points). */
  static String around(Random random, int cap) {
    int length = Math.max(0, cap - 1 + random.nextInt(3));
    String unit = switch (random.nextInt(5)) {
      case 0 -> "a";
      case 1 -> "7";
      case 2 -> "ä";     // folds to two letters
      case 3 -> "\uFDFA"; // NFKC expands to 18 characters
      default -> "İ";    // lower-cases to two chars
    };
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      s.append(unit);
    }
    s.setLength(length);
    return s.toString();
  }

  private static String repeat(Random random, int length) {
    StringBuilder s = new StringBuilder(length);
    while (s.length() < length) {
      s.append(REALISTIC[random.nextInt(REALISTIC.length)]).append(' ');
    }
    s.setLength(length);
    return s.toString();
  }

  private static String pick(Random random, String chars) {
    return String.valueOf(chars.charAt(random.nextInt(chars.length())));
  }

  private static String whitespace(Random random, int length) {
    String spaces = " \t\n\r\u000B\f\u001C\u2028\u3000\u2003";
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(spaces.charAt(random.nextInt(spaces.length())));
    }
    return s.toString();
  }

  /** Inserts, replaces or deletes a few characters of {@code value} with hostile ones. */
  static String corrupt(Random random, String value) {
    StringBuilder s = new StringBuilder(value);
    int edits = 1 + random.nextInt(3);
    for (int e = 0; e < edits; e++) {
      int at = s.length() == 0 ? 0 : random.nextInt(s.length());
      switch (random.nextInt(3)) {
        case 0 -> s.insert(at, hostileChar(random));
        case 1 -> {
          if (s.length() > 0) {
            s.replace(at, at + 1, hostileChar(random));
          }
        }
        default -> {
          if (s.length() > 0) {
            s.deleteCharAt(at);
          }
        }
      }
    }
    return s.toString();
  }

  static String mixed(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      s.append(hostileChar(random));
    }
    return s.toString();
  }

  /** One hostile character or short sequence. */
  static String hostileChar(Random random) {
    return switch (random.nextInt(14)) {
      case 0 -> String.valueOf((char) random.nextInt(0x20));            // C0 controls, NUL
      case 1 -> String.valueOf((char) (0x7F + random.nextInt(0x21)));    // DEL, C1 controls
      case 2 -> String.valueOf((char) (0xD800 + random.nextInt(0x800))); // a lone surrogate
      case 3 -> new String(Character.toChars(0x10000 + random.nextInt(0x100000)));
      case 4 -> String.valueOf((char) (0x0300 + random.nextInt(0x70)));  // combining marks
      case 5 -> pick(random, "\u200B\u200C\u200D\u200E\u200F\u202A\u202E\u2066\uFEFF\u00AD"); // format, bidi
      case 6 -> String.valueOf((char) (0xFF01 + random.nextInt(0x5E)));  // fullwidth forms
      case 7 -> String.valueOf((char) random.nextInt(0x10000));
      case 8 -> pick(random, "@.+-_<>\"'()/:º°ª#,;");
      case 9 -> String.valueOf((char) ('0' + random.nextInt(10)));
      case 10 -> pick(random, "٣۷߂०১੩௫෴๙༣"); // non-ASCII digits
      case 11 -> pick(random, "ßøæœđłıþħŀäöüéñİ");
      default -> String.valueOf((char) ('a' + random.nextInt(26)));
    };
  }
}
