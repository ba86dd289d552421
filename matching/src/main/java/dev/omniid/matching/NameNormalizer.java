package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

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
 *   <li>Generational suffixes are dropped from every position but the first, as long as a token
 *       is left: {@code jr junior sr senior ii iii iv hijo padre}, and an Argentine {@code (h)}
 *       (hijo, only in parentheses: a bare {@code h} is an initial). "Juan García Jr." and "Juan
 *       García Sr." both become "juan garcia": the names are the same; what tells the two men
 *       apart is the suffix, which {@link #generationalSuffix} reads for the person rule
 *       ({@link PersonRules}). A lone {@code I} is kept: at the end of a name it is far more often
 *       a middle initial than "the First".
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

  /** Suffix tokens and the canonical generation they name. */
  private static final Map<String, String> SUFFIXES =
      Map.of(
          "jr", "JR", "junior", "JR", "hijo", "JR", "sr", "SR", "senior", "SR", "padre", "SR",
          "ii", "II", "iii", "III", "iv", "IV");
  /** "(h)" or "(h.)": the Argentine and Uruguayan mark of a son named after his father. */
  private static final Pattern HIJO_MARK = Pattern.compile("\\(\\s*[hH]\\s*\\.?\\s*\\)");

  /**
   * What was read lately off each raw name: its normalized form, its given-name form and its
   * generational suffix, each when first asked for, in one entry. A fuzzy resolve asks for all
   * three of a touchpoint's given name (the person rule its given-name form and suffix, the
   * blocking keys and the match field its normalized form) and for two of its family name; kept
   * in three caches, each first look-up of a value not read lately cost its own cache misses.
   * A refused part is not kept (its exception carries no value and is cheap to find again); the
   * entry stays without it. Shared by the one instance and the static {@link #generationalSuffix}.
   */
  private static final Cache<String, Reading> READINGS = ValueCaches.newCache("name readings");

  /**
   * The parts of one raw name read so far; null until read. Written racily: each part is a pure
   * function of the name, so two threads write equal strings, and a string seen is whole (its
   * fields are final); a part read as null is read again.
   */
  private static final class Reading {
    String normalized;
    String given;
    String suffix;
  }

  private static Reading reading(String value) {
    return READINGS.get(value, v -> new Reading());
  }

  private NameNormalizer() {}

  /**
   * Returns the standard name normalizer (a shared immutable instance).
   *
   * @return the normalizer, thread-safe; pair it with {@link NameMatcher}
   */
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
    return normalize(value, false);
  }

  /**
   * As {@link #normalize}, but a particle that ends a given name is kept: particles introduce the
   * name after them ("María de los Ángeles"), so one that ends a given name is the tail of the
   * name before it, cut off by a slipped space ("Luc y" for Lucy, "Glen da" for Glenda), which
   * the person rule must still see.
   */
  String normalizeGivenName(String value) {
    return normalize(value, true);
  }

  private String normalize(String value, boolean keepTrailingParticle) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, "name", "is longer than " + MAX_LENGTH);
    }
    Reading r = reading(value);
    String known = keepTrailingParticle ? r.given : r.normalized;
    if (known == null) {
      known = compute(value, keepTrailingParticle);
      if (keepTrailingParticle) {
        r.given = known;
      } else {
        r.normalized = known;
      }
    }
    return known;
  }

  static String compute(String value, boolean keepTrailingParticle) {
    List<String> tokens = tokens(Folding.fold(stripHijoMark(value)));
    // Particles first: dropping them can bring an honorific to the front, never the reverse.
    String trailing = keepTrailingParticle && tokens.size() > 1
        && PARTICLES.contains(tokens.get(tokens.size() - 1)) ? tokens.remove(tokens.size() - 1) : null;
    dropParticles(tokens);
    if (trailing != null) {
      tokens.add(trailing);
    }
    dropHonorifics(tokens);
    dropSuffixes(tokens);
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
    List<String> tokens = tokens(Folding.fold(stripHijoMark(value)));
    dropParticles(tokens);
    dropHonorifics(tokens);
    dropSuffixes(tokens);
    return String.join(" ", tokens);
  }

  /**
   * The generational suffix a raw name carries, canonical: {@code JR} (Jr., Junior, hijo, (h)),
   * {@code SR} (Sr. after the name, Senior, padre), {@code II}, {@code III}, {@code IV}; or null
   * for none, for several different ones, or for a value {@link #normalize} would refuse (too
   * long). Never throws.
   *
   * @param rawName the name as the source wrote it, such as {@code "José Pérez (h)"}; null is
   *     accepted and has no suffix
   * @return {@code JR}, {@code SR}, {@code II}, {@code III} or {@code IV}; or null
   */
  public static String generationalSuffix(String rawName) {
    if (rawName == null || rawName.length() > MAX_LENGTH) {
      return null;
    }
    Reading r = reading(rawName);
    String suffix = r.suffix;
    if (suffix == null) {
      String found = readSuffix(rawName);
      suffix = found == null ? NO_SUFFIX : found;
      r.suffix = suffix;
    }
    return suffix.equals(NO_SUFFIX) ? null : suffix;
  }

  /** What a {@link Reading} keeps for no suffix (null there means not read yet). */
  private static final String NO_SUFFIX = "";

  static String readSuffix(String rawName) {
    String found = HIJO_MARK.matcher(rawName).find() ? "JR" : null;
    List<String> tokens = tokens(Folding.fold(rawName));
    dropParticles(tokens);
    dropHonorifics(tokens);
    for (int i = 1; i < tokens.size(); i++) {
      String suffix = SUFFIXES.get(tokens.get(i));
      if (suffix != null) {
        if (found != null && !found.equals(suffix)) {
          return null;
        }
        found = suffix;
      }
    }
    return found;
  }

  /**
   * Whether a raw name part is nothing but generational suffixes ("Sr.", "Jr", "padre", "III"):
   * the part after the comma of "Robert Miller, Sr." is not a given name. Never throws.
   */
  static boolean isOnlySuffixes(String rawPart) {
    if (rawPart == null || rawPart.length() > MAX_LENGTH) {
      return false;
    }
    List<String> tokens = tokens(Folding.fold(stripHijoMark(rawPart)));
    if (tokens.isEmpty()) {
      return HIJO_MARK.matcher(rawPart).find();
    }
    for (String t : tokens) {
      if (!SUFFIXES.containsKey(t)) {
        return false;
      }
    }
    return true;
  }

  private static String stripHijoMark(String value) {
    return value.indexOf('(') < 0 ? value : HIJO_MARK.matcher(value).replaceAll(" ");
  }

  /** Drops suffix tokens after the first token, keeping at least one token. */
  private static void dropSuffixes(List<String> tokens) {
    for (int i = tokens.size() - 1; i >= 1 && tokens.size() > 1; i--) {
      if (SUFFIXES.containsKey(tokens.get(i))) {
        tokens.remove(i);
      }
    }
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
