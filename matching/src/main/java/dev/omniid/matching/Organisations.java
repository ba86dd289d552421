package dev.omniid.matching;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BlockingKey;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import dev.omniid.core.FieldSource;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.MatchField;
import dev.omniid.core.MatchModel;
import dev.omniid.core.Normalizer;
import dev.omniid.core.Touchpoint;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What names an organisation on a touchpoint, and how two organisations are matched: the
 * identifier types and attributes that an {@link dev.omniid.core.AccountResolver} sends to its
 * organisations side, and the default organisation {@link MatchModel}. A touchpoint says who the
 * company is with {@link TaxIds#TAX_ID}, {@link #ACCOUNT_NUMBER}, {@link CompanyNames#ORG_NAME}
 * and the company's own address ({@link #ORG_ADDRESS}, {@link #ORG_POSTAL_CODE},
 * {@link #ORG_CITY}) and phone ({@link #ORG_PHONE}); the buyer's own email, phone and name stay on
 * the person part. Stateless and thread-safe.
 */
public final class Organisations {

  /**
   * The seller's own number for the customer company (an ERP account number),
   * {@code "account_number"}: exclusive, two numbers are two accounts.
   */
  public static final IdentifierType ACCOUNT_NUMBER = IdentifierType.of("account_number");

  /** The organisation's street address, {@code "org_address"}. */
  public static final AttributeKey ORG_ADDRESS = AttributeKey.of("org_address");

  /** The organisation's postal code, {@code "org_postal_code"}. */
  public static final AttributeKey ORG_POSTAL_CODE = AttributeKey.of("org_postal_code");

  /** The organisation's city, {@code "org_city"}. */
  public static final AttributeKey ORG_CITY = AttributeKey.of("org_city");

  /**
   * The organisation's switchboard or shop phone, {@code "org_phone"}: an attribute, not an
   * identifier, since one number may serve a group of shops; it adds evidence to a name.
   */
  public static final AttributeKey ORG_PHONE = AttributeKey.of("org_phone");

  private static final Set<IdentifierType> TYPES = Set.of(TaxIds.TAX_ID, ACCOUNT_NUMBER);
  private static final Set<AttributeKey> ATTRIBUTES = Set.of(CompanyNames.ORG_NAME, ORG_ADDRESS,
      ORG_POSTAL_CODE, ORG_CITY, ORG_PHONE);

  private Organisations() {}

  /**
   * The identifier types that name an organisation: {@link TaxIds#TAX_ID} and
   * {@link #ACCOUNT_NUMBER}.
   *
   * @return an immutable set
   */
  public static Set<IdentifierType> identifierTypes() {
    return TYPES;
  }

  /**
   * The attributes that describe an organisation: {@link CompanyNames#ORG_NAME},
   * {@link #ORG_ADDRESS}, {@link #ORG_POSTAL_CODE}, {@link #ORG_CITY} and {@link #ORG_PHONE}.
   *
   * @return an immutable set
   */
  public static Set<AttributeKey> attributes() {
    return ATTRIBUTES;
  }

  /**
   * The blocking keys for organisations: those of {@link CompanyNames#blockingKeys()}.
   *
   * @return an immutable list of thread-safe keys
   */
  public static List<BlockingKey> blockingKeys() {
    return CompanyNames.blockingKeys();
  }

  /**
   * The default organisation model: the company name ({@link CompanyNameMatcher}), its postal
   * code, street address, city, phone and country, with hand-set m/u probabilities under which
   * a name alone never links (namesakes in other towns are common: "Ferretería Central"), the same
   * name with the same postal code, address or phone does, and the same name with only the city
   * needs the name written alike (the same core and a compatible legal form). A company and its
   * namesake of another legal family ({@code S.L.} and {@code S.A.}) agree only at
   * {@code MEDIUM}, which does not link with a city alone. Tax ids are not in the model: they are
   * exclusive identifiers, and two different ones keep two accounts apart whatever the score.
   *
   * @param region the ISO 3166 country whose conventions apply (postal codes, phones), e.g.
   *     {@code "ES"}; not null
   * @return an immutable model with threshold probability 0.99 and prior 0.01
   */
  public static MatchModel matchModel(String region) {
    Objects.requireNonNull(region, "region");
    return MatchModel.newBuilder()
        .field(field("org_name", FieldSource.attribute(CompanyNames.ORG_NAME),
            CompanyNameNormalizer.standard(), CompanyNameMatcher.standard(),
            ComparisonLevel.STRONG, 0.60, 0.0003, 0.25, 0.0008, 0.06, 0.004, 0.04, 0.03))
        .field(field("org_postal_code", FieldSource.attribute(ORG_POSTAL_CODE),
            postalCodes(region), TextMatcher.typo(), ComparisonLevel.EXACT,
            0.88, 0.01, 0.05, 0.01, 0.02, 0.03, 0.01, 0.01))
        .field(field("org_address", FieldSource.attribute(ORG_ADDRESS),
            AddressNormalizer.standard(), AddressMatcher.standard(), ComparisonLevel.STRONG,
            0.60, 0.001, 0.20, 0.002, 0.10, 0.01, 0.05, 0.05))
        .field(field("org_phone", FieldSource.attribute(ORG_PHONE),
            PhoneNormalizer.forRegion(region), PhoneMatcher.standard(), ComparisonLevel.STRONG,
            0.80, 0.0005, 0.05, 0.0005, 0.04, 0.001, 0.02, 0.002))
        .field(field("org_city", FieldSource.attribute(ORG_CITY), NameNormalizer.standard(),
            TextMatcher.jaroWinkler(), null, 0.90, 0.05, 0.04, 0.01, 0.02, 0.02, 0.01, 0.05))
        .field(field("country", FieldSource.attribute(AttributeKey.COUNTRY),
            Normalizer.lowerCase(), FieldMatcher.exact(), null,
            0.97, 0.3, 0.001, 0.001, 0.001, 0.001, 0.001, 0.001))
        .priorMatchProbability(0.01)
        .matchThreshold(0.99)
        .build();
  }

  /**
   * Postal codes read in the touchpoint's country (an account's address is in its own country, a
   * Chilean 7-digit code is no Spanish one), else in {@code region}.
   */
  static Normalizer postalCodes(String region) {
    return new Normalizer() {
      @Override
      public String normalize(String value) {
        return PostalCodes.normalize(value, region);
      }

      @Override
      public String normalize(String value, Touchpoint touchpoint) {
        String country = touchpoint.attributes().get(AttributeKey.COUNTRY);
        return PostalCodes.normalize(value,
            country == null || country.isBlank() ? region : country.strip());
      }
    };
  }

  private static MatchField field(String name, FieldSource source, Normalizer normalizer,
      FieldMatcher matcher, ComparisonLevel identifiesFrom, double... mu) {
    return OmniId.identifiesFrom(OmniId.field(name, source, normalizer, matcher, mu),
        identifiesFrom);
  }

}
