package dev.omniid.matching;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import dev.omniid.core.Touchpoint;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tax ids (a company's or a person's number at the tax office) as one exclusive identifier type,
 * {@link #TAX_ID}, whose normalized value names its country: {@code ES:B12345674}.
 *
 * <p><b>One type, the country in the value.</b> A distributor's accounts carry numbers of several
 * countries in one column; the country prefix keeps an Argentine CUIT and a Chilean RUT with the
 * same digits apart, and lets one exclusive type mean "one legal entity, one tax id": two
 * different tax ids are two different entities. {@link OmniId#resolverBuilder()} registers the
 * type as {@link dev.omniid.core.IdentifierPolicy#exclusive exclusive} at strength 100, like a
 * national id (the bare core builder treats an unknown {@code tax_id} as a shared type). The
 * limit of that choice: an entity registered for VAT in several countries carries several tax
 * ids, and a touchpoint naming two of them is refused as
 * {@link Reason#CONFLICTING_EXCLUSIVE_VALUES}; give each touchpoint the number of the entity it
 * deals with.
 *
 * <p><b>Validated countries</b> ({@link #checkedCountries()}), with their check digits: Spain's
 * NIF in all its kinds (DNI, NIE, K/L/M, and a company's CIF), Mexico's RFC (persona física and
 * moral), Argentina's CUIT/CUIL, Colombia's NIT and Chile's RUT. A value of the country's shape
 * whose check digit is not the computed one is refused with {@link Reason#INVALID_VALUE} and the
 * detail {@code "has a wrong check digit..."}: the resolver reports it as a
 * {@link dev.omniid.core.Problem} rather than letting a mistyped number fail to link in silence.
 * Any other country's tax id is compacted (4 to 20 letters and digits), not validated.
 *
 * <p><b>Written forms.</b> Case, spaces, dots, dashes and slashes are ignored
 * ({@code B-12.345.674}, {@code b12345674}); an EU VAT number's prefix names its country
 * ({@code ESB12345674} and {@code ES B12345674} are Spain's {@code B12345674}, {@code EL} is
 * Greece), and so does a validated country's code ({@code AR 20-12345678-6}); a value without a
 * prefix is read in the touchpoint's {@link AttributeKey#COUNTRY} when that is an ISO 3166
 * alpha-2 code, else in the normalizer's default region. A normalized value
 * ({@code CC:number}) reads back as itself in any region. Within a country, forms that carry the
 * same number are one value: a DNI's dropped leading zero, a CIF's control written as a digit or
 * as its letter, a NIT's or RUT's leading zeros. A prefix reading is tried only when the value is
 * no valid number of the region itself: a Mexican RFC may begin with {@code ES} or {@code DE}.
 *
 * <p>No message ever holds the value. Thread-safe; pure functions.
 */
public final class TaxIds {
  /** The identifier type of tax ids; exclusive in {@link OmniId}'s defaults. */
  public static final IdentifierType TAX_ID = IdentifierType.of("tax_id");

  private static final Set<String> CHECKED = Set.of("ES", "MX", "AR", "CO", "CL");
  private static final Set<String> ISO_COUNTRIES = Set.of(Locale.getISOCountries());
  private static final Pattern EXPLICIT = Pattern.compile("([A-Za-z]{2})\\s*:\\s*(.+)");
  private static final int MAX_LENGTH = 64;
  /**
   * Numbers that name no one taxpayer: SAT's RFCs for the general public and for foreigners, SII's
   * RUT for anonymous receipts, DIAN's NIT for the final consumer.
   */
  private static final Set<String> GENERIC = Set.of("MX:XAXX010101000", "MX:XEXX010101000",
      "CL:666666666", "CO:222222222222");

  private TaxIds() {}

  /**
   * A normalizer of {@link #TAX_ID} values, reading a value without a country prefix in the
   * touchpoint's country, else in {@code defaultRegion}.
   *
   * @param defaultRegion an ISO 3166 alpha-2 code, any case, e.g. {@code "MX"}; anything else is
   *     refused with {@link Reason#INVALID_VALUE}
   * @return a thread-safe normalizer giving {@code CC:number}; it refuses with
   *     {@link Reason#INVALID_VALUE} a value that is no tax id of its country, or whose check
   *     digit is wrong, and with {@link Reason#TOO_LARGE} one longer than 64 characters
   */
  public static Normalizer normalizer(String defaultRegion) {
    return new TaxIdNormalizer(checkCountry(defaultRegion, "defaultRegion"));
  }

  /**
   * The normalized form of a tax id of {@code country}: what {@link #normalizer(String)} gives for
   * a touchpoint without a country.
   *
   * <pre>{@code
   * TaxIds.normalize("ES", "b-12.345.674");   // "ES:B12345674"
   * TaxIds.normalize("MX", "ES B12345674");   // "ES:B12345674": the prefix names the country
   * TaxIds.normalize("CL", "60.803.000-k");   // "CL:60803000K"
   * }</pre>
   *
   * @param country the ISO 3166 alpha-2 code a value without a prefix is read in, any case; not
   *     null; anything but such a code is refused with {@link Reason#INVALID_VALUE}
   * @param value the tax id as written; not null
   * @return {@code CC:number}, the country upper case and the number compact
   * @throws OmniIdException ({@link Reason#INVALID_VALUE}) if it is no tax id of its country or
   *     its check digit is wrong; ({@link Reason#TOO_LARGE}) past 64 characters. The message
   *     never holds the value.
   */
  public static String normalize(String country, String value) {
    Objects.requireNonNull(value, "value");
    return canonical(value, checkCountry(country, "country"));
  }

  /** What {@link #verdict} finds a written tax id to be. */
  public enum Verdict {
    /** A number whose check digit is right, or a well-formed number of a country without a rule. */
    VALID,
    /** A number of its country's shape whose check digit or letter is not the computed one. */
    WRONG_CHECK_DIGIT,
    /** No tax id of its country: wrong length, letters where digits belong, an impossible date. */
    MALFORMED
  }

  /**
   * Whether {@code value} is a valid tax id, read as {@link #normalize} reads it, without an
   * exception: to count a file's wrong check digits apart from what is no tax id at all.
   *
   * @param country the ISO 3166 alpha-2 code a value without a prefix is read in, any case; not
   *     null; anything but such a code is refused with {@link Reason#INVALID_VALUE}
   * @param value the tax id as written; not null
   * @return {@link Verdict#VALID} exactly when {@link #normalize} returns a value
   */
  public static Verdict verdict(String country, String value) {
    Objects.requireNonNull(value, "value");
    String region = checkCountry(country, "country");
    String[] reading;
    try {
      reading = read(value, region);
    } catch (OmniIdException e) {
      return Verdict.MALFORMED;
    }
    return reading[1] == TaxIdRules.WRONG_CHECK ? Verdict.WRONG_CHECK_DIGIT
        : reading[1] == TaxIdRules.MALFORMED ? Verdict.MALFORMED : Verdict.VALID;
  }

  /**
   * The country of a normalized tax id.
   *
   * @param normalized a value {@link #normalize} or a {@link #normalizer} returned, not null
   * @return its ISO 3166 alpha-2 country, e.g. {@code ES}
   * @throws OmniIdException ({@link Reason#INVALID_VALUE}) if it is not of the form
   *     {@code CC:number}
   */
  public static String country(String normalized) {
    Objects.requireNonNull(normalized, "normalized");
    if (normalized.length() < 4 || normalized.charAt(2) != ':') {
      throw new OmniIdException(Reason.INVALID_VALUE, "normalized", "is not a normalized tax id");
    }
    return normalized.substring(0, 2);
  }

  /**
   * The countries whose tax ids are validated with their check digits: {@code ES}, {@code MX},
   * {@code AR}, {@code CO}, {@code CL}. Tax ids of other countries are compacted only.
   *
   * @return an immutable set of ISO 3166 alpha-2 codes
   */
  public static Set<String> checkedCountries() {
    return CHECKED;
  }

  /**
   * Normalized tax ids that name no one taxpayer and must never link: SAT's generic RFCs for the
   * general public ({@code XAXX010101000}) and for foreigners ({@code XEXX010101000}), SII's RUT
   * for anonymous receipts ({@code 66.666.666-6}), DIAN's NIT for the final consumer
   * ({@code 222222222222}). {@link OmniId} declares them junk.
   *
   * @return a thread-safe predicate over normalized values
   */
  public static Predicate<String> genericValues() {
    return GENERIC::contains;
  }

  // ---------------------------------------------------------------- reading

  static String canonical(String value, String region) {
    String[] reading = read(value, region);
    return orThrow(reading[0], reading[1]);
  }

  /**
   * {country, canonical number or a TaxIdRules sentinel}: how {@code value} reads with
   * {@code region} for an unprefixed number. Throws for what is no tax id whatever the country
   * (too long, a character that is no letter, digit or separator, an unknown prefix).
   */
  private static String[] read(String value, String region) {
    String s = value.strip();
    if (s.length() > MAX_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, "tax_id", "is longer than 64 characters");
    }
    Matcher explicit = EXPLICIT.matcher(s);
    if (explicit.matches()) {
      String prefix = explicit.group(1).toUpperCase(Locale.ROOT);
      String country = ISO_COUNTRIES.contains(prefix) ? prefix : TaxIdRules.EuVat.countryOf(prefix);
      if (country == null) {
        throw new OmniIdException(Reason.INVALID_VALUE, "tax_id",
            "has a prefix that is no ISO 3166 country");
      }
      String body = compact(explicit.group(2));
      // The canonical form's number is final: an "other" country's VAT prefix is not stripped
      // again (a number may begin with its own country's letters), so the form reads as itself.
      String read = CHECKED.contains(country) ? readChecked(country, body)
          : TaxIdRules.other(country, body, false);
      return new String[] {country, read};
    }
    String compact = compact(s);
    boolean checked = CHECKED.contains(region);
    String failure = TaxIdRules.MALFORMED;
    String failedIn = region;
    if (checked) {
      String read = readChecked(region, compact);
      if (!failed(read)) {
        return new String[] {region, read};
      }
      failure = read;
    }
    if (compact.length() > 2) {
      String prefix = compact.substring(0, 2);
      String country = CHECKED.contains(prefix) ? prefix : TaxIdRules.EuVat.countryOf(prefix);
      // A number of the region's shape with a wrong check digit is the region's mistyped number,
      // not another country's unvalidated one: a Mexican RFC may begin with SK or DE.
      if (country != null && !country.equals(region)
          && (CHECKED.contains(country) || failure != TaxIdRules.WRONG_CHECK)) {
        String rest = compact.substring(2);
        String read = CHECKED.contains(country) ? readChecked(country, rest)
            : TaxIdRules.other(country, rest, false);
        if (!failed(read)) {
          return new String[] {country, read};
        }
        if (failure == TaxIdRules.MALFORMED && read == TaxIdRules.WRONG_CHECK) {
          failure = read;
          failedIn = country;
        }
      }
    }
    if (!checked && failure == TaxIdRules.MALFORMED) {
      return new String[] {region, TaxIdRules.other(region, compact, true)};
    }
    return new String[] {failedIn, failure};
  }

  /**
   * A validated country's reading of a compact number, trying it without the country's own
   * prefix ({@code ES} of {@code ESB12345674}) when it is no valid number as written.
   */
  private static String readChecked(String country, String body) {
    String read = rule(country, body);
    if (failed(read) && body.length() > 2 && body.startsWith(country)) {
      String stripped = rule(country, body.substring(2));
      if (!failed(stripped) || read == TaxIdRules.MALFORMED) {
        return stripped;
      }
    }
    return read;
  }

  private static String rule(String country, String body) {
    return switch (country) {
      case "ES" -> TaxIdRules.spain(body);
      case "MX" -> TaxIdRules.mexico(body);
      case "AR" -> TaxIdRules.argentina(body);
      case "CO" -> TaxIdRules.colombia(body);
      case "CL" -> TaxIdRules.chile(body);
      default -> throw new IllegalStateException("no rule for " + country);
    };
  }

  private static boolean failed(String read) {
    return read == TaxIdRules.MALFORMED || read == TaxIdRules.WRONG_CHECK;
  }

  private static String orThrow(String country, String read) {
    if (read == TaxIdRules.WRONG_CHECK) {
      throw new OmniIdException(Reason.INVALID_VALUE, "tax_id",
          "has a wrong check digit for a tax id of " + country);
    }
    if (read == TaxIdRules.MALFORMED) {
      throw new OmniIdException(Reason.INVALID_VALUE, "tax_id",
          "is not of the form of a tax id of " + country);
    }
    return country + ':' + read;
  }

  /**
   * Upper case without the separators people write ({@code B-12.345.674}, {@code 20 12345678 6},
   * {@code 60.803.000-k}); any character but a letter, digit, {@code &} or {@code Ñ} is refused.
   */
  private static String compact(String s) {
    StringBuilder out = new StringBuilder(s.length());
    String upper = s.toUpperCase(Locale.ROOT);
    for (int i = 0; i < upper.length(); i++) {
      char c = upper.charAt(i);
      if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '&' || c == 'Ñ') {
        out.append(c);
      } else if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)
          && "-./,_".indexOf(c) < 0) {
        throw new OmniIdException(Reason.INVALID_VALUE, "tax_id",
            "holds a character that is no letter, digit or separator");
      }
    }
    if (out.isEmpty()) {
      throw new OmniIdException(Reason.INVALID_VALUE, "tax_id", "holds no letter or digit");
    }
    return out.toString();
  }

  private static String checkCountry(String country, String setting) {
    Objects.requireNonNull(country, setting);
    String upper = country.strip().toUpperCase(Locale.ROOT);
    if (!ISO_COUNTRIES.contains(upper)) {
      throw new OmniIdException(Reason.INVALID_VALUE, setting, "must be an ISO 3166 alpha-2 code");
    }
    return upper;
  }

  /** The {@link #TAX_ID} normalizer: the touchpoint's country, else the default region. */
  private static final class TaxIdNormalizer implements Normalizer {
    private final String defaultRegion;

    TaxIdNormalizer(String defaultRegion) {
      this.defaultRegion = defaultRegion;
    }

    @Override
    public String normalize(String value) {
      Objects.requireNonNull(value, "value");
      return canonical(value, defaultRegion);
    }

    @Override
    public String normalize(String value, Touchpoint touchpoint) {
      Objects.requireNonNull(value, "value");
      String country = touchpoint.attributes().get(AttributeKey.COUNTRY);
      String region = defaultRegion;
      if (country != null) {
        String upper = country.strip().toUpperCase(Locale.ROOT);
        if (ISO_COUNTRIES.contains(upper)) {
          region = upper;
        }
      }
      return canonical(value, region);
    }

    @Override
    public String toString() {
      return "TaxIdNormalizer[" + defaultRegion + "]";
    }
  }
}
