package dev.omniid.core;

import dev.omniid.core.OmniIdException.Reason;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One interaction with a customer on one channel: a store visit, a web order, a WhatsApp
 * question. Immutable; build one with {@link #newBuilder(String)}.
 *
 * <p>The canonical constructor validates every field and throws {@link OmniIdException} naming
 * the field and its position (never the value) for bad input. Bounds: an id of at most
 * {@value #MAX_ID_LENGTH} characters without control characters; at most
 * {@value #MAX_IDENTIFIERS} identifiers; identifier and attribute values of at most
 * {@value #MAX_VALUE_LENGTH} characters; at most {@value #MAX_ATTRIBUTES} attributes; at most
 * {@value #MAX_PAYLOAD_ENTRIES} payload entries, keys of at most {@value #MAX_PAYLOAD_KEY_LENGTH}
 * and values of at most {@value #MAX_PAYLOAD_VALUE_LENGTH} characters.
 *
 * <p>The time is optional: a record without one (a CRM row, a survey answer) is a touchpoint
 * whose time is unknown, {@code timestamp()} is empty, and nothing has to be invented for it.
 * The resolver never reads the time to decide who is who; it orders a profile's
 * {@linkplain Profile#journey() journey} (untimed touchpoints after the timed ones) and bounds its
 * {@linkplain Profile#firstSeen() first} and {@linkplain Profile#lastSeen() last seen}.
 *
 * @param id the touchpoint's id, unique within a resolver
 * @param channel where it happened
 * @param timestamp when it happened, or empty when unknown ({@code null} is taken as empty)
 * @param eventKind what happened
 * @param identifiers the identifiers it carries, in the order given
 * @param attributes person attributes (name, birth date, address...), in the order given
 * @param payload opaque data the resolver keeps but never reads (order number, cart, text...)
 */
public record Touchpoint(
    String id,
    Channel channel,
    Optional<Instant> timestamp,
    EventKind eventKind,
    List<Identifier> identifiers,
    Map<AttributeKey, String> attributes,
    Map<String, String> payload) {

  /** The longest accepted touchpoint id. */
  public static final int MAX_ID_LENGTH = 256;
  /** The most identifiers one touchpoint may carry. */
  public static final int MAX_IDENTIFIERS = 64;
  /** The longest accepted identifier or attribute value. */
  public static final int MAX_VALUE_LENGTH = 1024;
  /** The most payload entries one touchpoint may carry. */
  public static final int MAX_PAYLOAD_ENTRIES = 256;
  /** The most attributes one touchpoint may carry. */
  public static final int MAX_ATTRIBUTES = 64;
  /** The longest accepted payload key. */
  public static final int MAX_PAYLOAD_KEY_LENGTH = 256;
  /** The longest accepted payload value (a cart's lines, a message's text). */
  public static final int MAX_PAYLOAD_VALUE_LENGTH = 16_384;

  /**
   * Checks every field against the bounds above and copies the collections.
   *
   * @param id not null ({@code MISSING_FIELD}), not blank and without control characters
   *     ({@code INVALID_VALUE}), at most {@value #MAX_ID_LENGTH} characters ({@code TOO_LARGE})
   * @param channel not null ({@code MISSING_FIELD})
   * @param timestamp when it happened, or empty when unknown; {@code null} is taken as empty
   * @param eventKind not null ({@code MISSING_FIELD})
   * @param identifiers null for none; no null element ({@code MISSING_FIELD}); within the bounds
   *     ({@code TOO_LARGE}); copied
   * @param attributes null for none; no null key or value ({@code MISSING_FIELD}); within the
   *     bounds ({@code TOO_LARGE}); copied in iteration order
   * @param payload null for none; no null key or value ({@code MISSING_FIELD}); within the bounds
   *     ({@code TOO_LARGE}); copied in iteration order
   * @throws OmniIdException with the {@link Reason} named for each parameter, and the field
   */
  public Touchpoint {
    validateId(id);
    if (channel == null) {
      throw new OmniIdException(Reason.MISSING_FIELD, "channel", "is required");
    }
    // Like a null list or map (none), a null Optional is no time rather than an error.
    timestamp = timestamp == null ? Optional.empty() : timestamp;
    if (eventKind == null) {
      throw new OmniIdException(Reason.MISSING_FIELD, "eventKind", "is required");
    }
    identifiers = validateIdentifiers(identifiers);
    attributes = validateAttributes(attributes);
    payload = validatePayload(payload);
  }

  /**
   * The canonical constructor with a plain time, as code written when the time was required
   * calls it; validates as the canonical one does.
   *
   * @param id the touchpoint's id, unique within a resolver
   * @param channel where it happened
   * @param timestamp when it happened, or {@code null} when unknown
   * @param eventKind what happened
   * @param identifiers the identifiers it carries, in the order given
   * @param attributes person attributes, in the order given
   * @param payload opaque data the resolver keeps but never reads
   */
  public Touchpoint(String id, Channel channel, Instant timestamp, EventKind eventKind,
      List<Identifier> identifiers, Map<AttributeKey, String> attributes,
      Map<String, String> payload) {
    this(id, channel, Optional.ofNullable(timestamp), eventKind, identifiers, attributes,
        payload);
  }

  /**
   * Starts a builder for a touchpoint with this id.
   *
   * @param id the touchpoint's id, unique within a resolver: the source system's record id, such
   *     as an order number; checked at once as the constructor checks it
   * @return a builder with the event kind {@link EventKind#UNSPECIFIED} and nothing else set
   * @throws OmniIdException if the id is null ({@code MISSING_FIELD}), blank or holds a control
   *     character ({@code INVALID_VALUE}), or is too long ({@code TOO_LARGE})
   */
  public static Builder newBuilder(String id) {
    return new Builder(id);
  }

  /**
   * The value of an attribute, or empty.
   *
   * @param key the attribute, not null
   * @return the value as given (not normalized), or empty when the touchpoint does not have it
   */
  public Optional<String> attribute(AttributeKey key) {
    return Optional.ofNullable(attributes.get(key));
  }

  @Override
  public String toString() {
    return "Touchpoint[id=" + id + ", channel=" + channel + ", timestamp="
        + timestamp.map(Instant::toString).orElse("unknown")
        + ", eventKind=" + eventKind + ", identifiers=" + identifiers
        + ", attributes=" + attributes.keySet() + ", payload=" + payload.size() + " entries]";
  }

  private static void validateId(String id) {
    if (id == null) {
      throw new OmniIdException(Reason.MISSING_FIELD, "id", "is required");
    }
    if (id.isBlank()) {
      throw new OmniIdException(Reason.INVALID_VALUE, "id", "is blank");
    }
    if (id.length() > MAX_ID_LENGTH) {
      throw new OmniIdException(Reason.TOO_LARGE, "id", "is longer than " + MAX_ID_LENGTH);
    }
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        throw new OmniIdException(
            Reason.INVALID_VALUE, "id", "has a control character at index " + i);
      }
    }
  }

  private static List<Identifier> validateIdentifiers(List<Identifier> identifiers) {
    if (identifiers == null) {
      return List.of();
    }
    if (identifiers.size() > MAX_IDENTIFIERS) {
      throw new OmniIdException(
          Reason.TOO_LARGE, "identifiers", "has more than " + MAX_IDENTIFIERS + " entries");
    }
    for (int i = 0; i < identifiers.size(); i++) {
      Identifier identifier = identifiers.get(i);
      if (identifier == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, "identifiers[" + i + "]", "is null", i);
      }
      if (identifier.raw().length() > MAX_VALUE_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE,
            "identifiers[" + i + "] (" + identifier.type() + ")",
            "is longer than " + MAX_VALUE_LENGTH, i);
      }
    }
    return List.copyOf(identifiers);
  }

  private static Map<AttributeKey, String> validateAttributes(Map<AttributeKey, String> attributes) {
    if (attributes == null || attributes.isEmpty()) {
      return Map.of();
    }
    if (attributes.size() > MAX_ATTRIBUTES) {
      throw new OmniIdException(
          Reason.TOO_LARGE, "attributes", "has more than " + MAX_ATTRIBUTES + " entries");
    }
    for (Map.Entry<AttributeKey, String> e : attributes.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, "attributes", "has a null key or value");
      }
      if (e.getValue().length() > MAX_VALUE_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, "attributes[" + e.getKey() + "]",
            "is longer than " + MAX_VALUE_LENGTH);
      }
    }
    // Compact (about a quarter of a LinkedHashMap's heap), in the order given.
    return CompactMap.copyOf(attributes);
  }

  private static Map<String, String> validatePayload(Map<String, String> payload) {
    if (payload == null || payload.isEmpty()) {
      return Map.of();
    }
    if (payload.size() > MAX_PAYLOAD_ENTRIES) {
      throw new OmniIdException(
          Reason.TOO_LARGE, "payload", "has more than " + MAX_PAYLOAD_ENTRIES + " entries");
    }
    for (Map.Entry<String, String> e : payload.entrySet()) {
      if (e.getKey() == null || e.getValue() == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, "payload", "has a null key or value");
      }
      if (e.getKey().length() > MAX_PAYLOAD_KEY_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, "payload",
            "has a key longer than " + MAX_PAYLOAD_KEY_LENGTH);
      }
      if (e.getValue().length() > MAX_PAYLOAD_VALUE_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, "payload",
            "has a value longer than " + MAX_PAYLOAD_VALUE_LENGTH);
      }
    }
    return CompactMap.copyOf(payload);
  }

  /**
   * Collects the fields of a {@link Touchpoint}. Setters check their argument at once and
   * throw {@link OmniIdException} naming the field; {@link #build()} checks the whole. Not
   * thread-safe; the touchpoint it builds is.
   */
  public static final class Builder {
    private final String id;
    private Channel channel;
    private Instant timestamp; // null: unknown
    private EventKind eventKind = EventKind.UNSPECIFIED;
    private final List<Identifier> identifiers = new ArrayList<>();
    private final Map<AttributeKey, String> attributes = new LinkedHashMap<>();
    private final Map<String, String> payload = new LinkedHashMap<>();

    private Builder(String id) {
      validateId(id);
      this.id = id;
    }

    /**
     * Where the touchpoint happened (required).
     *
     * @param channel the channel, not null
     * @return this builder
     */
    public Builder channel(Channel channel) {
      this.channel = Objects.requireNonNull(channel, "channel");
      return this;
    }

    /**
     * When the touchpoint happened. Optional: leave it unset when the time is unknown (never
     * invent one, such as the epoch, which would show as a real first or last seen).
     *
     * @param timestamp the instant, not null (leave the time unset instead of passing null)
     * @return this builder
     */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = Objects.requireNonNull(timestamp, "timestamp");
      return this;
    }

    /**
     * What happened; {@link EventKind#UNSPECIFIED} unless set.
     *
     * @param eventKind the event kind, not null
     * @return this builder
     */
    public Builder eventKind(EventKind eventKind) {
      this.eventKind = Objects.requireNonNull(eventKind, "eventKind");
      return this;
    }

    /**
     * Adds an identifier from its raw value. A null or blank value is refused with an
     * {@link OmniIdException} naming its position; skip absent values before calling.
     *
     * @param type the identifier's type, not null
     * @param raw the value as the source sent it; not null ({@code MISSING_FIELD}), not blank
     *     ({@code INVALID_VALUE}), at most {@value #MAX_VALUE_LENGTH} characters, and at most
     *     {@value #MAX_IDENTIFIERS} identifiers per touchpoint ({@code TOO_LARGE})
     * @return this builder
     */
    public Builder identifier(IdentifierType type, String raw) {
      Objects.requireNonNull(type, "type");
      int index = identifiers.size();
      String field = "identifiers[" + index + "] (" + type + ")";
      if (raw == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, field, "is null", index);
      }
      if (raw.isBlank()) {
        throw new OmniIdException(Reason.INVALID_VALUE, field, "is blank", index);
      }
      if (identifiers.size() == MAX_IDENTIFIERS) {
        throw new OmniIdException(
            Reason.TOO_LARGE, "identifiers", "has more than " + MAX_IDENTIFIERS + " entries");
      }
      if (raw.length() > MAX_VALUE_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, field, "is longer than " + MAX_VALUE_LENGTH,
            index);
      }
      identifiers.add(Identifier.of(type, raw));
      return this;
    }

    /**
     * Sets a person attribute; a later call for the same key replaces the value.
     *
     * @param key the attribute, not null
     * @param value the value as the source sent it; not null ({@code MISSING_FIELD}), at most
     *     {@value #MAX_VALUE_LENGTH} characters ({@code TOO_LARGE}); a blank value is kept but
     *     counts as absent when compared
     * @return this builder
     */
    public Builder attribute(AttributeKey key, String value) {
      Objects.requireNonNull(key, "key");
      if (value == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, "attributes[" + key + "]", "is null");
      }
      if (value.length() > MAX_VALUE_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, "attributes[" + key + "]",
            "is longer than " + MAX_VALUE_LENGTH);
      }
      attributes.put(key, value);
      return this;
    }

    /**
     * Adds an opaque payload entry that the resolver keeps and never reads; a later call for the
     * same key replaces the value. Checked at once like every setter: a null value, a key longer
     * than {@value #MAX_PAYLOAD_KEY_LENGTH}, a value longer than
     * {@value #MAX_PAYLOAD_VALUE_LENGTH} or a new entry beyond {@value #MAX_PAYLOAD_ENTRIES} is
     * refused with an {@link OmniIdException} naming the entry's position, never its key or value.
     *
     * @param key the entry's key, not null
     * @param value the entry's value, not null ({@code MISSING_FIELD})
     * @return this builder
     */
    public Builder payload(String key, String value) {
      Objects.requireNonNull(key, "key");
      int index = positionOf(key);
      String field = "payload[" + index + "]";
      if (value == null) {
        throw new OmniIdException(Reason.MISSING_FIELD, field, "has a null value");
      }
      if (index == MAX_PAYLOAD_ENTRIES) {
        throw new OmniIdException(
            Reason.TOO_LARGE, "payload", "has more than " + MAX_PAYLOAD_ENTRIES + " entries");
      }
      if (key.length() > MAX_PAYLOAD_KEY_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, field,
            "has a key longer than " + MAX_PAYLOAD_KEY_LENGTH);
      }
      if (value.length() > MAX_PAYLOAD_VALUE_LENGTH) {
        throw new OmniIdException(Reason.TOO_LARGE, field,
            "has a value longer than " + MAX_PAYLOAD_VALUE_LENGTH);
      }
      payload.put(key, value);
      return this;
    }

    /** The position of {@code key}'s entry, or the next position when it has none. */
    private int positionOf(String key) {
      if (!payload.containsKey(key)) {
        return payload.size();
      }
      int i = 0;
      for (String k : payload.keySet()) {
        if (k.equals(key)) {
          break;
        }
        i++;
      }
      return i;
    }

    /**
     * Builds the touchpoint; the channel is required, the time is not.
     *
     * @return an immutable touchpoint; the builder may be changed and built again
     * @throws OmniIdException ({@code MISSING_FIELD}) naming {@code channel} when it was not set
     */
    public Touchpoint build() {
      return new Touchpoint(id, channel, timestamp, eventKind, identifiers, attributes, payload);
    }
  }
}
