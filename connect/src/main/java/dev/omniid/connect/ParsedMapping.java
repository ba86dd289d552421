package dev.omniid.connect;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * How the columns of a source file become touchpoints, as {@link MappingReader} parsed it: the
 * structure behind the public {@link Mapping}. Immutable.
 *
 * @param id where the record id comes from (required)
 * @param channel where the channel comes from, if mapped
 * @param timestamp where the time comes from, if mapped
 * @param event where the event kind comes from, if mapped
 * @param defaultRegion the ISO 3166 region for phones and postal codes, if set
 * @param timestampFormat an explicit timestamp format overriding detection, if set
 * @param birthDateFormat an explicit birth date format overriding detection, if set
 * @param identifiers the identifier fields, in file order
 * @param attributes the attribute fields, in file order
 * @param payload the payload fields (an order's amount, a survey's score), in file order
 * @param description the mapping's description, if it has one
 */
record ParsedMapping(
    Source id,
    Optional<Source> channel,
    Optional<Source> timestamp,
    Optional<Source> event,
    Optional<String> defaultRegion,
    Optional<String> timestampFormat,
    Optional<String> birthDateFormat,
    List<IdentifierField> identifiers,
    List<AttributeField> attributes,
    List<PayloadField> payload,
    Optional<String> description) {

  ParsedMapping {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(defaultRegion, "defaultRegion");
    Objects.requireNonNull(timestampFormat, "timestampFormat");
    Objects.requireNonNull(birthDateFormat, "birthDateFormat");
    identifiers = List.copyOf(identifiers);
    attributes = List.copyOf(attributes);
    payload = List.copyOf(payload);
    Objects.requireNonNull(description, "description");
  }

  /**
   * One value of the mapping: the columns it reads (joined with a space for an attribute), or a
   * constant.
   *
   * @param key the mapping key it came from, for messages ({@code fields.email}, {@code id})
   * @param parts the columns and constants ({@code "=store"} in the file) it reads, in order
   */
  record Source(String key, List<Part> parts) {
    Source {
      Objects.requireNonNull(key, "key");
      parts = List.copyOf(parts);
      if (parts.isEmpty()) {
        throw new IllegalArgumentException("a source reads at least one column or constant");
      }
    }

    /** The columns it reads, without constants. */
    Stream<String> columns() {
      return parts.stream().filter(p -> !p.constant()).map(Part::text);
    }
  }

  /** A column name, or a constant text when {@code constant}. */
  record Part(String text, boolean constant) {
    Part {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * An identifier field: each part gives its own identifier (two phone columns are two phones).
   *
   * @param type the identifier type
   * @param source its columns
   * @param policy the policy the long form sets, if it sets one
   * @param normalize false when the long form says {@code "normalize": false}: an exact id then
   *     compares as written, case and separators kept
   */
  record IdentifierField(IdentifierType type, Source source, Optional<IdentifierPolicy> policy,
      boolean normalize, boolean personal) {
    /** A field whose shared value is evidence, not a verdict, against the person attributes. */
    IdentifierField(IdentifierType type, Source source, Optional<IdentifierPolicy> policy,
        boolean normalize) {
      this(type, source, policy, normalize, false);
    }

    IdentifierField {
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(policy, "policy");
    }
  }

  /**
   * An attribute field: its parts are joined with a space (street number and street name).
   *
   * @param key the attribute
   * @param source its columns
   */
  record AttributeField(AttributeKey key, Source source) {
    AttributeField {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(source, "source");
    }
  }

  /**
   * A payload field: data the resolver keeps and never reads, such as an order's amount or a
   * survey's score ({@code stats --metrics} reads them); its parts are joined with a space.
   *
   * @param key the payload key
   * @param source its columns
   */
  record PayloadField(String key, Source source) {
    PayloadField {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(source, "source");
    }
  }

  /** Every source of the mapping, id first. */
  Stream<Source> sources() {
    return Stream.of(Stream.of(id), channel.stream(), timestamp.stream(), event.stream(),
        identifiers.stream().map(IdentifierField::source),
        attributes.stream().map(AttributeField::source),
        payload.stream().map(PayloadField::source)).flatMap(s -> s);
  }
}
