package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The normalizer for company names: folds the name, reads off its legal form and returns the
 * name's own tokens, sorted, followed by the form's code. "Distribuciones Hnos. García, S.L."
 * and "Hermanos García Distrib. SL" both become {@code "distribuciones garcia hermanos sl"};
 * {@link #parse} gives the same reading as a {@link CompanyName}, core and legal form apart.
 *
 * <p>Rules, in order:
 *
 * <ol>
 *   <li>Folding as for person names ({@link NameNormalizer}): lower case, accents dropped
 *       ("Compañía" = "compania"), {@code ä ö ü → ae oe ue}, {@code ß → ss}. Apostrophes join
 *       ("Int'l" → "intl"); {@code &} and {@code +} are a token of their own; anything else that
 *       is not a letter or digit (dots, commas, hyphens, parentheses) separates tokens, so
 *       "S.A. de C.V." reads as {@code s a de c v}.
 *   <li>The legal form: the longest run of final tokens that spells one of the
 *       {@link LegalForm}s ("S.L.", "SL", "Sociedad Limitada"; "S.A. de C.V.", "SA de CV";
 *       "GmbH &amp; Co. KG"; "Inc.", "Incorporated"), as long as a token is left before it. Only the
 *       end of a name is read: a form is where it is written last. A value that is nothing but a
 *       legal form ("S.A.") is refused.
 *   <li>Connectives go: {@code & y e and und et} ("García e Hijos" = "García Hijos"; "Smith
 *       &amp; Sons" = "Smith and Sons"), as long as a token is left.
 *   <li>Abbreviations are spelled out: {@code distrib dist distr} and the forms of distribuidor
 *       → {@code distribuciones}; {@code hnos} → {@code hermanos}; {@code cia co company} →
 *       {@code compania}; {@code com} → {@code comercial}; {@code intl international} →
 *       {@code internacional}; and a few more ({@code bros mfg soc asoc gral nac}).
 *   <li>Articles and "of" go: {@code de del la las los el the of der die das}, as long as a token
 *       is left ("Distribuidora de Alimentos" = "Distribuidora Alimentos").
 *   <li>The tokens are sorted: word order is a habit of the writer, not part of the company
 *       ("Hnos. García" = "García Hnos."), and sorting makes every reordering the same value.
 * </ol>
 *
 * <p>The result is idempotent (the value is read again until it no longer changes). A value
 * without a letter or digit, one that is only a legal form, or one longer than
 * {@value #MAX_LENGTH} characters (before or after normalization) is refused with an
 * {@link OmniIdException} on field {@code org_name}, whose message never contains the value.
 * Instances are immutable and thread-safe.
 */
public final class CompanyNameNormalizer implements Normalizer {

  /** The longest raw company name accepted, in chars. */
  public static final int MAX_LENGTH = 300;

  private static final String FIELD = "org_name";
  private static final CompanyNameNormalizer STANDARD = new CompanyNameNormalizer();

  /** Every spelling of every legal form, its code included, as tokens joined by spaces. */
  private static final Map<String, LegalForm> SPELLINGS = spellings();

  private static final Set<String> CONNECTIVES = Set.of("&", "y", "e", "and", "und", "et");
  private static final Set<String> ARTICLES =
      Set.of("de", "del", "la", "las", "los", "el", "the", "of", "der", "die", "das");

  /** Abbreviations and variant words, and the canonical token each stands for. */
  private static final Map<String, String> ABBREVIATIONS = abbreviations();

  /**
   * Words that say what kind of business a company is, not which one: shared by thousands of
   * unrelated companies, so agreeing on them alone is no evidence (canonical forms, after the
   * abbreviations are spelled out).
   */
  private static final Set<String> GENERIC = Set.of(
      "distribuciones", "comercial", "comercializadora", "compania", "hermanos", "hermanas",
      "hijos", "hijas", "grupo", "group", "industrias", "industrial", "servicios", "services",
      "inversiones", "internacional", "importadora", "exportadora", "importaciones",
      "exportaciones", "constructora", "construcciones", "transportes", "consultores",
      "consultoria", "asociados", "sociedad", "empresa", "empresas", "corporacion", "holding",
      "holdings", "trading", "brothers", "sons", "partners", "associates", "enterprises",
      "solutions", "soluciones", "productos", "alimentos", "nacional", "national", "general",
      "manufacturing", "logistica", "logistics", "tiendas", "almacenes", "talleres",
      "inmobiliaria", "farmacia", "ferreteria", "supermercado", "supermercados", "comercio",
      "global", "systems", "sistemas", "tecnologia", "technologies", "handel", "vertrieb");

  private CompanyNameNormalizer() {}

  /**
   * Returns the standard company-name normalizer (a shared immutable instance).
   *
   * @return the normalizer, thread-safe; pair it with {@link CompanyNameMatcher}
   */
  public static CompanyNameNormalizer standard() {
    return STANDARD;
  }

  /**
   * Returns the normalized company name: the core tokens sorted, then the legal form's code.
   *
   * @param value the raw name, such as {@code "Distribuciones Hnos. García, S.L."}; not null
   * @return the normalized name, such as {@code "distribuciones garcia hermanos sl"}
   * @throws OmniIdException with {@link Reason#INVALID_VALUE} if the value has no letter or digit
   *     or is only a legal form, or {@link Reason#TOO_LARGE} if it is longer than
   *     {@value #MAX_LENGTH} characters before or after normalization
   */
  @Override
  public String normalize(String value) {
    String normalized = parse(value).normalized();
    // A reading is read again until it is stable: sorting can bring to the end tokens that
    // spell a legal form ("Limited Acme" is "acme limited", read again "acme ltd"). Each round
    // that changes the value takes a token off the core, so this ends.
    for (int round = 0; round <= MAX_LENGTH; round++) {
      checkLength(normalized, " once normalized");
      String again = parse(normalized).normalized();
      if (again.equals(normalized)) {
        return normalized;
      }
      normalized = again;
    }
    throw new IllegalStateException("company name normalization did not settle");
  }

  /**
   * Reads a raw company name into its core tokens (in the order written) and its legal form, by
   * the rules in the class description but without sorting.
   *
   * @param value the raw name, not null
   * @return the reading; its {@link CompanyName#normalized()} is the first reading of
   *     {@link #normalize}, which equals the final one for all but contrived values
   * @throws OmniIdException with {@link Reason#INVALID_VALUE} if the value has no letter or digit
   *     or is only a legal form, or {@link Reason#TOO_LARGE} if it is longer than
   *     {@value #MAX_LENGTH} characters
   */
  public CompanyName parse(String value) {
    Objects.requireNonNull(value, "value");
    checkLength(value, "");
    List<String> tokens = Folding.tokens(
        Folding.fold(value.replace("&", " & ").replace("+", " & ")),
        cp -> Character.isLetterOrDigit(cp) || cp == '&',
        CompanyNameNormalizer::isApostrophe);
    if (tokens.stream().allMatch("&"::equals)) {
      throw new OmniIdException(Reason.INVALID_VALUE, FIELD, "has no letters or digits");
    }
    Optional<LegalForm> form = stripLegalForm(tokens);
    tokens.removeIf("&"::equals);
    if (tokens.isEmpty()) {
      throw new OmniIdException(Reason.INVALID_VALUE, FIELD, "has no name besides its legal form");
    }
    dropAll(tokens, CONNECTIVES);
    tokens.replaceAll(t -> ABBREVIATIONS.getOrDefault(t, t));
    dropAll(tokens, ARTICLES);
    return new CompanyName(tokens, form);
  }

  /**
   * Whether a token (as the normalizer leaves it) only says what kind of business a company is
   * ("distribuciones", "hermanos", "grupo", "servicios"): agreeing on such tokens alone does not
   * say two names are one company.
   *
   * @param token a normalized token, not null
   * @return {@code true} for the generic business words listed in this class
   */
  public static boolean isGeneric(String token) {
    return GENERIC.contains(Objects.requireNonNull(token, "token"));
  }

  /**
   * Removes the longest final run of tokens that spells a legal form, leaving at least one token
   * (a "&amp;" does not count) before it.
   */
  private static Optional<LegalForm> stripLegalForm(List<String> tokens) {
    int n = tokens.size();
    for (int len = Math.min(LegalForm.MAX_SPELLING_TOKENS, n); len >= 1; len--) {
      LegalForm form = SPELLINGS.get(String.join(" ", tokens.subList(n - len, n)));
      if (form != null && hasNameToken(tokens.subList(0, n - len))) {
        tokens.subList(n - len, n).clear();
        return Optional.of(form);
      }
    }
    if (SPELLINGS.containsKey(String.join(" ", withoutAmpersands(tokens)))) {
      throw new OmniIdException(Reason.INVALID_VALUE, FIELD, "has no name besides its legal form");
    }
    return Optional.empty();
  }

  private static boolean hasNameToken(List<String> tokens) {
    for (String t : tokens) {
      if (!t.equals("&")) {
        return true;
      }
    }
    return false;
  }

  private static List<String> withoutAmpersands(List<String> tokens) {
    return tokens.stream().filter(t -> !t.equals("&")).toList();
  }

  /** Removes the tokens in {@code words} unless that would leave none. */
  private static void dropAll(List<String> tokens, Set<String> words) {
    for (String t : tokens) {
      if (!words.contains(t)) {
        tokens.removeIf(words::contains);
        return;
      }
    }
  }

  private static void checkLength(String value, String when) {
    if (value.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, FIELD, "is longer than " + MAX_LENGTH + when);
    }
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '’' || cp == '‘' || cp == '`' || cp == 'ʼ' || cp == '´';
  }

  private static Map<String, LegalForm> spellings() {
    Map<String, LegalForm> m = new HashMap<>();
    for (LegalForm form : LegalForm.values()) {
      m.put(form.code(), form);
      for (String spelling : form.spellings()) {
        m.put(spelling, form);
      }
    }
    return Map.copyOf(m);
  }

  private static Map<String, String> abbreviations() {
    Map<String, String> m = new HashMap<>();
    for (String s : List.of("distrib", "distr", "dist", "distribuidora", "distribuidor",
        "distribuidoras", "distribuidores", "distribucion")) {
      m.put(s, "distribuciones");
    }
    m.put("hnos", "hermanos");
    m.put("hmnos", "hermanos");
    m.put("hnas", "hermanas");
    for (String s : List.of("cia", "co", "company", "compagnie", "cie")) {
      m.put(s, "compania");
    }
    m.put("com", "comercial");
    m.put("comerc", "comercial");
    m.put("intl", "internacional");
    m.put("international", "internacional");
    m.put("internac", "internacional");
    m.put("bros", "brothers");
    m.put("mfg", "manufacturing");
    m.put("soc", "sociedad");
    m.put("asoc", "asociados");
    m.put("gral", "general");
    m.put("nac", "nacional");
    m.put("corp", "corporacion");
    return Map.copyOf(m);
  }
}
