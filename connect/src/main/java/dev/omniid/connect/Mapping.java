package dev.omniid.connect;

import dev.omniid.connect.ParsedMapping.IdentifierField;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.ResolverBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the columns of a customer file become touchpoints: which column holds the record id, the
 * channel, the time, and which columns are identifiers (email, phone, customer id...) and person
 * attributes (names, birth date, address). Read from the JSON mapping file the {@code omniid} tool
 * takes with {@code --mapping} ({@link #read(Path)}, {@link #parse(String, String)}), or one of the
 * built-in {@link #preset(String) presets} for the exports of common shop and CRM systems.
 *
 * <p>Immutable and thread-safe. Serializable by its JSON text: a mapping sent to another JVM (a
 * Spark executor) is parsed again there from {@link #json()}, so what arrives is checked as
 * strictly as what was sent; a job may equally ship {@link #json()} itself and call
 * {@link #parse(String, String)}. Two mappings are equal when their name and JSON text are.
 */
public final class Mapping implements Serializable {
  @Serial
  private static final long serialVersionUID = 1L;

  /** The built-in presets, in alphabetical order: each a resource {@code presets/NAME.json}. */
  private static final List<String> PRESETS = List.of("hubspot-contacts", "klaviyo-profiles",
      "magento-customers", "salesforce-contacts", "shopify-customers", "shopify-orders");

  /** The name messages use: the file, or {@code preset NAME}. */
  private final String name;
  /** The JSON text it was parsed from: its serialized form. */
  private final String json;
  /** The parsed form; rebuilt from {@link #json} after deserialization (see readResolve). */
  private final transient ParsedMapping parsed;

  private Mapping(String name, String json, ParsedMapping parsed) {
    this.name = name;
    this.json = json;
    this.parsed = parsed;
  }

  /**
   * Parses a mapping from its JSON text.
   *
   * @param json the mapping, a JSON object such as {@code {"id": "ID", "fields": {"email": "EMAIL"}}}
   * @param name the name to use in messages (usually the file name)
   * @return the mapping
   * @throws OmniIdException ({@link OmniIdException.Reason#INVALID_VALUE}) if the text is not a
   *     valid mapping; its {@link OmniIdException#field() field} is {@code mapping NAME} and its
   *     {@link OmniIdException#detail() detail} names the key at fault
   */
  public static Mapping parse(String json, String name) {
    Objects.requireNonNull(json, "json");
    Objects.requireNonNull(name, "name");
    return new Mapping(name, json, MappingReader.parse(json, name));
  }

  /**
   * Reads a mapping file (UTF-8 JSON).
   *
   * @param file the mapping file; messages name it as given
   * @return the mapping
   * @throws OmniIdException if the file is not a valid mapping, as {@link #parse(String, String)}
   * @throws UncheckedIOException if the file cannot be read; its message is
   *     {@code mapping FILE: file not found} or {@code mapping FILE: cannot read (...)}
   */
  public static Mapping read(Path file) {
    Objects.requireNonNull(file, "file");
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UncheckedIOException("mapping " + file + ": file not found", e);
    } catch (IOException e) {
      throw new UncheckedIOException("mapping " + file + ": cannot read ("
          + e.getClass().getSimpleName() + ")", e);
    }
    return parse(json, file.toString());
  }

  /**
   * Reads a mapping from a stream of UTF-8 JSON, to its end; the stream is not closed.
   *
   * @param in the mapping's JSON text
   * @param name the name to use in messages
   * @return the mapping
   * @throws OmniIdException if the text is not a valid mapping, as {@link #parse(String, String)}
   * @throws UncheckedIOException if the stream cannot be read
   */
  public static Mapping read(InputStream in, String name) {
    Objects.requireNonNull(in, "in");
    Objects.requireNonNull(name, "name");
    try {
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name);
    } catch (IOException e) {
      throw new UncheckedIOException("mapping " + name + ": cannot read ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  /**
   * A built-in mapping for the export of a common system, written from that system's documented
   * export columns: {@code shopify-customers}, {@code shopify-orders}, {@code magento-customers},
   * {@code hubspot-contacts}, {@code salesforce-contacts}, {@code klaviyo-profiles}. Its
   * {@link #json()} is a starting point for a mapping of one's own.
   *
   * @param name the preset's name, as {@link #presets()} lists it
   * @return the preset; its {@link #name()} is {@code preset NAME}
   * @throws IllegalArgumentException if there is no preset of that name; the message lists them
   */
  public static Mapping preset(String name) {
    Objects.requireNonNull(name, "name");
    if (!PRESETS.contains(name)) {
      throw new IllegalArgumentException("unknown preset \"" + name + "\" (known: "
          + String.join(", ", PRESETS) + ")");
    }
    try (InputStream in = Mapping.class.getResourceAsStream("presets/" + name + ".json")) {
      if (in == null) {
        throw new IllegalStateException("preset " + name + " is missing from the jar");
      }
      return read(in, "preset " + name);
    } catch (IOException e) {
      throw new UncheckedIOException("preset " + name + ": cannot read", e);
    }
  }

  /**
   * The names of the built-in presets.
   *
   * @return the names {@link #preset(String)} accepts, in alphabetical order
   */
  public static List<String> presets() {
    return PRESETS;
  }

  /**
   * The identifier keys a mapping's {@code fields} accept besides {@code id:NAME}.
   *
   * @return the keys ({@code email}, {@code phone}, {@code customer_id}...), in a fixed order
   */
  public static List<String> identifierKeys() {
    return MappingReader.IDENTIFIER_KEYS;
  }

  /**
   * The name messages use for this mapping.
   *
   * @return the file name as given, {@code preset NAME}, or the name given to
   *     {@link #parse(String, String)}
   */
  public String name() {
    return name;
  }

  /**
   * The JSON text this mapping was read from.
   *
   * @return the text, as read: {@link #parse(String, String)} of it gives an equal mapping
   */
  public String json() {
    return json;
  }

  /**
   * What the mapping says of itself: its {@code "description"}, free text for people. A preset's
   * says which export it reads and where that export's columns are documented.
   *
   * @return the description, or empty when the mapping has none
   */
  public Optional<String> description() {
    return parsed.description();
  }

  /**
   * The column that holds each record's id.
   *
   * @return the column name
   */
  public String idColumn() {
    return parsed.id().parts().get(0).text();
  }

  /**
   * The region the mapping sets for phones and postal codes without a country of their own.
   *
   * @return the ISO 3166 alpha-2 code, upper case, or empty when the mapping sets none
   */
  public Optional<String> defaultRegion() {
    return parsed.defaultRegion();
  }

  /**
   * Every column the mapping reads.
   *
   * @return the column names, each once, in mapping order (id first)
   */
  public List<String> columns() {
    return parsed.sources().flatMap(ParsedMapping.Source::columns).distinct().toList();
  }

  /**
   * The identifier types the mapping maps.
   *
   * @return the types, in mapping order
   */
  public List<IdentifierType> identifierTypes() {
    return parsed.identifiers().stream().map(IdentifierField::type).toList();
  }

  /**
   * The identifier policies the mapping sets ({@code "exclusive"}, {@code "limit"} in a field's
   * long form), to give {@code ResolverBuilder.identifierPolicy}.
   *
   * @return the policies by type, in mapping order; types without a policy of their own are absent
   */
  public Map<IdentifierType, IdentifierPolicy> identifierPolicies() {
    Map<IdentifierType, IdentifierPolicy> policies = new LinkedHashMap<>();
    for (IdentifierField f : parsed.identifiers()) {
      f.policy().ifPresent(p -> policies.put(f.type(), p));
    }
    return policies;
  }

  /**
   * The identifier types the mapping declares personal ({@code "personal": true}): a shared value
   * links whatever the names say, as {@code ResolverBuilder.personalIdentifier} describes.
   *
   * @return the types, in mapping order
   */
  public Set<IdentifierType> personalTypes() {
    return parsed.identifiers().stream().filter(IdentifierField::personal)
        .map(IdentifierField::type).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * The identifier types the mapping compares as written ({@code "normalize": false}), to give
   * the identity normalizer in {@code ResolverBuilder.normalizer}.
   *
   * @return the types, in mapping order
   */
  public Set<IdentifierType> typesComparedAsWritten() {
    return parsed.identifiers().stream().filter(f -> !f.normalize())
        .map(IdentifierField::type).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /**
   * Sets on a resolver builder what the mapping says about resolving: its
   * {@linkplain #identifierPolicies() identifier policies}, its {@linkplain #personalTypes()
   * personal types} and the identity normalizer for the {@linkplain #typesComparedAsWritten()
   * types compared as written}. The {@code omniid} tool and the Spark job both configure their
   * resolver this way, so that one mapping file resolves alike in both. The default region and
   * date order are the caller's ({@link #defaultRegion()} is the mapping's suggestion).
   *
   * @param builder a builder, typically {@code OmniId.resolverBuilder()...toResolverBuilder()}
   * @return {@code builder}
   */
  public ResolverBuilder configure(ResolverBuilder builder) {
    Objects.requireNonNull(builder, "builder");
    identifierPolicies().forEach(builder::identifierPolicy);
    typesComparedAsWritten().forEach(type -> builder.normalizer(type, Normalizer.identity()));
    personalTypes().forEach(builder::personalIdentifier);
    return builder;
  }

  /** The parsed form, for the mapper. */
  ParsedMapping parsed() {
    return parsed;
  }

  /**
   * Parses the JSON text again after deserialization: the parsed form is not serialized (it holds
   * no state of its own), and a text changed in transit is refused as any other bad mapping.
   *
   * @return the mapping parsed from the serialized text and name
   */
  @Serial
  private Object readResolve() {
    if (json == null || name == null) {
      throw new IllegalStateException("a serialized mapping without its text or name");
    }
    return parse(json, name);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Mapping m && m.name.equals(name) && m.json.equals(json);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + json.hashCode();
  }

  @Override
  public String toString() {
    return "Mapping[" + name + "]";
  }
}
