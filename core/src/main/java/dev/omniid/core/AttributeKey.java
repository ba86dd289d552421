package dev.omniid.core;

/**
 * The name of a person attribute: softer evidence than an identifier (a name, a birth date, an
 * address) that never links two touchpoints on its own in the core. An open set.
 *
 * @param name a lower-case token such as {@code "given_name"}
 */
public record AttributeKey(String name) {
  /** The first (given) name, {@code "given_name"}; a person rule compares it with nicknames. */
  public static final AttributeKey GIVEN_NAME = new AttributeKey("given_name");
  /** The family name (surname), {@code "family_name"}. */
  public static final AttributeKey FAMILY_NAME = new AttributeKey("family_name");
  /** The whole name in one value, {@code "full_name"}, for sources that do not split it. */
  public static final AttributeKey FULL_NAME = new AttributeKey("full_name");
  /** The date of birth, {@code "birth_date"}. */
  public static final AttributeKey BIRTH_DATE = new AttributeKey("birth_date");
  /** The whole postal address in one value, {@code "address"}. */
  public static final AttributeKey ADDRESS = new AttributeKey("address");
  /** The street line of an address (street, number, unit), {@code "address_line"}. */
  public static final AttributeKey ADDRESS_LINE = new AttributeKey("address_line");
  /** The city or town of an address, {@code "city"}. */
  public static final AttributeKey CITY = new AttributeKey("city");
  /** The state, province or region of an address, {@code "region"}. */
  public static final AttributeKey REGION = new AttributeKey("region");
  /** The postal (ZIP) code of an address, {@code "postal_code"}. */
  public static final AttributeKey POSTAL_CODE = new AttributeKey("postal_code");
  /** The country of an address, {@code "country"}. */
  public static final AttributeKey COUNTRY = new AttributeKey("country");

  /**
   * Checks the name.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit
   * @throws NullPointerException if {@code name} is null
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} unless the name is
   *     1-64 characters of {@code [a-z0-9_.:-]} starting with a letter or digit
   */
  public AttributeKey {
    Names.requireToken(name, "attribute key");
  }

  /**
   * Returns the attribute key with this name; {@code "given_name"} equals {@link #GIVEN_NAME}.
   *
   * @param name a lower-case token, 1-64 characters of {@code [a-z0-9_.:-]} starting with a
   *     letter or digit; anything else is refused with {@link OmniIdException.Reason#INVALID_VALUE}
   * @return the key, equal to every other key of the same name
   */
  public static AttributeKey of(String name) {
    return new AttributeKey(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
