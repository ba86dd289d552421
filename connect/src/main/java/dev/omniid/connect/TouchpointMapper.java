package dev.omniid.connect;

import dev.omniid.connect.Dates.DateParser;
import dev.omniid.connect.Dates.Parsed;
import dev.omniid.connect.ParsedMapping.AttributeField;
import dev.omniid.connect.ParsedMapping.IdentifierField;
import dev.omniid.connect.ParsedMapping.Part;
import dev.omniid.connect.ParsedMapping.PayloadField;
import dev.omniid.connect.ParsedMapping.Source;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns records (column → value) into {@link Touchpoint touchpoints} as a {@link Mapping} says.
 * A bad value (an unparseable date, an over-long value) is left out of the touchpoint and reported
 * as a {@link Warning}; the record is always mapped. Blank values are simply absent. A record
 * without a readable time gets none (its time is unknown, never an invented one).
 *
 * <pre>{@code
 * TouchpointMapper mapper = TouchpointMapper.of(Mapping.read(Path.of("mapping.json")));
 * MappedRecord r = mapper.map(2, Map.of("ID", "c-1", "EMAIL", "ana@example.com"));
 * resolver.resolve(r.touchpoint());
 * r.warnings().forEach(w -> log(w.row() + " " + w.column() + ": " + w.reason()));
 * }</pre>
 *
 * <p>Immutable and thread-safe: one mapper serves every thread. It is not serializable; a
 * distributed job ships the {@link Mapping} (serializable by its JSON text) and builds the mapper
 * where the records are, which costs a parse of the mapping.
 */
public final class TouchpointMapper {
  /** The channel of a record whose channel is not mapped or blank. */
  static final Channel UNKNOWN_CHANNEL = Channel.of("unknown");

  /** How to read an all-numeric date such as {@code 03/04/2026}. */
  public enum DateOrder {
    /** Day first ({@code 03/04/2026} is 3 April), the norm outside the United States. */
    DAY_FIRST,
    /** Month first ({@code 03/04/2026} is 4 March), the norm in the United States. */
    MONTH_FIRST
  }

  private final Mapping mapping;
  private final ParsedMapping parsed;
  private final DateParser timestamps;
  private final DateParser birthDates;

  /**
   * The attributes whose values repeat across many records (a country, a city, a common name, a
   * birth date): their values are pooled, so a million records keep one "ES" and one "Madrid"
   * rather than a million copies each (a read file of 5 M rows held some 1.5 GB of such copies).
   */
  private static final java.util.Set<AttributeKey> POOLED = java.util.Set.of(AttributeKey.COUNTRY,
      AttributeKey.CITY, AttributeKey.REGION, AttributeKey.POSTAL_CODE, AttributeKey.GIVEN_NAME,
      AttributeKey.FAMILY_NAME, AttributeKey.BIRTH_DATE);
  /** The most values pooled: a pool stops growing there (later values are kept as read). */
  private static final int POOL_LIMIT = 1 << 18;
  /** Pooled values, channels and event kinds; thread-safe, as the mapper is. */
  private final java.util.concurrent.ConcurrentHashMap<String, String> values =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<String, Channel> channels =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<String, EventKind> events =
      new java.util.concurrent.ConcurrentHashMap<>();
  /** Channel and event values as written, to their tokens ({@link #tokenOf}). */
  private final java.util.concurrent.ConcurrentHashMap<String, String> tokens =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final java.util.concurrent.ConcurrentHashMap<List<String>, List<String>> columnLists =
      new java.util.concurrent.ConcurrentHashMap<>();

  private TouchpointMapper(Mapping mapping, DateOrder order) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.parsed = mapping.parsed();
    boolean monthFirst = Objects.requireNonNull(order, "order") == DateOrder.MONTH_FIRST;
    this.timestamps = Dates.timestampParser(parsed.timestampFormat(), monthFirst);
    this.birthDates = Dates.birthDateParser(parsed.birthDateFormat(), monthFirst);
  }

  /**
   * A mapper that reads numeric dates month first when the mapping's default region is
   * {@code US}, day first otherwise.
   *
   * @param mapping the mapping
   * @return the mapper
   */
  public static TouchpointMapper of(Mapping mapping) {
    return of(mapping, mapping.defaultRegion().filter("US"::equals).isPresent()
        ? DateOrder.MONTH_FIRST : DateOrder.DAY_FIRST);
  }

  /**
   * A mapper that reads numeric dates in the order given.
   *
   * @param mapping the mapping
   * @param order how to read {@code 03/04/2026} where the mapping gives no explicit date format
   * @return the mapper
   */
  public static TouchpointMapper of(Mapping mapping, DateOrder order) {
    return new TouchpointMapper(mapping, order);
  }

  /**
   * The mapping this mapper applies.
   *
   * @return the mapping
   */
  public Mapping mapping() {
    return mapping;
  }

  /**
   * The columns the mapping reads that {@code available} lacks: check a file's header (or the keys
   * seen in a JSON Lines file) before trusting its records, since a missing column maps to nothing.
   *
   * @param available the column names of the input
   * @return one phrase per missing column, {@code column "EMAIL" (mapped by "fields.email")}, in
   *     mapping order; empty when none is missing
   */
  public List<String> missingColumns(Collection<String> available) {
    List<String> missing = new ArrayList<>();
    parsed.sources().forEach(s -> s.columns().filter(c -> !available.contains(c))
        .forEach(c -> missing.add("column \"" + c + "\" (mapped by \"" + s.key() + "\")")));
    return missing;
  }

  /**
   * Maps one record given as column → value, e.g. a row of a table.
   *
   * @param row the record's row number, which the warnings and a blank id's {@code row-N} use
   * @param values the value of each column by column name; names and values are trimmed, null and
   *     blank values are absent
   * @return the touchpoint and the warnings about the record
   */
  public MappedRecord map(long row, Map<String, String> values) {
    Map<String, String> trimmed = new HashMap<>(values.size() * 2);
    values.forEach((k, v) -> {
      if (k != null && v != null) {
        trimmed.putIfAbsent(k.strip(), v.strip());
      }
    });
    return map(new InputRecord(row, trimmed, List.of(), true));
  }

  /**
   * Maps a record read by a {@link RecordReader}; its problems as read become warnings too.
   *
   * @param record a readable record
   * @return the touchpoint and the warnings about the record
   * @throws IllegalArgumentException if the record is not {@linkplain InputRecord#readable()
   *     readable}: it has no values to map, only its problems
   */
  public MappedRecord map(InputRecord record) {
    if (!record.readable()) {
      throw new IllegalArgumentException("row " + record.row() + " is not readable: report its"
          + " problems instead of mapping it");
    }
    return map(record, new ArrayList<>(0));
  }

  private static boolean hasControlCharacter(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Maps a readable record. The id comes from the mapped column, or is {@code row-N} when blank or
   * not usable as an id.
   */
  private MappedRecord map(InputRecord r, List<Warning> warnings) {
    Map<String, String> values = r.values();
    String idColumn = parsed.id().parts().get(0).text();
    String id = values.getOrDefault(idColumn, "");
    String recordId = id;
    if (id.isEmpty()) {
      recordId = "row-" + r.row();
      warnings.add(new Warning(r.row(), recordId, idColumn, "", "is blank: the record is written as "
          + recordId, false));
    } else if (id.length() > Touchpoint.MAX_ID_LENGTH || hasControlCharacter(id)) {
      recordId = "row-" + r.row();
      warnings.add(new Warning(r.row(), recordId, idColumn, Warning.mask(id), "is not usable as an id"
          + " (longer than " + Touchpoint.MAX_ID_LENGTH + " or with control characters): the record is"
          + " written as " + recordId, false));
    }
    String rid = recordId;
    for (InputRecord.RowProblem p : r.problems()) {
      warnings.add(new Warning(r.row(), rid, p.column(), "", p.reason(), false));
    }

    Touchpoint.Builder b = Touchpoint.newBuilder(recordId);
    b.channel(token(parsed.channel(), values, r.row(), rid, warnings).map(this::channel)
        .orElse(UNKNOWN_CHANNEL));
    b.eventKind(token(parsed.event(), values, r.row(), rid, warnings).map(this::eventKind)
        .orElse(EventKind.UNSPECIFIED));
    parsed.timestamp().flatMap(s -> {
      String raw = joined(s, values);
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      Parsed parsed = timestamps.parse(raw);
      if (parsed.value().isEmpty()) {
        warnings.add(new Warning(r.row(), rid, columns(s), Warning.mask(raw), parsed.problem()
            + ": the record has no time", false));
      }
      return parsed.value().map(Dates::instant);
    }).ifPresent(b::timestamp);

    List<String> identifierColumns = new ArrayList<>();
    // Indexed loops: the lists' iterators were 2 % of a command-line run's allocation.
    List<IdentifierField> identifierFields = parsed.identifiers();
    for (int fi = 0; fi < identifierFields.size(); fi++) {
      IdentifierField f = identifierFields.get(fi);
      List<Part> parts = f.source().parts();
      for (int pi = 0; pi < parts.size(); pi++) {
        Part part = parts.get(pi);
        String raw = part.constant() ? part.text() : values.getOrDefault(part.text(), "");
        if (raw.isEmpty()) {
          continue;
        }
        String column = part.constant() ? f.source().key() : part.text();
        if (raw.length() > Touchpoint.MAX_VALUE_LENGTH) {
          warnings.add(new Warning(r.row(), rid, column, Warning.mask(raw), "is longer than "
              + Touchpoint.MAX_VALUE_LENGTH + " characters: ignored", false));
        } else if (identifierColumns.size() == Touchpoint.MAX_IDENTIFIERS) {
          warnings.add(new Warning(r.row(), rid, column, Warning.mask(raw), "is beyond the "
              + Touchpoint.MAX_IDENTIFIERS + " identifiers a record may carry: ignored", false));
        } else {
          b.identifier(f.type(), raw);
          identifierColumns.add(column);
        }
      }
    }
    for (AttributeField f : parsed.attributes()) {
      String raw = joined(f.source(), values);
      if (raw.isEmpty()) {
        continue;
      }
      String value = raw;
      if (f.key().equals(AttributeKey.BIRTH_DATE)) {
        Parsed parsed = birthDates.parse(raw);
        if (parsed.value().isEmpty()) {
          warnings.add(new Warning(r.row(), rid, columns(f.source()), Warning.mask(raw),
              parsed.problem() + ": ignored", false));
          continue;
        }
        value = parsed.value().get();
      }
      if (value.length() > Touchpoint.MAX_VALUE_LENGTH) {
        warnings.add(new Warning(r.row(), rid, columns(f.source()), Warning.mask(raw),
            "is longer than " + Touchpoint.MAX_VALUE_LENGTH + " characters: ignored", false));
        continue;
      }
      b.attribute(f.key(), POOLED.contains(f.key()) ? pooled(value) : value);
    }
    for (PayloadField f : parsed.payload()) {
      String raw = joined(f.source(), values);
      if (raw.isEmpty()) {
        continue;
      }
      if (raw.length() > Touchpoint.MAX_PAYLOAD_VALUE_LENGTH) {
        warnings.add(new Warning(r.row(), rid, columns(f.source()), Warning.mask(raw),
            "is longer than " + Touchpoint.MAX_PAYLOAD_VALUE_LENGTH + " characters: ignored", false));
        continue;
      }
      b.payload(f.key(), raw);
    }
    try {
      return new MappedRecord(r.row(), recordId, b.build(), columns(identifierColumns),
          warnings);
    } catch (OmniIdException e) {
      // The checks above keep the builder within the touchpoint's bounds; this is a bug if reached.
      throw new IllegalStateException("row " + r.row() + ": " + e.getMessage(), e);
    }
  }

  /**
   * What {@code pool} holds for {@code key}, made by {@code make} and kept while the pool has room
   * (past {@link #POOL_LIMIT} a file's values are not repeats worth holding).
   */
  private static <K, V> V pooled(java.util.concurrent.ConcurrentHashMap<K, V> pool, K key,
      java.util.function.Function<K, V> make) {
    V held = pool.get(key);
    if (held != null) {
      return held;
    }
    V made = make.apply(key);
    if (pool.size() >= POOL_LIMIT) {
      return made;
    }
    held = pool.putIfAbsent(key, made);
    return held == null ? made : held;
  }

  /** The one copy of a repeated attribute value, while the pool has room. */
  private String pooled(String value) {
    return pooled(values, value, v -> v);
  }

  /**
   * The one copy of a record's identifier columns: records of one file name the same few lists,
   * and {@link MappedRecord} keeps an immutable list as it is.
   */
  private List<String> columns(List<String> identifierColumns) {
    return pooled(columnLists, List.copyOf(identifierColumns), l -> l);
  }

  /** The one channel of a token (a file names a handful), checked as {@link Channel#of} checks. */
  private Channel channel(String token) {
    return pooled(channels, token, Channel::of);
  }

  /** The one event kind of a token, as {@link #channel}. */
  private EventKind eventKind(String token) {
    return pooled(events, token, EventKind::of);
  }

  /** A channel or event kind: folded to a lower-case token ("Call Center" is call_center). */
  private Optional<String> token(Optional<Source> source, Map<String, String> values,
      long row, String recordId, List<Warning> warnings) {
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String raw = joined(source.get(), values);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    // A file names a handful of channels and events: each is made a token once, not on every row
    // (two regular expressions compiled per row were a twentieth of a CLI run's time).
    String token = pooled(tokens, raw, TouchpointMapper::tokenOf);
    if (token.isEmpty()) {
      warnings.add(new Warning(row, recordId, columns(source.get()), Warning.mask(raw),
          "has no letter or digit to name a " + source.get().key() + ": ignored", false));
      return Optional.empty();
    }
    return Optional.of(token);
  }

  /**
   * The token of a channel or event as written: lower-cased, each run of characters other than
   * {@code a-z 0-9 _ . : -} made one {@code _}, leading characters that are not a letter or digit
   * dropped, at most 64 characters; empty when nothing is left.
   */
  static String tokenOf(String raw) {
    String token = DISALLOWED.matcher(raw.toLowerCase(Locale.ROOT)).replaceAll("_");
    token = LEADING.matcher(token).replaceAll("");
    return token.length() > 64 ? token.substring(0, 64) : token;
  }

  private static final java.util.regex.Pattern DISALLOWED =
      java.util.regex.Pattern.compile("[^a-z0-9_.:-]+");
  private static final java.util.regex.Pattern LEADING = java.util.regex.Pattern.compile("^[^a-z0-9]+");

  /** The value of a source: its non-blank parts joined with a space. */
  static String joined(Source source, Map<String, String> values) {
    if (source.parts().size() == 1) {
      Part p = source.parts().get(0);
      return p.constant() ? p.text() : values.getOrDefault(p.text(), "");
    }
    return source.parts().stream()
        .map(p -> p.constant() ? p.text() : values.getOrDefault(p.text(), ""))
        .filter(v -> !v.isEmpty()).collect(Collectors.joining(" "));
  }

  private static String columns(Source source) {
    String columns = source.columns().collect(Collectors.joining("+"));
    return columns.isEmpty() ? source.key() : columns;
  }
}
