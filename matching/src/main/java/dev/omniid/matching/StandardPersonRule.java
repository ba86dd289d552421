package dev.omniid.matching;

import com.github.benmanes.caffeine.cache.Cache;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.PersonConflict;
import dev.omniid.core.PersonRule;
import dev.omniid.core.PersonTraits;
import dev.omniid.core.Touchpoint;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The rule {@link PersonRules#standard()} describes. Immutable and thread-safe. */
final class StandardPersonRule implements PersonRule {
  static final StandardPersonRule DAY_FIRST =
      new StandardPersonRule(BirthDateNormalizer.dayFirst(), Nicknames.standard());
  static final StandardPersonRule MONTH_FIRST =
      new StandardPersonRule(BirthDateNormalizer.newBuilder().monthFirst().build(), Nicknames.standard());

  /** Generations: JR and II both name the second of the name. */
  private static final Map<String, Integer> GENERATION =
      Map.of("SR", 1, "JR", 2, "II", 2, "III", 3, "IV", 4);

  /**
   * A leading given name of many Spanish compound names that the bearer often leaves out ("María
   * del Carmen" is "Carmen"); {@code ma} is its usual abbreviation ("Ma. Guadalupe").
   */
  private static final Set<String> DEVOTIONAL_FIRST = Set.of("maria", "ma");
  /**
   * Male names that follow "María" in women's compound names: "María José" is not a José, and a
   * mother and son are the household this rule exists for.
   */
  private static final Set<String> MALE_AFTER_MARIA = Set.of("jose", "jesus");

  /** Typos below this length are too likely to be another name ("ana"/"eva" are two edits, "ana"/"ada" one). */
  private static final int MIN_TYPO_LENGTH = 4;

  private final BirthDateNormalizer dates;
  private final Nicknames nicknames;
  private final NameNormalizer names = NameNormalizer.standard();
  /**
   * {@link #sameGivenName} of pairs asked lately: clustering a component asks it for the same
   * people again on every recompute, and a fuzzy resolve spent a tenth of its time answering.
   */
  private final Cache<GivenNames, Boolean> sameGivenNames =
      ValueCaches.newCache("given-name pairs");

  private StandardPersonRule(BirthDateNormalizer dates, Nicknames nicknames) {
    this.dates = dates;
    this.nicknames = nicknames;
  }

  @Override
  public PersonTraits traits(Touchpoint touchpoint) {
    Objects.requireNonNull(touchpoint, "touchpoint");
    String givenRaw = touchpoint.attributes().get(AttributeKey.GIVEN_NAME);
    String familyRaw = touchpoint.attributes().get(AttributeKey.FAMILY_NAME);
    String fullRaw = touchpoint.attributes().get(AttributeKey.FULL_NAME);
    String given = givenName(givenRaw);
    String family = name(familyRaw);
    if (given == null && fullRaw != null) {
      String[] split = splitFullName(fullRaw);
      given = split[0];
      if (family == null) {
        family = split[1];
      }
    }
    String birthDate = birthDate(touchpoint.attributes().get(AttributeKey.BIRTH_DATE));
    String suffix = NameNormalizer.generationalSuffix(givenRaw);
    if (suffix == null) {
      suffix = NameNormalizer.generationalSuffix(familyRaw);
    }
    if (suffix == null) {
      suffix = NameNormalizer.generationalSuffix(fullRaw);
    }
    if (given == null && family == null && birthDate == null && suffix == null) {
      return PersonTraits.NONE;
    }
    return new PersonTraits(given, family, birthDate, suffix);
  }

  /** Given and family name of a full name, either possibly null. */
  private String[] splitFullName(String raw) {
    int comma = raw.indexOf(',');
    if (comma >= 0 && NameNormalizer.isOnlySuffixes(raw.substring(comma + 1))) {
      // "Robert Miller, Sr.": the comma sets off a suffix, not a given name; the suffix itself
      // is read by generationalSuffix.
      raw = raw.substring(0, comma);
      comma = raw.indexOf(',');
    }
    if (comma >= 0) {
      // "García López, Ana": the comma says which part is which.
      return new String[] {name(raw.substring(comma + 1)), name(raw.substring(0, comma))};
    }
    String folded = name(raw);
    if (folded == null) {
      return new String[2];
    }
    int first = folded.indexOf(' ');
    if (first < 0) {
      // One token: a given name or a surname, nobody can tell.
      return new String[2];
    }
    int last = folded.lastIndexOf(' ');
    String head = folded.substring(0, first);
    String tail = folded.substring(last + 1);
    if (!nicknames.contains(head) && nicknames.contains(tail)) {
      // "garcia ana": written surname first.
      return new String[] {tail, folded.substring(0, last)};
    }
    return new String[] {head, folded.substring(first + 1)};
  }

  private String givenName(String raw) {
    return readOrNull(raw, names::normalizeGivenName);
  }

  private String name(String raw) {
    return readOrNull(raw, names::normalize);
  }

  private String birthDate(String raw) {
    return readOrNull(raw, dates::normalize);
  }

  /**
   * A trait read by {@code normalizer}, or null when absent, blank or refused: traits never throw
   * for bad data (the {@link PersonRule} contract), an unreadable part is unknown.
   */
  private static String readOrNull(String raw, java.util.function.UnaryOperator<String> normalizer) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return normalizer.apply(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The first given name as its nickname group's canonical form ("Pepe" and "José" count as one
   * person), after a devotional "María" the bearer often leaves out; null for an initial. Typos
   * and the few names in several groups may count one person twice, which the limit absorbs.
   */
  @Override
  public String countingKey(PersonTraits traits) {
    Objects.requireNonNull(traits, "traits");
    String given = traits.givenName();
    if (given == null || given.isEmpty()) {
      return null;
    }
    String[] tokens = given.split(" ");
    int first = tokens.length > 1 && DEVOTIONAL_FIRST.contains(tokens[0])
        && !MALE_AFTER_MARIA.contains(tokens[1]) ? 1 : 0;
    String token = tokens[first];
    if (token.length() <= 1) {
      return null;
    }
    String canonical = null;
    for (String form : nicknames.canonicalForms(token)) {
      if (canonical == null || form.compareTo(canonical) < 0) {
        canonical = form;
      }
    }
    int space = canonical.indexOf(' ');
    return space < 0 ? canonical : canonical.substring(0, space);
  }

  /**
   * The staff of one office share its {@code info@}: two people writing to it are different when
   * the standard conflicts say so, or when both name a family and the names share no word (as for
   * {@linkplain PersonRules#contacts contacts}, whose shops share a mailbox).
   */
  @Override
  public PersonConflict conflictAtRoleAccount(PersonTraits a, PersonTraits b) {
    PersonConflict first = conflict(a, b);
    return first != PersonConflict.NONE ? first : ContactPersonRule.familyNamesConflict(a, b);
  }

  @Override
  public PersonConflict conflict(PersonTraits a, PersonTraits b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a == b) {
      return PersonConflict.NONE;
    }
    if (a.givenName() != null && b.givenName() != null && !givenNamesAgree(a, b)) {
      return PersonConflict.GIVEN_NAME;
    }
    if (a.birthDate() != null && b.birthDate() != null && !datesAgree(a.birthDate(), b.birthDate())) {
      return PersonConflict.BIRTH_DATE;
    }
    if (a.suffix() != null && b.suffix() != null) {
      Integer x = GENERATION.get(a.suffix());
      Integer y = GENERATION.get(b.suffix());
      // A suffix this rule does not know is unknown, not a conflict.
      if (x != null && y != null && !x.equals(y)) {
        return PersonConflict.SUFFIX;
      }
    }
    return PersonConflict.NONE;
  }

  private boolean givenNamesAgree(PersonTraits a, PersonTraits b) {
    String x = a.givenName();
    String y = b.givenName();
    if (sameGivenName(x, y)) {
      return true;
    }
    // Given and family swapped between the two records ("garcia" / "ana" against "ana" /
    // "garcia"): each given name is in the other's family name.
    return a.familyName() != null && b.familyName() != null
        && hasToken(b.familyName(), firstToken(x)) && hasToken(a.familyName(), firstToken(y));
  }

  /** Whether two normalized given names can be one person's. Symmetric. */
  boolean sameGivenName(String x, String y) {
    if (x.equals(y)) {
      return true;
    }
    GivenNames pair = new GivenNames(x, y);
    Boolean known = sameGivenNames.getIfPresent(pair);
    if (known == null) {
      known = compareGivenNames(x, y);
      sameGivenNames.put(pair, known);
    }
    return known;
  }

  /** Two given names in the order asked. */
  private record GivenNames(String x, String y) {}

  /** {@link #sameGivenName} the long way, not remembered. */
  boolean compareGivenNames(String x, String y) {
    if (x.equals(y) || nicknames.sameName(x, y)) {
      return true;
    }
    if (spaceSlip(x, y)) {
      return true;
    }
    String[] xs = x.split(" ");
    String[] ys = y.split(" ");
    String[] xe = expand(xs);
    String[] ye = expand(ys);
    return startsAlike(xs, ys) || startsAlike(xe, ys) || startsAlike(xs, ye) || startsAlike(xe, ye);
  }

  /**
   * A space keyed into, dropped from or moved within one name ("luc y" for lucy, "lachlq njohn"
   * for lachlan john): the letters are the same, or one {@link #typo} apart, once the spaces go.
   * The typo needs the spaces to differ, so that "maria jose" and "mario jose", split alike, stay
   * two names as their tokens say. Symmetric.
   */
  private static boolean spaceSlip(String x, String y) {
    if (x.indexOf(' ') < 0 && y.indexOf(' ') < 0) {
      return false;
    }
    String cx = x.replace(" ", "");
    String cy = y.replace(" ", "");
    if (cx.equals(cy)) {
      return true;
    }
    return !spaces(x).equals(spaces(y)) && typo(cx, cy);
  }

  /** The offsets, in letters, after which a name has a space. */
  private static java.util.List<Integer> spaces(String name) {
    java.util.List<Integer> out = new java.util.ArrayList<>(2);
    int letters = 0;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == ' ') {
        out.add(letters);
      } else {
        letters++;
      }
    }
    return out;
  }

  /** Replaces nicknames whose canonical form has several tokens ("chema" → jose maria). */
  private String[] expand(String[] tokens) {
    StringBuilder out = null;
    for (int i = 0; i < tokens.length; i++) {
      Set<String> forms = nicknames.canonicalForms(tokens[i]);
      String form = forms.size() == 1 ? forms.iterator().next() : tokens[i];
      if (out == null && form.indexOf(' ') > 0) {
        out = new StringBuilder(String.join(" ", java.util.Arrays.copyOf(tokens, i)));
      }
      if (out != null) {
        out.append(out.length() > 0 ? " " : "").append(form);
      }
    }
    return out == null ? tokens : out.toString().split(" ");
  }

  /**
   * The shorter token list starts the longer one, token for token alike; or does so once a leading
   * "maria" of the longer is left out. Symmetric: the roles follow the lengths, and equal lengths
   * compare position by position.
   */
  private boolean startsAlike(String[] x, String[] y) {
    String[] s = x.length <= y.length ? x : y;
    String[] l = s == x ? y : x;
    if (prefixAlike(s, l, 0)) {
      return true;
    }
    return l.length > s.length && DEVOTIONAL_FIRST.contains(l[0]) && !MALE_AFTER_MARIA.contains(l[1])
        && prefixAlike(s, l, 1);
  }

  private boolean prefixAlike(String[] s, String[] l, int offset) {
    for (int i = 0; i < s.length; i++) {
      if (!tokensAlike(s[i], l[i + offset])) {
        return false;
      }
    }
    return true;
  }

  private boolean tokensAlike(String x, String y) {
    if (x.equals(y) || nicknames.sameName(x, y)) {
      return true;
    }
    if (x.length() == 1 || y.length() == 1) {
      // An initial stands for the name or for any name it is a nickname of: "J." for Pepe (José).
      String initial = x.length() == 1 ? x : y;
      String name = initial == x ? y : x;
      if (name.charAt(0) == initial.charAt(0)) {
        return true;
      }
      for (String form : nicknames.canonicalForms(name)) {
        if (!form.isEmpty() && form.charAt(0) == initial.charAt(0)) {
          return true;
        }
      }
      return false;
    }
    return typo(x, y);
  }

  /**
   * One edit or two adjacent letters swapped, both at least {@value #MIN_TYPO_LENGTH} letters,
   * and not a feminine form of the other ("luis"/"luisa", "mario"/"maria"). Symmetric.
   */
  static boolean typo(String x, String y) {
    int lx = x.length();
    int ly = y.length();
    if (Math.min(lx, ly) < MIN_TYPO_LENGTH || Math.abs(lx - ly) > 1) {
      return false;
    }
    if (feminineForm(x, y) || feminineForm(y, x)) {
      return false;
    }
    return withinOneEdit(x, y);
  }

  /** Whether {@code f} is {@code m} with an "a" added, or with its last letter turned into "a". */
  private static boolean feminineForm(String f, String m) {
    if (!f.endsWith("a")) {
      return false;
    }
    if (f.length() == m.length() + 1) {
      return f.startsWith(m);
    }
    return f.length() == m.length() && !m.endsWith("a")
        && f.regionMatches(0, m, 0, f.length() - 1);
  }

  /** Optimal-string-alignment distance at most 1. */
  private static boolean withinOneEdit(String x, String y) {
    int lx = x.length();
    int ly = y.length();
    int i = 0;
    while (i < lx && i < ly && x.charAt(i) == y.charAt(i)) {
      i++;
    }
    if (lx == ly) {
      if (i == lx) {
        return true;
      }
      if (x.regionMatches(i + 1, y, i + 1, lx - i - 1)) {
        return true;
      }
      return i + 1 < lx && x.charAt(i) == y.charAt(i + 1) && x.charAt(i + 1) == y.charAt(i)
          && x.regionMatches(i + 2, y, i + 2, lx - i - 2);
    }
    String longer = lx > ly ? x : y;
    String shorter = lx > ly ? y : x;
    return longer.regionMatches(i + 1, shorter, i, shorter.length() - i);
  }

  private boolean hasToken(String names, String token) {
    // Token by token, stopping at the first alike: split made a list, an array and every token
    // for each pair of a household's people the rule is asked about. A name of one token, as most
    // family names are, is its own only token (substring of the whole string is the string).
    int from = 0;
    while (from <= names.length()) {
      int space = names.indexOf(' ', from);
      int to = space < 0 ? names.length() : space;
      if (tokensAlike(names.substring(from, to), token)) {
        return true;
      }
      from = to + 1;
    }
    return false;
  }

  private static String firstToken(String name) {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /**
   * Equal, day and month swapped, one digit different, or two adjacent digits transposed. Values
   * that are not ISO dates are unknown, never a conflict.
   */
  static boolean datesAgree(String x, String y) {
    if (x.equals(y) || !BirthDateMatcher.isIsoShape(x) || !BirthDateMatcher.isIsoShape(y)) {
      return true;
    }
    if (x.regionMatches(0, y, 0, 5) && x.regionMatches(5, y, 8, 2) && x.regionMatches(8, y, 5, 2)) {
      return true;
    }
    int first = -1;
    int count = 0;
    for (int i = 0; i < 10; i++) {
      if (x.charAt(i) != y.charAt(i)) {
        if (count == 0) {
          first = i;
        }
        count++;
      }
    }
    if (count == 1) {
      return true;
    }
    if (count != 2) {
      return false;
    }
    // Adjacent digits: skip the dash between year and month, or month and day.
    int next = first + 1;
    if (next < 10 && x.charAt(next) == '-') {
      next++;
    }
    return next < 10 && x.charAt(first) == y.charAt(next) && x.charAt(next) == y.charAt(first);
  }

  @Override
  public String toString() {
    return "PersonRules.standard(" + (this == MONTH_FIRST ? "month first" : "day first") + ")";
  }
}
