package dev.omniid.matching;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The labelled hard-cases file ({@code hardcases/hard-cases.csv}, see the README beside it) as
 * touchpoints, built the way the CLI builds them from {@code hard-cases.mapping.json}: the
 * matching module cannot depend on the CLI module, so this is a small reader of its own.
 */
final class HardCasesData {
  static final String CSV = "/hardcases/hard-cases.csv";
  static final String MAPPING = "/hardcases/hard-cases.mapping.json";

  /** Identifier columns in mapping order (the CLI adds identifiers in that order). */
  static final Map<String, IdentifierType> IDENTIFIERS = ordered(
      "email", IdentifierType.EMAIL, "phone", IdentifierType.PHONE,
      "customer_id", IdentifierType.CUSTOMER_ID, "national_id", IdentifierType.NATIONAL_ID,
      "device_id", IdentifierType.DEVICE_ID);
  /** Attribute columns in mapping order; each column is named after its key. */
  static final List<AttributeKey> ATTRIBUTES = List.of(AttributeKey.GIVEN_NAME,
      AttributeKey.FAMILY_NAME, AttributeKey.FULL_NAME, AttributeKey.BIRTH_DATE,
      AttributeKey.ADDRESS, AttributeKey.CITY, AttributeKey.POSTAL_CODE, AttributeKey.COUNTRY);

  /** The file's birth dates are read as the CLI reads them for region ES: day first. */
  private static final BirthDateNormalizer BIRTH_DATES = BirthDateNormalizer.dayFirst();

  /** One labelled record: its touchpoint, the true person and the hard pattern it belongs to. */
  record HardCase(String recordId, String truth, String pattern, Touchpoint touchpoint) {}

  private HardCasesData() {}

  /** Every record of the file, in file order. */
  static List<HardCase> load() {
    List<List<String>> rows = parse(resource(CSV));
    List<String> header = rows.get(0);
    List<HardCase> out = new ArrayList<>();
    for (int i = 1; i < rows.size(); i++) {
      List<String> row = rows.get(i);
      if (row.size() != header.size()) {
        throw new IllegalStateException(CSV + " line " + (i + 1) + ": " + row.size()
            + " fields, the header has " + header.size());
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < header.size(); c++) {
        values.put(header.get(c), row.get(c).strip());
      }
      out.add(new HardCase(values.get("record_id"), values.get("truth"), values.get("pattern"),
          touchpoint(values)));
    }
    return out;
  }

  /** The text of a test resource. */
  static String resource(String path) {
    try (InputStream in = HardCasesData.class.getResourceAsStream(path)) {
      Objects.requireNonNull(in, "test resource " + path);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * As the CLI's TouchpointMapper: blank values are absent, the channel is folded to a token, a
   * birth date is normalized day first (ES) and left out when unreadable.
   */
  private static Touchpoint touchpoint(Map<String, String> v) {
    Touchpoint.Builder b = Touchpoint.newBuilder(v.get("record_id"))
        .channel(Channel.of(v.get("channel").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.:-]+", "_")))
        .eventKind(EventKind.UNSPECIFIED)
        .timestamp(Instant.parse(v.get("timestamp")));
    IDENTIFIERS.forEach((column, type) -> {
      if (!v.get(column).isEmpty()) {
        b.identifier(type, v.get(column));
      }
    });
    for (AttributeKey key : ATTRIBUTES) {
      String raw = v.get(key.name());
      if (raw.isEmpty()) {
        continue;
      }
      if (key.equals(AttributeKey.BIRTH_DATE)) {
        try {
          raw = BIRTH_DATES.normalize(raw);
        } catch (OmniIdException e) {
          continue;
        }
      }
      b.attribute(key, raw);
    }
    return b.build();
  }

  /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks. */
  static List<List<String>> parse(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ',') {
        row.add(field.toString());
        field.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(field.toString());
        field.setLength(0);
        if (!(row.size() == 1 && row.get(0).isEmpty())) {
          rows.add(row);
        }
        row = new ArrayList<>();
      } else {
        field.append(c);
      }
    }
    if (quoted) {
      throw new IllegalStateException("unterminated quoted field");
    }
    if (field.length() > 0 || !row.isEmpty()) {
      row.add(field.toString());
      rows.add(row);
    }
    return rows;
  }

  private static Map<String, IdentifierType> ordered(Object... pairs) {
    Map<String, IdentifierType> map = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], (IdentifierType) pairs[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(map);
  }
}
