package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The normalizer for street addresses (the street line, optionally with floor and door): folds
 * the address to lower-case tokens with street types and unit markers in one canonical form.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Spanish marks that need the raw characters: {@code C/} → {@code calle}; {@code Nº},
 *       {@code N°} (number) dropped; {@code Pº} → {@code paseo}; {@code s/n} → {@code sn};
 *       {@code 3º}/{@code 2ª} → {@code piso 3}/{@code piso 2}; {@code 3ºB} → {@code piso 3 puerta
 *       b}.
 *   <li>Unicode folding as for names (lower case, accents dropped, {@code ß → ss}); every
 *       character that is not a letter or a digit separates tokens ({@code #}, dots, commas,
 *       hyphens, slashes).
 *   <li>Number markers ({@code no}, {@code num}, {@code nro}, {@code n}...) are dropped before a
 *       number: "nº 5", "No. 5", "num. 5" and "# 5" all leave "5".
 *   <li>Every token is looked up in {@code dev/omniid/matching/address-abbreviations.txt} and
 *       replaced by its canonical form: {@code St./Street → street}, {@code Ave/Av./Avenue/Avda.
 *       /Avenida → avenida} (English avenue and Spanish avenida share one form because they share
 *       the abbreviation "Av."), {@code Calle/Cl. → calle}, {@code Pza. → plaza}, {@code Ctra. →
 *       carretera}, {@code Rd → road}, {@code Blvd → boulevard}, {@code Ln → lane}, {@code apt,
 *       apto, dpto, unit, flat, suite → apt}, {@code planta, floor → piso}, {@code pta, door →
 *       puerta}, {@code izq → izquierda}, {@code dcha → derecha}... A leading {@code c} is
 *       {@code calle}; {@code st} and {@code dr} after a street name are {@code street} and
 *       {@code drive}, elsewhere {@code saint} and {@code doctor} ("St Kilda Rd", "Calle Dr.
 *       Fleming"); {@code pl} before a number is {@code piso}, elsewhere {@code plaza}.
 *   <li>A unit marker repeated at once ("piso 3º" → "piso piso 3") is kept once.
 *   <li>The token right after the house number is a floor and door when shaped like one: {@code
 *       3A} or {@code 3 A} → {@code piso 3 puerta a}, so "Calle Mayor 12, 3º A", "3º-A", "3ºA",
 *       "3 A", "3A" and "piso 3 puerta A" all read the same; a number and a floor word after it
 *       is a floor too ("33 5 dcha" → {@code 33 piso 5 derecha}, as "33, 5º dcha"). A bare
 *       number ("12 14", a range) or a letter alone ("12 B", the house number 12B) is left.
 * </ol>
 *
 * <p>The result is idempotent. A value without letters or digits is refused with an {@link
 * OmniIdException} ({@link Reason#INVALID_VALUE}, field {@code address}); one longer than
 * {@value #MAX_LENGTH} characters with {@link Reason#TOO_LARGE}; messages never contain the
 * value. Immutable and thread-safe.
 */
public final class AddressNormalizer implements Normalizer {

  /** The longest raw address accepted, in chars. */
  public static final int MAX_LENGTH = 500;

  private static final String FIELD = "address";
  private static final AddressNormalizer STANDARD = new AddressNormalizer();

  private static final String START = "(?<![\\p{L}\\p{N}])";
  private static final Pattern CALLE_SLASH =
      Pattern.compile(START + "[cC]\\s*/", Pattern.UNICODE_CASE);
  private static final Pattern SIN_NUMERO =
      Pattern.compile(START + "[sS]\\s*/\\s*[nN](?![\\p{L}\\p{N}])");
  private static final Pattern NUMBER_SIGN = Pattern.compile(START + "[nN]\\s*[º°]");
  private static final Pattern PASEO = Pattern.compile(START + "[pP]\\s*[º°]");
  private static final Pattern FLOOR_DOOR =
      Pattern.compile("(\\d+)\\s*[º°ª]\\s*-?\\s*([a-zA-Z])(?![\\p{L}\\p{N}])");
  private static final Pattern FLOOR = Pattern.compile("(\\d+)\\s*[º°ª]");

  private final AddressVocabulary vocabulary;

  /** Addresses normalized lately (see {@link RecentResults}). */
  private final RecentResults recent = new RecentResults("addresses");

  private AddressNormalizer() {
    this.vocabulary = AddressVocabulary.standard();
  }

  /**
   * Returns the standard address normalizer (a shared immutable instance).
   *
   * @return the normalizer, thread-safe; pair it with {@link AddressMatcher#standard()}
   */
  public static AddressNormalizer standard() {
    return STANDARD;
  }

  /**
   * Returns the canonical tokens of an address, separated by single spaces.
   *
   * @throws OmniIdException with {@link Reason#INVALID_VALUE} if the value has no letter or
   *     digit, or {@link Reason#TOO_LARGE} if it is longer than {@value #MAX_LENGTH} characters
   */
  @Override
  public String normalize(String value) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, FIELD, "is longer than " + MAX_LENGTH);
    }
    return recent.get(value, this::compute);
  }

  /** {@link #normalize} of a value within the length bound, not remembered. */
  String compute(String value) {
    String marked = value;
    if (containsAny(marked, "/º°ª")) {
      marked = CALLE_SLASH.matcher(marked).replaceAll(" calle ");
      marked = SIN_NUMERO.matcher(marked).replaceAll(" sn ");
      marked = NUMBER_SIGN.matcher(marked).replaceAll(" ");
      marked = PASEO.matcher(marked).replaceAll(" paseo ");
      marked = FLOOR_DOOR.matcher(marked).replaceAll(" piso $1 puerta $2 ");
      marked = FLOOR.matcher(marked).replaceAll(" piso $1 ");
    }
    List<String> tokens = tokens(Folding.fold(marked));
    dropNumberMarkers(tokens);
    if (tokens.isEmpty()) {
      throw new OmniIdException(Reason.INVALID_VALUE, FIELD, "has no letters or digits");
    }
    String normalized = String.join(" ", floorAndDoor(canonicalize(tokens)));
    if (normalized.length() > MAX_LENGTH) {
      // Folding and spelled-out abbreviations lengthen a value: the bound holds for the form
      // returned too, or that form would be refused when normalized again (not idempotent).
      throw new OmniIdException(Reason.TOO_LARGE, FIELD, "is longer than " + MAX_LENGTH + " once normalized");
    }
    return normalized;
  }

  private static boolean containsAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static List<String> tokens(String folded) {
    return Folding.tokens(folded, Character::isLetterOrDigit, cp -> false);
  }


  static boolean isNumber(String token) {
    return Character.isDigit(token.codePointAt(0));
  }

  /** Right to left, so that "no no 5" loses both markers in one pass (idempotence). */
  private void dropNumberMarkers(List<String> tokens) {
    boolean nextIsNumber = false;
    for (int i = tokens.size() - 1; i >= 0; i--) {
      String t = tokens.get(i);
      if (nextIsNumber && vocabulary.numberMarkers.contains(t)) {
        tokens.remove(i);
        continue;
      }
      nextIsNumber = isNumber(t);
    }
  }

  private List<String> canonicalize(List<String> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    boolean numberSeen = false;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      String previous = i > 0 ? tokens.get(i - 1) : null;
      String form;
      AddressVocabulary.Positional afterName = vocabulary.afterName.get(t);
      AddressVocabulary.Positional beforeNumber = vocabulary.beforeNumber.get(t);
      if (i == 0 && t.equals("c") && next != null) {
        form = "calle";
      } else if (afterName != null) {
        boolean afterWord = previous != null && !isNumber(previous);
        boolean endsName =
            next == null
                || isNumber(next)
                || vocabulary.kind(vocabulary.canonical.getOrDefault(next, next))
                    == AddressVocabulary.Kind.UNIT
                || numberSeen;
        form = afterWord && endsName ? afterName.first() : afterName.otherwise();
      } else if (beforeNumber != null) {
        form = next != null && isNumber(next) ? beforeNumber.first() : beforeNumber.otherwise();
      } else {
        form = vocabulary.canonical.getOrDefault(t, t);
      }
      numberSeen |= isNumber(t);
      if (!out.isEmpty()
          && out.get(out.size() - 1).equals(form)
          && vocabulary.kind(form) == AddressVocabulary.Kind.UNIT) {
        continue;
      }
      out.add(form);
    }
    return out;
  }

  /**
   * Reads the token right after the house number as a Spanish floor and door when it has the
   * shape of one: "12 3a" and "12 3 a" become "12 piso 3 puerta a", like "12, 3º A". A bare
   * second number stays ("12 14" may be a range of house numbers), and so does a letter right
   * after the house number ("12 b" is number 12B).
   */
  private List<String> floorAndDoor(List<String> tokens) {
    int house = -1;
    for (int i = 0; i < tokens.size(); i++) {
      if (isNumber(tokens.get(i))) {
        boolean unitValue = i > 0 && vocabulary.kind(tokens.get(i - 1)) == AddressVocabulary.Kind.UNIT;
        if (!unitValue) {
          house = i;
        }
        break;
      }
    }
    int at = house + 1;
    if (house < 0 || at >= tokens.size()) {
      return tokens;
    }
    String next = tokens.get(at);
    String floor;
    String door;
    int consumed;
    if (isFloorWithDoor(next)) {
      floor = next.substring(0, next.length() - 1);
      door = next.substring(next.length() - 1);
      consumed = 1;
    } else if (isDigits(next) && at + 1 < tokens.size() && isDoorLetter(tokens.get(at + 1))) {
      floor = next;
      door = tokens.get(at + 1);
      consumed = 2;
    } else if (isDigits(next) && at + 1 < tokens.size()
        && vocabulary.kind(tokens.get(at + 1)) == AddressVocabulary.Kind.UNIT_WORD) {
      // "33 5 dcha": a floor and its side, as "33, 5º dcha" reads ("piso 5 derecha").
      List<String> out = new ArrayList<>(tokens.size() + 1);
      out.addAll(tokens.subList(0, at));
      out.add("piso");
      out.addAll(tokens.subList(at, tokens.size()));
      return out;
    } else {
      return tokens;
    }
    List<String> out = new ArrayList<>(tokens.size() + 2);
    out.addAll(tokens.subList(0, at));
    out.add("piso");
    out.add(floor);
    out.add("puerta");
    out.add(door);
    out.addAll(tokens.subList(at + consumed, tokens.size()));
    return out;
  }

  /** "3a": digits and one letter. */
  private static boolean isFloorWithDoor(String token) {
    int n = token.length();
    return n >= 2 && n <= 3 && isDigits(token.substring(0, n - 1)) && isDoorLetter(token.substring(n - 1));
  }

  /** One letter a-z, but not the Spanish conjunctions ("12 3 y 4"). */
  private static boolean isDoorLetter(String token) {
    return token.length() == 1 && Folding.isAsciiLetter(token.charAt(0))
        && token.charAt(0) != 'y' && token.charAt(0) != 'e';
  }

  private static boolean isDigits(String token) {
    if (token.isEmpty()) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return "AddressNormalizer";
  }
}
