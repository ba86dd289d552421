package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.PreparedMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Grades two person names normalized by {@link NameNormalizer}, token by token, knowing
 * nicknames, dropped second surnames and given names, initials, swaps and typos.
 *
 * <p>Three flavours, for the three ways sources store names:
 *
 * <ul>
 *   <li>{@link #fullNames()} — given names followed by family names in one value ("José María
 *       García López"); a family-first value ("García López José") is read as a rotation.
 *   <li>{@link #givenNames()} — a given-names column ("José María").
 *   <li>{@link #familyNames()} — a family-names column ("García López"); nicknames do not apply.
 * </ul>
 *
 * <p>Two tokens agree when they are equal; are the same name in the {@link Nicknames} table
 * ("bob"/"robert", "pepe"/"jose"; a nickname with a multi-token canonical form is also expanded,
 * so "chema" reads as "jose maria"); differ only by a German digraph after a consonant
 * ("muller"/"mueller": {@code ae oe ue} against {@code a o u}, a rule that at worst equates
 * "manuel" with a non-name "manul"); are an initial and a name with that initial; or have a
 * Jaro-Winkler similarity of at least 0.94 ("close") or 0.88 ("near"). Tokens are aligned in
 * order, each at most once; at most {@value #MAX_TOKENS} tokens per value are compared, and tokens
 * longer than 40 characters only for equality.
 *
 * <p>Levels for full names:
 *
 * <ul>
 *   <li>{@code EXACT} — equal values.
 *   <li>{@code STRONG} — every token of the shorter name agrees, in order, with the first tokens
 *       aligned, each pair equal, a nickname or close: "bob smith"/"robert smith", "pepe
 *       garcia"/"jose garcia", "jose garcia lopez"/"jose garcia" (a dropped second surname),
 *       "jose maria garcia"/"jose garcia" (a dropped second given name), "garcia jose"/"jose
 *       garcia" (a swap, both ends of the rotation agreeing), "jose fernandez"/"jose fernandes"
 *       (a typo), "muller hans"/"hans mueller".
 *       With a dropped token at most one pair may be other than equal. Initials are strong only
 *       when a later token (the surname) is equal and all other pairs are equal: "j garcia"/"jose
 *       garcia".
 *   <li>{@code MEDIUM} — every token of the shorter name agrees, but some pair is only near, an
 *       initial stands for the surname, or the first tokens are not aligned: "jose garcia"/"jose
 *       garsia" (Jaro-Winkler 0.92), "jose g"/"jose garcia", "garcia lopez"/"jose garcia lopez";
 *       or the first and the family tokens agree but a middle name differs: "jose luis
 *       garcia"/"jose antonio garcia".
 *   <li>{@code WEAK} — only the family name agrees (equal or close, among the last two tokens of
 *       each side, not the first): "jose garcia"/"maria garcia"; or one side is a single token
 *       that agrees with a token of the other: "garcia"/"jose garcia".
 *   <li>{@code DIFFERENT} — anything else, including "jose garcia"/"jose martinez" (only the
 *       given name agrees).
 * </ul>
 *
 * <p>Given names: {@code STRONG} for a nickname, a close typo or a dropped compound part ("jose
 * maria"/"jose", "chema"/"jose"); {@code MEDIUM} when every token of the shorter name agrees
 * otherwise ("maria carmen"/"carmen", "j maria"/"jose maria", a near typo); {@code WEAK} when some
 * token agrees ("jose luis"/"jose antonio") or for an initial alone ("j"/"jose").
 *
 * <p>Family names: {@code STRONG} for "garcia lopez"/"garcia" (first surname kept), "garcia
 * lopez"/"lopez garcia" (swapped), a close typo; {@code MEDIUM} for "garcia lopez"/"lopez" (only
 * the second surname) or a near typo; {@code WEAK} when one surname agrees: "garcia
 * lopez"/"martinez lopez".
 *
 * <p>Symmetric by construction (both directions are graded and the stronger kept). Never returns
 * {@code MISSING}, never throws for non-null arguments. Thread-safe.
 *
 * <p>A name is read once ({@link #prepare}: its tokens, nickname expansions, nickname groups and
 * German-digraph forms), and prepared names are compared without allocating. Customer files repeat
 * names, so prepared names are kept in a bounded cache per matcher (of
 * {@link OmniId#setValueCacheSize(long)} values) and one prepared "jose garcia" serves every
 * touchpoint that has it.
 */
public final class NameMatcher implements PreparedMatcher<NameMatcher.Name> {

  /** The number of tokens of each value that are compared; later tokens are ignored. */
  public static final int MAX_TOKENS = 8;

  enum Mode {
    FULL,
    GIVEN,
    FAMILY
  }

  // Pair grades, strongest first; the scores drive the alignment.
  static final byte NONE = 0;
  static final byte EQ = 1;
  static final byte NICK = 2;
  static final byte CLOSE = 3;
  static final byte INITIAL = 4;
  static final byte NEAR = 5;
  private static final int[] SCORE = {0, 100, 90, 85, 60, 50};

  /** Tokens longer than this are compared for equality only. */
  static final int MAX_FUZZY_LENGTH = 40;

  private static final double CLOSE_SIMILARITY = 0.94;
  private static final double NEAR_SIMILARITY = 0.88;

  private final Mode mode;
  private final Nicknames nicknames;

  private final Cache<String, Name> prepared = ValueCaches.newCache("prepared names");
  /** Per-thread work arrays of a comparison (at most {@value #MAX_TOKENS} tokens a side). */
  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  private NameMatcher(Mode mode, Nicknames nicknames) {
    this.mode = mode;
    this.nicknames = nicknames;
  }

  /**
   * Returns a matcher of full names (given then family) with the standard nickname table.
   *
   * @return a new thread-safe matcher for names as {@link NameNormalizer} gives them
   */
  public static NameMatcher fullNames() {
    return new NameMatcher(Mode.FULL, Nicknames.standard());
  }

  /**
   * Returns a matcher of full names (given then family) with the given nickname table.
   *
   * @param nicknames the table that says which given names are one name, not null
   * @return a new thread-safe matcher for names as {@link NameNormalizer} gives them
   */
  public static NameMatcher fullNames(Nicknames nicknames) {
    return new NameMatcher(Mode.FULL, Objects.requireNonNull(nicknames, "nicknames"));
  }

  /**
   * Returns a matcher of given names with the standard nickname table.
   *
   * @return a new thread-safe matcher for given names as {@link NameNormalizer} gives them
   */
  public static NameMatcher givenNames() {
    return new NameMatcher(Mode.GIVEN, Nicknames.standard());
  }

  /**
   * Returns a matcher of given names with the given nickname table.
   *
   * @param nicknames the table that says which given names are one name, not null
   * @return a new thread-safe matcher for given names as {@link NameNormalizer} gives them
   */
  public static NameMatcher givenNames(Nicknames nicknames) {
    return new NameMatcher(Mode.GIVEN, Objects.requireNonNull(nicknames, "nicknames"));
  }

  /**
   * Returns a matcher of family names (surnames); nicknames do not apply to them.
   *
   * @return a new thread-safe matcher for surnames as {@link NameNormalizer} gives them
   */
  public static NameMatcher familyNames() {
    return new NameMatcher(Mode.FAMILY, Nicknames.standard());
  }

  /** Grades how alike two normalized names are; see the class description for the levels. */
  @Override
  public ComparisonLevel compare(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    return comparePrepared(prepare(a), prepare(b));
  }

  /**
   * Reads a normalized name once: its tokens, the expansion of a multi-token nickname, each
   * token's nickname groups and German-digraph form.
   *
   * @param value a name as {@link NameNormalizer} gives it, not null
   * @return its prepared form, possibly shared with other callers of the same value
   */
  @Override
  public Name prepare(String value) {
    Objects.requireNonNull(value, "value");
    return prepared.get(value, this::read);
  }

  /** Grades two prepared names; the level {@link #compare(String, String)} gives their values. */
  @Override
  public ComparisonLevel comparePrepared(Name a, Name b) {
    // The hashes first: an unequal name is told without reading its string.
    if (a == b || (a.hash == b.hash && a.value.equals(b.value))) {
      return ComparisonLevel.EXACT;
    }
    Scratch scratch = SCRATCH.get();
    int best = ComparisonLevel.DIFFERENT.ordinal();
    for (Variant x : a.variants) {
      for (Variant y : b.variants) {
        if (x.shapes.length == 0 || y.shapes.length == 0) {
          continue;
        }
        best = Math.min(best, gradeBothWays(x, y, scratch));
        if (best == ComparisonLevel.STRONG.ordinal()) {
          return ComparisonLevel.STRONG;
        }
      }
    }
    // Distinct strings are never EXACT, even when their tokens agree fully.
    return LEVELS[Math.max(best, ComparisonLevel.STRONG.ordinal())];
  }

  /** Reads the name, its variants and each variant's token shapes: what a comparison reads first. */
  @Override
  public int readAhead(Name name) {
    int sum = name.hash;
    for (Variant variant : name.variants) {
      sum += variant.shapes.length;
    }
    return sum;
  }

  /** The levels by ordinal, once: {@code values()} copies its array on every call. */
  private static final ComparisonLevel[] LEVELS = ComparisonLevel.values();

  @Override
  public String toString() {
    return "NameMatcher[" + mode + "]";
  }

  /**
   * A name read by {@link #prepare}: opaque, immutable, and only meaningful to the matcher that
   * made it.
   */
  public static final class Name {
    final String value;
    /** {@code value.hashCode()}, kept here beside the variants a comparison reads anyway. */
    final int hash;
    final Variant[] variants;

    Name(String value, Variant[] variants) {
      this.value = value;
      this.hash = value.hashCode();
      this.variants = variants;
    }

    @Override
    public String toString() {
      return "Name[" + value + "]";
    }
  }

  /**
   * One reading of a name's tokens, with what {@link #pair} asks of each token. The
   * {@link #shapes} answer most of it: a candidate's token pairs are mostly graded from them
   * alone, without reading the candidate's strings or computing anything of them again.
   */
  static final class Variant {
    final String[] tokens;
    /**
     * Each token without the {@code e} of a German digraph, the token itself when it has none;
     * null when no token has one.
     */
    final String[] undigraphed;
    /** Each token's nickname groups; null when no token is in a group, or for family names. */
    final int[][] groups;
    /** Each token's {@link #shape}; as many as there are tokens. */
    final long[] shapes;

    Variant(String[] tokens, String[] undigraphed, int[][] groups, long[] shapes) {
      this.tokens = tokens;
      this.undigraphed = undigraphed;
      this.groups = groups;
      this.shapes = shapes;
    }
  }

  // A token's shape, in one long: what pair() reads of the other token before its characters.
  /** Bits 0-31: the token's {@link JaroWinkler#letters}. */
  private static final long LETTERS = 0xFFFF_FFFFL;
  /** Bits 32-39: the token's length, 255 for longer tokens. */
  private static final int LENGTH_SHIFT = 32;
  /** Bits 40-55: the token's first character. */
  private static final int FIRST_SHIFT = 40;
  /** Bit 56: the token has a German-digraph form ({@link Variant#undigraphed}). */
  private static final long DIGRAPH = 1L << 56;
  /**
   * Bits 57-63: a bit for each of the token's nickname groups (bit {@code 57 + id % 7}), none
   * when it is in none: two tokens whose bits do not meet share no group.
   */
  private static final int GROUPS_SHIFT = 57;

  /** The shape of a token; a function of the token and its groups alone. */
  private static long shape(String token, boolean digraph, int[] groups) {
    long shape = JaroWinkler.letters(token) & LETTERS;
    shape |= (long) Math.min(token.length(), 255) << LENGTH_SHIFT;
    shape |= (long) token.charAt(0) << FIRST_SHIFT;
    if (digraph) {
      shape |= DIGRAPH;
    }
    for (int group : groups) {
      shape |= 1L << (GROUPS_SHIFT + Math.floorMod(group, 7));
    }
    return shape;
  }

  private static int lengthOf(long shape) {
    return (int) (shape >>> LENGTH_SHIFT) & 0xFF;
  }

  private static char firstOf(long shape) {
    return (char) (shape >>> FIRST_SHIFT);
  }

  /** A thread's work arrays: pair grades both ways, the alignment table and the alignment. */
  static final class Scratch {
    final byte[][] grades = new byte[MAX_TOKENS][MAX_TOKENS];
    final byte[][] transposed = new byte[MAX_TOKENS][MAX_TOKENS];
    final int[][] dp = new int[MAX_TOKENS + 1][MAX_TOKENS + 1];
    final Alignment alignment = new Alignment();
  }

  private Name read(String value) {
    String[] tokens = tokens(value);
    List<Variant> variants = new ArrayList<>(2);
    variants.add(variant(tokens));
    if (mode != Mode.FAMILY) {
      String[] expanded = expand(tokens);
      if (expanded != tokens) {
        variants.add(variant(expanded));
      }
    }
    return new Name(value, variants.toArray(new Variant[0]));
  }

  private Variant variant(String[] tokens) {
    String[] undigraphed = new String[tokens.length];
    int[][] groups = new int[tokens.length][];
    long[] shapes = new long[tokens.length];
    boolean anyDigraph = false;
    boolean anyGroup = false;
    for (int i = 0; i < tokens.length; i++) {
      undigraphed[i] = dropDigraphE(tokens[i]);
      boolean digraph = undigraphed[i] != tokens[i];
      groups[i] = mode == Mode.FAMILY ? NO_GROUPS : nicknames.groups(tokens[i]);
      shapes[i] = shape(tokens[i], digraph, groups[i]);
      anyDigraph |= digraph;
      anyGroup |= groups[i].length > 0;
    }
    // Most names have neither: two arrays fewer for each of them.
    return new Variant(tokens, anyDigraph ? undigraphed : null, anyGroup ? groups : null, shapes);
  }

  private static final int[] NO_GROUPS = new int[0];

  private static String[] tokens(String value) {
    List<String> tokens = new ArrayList<>();
    for (String t : value.split(" ")) {
      if (!t.isEmpty()) {
        tokens.add(t);
        if (tokens.size() == MAX_TOKENS) {
          break;
        }
      }
    }
    return tokens.toArray(new String[0]);
  }

  /** Replaces nicknames whose only canonical form has several tokens ("chema" → jose maria). */
  private String[] expand(String[] tokens) {
    List<String> out = null;
    for (int i = 0; i < tokens.length; i++) {
      Set<String> forms = nicknames.canonicalForms(tokens[i]);
      String form = forms.size() == 1 ? forms.iterator().next() : tokens[i];
      if (form.indexOf(' ') > 0 && out == null) {
        out = new ArrayList<>();
        for (int j = 0; j < i; j++) {
          out.add(tokens[j]);
        }
      }
      if (out != null) {
        for (String part : form.indexOf(' ') > 0 ? form.split(" ") : new String[] {tokens[i]}) {
          if (out.size() < MAX_TOKENS) {
            out.add(part);
          }
        }
      }
    }
    return out == null ? tokens : out.toArray(new String[0]);
  }

  /**
   * The best level (as an ordinal) of x against y over the rotations of x the mode allows, and of
   * y against x over the rotations of y: the two grades {@link #comparePrepared} keeps the stronger
   * of, from one grid of token pairs ({@link #fillGrades}). An alignment grades {@code STRONG} at
   * best, so the first that does ends the search with the level the rest would give; the unrotated
   * alignments come first, as a name agreeing with another mostly agrees in its own order. With
   * every rotation of both sides aligned, and Jaro-Winkler on every unequal token pair, a
   * comparison of two full names took 1.2-1.4 us in {@code NameMatchBenchmark}; then 0.9 us, and
   * 0.53 us with token shapes.
   */
  private int gradeBothWays(Variant x, Variant y, Scratch scratch) {
    int n = x.shapes.length;
    int m = y.shapes.length;
    fillGrades(x, y, scratch);
    int strong = ComparisonLevel.STRONG.ordinal();
    int best = gradeAlignment(scratch.grades, n, m, 0, scratch);
    if (best == strong) {
      return best;
    }
    best = Math.min(best, gradeAlignment(scratch.transposed, m, n, 0, scratch));
    if (mode == Mode.GIVEN) {
      return best;
    }
    for (int r = 1; r < n && best != strong; r++) {
      best = Math.min(best, gradeAlignment(scratch.grades, n, m, r, scratch));
    }
    for (int r = 1; r < m && best != strong; r++) {
      best = Math.min(best, gradeAlignment(scratch.transposed, m, n, r, scratch));
    }
    return best;
  }

  /**
   * Writes {@code pair(x, i, y, j)} into {@code scratch.grades[i][j]} and
   * {@code scratch.transposed[j][i]}, which is also {@code pair(y, j, x, i)}: everything
   * {@link #pair} asks is symmetric, Jaro-Winkler included ({@link JaroWinkler}), so each token
   * pair is graded once for both directions. Graded once per direction, token pairs were most of
   * a name comparison's cost (JFR of {@code NameMatchBenchmark}).
   */
  void fillGrades(Variant x, Variant y, Scratch scratch) {
    for (int i = 0; i < x.shapes.length; i++) {
      for (int j = 0; j < y.shapes.length; j++) {
        byte grade = pair(x, i, y, j);
        scratch.grades[i][j] = grade;
        scratch.transposed[j][i] = grade;
      }
    }
  }

  /**
   * The grade of token {@code i} of x against token {@code j} of y. Symmetric: the same grade as
   * {@code pair(vy, j, vx, i)}. Each test asks the shapes first and reads y's token only when
   * they cannot tell; x's characters are read for Jaro-Winkler's bound (x is the name compared
   * with many, whose characters are at hand).
   */
  byte pair(Variant vx, int i, Variant vy, int j) {
    long sx = vx.shapes[i];
    long sy = vy.shapes[j];
    String x = vx.tokens[i];
    // Equal tokens have equal shapes.
    if (sx == sy && x.equals(vy.tokens[j])) {
      return EQ;
    }
    if ((sx & sy) >>> GROUPS_SHIFT != 0 && shareGroup(vx.groups[i], vy.groups[j])) {
      return NICK;
    }
    if (((sx | sy) & DIGRAPH) != 0) {
      String dx = (sx & DIGRAPH) != 0 ? vx.undigraphed[i] : x;
      String dy = (sy & DIGRAPH) != 0 ? vy.undigraphed[j] : vy.tokens[j];
      if (dx.equals(dy)) {
        return NICK;
      }
    }
    int lx = lengthOf(sx);
    int ly = lengthOf(sy);
    boolean sameFirst = firstOf(sx) == firstOf(sy);
    if ((lx == 1) != (ly == 1)) {
      return sameFirst ? INITIAL : NONE;
    }
    if (lx == 1 || lx > MAX_FUZZY_LENGTH || ly > MAX_FUZZY_LENGTH) {
      // Jaro-Winkler is quadratic; no real name token is this long.
      return NONE;
    }
    if (JaroWinkler.certainlyBelow(x, (int) (sy & LETTERS), ly, sameFirst, NEAR_SIMILARITY)) {
      return NONE;
    }
    double similarity = JaroWinkler.similarity(x, vy.tokens[j]);
    if (similarity >= CLOSE_SIMILARITY) {
      return CLOSE;
    }
    return similarity >= NEAR_SIMILARITY ? NEAR : NONE;
  }

  /** Whether two tokens' nickname groups meet: {@link Nicknames#sameName} on unequal tokens. */
  private static boolean shareGroup(int[] a, int[] b) {
    for (int x : a) {
      for (int y : b) {
        if (x == y) {
          return true;
        }
      }
    }
    return false;
  }

  /** "mueller" against "muller": equal once {@code e} after {@code a o u} after a consonant goes. */
  static boolean digraphVariant(String x, String y) {
    if (x.indexOf('e') < 0 && y.indexOf('e') < 0) {
      return false;
    }
    String dx = dropDigraphE(x);
    String dy = dropDigraphE(y);
    return (dx != x || dy != y) && dx.equals(dy);
  }

  private static String dropDigraphE(String s) {
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean digraph =
          (c == 'a' || c == 'o' || c == 'u')
              && i + 1 < s.length()
              && s.charAt(i + 1) == 'e'
              && (i == 0 || isConsonant(s.charAt(i - 1)));
      if (out != null) {
        out.append(c);
      }
      if (digraph) {
        if (out == null) {
          out = new StringBuilder(s.length()).append(s, 0, i + 1);
        }
        i++;
      }
    }
    return out == null ? s : out.toString();
  }

  private static boolean isConsonant(char c) {
    return Folding.isAsciiLetter(c) && "aeiouy".indexOf(c) < 0;
  }

  /**
   * Aligns x (rotated left by r) with y in order, maximizing the pair scores, and grades the
   * alignment; returns a level ordinal.
   */
  int gradeAlignment(byte[][] g, int n, int m, int r, Scratch scratch) {
    int[][] dp = scratch.dp;
    for (int i = 1; i <= n; i++) {
      byte[] row = g[(i - 1 + r) % n];
      for (int j = 1; j <= m; j++) {
        int best = Math.max(dp[i - 1][j], dp[i][j - 1]);
        byte p = row[j - 1];
        if (p != NONE) {
          best = Math.max(best, dp[i - 1][j - 1] + SCORE[p]);
        }
        dp[i][j] = best;
      }
    }
    Alignment a = scratch.alignment;
    a.reset();
    int i = n;
    int j = m;
    while (i > 0 && j > 0) {
      byte p = g[(i - 1 + r) % n][j - 1];
      if (p != NONE && dp[i][j] == dp[i - 1][j - 1] + SCORE[p]) {
        a.add(i - 1, j - 1, p);
        i--;
        j--;
      } else if (dp[i][j] == dp[i - 1][j]) {
        i--;
      } else {
        j--;
      }
    }
    return level(a, n, m, r);
  }

  private int level(Alignment a, int n, int m, int rotation) {
    int s = Math.min(n, m);
    if (a.pairs == 0) {
      return ComparisonLevel.DIFFERENT.ordinal();
    }
    if (n == 1 && m == 1) {
      byte p = a.grades[0];
      if (p == EQ || p == NICK || p == CLOSE) {
        return ComparisonLevel.STRONG.ordinal();
      }
      return p == NEAR ? ComparisonLevel.MEDIUM.ordinal() : ComparisonLevel.WEAK.ordinal();
    }
    if (s == 1) {
      if (mode == Mode.FULL) {
        return a.count[EQ] + a.count[NICK] + a.count[CLOSE] > 0
            ? ComparisonLevel.WEAK.ordinal()
            : ComparisonLevel.DIFFERENT.ordinal();
      }
    }
    boolean allMatched = a.pairs == s;
    int deletions = Math.max(n, m) - s;
    boolean strong =
        allMatched
            && a.firstAligned
            && a.count[NEAR] == 0
            && (a.count[INITIAL] == 0
                ? deletions == 0 || (a.count[NICK] + a.count[CLOSE] <= 1 && a.count[EQ] >= 1)
                : a.count[NICK] + a.count[CLOSE] == 0 && a.equalAfterInitials());
    if (mode == Mode.GIVEN && a.count[INITIAL] > 0) {
      strong = false;
    }
    if (rotation != 0 && !(a.hasX(0) && a.hasX(n - rotation))) {
      // A rotation reads a family-first value; both of its ends (the given name now first, the
      // family name first in the value) must agree, or "garcia lopez" would strongly match
      // "jose garcia lopez" by dropping the given name.
      strong = false;
    }
    if (strong) {
      return ComparisonLevel.STRONG.ordinal();
    }
    if (allMatched && a.count[INITIAL] < a.pairs) {
      return ComparisonLevel.MEDIUM.ordinal();
    }
    if (mode == Mode.FULL) {
      boolean family = a.familyAgrees(n, m);
      if (family && a.firstAligned && a.pairs >= 2) {
        return ComparisonLevel.MEDIUM.ordinal();
      }
      return family ? ComparisonLevel.WEAK.ordinal() : ComparisonLevel.DIFFERENT.ordinal();
    }
    boolean anyAgrees = a.count[EQ] + a.count[NICK] + a.count[CLOSE] > 0;
    return anyAgrees ? ComparisonLevel.WEAK.ordinal() : ComparisonLevel.DIFFERENT.ordinal();
  }

  /** The pairs of one alignment, collected from the end. */
  private static final class Alignment {
    final int[] xs = new int[MAX_TOKENS * 2];
    final int[] ys = new int[MAX_TOKENS * 2];
    final byte[] grades = new byte[MAX_TOKENS * 2];
    final int[] count = new int[SCORE.length];
    int pairs;
    boolean firstAligned;

    void reset() {
      java.util.Arrays.fill(count, 0);
      pairs = 0;
      firstAligned = false;
    }

    void add(int x, int y, byte grade) {
      xs[pairs] = x;
      ys[pairs] = y;
      grades[pairs] = grade;
      pairs++;
      count[grade]++;
      if (x == 0 && y == 0) {
        firstAligned = true;
      }
    }

    /** Whether x token {@code x} (in rotated order) is in a pair. */
    boolean hasX(int x) {
      for (int k = 0; k < pairs; k++) {
        if (xs[k] == x) {
          return true;
        }
      }
      return false;
    }

    /** Whether an equal pair comes after every initial (the surname is spelled out and equal). */
    boolean equalAfterInitials() {
      int lastInitial = -1;
      int lastEqual = -1;
      for (int k = 0; k < pairs; k++) {
        if (grades[k] == INITIAL) {
          lastInitial = Math.max(lastInitial, xs[k]);
        } else if (grades[k] == EQ) {
          lastEqual = Math.max(lastEqual, xs[k]);
        }
      }
      return lastEqual > lastInitial;
    }

    /** Whether an equal or close pair sits among the last two tokens of both, not the first. */
    boolean familyAgrees(int n, int m) {
      for (int k = 0; k < pairs; k++) {
        boolean agree = grades[k] == EQ || grades[k] == CLOSE;
        if (agree && xs[k] >= 1 && ys[k] >= 1 && xs[k] >= n - 2 && ys[k] >= m - 2) {
          return true;
        }
      }
      return false;
    }
  }
}
