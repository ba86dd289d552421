package dev.omniid.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Where a compared field's values come from on a touchpoint: all its identifiers of one type, or
 * one person attribute.
 */
public sealed interface FieldSource
    permits FieldSource.OfIdentifier, FieldSource.OfAttribute, FieldSource.OfAttributes {

  /** The values of all identifiers of {@code type}. */
  static FieldSource identifier(IdentifierType type) {
    return new OfIdentifier(type);
  }

  /** The value of attribute {@code key}, if present. */
  static FieldSource attribute(AttributeKey key) {
    return new OfAttribute(key);
  }

  /**
   * The values of several attributes that hold the same kind of value (a full address, or a street
   * line), compared as one multi-valued field.
   */
  static FieldSource attributes(AttributeKey... keys) {
    return new OfAttributes(List.of(keys));
  }

  /** The raw values on a touchpoint, surrounding whitespace stripped; blank ones left out. */
  List<String> values(Touchpoint touchpoint);

  /** The values of one identifier type. @param type the type */
  record OfIdentifier(IdentifierType type) implements FieldSource {
    public OfIdentifier {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public List<String> values(Touchpoint touchpoint) {
      List<String> out = new ArrayList<>(1);
      for (Identifier identifier : touchpoint.identifiers()) {
        if (identifier.type().equals(type) && !identifier.value().isEmpty()) {
          out.add(identifier.value());
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return type.name();
    }
  }

  /** The value of one attribute. @param key the attribute */
  record OfAttribute(AttributeKey key) implements FieldSource {
    public OfAttribute {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public List<String> values(Touchpoint touchpoint) {
      String value = touchpoint.attributes().get(key);
      return value == null || value.isBlank() ? List.of() : List.of(value.strip());
    }

    @Override
    public String toString() {
      return key.name();
    }
  }

  /** The values of several attributes. @param keys the attributes, in order */
  record OfAttributes(List<AttributeKey> keys) implements FieldSource {
    public OfAttributes {
      keys = List.copyOf(keys);
      if (keys.isEmpty()) {
        throw new OmniIdException(OmniIdException.Reason.MISSING_FIELD, "keys", "is empty");
      }
    }

    @Override
    public List<String> values(Touchpoint touchpoint) {
      List<String> out = new ArrayList<>(1);
      for (AttributeKey key : keys) {
        String value = touchpoint.attributes().get(key);
        if (value != null && !value.isBlank()) {
          out.add(value.strip());
        }
      }
      return out;
    }

    @Override
    public String toString() {
      return keys.toString();
    }
  }
}
