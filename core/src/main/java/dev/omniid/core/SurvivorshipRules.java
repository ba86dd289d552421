package dev.omniid.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * Which {@link Survivorship} rule picks each field of a {@link GoldenRecord}. Immutable and
 * thread-safe; build one with {@link #newBuilder()}, or take the {@link #defaults()}.
 *
 * <p>A field is an identifier type (its values normalized as the resolver compared them) or a
 * person attribute (its values as given, surrounding whitespace stripped, blank ones left out).
 * The defaults:
 *
 * <table>
 * <caption>Default survivorship</caption>
 * <tr><th>Field</th><th>Rule</th><th>Why</th></tr>
 * <tr><td>email, phone</td><td>{@link Survivorship#MOST_FREQUENT MOST_FREQUENT}, then most
 *     recent</td><td>the address the customer keeps giving is their own; a one-off (a partner's,
 *     a typo) is outvoted</td></tr>
 * <tr><td>given name, family name, full name</td><td>{@code MOST_FREQUENT}</td><td>names do not
 *     change often; a nickname or typo on one channel is outvoted</td></tr>
 * <tr><td>birth date</td><td>{@code MOST_FREQUENT}</td><td>it never changes: disagreement is
 *     data-entry error</td></tr>
 * <tr><td>address, address line, city, region, postal code, country</td><td>{@link
 *     Survivorship#MOST_RECENT MOST_RECENT}</td><td>people move: the latest address is the
 *     current one</td></tr>
 * <tr><td>any other identifier type or attribute</td><td>{@code MOST_RECENT}</td><td>the
 *     customer's latest word</td></tr>
 * </table>
 *
 * <p>Ties under the field's rule go down a fixed chain: verified first (only where a
 * {@linkplain Builder#verifiedBy verifier} is set), then the rule, then most frequent, most
 * recent (untimed touchpoints last), most complete, channel priority (when one is set), the
 * smaller touchpoint id, and last the smaller value (two values on one touchpoint). Every step
 * reads only the profile's set of touchpoints, so the golden record is a function of that set,
 * whatever order the touchpoints arrived in.
 */
public final class SurvivorshipRules {
  private static final SurvivorshipRules DEFAULTS = newBuilder().build();

  private final Map<IdentifierType, Survivorship> identifierRules;
  private final Map<AttributeKey, Survivorship> attributeRules;
  private final Survivorship defaultRule;
  private final List<Channel> channelPriority;
  private final Map<IdentifierType, Predicate<String>> verifiers;

  private SurvivorshipRules(Builder b) {
    this.identifierRules = Map.copyOf(b.identifierRules);
    this.attributeRules = Map.copyOf(b.attributeRules);
    this.defaultRule = b.defaultRule;
    this.channelPriority = List.copyOf(b.channelPriority);
    this.verifiers = Map.copyOf(b.verifiers);
  }

  /**
   * The default rules of the table above, with no channel priority and no verifier.
   *
   * @return the shared default rules
   */
  public static SurvivorshipRules defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder holding the defaults of the table above.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The rule for an identifier type.
   *
   * @param type the identifier type, not null
   * @return its rule, or the default rule when none was set for it
   */
  public Survivorship rule(IdentifierType type) {
    return identifierRules.getOrDefault(Objects.requireNonNull(type, "type"), defaultRule);
  }

  /**
   * The rule for an attribute.
   *
   * @param key the attribute, not null
   * @return its rule, or the default rule when none was set for it
   */
  public Survivorship rule(AttributeKey key) {
    return attributeRules.getOrDefault(Objects.requireNonNull(key, "key"), defaultRule);
  }

  /**
   * The rule for every field without one of its own.
   *
   * @return the default rule
   */
  public Survivorship defaultRule() {
    return defaultRule;
  }

  /**
   * The channels in priority order for {@link Survivorship#SOURCE_PRIORITY} and the tie-break.
   *
   * @return the channels, best first; empty when no priority is set
   */
  public List<Channel> channelPriority() {
    return channelPriority;
  }

  /** The rank of a channel: its position in the priority, unlisted channels after all. */
  int rank(Channel channel) {
    int i = channelPriority.indexOf(channel);
    return i < 0 ? channelPriority.size() : i;
  }

  /** The verifier of a type's normalized values; everything is unverified when none is set. */
  Predicate<String> verifier(IdentifierType type) {
    return verifiers.get(type);
  }

  @Override
  public String toString() {
    return "SurvivorshipRules[identifiers=" + identifierRules + ", attributes=" + attributeRules
        + ", default=" + defaultRule + ", channelPriority=" + channelPriority
        + ", verified=" + verifiers.keySet() + "]";
  }

  /**
   * Collects survivorship rules; each setter checks its arguments at once, and {@link #build()}
   * checks that they agree. Not thread-safe; the rules it builds are.
   */
  public static final class Builder {
    private final Map<IdentifierType, Survivorship> identifierRules = new HashMap<>();
    private final Map<AttributeKey, Survivorship> attributeRules = new HashMap<>();
    private Survivorship defaultRule = Survivorship.MOST_RECENT;
    private final List<Channel> channelPriority = new ArrayList<>();
    private final Map<IdentifierType, Predicate<String>> verifiers = new LinkedHashMap<>();

    private Builder() {
      identifierRules.put(IdentifierType.EMAIL, Survivorship.MOST_FREQUENT);
      identifierRules.put(IdentifierType.PHONE, Survivorship.MOST_FREQUENT);
      for (AttributeKey key : List.of(AttributeKey.GIVEN_NAME, AttributeKey.FAMILY_NAME,
          AttributeKey.FULL_NAME, AttributeKey.BIRTH_DATE)) {
        attributeRules.put(key, Survivorship.MOST_FREQUENT);
      }
      for (AttributeKey key : List.of(AttributeKey.ADDRESS, AttributeKey.ADDRESS_LINE,
          AttributeKey.CITY, AttributeKey.REGION, AttributeKey.POSTAL_CODE,
          AttributeKey.COUNTRY)) {
        attributeRules.put(key, Survivorship.MOST_RECENT);
      }
    }

    /**
     * Sets the rule of an identifier type, replacing any earlier one.
     *
     * @param type the identifier type, not null
     * @param rule its rule, not null
     * @return this builder
     */
    public Builder rule(IdentifierType type, Survivorship rule) {
      identifierRules.put(Objects.requireNonNull(type, "type"), Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Sets the rule of an attribute, replacing any earlier one.
     *
     * @param key the attribute, not null
     * @param rule its rule, not null
     * @return this builder
     */
    public Builder rule(AttributeKey key, Survivorship rule) {
      attributeRules.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(rule, "rule"));
      return this;
    }

    /**
     * Sets the rule of every field without one of its own ({@link Survivorship#MOST_RECENT}
     * unless set). The fields of the defaults table keep their rules; set them apart to change
     * them.
     *
     * @param rule the default rule, not null
     * @return this builder
     */
    public Builder defaultRule(Survivorship rule) {
      this.defaultRule = Objects.requireNonNull(rule, "rule");
      return this;
    }

    /**
     * Sets the channels' priority for {@link Survivorship#SOURCE_PRIORITY} and the tie-break,
     * replacing any earlier one; channels not listed rank after every listed one.
     *
     * @param channels the channels, best first; none null, no repeats
     * @return this builder
     * @throws IllegalArgumentException naming {@code channelPriority} if a channel is repeated
     */
    public Builder channelPriority(Channel... channels) {
      List<Channel> list = List.of(channels);
      if (list.stream().distinct().count() != list.size()) {
        throw new IllegalArgumentException("channelPriority: a channel is listed twice");
      }
      channelPriority.clear();
      channelPriority.addAll(list);
      return this;
    }

    /**
     * Makes verified values of an identifier type win before its rule applies: a hook for a
     * check the core cannot make itself (a phone number a phone library validates, an email not
     * on a junk list). The predicate gets normalized values; it must be thread-safe, never throw
     * and give the same answer for the same value.
     *
     * @param type the identifier type, not null
     * @param verified whether a normalized value is verified, not null
     * @return this builder
     */
    public Builder verifiedBy(IdentifierType type, Predicate<String> verified) {
      verifiers.put(Objects.requireNonNull(type, "type"),
          Objects.requireNonNull(verified, "verified"));
      return this;
    }

    /**
     * Builds the rules.
     *
     * @return immutable rules; the builder may be changed and built again
     * @throws IllegalStateException naming {@code channelPriority} when a rule is
     *     {@link Survivorship#SOURCE_PRIORITY} and no channel priority is set
     */
    public SurvivorshipRules build() {
      boolean bySource = defaultRule == Survivorship.SOURCE_PRIORITY
          || identifierRules.containsValue(Survivorship.SOURCE_PRIORITY)
          || attributeRules.containsValue(Survivorship.SOURCE_PRIORITY);
      if (bySource && channelPriority.isEmpty()) {
        throw new IllegalStateException(
            "channelPriority: SOURCE_PRIORITY is used but no channel priority is set");
      }
      return new SurvivorshipRules(this);
    }
  }
}
