package dev.omniid.core;

/**
 * How the resolver treats the values of one {@link IdentifierType}.
 *
 * <p><b>Strength</b> orders the evidence: the resolver applies the strongest identifier types
 * first, and judges whether a value is over-shared by how many people the touchpoints that carry
 * it hold, telling people apart by their <em>stronger</em> identifiers and by the person they name
 * (see {@link #limit()}).
 * Ties in strength are broken by the type's name, so the order is total and never depends on
 * the order touchpoints arrive in.
 *
 * @param exclusive whether a profile may hold at most one distinct value of the type (a customer
 *     id, a national id): two different values mean two different people
 * @param limit how many people may share one value before it becomes <em>generic</em> and stops
 *     linking (a store kiosk's device id, an office's {@code info@} mailbox). The people among its
 *     carriers are counted three ways, and the value is generic when any count exceeds the
 *     limit: the distinct values of one stronger type (twenty emails typed at a kiosk); the
 *     distinct strongest stronger values, one per carrier and across types (five email-only and
 *     five phone-only visitors of one device are ten); and, with a {@link PersonRule}, the
 *     distinct {@linkplain PersonRule#countingKey people named} (twenty differently named people
 *     writing to one mailbox). Carriers that carry no stronger value and name nobody count as
 *     nobody new: six anonymous visits on one device are one unknown person. {@code 0} means no
 *     limit
 * @param linksAlone whether two touchpoints that share a value of this type are linked on that
 *     evidence alone
 * @param strength the rank of the type's evidence, {@code 0..1000}; higher is stronger
 */
public record IdentifierPolicy(boolean exclusive, int limit, boolean linksAlone, int strength) {

  /** The policy of a type the resolver was not told about: links alone, limit 5, strength 50. */
  public static final IdentifierPolicy DEFAULT = new IdentifierPolicy(false, 5, true, 50);

  /**
   * Checks the limit and the strength.
   *
   * @param exclusive whether a profile may hold at most one distinct value of the type
   * @param limit how many people may share one value before it stops linking, {@code >= 0};
   *     {@code 0} means no limit
   * @param linksAlone whether a shared value links two touchpoints on that evidence alone
   * @param strength the rank of the type's evidence, {@code 0..1000}; higher is stronger
   * @throws OmniIdException with {@link OmniIdException.Reason#INVALID_VALUE} if {@code limit} is
   *     negative or {@code strength} is outside {@code 0..1000}
   */
  public IdentifierPolicy {
    if (limit < 0) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "limit",
          "must be >= 0 (0 = no limit)");
    }
    if (strength < 0 || strength > 1000) {
      throw new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "strength",
          "must be in 0..1000");
    }
  }

  /**
   * An exclusive type (one value per profile) that links alone and has no sharing limit.
   *
   * @param strength the rank of the type's evidence, {@code 0..1000} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE}); higher is stronger
   * @return the policy {@code (exclusive, limit 0, links alone, strength)}
   */
  public static IdentifierPolicy exclusive(int strength) {
    return new IdentifierPolicy(true, 0, true, strength);
  }

  /**
   * A type that links alone and turns generic once shared by more than {@code limit} profiles.
   *
   * @param limit how many people may share one value, {@code >= 0} ({@code 0} = no limit; a
   *     negative limit is refused with {@link OmniIdException.Reason#INVALID_VALUE})
   * @param strength the rank of the type's evidence, {@code 0..1000} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE}); higher is stronger
   * @return the policy {@code (not exclusive, limit, links alone, strength)}
   */
  public static IdentifierPolicy shared(int limit, int strength) {
    return new IdentifierPolicy(false, limit, true, strength);
  }

  /**
   * Returns a copy with the given limit.
   *
   * @param newLimit how many people may share one value, {@code >= 0} ({@code 0} = no limit; a
   *     negative limit is refused with {@link OmniIdException.Reason#INVALID_VALUE})
   * @return a new policy equal to this one but for the limit; this one is unchanged
   */
  public IdentifierPolicy withLimit(int newLimit) {
    return new IdentifierPolicy(exclusive, newLimit, linksAlone, strength);
  }

  /**
   * Returns a copy with the given strength.
   *
   * @param newStrength the rank of the type's evidence, {@code 0..1000} (else
   *     {@link OmniIdException.Reason#INVALID_VALUE}); higher is stronger
   * @return a new policy equal to this one but for the strength; this one is unchanged
   */
  public IdentifierPolicy withStrength(int newStrength) {
    return new IdentifierPolicy(exclusive, limit, linksAlone, newStrength);
  }

  /**
   * The default policy of a type. Customer, national and passport ids are exclusive
   * (strength 100); loyalty ids exclusive at 90; email (80), phone (70), social handle (60),
   * device id (50) and cookie id (40) link alone and turn generic past 5 profiles. Any other
   * type gets {@link #DEFAULT}.
   *
   * @param type any identifier type, not null
   * @return the policy the resolver uses for the type unless the builder sets another
   */
  public static IdentifierPolicy defaultFor(IdentifierType type) {
    return switch (type.name()) {
      case "customer_id", "national_id", "passport" -> exclusive(100);
      case "loyalty_id" -> exclusive(90);
      case "email" -> shared(5, 80);
      case "phone" -> shared(5, 70);
      case "social_handle" -> shared(5, 60);
      case "device_id" -> shared(5, 50);
      case "cookie_id" -> shared(5, 40);
      default -> DEFAULT;
    };
  }
}
