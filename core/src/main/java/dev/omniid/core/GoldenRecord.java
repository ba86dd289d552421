package dev.omniid.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * One customer's golden record: for each field of a {@link Profile} the surviving value, and the
 * touchpoint it came from. Immutable and thread-safe; computed on demand by
 * {@link Profile#golden()} or {@link #of(Profile, SurvivorshipRules)}.
 *
 * <p>Fields are identifier types (email, phone and any other the touchpoints carry; values
 * normalized as the resolver compared them, the winning touchpoint's raw spelling kept) and
 * person attributes (given name, family name, birth date, address, postal code, country and any
 * other; values as given, surrounding whitespace stripped, blank ones left out). The
 * {@link SurvivorshipRules} pick each value, ties broken down to the touchpoint id, so the
 * record is a function of the profile's touchpoints and not of the order they arrived in.
 *
 * <p>{@link #toString()} masks every value.
 */
public final class GoldenRecord {
  private final ProfileId profileId;
  private final Map<IdentifierType, Field> identifiers;
  private final Map<AttributeKey, Field> attributes;

  private GoldenRecord(ProfileId profileId, Map<IdentifierType, Field> identifiers,
      Map<AttributeKey, Field> attributes) {
    this.profileId = profileId;
    this.identifiers = identifiers;
    this.attributes = attributes;
  }

  /**
   * One surviving value and where it came from.
   *
   * @param value the value: normalized for an identifier, as given (stripped) for an attribute
   * @param raw the winning touchpoint's spelling of it, as the source sent it
   * @param touchpointId the id of the touchpoint it came from
   * @param channel that touchpoint's channel
   * @param time that touchpoint's time; empty when it has none
   */
  public record Field(String value, String raw, String touchpointId, Channel channel,
      Optional<Instant> time) {
    /**
     * Checks the fields.
     *
     * @param value the surviving value, not null
     * @param raw its raw spelling, not null
     * @param touchpointId the source touchpoint's id, not null
     * @param channel the source touchpoint's channel, not null
     * @param time the source touchpoint's time, not null (empty when unknown)
     */
    public Field {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(raw, "raw");
      Objects.requireNonNull(touchpointId, "touchpointId");
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(time, "time");
    }

    /**
     * The value masked, its source shown.
     *
     * @return a description safe to log: the value masked, never the raw spelling
     */
    @Override
    public String toString() {
      return Pii.mask(value) + " (from " + touchpointId + " on " + channel + ", "
          + time.map(Instant::toString).orElse("time unknown") + ")";
    }
  }

  /**
   * Computes the golden record of a profile.
   *
   * @param profile the profile, not null
   * @param rules the survivorship rules, not null
   * @return the golden record: a field for every identifier type and attribute any of its
   *     touchpoints carries with a non-blank value
   * @throws NullPointerException if an argument is null
   */
  public static GoldenRecord of(Profile profile, SurvivorshipRules rules) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(rules, "rules");
    List<Touchpoint> journey = profile.journey();
    Map<IdentifierType, List<Candidate>> byType = new HashMap<>();
    Map<AttributeKey, List<Candidate>> byKey = new HashMap<>();
    for (int i = 0; i < journey.size(); i++) {
      Touchpoint t = journey.get(i);
      // A touchpoint votes once per value: two spellings of one email on it are one vote.
      Set<String> seen = new HashSet<>();
      for (Identifier id : profile.normalizedIdentifiers(i)) {
        if (seen.add(id.type().name() + '\u0000' + id.value())) {
          byType.computeIfAbsent(id.type(), k -> new ArrayList<>())
              .add(new Candidate(t, id.value(), id.raw()));
        }
      }
      for (Map.Entry<AttributeKey, String> e : t.attributes().entrySet()) {
        if (!e.getValue().isBlank()) {
          byKey.computeIfAbsent(e.getKey(), k -> new ArrayList<>())
              .add(new Candidate(t, e.getValue().strip(), e.getValue()));
        }
      }
    }
    Map<IdentifierType, Field> identifiers = new TreeMap<>(Comparator.comparing(IdentifierType::name));
    byType.forEach((type, candidates) -> identifiers.put(type,
        survivor(candidates, rules.rule(type), rules, rules.verifier(type))));
    Map<AttributeKey, Field> attributes = new TreeMap<>(Comparator.comparing(AttributeKey::name));
    byKey.forEach((key, candidates) -> attributes.put(key,
        survivor(candidates, rules.rule(key), rules, null)));
    return new GoldenRecord(profile.id(),
        Collections.unmodifiableMap(new LinkedHashMap<>(identifiers)),
        Collections.unmodifiableMap(new LinkedHashMap<>(attributes)));
  }

  /** One touchpoint's value of a field. */
  private record Candidate(Touchpoint touchpoint, String value, String raw) {}

  private static Field survivor(List<Candidate> candidates, Survivorship rule,
      SurvivorshipRules rules, Predicate<String> verified) {
    Map<String, Integer> counts = new HashMap<>();
    for (Candidate c : candidates) {
      counts.merge(c.value(), 1, Integer::sum);
    }
    Comparator<Candidate> frequent = Comparator.comparingInt(c -> -counts.get(c.value()));
    // Timed before untimed, later before earlier.
    Comparator<Candidate> recent = Comparator.comparing(
        (Candidate c) -> c.touchpoint().timestamp(),
        Comparator.comparing((Optional<Instant> t) -> t.isEmpty())
            .thenComparing(t -> t.orElse(Instant.MIN), Comparator.reverseOrder()));
    Comparator<Candidate> complete = Comparator.comparingInt(
        c -> -c.value().codePointCount(0, c.value().length()));
    Comparator<Candidate> source = Comparator.comparingInt(c -> rules.rank(c.touchpoint().channel()));
    Comparator<Candidate> first = switch (rule) {
      case MOST_RECENT -> recent;
      case MOST_FREQUENT -> frequent;
      case MOST_COMPLETE -> complete;
      case SOURCE_PRIORITY -> source;
    };
    Comparator<Candidate> order = first;
    if (verified != null) {
      order = Comparator.comparing((Candidate c) -> !verified.test(c.value())).thenComparing(first);
    }
    order = order.thenComparing(frequent).thenComparing(recent).thenComparing(complete)
        .thenComparing(source)
        .thenComparing(c -> c.touchpoint().id())
        .thenComparing(Candidate::value);
    Candidate winner = Collections.min(candidates, order);
    Touchpoint t = winner.touchpoint();
    return new Field(winner.value(), winner.raw(), t.id(), t.channel(), t.timestamp());
  }

  /**
   * The id of the profile this record was computed from.
   *
   * @return the profile's id at the time
   */
  public ProfileId profileId() {
    return profileId;
  }

  /**
   * The surviving value of every identifier type present.
   *
   * @return the fields by identifier type, in order of type name; unmodifiable
   */
  public Map<IdentifierType, Field> identifiers() {
    return identifiers;
  }

  /**
   * The surviving value of every attribute present.
   *
   * @return the fields by attribute, in order of attribute name; unmodifiable
   */
  public Map<AttributeKey, Field> attributes() {
    return attributes;
  }

  /**
   * The surviving value of an identifier type.
   *
   * @param type the identifier type, not null
   * @return its field, or empty when no touchpoint of the profile carries that type
   */
  public Optional<Field> identifier(IdentifierType type) {
    return Optional.ofNullable(identifiers.get(Objects.requireNonNull(type, "type")));
  }

  /**
   * The surviving value of an attribute.
   *
   * @param key the attribute, not null
   * @return its field, or empty when no touchpoint of the profile has it (non-blank)
   */
  public Optional<Field> attribute(AttributeKey key) {
    return Optional.ofNullable(attributes.get(Objects.requireNonNull(key, "key")));
  }

  /**
   * The surviving email.
   *
   * @return the {@link IdentifierType#EMAIL} field, normalized; empty when there is none
   */
  public Optional<Field> email() {
    return identifier(IdentifierType.EMAIL);
  }

  /**
   * The surviving phone.
   *
   * @return the {@link IdentifierType#PHONE} field, normalized; empty when there is none
   */
  public Optional<Field> phone() {
    return identifier(IdentifierType.PHONE);
  }

  /**
   * The surviving given name.
   *
   * @return the {@link AttributeKey#GIVEN_NAME} field; empty when there is none
   */
  public Optional<Field> givenName() {
    return attribute(AttributeKey.GIVEN_NAME);
  }

  /**
   * The surviving family name.
   *
   * @return the {@link AttributeKey#FAMILY_NAME} field; empty when there is none
   */
  public Optional<Field> familyName() {
    return attribute(AttributeKey.FAMILY_NAME);
  }

  /**
   * The surviving birth date.
   *
   * @return the {@link AttributeKey#BIRTH_DATE} field, as given; empty when there is none
   */
  public Optional<Field> birthDate() {
    return attribute(AttributeKey.BIRTH_DATE);
  }

  /**
   * The surviving address.
   *
   * @return the {@link AttributeKey#ADDRESS} field; empty when there is none
   */
  public Optional<Field> address() {
    return attribute(AttributeKey.ADDRESS);
  }

  /**
   * The surviving postal code.
   *
   * @return the {@link AttributeKey#POSTAL_CODE} field; empty when there is none
   */
  public Optional<Field> postalCode() {
    return attribute(AttributeKey.POSTAL_CODE);
  }

  /**
   * The surviving country.
   *
   * @return the {@link AttributeKey#COUNTRY} field; empty when there is none
   */
  public Optional<Field> country() {
    return attribute(AttributeKey.COUNTRY);
  }

  /**
   * Whether {@code o} is a golden record of the same profile id with equal fields.
   *
   * @param o the object to compare with
   * @return whether the profile id and every field are equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof GoldenRecord g && profileId.equals(g.profileId)
        && identifiers.equals(g.identifiers) && attributes.equals(g.attributes);
  }

  /**
   * A hash consistent with {@link #equals}.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return Objects.hash(profileId, identifiers, attributes);
  }

  /**
   * The profile id and every field, values masked.
   *
   * @return a description safe to log
   */
  @Override
  public String toString() {
    return "GoldenRecord[" + profileId + ", identifiers=" + identifiers + ", attributes="
        + attributes + "]";
  }
}
