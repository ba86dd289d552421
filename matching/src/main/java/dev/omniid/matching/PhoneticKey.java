package dev.omniid.matching;

import java.util.Objects;

/**
 * A phonetic blocking key for names that hears Spanish and English spellings alike: "Gonzalez",
 * "Gonsales" and "Gonzales" share a key, as do "Vazquez"/"Vasquez"/"Basquez",
 * "Jimenez"/"Gimenez"/"Ximenez", "Smith"/"Smyth" and "Catherine"/"Katherine".
 *
 * <p>Meant for finding candidates, not for deciding: a shared key says "compare these", never
 * "these match". Each token of the input is coded separately and the codes are joined by single
 * spaces. Per token, after the letters are read left to right:
 *
 * <ol>
 *   <li>{@code h} is silent, except in {@code ch}, {@code sh}, {@code ph}, {@code th}: {@code ch}
 *       and {@code sh} become one "ch" sound (code {@code x}), but {@code chr} is {@code kr};
 *       {@code ph → f}; {@code th → t}.
 *   <li>{@code b} and {@code v} are one sound ({@code b}).
 *   <li>{@code c} before {@code e i y}, {@code z} and {@code s} are one sound ({@code s});
 *       otherwise {@code c}, {@code k} and {@code q} (with its silent {@code u}) are {@code k}.
 *   <li>{@code g} before {@code e i y} and {@code j} are one sound ({@code j}); {@code gu} before
 *       {@code e i} is a hard {@code g}; a leading {@code x} is {@code j} (old Spanish spelling:
 *       Ximenez, Xavier), any other {@code x} is {@code ks}.
 *   <li>{@code ll} and a {@code y} before a vowel are one sound ({@code y}); any other {@code y}
 *       is the vowel {@code i}.
 *   <li>Vowels after the first sound are dropped, then runs of the same code collapse to one.
 * </ol>
 *
 * <p>Input is expected folded (as {@link NameNormalizer} leaves it); letters outside a-z are
 * kept as they are, anything that is not a letter separates tokens. A value without letters has
 * the empty key. Stateless and thread-safe.
 */
public final class PhoneticKey {
  private PhoneticKey() {}

  /**
   * Returns the phonetic key of a folded name; never null, empty when it has no letters.
   *
   * @param folded a name folded as {@link NameNormalizer} leaves it, not null
   * @return the key: equal for names that sound alike under the rules above, empty when the name
   *     has no letters
   */
  public static String of(String folded) {
    Objects.requireNonNull(folded, "folded");
    return RECENT.get(folded, PhoneticKey::compute);
  }

  /**
   * Keys computed lately: the default blocking keys ask for the same family and given names'
   * keys several times per touchpoint, and customer files repeat names.
   */
  private static final RecentResults RECENT = new RecentResults("phonetic keys");

  /** {@link #of} the long way, not remembered. */
  static String compute(String folded) {
    StringBuilder key = new StringBuilder(folded.length());
    StringBuilder token = new StringBuilder();
    for (int i = 0; i < folded.length(); ) {
      int cp = folded.codePointAt(i);
      i += Character.charCount(cp);
      if (Character.isLetter(cp)) {
        token.appendCodePoint(Character.toLowerCase(cp));
      } else if (token.length() > 0) {
        appendCode(key, token);
        token.setLength(0);
      }
    }
    if (token.length() > 0) {
      appendCode(key, token);
    }
    return key.toString();
  }

  private static void appendCode(StringBuilder key, CharSequence token) {
    if (key.length() > 0) {
      key.append(' ');
    }
    StringBuilder sounds = new StringBuilder(token.length() + 2);
    int n = token.length();
    for (int i = 0; i < n; i++) {
      char c = token.charAt(i);
      char next = i + 1 < n ? token.charAt(i + 1) : 0;
      char next2 = i + 2 < n ? token.charAt(i + 2) : 0;
      switch (c) {
        case 'a', 'e', 'i', 'o', 'u' -> sounds.append(c);
        case 'y' -> sounds.append(isVowel(next) ? 'y' : 'i');
        case 'b', 'v' -> sounds.append('b');
        case 'c' -> {
          if (next == 'h') {
            sounds.append(next2 == 'r' ? 'k' : 'x');
            i++;
          } else {
            sounds.append(next == 'e' || next == 'i' || next == 'y' ? 's' : 'k');
          }
        }
        case 'k' -> sounds.append('k');
        case 'q' -> {
          sounds.append('k');
          if (next == 'u') {
            i++;
          }
        }
        case 'z' -> sounds.append('s');
        case 's' -> {
          if (next == 'h') {
            sounds.append('x');
            i++;
          } else {
            sounds.append('s');
          }
        }
        case 'x' -> sounds.append(i == 0 ? "j" : "ks");
        case 'g' -> {
          if (next == 'e' || next == 'i' || next == 'y') {
            sounds.append('j');
          } else if (next == 'u' && (next2 == 'e' || next2 == 'i')) {
            sounds.append('g');
            i++;
          } else {
            sounds.append('g');
            if (next == 'h') {
              i++;
            }
          }
        }
        case 'l' -> {
          if (next == 'l') {
            sounds.append('y');
            i++;
          } else {
            sounds.append('l');
          }
        }
        case 'h' -> {
          // Silent.
        }
        case 'p' -> {
          if (next == 'h') {
            sounds.append('f');
            i++;
          } else {
            sounds.append('p');
          }
        }
        case 't' -> {
          sounds.append('t');
          if (next == 'h') {
            i++;
          }
        }
        default -> sounds.append(c);
      }
    }
    int start = key.length();
    char last = 0;
    for (int i = 0; i < sounds.length(); i++) {
      char c = sounds.charAt(i);
      boolean first = key.length() == start;
      if (!first && isVowel(c)) {
        continue;
      }
      if (c != last) {
        key.append(c);
        last = c;
      }
    }
    if (key.length() == start && start > 0) {
      // A token of silent letters only ("h"): keep the separator meaningful.
      key.setLength(start - 1);
    }
  }

  private static boolean isVowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  }
}
