package dev.omniid.spark;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link RecordMapping#byColumnName()}: the mapping file's field names as column names. */
enum ColumnNameMapping implements RecordMapping {
  INSTANCE;

  /** The channel of a record without one, as the CLI's mapping gives it. */
  static final Channel UNKNOWN_CHANNEL = Channel.of("unknown");

  private static final List<String> IDENTIFIERS = List.of("email", "phone", "social_handle",
      "device_id", "cookie_id", "customer_id", "loyalty_id", "national_id", "passport",
      "email_sha256", "phone_sha256");
  private static final List<String> ATTRIBUTES = List.of("given_name", "family_name",
      "full_name", "birth_date", "address", "address_line", "city", "region", "postal_code",
      "country");

  @Override
  public Touchpoint map(Map<String, String> record) {
    String id = blankToNull(record.get("id"));
    if (id == null) {
      throw new OmniIdException(OmniIdException.Reason.MISSING_FIELD, "id", "is blank");
    }
    Touchpoint.Builder b = Touchpoint.newBuilder(id);
    String channel = blankToNull(record.get("channel"));
    b.channel(channel == null ? UNKNOWN_CHANNEL : Channel.of(channel));
    String time = blankToNull(record.get("timestamp"));
    if (time != null) {
      try {
        b.timestamp(Instant.parse(time));
      } catch (DateTimeParseException e) {
        // The time never decides the partition; a record without a readable one has none.
      }
    }
    // Sorted by column name, so "email" comes before "email#2" whatever the input's order.
    for (Map.Entry<String, String> e : new TreeMap<>(record).entrySet()) {
      String value = blankToNull(e.getValue());
      if (value == null) {
        continue;
      }
      String column = e.getKey();
      int hash = column.indexOf('#');
      String field = hash < 0 ? column : column.substring(0, hash);
      if (IDENTIFIERS.contains(field)) {
        b.identifier(IdentifierType.of(field), value);
      } else if (field.startsWith("id:") && field.length() > 3) {
        b.identifier(IdentifierType.of(field.substring(3)), value);
      } else if (hash < 0 && ATTRIBUTES.contains(field)) {
        b.attribute(AttributeKey.of(field), value);
      }
    }
    return b.build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
