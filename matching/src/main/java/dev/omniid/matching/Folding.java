package dev.omniid.matching;

import java.text.Normalizer.Form;
import java.util.Locale;

/**
 * Unicode folding shared by the person-attribute normalizers: lower case, accents stripped, a few
 * letters that do not decompose spelled out in ASCII. Stateless and thread-safe.
 *
 * <p>German umlauts follow the ICAO 9303 transliteration used on passports ({@code ä ö ü} become
 * {@code ae oe ue}), so "Müller" and "Mueller" fold to the same value. The Spanish diaeresis is the
 * exception: {@code ü} between {@code g} and {@code e}/{@code i} ("Argüelles", "Güiraldes") only
 * marks a sounded {@code u} and folds to a plain {@code u}. Other diaereses ({@code ë ï ÿ}) and all
 * other accents are dropped ("José" = "Jose", "Núñez" = "Nunez", "Noël" = "Noel").
 */
final class Folding {
  private Folding() {}

  /**
   * Folds {@code value}; characters that are neither letters nor marks (digits, punctuation,
   * spaces) are kept as they are for the caller to tokenize.
   */
  static String fold(String value) {
    if (isPlainAscii(value)) {
      // NFKC and NFKD leave printable ASCII as it is and it holds no mark, umlaut or letter to
      // spell out: folding is lower-casing. Most names are such, and the two normalizations were
      // most of what folding them cost.
      return value.toLowerCase(Locale.ROOT);
    }
    return foldUnicode(value);
  }

  /** {@link #fold} the long way, for any text: what the ASCII shortcut must equal. */
  static String foldUnicode(String value) {
    String composed = java.text.Normalizer.normalize(value, Form.NFKC).toLowerCase(Locale.ROOT);
    StringBuilder spelled = new StringBuilder(composed.length() + 8);
    for (int i = 0; i < composed.length(); i++) {
      char c = composed.charAt(i);
      switch (c) {
        case 'ä' -> spelled.append("ae");
        case 'ö' -> spelled.append("oe");
        case 'ü' -> spelled.append(isSpanishDiaeresis(composed, i) ? "u" : "ue");
        default -> spelled.append(c);
      }
    }
    // Compatibility decomposition may yield upper-case letters (e.g. from letter-like symbols),
    // so lower-case again before the marks are dropped.
    String decomposed =
        java.text.Normalizer.normalize(spelled, Form.NFKD).toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      int type = Character.getType(c);
      if (type == Character.NON_SPACING_MARK
          || type == Character.ENCLOSING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.FORMAT) {
        continue;
      }
      switch (c) {
        case 'ß' -> out.append("ss");
        case 'ø' -> out.append('o');
        case 'æ' -> out.append("ae");
        case 'œ' -> out.append("oe");
        case 'đ', 'ð' -> out.append('d');
        case 'ł' -> out.append('l');
        case 'ı' -> out.append('i');
        case 'þ' -> out.append("th");
        case 'ħ' -> out.append('h');
        case 'ŀ' -> out.append('l');
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** Whether every char is printable ASCII or a space ({@code ' '} to {@code '~'}). */
  static boolean isPlainAscii(String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < ' ' || c > '~') {
        return false;
      }
    }
    return true;
  }

  private static boolean isSpanishDiaeresis(String s, int i) {
    if (i == 0 || i + 1 >= s.length() || s.charAt(i - 1) != 'g') {
      return false;
    }
    char next = s.charAt(i + 1);
    return next == 'e' || next == 'i' || next == 'é' || next == 'í';
  }

  /** True for the ASCII letters a-z. */
  static boolean isAsciiLetter(char c) {
    return c >= 'a' && c <= 'z';
  }

  /**
   * Splits folded text into tokens of the code points {@code keep} accepts; any other code point
   * ends a token, except those {@code within} accepts, which are dropped without splitting
   * ("o'brien" stays one token when apostrophes are {@code within}).
   */
  static java.util.List<String> tokens(String folded, java.util.function.IntPredicate keep,
      java.util.function.IntPredicate within) {
    java.util.List<String> tokens = new java.util.ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (keep.test(cp)) {
        current.appendCodePoint(cp);
      } else if (!within.test(cp) && current.length() > 0) {
        tokens.add(current.toString());
        current.setLength(0);
      }
    }
    if (current.length() > 0) {
      tokens.add(current.toString());
    }
    return tokens;
  }
}
