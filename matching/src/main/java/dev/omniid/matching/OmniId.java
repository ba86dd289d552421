package dev.omniid.matching;

import dev.omniid.core.AccountResolver;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.BlockingKey;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import dev.omniid.core.FieldSource;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.ModelEstimator;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.ProfileListener;
import dev.omniid.core.ResolverBuilder;
import dev.omniid.core.SurvivorshipRules;
import dev.omniid.core.Touchpoint;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The one-line default configuration: an {@link IdentityResolver} with real normalizers for every
 * identifier and attribute, junk lists, and a probabilistic match model over names, birth date,
 * address and contact details with blocking keys.
 *
 * <pre>{@code
 * IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("MX").build();
 * }</pre>
 *
 * <p>{@link #resolverBuilder()} is the entry point; {@link IdentityResolver#newBuilder()} starts
 * the bare core builder without any of these defaults, and {@link Builder#toResolverBuilder()}
 * hands over the preset core builder to change further.
 *
 * The default weights are set by hand; {@link #estimate} fits them to your own data without labels.
 * Touchpoints of incompatible people (different given names, birth dates or generational
 * suffixes) are kept apart by {@link PersonRules#standard(boolean)}.
 */
public final class OmniId {
  private OmniId() {}

  /**
   * Starts configuring a resolver with OmniID's defaults: the entry point of the library.
   *
   * @return a new builder holding the defaults; {@link Builder#build()} gives the resolver
   */
  public static Builder resolverBuilder() {
    return new Builder();
  }

  /**
   * Starts configuring an {@link AccountResolver} with OmniID's defaults: persons resolved as
   * {@link #resolverBuilder()} resolves them, organisations by tax id (exclusive, check digits
   * validated), account number and {@link Organisations#matchModel company name and address}.
   * Tax ids, company names and addresses go to the organisations side
   * ({@link Organisations#identifierTypes()}, {@link Organisations#attributes()}); the country goes
   * to both.
   *
   * <pre>{@code
   * AccountResolver accounts = OmniId.accountResolverBuilder().defaultRegion("ES").build();
   * }</pre>
   *
   * @return a new builder holding the defaults; {@link AccountBuilder#build()} gives the resolver
   */
  public static AccountBuilder accountResolverBuilder() {
    return new AccountBuilder();
  }

  /**
   * The default match model: email and phone (fuzzy: an exact shared value already links), given,
   * family and full names, birth date, street address, city, postal code, region and country, with
   * hand-set m/u probabilities under which a shared name alone never links.
   *
   * @param region the ISO 3166 country whose conventions apply (postal codes), e.g. {@code "ES"}
   * @param monthFirstDates whether ambiguous dates read month first (US) rather than day first
   * @return an immutable model with threshold probability 0.99 and prior 0.01, the start model
   *     for {@link #estimate}
   */
  public static MatchModel defaultMatchModel(String region, boolean monthFirstDates) {
    Objects.requireNonNull(region, "region");
    return defaultMatchModel(region, monthFirstDates, PhoneNormalizer.forRegion(region),
        MODEL_TOUCHPOINTS);
  }

  /**
   * The default match model for a resolver expected to hold {@code expectedTouchpoints}: its
   * prior follows the population (see {@link Builder#expectedTouchpoints}).
   *
   * @param region the ISO 3166 country whose conventions apply (postal codes), e.g. {@code "ES"}
   * @param monthFirstDates whether ambiguous dates read month first (US) rather than day first
   * @param expectedTouchpoints how many touchpoints the resolver is expected to hold, {@code >= 1}
   * @return an immutable model with threshold probability 0.99 and prior
   *     {@link #priorFor priorFor(expectedTouchpoints)}
   * @throws OmniIdException ({@code INVALID_VALUE} on {@code expectedTouchpoints}) if it is
   *     below 1
   */
  public static MatchModel defaultMatchModel(String region, boolean monthFirstDates,
      long expectedTouchpoints) {
    Objects.requireNonNull(region, "region");
    return defaultMatchModel(region, monthFirstDates, PhoneNormalizer.forRegion(region),
        checkedTouchpoints(expectedTouchpoints));
  }

  /**
   * The number of touchpoints the default model's probabilities were set for: the files they were
   * tried on (Febrl's 5,000 and 10,000 records, the hard cases, generated files of 1,000 to 2,000
   * customers) hold up to about this many. Its prior, 0.01, is the chance that a compared pair
   * matches in a file of this size.
   */
  static final long MODEL_TOUCHPOINTS = 10_000;

  /** The default model's prior for a file of {@link #MODEL_TOUCHPOINTS}. */
  private static final double MODEL_PRIOR = 0.01;

  /**
   * The default model's prior match probability for a resolver expected to hold
   * {@code expectedTouchpoints}: 0.01 up to {@value #MODEL_TOUCHPOINTS} touchpoints, and beyond
   * them 0.01 × 10,000 / {@code expectedTouchpoints} (1e-4 at a million). A pair is compared when
   * it shares a blocking key; in a larger file more strangers share one (a given name and a birth
   * date, a family name and a postal code) while each person still has as many records of their
   * own, so the chance that a compared pair is one person falls as the file grows, as Splink's
   * λ (the chance that two records of the whole file match) does.
   *
   * @param expectedTouchpoints how many touchpoints the resolver is expected to hold, {@code >= 1}
   * @return the prior, in (0, 0.01]
   * @throws OmniIdException ({@code INVALID_VALUE} on {@code expectedTouchpoints}) if it is
   *     below 1
   */
  public static double priorFor(long expectedTouchpoints) {
    long n = checkedTouchpoints(expectedTouchpoints);
    return n <= MODEL_TOUCHPOINTS ? MODEL_PRIOR : MODEL_PRIOR * MODEL_TOUCHPOINTS / n;
  }

  private static long checkedTouchpoints(long expectedTouchpoints) {
    if (expectedTouchpoints < 1) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "expectedTouchpoints",
          "must be at least 1");
    }
    return expectedTouchpoints;
  }

  /**
   * The default model with the phone normalizer the resolver's identifiers use: one instance, so
   * one cache, and each phone is parsed by libphonenumber once rather than twice.
   */
  static MatchModel defaultMatchModel(String region, boolean monthFirstDates, PhoneNormalizer phones,
      long expectedTouchpoints) {
    NameNormalizer names = NameNormalizer.standard();
    return MatchModel.newBuilder()
        .field(field("email", FieldSource.identifier(IdentifierType.EMAIL), EMAILS,
            EmailMatcher.standard(), 0.85, 0.0001, 0.06, 0.0005, 0.04, 0.005, 0.02, 0.02)
            // An office's info@ or a family's mailbox agreeing says nothing of who typed it.
            .toBuilder().ignoreValues(JunkValues.emails().or(RoleAccounts.emails())).build())
        .field(field("phone", FieldSource.identifier(IdentifierType.PHONE),
            phones, PhoneMatcher.standard(),
            0.85, 0.0001, 0.05, 0.0002, 0.04, 0.0005, 0.02, 0.002)
            .toBuilder().ignoreValues(JunkValues.phones()).build())
        .field(identifiesFrom(field("given_name", FieldSource.attribute(AttributeKey.GIVEN_NAME), names,
            NameMatcher.givenNames(), 0.80, 0.05, 0.10, 0.02, 0.05, 0.03, 0.02, 0.05), null))
        .field(identifiesFrom(field("family_name", FieldSource.attribute(AttributeKey.FAMILY_NAME), names,
            NameMatcher.familyNames(), 0.80, 0.03, 0.10, 0.01, 0.05, 0.02, 0.02, 0.04), null))
        .field(identifiesFrom(field("full_name", FieldSource.attribute(AttributeKey.FULL_NAME), names,
            NameMatcher.fullNames(), 0.75, 0.005, 0.15, 0.005, 0.05, 0.01, 0.03, 0.05), null))
        .field(identifiesFrom(field("birth_date", FieldSource.attribute(AttributeKey.BIRTH_DATE),
            birthDates(monthFirstDates), BirthDateMatcher.standard(),
            0.90, 0.0003, 0.05, 0.001, 0.02, 0.01, 0.01, 0.03), ComparisonLevel.EXACT))
        .field(field("address", FieldSource.attributes(AttributeKey.ADDRESS, AttributeKey.ADDRESS_LINE),
            AddressNormalizer.standard(), AddressMatcher.standard(),
            0.60, 0.001, 0.20, 0.002, 0.10, 0.01, 0.05, 0.05))
        .field(identifiesFrom(field("city", FieldSource.attribute(AttributeKey.CITY), names,
            TextMatcher.jaroWinkler(), 0.85, 0.05, 0.05, 0.01, 0.03, 0.02, 0.02, 0.05), null))
        .field(field("postal_code", FieldSource.attribute(AttributeKey.POSTAL_CODE),
            PostalCodes.normalizer(region), TextMatcher.typo(),
            0.85, 0.01, 0.07, 0.01, 0.03, 0.03, 0.01, 0.01))
        .field(identifiesFrom(field("region", FieldSource.attribute(AttributeKey.REGION), Normalizer.lowerCase(),
            FieldMatcher.exact(), 0.95, 0.2, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001), null))
        .field(identifiesFrom(field("country", FieldSource.attribute(AttributeKey.COUNTRY), Normalizer.lowerCase(),
            FieldMatcher.exact(), 0.97, 0.3, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001), null))
        .priorMatchProbability(priorFor(expectedTouchpoints))
        // 0.99: a shared name and country alone (common names are common) stays below it.
        .matchThreshold(0.99)
        .build();
  }

  /**
   * The default blocking keys, each a rule that combines fields so that its blocks stay small
   * (Splink's blocking rules): two touchpoints are compared when they agree on at least one rule.
   * An email's local part (typos in the domain, a second provider),
   * a phone's last 7 digits as normalized (so a national number read in the wrong region, or a
   * local 7-digit number, meets the full international number), phonetic family name with birth
   * year and the given name's initial (a reading without a given name keys on family name and
   * year alone), phonetic family name with the full birth date (a nickname that starts with
   * another letter: "Pepe" for José), phonetic given and family names with the city, postal code
   * with phonetic family name,
   * the full birth date with the given name's initial, postal code with the full birth date (a
   * record without any name), and street and house number with phonetic family name (a record
   * without city or postal code). A record with only a full name is keyed under each reading of
   * it: given name first or surname first, the family name starting at any of its first tokens
   * ("José Luis Martín Pardo"), or as a comma says ("García Romero, Ana"). A key shared by more
   * than the resolver's {@code maxBlockSize} touchpoints compares nothing; the resolver this
   * class builds gives the names-with-city key a maximum of its own, 10 (namesakes in a city),
   * and the family name with birth year and initial and the street with family name 20.
   * Each needs the fields it reads; a touchpoint without them gets no key from it.
   *
   * @return an immutable list of nine thread-safe keys, in the order above
   */
  public static List<BlockingKey> defaultBlockingKeys() {
    return defaultBlockingKeys(BLOCKING_PHONES);
  }

  /**
   * The golden record's default survivorship rules ({@link SurvivorshipRules#defaults()}) with
   * verified values first: a phone libphonenumber validates wins over an unverified or
   * local-only one, and an email that is on no junk list wins over a listed one
   * ({@code noreply@...}), whatever the field's rule says. Pass them to
   * {@link dev.omniid.core.GoldenRecord#of GoldenRecord.of(profile, rules)}.
   *
   * @return immutable, thread-safe rules
   */
  public static SurvivorshipRules survivorshipRules() {
    return SURVIVORSHIP;
  }

  private static final SurvivorshipRules SURVIVORSHIP = SurvivorshipRules.newBuilder()
      .verifiedBy(IdentifierType.PHONE,
          phone -> PhoneNormalizer.form(phone) == PhoneNormalizer.Form.VALID
              && !JunkValues.phones().test(phone))
      .verifiedBy(IdentifierType.EMAIL, email -> !JunkValues.emails().test(email))
      .build();

  /**
   * The most touchpoints a key of given and family names with the city gathers and still
   * compares (the resolver's other keys compare up to {@link #FAMILY_NAMESAKES_PER_KEY} or 200).
   * Such a key is there for the few records of one person whose identifiers all have typos; in a
   * large file it gathers the namesakes of a city, dozens per common name, none of whom a shared
   * name tells apart. On 5 M generated rows its blocks made 22.3 M of the 79 M block visits, most
   * in blocks of 11 to 50; compared up to 10, precision rose from 0.9782 to 0.9785 with the same
   * recall, the run took a few percent less time, and Febrl, whose blocks of this key hold a few
   * records, is unchanged (see README, "Namesakes per key").
   */
  static final int NAMESAKES_PER_KEY = 10;

  /**
   * The most touchpoints a key of family name with birth year and initial, or with street, gathers
   * and still compares. After the names with the city, these two made the most block visits on
   * 5 M generated rows (14.3 M and 9.2 M of 79 M, most in blocks of 11 to 50: a common family
   * name's people born in one year with one initial, a long street's people of one family name);
   * a household or a person's typo-ridden records make a few of them (see README, "Namesakes per
   * key").
   */
  static final int FAMILY_NAMESAKES_PER_KEY = 20;

  /** The most touchpoints any other default key compares; the resolver's maxBlockSize. */
  private static final int MAX_BLOCK_SIZE = 200;

  /** A default blocking key and the most touchpoints it gathers and still compares. */
  record DefaultKey(BlockingKey key, int maxBlockSize) {}

  /** {@link #defaultBlockingKeys(PhoneNormalizer)} with the maximum the resolver gives each. */
  static List<DefaultKey> defaultKeys(PhoneNormalizer phones) {
    return List.of(
        new DefaultKey(t -> emailLocalParts(t), MAX_BLOCK_SIZE),
        new DefaultKey(t -> phoneTails(t, phones), MAX_BLOCK_SIZE),
        new DefaultKey(t -> familyYearInitial(t), FAMILY_NAMESAKES_PER_KEY),
        new DefaultKey(t -> join(families(t), birthDate(t)), MAX_BLOCK_SIZE),
        new DefaultKey(t -> givenFamilyCity(t), NAMESAKES_PER_KEY),
        new DefaultKey(t -> join(postalCode(t), families(t)), MAX_BLOCK_SIZE),
        new DefaultKey(t -> join(birthDate(t), initials(t)), MAX_BLOCK_SIZE),
        new DefaultKey(t -> join(postalCode(t), birthDate(t)), MAX_BLOCK_SIZE),
        // The last key lets go of the touchpoint the keys share (KeyParts).
        new DefaultKey(t -> KeyParts.released(join(street(t), families(t))),
            FAMILY_NAMESAKES_PER_KEY));
  }

  /** The default blocking keys, reading phones with {@code phones} (the resolver's own, one cache). */
  static List<BlockingKey> defaultBlockingKeys(PhoneNormalizer phones) {
    return defaultKeys(phones).stream().map(DefaultKey::key).toList();
  }

  /**
   * Fits the default model's probabilities to {@code sample} by expectation–maximization over
   * the default blocking keys; no labels needed.
   *
   * @param start the model to start from, typically {@link #defaultMatchModel(String, boolean)};
   *     not null
   * @param sample unlabeled touchpoints from your own data (a few thousand customers or more),
   *     in any order; not null
   * @return the fitted model (pass it to {@link Builder#matchModel}) and how EM got there;
   *     the threshold stays the start model's
   * @throws OmniIdException ({@code INVALID_VALUE}) if the sample gives no pair to learn from
   */
  public static ModelEstimator.Estimate estimate(MatchModel start, Collection<Touchpoint> sample) {
    return ModelEstimator.estimate(start, sample, defaultBlockingKeys(), 2_000, 200);
  }

  /**
   * Sets how many results each of the value caches keeps, for every resolver of this JVM. A
   * result that depends on a value alone is remembered in a bounded Caffeine cache: a phone
   * parsed by libphonenumber, an e-mail or device id normalized, a name's or an address's
   * reading, a phonetic key, a birth date, a name or address prepared for comparing, two given
   * names compared. These caches are shared by every resolver of the JVM (a result is the same
   * for all of them), so the size is set here, not on a builder; a new size reaches the caches
   * made before it, evicting down to it at once when smaller. Caches a caller sized itself
   * ({@link Normalizers#cached}, {@link PhoneNormalizer#forRegion(String, long)}) keep their
   * size.
   *
   * <p>The default, 1,000,000 each, serves a file of about a million customers: a returning
   * customer's values are still there, and a cache less than half full answers a hit faster
   * (Caffeine records reads for its eviction policy only from then on). A cache fills only with
   * the values it is asked for, at about 125 bytes of heap per result kept, its key included
   * (measured beside a graph of 1 M touchpoints): at most about 125 MB a cache at the default,
   * reached only by a million distinct values of its kind. Set more for a larger file when the
   * heap allows, less when it is tight: the results, and so every partition, are the same
   * whatever the size; only the time a resolve takes changes.
   *
   * @param maximumEach the most results each cache keeps, {@code >= 1}; anything else is refused
   *     with {@link OmniIdException.Reason#INVALID_VALUE}
   */
  public static void setValueCacheSize(long maximumEach) {
    if (maximumEach < 1) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "maximumEach",
          "must be >= 1");
    }
    ValueCaches.setMaximum(maximumEach);
  }

  /**
   * Empties every value cache of this JVM (see {@link #setValueCacheSize(long)}). The caches hold
   * raw values as they were given (an e-mail, a phone, a name) until evicted, tied to no customer,
   * so {@code forget} does not reach them: call this after an erasure when no erased value may
   * stay in memory. A value being normalized by another thread at that moment may be kept. The
   * next resolves compute again what they ask for; no result changes.
   */
  public static void clearValueCaches() {
    ValueCaches.clear();
  }

  /**
   * The most results each value cache keeps: see {@link #setValueCacheSize(long)}.
   *
   * @return the size last set, 1,000,000 until then
   */
  public static long valueCacheSize() {
    return ValueCaches.maximum();
  }

  /**
   * Names, places and a birth date off by a keying error describe a person; a large file holds
   * namesakes who share them. A pair links only when some agreement identifies: an email, a
   * phone, an address or postal code, an exact birth date (see
   * {@link MatchField.Builder#identifiesFrom}).
   */
  static MatchField identifiesFrom(MatchField field, ComparisonLevel level) {
    return field.toBuilder().identifiesFrom(level).build();
  }

  /** A field whose levels EXACT..WEAK take m/u from {@code mu} in pairs; DIFFERENT the rest. */
  static MatchField field(String name, FieldSource source, Normalizer normalizer,
      FieldMatcher matcher, double... mu) {
    MatchField.Builder b = MatchField.newBuilder(name, source).normalizer(normalizer).matcher(matcher);
    ComparisonLevel[] levels = {ComparisonLevel.EXACT, ComparisonLevel.STRONG,
        ComparisonLevel.MEDIUM, ComparisonLevel.WEAK};
    double mRest = 1;
    double uRest = 1;
    for (int i = 0; i < levels.length; i++) {
      b.probabilities(levels[i], mu[2 * i], mu[2 * i + 1]);
      mRest -= mu[2 * i];
      uRest -= mu[2 * i + 1];
    }
    return b.probabilities(ComparisonLevel.DIFFERENT, Math.max(1e-4, mRest), Math.max(1e-4, uRest))
        .build();
  }

  private static BirthDateNormalizer birthDates(boolean monthFirst) {
    return monthFirst ? BirthDateNormalizer.newBuilder().monthFirst().build()
        : BirthDateNormalizer.dayFirst();
  }

  private static final NameNormalizer NAMES = NameNormalizer.standard();
  private static final Normalizer EMAILS =
      Normalizers.cachedShared(EmailNormalizer.standard(), "e-mails");
  /** The phone reader of {@link #defaultBlockingKeys()}: the tail it keys on needs no region. */
  private static final PhoneNormalizer BLOCKING_PHONES = PhoneNormalizer.forRegion("ES", 10_000);

  private static List<String> emailLocalParts(Touchpoint t) {
    List<String> keys = new ArrayList<>(1);
    List<Identifier> identifiers = t.identifiers();
    for (int i = 0; i < identifiers.size(); i++) { // by index: no iterator per blocking key
      Identifier identifier = identifiers.get(i);
      if (identifier.type().equals(IdentifierType.EMAIL)) {
        try {
          String email = EMAILS.normalize(identifier.value());
          String local = email.substring(0, email.lastIndexOf('@'));
          if (local.length() >= 4) {
            keys.add(local);
          }
        } catch (RuntimeException e) {
          // an invalid email gives no key
        }
      }
    }
    return keys;
  }

  /**
   * The last 7 digits of each phone as normalized: the tail of a number is the same whatever
   * region it was read in and whatever its form (E.164, local-only, unverified), an extension is
   * not in it, and junk numbers (a block of every 0000000 there is) give no key.
   */
  private static List<String> phoneTails(Touchpoint t, PhoneNormalizer phones) {
    List<String> keys = new ArrayList<>(1);
    List<Identifier> identifiers = t.identifiers();
    for (int at = 0; at < identifiers.size(); at++) { // by index: no iterator per blocking key
      Identifier identifier = identifiers.get(at);
      if (identifier.type().equals(IdentifierType.PHONE)) {
        String phone;
        try {
          phone = phones.normalize(identifier.value(), t);
        } catch (RuntimeException e) {
          continue; // a refused phone gives no key
        }
        int digits = 0;
        for (int i = phone.length() - 1; i >= 0 && Character.isDigit(phone.charAt(i)); i--) {
          digits++;
        }
        if (digits >= 7 && !JunkValues.isJunkPhone(phone)) {
          String tail = phone.substring(phone.length() - 7);
          if (!keys.contains(tail)) {
            keys.add(tail);
          }
        }
      }
    }
    return keys;
  }
  private static final BirthDateNormalizer DAY_FIRST = BirthDateNormalizer.dayFirst();
  private static final AddressNormalizer ADDRESSES = AddressNormalizer.standard();
  private static final AddressMatcher ADDRESS_MATCHER = AddressMatcher.standard();

  private static String folded(Touchpoint t, AttributeKey key) {
    return fold(t.attributes().get(key));
  }

  /** How many tokens of a full name may start its family name ("Ana María García López"). */
  private static final int FULL_NAME_FAMILY_STARTS = 3;

  /**
   * The readings of a touchpoint's name as pairs of folded first tokens {given, family}, either
   * possibly null: one from the given and family names when it has either; otherwise each reading
   * of its full name. A full name's order is unknown without a comma ("Ana García Romero",
   * "García Romero Ana"), and its given name may have several tokens ("José Luis Martín"), so it
   * reads as the first token given with the family name starting at each of the next ones, and as
   * the last token given with the family name starting at each token before it. A comma splits
   * family from given ("García Romero, Ana") unless only a suffix follows it ("Miller, Sr.").
   */
  private static List<String[]> nameReadings(Touchpoint t) {
    return KeyParts.of(t).readings();
  }

  /** Whether this thread still holds a touchpoint the default blocking keys read, for tests. */
  static boolean holdsBlockingKeyParts() {
    return KeyParts.held();
  }

  /** {@link #nameReadings} the long way, not remembered. */
  private static List<String[]> readNames(Touchpoint t) {
    String given = folded(t, AttributeKey.GIVEN_NAME);
    String family = folded(t, AttributeKey.FAMILY_NAME);
    if (given != null || family != null) {
      return List.<String[]>of(new String[] {firstToken(given), firstToken(family)});
    }
    String full = t.attributes().get(AttributeKey.FULL_NAME);
    if (full == null || full.isBlank()) {
      return List.of();
    }
    int comma = full.indexOf(',');
    if (comma >= 0 && NameNormalizer.isOnlySuffixes(full.substring(comma + 1))) {
      full = full.substring(0, comma);
      comma = full.indexOf(',');
    }
    if (comma >= 0) {
      String[] reading = {firstToken(fold(full.substring(comma + 1))),
          firstToken(fold(full.substring(0, comma)))};
      return reading[0] == null && reading[1] == null ? List.of() : List.<String[]>of(reading);
    }
    String folded = fold(full);
    if (folded == null) {
      return List.of();
    }
    String[] tokens = folded.split(" ");
    int last = tokens.length - 1;
    if (last == 0) {
      // One token: a given name or a surname, nobody can tell.
      return List.of(new String[] {tokens[0], null}, new String[] {null, tokens[0]});
    }
    List<String[]> readings = new ArrayList<>();
    for (int i = 1; i <= Math.min(last, FULL_NAME_FAMILY_STARTS); i++) {
      readings.add(new String[] {tokens[0], tokens[i]});
    }
    for (int i = 0; i < Math.min(last, FULL_NAME_FAMILY_STARTS); i++) {
      readings.add(new String[] {tokens[last], tokens[i]});
    }
    return readings;
  }

  /** The phonetic keys of the family name's first token, one per reading, without repeats. */
  private static List<String> families(Touchpoint t) {
    return KeyParts.of(t).families();
  }

  /** {@link #families} the long way, not remembered. */
  private static List<String> readFamilies(Touchpoint t) {
    List<String> out = new ArrayList<>(1);
    List<String[]> readings = nameReadings(t);
    for (int i = 0; i < readings.size(); i++) {
      String[] reading = readings.get(i);
      addNew(out, phonetic(reading[1]));
    }
    return out;
  }

  /** The given name's initials, one per reading, without repeats. */
  private static List<String> initials(Touchpoint t) {
    List<String> out = new ArrayList<>(1);
    List<String[]> readings = nameReadings(t);
    for (int i = 0; i < readings.size(); i++) {
      String[] reading = readings.get(i);
      addNew(out, reading[0] == null ? null : reading[0].substring(0, 1));
    }
    return out;
  }

  /**
   * Phonetic family name, birth year and the given name's initial, one per reading: family name
   * and year alone were the largest blocks (sixty candidates a touchpoint at a million
   * touchpoints, where every other rule gives a few); the initial cuts them about twentyfold.
   */
  private static List<String> familyYearInitial(Touchpoint t) {
    String year = year(t);
    if (year == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(1);
    for (String[] reading : nameReadings(t)) {
      String family = phonetic(reading[1]);
      if (family != null) {
        addNew(out, family + "|" + year
            + (reading[0] == null || reading[0].isEmpty() ? "" : "|" + reading[0].charAt(0)));
      }
    }
    return out;
  }

  private static List<String> givenFamilyCity(Touchpoint t) {
    String city = folded(t, AttributeKey.CITY);
    if (city == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(1);
    for (String[] reading : nameReadings(t)) {
      String given = phonetic(reading[0]);
      String family = phonetic(reading[1]);
      if (given != null && family != null) {
        addNew(out, given + "|" + family + "|" + city);
      }
    }
    return out;
  }

  private static void addNew(List<String> out, String key) {
    if (key != null && !out.contains(key)) {
      out.add(key);
    }
  }

  private static String fold(String raw) {
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return NAMES.normalize(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String firstToken(String folded) {
    return folded == null ? null : folded.split(" ", 2)[0];
  }

  private static String phonetic(String token) {
    if (token == null) {
      return null;
    }
    String key = PhoneticKey.of(token);
    return key == null || key.isEmpty() ? null : key;
  }

  /**
   * The postal code as a key: letters and digits, upper case, in no region's rules (the keys do
   * not know the region), with the two spreadsheet losses undone on both sides alike: a 4-digit
   * code padded with its leading zero ("8001", "08001") and a US ZIP+4 cut to its ZIP.
   */
  private static String postalCode(Touchpoint t) {
    return KeyParts.of(t).postalCode();
  }

  /** {@link #postalCode} the long way, not remembered. */
  private static String readPostalCode(Touchpoint t) {
    String raw = t.attributes().get(AttributeKey.POSTAL_CODE);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    String code;
    try {
      code = PostalCodes.normalize(raw, null);
    } catch (RuntimeException e) {
      return null;
    }
    boolean digits = code.chars().allMatch(c -> c >= '0' && c <= '9');
    if (digits && code.length() == 4) {
      return "0" + code;
    }
    return digits && code.length() == 9 ? code.substring(0, 5) : code;
  }

  /** The street-name word and house number of the address, or null (see AddressMatcher). */
  private static String street(Touchpoint t) {
    String raw = t.attributes().get(AttributeKey.ADDRESS);
    if (raw == null || raw.isBlank()) {
      raw = t.attributes().get(AttributeKey.ADDRESS_LINE);
    }
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return ADDRESS_MATCHER.streetKey(ADDRESSES.normalize(raw));
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String birthDate(Touchpoint t) {
    return KeyParts.of(t).birthDate();
  }

  /** {@link #birthDate} the long way, not remembered. */
  private static String readBirthDate(Touchpoint t) {
    String raw = t.attributes().get(AttributeKey.BIRTH_DATE);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return DAY_FIRST.normalize(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * What several of the default blocking keys read off one touchpoint, read once for all of them:
   * the nine keys asked for its name readings six times, its phonetic family names three times,
   * its birth date four times and its postal code twice, each time through the normalizers'
   * caches: computing the keys took 4.0 µs of the 18 that entering a touchpoint's blocks and
   * scoring its candidates take in a fuzzy resolve at 1 M (timed by phase), 2.2 after. The keys are
   * asked one after the other for one touchpoint, so each thread keeps the parts of the last
   * touchpoint it was asked about, by identity: a touchpoint is immutable and the parts are pure
   * functions of it, so a later touchpoint, or the same one again, gets what computing them gives.
   * The last of the nine keys (and the employer key that follows them on the accounts side) lets
   * go of them, {@link #released}: a thread keeps no customer's touchpoint once its keys are read,
   * so an erased customer does not stay behind in a pooled thread. Keys asked one by one in
   * another order are only slower (and keep a touchpoint until that thread's next full pass).
   */
  private static final class KeyParts {
    private static final ThreadLocal<KeyParts[]> LAST =
        ThreadLocal.withInitial(() -> new KeyParts[1]);

    private final Touchpoint touchpoint;
    private List<String[]> readings;
    private List<String> families;
    private String birthDate;
    private boolean birthDateRead;
    private String postalCode;
    private boolean postalCodeRead;

    private KeyParts(Touchpoint touchpoint) {
      this.touchpoint = touchpoint;
    }

    /** The parts of {@code t}: the last ones this thread made when they are {@code t}'s. */
    static KeyParts of(Touchpoint t) {
      KeyParts[] last = LAST.get();
      KeyParts parts = last[0];
      if (parts == null || parts.touchpoint != t) {
        parts = new KeyParts(t);
        last[0] = parts;
      }
      return parts;
    }

    /** Lets go of this thread's parts; returns {@code keys}, the calling key's answer. */
    static List<String> released(List<String> keys) {
      LAST.get()[0] = null;
      return keys;
    }

    /** Whether this thread holds the parts of some touchpoint, for tests. */
    static boolean held() {
      return LAST.get()[0] != null;
    }

    List<String[]> readings() {
      if (readings == null) {
        readings = readNames(touchpoint);
      }
      return readings;
    }

    List<String> families() {
      if (families == null) {
        families = readFamilies(touchpoint);
      }
      return families;
    }

    String birthDate() {
      if (!birthDateRead) {
        birthDate = readBirthDate(touchpoint);
        birthDateRead = true;
      }
      return birthDate;
    }

    String postalCode() {
      if (!postalCodeRead) {
        postalCode = readPostalCode(touchpoint);
        postalCodeRead = true;
      }
      return postalCode;
    }
  }

  private static String year(Touchpoint t) {
    String date = birthDate(t);
    return date == null ? null : date.substring(0, 4);
  }

  private static List<String> join(String a, List<String> b) {
    if (a == null || b.isEmpty()) {
      return List.of();
    }
    List<String> out = new ArrayList<>(b.size());
    for (String x : b) {
      out.add(a + "|" + x);
    }
    return out;
  }

  private static List<String> join(List<String> a, String b) {
    if (a.isEmpty() || b == null) {
      return List.of();
    }
    List<String> out = new ArrayList<>(a.size());
    for (String x : a) {
      out.add(x + "|" + b);
    }
    return out;
  }

  private static List<String> join(String a, String b) {
    return a == null || b == null ? List.of() : List.of(a + "|" + b);
  }

  /**
   * The persons side of the accounts defaults weighs the company a contact buys for (the
   * organisation's name, which {@link AccountBuilder} copies to the person part as context): the
   * same name at the same company is one contact, even on a rep's order without an email or a
   * phone, and namesakes at two companies disagree on it. It identifies from {@code STRONG} (the
   * same core, a compatible legal form); the person rule still keeps different given names
   * apart, so the buyers of one shop stay several.
   */
  private static final MatchField EMPLOYER = identifiesFrom(field("org_name",
      FieldSource.attribute(CompanyNames.ORG_NAME), CompanyNameNormalizer.standard(),
      CompanyNameMatcher.standard(), 0.50, 0.002, 0.25, 0.003, 0.10, 0.01, 0.05, 0.03),
      ComparisonLevel.STRONG);

  /**
   * Blocking keys of a contact at a company: the company's sorted core with the phonetic key of
   * each reading's family name and of its given name, so a name-only order meets the contact's
   * other orders at that company.
   */
  private static List<String> employerKeys(Touchpoint t) {
    String raw = t.attributes().get(CompanyNames.ORG_NAME);
    if (raw == null || raw.isBlank()) {
      return List.of();
    }
    String core;
    try {
      List<String> tokens = new ArrayList<>(CompanyNameNormalizer.standard().parse(raw.strip()).core());
      tokens.sort(null);
      core = String.join(" ", tokens);
    } catch (OmniIdException e) {
      return List.of();
    }
    List<String> out = new ArrayList<>(2);
    for (String[] reading : nameReadings(t)) {
      String family = phonetic(reading[1]);
      String given = phonetic(reading[0]);
      addNew(out, family == null ? null : core + "|f|" + family);
      addNew(out, given == null ? null : core + "|g|" + given);
    }
    return KeyParts.released(out);
  }

  /**
   * Configures a resolver with the defaults. Not thread-safe; the resolver is.
   */
  public static final class Builder {
    private String region = "ES";
    private boolean monthFirst;
    private MatchModel model;
    /** The match probability threshold, or NaN for the model's own. */
    private double threshold = Double.NaN;
    private long expectedTouchpoints = MODEL_TOUCHPOINTS;
    private final List<ProfileListener> listeners = new ArrayList<>();

    private Builder() {}

    /**
     * The ISO 3166 country for phones without a country code, tax ids without a country prefix
     * and postal codes; ES unless set.
     * Checked at once: a code that is not a region libphonenumber knows ({@code "XX"}) is refused
     * here, not when the resolver is built.
     *
     * @param region an ISO 3166 alpha-2 code in any case, e.g. {@code "MX"}
     * @return this builder
     * @throws NullPointerException if {@code region} is null
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code defaultRegion}) if it is not two
     *     letters, or not a region libphonenumber knows
     */
    public Builder defaultRegion(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[A-Za-z]{2}")) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "defaultRegion",
            "must be an ISO 3166 alpha-2 code");
      }
      if (!PhoneNormalizer.supportsRegion(region)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "defaultRegion",
            "is not an ISO 3166 region libphonenumber knows");
      }
      this.region = region.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * Reads ambiguous dates month first (US style); day first unless set.
     *
     * @return this builder
     */
    public Builder monthFirstDates() {
      this.monthFirst = true;
      return this;
    }

    /**
     * The match probability at or above which two touchpoints that share no identifier link on
     * their score (names, birth date, address...); 0.99 unless set. It applies to the default
     * model and to one set by {@link #matchModel}, whichever is used.
     *
     * @param probability the threshold, in (0, 1), e.g. {@code 0.995} for fewer, surer links
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code matchThreshold}) if it is not in
     *     (0, 1)
     */
    public Builder matchThreshold(double probability) {
      if (!(probability > 0 && probability < 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "matchThreshold",
            "must be a probability in (0, 1)");
      }
      this.threshold = probability;
      return this;
    }

    /**
     * How many touchpoints the resolver is expected to hold: the customer file's size, or what an
     * incremental resolver will grow to in the time it runs. The default model's prior match
     * probability follows it ({@link OmniId#priorFor}): 0.01 up to 10,000 touchpoints, 1e-4 at a
     * million. Strangers who share a given name and an exact birth date, their family names alike
     * in part, meet in one block more often in a larger file, and with one prior for every size
     * they were joined on their score alone: in generated files of 40,000 and 200,000 customers
     * (seed 7) precision fell from 0.9865 at 1,000 customers to 0.9846 and 0.9832; with the size
     * set, 0.9848 and 0.9847, recall 0.0024 and 0.0037 lower (see the README, "Precision as files
     * grow"). 10,000 unless set, which leaves the default model as it always was.
     *
     * <p>A setting, not a count: every touchpoint is scored under the one prior, whatever the
     * resolver holds when it arrives, so the order of arrival still does not matter. A journal
     * opened with another value clusters its snapshot again (the model is part of the
     * configuration it is checked against). A model set by {@link #matchModel} keeps its own
     * prior.
     *
     * @param touchpoints the expected number of touchpoints, {@code >= 1}
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code expectedTouchpoints}) if it is
     *     below 1
     */
    public Builder expectedTouchpoints(long touchpoints) {
      this.expectedTouchpoints = checkedTouchpoints(touchpoints);
      return this;
    }

    /**
     * Replaces the default match model (for example with an {@link OmniId#estimate estimate}).
     *
     * @param model the model, not null; the default blocking keys still decide which pairs it
     *     scores, and {@link #matchThreshold} replaces its threshold when set
     * @return this builder
     */
    public Builder matchModel(MatchModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * Adds a listener that hears every change to the partition (see {@link ProfileListener}).
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public Builder listener(ProfileListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * The core builder holding these defaults, to change further before building (a journal, a
     * policy, a listener): every call returns a new one.
     *
     * @return a new core builder configured as this builder says
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code defaultRegion}) if the default
     *     region is not a region libphonenumber knows
     */
    public ResolverBuilder toResolverBuilder() {
      return toResolverBuilder(m -> m, List.of());
    }

    /**
     * The core builder with the default model changed by {@code extend} (before the threshold is
     * applied) and {@code extraKeys} after the default blocking keys: the persons side of
     * {@link AccountBuilder} adds the company a contact buys for.
     */
    ResolverBuilder toResolverBuilder(java.util.function.UnaryOperator<MatchModel> extend,
        List<BlockingKey> extraKeys) {
      PhoneNormalizer phones = PhoneNormalizer.forRegion(region);
      Normalizer devices = Normalizers.cachedShared(DeviceIdNormalizer.any(), "device ids");
      ResolverBuilder b = IdentityResolver.newBuilder()
          .normalizer(IdentifierType.EMAIL, EMAILS)
          .normalizer(IdentifierType.PHONE, phones)
          .normalizer(IdentifierType.DEVICE_ID, devices)
          .normalizer(IdentifierType.COOKIE_ID, DeviceIdNormalizer.cookieId())
          .junkValues(IdentifierType.EMAIL, JunkValues.emails())
          .junkValues(IdentifierType.PHONE, JunkValues.phones())
          .junkValues(IdentifierType.DEVICE_ID, JunkValues.deviceIds())
          // An office's info@, a family's casagarcia@: read by several people, they link agreeing
          // people only.
          .roleAccounts(IdentifierType.EMAIL, RoleAccounts.emails())
          // One legal entity, one tax id: two different numbers are two entities (see TaxIds).
          .normalizer(TaxIds.TAX_ID, TaxIds.normalizer(region))
          .identifierPolicy(TaxIds.TAX_ID, IdentifierPolicy.exclusive(100))
          .junkValues(TaxIds.TAX_ID, TaxIds.genericValues())
          .normalizer(HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers.digestOf(EMAILS))
          .normalizer(HashedIdentifiers.PHONE_SHA256, HashedIdentifiers.digestOf(phones))
          .identifierPolicy(HashedIdentifiers.EMAIL_SHA256, IdentifierPolicy.shared(5, 79))
          .identifierPolicy(HashedIdentifiers.PHONE_SHA256, IdentifierPolicy.shared(5, 69))
          .derivedIdentifier(IdentifierType.EMAIL, HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers::sha256)
          .derivedIdentifier(IdentifierType.PHONE, HashedIdentifiers.PHONE_SHA256, HashedIdentifiers::sha256)
          .matchModel(withThreshold(extend.apply(
              model != null ? model
                  : defaultMatchModel(region, monthFirst, phones, expectedTouchpoints))))
          .personRule(PersonRules.standard(monthFirst));
      for (DefaultKey key : defaultKeys(phones)) {
        // A key at the resolver's maximum gets none of its own: the configuration's fingerprint,
        // which a snapshot is checked against, then stays what it was before keys had maxima.
        if (key.maxBlockSize() == MAX_BLOCK_SIZE) {
          b.blockingKey(key.key());
        } else {
          b.blockingKey(key.key(), key.maxBlockSize());
        }
      }
      extraKeys.forEach(b::blockingKey);
      listeners.forEach(b::listener);
      // Scoring cost per touchpoint is bounded by its blocks: keep them a few hundred at most.
      b.maxBlockSize(MAX_BLOCK_SIZE);
      return b;
    }

    private MatchModel withThreshold(MatchModel m) {
      return Double.isNaN(threshold) ? m : m.toBuilder().matchThreshold(threshold).build();
    }

    /**
     * Builds the resolver.
     *
     * @return a new, empty resolver with these defaults
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code defaultRegion}) if the default
     *     region is not a region libphonenumber knows
     */
    public IdentityResolver build() {
      return toResolverBuilder().build();
    }
  }

  /**
   * Configures an {@link AccountResolver} with the defaults: the persons side is an
   * {@link OmniId.Builder} (its settings here apply to it), the organisations side reads tax ids,
   * account numbers, company names and addresses. Not thread-safe; the resolver is.
   */
  public static final class AccountBuilder {
    private final Builder persons = new Builder();
    private String region = "ES";
    private double organisationThreshold = Double.NaN;
    private MatchModel organisationModel;

    private AccountBuilder() {}

    /**
     * The ISO 3166 country for phones without a country code, tax ids without a country prefix
     * and postal codes, on both sides; ES unless set. Checked at once as
     * {@link Builder#defaultRegion} checks it.
     *
     * @param region an ISO 3166 alpha-2 code in any case, e.g. {@code "MX"}
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code defaultRegion}) for an unknown region
     */
    public AccountBuilder defaultRegion(String region) {
      persons.defaultRegion(region);
      this.region = region.toUpperCase(Locale.ROOT);
      return this;
    }

    /**
     * Reads ambiguous dates month first (US style) on the persons side; day first unless set.
     *
     * @return this builder
     */
    public AccountBuilder monthFirstDates() {
      persons.monthFirstDates();
      return this;
    }

    /**
     * How many touchpoints the persons side is expected to hold, as
     * {@link Builder#expectedTouchpoints}; 10,000 unless set.
     *
     * @param touchpoints the expected number of touchpoints, {@code >= 1}
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code expectedTouchpoints}) if it is
     *     below 1
     */
    public AccountBuilder expectedTouchpoints(long touchpoints) {
      persons.expectedTouchpoints(touchpoints);
      return this;
    }

    /**
     * The persons side's match threshold, as {@link Builder#matchThreshold}; 0.99 unless set.
     *
     * @param probability the threshold, in (0, 1)
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code matchThreshold}) if not in (0, 1)
     */
    public AccountBuilder matchThreshold(double probability) {
      persons.matchThreshold(probability);
      return this;
    }

    /**
     * The organisations side's match threshold; 0.99 unless set.
     *
     * @param probability the threshold, in (0, 1), e.g. {@code 0.995} for fewer, surer links
     * @return this builder
     * @throws OmniIdException ({@code INVALID_VALUE} on {@code organisationMatchThreshold}) if it
     *     is not in (0, 1)
     */
    public AccountBuilder organisationMatchThreshold(double probability) {
      if (!(probability > 0 && probability < 1)) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE,
            "organisationMatchThreshold", "must be a probability in (0, 1)");
      }
      this.organisationThreshold = probability;
      return this;
    }

    /**
     * Replaces the default organisation model ({@link Organisations#matchModel}).
     *
     * @param model the model, not null; the organisation blocking keys still decide which pairs
     *     it scores, and {@link #organisationMatchThreshold} replaces its threshold when set
     * @return this builder
     */
    public AccountBuilder organisationMatchModel(MatchModel model) {
      this.organisationModel = Objects.requireNonNull(model, "model");
      return this;
    }

    /**
     * The persons side's core builder with these defaults: {@link Builder#toResolverBuilder()}.
     *
     * @return a new core builder
     */
    public ResolverBuilder toPersonsBuilder() {
      return persons.toResolverBuilder(
          m -> m.toBuilder().field(EMPLOYER).build(), List.of(OmniId::employerKeys))
          .personRule(PersonRules.contacts(persons.monthFirst));
    }

    /**
     * The organisations side's core builder with these defaults, its profile ids starting at
     * {@link AccountResolver#FIRST_ACCOUNT_ID}: every call returns a new one.
     *
     * @return a new core builder
     */
    public ResolverBuilder toOrganisationsBuilder() {
      MatchModel model = organisationModel != null ? organisationModel
          : Organisations.matchModel(region);
      if (!Double.isNaN(organisationThreshold)) {
        model = model.toBuilder().matchThreshold(organisationThreshold).build();
      }
      ResolverBuilder b = IdentityResolver.newBuilder()
          // One legal entity, one tax id: two different numbers are two entities (see TaxIds).
          .normalizer(TaxIds.TAX_ID, TaxIds.normalizer(region))
          .identifierPolicy(TaxIds.TAX_ID, IdentifierPolicy.exclusive(100))
          .junkValues(TaxIds.TAX_ID, TaxIds.genericValues())
          .normalizer(Organisations.ACCOUNT_NUMBER, Normalizer.compactId())
          .identifierPolicy(Organisations.ACCOUNT_NUMBER, IdentifierPolicy.exclusive(90))
          .matchModel(model)
          .firstProfileId(AccountResolver.FIRST_ACCOUNT_ID);
      for (BlockingKey key : Organisations.blockingKeys()) {
        b.blockingKey(key);
      }
      b.maxBlockSize(200);
      return b;
    }

    /**
     * The account resolver's builder with these defaults, to change further.
     *
     * @return a new core account builder
     */
    public AccountResolver.Builder toAccountResolverBuilder() {
      return AccountResolver.newBuilder()
          .persons(toPersonsBuilder())
          .organisations(toOrganisationsBuilder())
          .organisationIdentifierTypes(Organisations.identifierTypes())
          .organisationAttributes(Organisations.attributes())
          .personContext(java.util.Set.of(CompanyNames.ORG_NAME));
    }

    /**
     * Builds the account resolver.
     *
     * @return a new, empty account resolver with these defaults
     */
    public AccountResolver build() {
      return toAccountResolverBuilder().build();
    }
  }
}
