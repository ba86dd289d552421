package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import java.util.Arrays;
import java.util.Objects;

/**
 * Grades two company names normalized by {@link CompanyNameNormalizer}: the core (the name's own
 * tokens, in any order) and the legal form are graded apart, then combined.
 *
 * <p>The core, token by token: equal tokens pair first; the rest pair when their Jaro-Winkler
 * similarity (Commons Text) is at least {@value #CLOSE_SIMILARITY} and both have at least five
 * letters and no digit ("garcia"/"garsia"; never "2010"/"2011", never "alfa"/"alta"). A token is
 * <em>generic</em> when it only names a kind of business ({@link CompanyNameNormalizer#isGeneric}:
 * "distribuciones", "hermanos", "grupo"); the others are distinctive. Relations, strongest first:
 * <ul>
 *   <li><b>same</b> — the same tokens;
 *   <li><b>close</b> — every token pairs, some only as close: a typo;
 *   <li><b>generic extra</b> — every token of one core pairs, it has a distinctive token, and the
 *       other's unpaired tokens are all generic: "García Hnos."/"Distribuciones García Hnos.";
 *   <li><b>shared</b> — some distinctive token pairs: "García Hnos."/"García e Hijos",
 *       "Acme"/"Acme Foods";
 *   <li><b>none</b> — nothing distinctive pairs: "Distribuciones Norte"/"Distribuciones Sur".
 * </ul>
 *
 * <p>The legal forms are the <b>same</b> form; <b>compatible</b> (one family, such as S.A. and
 * S.A. de C.V., S.L. and S.L.U., Inc. and Corp.; or one side or both without a form); or in
 * <b>conflict</b> (different {@link LegalForm.Family families}: S.L. and S.A., Inc. and LLC).
 *
 * <table>
 *   <caption>Levels by core and legal form</caption>
 *   <tr><th>core</th><th>same form</th><th>compatible</th><th>conflict</th></tr>
 *   <tr><td>same</td><td>EXACT</td><td>STRONG</td><td>MEDIUM</td></tr>
 *   <tr><td>close, generic extra</td><td>MEDIUM</td><td>MEDIUM</td><td>WEAK</td></tr>
 *   <tr><td>shared</td><td>WEAK</td><td>WEAK</td><td>DIFFERENT</td></tr>
 *   <tr><td>none</td><td>DIFFERENT</td><td>DIFFERENT</td><td>DIFFERENT</td></tr>
 * </table>
 *
 * <p>So a company and its namesake of another family ("Acme Inc." and "Acme LLC", "García S.L."
 * and "García S.A.") agree at {@code MEDIUM}, a level the model weighs below the same name with a
 * compatible form; it is not a merge by itself. "García Hnos. S.L." and "García e Hijos S.L." are
 * only {@code WEAK}: brothers and sons are different partnerships, and only the surname agrees
 * (as "jose garcia"/"maria garcia" is {@code WEAK} for person names).
 *
 * <p>At most {@value #MAX_TOKENS} core tokens of each value are compared; tokens longer than 40
 * characters only for equality. Symmetric by construction (the relations and the families are
 * symmetric, and the close pairs are found in a fixed order from the smaller similarity of both
 * directions). Never returns {@code MISSING}, never throws for non-null arguments. Immutable and
 * thread-safe.
 */
public final class CompanyNameMatcher implements FieldMatcher {

  /** The number of core tokens of each value that are compared; later tokens are ignored. */
  public static final int MAX_TOKENS = 12;

  /** The Jaro-Winkler similarity from which two distinctive tokens are one word mistyped. */
  public static final double CLOSE_SIMILARITY = 0.92;

  private static final int MIN_FUZZY_LENGTH = 5;
  private static final int MAX_FUZZY_LENGTH = 40;
  private static final CompanyNameMatcher STANDARD = new CompanyNameMatcher();

  private enum Core { SAME, CLOSE, GENERIC_EXTRA, SHARED, NONE }

  private enum Forms { SAME, COMPATIBLE, CONFLICT }

  private CompanyNameMatcher() {}

  /**
   * Returns the company-name matcher (a shared immutable instance).
   *
   * @return the matcher, thread-safe, for names as {@link CompanyNameNormalizer} gives them
   */
  public static CompanyNameMatcher standard() {
    return STANDARD;
  }

  /** Grades how alike two normalized company names are; see the class description. */
  @Override
  public ComparisonLevel compare(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    Reading x = Reading.of(a);
    Reading y = Reading.of(b);
    Core core = core(x.core, y.core);
    Forms forms = forms(x.form, y.form);
    ComparisonLevel level = switch (core) {
      case SAME -> switch (forms) {
        case SAME -> ComparisonLevel.EXACT;
        case COMPATIBLE -> ComparisonLevel.STRONG;
        case CONFLICT -> ComparisonLevel.MEDIUM;
      };
      case CLOSE, GENERIC_EXTRA ->
          forms == Forms.CONFLICT ? ComparisonLevel.WEAK : ComparisonLevel.MEDIUM;
      case SHARED -> forms == Forms.CONFLICT ? ComparisonLevel.DIFFERENT : ComparisonLevel.WEAK;
      case NONE -> ComparisonLevel.DIFFERENT;
    };
    // Distinct strings are never EXACT (values outside the normalizer's range, such as unsorted
    // tokens, could otherwise be).
    return level == ComparisonLevel.EXACT ? ComparisonLevel.STRONG : level;
  }

  @Override
  public String toString() {
    return "CompanyNameMatcher";
  }

  private static Forms forms(LegalForm x, LegalForm y) {
    if (x == y) {
      return Forms.SAME;
    }
    if (x == null || y == null || x.compatibleWith(y)) {
      return Forms.COMPATIBLE;
    }
    return Forms.CONFLICT;
  }

  private static Core core(String[] x, String[] y) {
    if (Arrays.equals(x, y)) {
      return Core.SAME;
    }
    boolean[] px = new boolean[x.length];
    boolean[] py = new boolean[y.length];
    boolean distinctive = false;
    boolean close = false;
    // Equal tokens first, each used once (both sides are sorted, so a merge walk does it).
    for (int i = 0, j = 0; i < x.length && j < y.length; ) {
      int c = x[i].compareTo(y[j]);
      if (c == 0) {
        px[i++] = true;
        py[j++] = true;
        distinctive |= !CompanyNameNormalizer.isGeneric(x[i - 1]);
      } else if (c < 0) {
        i++;
      } else {
        j++;
      }
    }
    // Then typos: the closest remaining pair first, ties to the pair whose tokens come first in
    // sorted order, so the pairing does not depend on which side is x. Similarities are computed
    // once: Jaro-Winkler is the costly part.
    double[][] sim = null;
    for (int i = 0; i < x.length; i++) {
      if (px[i] || !fuzzy(x[i])) {
        continue;
      }
      for (int j = 0; j < y.length; j++) {
        if (!py[j] && fuzzy(y[j])) {
          if (sim == null) {
            sim = new double[x.length][y.length];
          }
          sim[i][j] = similarity(x[i], y[j]);
        }
      }
    }
    while (sim != null) {
      double best = CLOSE_SIMILARITY;
      int bi = -1;
      int bj = -1;
      for (int i = 0; i < x.length; i++) {
        if (px[i]) {
          continue;
        }
        for (int j = 0; j < y.length; j++) {
          double s = sim[i][j];
          if (py[j] || s < best) {
            continue;
          }
          if (s > best || bi < 0 || before(x[i], y[j], x[bi], y[bj])) {
            best = s;
            bi = i;
            bj = j;
          }
        }
      }
      if (bi < 0) {
        break;
      }
      px[bi] = true;
      py[bj] = true;
      close = true;
      distinctive |= !CompanyNameNormalizer.isGeneric(x[bi]) || !CompanyNameNormalizer.isGeneric(y[bj]);
    }
    boolean allX = all(px);
    boolean allY = all(py);
    if (allX && allY) {
      return close ? Core.CLOSE : Core.SAME;
    }
    if (distinctive && ((allX && onlyGenericLeft(y, py)) || (allY && onlyGenericLeft(x, px)))) {
      return Core.GENERIC_EXTRA;
    }
    return distinctive ? Core.SHARED : Core.NONE;
  }

  /** Whether the pair (a, b) comes before (c, d), each pair read as its two tokens sorted. */
  private static boolean before(String a, String b, String c, String d) {
    String lo1 = a.compareTo(b) <= 0 ? a : b;
    String hi1 = lo1 == a ? b : a;
    String lo2 = c.compareTo(d) <= 0 ? c : d;
    String hi2 = lo2 == c ? d : c;
    int k = lo1.compareTo(lo2);
    return k < 0 || (k == 0 && hi1.compareTo(hi2) < 0);
  }

  /** Jaro-Winkler, the same in either order ({@link JaroWinkler}). */
  private static double similarity(String a, String b) {
    return JaroWinkler.similarity(a, b);
  }

  private static boolean fuzzy(String token) {
    if (token.length() < MIN_FUZZY_LENGTH || token.length() > MAX_FUZZY_LENGTH) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (Character.isDigit(token.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean all(boolean[] paired) {
    for (boolean p : paired) {
      if (!p) {
        return false;
      }
    }
    return true;
  }

  private static boolean onlyGenericLeft(String[] tokens, boolean[] paired) {
    for (int i = 0; i < tokens.length; i++) {
      if (!paired[i] && !CompanyNameNormalizer.isGeneric(tokens[i])) {
        return false;
      }
    }
    return true;
  }

  /** A normalized name split into its sorted core and its legal form (null for none). */
  private record Reading(String[] core, LegalForm form) {
    static Reading of(String normalized) {
      String[] tokens = Arrays.stream(normalized.split(" ")).filter(t -> !t.isEmpty())
          .toArray(String[]::new);
      LegalForm form = null;
      int end = tokens.length;
      if (end > 1) {
        form = LegalForm.ofCode(tokens[end - 1]).orElse(null);
        if (form != null) {
          end--;
        }
      }
      String[] core = Arrays.copyOf(tokens, Math.min(end, MAX_TOKENS));
      Arrays.sort(core);
      return new Reading(core, form);
    }
  }
}
