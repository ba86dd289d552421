package dev.omniid.matching;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The legal form a company name ends with ("S.L.", "S.A. de C.V.", "Inc.", "GmbH"), read by
 * {@link CompanyNameNormalizer} and graded by {@link CompanyNameMatcher} apart from the name
 * itself.
 *
 * <p>Every form has a {@link #code()}, the single lower-case token the normalized name ends with
 * ({@code "sl"}, {@code "sadecv"}), and a {@link Family}: the kind of company it is, whatever the
 * country. Two spellings of one form ("S.A.", "SA", "Sociedad Anónima") are the same form; two
 * forms of one family ("S.A." and "S.A. de C.V.", "S.L." and "S.L.U.", "Inc." and "Corp.") may well
 * be one company written two ways; two families ("S.L." and "S.A.", "Inc." and "LLC") are, with the
 * same name, more often two companies (a namesake, a sister company) than one.
 */
public enum LegalForm {
  /** Spain's sociedad limitada: "S.L.", "SL", "Sociedad Limitada". */
  SL(Family.LIMITED, "s l", "sociedad limitada"),
  /** Spain's single-member sociedad limitada: "S.L.U.", "SLU", "Sociedad Limitada Unipersonal". */
  SLU(Family.LIMITED, "s l u", "sociedad limitada unipersonal"),
  /** The sociedad de responsabilidad limitada of Argentina and others: "S.R.L.", "SRL". */
  SRL(Family.LIMITED, "s r l", "sociedad de responsabilidad limitada"),
  /** Mexico's sociedad de responsabilidad limitada: "S. de R.L.", "S de RL". */
  SDERL(Family.LIMITED, "s de r l", "s de rl"),
  /** Mexico's S. de R.L. of variable capital: "S. de R.L. de C.V.". */
  SDERLDECV(Family.LIMITED, "s de r l de c v", "s de rl de cv", "s de r l de cv"),
  /** The limitada of Chile, Colombia and Brazil: "Ltda.", "Limitada". */
  LTDA(Family.LIMITED, "limitada"),
  /** The US limited liability company: "LLC", "L.L.C.". */
  LLC(Family.LIMITED, "l l c"),
  /** The UK private limited company: "Ltd", "Limited". */
  LTD(Family.LIMITED, "limited"),
  /** Germany's Gesellschaft mit beschränkter Haftung: "GmbH". */
  GMBH(Family.LIMITED, "g m b h", "gesellschaft mit beschraenkter haftung"),
  /** Germany's Unternehmergesellschaft: "UG", "UG (haftungsbeschränkt)". */
  UG(Family.LIMITED, "ug haftungsbeschraenkt"),
  /** The sociedad anónima of Spain and Latin America: "S.A.", "SA", "Sociedad Anónima". */
  SA(Family.STOCK, "s a", "sociedad anonima"),
  /** Spain's single-member sociedad anónima: "S.A.U.". */
  SAU(Family.STOCK, "s a u", "sociedad anonima unipersonal"),
  /** Mexico's sociedad anónima of variable capital: "S.A. de C.V.", "SA de CV". */
  SADECV(Family.STOCK, "s a de c v", "sa de cv", "s a de cv", "sa de c v",
      "sociedad anonima de capital variable"),
  /** Mexico's listed sociedad anónima bursátil: "S.A.B. de C.V.". */
  SABDECV(Family.STOCK, "s a b de c v", "sab de cv", "s a b de cv"),
  /** Mexico's sociedad anónima promotora de inversión: "S.A.P.I. de C.V.". */
  SAPIDECV(Family.STOCK, "s a p i de c v", "sapi de cv", "s a p i de cv"),
  /** The sociedad por acciones simplificada of Colombia and Argentina: "S.A.S.", "SAS". */
  SAS(Family.STOCK, "s a s", "sociedad por acciones simplificada"),
  /** Chile's sociedad por acciones and Italy's società per azioni: "SpA", "S.p.A.". */
  SPA(Family.STOCK, "s p a", "sociedad por acciones"),
  /** The US corporation: "Inc.", "Incorporated". */
  INC(Family.STOCK, "incorporated"),
  /** The US corporation: "Corp.", "Corporation". */
  CORP(Family.STOCK, "corporation"),
  /** The UK public limited company: "PLC", "p.l.c.". */
  PLC(Family.STOCK, "p l c", "public limited company"),
  /** Germany's Aktiengesellschaft: "AG". */
  AG(Family.STOCK, "aktiengesellschaft"),
  /** A limited partnership: "LP", "L.P.". */
  LP(Family.PARTNERSHIP, "l p"),
  /** A limited liability partnership: "LLP", "L.L.P.". */
  LLP(Family.PARTNERSHIP, "l l p"),
  /** Germany's Kommanditgesellschaft, also as "GmbH &amp; Co. KG". */
  KG(Family.PARTNERSHIP, "gmbh & co kg", "gmbh co kg"),
  /** Germany's offene Handelsgesellschaft: "OHG". */
  OHG(Family.PARTNERSHIP),
  /** Mexico's sociedad civil: "S.C.". */
  SC(Family.PARTNERSHIP, "s c"),
  /** Colombia's sociedad en comandita: "S. en C.", "S. en C.S.". */
  SENC(Family.PARTNERSHIP, "s en c", "s en c s", "s en cs"),
  /** A cooperative: "S. Coop.", "Coop.". */
  COOP(Family.COOPERATIVE, "s coop"),
  /** The empresa individual de responsabilidad limitada of Chile and Peru: "E.I.R.L.". */
  EIRL(Family.SOLE_TRADER, "e i r l"),
  /** Germany's eingetragener Kaufmann: "e.K.". */
  EK(Family.SOLE_TRADER, "e k");

  /**
   * The kind of company a legal form makes, across countries: the grading unit of
   * {@link CompanyNameMatcher}.
   */
  public enum Family {
    /** Private companies whose owners' liability is limited (S.L., S.R.L., Ltda., LLC, Ltd, GmbH). */
    LIMITED,
    /** Companies owned through shares (S.A., S.A. de C.V., S.A.S., SpA, Inc., Corp., PLC, AG). */
    STOCK,
    /** Partnerships (LP, LLP, KG, OHG, S.C., S. en C.). */
    PARTNERSHIP,
    /** Cooperatives (S. Coop.). */
    COOPERATIVE,
    /** One trader's business (E.I.R.L., e.K.). */
    SOLE_TRADER
  }

  /** The most tokens a spelling has ("s a p i de c v"). */
  static final int MAX_SPELLING_TOKENS = 7;

  private static final Map<String, LegalForm> BY_CODE =
      Stream.of(values()).collect(Collectors.toUnmodifiableMap(LegalForm::code, Function.identity()));

  private final Family family;
  private final String code;
  private final List<String> spellings;

  LegalForm(Family family, String... spellings) {
    this.family = family;
    this.code = name().toLowerCase(java.util.Locale.ROOT);
    this.spellings = List.of(spellings);
  }

  /**
   * The kind of company this form makes.
   *
   * @return the family, never null
   */
  public Family family() {
    return family;
  }

  /**
   * The token that stands for this form at the end of a normalized company name.
   *
   * @return the enum name in lower case, such as {@code "sl"} or {@code "sadecv"}
   */
  public String code() {
    return code;
  }

  /**
   * Whether a company of this form and one of {@code other} may be one company: the same family.
   *
   * @param other the other form, not null
   * @return {@code true} when both forms are of one {@link Family}
   */
  public boolean compatibleWith(LegalForm other) {
    return family == Objects.requireNonNull(other, "other").family;
  }

  /**
   * The form whose {@link #code()} is {@code code}.
   *
   * @param code a token such as {@code "sl"}; null is refused
   * @return the form, or empty when no form has that code
   */
  public static Optional<LegalForm> ofCode(String code) {
    return Optional.ofNullable(BY_CODE.get(Objects.requireNonNull(code, "code")));
  }

  /** The spellings besides the code, as folded tokens joined by single spaces. */
  List<String> spellings() {
    return spellings;
  }
}
