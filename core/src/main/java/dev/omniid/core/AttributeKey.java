package dev.omniid.core;

/**
 * The name of a person attribute: softer evidence than an identifier (a name, a birth date, an
 * address) that never links two touchpoints on its own in the core. An open set.
 *
 * @param name a lower-case token such as {@code "given_name"}
 */
public record AttributeKey(String name) {
  public static final AttributeKey GIVEN_NAME = new AttributeKey("given_name");
  public static final AttributeKey FAMILY_NAME = new AttributeKey("family_name");
  public static final AttributeKey FULL_NAME = new AttributeKey("full_name");
  public static final AttributeKey BIRTH_DATE = new AttributeKey("birth_date");
  public static final AttributeKey ADDRESS = new AttributeKey("address");
  public static final AttributeKey ADDRESS_LINE = new AttributeKey("address_line");
  public static final AttributeKey CITY = new AttributeKey("city");
  public static final AttributeKey REGION = new AttributeKey("region");
  public static final AttributeKey POSTAL_CODE = new AttributeKey("postal_code");
  public static final AttributeKey COUNTRY = new AttributeKey("country");

  public AttributeKey {
    Names.requireToken(name, "attribute key");
  }

  /** Returns the attribute key with this name. */
  public static AttributeKey of(String name) {
    return new AttributeKey(name);
  }

  @Override
  public String toString() {
    return name;
  }
}
