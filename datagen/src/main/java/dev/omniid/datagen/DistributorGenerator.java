package dev.omniid.datagen;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Generates a distributor's synthetic wholesale data, with ground truth: accounts (shops and
 * companies in Spain, Mexico, Argentina, Colombia, Chile and the US) with several contacts each,
 * ordering through the printed catalogue, the web portal, the mobile app, the call center and
 * the sales reps, with the messiness of real distributor files:
 *
 * <ul>
 *   <li>legal names written many ways: legal forms and their spellings ({@code S.L.}/{@code SL}/
 *       {@code Sociedad Limitada}, {@code S.L.U.}, {@code S.A. de C.V.}, {@code S.R.L.},
 *       {@code S.A.S.}, {@code Ltda.}, {@code SpA}, {@code Inc.}, {@code LLC}) or none,
 *       {@code Hnos.}/{@code Hermanos}, {@code Distrib.}, {@code Cía.}, {@code &}/{@code y},
 *       accents dropped, upper case, the first word moved last;
 *   <li>tax ids with correct check digits (Spanish CIF and DNI, Mexican RFC of personas morales
 *       and físicas, Argentine CUIT, Colombian NIT, Chilean RUT; US EINs have none) in the forms
 *       files hold ({@code B-12.345.674}, {@code b12345674}, {@code ES B12345674},
 *       {@code ESB12345674}, {@code 30-71234567-1}, {@code 76.543.212-K}), some with a wrong check
 *       digit, labelled ({@link AccountPattern#WRONG_CHECK_DIGIT});
 *   <li>the {@link AccountPattern}s of real distributor data: family businesses, shared
 *       {@code pedidos@} mailboxes, sole traders named by their person name, near-identical
 *       company names with different tax ids, a group's branches, one contact buying for two
 *       shops, reps entering orders (their id in the payload under {@link #REP_ID}) without tax id
 *       or without naming the contact, catalogue forms with the company only, contacts buying
 *       privately.
 * </ul>
 *
 * <p><b>Truth.</b> Every touchpoint carries the account it was for and the person who placed it
 * ({@link AccountTouchpoint}); either may be none, never both. A contact is a person of their
 * own, related to the accounts they act for, never the account. Two accounts never share a tax
 * id, a landline or a domain's mailbox (branches of one group share the domain, each with its own
 * mailbox); a contact's mobile and own email are theirs alone. The values shared across accounts
 * on purpose are a rep's own email ({@link AccountPattern#REP_OWN_EMAIL}) and the shared contact
 * of {@link AccountPattern#CONTACT_OF_TWO_ACCOUNTS}.
 *
 * <p>Each touchpoint names its organisation in the attribute {@link #ORG_NAME} and its tax id as
 * an identifier of type {@link #TAX_ID}, with the account's {@link AttributeKey#COUNTRY}.
 *
 * <p>Deterministic: each account is generated from the seed and its index alone (and the pairs
 * of neighbouring accounts, drawn once from the seed). Immutable and thread-safe.
 */
public final class DistributorGenerator {
  /** The attribute holding the organisation's name as written, {@code org_name}. */
  public static final AttributeKey ORG_NAME = AttributeKey.of("org_name");
  /** The identifier type of tax ids, {@code tax_id}. */
  public static final IdentifierType TAX_ID = IdentifierType.of("tax_id");
  /** The payload key of the rep who entered an order, e.g. {@code REP-007}. */
  public static final String REP_ID = "rep_id";

  private static final String[] COUNTRIES = {"ES", "ES", "ES", "MX", "MX", "AR", "CO", "CL", "US"};
  private static final int ACCOUNTS_PER_REP = 20;
  private static final int NONE = 0;
  private static final int NEAR_IDENTICAL = 1;
  private static final int BRANCH = 2;
  private static final int SHARED_CONTACT = 3;

  private final int accounts;
  private final long seed;
  private final double meanTouchpoints;
  private final Instant start;
  private final Duration window;
  private final EnumMap<AccountPattern, Double> rates;
  /** link[a]: how account a is paired with account a + 1 (NONE, NEAR_IDENTICAL, BRANCH, SHARED_CONTACT). */
  private final int[] link;

  private DistributorGenerator(Builder b) {
    this.accounts = b.accounts;
    this.seed = b.seed;
    this.meanTouchpoints = b.meanTouchpoints;
    this.start = b.start;
    this.window = b.window;
    this.rates = new EnumMap<>(b.rates);
    this.link = links();
  }

  /**
   * Starts a configuration: 200 accounts, seed 1, about 4 touchpoints per contact.
   *
   * @return a builder with every rate at its default and a one-year window from 2026-01-01 UTC
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The number of accounts.
   *
   * @return how many accounts the generator makes touchpoints for, at least 1
   */
  public int accounts() {
    return accounts;
  }

  /**
   * The rate of {@code pattern} in this configuration.
   *
   * @param pattern the pattern, not null
   * @return the rate in {@code [0, 1]}: the builder's, or {@link AccountPattern#defaultRate()}
   */
  public double rate(AccountPattern pattern) {
    return rates.get(Objects.requireNonNull(pattern, "pattern"));
  }

  /**
   * Every touchpoint, account by account, generated lazily.
   *
   * @return a sequential stream of the same touchpoints in the same order on every call
   */
  public Stream<AccountTouchpoint> stream() {
    return IntStream.range(0, accounts).boxed().flatMap(a -> touchpointsOf(a).stream());
  }

  /**
   * Every touchpoint in a list.
   *
   * @return a new mutable list of the touchpoints in {@link #stream()}'s order
   */
  public List<AccountTouchpoint> generate() {
    List<AccountTouchpoint> out = new ArrayList<>();
    forEach(out::add);
    return out;
  }

  /**
   * Feeds every touchpoint to {@code sink}, in {@link #stream()}'s order, holding one account's
   * at a time.
   *
   * @param sink receives each touchpoint, on the calling thread
   */
  public void forEach(Consumer<AccountTouchpoint> sink) {
    for (int a = 0; a < accounts; a++) {
      touchpointsOf(a).forEach(sink);
    }
  }

  // ---------------------------------------------------------------- the accounts

  /** Pairs never chain: an account is the second of at most one pair and then first of none. */
  private int[] links() {
    int[] out = new int[accounts];
    SplittableRandom r = new SplittableRandom(seed ^ 0x0D15_7B17_A5E5L);
    double near = rate(AccountPattern.NEAR_IDENTICAL_NAME);
    double branch = near + rate(AccountPattern.GROUP_BRANCH);
    double shared = branch + rate(AccountPattern.CONTACT_OF_TWO_ACCOUNTS);
    for (int a = 0; a + 1 < accounts; a++) {
      double x = r.nextDouble();  // one draw per account, so a rate changes no other account's pair
      if (a > 0 && out[a - 1] != NONE) {
        continue;
      }
      out[a] = x < near ? NEAR_IDENTICAL : x < branch ? BRANCH : x < shared ? SHARED_CONTACT : NONE;
    }
    return out;
  }

  private boolean second(int a) {
    return a > 0 && link[a - 1] != NONE;
  }

  private SplittableRandom randomFor(int account, long salt) {
    return new SplittableRandom(seed * 0x9E37_79B9_7F4A_7C15L + account * 0xBF58_476D_1CE4_E5B9L + salt);
  }

  /** A legal form: its country, its CIF entity letter in Spain, its spellings, its sibling. */
  private enum Form {
    SL("ES", 'B', "S.L.", "SL", "S. L.", "Sociedad Limitada"),
    SLU("ES", 'B', "S.L.U.", "SLU", "S.L.U"),
    SA_ES("ES", 'A', "S.A.", "SA", "S. A.", "Sociedad Anónima"),
    SA_CV("MX", ' ', "S.A. de C.V.", "SA de CV", "S.A.de C.V.", "S.A. DE C.V."),
    SRL_CV("MX", ' ', "S. de R.L. de C.V.", "S de RL de CV"),
    SRL_AR("AR", ' ', "S.R.L.", "SRL"),
    SA_AR("AR", ' ', "S.A.", "SA"),
    SAS("CO", ' ', "S.A.S.", "SAS"),
    LTDA_CO("CO", ' ', "Ltda.", "Ltda", "Limitada"),
    SPA("CL", ' ', "SpA", "SPA", "S.p.A."),
    LTDA_CL("CL", ' ', "Ltda.", "Limitada"),
    INC("US", ' ', "Inc.", "Inc", "Incorporated"),
    LLC("US", ' ', "LLC", "L.L.C.");

    final String country;
    final char entity;
    final String[] spellings;

    Form(String country, char entity, String... spellings) {
      this.country = country;
      this.entity = entity;
      this.spellings = spellings;
    }

    /** Another form of the same country, for a near-identical namesake company. */
    Form sibling() {
      return switch (this) {
        case SL, SLU -> SA_ES;
        case SA_ES -> SL;
        case SA_CV -> SRL_CV;
        case SRL_CV -> SA_CV;
        case SRL_AR -> SA_AR;
        case SA_AR -> SRL_AR;
        case SAS -> LTDA_CO;
        case LTDA_CO -> SAS;
        case SPA -> LTDA_CL;
        case LTDA_CL -> SPA;
        case INC -> LLC;
        case LLC -> INC;
      };
    }

    static Form[] of(String country) {
      return Stream.of(values()).filter(f -> f.country.equals(country)).toArray(Form[]::new);
    }
  }

  private static final String[] SECTORS = {"Ferretería", "Distribuciones", "Distribuidora",
      "Suministros", "Comercial", "Papelería", "Droguería", "Tiendas", "Materiales", "Librería",
      "Electricidad", "Autopartes"};
  private static final Map<String, String[]> COUNTRY_SECTORS = Map.of("MX",
      new String[] {"Abarrotes", "Comercializadora"}, "AR", new String[] {"Almacén", "Insumos"});
  private static final String[] US_SECTORS = {"Hardware", "Supply", "Trading", "Distributors",
      "Wholesale"};
  private static final String[] PLACES = {"La Esperanza", "Santa Fe", "El Faro", "El Sol",
      "La Económica", "Los Andes", "del Pacífico", "del Norte", "San José", "La Central",
      "El Progreso", "La Estrella"};
  private static final String[] US_PLACES = {"Gulf Coast", "Bay Area", "Lone Star", "Pacific",
      "Great Lakes"};
  /** Family names one letter or syllable apart: two companies named after them are namesakes. */
  private static final Map<String, String> NEAR_FAMILIES = Map.of("Hernández", "Fernández",
      "Fernández", "Hernández", "Martínez", "Martín", "Martín", "Martínez", "Ramos", "Ramón",
      "Gómez", "Gámez", "Ruiz", "Ruz", "Smith", "Smyth", "Miller", "Millar");
  private static final Map<String, String[]> ABBREVIATIONS = Map.of(
      "Hermanos", new String[] {"Hnos.", "Hnos", "HNOS."},
      "Distribuciones", new String[] {"Distrib."},
      "Distribuidora", new String[] {"Distrib.", "Distr."},
      "Compañía", new String[] {"Cía.", "Cia.", "Cía", "Cia"},
      "y", new String[] {"&"},
      "and", new String[] {"&"});
  private static final String[] MAILBOXES = {"pedidos", "info", "compras", "ventas", "administracion"};
  private static final String[] PLACEHOLDER_WORDS = {"y", "and", "de", "del", "la", "el", "los"};

  /** A person: a contact of an account, or a sole trader. */
  private record Contact(String id, String given, String family1, String family2,
      String ownEmail, String privateEmail, String mobile, boolean privateBuyer) {
    String family() {
      return family2 == null ? family1 : family1 + " " + family2;
    }
  }

  /** An account's stable facts. */
  private record Account(int index, String id, String country, boolean soleTrader,
      List<String> words, Form form, String taxId, String domain, String mailbox,
      boolean mailboxInUse, String landline, String postal, String city, int rep,
      Set<AccountPattern> patterns, List<Contact> contacts) {}

  /** The draws of an account before its pair shapes it. */
  private record Draw(String country, boolean soleTrader, List<String> words, Form form,
      String family, String city) {}

  private String countryOf(int a) {
    return second(a) ? countryOf(a - 1) : COUNTRIES[randomFor(a, 1).nextInt(COUNTRIES.length)];
  }

  private Draw draw(int a) {
    String country = countryOf(a);
    SplittableRandom r = randomFor(a, 2);
    boolean inPair = second(a) || link[a] == NEAR_IDENTICAL || link[a] == BRANCH;
    double x = r.nextDouble();
    boolean sole = !country.equals("US") && !inPair && x < rate(AccountPattern.SOLE_TRADER);
    boolean family = r.nextDouble() < rate(AccountPattern.FAMILY_BUSINESS);
    Form[] forms = Form.of(country);
    Form form = forms[r.nextInt(forms.length)];
    String city = pick(r, Vocabulary.cities(country));
    List<String> words = new ArrayList<>();
    String familyName = null;
    if (country.equals("US")) {
      String f = pick(r, Vocabulary.ENGLISH_FAMILY);
      String sector = pick(r, US_SECTORS);
      if (family) {
        words.addAll(List.of(f, "and", "Sons", sector));
        familyName = f;
      } else if (r.nextBoolean()) {
        words.addAll(List.of(pick(r, US_PLACES).split(" ")));
        words.add(sector);
      } else {
        words.addAll(List.of(f, sector));
      }
      return new Draw(country, false, List.copyOf(words), form, familyName, city);
    }
    String[] local = COUNTRY_SECTORS.getOrDefault(country, new String[0]);
    String sector = r.nextInt(4) == 0 && local.length > 0 ? pick(r, local) : pick(r, SECTORS);
    String f1 = pick(r, Vocabulary.SPANISH_FAMILY);
    if (family) {
      familyName = f1;
      if (r.nextBoolean()) {
        words.addAll(List.of(sector, "Hermanos", f1));
      } else {
        words.addAll(List.of(sector, f1, "y", "Compañía"));
      }
    } else {
      switch (r.nextInt(3)) {
        case 0 -> {
          String f2 = pick(r, Vocabulary.SPANISH_FAMILY);
          words.addAll(List.of(sector, f1, "y", f2.equals(f1) ? "Gil" : f2));
        }
        case 1 -> {
          words.add(sector);
          words.addAll(List.of(pick(r, PLACES).split(" ")));
        }
        default -> words.addAll(List.of(sector, f1));
      }
    }
    return new Draw(country, sole, List.copyOf(words), form, familyName, city);
  }

  private Account account(int a) {
    Draw d = draw(a);
    String country = d.country();
    SplittableRandom r = randomFor(a, 3);
    EnumSet<AccountPattern> patterns = EnumSet.noneOf(AccountPattern.class);
    List<String> words = d.words();
    Form form = d.form();
    String city = d.city();
    String familyName = d.family();
    String domain = null;
    String mailbox = pick(r, MAILBOXES);
    String suffix = "";
    if (second(a)) {
      Draw first = draw(a - 1);
      familyName = first.family();
      if (link[a - 1] == NEAR_IDENTICAL) {
        patterns.add(AccountPattern.NEAR_IDENTICAL_NAME);
        city = first.city();
        words = nearIdentical(first.words(), r);
        form = words.equals(first.words()) ? first.form().sibling() : first.form();
      } else if (link[a - 1] == BRANCH) {
        patterns.add(AccountPattern.GROUP_BRANCH);
        String[] cities = Vocabulary.cities(country);
        city = cities[(List.of(cities).indexOf(first.city()) + 1 + r.nextInt(cities.length - 1)) % cities.length];
        words = new ArrayList<>(first.words());
        words.add(city);
        words = List.copyOf(words);
        domain = domain(a - 1, first.words(), country);
        mailbox = ascii(city).replaceAll("[^a-z]", "");
        suffix = "." + mailbox;
      }
    }
    if (link[a] == BRANCH) {
      patterns.add(AccountPattern.GROUP_BRANCH);
      List<String> grouped = new ArrayList<>(words);
      grouped.add(0, "Grupo");
      words = List.copyOf(grouped);
    }
    if (link[a] == NEAR_IDENTICAL) {
      patterns.add(AccountPattern.NEAR_IDENTICAL_NAME);
    }
    if (d.soleTrader()) {
      familyName = null;  // the owner's own name is the company's
    }
    if (familyName != null) {
      patterns.add(AccountPattern.FAMILY_BUSINESS);
    }
    List<Contact> contacts = new ArrayList<>();
    String taxId;
    boolean mailboxInUse = false;
    if (d.soleTrader()) {
      patterns.add(AccountPattern.SOLE_TRADER);
      Contact owner = contact(a, 0, country, null, null, "", new ArrayList<>(), r);
      contacts.add(owner);
      words = owner.family2() == null ? List.of(owner.given(), owner.family1())
          : List.of(owner.given(), owner.family1(), owner.family2());
      taxId = personalTaxId(a, country, owner);
      domain = null;
    } else {
      if (domain == null) {
        domain = domain(a, words.get(0).equals("Grupo") ? words.subList(1, words.size()) : words, country);
      }
      mailboxInUse = r.nextDouble() < rate(AccountPattern.SHARED_MAILBOX);
      if (mailboxInUse) {
        patterns.add(AccountPattern.SHARED_MAILBOX);
      }
      int count = familyName != null ? 2 + r.nextInt(3) : 1 + r.nextInt(4);
      List<String> taken = new ArrayList<>();
      for (int c = 0; c < count; c++) {
        contacts.add(contact(a, c, country, c < 2 ? familyName : null, domain, suffix, taken, r));
      }
      taxId = companyTaxId(a, country, form, words);
    }
    return new Account(a, "A" + (a + 1), country, d.soleTrader(), words, form, taxId, domain,
        mailbox, mailboxInUse, landline(a, country), postal(r, country), city,
        a / ACCOUNTS_PER_REP, Set.copyOf(patterns), List.copyOf(contacts));
  }

  /** A second company's name: the same words (another form follows), Hermanos toggled, or a near family name. */
  private static List<String> nearIdentical(List<String> words, SplittableRandom r) {
    List<String> out = new ArrayList<>(words);
    int option = r.nextInt(3);
    if (option == 1) {
      String brothers = words.contains("and") || words.contains("Sons") ? "Brothers" : "Hermanos";
      if (!out.remove(brothers)) {
        out.add(brothers);
      }
    } else if (option == 2) {
      for (int i = 0; i < out.size(); i++) {
        String near = NEAR_FAMILIES.get(out.get(i));
        if (near != null) {
          out.set(i, near);
          return List.copyOf(out);
        }
        if (out.get(i).equals("El")) {
          out.set(i, "Del");
          return List.copyOf(out);
        }
      }
    }
    return option == 0 ? List.copyOf(words) : List.copyOf(out);
  }

  /**
   * A contact of account {@code a}; {@code taken} holds the given names of its earlier contacts
   * (contacts of one account have different given names, so their work mailboxes differ), and
   * {@code suffix} tells a branch's mailboxes from its group's on their shared domain.
   */
  private Contact contact(int a, int c, String country, String familyName, String domain,
      String suffix, List<String> taken, SplittableRandom r) {
    boolean hispanic = !country.equals("US") || r.nextInt(5) == 0;
    String given;
    do {
      boolean female = r.nextBoolean();
      given = hispanic ? pick(r, female ? Vocabulary.SPANISH_GIVEN_F : Vocabulary.SPANISH_GIVEN_M)
          : pick(r, female ? Vocabulary.ENGLISH_GIVEN_F : Vocabulary.ENGLISH_GIVEN_M);
    } while (taken.contains(given));
    taken.add(given);
    String family1 = familyName != null ? familyName
        : pick(r, hispanic ? Vocabulary.SPANISH_FAMILY : Vocabulary.ENGLISH_FAMILY);
    String family2 = hispanic ? pick(r, Vocabulary.SPANISH_FAMILY) : null;
    int person = personNumber(a, c);
    String privateEmail = ascii(given).replace(" ", "") + "." + ascii(family1).replace(" ", "")
        + person + "@" + pick(r, Vocabulary.providers(country.equals("CL") ? "CO" : country));
    String ownEmail = null;
    if (domain != null && r.nextInt(10) < 7) {
      ownEmail = (r.nextBoolean() ? ascii(given).replace(" ", "") + "." + ascii(family1).replace(" ", "")
          : ascii(given).replace(" ", "")) + suffix + "@" + domain;
    }
    boolean privateBuyer = r.nextDouble() < rate(AccountPattern.PRIVATE_PURCHASE);
    return new Contact("P" + person, given, family1, family2, ownEmail, privateEmail,
        mobile(person, country), privateBuyer);
  }

  private static int personNumber(int a, int c) {
    return a * 8 + c + 1;
  }

  private String domain(int a, List<String> words, String country) {
    StringBuilder slug = new StringBuilder();
    for (String w : words) {
      if (!List.of(PLACEHOLDER_WORDS).contains(w.toLowerCase(Locale.ROOT)) && slug.length() < 18) {
        slug.append(slug.length() == 0 ? "" : "-").append(ascii(w).replaceAll("[^a-z]", ""));
      }
    }
    String tld = switch (country) {
      case "ES" -> ".es";
      case "MX" -> ".com.mx";
      case "AR" -> ".com.ar";
      case "CO" -> ".com.co";
      case "CL" -> ".cl";
      default -> ".com";
    };
    return slug + Integer.toString(a + 1) + tld;
  }

  /** A company's tax id, one number per account index (7919 is prime to every modulus here). */
  private static String companyTaxId(int a, String country, Form form, List<String> words) {
    long k = (long) a * 7919;
    return switch (country) {
      case "ES" -> TaxIdDigits.cif(form.entity, (int) (1_000_000 + k % 8_999_999));
      case "MX" -> {
        StringBuilder letters = new StringBuilder();
        for (String w : words) {
          if (letters.length() < 3 && !List.of(PLACEHOLDER_WORDS).contains(w.toLowerCase(Locale.ROOT))) {
            letters.append(ascii(w).toUpperCase(Locale.ROOT).charAt(0));
          }
        }
        while (letters.length() < 3) {
          letters.append('X');
        }
        yield TaxIdDigits.rfc(letters + rfcDateAndHomoclave(a));
      }
      case "AR" -> TaxIdDigits.cuit(30, (int) (50_000_000 + k % 49_999_999));
      case "CO" -> TaxIdDigits.nit(800_000_000L + k % 199_999_999);
      case "CL" -> TaxIdDigits.rut((int) (76_000_000 + k % 1_999_999));
      default -> String.format(Locale.ROOT, "%09d", 100_000_000 + k % 899_999_999);
    };
  }

  /** A sole trader's tax id: the owner's own number (a DNI, an RFC física, a CUIT 20/27, a cédula's NIT, a RUN). */
  private static String personalTaxId(int a, String country, Contact owner) {
    long k = (long) a * 7919;
    return switch (country) {
      case "ES" -> TaxIdDigits.dni((int) (10_000_000 + k % 89_999_999));
      case "MX" -> {
        String f1 = ascii(owner.family1()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        String f2 = ascii(owner.family2()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        String g = ascii(owner.given()).toUpperCase(Locale.ROOT).replaceAll("[^A-Z]", "");
        char vowel = 'X';
        for (int i = 1; i < f1.length(); i++) {
          if ("AEIOU".indexOf(f1.charAt(i)) >= 0) {
            vowel = f1.charAt(i);
            break;
          }
        }
        yield TaxIdDigits.rfc("" + f1.charAt(0) + vowel + f2.charAt(0) + g.charAt(0) + rfcDateAndHomoclave(a));
      }
      case "AR" -> TaxIdDigits.cuit(20, (int) (10_000_000 + k % 39_999_999));
      case "CO" -> TaxIdDigits.nit(10_000_000L + k % 89_999_999);
      default -> TaxIdDigits.rut((int) (8_000_000 + k % 11_999_999));
    };
  }

  /** YYMMDD and a homoclave from the account index alone, so no two accounts share them. */
  private static String rfcDateAndHomoclave(int a) {
    String alphabet = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ";  // 34 characters
    int h = a % (34 * 34);
    java.time.LocalDate date = java.time.LocalDate.of(1975, 1, 1).plusDays(13L * h + a / (34 * 34));
    return String.format(Locale.ROOT, "%02d%02d%02d", date.getYear() % 100, date.getMonthValue(),
        date.getDayOfMonth()) + alphabet.charAt(h / 34) + alphabet.charAt(h % 34);
  }

  /**
   * A contact's mobile, one per person number (the last digits are injective in it), in a range
   * libphonenumber validates and apart from every landline's range.
   */
  private static String mobile(int person, String country) {
    long n = (person * 7919L + 1_234_567) % 10_000_000;
    String seven = String.format(Locale.ROOT, "%07d", n);
    return switch (country) {
      case "ES" -> "+346" + (1 + person % 9) + seven;
      case "MX" -> "+52" + (new String[] {"55", "33", "81"})[person % 3] + (1 + person % 7) + seven;
      case "AR" -> "+54911" + (5 + person % 3) + seven;
      case "CO" -> "+57310" + seven;
      case "CL" -> "+569" + (5 + person % 5) + seven;
      default -> "+1" + Vocabulary.US_AREA_CODES[person % Vocabulary.US_AREA_CODES.length] + "4"
          + String.format(Locale.ROOT, "%06d", (person * 7919L + 123_457) % 1_000_000);
    };
  }

  /** An account's landline, one per account index. */
  private static String landline(int a, String country) {
    String seven = String.format(Locale.ROOT, "%07d", (a * 7919L + 7_654_321) % 10_000_000);
    return switch (country) {
      case "ES" -> "+349" + "1356".charAt(a % 4) + seven;
      case "MX" -> "+52" + (new String[] {"55", "33", "81"})[a % 3] + "8" + seven;
      case "AR" -> "+54114" + seven;
      case "CO" -> "+57601" + seven;
      case "CL" -> "+5622" + seven;
      default -> "+1" + Vocabulary.US_AREA_CODES[a % Vocabulary.US_AREA_CODES.length] + "5"
          + String.format(Locale.ROOT, "%06d", (a * 7919L + 654_321) % 1_000_000);
    };
  }

  private static String postal(SplittableRandom r, String country) {
    return switch (country) {
      case "ES" -> String.format(Locale.ROOT, "%05d", 1000 + r.nextInt(51000));
      case "MX" -> String.format(Locale.ROOT, "%05d", 1000 + r.nextInt(98000));
      case "AR" -> (char) ('B' + r.nextInt(20)) + Integer.toString(1000 + r.nextInt(8000));
      case "CO" -> Integer.toString(110111 + r.nextInt(700000));
      case "CL" -> Integer.toString(1000000 + r.nextInt(8000000));
      default -> String.format(Locale.ROOT, "%05d", 10001 + r.nextInt(89000));
    };
  }

  // ---------------------------------------------------------------- the touchpoints

  private List<AccountTouchpoint> touchpointsOf(int a) {
    Account acc = account(a);
    Account next = link[a] == SHARED_CONTACT ? account(a + 1) : null;
    SplittableRandom r = randomFor(a, 4);
    List<AccountTouchpoint> out = new ArrayList<>();
    int[] k = {0};
    double more = 1 - 1 / meanTouchpoints;
    for (int c = 0; c < acc.contacts().size(); c++) {
      Contact contact = acc.contacts().get(c);
      int count = 1;
      while (r.nextDouble() < more && count < 40) {
        count++;
      }
      boolean sharedContact = next != null && c == 0;
      for (int t = 0; t < count; t++) {
        Account target = sharedContact && r.nextBoolean() ? next : acc;
        EnumSet<AccountPattern> extra = sharedContact
            ? EnumSet.of(AccountPattern.CONTACT_OF_TWO_ACCOUNTS) : EnumSet.noneOf(AccountPattern.class);
        out.add(order(target, contact, a, k[0]++, extra, r));
      }
      if (contact.privateBuyer()) {
        for (int t = 1 + r.nextInt(2); t > 0; t--) {
          out.add(privatePurchase(acc, contact, a, k[0]++, r));
        }
      }
    }
    if (r.nextDouble() < rate(AccountPattern.COMPANY_ONLY)) {
      out.add(companyOnly(acc, a, k[0]++, r));
    }
    return out;
  }

  private AccountTouchpoint order(Account acc, Contact contact, int a, int k,
      EnumSet<AccountPattern> patterns, SplittableRandom r) {
    patterns.addAll(acc.patterns());
    boolean rep = r.nextDouble() < rate(AccountPattern.REP_ORDER);
    Channel channel = rep ? Channel.SALES_REP
        : new Channel[] {Channel.CATALOG, Channel.WEB, Channel.WEB, Channel.MOBILE_APP,
            Channel.MOBILE_APP, Channel.CALL_CENTER}[r.nextInt(6)];
    EventKind kind = channel.equals(Channel.MOBILE_APP) && r.nextInt(10) < 4 ? EventKind.CART
        : channel.equals(Channel.CALL_CENTER) && r.nextInt(10) < 3 ? EventKind.INQUIRY
        : EventKind.PURCHASE;
    Touchpoint.Builder b = base(acc, a, k, channel, kind, r);
    boolean named = true;
    if (rep) {
      patterns.add(AccountPattern.REP_ORDER);
      b.payload(REP_ID, String.format(Locale.ROOT, "REP-%03d", acc.rep() + 1));
      named = r.nextDouble() >= 0.4;
      if (!named) {
        patterns.add(AccountPattern.REP_UNNAMED_CONTACT);
      }
      if (r.nextDouble() < rate(AccountPattern.REP_OWN_EMAIL)) {
        patterns.add(AccountPattern.REP_OWN_EMAIL);
        b.identifier(IdentifierType.EMAIL,
            String.format(Locale.ROOT, "ventas.rep%03d@red-comercial-ficticia.com", acc.rep() + 1));
      }
    }
    if (named) {
      names(b, contact, rep || channel.equals(Channel.CALL_CENTER), r);
      if (!rep) {
        int e = r.nextInt(20);
        String own = contact.ownEmail() != null ? contact.ownEmail() : contact.privateEmail();
        if (acc.mailboxInUse() && e < 7) {
          b.identifier(IdentifierType.EMAIL, emailVariant(acc.mailbox() + "@" + acc.domain(), r));
        } else if (e < 17) {
          b.identifier(IdentifierType.EMAIL, emailVariant(own, r));
        }
      }
      int p = r.nextInt(20);
      if (p < 9) {
        b.identifier(IdentifierType.PHONE, phoneVariant(contact.mobile(), acc.country(), r));
      } else if (p < 14) {
        b.identifier(IdentifierType.PHONE, phoneVariant(acc.landline(), acc.country(), r));
      }
    } else if (r.nextInt(5) < 2) {
      b.identifier(IdentifierType.PHONE, phoneVariant(acc.landline(), acc.country(), r));
    }
    double taxShare = switch (channel.name()) {
      case "catalog" -> 0.85;
      case "web" -> 0.75;
      case "mobile_app" -> 0.5;
      case "call_center" -> 0.4;
      default -> 0.3;
    };
    if (r.nextDouble() < taxShare) {
      taxId(b, acc, patterns, r);
    } else if (rep) {
      patterns.add(AccountPattern.REP_WITHOUT_TAX_ID);
    }
    organisation(b, acc, rep, r);
    return new AccountTouchpoint(b.build(), Optional.of(acc.id()),
        named ? Optional.of(contact.id()) : Optional.empty(), patterns);
  }

  private AccountTouchpoint privatePurchase(Account acc, Contact contact, int a, int k, SplittableRandom r) {
    Channel channel = r.nextBoolean() ? Channel.WEB : Channel.MOBILE_APP;
    Touchpoint.Builder b = base(acc, a, k, channel, EventKind.PURCHASE, r);
    names(b, contact, false, r);
    b.identifier(IdentifierType.EMAIL, emailVariant(contact.privateEmail(), r));
    if (r.nextBoolean()) {
      b.identifier(IdentifierType.PHONE, phoneVariant(contact.mobile(), acc.country(), r));
    }
    return new AccountTouchpoint(b.build(), Optional.empty(), Optional.of(contact.id()),
        EnumSet.of(AccountPattern.PRIVATE_PURCHASE));
  }

  private AccountTouchpoint companyOnly(Account acc, int a, int k, SplittableRandom r) {
    EnumSet<AccountPattern> patterns = EnumSet.of(AccountPattern.COMPANY_ONLY);
    patterns.addAll(acc.patterns());
    Touchpoint.Builder b = base(acc, a, k, Channel.CATALOG, EventKind.PURCHASE, r);
    b.identifier(IdentifierType.PHONE, phoneVariant(acc.landline(), acc.country(), r));
    taxId(b, acc, patterns, r);
    organisation(b, acc, true, r);
    return new AccountTouchpoint(b.build(), Optional.of(acc.id()), Optional.empty(), patterns);
  }

  private Touchpoint.Builder base(Account acc, int a, int k, Channel channel, EventKind kind,
      SplittableRandom r) {
    Touchpoint.Builder b = Touchpoint.newBuilder("a" + (a + 1) + "-" + (k + 1)).channel(channel)
        .timestamp(start.plusSeconds((long) (r.nextDouble() * window.getSeconds())))
        .eventKind(kind).attribute(AttributeKey.COUNTRY, acc.country());
    if (kind.equals(EventKind.PURCHASE)) {
      b.payload(OmniChannelGenerator.AMOUNT,
          String.format(Locale.ROOT, "%d.%02d", 20 + r.nextInt(2000), r.nextInt(100)));
    }
    return b;
  }

  /** The org name always; postal code on rep orders and forms, else often; city sometimes. */
  private void organisation(Touchpoint.Builder b, Account acc, boolean always, SplittableRandom r) {
    b.attribute(ORG_NAME, writtenName(acc, r));
    if (always || r.nextInt(10) < 6) {
      b.attribute(AttributeKey.POSTAL_CODE, acc.postal());
    }
    if (r.nextInt(2) == 0) {
      int c = r.nextInt(4);
      b.attribute(AttributeKey.CITY, c == 0 ? stripAccents(acc.city())
          : c == 1 ? acc.city().toUpperCase(Locale.ROOT) : acc.city());
    }
  }

  private void taxId(Touchpoint.Builder b, Account acc, EnumSet<AccountPattern> patterns,
      SplittableRandom r) {
    String value = acc.taxId();
    if (!acc.country().equals("US") && r.nextDouble() < rate(AccountPattern.WRONG_CHECK_DIGIT)) {
      value = TaxIdDigits.withWrongCheck(value, acc.country(), r.nextInt(100));
      patterns.add(AccountPattern.WRONG_CHECK_DIGIT);
    }
    b.identifier(TAX_ID, writtenTaxId(value, acc.country(), r));
  }

  private static void names(Touchpoint.Builder b, Contact c, boolean spoken, SplittableRandom r) {
    String given = c.given();
    String family = c.family();
    switch (r.nextInt(spoken ? 7 : 6)) {
      case 0, 1 -> { }
      case 2 -> {
        given = stripAccents(given);
        family = stripAccents(family);
      }
      case 3 -> {
        given = given.toUpperCase(Locale.ROOT);
        family = family.toUpperCase(Locale.ROOT);
      }
      case 4 -> family = c.family1();
      case 5 -> {
        given = ascii(given);
        family = ascii(family);
      }
      default -> family = null;  // "Hable con Marta": a first name is all a rep or an agent notes
    }
    b.attribute(AttributeKey.GIVEN_NAME, given);
    if (family != null) {
      b.attribute(AttributeKey.FAMILY_NAME, family);
    }
  }

  // ---------------------------------------------------------------- written forms

  private static String writtenName(Account acc, SplittableRandom r) {
    List<String> words = new ArrayList<>(acc.words());
    String name;
    if (acc.soleTrader()) {
      String given = words.get(0);
      String family = String.join(" ", words.subList(1, words.size()));
      name = switch (r.nextInt(4)) {
        case 0 -> given + " " + family;
        case 1 -> (family + " " + given).toUpperCase(Locale.ROOT);
        case 2 -> family + ", " + given;
        default -> stripAccents(given + " " + family);
      };
      return r.nextInt(4) == 0 ? stripAccents(name).toUpperCase(Locale.ROOT) : name;
    }
    for (int i = 0; i < words.size(); i++) {
      String[] abbreviations = ABBREVIATIONS.get(words.get(i));
      if (abbreviations != null && r.nextInt(10) < 4) {
        words.set(i, pick(r, abbreviations));
      }
    }
    if (!acc.country().equals("US") && words.size() > 2 && r.nextInt(8) == 0) {
      words.add(words.remove(0));  // "Hermanos García Ferretería"
    }
    name = String.join(" ", words);
    if (r.nextInt(7) > 0) {
      name = name + (r.nextInt(3) == 0 ? ", " : " ") + pick(r, acc.form().spellings);
    }
    return switch (r.nextInt(10)) {
      case 0, 1, 2 -> stripAccents(name);
      case 3, 4 -> stripAccents(name).toUpperCase(Locale.ROOT);
      case 5 -> name.toUpperCase(Locale.ROOT);
      case 6 -> name.toLowerCase(Locale.ROOT);
      default -> name;
    };
  }

  /** A compact tax id as files write it: separators, case, an EU VAT or country prefix. */
  static String writtenTaxId(String t, String country, SplittableRandom r) {
    return switch (country) {
      case "ES" -> {
        if (Character.isDigit(t.charAt(0))) {
          String n = t.substring(0, 8);
          yield pick(r, new String[] {t, n.substring(0, 2) + "." + n.substring(2, 5) + "."
              + n.substring(5) + "-" + t.charAt(8), t.toLowerCase(Locale.ROOT), n + "-" + t.charAt(8), "ES" + t});
        }
        String d = t.substring(1);
        yield pick(r, new String[] {t, t.toLowerCase(Locale.ROOT),
            t.charAt(0) + "-" + d.substring(0, 2) + "." + d.substring(2, 5) + "." + d.substring(5),
            "ES " + t, "ES" + t, t.charAt(0) + "-" + d});
      }
      case "MX" -> {
        int n = t.length() - 9;
        String letters = t.substring(0, n);
        String date = t.substring(n, n + 6);
        String rest = t.substring(n + 6);
        yield pick(r, new String[] {t, t.toLowerCase(Locale.ROOT), letters + "-" + date + "-" + rest,
            letters + " " + date + " " + rest});
      }
      case "AR" -> {
        String dashed = t.substring(0, 2) + "-" + t.substring(2, 10) + "-" + t.substring(10);
        yield pick(r, new String[] {dashed, t, t.substring(0, 2) + " " + t.substring(2, 10) + " "
            + t.substring(10), "AR " + dashed});
      }
      case "CO" -> {
        String body = t.substring(0, t.length() - 1);
        char check = t.charAt(t.length() - 1);
        yield pick(r, new String[] {groups(body, ".") + "-" + check, t, body + "-" + check,
            groups(body, " ") + " " + check});
      }
      case "CL" -> {
        String body = t.substring(0, t.length() - 1);
        String check = t.substring(t.length() - 1);
        String lower = check.toLowerCase(Locale.ROOT);
        yield pick(r, new String[] {groups(body, ".") + "-" + check, body + "-" + check, body + lower,
            groups(body, ".") + "-" + lower});
      }
      default -> pick(r, new String[] {t.substring(0, 2) + "-" + t.substring(2), t});
    };
  }

  /** Digits in groups of three from the right: {@code 76.543.212}. */
  private static String groups(String digits, String separator) {
    StringBuilder s = new StringBuilder();
    int first = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
    s.append(digits, 0, first);
    for (int i = first; i < digits.length(); i += 3) {
      s.append(separator).append(digits, i, i + 3);
    }
    return s.toString();
  }

  private static String emailVariant(String email, SplittableRandom r) {
    return switch (r.nextInt(8)) {
      case 0 -> email.toUpperCase(Locale.ROOT);
      case 1 -> Character.toUpperCase(email.charAt(0)) + email.substring(1);
      default -> email;
    };
  }

  /** A phone as typed: international, 00-prefixed, national, spaced. */
  private static String phoneVariant(String e164, String country, SplittableRandom r) {
    int cc = country.equals("US") ? 2 : 3;
    String national = e164.substring(cc);
    if (country.equals("AR")) {
      national = e164.startsWith("+549") ? "011 15 " + e164.substring(6) : "0" + e164.substring(3);
    }
    if (country.equals("US")) {
      national = "(" + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6);
    }
    return switch (r.nextInt(4)) {
      case 0 -> e164;
      case 1 -> "00" + e164.substring(1);
      case 2 -> national;
      default -> e164.substring(0, cc) + " " + spaced(e164.substring(cc));
    };
  }

  /** A national number in the groups people write: 3-3-4 for ten digits, 3-3-3 for nine, else threes. */
  private static String spaced(String digits) {
    if (digits.length() == 10) {
      return digits.substring(0, 3) + " " + digits.substring(3, 6) + " " + digits.substring(6);
    }
    return digits.replaceAll("(\\d{3})(?=\\d)", "$1 ");
  }

  private static <T> T pick(SplittableRandom r, T[] values) {
    return values[r.nextInt(values.length)];
  }

  private static String stripAccents(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
  }

  private static String ascii(String s) {
    return stripAccents(s).toLowerCase(Locale.ROOT);
  }

  /** Configures a {@link DistributorGenerator}. Not thread-safe. */
  public static final class Builder {
    private int accounts = 200;
    private long seed = 1;
    private double meanTouchpoints = 4;
    private Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private Duration window = Duration.ofDays(365);
    private final EnumMap<AccountPattern, Double> rates = new EnumMap<>(AccountPattern.class);

    private Builder() {
      for (AccountPattern p : AccountPattern.values()) {
        rates.put(p, p.defaultRate());
      }
    }

    /**
     * How many accounts, at least 1.
     *
     * @param accounts the number of accounts, in {@code 1..1_000_000} (else
     *     {@link IllegalArgumentException}); 200 unless set
     * @return this builder
     */
    public Builder accounts(int accounts) {
      if (accounts < 1 || accounts > 1_000_000) {
        throw new IllegalArgumentException("accounts must be in 1..1000000");
      }
      this.accounts = accounts;
      return this;
    }

    /**
     * The seed: the same seed and settings give the same touchpoints, on any machine.
     *
     * @param seed any value; 1 unless set
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * The mean number of orders per contact and account, at least 1 (geometric distribution).
     *
     * @param mean in {@code 1..40} (else {@link IllegalArgumentException}); 4 unless set
     * @return this builder
     */
    public Builder meanTouchpoints(double mean) {
      if (!(mean >= 1 && mean <= 40)) {
        throw new IllegalArgumentException("meanTouchpoints must be in 1..40");
      }
      this.meanTouchpoints = mean;
      return this;
    }

    /**
     * The time window touchpoints fall in.
     *
     * @param start the window's first instant, not null; 2026-01-01T00:00:00Z unless set
     * @param length the window's length, positive (else {@link IllegalArgumentException}); 365
     *     days unless set
     * @return this builder
     */
    public Builder window(Instant start, Duration length) {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(length, "length");
      if (length.isNegative() || length.isZero()) {
        throw new IllegalArgumentException("window length must be positive");
      }
      this.start = start;
      this.window = length;
      return this;
    }

    /**
     * The rate of {@code pattern}, in 0..1: what it is a share of is said on each
     * {@link AccountPattern}. 0 turns the pattern off.
     *
     * @param pattern the pattern, not null
     * @param rate in {@code 0..1} (else {@link IllegalArgumentException});
     *     {@link AccountPattern#defaultRate()} unless set
     * @return this builder
     * @throws IllegalArgumentException also if the three pair patterns
     *     ({@link AccountPattern#NEAR_IDENTICAL_NAME}, {@link AccountPattern#GROUP_BRANCH},
     *     {@link AccountPattern#CONTACT_OF_TWO_ACCOUNTS}) would add up to more than 1
     */
    public Builder rate(AccountPattern pattern, double rate) {
      Objects.requireNonNull(pattern, "pattern");
      if (!(rate >= 0 && rate <= 1)) {
        throw new IllegalArgumentException(pattern.label() + " rate must be in 0..1");
      }
      EnumMap<AccountPattern, Double> next = new EnumMap<>(rates);
      next.put(pattern, rate);
      if (next.get(AccountPattern.NEAR_IDENTICAL_NAME) + next.get(AccountPattern.GROUP_BRANCH)
          + next.get(AccountPattern.CONTACT_OF_TWO_ACCOUNTS) > 1) {
        throw new IllegalArgumentException("near_identical_name, group_branch and "
            + "contact_of_two_accounts rates must add up to at most 1");
      }
      rates.put(pattern, rate);
      return this;
    }

    /**
     * Builds the generator.
     *
     * @return an immutable generator; each of its methods generates the touchpoints anew from the
     *     seed, so two calls give equal results
     */
    public DistributorGenerator build() {
      return new DistributorGenerator(this);
    }
  }
}
