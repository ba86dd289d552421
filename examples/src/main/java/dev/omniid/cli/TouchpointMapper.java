package dev.omniid.cli;

import dev.omniid.cli.Dates.DateParser;
import dev.omniid.cli.Dates.Parsed;
import dev.omniid.cli.Mapping.AttributeField;
import dev.omniid.cli.Mapping.IdentifierField;
import dev.omniid.cli.Mapping.Part;
import dev.omniid.cli.Mapping.PayloadField;
import dev.omniid.cli.Mapping.Source;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Turns input records into touchpoints as a {@link Mapping} says. A bad value (an unparseable date,
 * an over-long value) is left out of the touchpoint and reported; the record is always mapped.
 * Blank values are simply absent. A record without a readable time gets none (its time is
 * unknown, never an invented one). Not thread-safe.
 */
final class TouchpointMapper {
  /** The channel of a record whose channel is not mapped or blank. */
  static final Channel UNKNOWN_CHANNEL = Channel.of("unknown");

  private final Mapping mapping;
  private final DateParser timestamps;
  private final DateParser birthDates;

  TouchpointMapper(Mapping mapping, boolean monthFirst) {
    this.mapping = Objects.requireNonNull(mapping, "mapping");
    this.timestamps = Dates.timestampParser(mapping.timestampFormat(), monthFirst);
    this.birthDates = Dates.birthDateParser(mapping.birthDateFormat(), monthFirst);
  }

  /** The columns the mapping reads that {@code available} lacks, each with the key that reads it. */
  List<String> missingColumns(Collection<String> available) {
    List<String> missing = new ArrayList<>();
    mapping.sources().forEach(s -> s.columns().filter(c -> !available.contains(c))
        .forEach(c -> missing.add("column \"" + c + "\" (mapped by \"" + s.key() + "\")")));
    return missing;
  }

  /** A close match for a missing column (same name but for case or spaces), for the error message. */
  static Optional<String> closest(String column, Collection<String> available) {
    String folded = column.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT);
    return available.stream()
        .filter(a -> a.replaceAll("[\\s_-]", "").toLowerCase(Locale.ROOT).equals(folded)).findFirst();
  }

  /**
   * Maps a readable record. The id comes from the mapped column, or is {@code row-N} when blank or
   * not usable as an id.
   */
  MappedRecord map(InputRecord r, Consumer<Warning> warnings) {
    Map<String, String> values = r.values();
    String idColumn = mapping.id().parts().get(0).text();
    String id = values.getOrDefault(idColumn, "");
    String recordId = id;
    if (id.isEmpty()) {
      recordId = "row-" + r.row();
      warnings.accept(new Warning(r.row(), recordId, idColumn, "", "is blank: the record is written as "
          + recordId, false));
    } else if (id.length() > Touchpoint.MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      recordId = "row-" + r.row();
      warnings.accept(new Warning(r.row(), recordId, idColumn, Warning.mask(id), "is not usable as an id"
          + " (longer than " + Touchpoint.MAX_ID_LENGTH + " or with control characters): the record is"
          + " written as " + recordId, false));
    }
    String rid = recordId;
    for (InputRecord.RowProblem p : r.problems()) {
      warnings.accept(new Warning(r.row(), rid, p.column(), "", p.reason(), false));
    }

    Touchpoint.Builder b = Touchpoint.newBuilder(recordId);
    b.channel(token(mapping.channel(), values, r.row(), rid, warnings).map(Channel::of).orElse(UNKNOWN_CHANNEL));
    b.eventKind(token(mapping.event(), values, r.row(), rid, warnings).map(EventKind::of)
        .orElse(EventKind.UNSPECIFIED));
    mapping.timestamp().flatMap(s -> {
      String raw = joined(s, values);
      if (raw.isEmpty()) {
        return Optional.empty();
      }
      Parsed parsed = timestamps.parse(raw);
      if (parsed.value().isEmpty()) {
        warnings.accept(new Warning(r.row(), rid, columns(s), Warning.mask(raw), parsed.problem()
            + ": the record has no time", false));
      }
      return parsed.value().map(Instant::parse);
    }).ifPresent(b::timestamp);

    List<String> identifierColumns = new ArrayList<>();
    for (IdentifierField f : mapping.identifiers()) {
      for (Part part : f.source().parts()) {
        String raw = part.constant() ? part.text() : values.getOrDefault(part.text(), "");
        if (raw.isEmpty()) {
          continue;
        }
        String column = part.constant() ? f.source().key() : part.text();
        if (raw.length() > Touchpoint.MAX_VALUE_LENGTH) {
          warnings.accept(new Warning(r.row(), rid, column, Warning.mask(raw), "is longer than "
              + Touchpoint.MAX_VALUE_LENGTH + " characters: ignored", false));
        } else if (identifierColumns.size() == Touchpoint.MAX_IDENTIFIERS) {
          warnings.accept(new Warning(r.row(), rid, column, Warning.mask(raw), "is beyond the "
              + Touchpoint.MAX_IDENTIFIERS + " identifiers a record may carry: ignored", false));
        } else {
          b.identifier(f.type(), raw);
          identifierColumns.add(column);
        }
      }
    }
    for (AttributeField f : mapping.attributes()) {
      String raw = joined(f.source(), values);
      if (raw.isEmpty()) {
        continue;
      }
      String value = raw;
      if (f.key().equals(AttributeKey.BIRTH_DATE)) {
        Parsed parsed = birthDates.parse(raw);
        if (parsed.value().isEmpty()) {
          warnings.accept(new Warning(r.row(), rid, columns(f.source()), Warning.mask(raw),
              parsed.problem() + ": ignored", false));
          continue;
        }
        value = parsed.value().get();
      }
      if (value.length() > Touchpoint.MAX_VALUE_LENGTH) {
        warnings.accept(new Warning(r.row(), rid, columns(f.source()), Warning.mask(raw),
            "is longer than " + Touchpoint.MAX_VALUE_LENGTH + " characters: ignored", false));
        continue;
      }
      b.attribute(f.key(), value);
    }
    for (PayloadField f : mapping.payload()) {
      String raw = joined(f.source(), values);
      if (raw.isEmpty()) {
        continue;
      }
      if (raw.length() > Touchpoint.MAX_PAYLOAD_VALUE_LENGTH) {
        warnings.accept(new Warning(r.row(), rid, columns(f.source()), Warning.mask(raw),
            "is longer than " + Touchpoint.MAX_PAYLOAD_VALUE_LENGTH + " characters: ignored", false));
        continue;
      }
      b.payload(f.key(), raw);
    }
    try {
      return new MappedRecord(r.row(), recordId, b.build(), identifierColumns);
    } catch (OmniIdException e) {
      // The checks above keep the builder within the touchpoint's bounds; this is a bug if reached.
      throw new IllegalStateException("row " + r.row() + ": " + e.getMessage(), e);
    }
  }

  /** A channel or event kind: folded to a lower-case token ("Call Center" is call_center). */
  private static Optional<String> token(Optional<Source> source, Map<String, String> values,
      long row, String recordId, Consumer<Warning> warnings) {
    if (source.isEmpty()) {
      return Optional.empty();
    }
    String raw = joined(source.get(), values);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    String token = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_.:-]+", "_")
        .replaceAll("^[^a-z0-9]+", "");
    if (token.length() > 64) {
      token = token.substring(0, 64);
    }
    if (token.isEmpty()) {
      warnings.accept(new Warning(row, recordId, columns(source.get()), Warning.mask(raw),
          "has no letter or digit to name a " + source.get().key() + ": ignored", false));
      return Optional.empty();
    }
    return Optional.of(token);
  }

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
