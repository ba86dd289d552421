package dev.omniid.connect;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.Organisations;
import dev.omniid.matching.PhoneNormalizer;
import dev.omniid.matching.TaxIds;
import dev.omniid.connect.ParsedMapping.AttributeField;
import dev.omniid.connect.ParsedMapping.IdentifierField;
import dev.omniid.connect.ParsedMapping.Part;
import dev.omniid.connect.ParsedMapping.PayloadField;
import dev.omniid.connect.ParsedMapping.Source;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a mapping (JSON) into a {@link ParsedMapping}. Every mistake is an {@link OmniIdException}
 * ({@link OmniIdException.Reason#INVALID_VALUE}) whose field is {@code mapping NAME} and whose
 * detail names the key: a typo in a key must never be silently ignored, or a whole column would
 * quietly not be used.
 *
 * <p>Only Jackson's tree model of 2.15 and later is used ({@link JsonNode#properties()} is the
 * newest call), so that an application (a Spark job) may pin Jackson as low as 2.15.
 */
final class MappingReader {
  static final List<String> TOP_LEVEL_KEYS = List.of("id", "channel", "timestamp", "event",
      "defaultRegion", "timestampFormat", "birthDateFormat", "fields", "payload",
      "description");
  static final List<String> IDENTIFIER_KEYS = List.of("email", "phone", "social_handle",
      "device_id", "cookie_id", "customer_id", "loyalty_id", "national_id", "passport",
      "email_sha256", "phone_sha256", "tax_id", "account_number");
  static final List<String> ATTRIBUTE_KEYS = List.of("given_name", "family_name", "full_name",
      "birth_date", "address", "address_line", "city", "region", "postal_code", "country",
      "org_name", "org_address", "org_postal_code", "org_city", "org_phone");
  private static final List<String> IDENTIFIER_LONG_FORM_KEYS =
      List.of("column", "exclusive", "limit", "normalize", "personal");
  /**
   * The identifier keys whose values are compared by a normalizer of their own (email rules,
   * libphonenumber...): {@code "normalize": false} applies only to the exact ids, the others.
   */
  static final List<String> OWN_NORMALIZER_KEYS = List.of("email", "phone", "social_handle",
      "device_id", "cookie_id", "email_sha256", "phone_sha256", "tax_id");
  private static final String ID_PREFIX = "id:";

  private final String name;

  private MappingReader(String name) {
    this.name = name;
  }

  /** Parses a mapping; {@code name} is the file name used in messages. */
  static ParsedMapping parse(String json, String name) {
    return new MappingReader(name).parse(json);
  }

  private ParsedMapping parse(String json) {
    JsonNode root;
    try {
      ObjectMapper mapper = new ObjectMapper();
      mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
      // A BOM is common in files saved by Windows editors; it is not JSON.
      root = mapper.readTree(json.startsWith("\uFEFF") ? json.substring(1) : json);
    } catch (JsonParseException e) {
      String message = e.getOriginalMessage();
      if (message.startsWith("Duplicate field")) {
        throw fail("key " + message.substring(message.indexOf('\'')).replace('\'', '"')
            + " appears twice");
      }
      throw fail("not valid JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr());
    } catch (JsonProcessingException e) {
      throw fail("not valid JSON");
    }
    if (root == null || !root.isObject()) {
      throw fail("must be a JSON object such as {\"id\": \"RECORD_ID\", \"fields\": {...}}");
    }
    checkKeys(root, TOP_LEVEL_KEYS, "");
    if (!root.has("id")) {
      throw fail("\"id\" is required: the column that holds each record's id");
    }
    Source id = source(root.get("id"), "id", false);
    if (id.parts().size() != 1 || id.parts().get(0).constant()) {
      throw fail("\"id\" must name one column");
    }
    Optional<String> region = text(root, "defaultRegion");
    if (region.isPresent() && !region.get().matches("[A-Za-z]{2}")) {
      throw fail("\"defaultRegion\" must be " + REGION_FORM);
    }
    if (region.isPresent() && !knownRegion(region.get().toUpperCase(java.util.Locale.ROOT))) {
      throw fail("\"defaultRegion\" " + region.get().toUpperCase(java.util.Locale.ROOT)
          + " is not a region libphonenumber knows; give " + REGION_FORM);
    }
    // Free text for people (what export the mapping reads, where its columns are documented):
    // JSON has no comments, and an unknown key is refused.
    Optional<String> description = text(root, "description");
    Optional<String> timestampFormat = text(root, "timestampFormat");
    timestampFormat.ifPresent(f -> checkFormat(f, "timestampFormat", true));
    Optional<String> birthDateFormat = text(root, "birthDateFormat");
    birthDateFormat.ifPresent(f -> checkFormat(f, "birthDateFormat", false));

    List<IdentifierField> identifiers = new ArrayList<>();
    List<AttributeField> attributes = new ArrayList<>();
    JsonNode fields = root.get("fields");
    if (fields != null) {
      if (!fields.isObject()) {
        throw fail("\"fields\" must be an object such as {\"email\": \"EMAIL\"}");
      }
      Set<String> seenTypes = new HashSet<>();
      for (Map.Entry<String, JsonNode> e : fields.properties()) {
        String key = e.getKey();
        String where = "fields." + key;
        if (ATTRIBUTE_KEYS.contains(key)) {
          attributes.add(new AttributeField(AttributeKey.of(key), source(e.getValue(), where, false)));
        } else if (IDENTIFIER_KEYS.contains(key) || key.startsWith(ID_PREFIX)) {
          String typeName = key.startsWith(ID_PREFIX) ? key.substring(ID_PREFIX.length()) : key;
          IdentifierType type;
          try {
            type = IdentifierType.of(typeName);
          } catch (IllegalArgumentException ex) {
            throw fail("\"" + where + "\": the identifier type after \"id:\" must be 1-64 characters"
                + " of a-z 0-9 _ . : - starting with a letter or digit");
          }
          if (!seenTypes.add(typeName)) {
            throw fail("\"" + where + "\": identifier type \"" + typeName + "\" is mapped twice;"
                + " give one key a list of columns instead");
          }
          identifiers.add(identifier(type, e.getValue(), where));
        } else {
          throw fail("unknown field \"" + key + "\" in \"fields\" (known: "
              + String.join(", ", IDENTIFIER_KEYS) + ", " + String.join(", ", ATTRIBUTE_KEYS)
              + ", or id:NAME for another identifier type)");
        }
      }
    }
    return new ParsedMapping(id, optionalSource(root, "channel"), optionalSource(root, "timestamp"),
        optionalSource(root, "event"), region.map(r -> r.toUpperCase(java.util.Locale.ROOT)),
        timestampFormat, birthDateFormat, identifiers, attributes, payload(root.get("payload")),
        description);
  }

  /** The payload fields: any key, as the touchpoint's payload bounds allow, to one source. */
  private List<PayloadField> payload(JsonNode node) {
    List<PayloadField> payload = new ArrayList<>();
    if (node == null) {
      return payload;
    }
    if (!node.isObject()) {
      throw fail("\"payload\" must be an object such as {\"amount\": \"ORDER_TOTAL\"}");
    }
    if (node.size() > Touchpoint.MAX_PAYLOAD_ENTRIES) {
      throw fail("\"payload\" has more than " + Touchpoint.MAX_PAYLOAD_ENTRIES + " keys");
    }
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String key = e.getKey();
      if (key.isBlank() || key.length() > Touchpoint.MAX_PAYLOAD_KEY_LENGTH) {
        throw fail("a \"payload\" key must be 1-" + Touchpoint.MAX_PAYLOAD_KEY_LENGTH
            + " characters, not blank");
      }
      payload.add(new PayloadField(key, source(e.getValue(), "payload." + key, false)));
    }
    return payload;
  }

  private IdentifierField identifier(IdentifierType type, JsonNode node, String where) {
    if (!node.isObject()) {
      return new IdentifierField(type, source(node, where, true), Optional.empty(), true);
    }
    checkKeys(node, IDENTIFIER_LONG_FORM_KEYS, where);
    if (!node.has("column")) {
      throw fail("\"" + where + "\" needs \"column\": the column (or list of columns) to read");
    }
    Source source = source(node.get("column"), where + ".column", true);
    boolean normalize = normalize(type, node.get("normalize"), where);
    JsonNode personalNode = node.get("personal");
    if (personalNode != null && !personalNode.isBoolean()) {
      throw fail("\"" + where + ".personal\" must be true or false");
    }
    // A value that names one person (a social-security number): shared, it links whatever the
    // names say (ResolverBuilder.personalIdentifier).
    boolean personal = personalNode != null && personalNode.booleanValue();
    JsonNode exclusiveNode = node.get("exclusive");
    JsonNode limitNode = node.get("limit");
    if (exclusiveNode == null && limitNode == null) {
      return new IdentifierField(type, source, Optional.empty(), normalize, personal);
    }
    if (exclusiveNode != null && !exclusiveNode.isBoolean()) {
      throw fail("\"" + where + ".exclusive\" must be true or false");
    }
    if (limitNode != null && !(limitNode.canConvertToInt() && limitNode.isIntegralNumber()
        && limitNode.intValue() >= 0)) {
      throw fail("\"" + where + ".limit\" must be a whole number >= 0 (0 = no limit)");
    }
    IdentifierPolicy base = basePolicy(type);
    boolean exclusive = exclusiveNode != null ? exclusiveNode.booleanValue() : base.exclusive();
    // An exclusive type (one value per person) needs no sharing limit unless one is given.
    int limit = limitNode != null ? limitNode.intValue() : exclusive ? 0 : base.limit();
    // Exclusive ids rank with the core's exclusive types (customer id, passport: 100).
    int strength = exclusive && !base.exclusive() ? 100 : base.strength();
    return new IdentifierField(type, source,
        Optional.of(new IdentifierPolicy(exclusive, limit, true, strength)), normalize, personal);
  }

  /**
   * The policy a long form's {@code "exclusive"} or {@code "limit"} starts from: the core's default
   * for the type, except the organisation ids, which {@code OmniId} makes exclusive (a tax id at
   * strength 100: one legal entity, one number; an account number at 90); starting from the
   * core's shared default, {@code "limit"} alone would quietly make them shared.
   */
  private static IdentifierPolicy basePolicy(IdentifierType type) {
    if (type.equals(TaxIds.TAX_ID)) {
      return IdentifierPolicy.exclusive(100);
    }
    return type.equals(Organisations.ACCOUNT_NUMBER) ? IdentifierPolicy.exclusive(90)
        : IdentifierPolicy.defaultFor(type);
  }

  /**
   * The long form's {@code "normalize"}: true unless set to false, which compares an exact id as
   * written (case and separators kept) rather than upper-cased without spaces, dashes, dots and
   * slashes. Emails, phones and the other types with rules of their own cannot turn it off.
   */
  private boolean normalize(IdentifierType type, JsonNode node, String where) {
    if (node == null) {
      return true;
    }
    if (!node.isBoolean()) {
      throw fail("\"" + where + ".normalize\" must be true or false");
    }
    if (!node.booleanValue() && OWN_NORMALIZER_KEYS.contains(type.name())) {
      throw fail("\"" + where + ".normalize\": only exact ids (customer_id, loyalty_id,"
          + " national_id, passport, id:NAME) can be compared as written; " + type.name()
          + " is always normalized by its own rules");
    }
    return node.booleanValue();
  }

  private Optional<Source> optionalSource(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    return Optional.of(source(node, key, false));
  }

  private Source source(JsonNode node, String where, boolean identifier) {
    List<Part> parts = new ArrayList<>();
    if (node.isTextual()) {
      parts.add(part(node.textValue(), where));
    } else if (node.isArray() && !node.isEmpty()) {
      for (JsonNode element : node) {
        if (!element.isTextual()) {
          throw fail("\"" + where + "\" must list column names (strings)");
        }
        parts.add(part(element.textValue(), where));
      }
    } else if (node.isObject() && where.startsWith("fields.")) {
      checkKeys(node, List.of("column"), where);
      if (!node.has("column")) {
        throw fail("\"" + where + "\" needs \"column\": the column (or list of columns) to read");
      }
      return source(node.get("column"), where + ".column", identifier);
    } else {
      throw fail("\"" + where + "\" must be a column name, a list of column names"
          + (where.startsWith("fields.") ? " or an object with \"column\"" : "")
          + " (\"=text\" for a constant)");
    }
    return new Source(where, parts);
  }

  private Part part(String text, String where) {
    if (text.startsWith("=")) {
      if (text.length() == 1) {
        throw fail("\"" + where + "\" has an empty constant \"=\"");
      }
      return new Part(text.substring(1), true);
    }
    String column = text.strip();
    if (column.isEmpty()) {
      throw fail("\"" + where + "\" has an empty column name");
    }
    return new Part(column, false);
  }

  private Optional<String> text(JsonNode root, String key) {
    JsonNode node = root.get(key);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!node.isTextual() || node.textValue().isBlank()) {
      throw fail("\"" + key + "\" must be a non-empty string");
    }
    return Optional.of(node.textValue().strip());
  }

  private void checkFormat(String format, String key, boolean timestamp) {
    try {
      if (timestamp) {
        Dates.timestampParser(Optional.of(format), false);
      } else {
        Dates.birthDateParser(Optional.of(format), false);
      }
    } catch (IllegalArgumentException e) {
      throw fail("\"" + key + "\" is not a valid date pattern (" + e.getMessage() + ")"
          + (timestamp ? "; use a java.time pattern such as \"dd/MM/yyyy HH:mm\", or epoch_seconds,"
              + " epoch_millis" : "; use a java.time pattern such as \"yyyyMMdd\""));
    }
  }

  private void checkKeys(JsonNode object, List<String> known, String where) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String key = it.next();
      if (!known.contains(key)) {
        throw fail("unknown key \"" + key + "\"" + (where.isEmpty() ? "" : " in \"" + where + "\"")
            + " (known: " + String.join(", ", known) + ")");
      }
    }
  }

  private OmniIdException fail(String message) {
    return new OmniIdException(OmniIdException.Reason.INVALID_VALUE, "mapping " + name, message);
  }

  /** The valid form of a default region, for messages. */
  static final String REGION_FORM = "an ISO 3166 alpha-2 region code such as US, ES or GB";

  /** Whether libphonenumber knows {@code upperCaseRegion} (two letters) as a region. */
  static boolean knownRegion(String upperCaseRegion) {
    try {
      PhoneNormalizer.forRegion(upperCaseRegion, 0);
      return true;
    } catch (IllegalArgumentException e) { // OmniIdException is one; a bare one is refused too
      return false;
    }
  }
}
