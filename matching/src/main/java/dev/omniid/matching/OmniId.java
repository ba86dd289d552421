package dev.omniid.matching;

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
 * IdentityResolver resolver = OmniId.newBuilder().defaultRegion("MX").build();
 * }</pre>
 *
 * The default weights are set by hand; {@link #estimate} fits them to your own data without labels.
 * Touchpoints of incompatible people (different given names, birth dates or generational
 * suffixes) are kept apart by {@link PersonRules#standard(boolean)}.
 */
public final class OmniId {
  private OmniId() {}

  /** Starts configuring a resolver with the defaults. */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The default match model: email and phone (fuzzy: an exact shared value already links), given,
   * family and full names, birth date, street address, city, postal code, region and country, with
   * hand-set m/u probabilities under which a shared name alone never links.
   *
   * @param region the ISO 3166 country whose conventions apply (postal codes), e.g. {@code "ES"}
   * @param monthFirstDates whether ambiguous dates read month first (US) rather than day first
   */
  public static MatchModel defaultMatchModel(String region, boolean monthFirstDates) {
    Objects.requireNonNull(region, "region");
    return defaultMatchModel(region, monthFirstDates, PhoneNormalizer.forRegion(region));
  }

  /**
   * The default model with the phone normalizer the resolver's identifiers use: one instance, so
   * one cache, and each phone is parsed by libphonenumber once rather than twice.
   */
  static MatchModel defaultMatchModel(String region, boolean monthFirstDates, PhoneNormalizer phones) {
    NameNormalizer names = NameNormalizer.standard();
    return MatchModel.newBuilder()
        .field(field("email", FieldSource.identifier(IdentifierType.EMAIL), EMAILS,
            EmailMatcher.standard(), 0.85, 0.0001, 0.06, 0.0005, 0.04, 0.005, 0.02, 0.02)
            .toBuilder().ignoreValues(JunkValues.emails()).build())
        .field(field("phone", FieldSource.identifier(IdentifierType.PHONE),
            phones, PhoneMatcher.standard(),
            0.85, 0.0001, 0.05, 0.0002, 0.04, 0.0005, 0.02, 0.002)
            .toBuilder().ignoreValues(JunkValues.phones()).build())
        .field(field("given_name", FieldSource.attribute(AttributeKey.GIVEN_NAME), names,
            NameMatcher.givenNames(), 0.80, 0.05, 0.10, 0.02, 0.05, 0.03, 0.02, 0.05))
        .field(field("family_name", FieldSource.attribute(AttributeKey.FAMILY_NAME), names,
            NameMatcher.familyNames(), 0.80, 0.03, 0.10, 0.01, 0.05, 0.02, 0.02, 0.04))
        .field(field("full_name", FieldSource.attribute(AttributeKey.FULL_NAME), names,
            NameMatcher.fullNames(), 0.75, 0.005, 0.15, 0.005, 0.05, 0.01, 0.03, 0.05))
        .field(field("birth_date", FieldSource.attribute(AttributeKey.BIRTH_DATE),
            birthDates(monthFirstDates), BirthDateMatcher.standard(),
            0.90, 0.0003, 0.05, 0.001, 0.02, 0.01, 0.01, 0.03))
        .field(field("address", FieldSource.attributes(AttributeKey.ADDRESS, AttributeKey.ADDRESS_LINE),
            AddressNormalizer.standard(), AddressMatcher.standard(),
            0.60, 0.001, 0.20, 0.002, 0.10, 0.01, 0.05, 0.05))
        .field(field("city", FieldSource.attribute(AttributeKey.CITY), names,
            TextMatcher.jaroWinkler(), 0.85, 0.05, 0.05, 0.01, 0.03, 0.02, 0.02, 0.05))
        .field(field("postal_code", FieldSource.attribute(AttributeKey.POSTAL_CODE),
            PostalCodes.normalizer(region), TextMatcher.typo(),
            0.85, 0.01, 0.07, 0.01, 0.03, 0.03, 0.01, 0.01))
        .field(field("region", FieldSource.attribute(AttributeKey.REGION), Normalizer.lowerCase(),
            FieldMatcher.exact(), 0.95, 0.2, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001))
        .field(field("country", FieldSource.attribute(AttributeKey.COUNTRY), Normalizer.lowerCase(),
            FieldMatcher.exact(), 0.97, 0.3, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001))
        .priorMatchProbability(0.01)
        // 0.99: a shared name and country alone (common names are common) stays below it.
        .thresholdProbability(0.99)
        .build();
  }

  /**
   * The default blocking keys: an email's local part (typos in the domain, a second provider),
   * a phone's last 7 digits as normalized (so a national number read in the wrong region, or a
   * local 7-digit number, meets the full international number), phonetic family name with birth year, phonetic given and family
   * names with the city, postal code with phonetic family name, and the full birth date with the
   * given name's initial. A key shared by more than the resolver's {@code maxBlockSize}
   * touchpoints compares nothing. Each needs the fields it reads; a touchpoint without them gets no key from it.
   */
  public static List<BlockingKey> defaultBlockingKeys() {
    return defaultBlockingKeys(BLOCKING_PHONES);
  }

  /** The default blocking keys, reading phones with {@code phones} (the resolver's own, one cache). */
  static List<BlockingKey> defaultBlockingKeys(PhoneNormalizer phones) {
    return List.of(
        t -> emailLocalParts(t),
        t -> phoneTails(t, phones),
        t -> join(phonetic(t, AttributeKey.FAMILY_NAME), year(t)),
        t -> join(join(phonetic(t, AttributeKey.GIVEN_NAME), phonetic(t, AttributeKey.FAMILY_NAME)),
            folded(t, AttributeKey.CITY)),
        t -> join(folded(t, AttributeKey.POSTAL_CODE), phonetic(t, AttributeKey.FAMILY_NAME)),
        t -> join(birthDate(t), initial(t)));
  }

  /**
   * Fits the default model's probabilities to {@code sample} by expectation–maximization over
   * the default blocking keys; no labels needed.
   */
  public static ModelEstimator.Estimate estimate(MatchModel start, Collection<Touchpoint> sample) {
    return ModelEstimator.estimate(start, sample, defaultBlockingKeys(), 2_000, 200);
  }

  private static MatchField field(String name, FieldSource source, Normalizer normalizer,
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
  private static final Normalizer EMAILS = Normalizers.cached(EmailNormalizer.standard(), 100_000);
  /** The phone reader of {@link #defaultBlockingKeys()}: the tail it keys on needs no region. */
  private static final PhoneNormalizer BLOCKING_PHONES = PhoneNormalizer.forRegion("ES", 10_000);

  private static List<String> emailLocalParts(Touchpoint t) {
    List<String> keys = new ArrayList<>(1);
    for (Identifier identifier : t.identifiers()) {
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
    for (Identifier identifier : t.identifiers()) {
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

  private static String folded(Touchpoint t, AttributeKey key) {
    String raw = t.attributes().get(key);
    if (raw == null || raw.isBlank()) {
      return null;
    }
    try {
      return NAMES.normalize(raw);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static String phonetic(Touchpoint t, AttributeKey key) {
    String folded = folded(t, key);
    if (folded == null) {
      return null;
    }
    String first = folded.split(" ", 2)[0];
    String key0 = PhoneticKey.of(first);
    return key0 == null || key0.isEmpty() ? null : key0;
  }

  private static String birthDate(Touchpoint t) {
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

  private static String year(Touchpoint t) {
    String date = birthDate(t);
    return date == null ? null : date.substring(0, 4);
  }

  private static String initial(Touchpoint t) {
    String folded = folded(t, AttributeKey.GIVEN_NAME);
    return folded == null ? null : folded.substring(0, 1);
  }

  private static List<String> join(String a, String b) {
    return a == null || b == null ? List.of() : List.of(a + "|" + b);
  }

  private static List<String> join(List<String> a, String b) {
    return a.isEmpty() || b == null ? List.of() : List.of(a.get(0) + "|" + b);
  }

  /**
   * Configures a resolver with the defaults. Not thread-safe; the resolver is.
   */
  public static final class Builder {
    private String region = "ES";
    private boolean monthFirst;
    private MatchModel model;
    private final List<ProfileListener> listeners = new ArrayList<>();

    private Builder() {}

    /** The ISO 3166 country for phones without a country code and for postal codes; ES unless set. */
    public Builder defaultRegion(String region) {
      Objects.requireNonNull(region, "region");
      if (!region.matches("[A-Za-z]{2}")) {
        throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "defaultRegion",
            "must be an ISO 3166 alpha-2 code");
      }
      this.region = region.toUpperCase(Locale.ROOT);
      return this;
    }

    /** Reads ambiguous dates month first (US style); day first unless set. */
    public Builder monthFirstDates() {
      this.monthFirst = true;
      return this;
    }

    /** Replaces the default match model (for example with an {@link OmniId#estimate estimate}). */
    public Builder matchModel(MatchModel model) {
      this.model = Objects.requireNonNull(model, "model");
      return this;
    }

    /** Adds a listener. */
    public Builder listener(ProfileListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /** A core builder holding the defaults, to change further before building. */
    public ResolverBuilder resolverBuilder() {
      PhoneNormalizer phones = PhoneNormalizer.forRegion(region);
      Normalizer devices = Normalizers.cached(DeviceIdNormalizer.any(), 100_000);
      ResolverBuilder b = IdentityResolver.newBuilder()
          .normalizer(IdentifierType.EMAIL, EMAILS)
          .normalizer(IdentifierType.PHONE, phones)
          .normalizer(IdentifierType.DEVICE_ID, devices)
          .normalizer(IdentifierType.COOKIE_ID, DeviceIdNormalizer.cookieId())
          .junkValues(IdentifierType.EMAIL, JunkValues.emails())
          .junkValues(IdentifierType.PHONE, JunkValues.phones())
          .junkValues(IdentifierType.DEVICE_ID, JunkValues.deviceIds())
          .normalizer(HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers.digestOf(EMAILS))
          .normalizer(HashedIdentifiers.PHONE_SHA256, HashedIdentifiers.digestOf(phones))
          .identifierPolicy(HashedIdentifiers.EMAIL_SHA256, IdentifierPolicy.shared(5, 79))
          .identifierPolicy(HashedIdentifiers.PHONE_SHA256, IdentifierPolicy.shared(5, 69))
          .derivedIdentifier(IdentifierType.EMAIL, HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers::sha256)
          .derivedIdentifier(IdentifierType.PHONE, HashedIdentifiers.PHONE_SHA256, HashedIdentifiers::sha256)
          .matchModel(model != null ? model : defaultMatchModel(region, monthFirst, phones))
          .personRule(PersonRules.standard(monthFirst));
      for (BlockingKey key : defaultBlockingKeys(phones)) {
        b.blockingKey(key);
      }
      listeners.forEach(b::listener);
      // Scoring cost per touchpoint is bounded by its blocks: keep them a few hundred at most.
      b.maxBlockSize(200);
      return b;
    }

    /** Builds the resolver. */
    public IdentityResolver build() {
      return resolverBuilder().build();
    }
  }
}
