package dev.omniid.matching;

/**
 * Jaro-Winkler similarity, the same number as Commons Text's {@code JaroWinklerSimilarity} (1.15)
 * for every pair of strings, without its allocations: Commons Text boxes each character it compares
 * and allocates five arrays per call, which made it most of a fuzzy resolve's garbage. Strings of
 * up to 64 characters (every real name or street token) keep their match flags in two {@code long}
 * masks and, when Latin-1, find each match in a per-thread table of where each character stands
 * in the longer string; others scan, and longer ones fall back to arrays. Thread-safe: the only
 * state is the per-thread table, all zero between calls.
 *
 * <p>Symmetric, to the bit: {@code similarity(a, b) == similarity(b, a)}, so a caller grades a pair
 * once, in either order. Commons Text scans the shorter string (the first of two of equal length)
 * and lets each character take the first free equal character within the window of the other,
 * whose width depends on the longer length alone. Matches pair equal characters only, so take one
 * character at a time, with its positions p1 < p2 < ... in one string and q1 < q2 < ... in the
 * other. Scanning the p's in order, each takes the first free q within the window: that is the
 * merge of the two sorted lists that pairs the heads when they are within the window and
 * otherwise drops the head that is too far behind, and that merge is the same whichever list is
 * scanned. So both orders match the same positions, count the same matches and transpositions
 * (the matched characters of each side in order, compared pairwise), and read the same common
 * prefix; the three terms are added in one order or the other (IEEE addition is commutative).
 * {@code JaroWinklerPropertiesTest} checks it against Commons Text in both orders, exhaustively on
 * short strings of a small alphabet (where ties are most common) and on random ones.
 */
final class JaroWinkler {
  private JaroWinkler() {}

  /**
   * The Jaro-Winkler similarity of {@code first} and {@code second}, in [0, 1], with the prefix
   * scale 0.1 and a prefix of at most 4 characters; bit for bit Commons Text's result, and the
   * same in either order.
   */
  static double similarity(String first, String second) {
    return similarity(first, 0, first.length(), second, 0, second.length());
  }

  /**
   * {@link #similarity(String, String)} of {@code first.substring(firstFrom, firstTo)} and
   * {@code second.substring(secondFrom, secondTo)}, without making the substrings.
   */
  static double similarity(String first, int firstFrom, int firstTo, String second,
      int secondFrom, int secondTo) {
    int firstLength = firstTo - firstFrom;
    int secondLength = secondTo - secondFrom;
    if (firstLength == secondLength
        && first.regionMatches(firstFrom, second, secondFrom, firstLength)) {
      return 1d;
    }
    String max;
    String min;
    int maxFrom;
    int minFrom;
    int maxLength;
    int minLength;
    if (firstLength > secondLength) {
      max = first;
      maxFrom = firstFrom;
      maxLength = firstLength;
      min = second;
      minFrom = secondFrom;
      minLength = secondLength;
    } else {
      max = second;
      maxFrom = secondFrom;
      maxLength = secondLength;
      min = first;
      minFrom = firstFrom;
      minLength = firstLength;
    }
    int matches;
    int transpositions;
    if (maxLength <= 64) {
      // Null when the longer string is not all Latin-1: then each window is scanned.
      long[] positions = positionsOf(max, maxFrom, maxLength);
      int range = Math.max(maxLength / 2 - 1, 0);
      long maxFlags = 0;
      long minFlags = 0;
      for (int mi = 0; mi < minLength; mi++) {
        char c = min.charAt(minFrom + mi);
        int from = Math.max(mi - range, 0);
        int to = Math.min(mi + range + 1, maxLength);
        int xi;
        if (positions != null) {
          // The free positions of c in the window: the lowest is the one the scan takes first.
          long free = c < LATIN_1 ? positions[c] & (-1L >>> (64 - to)) & (-1L << from) & ~maxFlags
              : 0;
          xi = free == 0 ? -1 : Long.numberOfTrailingZeros(free);
        } else {
          xi = firstFree(c, max, maxFrom, from, to, maxFlags);
        }
        if (xi >= 0) {
          maxFlags |= 1L << xi;
          minFlags |= 1L << mi;
        }
      }
      if (positions != null) {
        for (int i = 0; i < maxLength; i++) {
          positions[max.charAt(maxFrom + i)] = 0;
        }
      }
      matches = Long.bitCount(minFlags);
      transpositions = transpositions(min, minFrom, minFlags, max, maxFrom, maxFlags);
    } else {
      int[] counts = longMatches(min.substring(minFrom, minFrom + minLength),
          max.substring(maxFrom, maxFrom + maxLength));
      matches = counts[0];
      transpositions = counts[1];
    }
    if (matches == 0) {
      return 0d;
    }
    double m = matches;
    double j = (m / firstLength + m / secondLength + (m - transpositions / 2d) / m) / 3;
    return winkler(j, commonPrefix(first, firstFrom, second, secondFrom, minLength));
  }

  /** How many characters both start with, from their offsets: at most 4 and {@code most}. */
  private static int commonPrefix(String a, int aFrom, String b, int bFrom, int most) {
    int prefix = 0;
    while (prefix < Math.min(4, most) && a.charAt(aFrom + prefix) == b.charAt(bFrom + prefix)) {
      prefix++;
    }
    return prefix;
  }

  /**
   * The Jaro similarity {@code jaro} with Winkler's boost for a common prefix of {@code prefix}
   * characters (scale 0.1, from 0.7 up): one formula for the similarity and its bound.
   */
  private static double winkler(double jaro, int prefix) {
    return jaro < 0.7d ? jaro : jaro + 0.1d * prefix * (1d - jaro);
  }

  /**
   * The characters of {@code s} as a mask for {@link #certainlyBelow}: bit {@code c % 32} for each
   * character {@code c}. The letters {@code a} to {@code z} have a bit each; characters 32 apart
   * share one, which only loosens the bound.
   */
  static int letters(String s) {
    int mask = 0;
    for (int i = 0; i < s.length(); i++) {
      mask |= 1 << s.charAt(i);
    }
    return mask;
  }

  /**
   * Whether {@code similarity(a, b)} is certainly below {@code threshold}, told from the
   * characters of {@code a} and, of {@code b}, only its {@link #letters}, its length and whether
   * it starts with the character {@code a} starts with: a name matcher keeps these three of every
   * token, so that deciding a pair reads none of the other name's characters. Computing both
   * tokens' letters per comparison was 7 % of the samples of the CLI's 5 M rows (JFR); with the
   * letters kept, a comparison of two full names takes 0.53 us where it took 0.86 us
   * ({@code NameMatchBenchmark}, the two builds in turn).
   *
   * <p>A character of {@code a} whose bit {@code b} lacks matches nothing, so the matches are at
   * most those of {@code a}'s characters whose bit {@code b} has, and at most {@code b}'s length;
   * the transposition term is at most 1; the common prefix is at most 4 characters and none when
   * the first characters differ; and the Winkler boost grows with the Jaro similarity and the
   * prefix. False when it cannot tell (then compute). Most token pairs of two different names
   * share too few letters to come near a match band: deciding them so costs one short loop
   * instead of the matching.
   */
  static boolean certainlyBelow(String a, int lettersOfB, int lengthOfB, boolean sameFirst,
      double threshold) {
    int la = a.length();
    int lb = lengthOfB;
    if (la == 0 || lb == 0) {
      return false;
    }
    int fromA = la;
    for (int i = 0; i < la; i++) {
      fromA -= (~lettersOfB >>> a.charAt(i)) & 1;
    }
    double m = Math.min(fromA, lb);
    if (m == 0) {
      return threshold > 0;
    }
    int prefix = sameFirst ? Math.min(4, Math.min(la, lb)) : 0;
    double upper = winkler((m / la + m / lb + 1) / 3, prefix);
    // A margin far above rounding: the similarity sums its terms with other values.
    return upper < threshold - 1e-9;
  }

  /** Characters below this have a mask in {@link #POSITIONS}. */
  private static final int LATIN_1 = 256;

  /**
   * Per thread, for each Latin-1 character, the positions of the longer string that hold it, as a
   * mask; all zero between calls. With it each character of the shorter string finds its partner
   * with three mask operations, where the scan compared it with every character of its window:
   * Jaro-Winkler was the largest single cost of scoring a candidate (JFR, fuzzy resolve at 1 M).
   */
  private static final ThreadLocal<long[]> POSITIONS =
      ThreadLocal.withInitial(() -> new long[LATIN_1]);

  /**
   * The masks of {@code s[from, from + length)} in this thread's {@link #POSITIONS}, or null (and
   * the table left clean) when a character is not Latin-1: the caller then scans.
   */
  private static long[] positionsOf(String s, int from, int length) {
    long[] positions = POSITIONS.get();
    for (int i = 0; i < length; i++) {
      char c = s.charAt(from + i);
      if (c >= LATIN_1) {
        for (int k = 0; k < i; k++) {
          positions[s.charAt(from + k)] = 0;
        }
        return null;
      }
      positions[c] |= 1L << i;
    }
    return positions;
  }

  /**
   * The first position in {@code [from, to)} of {@code max} (read from {@code maxFrom}) that holds
   * {@code c} and is not in {@code taken}, or -1: Commons Text's scan of the window.
   */
  private static int firstFree(char c, String max, int maxFrom, int from, int to, long taken) {
    for (int xi = from; xi < to; xi++) {
      if ((taken & (1L << xi)) == 0 && c == max.charAt(maxFrom + xi)) {
        return xi;
      }
    }
    return -1;
  }

  /**
   * The transpositions as Commons Text counts them: the matched characters of each side in order,
   * compared pairwise.
   */
  private static int transpositions(String min, int minFrom, long minFlags, String max, int maxFrom,
      long maxFlags) {
    int transpositions = 0;
    long a = minFlags;
    long b = maxFlags;
    while (a != 0) {
      int i = Long.numberOfTrailingZeros(a);
      int j = Long.numberOfTrailingZeros(b);
      if (min.charAt(minFrom + i) != max.charAt(maxFrom + j)) {
        transpositions++;
      }
      a &= a - 1;
      b &= b - 1;
    }
    return transpositions;
  }

  /** Matches and transpositions of strings too long for the masks, as Commons Text counts them. */
  private static int[] longMatches(String min, String max) {
    int range = Math.max(max.length() / 2 - 1, 0);
    boolean[] minFlags = new boolean[min.length()];
    boolean[] maxFlags = new boolean[max.length()];
    int matches = 0;
    for (int mi = 0; mi < min.length(); mi++) {
      char c = min.charAt(mi);
      for (int xi = Math.max(mi - range, 0), xn = Math.min(mi + range + 1, max.length()); xi < xn; xi++) {
        if (!maxFlags[xi] && c == max.charAt(xi)) {
          maxFlags[xi] = true;
          minFlags[mi] = true;
          matches++;
          break;
        }
      }
    }
    int transpositions = 0;
    int j = 0;
    for (int i = 0; i < min.length(); i++) {
      if (minFlags[i]) {
        while (!maxFlags[j]) {
          j++;
        }
        if (min.charAt(i) != max.charAt(j)) {
          transpositions++;
        }
        j++;
      }
    }
    return new int[] {matches, transpositions};
  }
}
