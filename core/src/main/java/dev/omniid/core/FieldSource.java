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

  /**
   * The values of all identifiers of {@code type}.
   *
   * @param type the identifier type, not null
   * @return a source giving each non-empty value of that type on the touchpoint, in the order
   *     the touchpoint lists them
   */
  static FieldSource identifier(IdentifierType type) {
    return new OfIdentifier(type);
  }

  /**
   * The value of attribute {@code key}, if present.
   *
   * @param key the attribute, not null
   * @return a source giving the attribute's stripped value, or nothing when it is absent or blank
   */
  static FieldSource attribute(AttributeKey key) {
    return new OfAttribute(key);
  }

  /**
   * The values of several attributes that hold the same kind of value (a full address, or a street
   * line), compared as one multi-valued field.
   *
   * @param keys the attributes, at least one (none is refused with
   *     {@link OmniIdException.Reason#MISSING_FIELD}), none null
   * @return a source giving each present, non-blank attribute's stripped value, in the order of
   *     {@code keys}
   */
  static FieldSource attributes(AttributeKey... keys) {
    return new OfAttributes(List.of(keys));
  }

  /**
   * The raw values on a touchpoint, surrounding whitespace stripped; blank ones left out.
   *
   * @param touchpoint the touchpoint to read, not null
   * @return the values, not yet normalized, in the touchpoint's order; empty when it has none
   */
  List<String> values(Touchpoint touchpoint);

  /**
   * The values of one identifier type.
   *
   * @param type the type
   */
  record OfIdentifier(IdentifierType type) implements FieldSource {
    /**
     * Checks the type.
     *
     * @param type the identifier type, not null
     */
    public OfIdentifier {
      Objects.requireNonNull(type, "type");
    }

    @Override
    public List<String> values(Touchpoint touchpoint) {
      List<String> out = new ArrayList<>(1);
      List<Identifier> identifiers = touchpoint.identifiers();
      for (int i = 0; i < identifiers.size(); i++) { // by index: no iterator on a hot path
        String value = valueOf(identifiers.get(i));
        if (value != null) {
          out.add(value);
        }
      }
      return out;
    }

    /** The identifier's value if this source gives it, else null; no list made. */
    String valueOf(Identifier identifier) {
      return identifier.type().equals(type) && !identifier.value().isEmpty()
          ? identifier.value() : null;
    }

    @Override
    public String toString() {
      return type.name();
    }
  }

  /**
   * The value of one attribute.
   *
   * @param key the attribute
   */
  record OfAttribute(AttributeKey key) implements FieldSource {
    /**
     * Checks the key.
     *
     * @param key the attribute, not null
     */
    public OfAttribute {
      Objects.requireNonNull(key, "key");
    }

    @Override
    public List<String> values(Touchpoint touchpoint) {
      String value = valueOf(touchpoint);
      return value == null ? List.of() : List.of(value);
    }

    /** The one value this source gives, or null; no list made. */
    String valueOf(Touchpoint touchpoint) {
      String value = touchpoint.attributes().get(key);
      return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
      return key.name();
    }
  }

  /**
   * The values of several attributes.
   *
   * @param keys the attributes, in order
   */
  record OfAttributes(List<AttributeKey> keys) implements FieldSource {
    /**
     * Copies the keys.
     *
     * @param keys the attributes, in order; at least one, else
     *     {@link OmniIdException.Reason#MISSING_FIELD}
     */
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
