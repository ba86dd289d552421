package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.Touchpoint;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of company-name matching over generated names (distinctive words, generic
 * words in their abbreviated spellings, connectives, articles, a legal form in one of its
 * spellings, case and accent noise): normalization is idempotent, the matcher symmetric, and the
 * level does not change when one side's words are reordered or its legal form respelled.
 */
class CompanyNamesPropertiesTest {
  private static final CompanyNameNormalizer N = CompanyNameNormalizer.standard();
  private static final CompanyNameMatcher M = CompanyNameMatcher.standard();

  private static final List<String> DISTINCTIVE = List.of(
      "García", "Garsía", "Núñez", "Pérez", "Martínez", "Müller", "Mueller", "Schmidt", "Smith",
      "Johnson", "Andes", "Pacífico", "Norte", "Sur", "Plata", "Bimbo", "Acme", "Medellín",
      "Austral", "O'Brien", "2010", "2011", "Álvarez", "Alvares", "Widgets", "Maschinenbau");
  /** Generic words, each in the spellings a source uses. */
  private static final List<List<String>> GENERIC = List.of(
      List.of("Distribuciones", "Distrib.", "Dist.", "Distribuidora"),
      List.of("Hermanos", "Hnos."),
      List.of("Compañía", "Cía.", "Co."),
      List.of("Comercial", "Com."),
      List.of("Internacional", "Intl.", "Int'l", "International"),
      List.of("Grupo"), List.of("Servicios"), List.of("Hijos"), List.of("Inversiones"));
  private static final List<String> GLUE = List.of("y", "&", "and", "e", "und", "de", "del", "la", "the");

  /** A raw company name: its words and its legal form (null for none) in one spelling. */
  record RawName(List<String> words, LegalForm form, String formSpelling) {
    String raw() {
      String name = String.join(" ", words);
      return form == null ? name : name + (formSpelling.startsWith(",") ? "" : " ") + formSpelling;
    }

    RawName withWords(List<String> other) {
      return new RawName(other, form, formSpelling);
    }

    RawName withForm(Random random, LegalForm other) {
      return new RawName(words, other, other == null ? null : spelling(random, other));
    }
  }

  static LongStream seeds() {
    return LongStream.range(0, 500).map(i -> 0x17_0000L + i);
  }

  /** A random raw company name with at least one distinctive word. */
  static RawName rawName(Random random) {
    List<String> words = new ArrayList<>();
    int n = 1 + random.nextInt(4);
    for (int i = 0; i < n; i++) {
      int dice = random.nextInt(10);
      if (dice < 4 || i == 0) {
        words.add(Generators.pick(random, DISTINCTIVE));
      } else if (dice < 8) {
        words.add(Generators.pick(random, Generators.pick(random, GENERIC)));
      } else {
        words.add(Generators.pick(random, GLUE));
      }
    }
    Collections.shuffle(words, random);
    LegalForm form = random.nextInt(5) == 0 ? null
        : LegalForm.values()[random.nextInt(LegalForm.values().length)];
    RawName name = new RawName(words, form, form == null ? null : spelling(random, form));
    return name;
  }

  /** One written spelling of {@code form}: dotted capitals, the code, or a long form. */
  static String spelling(Random random, LegalForm form) {
    List<String> spellings = new ArrayList<>(form.spellings());
    spellings.add(form.code());
    String tokens = Generators.pick(random, spellings);
    String written = switch (random.nextInt(4)) {
      case 0 -> tokens.toUpperCase(Locale.ROOT);
      case 1 -> {
        StringBuilder dotted = new StringBuilder();
        for (String t : tokens.split(" ")) {
          dotted.append(t.equals("&") ? " & " : t.toUpperCase(Locale.ROOT) + ".");
        }
        yield dotted.toString();
      }
      case 2 -> tokens.replace(" ", ". ");
      default -> tokens;
    };
    return random.nextBoolean() ? ", " + written : written;
  }

  private static String norm(Random random, RawName name) {
    return N.normalize(Generators.noise(random, name.raw()));
  }

  private static RawName shuffled(Random random, RawName name) {
    List<String> words = new ArrayList<>(name.words());
    Collections.shuffle(words, random);
    return name.withWords(words);
  }

  /** A variant of a name: words reordered, dropped, added or mistyped, or another legal form. */
  static RawName variant(Random random, RawName name) {
    List<String> words = new ArrayList<>(name.words());
    switch (random.nextInt(6)) {
      case 0 -> Collections.shuffle(words, random);
      case 1 -> {
        if (words.size() > 1) {
          words.remove(random.nextInt(words.size()));
        }
      }
      case 2 -> words.add(random.nextInt(words.size() + 1),
          Generators.pick(random, Generators.pick(random, GENERIC)));
      case 3 -> {
        int i = random.nextInt(words.size());
        char[] chars = words.get(i).toCharArray();
        chars[random.nextInt(chars.length)] = (char) ('a' + random.nextInt(26));
        words.set(i, new String(chars));
      }
      case 4 -> {
        return name.withForm(random, random.nextInt(4) == 0 ? null
            : LegalForm.values()[random.nextInt(LegalForm.values().length)]);
      }
      default -> words.add(Generators.pick(random, DISTINCTIVE));
    }
    return name.withWords(words);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void normalizationIsIdempotent(long seed) {
    Random random = new Random(seed);
    String raw = Generators.noise(random, rawName(random).raw());
    String once = N.normalize(raw);
    assertEquals(once, N.normalize(once), "seed=" + seed);
    assertEquals(once, N.parse(once).normalized(), "a normalized value reads as itself, seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theMatcherIsSymmetricAndReflexive(long seed) {
    Random random = new Random(seed);
    RawName a = rawName(random);
    RawName b = random.nextInt(3) == 0 ? rawName(random) : variant(random, a);
    String x = norm(random, a);
    String y = norm(random, b);
    ComparisonLevel level = M.compare(x, y);
    assertEquals(level, M.compare(y, x), "seed=" + seed + ": " + x + " ~ " + y);
    assertNotEquals(ComparisonLevel.MISSING, level, "seed=" + seed);
    assertEquals(ComparisonLevel.EXACT, M.compare(x, x), "seed=" + seed);
    assertEquals(x.equals(y), level == ComparisonLevel.EXACT, "EXACT only for equal values, seed=" + seed);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theLevelIgnoresWordOrderAndLegalFormSpelling(long seed) {
    Random random = new Random(seed);
    RawName a = rawName(random);
    RawName b = random.nextInt(3) == 0 ? rawName(random) : variant(random, a);
    ComparisonLevel level = M.compare(norm(random, a), norm(random, b));
    RawName respelled = shuffled(random, a).withForm(random, a.form());
    String context = "seed=" + seed + ": " + a.raw() + " / " + respelled.raw() + " ~ " + b.raw();
    assertEquals(norm(random, a), norm(random, respelled), context);
    assertEquals(level, M.compare(norm(random, respelled), norm(random, b)), context);
    assertEquals(level, M.compare(norm(random, b), norm(random, shuffled(random, respelled))), context);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theLegalFormIsGradedByFamily(long seed) {
    Random random = new Random(seed);
    RawName a = rawName(random).withForm(random, LegalForm.values()[random.nextInt(LegalForm.values().length)]);
    LegalForm other = LegalForm.values()[random.nextInt(LegalForm.values().length)];
    RawName b = shuffled(random, a).withForm(random, other);
    ComparisonLevel expected = other == a.form() ? ComparisonLevel.EXACT
        : other.family() == a.form().family() ? ComparisonLevel.STRONG : ComparisonLevel.MEDIUM;
    String context = "seed=" + seed + ": " + a.raw() + " ~ " + b.raw();
    assertEquals(expected, M.compare(norm(random, a), norm(random, b)), context);
    assertEquals(ComparisonLevel.STRONG,
        M.compare(norm(random, a), norm(random, a.withForm(random, null))), "no form, " + context);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void spellingsOfOneCompanyShareABlockingKey(long seed) {
    Random random = new Random(seed);
    RawName a = rawName(random);
    RawName b = shuffled(random, a).withForm(random, random.nextBoolean() ? null : a.form());
    Touchpoint ta = OrganisationTouchpoints.of("a", Generators.noise(random, a.raw()));
    Touchpoint tb = OrganisationTouchpoints.of("b", Generators.noise(random, b.raw()));
    boolean shared = false;
    for (var key : CompanyNames.blockingKeys()) {
      List<String> ka = new ArrayList<>(key.keys(ta));
      ka.retainAll(key.keys(tb));
      shared |= !ka.isEmpty();
    }
    assertTrue(shared, "seed=" + seed + ": " + a.raw() + " / " + b.raw());
  }
}
