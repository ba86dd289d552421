package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Grades two street addresses normalized by {@link AddressNormalizer}, reading each as a street
 * name, a street type, house numbers and a unit (floor, door, apartment).
 *
 * <p>A value's tokens are split into: unit tokens (a unit marker such as {@code piso},
 * {@code puerta}, {@code apt} with the token after it, and floor words such as {@code bajo},
 * {@code izquierda}); street types ({@code calle}, {@code street}...); house numbers (the other
 * tokens that start with a digit); and street-name words (the rest). The street-name similarity
 * is a soft token-set Jaccard: tokens pair off when equal or, failing that, when their
 * Jaro-Winkler similarity is at least 0.85 (a pair counts its similarity), and the sum is divided
 * by the size of the union; it is computed both ways and averaged. One name contained in the
 * other scores 0.9 times the soft overlap (sum over the smaller size) when that is higher, so
 * "gran via" / "gran via madrid" is 0.9: enough for {@code MEDIUM}, not for {@code STRONG}.
 * Stop words ("de", "la", "the"...) are skipped; at most 32 tokens are read, and tokens longer
 * than 40 characters are compared for equality only.
 *
 * <ul>
 *   <li>{@code EXACT} — equal values.
 *   <li>{@code STRONG} — same house numbers, street-name similarity at least 0.92, units equal,
 *       given on one side only or one a part of the other ("piso 3" / "piso 3 puerta a"), street types equal or given on one side only: "calle mayor 5" /
 *       "mayor 5 piso 2", "avenida constitucion 12" / "avenida constitucon 12".
 *   <li>{@code MEDIUM} — same house numbers and a street-name similarity of at least 0.75, or the
 *       same street and number with a different unit ("calle mayor 5 piso 2" / "calle mayor 5
 *       piso 3") or a different street type ("calle mayor 5" / "plaza mayor 5").
 *   <li>{@code WEAK} — the same street name (similarity at least 0.92) with other house numbers.
 *   <li>{@code DIFFERENT} — anything else.
 * </ul>
 *
 * <p>Symmetric; never returns {@code MISSING}; never throws for non-null arguments. Stateless and
 * thread-safe.
 */
public final class AddressMatcher implements FieldMatcher {
  private static final AddressMatcher INSTANCE = new AddressMatcher();

  private static final double PAIR_SIMILARITY = 0.85;
  private static final double STRONG_NAME = 0.92;
  private static final double MEDIUM_NAME = 0.75;
  private static final double CONTAINED = 0.9;
  private static final int MAX_TOKENS = 32;

  private final AddressVocabulary vocabulary = AddressVocabulary.standard();

  private AddressMatcher() {}

  /**
   * Returns the address matcher (a shared stateless instance).
   *
   * @return the matcher, for a field whose values {@link AddressNormalizer#standard()}
   *     normalized; thread-safe
   */
  public static AddressMatcher standard() {
    return INSTANCE;
  }

  /** Grades how alike two normalized addresses are; see the class description for the levels. */
  @Override
  public ComparisonLevel compare(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    Parts x = parse(a);
    Parts y = parse(b);
    double similarity = similarity(x.name, y.name);
    boolean sameNumbers = x.numbers.equals(y.numbers);
    boolean unitsAgree = unitsAgree(x.unit, y.unit);
    boolean typesAgree =
        x.types.isEmpty() || y.types.isEmpty() || x.types.stream().anyMatch(y.types::contains);
    if (sameNumbers && similarity >= STRONG_NAME && unitsAgree && typesAgree) {
      return ComparisonLevel.STRONG;
    }
    if (sameNumbers && similarity >= MEDIUM_NAME) {
      return ComparisonLevel.MEDIUM;
    }
    if (similarity >= STRONG_NAME) {
      return ComparisonLevel.WEAK;
    }
    return ComparisonLevel.DIFFERENT;
  }

  /**
   * Units agree when either is absent or one holds the other in order: "piso 3" is a part of
   * "piso 3 puerta a", written without the door.
   */
  private static boolean unitsAgree(List<String> x, List<String> y) {
    List<String> shorter = x.size() <= y.size() ? x : y;
    List<String> longer = shorter == x ? y : x;
    return shorter.isEmpty() || java.util.Collections.indexOfSubList(longer, shorter) >= 0;
  }

  @Override
  public String toString() {
    return "AddressMatcher";
  }

  /**
   * A blocking key of a normalized address: its longest street-name word (the first of equally
   * long ones) and its first house number, as {@code "toledo|41"}; unit, street type and stop
   * words left out, so "Calle de Toledo 41, 2º B" and "C/ Toledo 41" give one key. Null when the
   * address has no street-name word or no house number.
   */
  String streetKey(String normalized) {
    Parts p = parse(normalized);
    if (p.numbers.isEmpty()) {
      return null;
    }
    String word = null;
    for (String t : p.name) {
      if (word == null || t.length() > word.length()) {
        word = t;
      }
    }
    return word == null ? null : word + "|" + p.numbers.get(0);
  }

  private record Parts(List<String> name, List<String> types, List<String> numbers, List<String> unit) {}

  private Parts parse(String value) {
    List<String> name = new ArrayList<>();
    List<String> types = new ArrayList<>();
    List<String> numbers = new ArrayList<>();
    List<String> unit = new ArrayList<>();
    String[] tokens = value.split(" ");
    int count = 0;
    for (int i = 0; i < tokens.length && count < MAX_TOKENS; i++) {
      String t = tokens[i];
      if (t.isEmpty()) {
        continue;
      }
      count++;
      AddressVocabulary.Kind kind = vocabulary.kind(t);
      if (kind == AddressVocabulary.Kind.UNIT) {
        unit.add(t);
        if (i + 1 < tokens.length && !tokens[i + 1].isEmpty() && vocabulary.kind(tokens[i + 1]) == null) {
          unit.add(tokens[++i]);
        }
      } else if (kind == AddressVocabulary.Kind.UNIT_WORD) {
        unit.add(t);
      } else if (kind == AddressVocabulary.Kind.STREET) {
        types.add(t);
      } else if (AddressNormalizer.isNumber(t)) {
        numbers.add(t);
      } else if (!vocabulary.stopwords.contains(t)) {
        name.add(t);
      }
    }
    return new Parts(name, types, numbers, unit);
  }

  /**
   * The street-name similarity: the larger of the soft Jaccard and 0.9 times the soft overlap
   * (matched weight over the smaller side), each averaged over both directions.
   */
  private static double similarity(List<String> x, List<String> y) {
    if (x.isEmpty() || y.isEmpty()) {
      return x.isEmpty() && y.isEmpty() ? 1.0 : 0.0;
    }
    double[] xy = softMatch(x, y);
    double[] yx = softMatch(y, x);
    double jaccard =
        (xy[0] / (x.size() + y.size() - xy[1]) + yx[0] / (x.size() + y.size() - yx[1])) / 2;
    double overlap = (xy[0] + yx[0]) / 2 / Math.min(x.size(), y.size());
    return Math.max(jaccard, CONTAINED * overlap);
  }

  /**
   * Pairs x's tokens with their best unused partner in y; returns the summed pair similarity and
   * the number of pairs.
   */
  private static double[] softMatch(List<String> x, List<String> y) {
    boolean[] used = new boolean[y.size()];
    double sum = 0;
    int pairs = 0;
    // Equal tokens first, so that a typo never steals an exact partner.
    boolean[] done = new boolean[x.size()];
    for (int i = 0; i < x.size(); i++) {
      int j = y.indexOf(x.get(i));
      while (j >= 0 && used[j]) {
        int next = y.subList(j + 1, y.size()).indexOf(x.get(i));
        j = next < 0 ? -1 : j + 1 + next;
      }
      if (j >= 0) {
        used[j] = true;
        done[i] = true;
        sum += 1;
        pairs++;
      }
    }
    for (int i = 0; i < x.size(); i++) {
      if (done[i]) {
        continue;
      }
      int best = -1;
      double bestScore = PAIR_SIMILARITY;
      for (int j = 0; j < y.size(); j++) {
        if (!used[j]
            && x.get(i).length() <= NameMatcher.MAX_FUZZY_LENGTH
            && y.get(j).length() <= NameMatcher.MAX_FUZZY_LENGTH) {
          double s = JaroWinkler.similarity(x.get(i), y.get(j));
          if (s >= bestScore) {
            bestScore = s;
            best = j;
          }
        }
      }
      if (best >= 0) {
        used[best] = true;
        sum += bestScore;
        pairs++;
      }
    }
    return new double[] {sum, pairs};
  }
}
