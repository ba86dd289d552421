package dev.omniid.matching;

/**
 * Jaro-Winkler similarity, the same number as Commons Text's {@code JaroWinklerSimilarity} (1.15)
 * for every pair of strings, without its allocations: Commons Text boxes each character it compares
 * and allocates five arrays per call, which made it most of a fuzzy resolve's garbage. Strings of
 * up to 64 characters (every real name or street token) keep their match flags in two {@code long}
 * masks and, when Latin-1, find each match in a per-thread table of where each character stands
 * in the longer string; others scan, and longer ones fall back to arrays. The tie-break of Commons
 * Text is kept: of two strings of equal length the second is the one scanned, so the result may
 * differ with the order, exactly as Commons Text's does. Thread-safe: the only state is the
 * per-thread table, all zero between calls.
 */
final class JaroWinkler {
  private JaroWinkler() {}

  /**
   * The Jaro-Winkler similarity of {@code first} and {@code second}, in [0, 1], with the prefix
   * scale 0.1 and a prefix of at most 4 characters; bit for bit Commons Text's result.
   */
  static double similarity(String first, String second) {
    return similarity(first, 0, first.length(), second, 0, second.length());
  }

  /**
   * The smaller of {@code similarity(first, second)} and {@code similarity(second, first)}, what
   * the matchers grade (Commons Text's result is not symmetric), computing one of them when the
   * lengths differ: both orders then scan the shorter string against the longer, count the same
   * matches, transpositions and common prefix, and add the same three terms (IEEE addition is
   * commutative), so they are the same number to the bit. Only for strings of equal length, where
   * the second one is scanned, are both computed. The email matcher graded every candidate's
   * address by both orders: its Jaro-Winkler was a twentieth of a fuzzy resolve (JFR, 1 M warm).
   */
  static double lowerOfBothOrders(String first, String second) {
    return lowerOfBothOrders(first, first.length(), second, second.length());
  }

  /** {@link #lowerOfBothOrders(String, String)} of the prefixes {@code a[0, la)} and {@code b[0, lb)}. */
  static double lowerOfBothOrders(String a, int la, String b, int lb) {
    double ab = similarity(a, 0, la, b, 0, lb);
    return la != lb ? ab : Math.min(ab, similarity(b, 0, lb, a, 0, la));
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
    int prefix = 0;
    for (int i = 0; i < Math.min(4, minLength); i++) {
      if (first.charAt(firstFrom + i) != second.charAt(secondFrom + i)) {
        break;
      }
      prefix++;
    }
    double m = matches;
    double j = (m / firstLength + m / secondLength + (m - transpositions / 2d) / m) / 3;
    return j < 0.7d ? j : j + 0.1d * prefix * (1d - j);
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
