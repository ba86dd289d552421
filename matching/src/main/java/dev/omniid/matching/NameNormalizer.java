package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The normalizer for person names (given, family or full): folds the name to lower-case,
 * accent-free tokens separated by single spaces, without honorifics or surname particles.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Unicode folding: NFKC, lower case, accents and other combining marks dropped
 *       ("José" = "jose", "Núñez" = "nunez"); {@code ß → ss}, {@code ø → o}, {@code æ → ae},
 *       {@code œ → oe}, {@code ł → l}; German umlauts as on passports (ICAO 9303):
 *       {@code ä ö ü → ae oe ue}, so "Müller" and "Mueller" both become "mueller" — except the
 *       Spanish {@code güe/güi} ("Argüelles" → "arguelles"). A "Muller" typed without the umlaut
 *       is left to {@link NameMatcher}, which treats {@code ue}/{@code u} after a consonant as a
 *       strong variant. Letters of other scripts are kept, lower-cased.
 *   <li>Apostrophes join ("O'Brien" → "obrien", "D’Angelo" → "dangelo"); every other character
 *       that is not a letter (hyphens, dots, digits, commas) separates tokens, so "García-López"
 *       keeps both surnames as "garcia lopez".
 *   <li>Surname particles are dropped wherever they are, as long as a token of another kind is
 *       left: {@code de del la las los y da das dos di du van von der den}. "María del Carmen
 *       García y López" → "maria carmen garcia lopez", "De la Fuente" → "fuente". Vietnamese
 *       surnames such as "Do" or "Le" are deliberately not on the list.
 *   <li>Leading honorifics are dropped: {@code mr mrs ms mx miss dr dra sr sra srta prof lic ing
 *       dna} whenever a token follows them, and the ambiguous {@code don doña} only when at least
 *       two tokens follow ("Don José García" → "jose garcia", but "Don Johnson" stays).
 * </ol>
 *
 * <p>The result is idempotent. A value without any letter (or longer than {@value #MAX_LENGTH}
 * characters) is refused with an {@link OmniIdException} on field {@code name}, whose message
 * never contains the value. Instances are immutable and thread-safe.
 */
public final class NameNormalizer implements Normalizer {

  /** The longest raw name accepted, in chars. */
  public static final int MAX_LENGTH = 300;

  private static final NameNormalizer STANDARD = new NameNormalizer();

  private static final Set<String> HONORIFICS =
      Set.of(
          "mr", "mrs", "ms", "mx", "miss", "dr", "dra", "sr", "sra", "srta", "prof", "lic", "ing",
          "dna");
  private static final Set<String> AMBIGUOUS_HONORIFICS = Set.of("don", "dona");
  private static final Set<String> PARTICLES =
      Set.of(
          "de", "del", "la", "las", "los", "y", "da", "das", "dos", "di", "du", "van", "von", "der",
          "den");

  private NameNormalizer() {}

  /** Returns the standard name normalizer (a shared immutable instance). */
  public static NameNormalizer standard() {
    return STANDARD;
  }

  /**
   * Returns the folded, tokenized form of {@code value}.
   *
   * @throws OmniIdException with {@link Reason#INVALID_VALUE} if the value has no letter, or
   *     {@link Reason#TOO_LARGE} if it is longer than {@value #MAX_LENGTH} characters
   */
  @Override
  public String normalize(String value) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, "name", "is longer than " + MAX_LENGTH);
    }
    List<String> tokens = tokens(Folding.fold(value));
    // Particles first: dropping them can bring an honorific to the front, never the reverse.
    dropParticles(tokens);
    dropHonorifics(tokens);
    if (tokens.isEmpty()) {
      throw new OmniIdException(Reason.INVALID_VALUE, "name", "has no letters");
    }
    String normalized = String.join(" ", tokens);
    if (normalized.length() > MAX_LENGTH) {
      // Folding can lengthen a value ("ä" is "ae"): the bound holds for the form returned too,
      // or that form would be refused when normalized again (not idempotent).
      throw new OmniIdException(Reason.TOO_LARGE, "name", "is longer than " + MAX_LENGTH + " once folded");
    }
    return normalized;
  }

  /**
   * Folds without validation, for reference data such as nickname lists: the same tokens as
   * {@link #normalize} but never throws (no letters gives an empty string).
   */
  static String foldLenient(String value) {
    List<String> tokens = tokens(Folding.fold(value));
    dropParticles(tokens);
    dropHonorifics(tokens);
    return String.join(" ", tokens);
  }

  private static List<String> tokens(String folded) {
    return Folding.tokens(folded, Character::isLetter, NameNormalizer::isApostrophe);
  }


  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '’' || cp == '‘' || cp == '`' || cp == 'ʼ' || cp == '´';
  }

  private static void dropHonorifics(List<String> tokens) {
    while (tokens.size() > 1) {
      String first = tokens.get(0);
      boolean drop =
          HONORIFICS.contains(first)
              || (AMBIGUOUS_HONORIFICS.contains(first) && tokens.size() >= 3);
      if (!drop) {
        return;
      }
      tokens.remove(0);
    }
  }

  private static void dropParticles(List<String> tokens) {
    boolean hasOther = false;
    for (String t : tokens) {
      if (!PARTICLES.contains(t)) {
        hasOther = true;
        break;
      }
    }
    if (hasOther) {
      tokens.removeIf(PARTICLES::contains);
    }
  }
}
