package dev.omniid.datagen;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Writes a generated data set as files a customer file would come in: {@code touchpoints.csv}
 * (RFC 4180 quoting, header, UTF-8, LF line ends), the same as {@code touchpoints.jsonl} (JSON
 * Lines), the ground truth {@code truth.csv} ({@code record_id,cluster_id}), the labels
 * {@code labels.csv} ({@code record_id,household_id,patterns}: the person's household and
 * {@link Pattern}s, labels joined by {@code |}) and a {@code mapping.json} for the command-line
 * tool. Not thread-safe.
 */
public final class GeneratedDataWriter {
  /** The CSV columns, in order. */
  public static final List<String> COLUMNS = List.of("record_id", "channel", "timestamp", "event",
      "email", "phone", "given_name", "family_name", "birth_date", "address", "city", "postal_code",
      "country", "device_id", "cookie_id", "customer_id", "loyalty_id", "email_sha256", "national_id",
      "amount", "score");

  /** The CSV columns of distributor data ({@link #write(DistributorGenerator, Path)}), in order. */
  public static final List<String> ACCOUNT_COLUMNS = List.of("record_id", "channel", "timestamp",
      "event", "email", "phone", "given_name", "family_name", "org_name", "tax_id", "country",
      "postal_code", "city", "rep_id", "amount", "truth_account", "truth_person", "patterns");

  private GeneratedDataWriter() {}

  /**
   * Writes distributor data into {@code directory} (created if needed): {@code touchpoints.csv}
   * with the columns {@link #ACCOUNT_COLUMNS} (the truth in {@code truth_account} and
   * {@code truth_person}, blank for none, and the {@link AccountPattern} labels joined by
   * {@code |} in {@code patterns}), the person truth {@code truth.csv} and the account truth
   * {@code truth-accounts.csv} ({@code record_id,cluster_id}, only the records that have one),
   * and a {@code mapping.json} for the command-line tool ({@link #accountMappingJson()}).
   * Existing files of those names are replaced.
   *
   * @param generator the configured generator, not null; it is run once
   * @param directory where to write, created with its parents if absent
   * @return the number of touchpoints written
   * @throws IOException if a file cannot be created or written
   */
  public static long write(DistributorGenerator generator, Path directory) throws IOException {
    Objects.requireNonNull(generator, "generator");
    Files.createDirectories(directory);
    long rows;
    try (BufferedWriter csv = Files.newBufferedWriter(directory.resolve("touchpoints.csv"), StandardCharsets.UTF_8);
        BufferedWriter persons = Files.newBufferedWriter(directory.resolve("truth.csv"), StandardCharsets.UTF_8);
        BufferedWriter accounts = Files.newBufferedWriter(directory.resolve("truth-accounts.csv"), StandardCharsets.UTF_8)) {
      csv.write(String.join(",", ACCOUNT_COLUMNS));
      csv.write("\n");
      persons.write("record_id,cluster_id\n");
      accounts.write("record_id,cluster_id\n");
      rows = writeRows(generator::forEach, g -> {
        writeCsvRow(csv, accountRow(g));
        String id = csvField(g.touchpoint().id());
        if (g.personId().isPresent()) {
          persons.write(id + "," + csvField(g.personId().get()) + "\n");
        }
        if (g.accountId().isPresent()) {
          accounts.write(id + "," + csvField(g.accountId().get()) + "\n");
        }
      });
    }
    Files.writeString(directory.resolve("mapping.json"), accountMappingJson(), StandardCharsets.UTF_8);
    return rows;
  }

  /**
   * The mapping of distributor data's CSV columns to OmniID fields, for {@code omniid resolve}:
   * the organisation under the keys {@code org_name} and {@code tax_id} (read in the
   * {@code country} column's country), the rep and the amount as payload; the truth and pattern
   * columns are left out.
   *
   * @return the JSON text written to {@code mapping.json} by
   *     {@link #write(DistributorGenerator, Path)}, default region {@code ES}
   */
  public static String accountMappingJson() {
    return """
        {
          "id": "record_id",
          "channel": "channel",
          "timestamp": "timestamp",
          "event": "event",
          "defaultRegion": "ES",
          "fields": {
            "email": "email",
            "phone": "phone",
            "given_name": "given_name",
            "family_name": "family_name",
            "org_name": "org_name",
            "tax_id": "tax_id",
            "country": "country",
            "postal_code": "postal_code",
            "city": "city"
          },
          "payload": {
            "rep_id": "rep_id",
            "amount": "amount"
          }
        }
        """;
  }

  /** One distributor touchpoint as the values of {@link #ACCOUNT_COLUMNS}; absent fields are empty. */
  static String[] accountRow(AccountTouchpoint g) {
    Touchpoint t = g.touchpoint();
    StringBuilder patterns = new StringBuilder();
    for (AccountPattern p : AccountPattern.values()) {
      if (g.patterns().contains(p)) {
        patterns.append(patterns.length() == 0 ? "" : "|").append(p.label());
      }
    }
    return new String[] {t.id(), t.channel().name(), t.timestamp().map(Object::toString).orElse(""),
        t.eventKind().name(), first(t, IdentifierType.EMAIL), first(t, IdentifierType.PHONE),
        t.attributes().getOrDefault(AttributeKey.GIVEN_NAME, ""),
        t.attributes().getOrDefault(AttributeKey.FAMILY_NAME, ""),
        t.attributes().getOrDefault(DistributorGenerator.ORG_NAME, ""),
        first(t, DistributorGenerator.TAX_ID),
        t.attributes().getOrDefault(AttributeKey.COUNTRY, ""),
        t.attributes().getOrDefault(AttributeKey.POSTAL_CODE, ""),
        t.attributes().getOrDefault(AttributeKey.CITY, ""),
        t.payload().getOrDefault(DistributorGenerator.REP_ID, ""),
        t.payload().getOrDefault(OmniChannelGenerator.AMOUNT, ""),
        g.accountId().orElse(""), g.personId().orElse(""), patterns.toString()};
  }

  /**
   * Writes the five files into {@code directory} (created if needed); returns the rows written.
   * Existing files of those names are replaced.
   *
   * @param generator the configured generator, not null; it is run once, so the files hold
   *     exactly the touchpoints its {@link OmniChannelGenerator#forEach} gives
   * @param directory where to write, created with its parents if absent
   * @return the number of touchpoints written: the data rows of {@code touchpoints.csv}, not
   *     counting its header
   * @throws IOException if a file cannot be created or written; files already written are left
   *     as they are
   */
  public static long write(OmniChannelGenerator generator, Path directory) throws IOException {
    Objects.requireNonNull(generator, "generator");
    Files.createDirectories(directory);
    long rows;
    try (BufferedWriter csv = Files.newBufferedWriter(directory.resolve("touchpoints.csv"), StandardCharsets.UTF_8);
        BufferedWriter jsonl = Files.newBufferedWriter(directory.resolve("touchpoints.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter truth = Files.newBufferedWriter(directory.resolve("truth.csv"), StandardCharsets.UTF_8);
        BufferedWriter labels = Files.newBufferedWriter(directory.resolve("labels.csv"), StandardCharsets.UTF_8)) {
      csv.write(String.join(",", COLUMNS));
      csv.write("\n");
      truth.write("record_id,cluster_id\n");
      labels.write("record_id,household_id,patterns\n");
      rows = writeRows(generator::forEach, g -> {
        String[] values = row(g.touchpoint());
        writeCsvRow(csv, values);
        writeJsonLine(jsonl, values);
        truth.write(csvField(g.touchpoint().id()) + "," + csvField(g.personId()) + "\n");
        labels.write(csvField(g.touchpoint().id()) + "," + csvField(g.householdId()) + ","
            + labels(g.patterns()) + "\n");
      });
    }
    Files.writeString(directory.resolve("mapping.json"), mappingJson(), StandardCharsets.UTF_8);
    return rows;
  }

  /** Writes one generated touchpoint's lines; may fail as a file write does. */
  private interface RowWriter<T> {
    void write(T generated) throws IOException;
  }

  /**
   * Runs a generator's {@code forEach} through {@code writer}: a {@link Consumer} cannot throw
   * an {@link IOException}, so the first one is kept, the rest of the run skipped, and it is
   * thrown here.
   *
   * @return the number of touchpoints written
   */
  private static <T> long writeRows(Consumer<Consumer<T>> forEach, RowWriter<T> writer)
      throws IOException {
    long[] rows = {0};
    IOException[] failure = {null};
    forEach.accept(g -> {
      if (failure[0] != null) {
        return;
      }
      try {
        writer.write(g);
        rows[0]++;
      } catch (IOException e) {
        failure[0] = e;
      }
    });
    if (failure[0] != null) {
      throw failure[0];
    }
    return rows[0];
  }

  /** The labels of {@code patterns} in declaration order, joined by {@code |}. */
  static String labels(Set<Pattern> patterns) {
    StringBuilder s = new StringBuilder();
    for (Pattern p : Pattern.values()) {
      if (patterns.contains(p)) {
        s.append(s.length() == 0 ? "" : "|").append(p.label());
      }
    }
    return s.toString();
  }

  /**
   * The mapping of the CSV columns to OmniID fields, for {@code omniid resolve}.
   *
   * @return the JSON text written to {@code mapping.json}: every column of {@link #COLUMNS} mapped
   *     to its field ({@code email_sha256} as an identifier of its own type, {@code amount} and
   *     {@code score} as payload), default region {@code ES}
   */
  public static String mappingJson() {
    return """
        {
          "id": "record_id",
          "channel": "channel",
          "timestamp": "timestamp",
          "event": "event",
          "defaultRegion": "ES",
          "fields": {
            "email": "email",
            "phone": "phone",
            "given_name": "given_name",
            "family_name": "family_name",
            "birth_date": "birth_date",
            "address": "address",
            "city": "city",
            "postal_code": "postal_code",
            "country": "country",
            "device_id": "device_id",
            "cookie_id": "cookie_id",
            "customer_id": "customer_id",
            "loyalty_id": "loyalty_id",
            "id:email_sha256": "email_sha256",
            "national_id": "national_id"
          },
          "payload": {
            "amount": "amount",
            "score": "score"
          }
        }
        """;
  }

  /** One touchpoint as the values of {@link #COLUMNS}; absent fields are empty. */
  static String[] row(Touchpoint t) {
    String[] v = new String[COLUMNS.size()];
    v[0] = t.id();
    v[1] = t.channel().name();
    v[2] = t.timestamp().map(Object::toString).orElse("");
    v[3] = t.eventKind().name();
    v[4] = first(t, IdentifierType.EMAIL);
    v[5] = first(t, IdentifierType.PHONE);
    v[6] = t.attributes().getOrDefault(AttributeKey.GIVEN_NAME, "");
    v[7] = t.attributes().getOrDefault(AttributeKey.FAMILY_NAME, "");
    v[8] = t.attributes().getOrDefault(AttributeKey.BIRTH_DATE, "");
    v[9] = t.attributes().getOrDefault(AttributeKey.ADDRESS, "");
    v[10] = t.attributes().getOrDefault(AttributeKey.CITY, "");
    v[11] = t.attributes().getOrDefault(AttributeKey.POSTAL_CODE, "");
    v[12] = t.attributes().getOrDefault(AttributeKey.COUNTRY, "");
    v[13] = first(t, IdentifierType.DEVICE_ID);
    v[14] = first(t, IdentifierType.COOKIE_ID);
    v[15] = first(t, IdentifierType.CUSTOMER_ID);
    v[16] = first(t, IdentifierType.LOYALTY_ID);
    v[17] = first(t, OmniChannelGenerator.EMAIL_SHA256);
    v[18] = first(t, IdentifierType.NATIONAL_ID);
    v[19] = t.payload().getOrDefault(OmniChannelGenerator.AMOUNT, "");
    v[20] = t.payload().getOrDefault(OmniChannelGenerator.SCORE, "");
    return v;
  }

  private static String first(Touchpoint t, IdentifierType type) {
    for (Identifier identifier : t.identifiers()) {
      if (identifier.type().equals(type)) {
        return identifier.raw();
      }
    }
    return "";
  }

  private static void writeCsvRow(Writer out, String[] values) throws IOException {
    for (int i = 0; i < values.length; i++) {
      if (i > 0) {
        out.write(',');
      }
      out.write(csvField(values[i]));
    }
    out.write("\n");
  }

  /** RFC 4180: quoted when it holds a comma, a quote, a line break or edge spaces. */
  static String csvField(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0 || (!value.isEmpty() && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' '));
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  private static void writeJsonLine(Writer out, String[] values) throws IOException {
    out.write('{');
    boolean firstField = true;
    for (int i = 0; i < values.length; i++) {
      if (values[i].isEmpty()) {
        continue;
      }
      if (!firstField) {
        out.write(',');
      }
      firstField = false;
      out.write(jsonString(COLUMNS.get(i)));
      out.write(':');
      out.write(jsonString(values[i]));
    }
    out.write("}\n");
  }

  /** A JSON string literal; control characters escaped, non-ASCII kept as UTF-8. */
  static String jsonString(String value) {
    StringBuilder s = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\n' -> s.append("\\n");
        case '\r' -> s.append("\\r");
        case '\t' -> s.append("\\t");
        default -> {
          if (c < 0x20) {
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}
