package dev.omniid.cli;

import dev.omniid.connect.Warning;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.GoldenRecord;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.SurvivorshipRules;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniid profiles}: every profile of a customer file or a journal as one customer record
 * (JSON Lines or CSV) with its golden record, for a CRM, a marketing tool or {@code omniid
 * audience}.
 *
 * <p>Masking: values are masked unless {@code --show-values} is given, because the file leaves the
 * tool and goes where the user sends it; unlike {@code profile}, which shows one customer someone
 * looked up, this writes every customer at once. Ids (profile, touchpoint) are not personal and are
 * written as they are.
 */
@Command(name = "profiles", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes every profile of a customer file, resolved now, or of a journal written"
        + " by ingest, recovered as export recovers it: one customer record per profile, in profile"
        + " id order, with its id, aliases, channels, first and last seen, touchpoint ids, touchpoints"
        + " per channel and its golden record (for each field the surviving value and the touchpoint,"
        + " channel and time it came from; verified phones and non-junk emails first).",
        "JSON Lines (default): one object per line, every golden field. CSV: one row per profile,"
        + " a fixed column set (see the README), lists joined by '|'.",
        "Values (emails, phones, names, addresses, birth dates, every golden value) are masked"
        + " unless --show-values is given; omniid audience needs them in clear."},
    footer = {"", "Examples:",
        "  omniid profiles --input customers.csv --mapping mapping.json --out profiles.jsonl",
        "  omniid profiles --journal customers.journal --out-format csv --out profiles.csv",
        "  omniid profiles --journal customers.journal --show-values --out profiles.jsonl"})
final class ProfilesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
  SourceOptions source;

  @Option(names = "--out", paramLabel = "FILE", defaultValue = Output.STANDARD, order = 2,
      description = "Where to write the profiles; - (the default) for standard output.")
  Path out;

  @Option(names = "--out-format", paramLabel = "jsonl|csv", order = 3,
      description = "jsonl (one JSON object per profile) or csv (one row per profile); default: csv"
          + " when --out ends in .csv, else jsonl. (--format names the input's format.)")
  ExportFormat outFormat;

  @Option(names = "--show-values", order = 4,
      description = "Write the customers' values in clear (and each one's raw spelling), as"
          + " omniid audience needs them. A warning is printed: keep the file as you keep the"
          + " customer file.")
  boolean showValues;

  /** The output formats. */
  enum ExportFormat {
    JSONL, CSV
  }

  /** The golden fields that CSV gives columns to, in column order; JSON Lines has every field. */
  static final List<String> CSV_FIELDS = List.of("email", "phone", "given_name", "family_name",
      "full_name", "birth_date", "address", "postal_code", "city", "country");

  /** The CSV columns, in order: the profile's own, then four per golden field. */
  static List<String> csvHeader() {
    List<String> header = new ArrayList<>(List.of("profile_id", "aliases", "channels",
        "first_seen", "last_seen", "touchpoint_count", "touchpoints_per_channel", "touchpoints"));
    for (String f : CSV_FIELDS) {
      header.addAll(List.of(f, f + "_touchpoint", f + "_channel", f + "_time"));
    }
    return header;
  }

  @Override
  public Integer call() {
    ExportFormat format = outFormat != null ? outFormat
        : out.toString().toLowerCase(Locale.ROOT).endsWith(".csv") ? ExportFormat.CSV
        : ExportFormat.JSONL;
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err);
    long written;
    long records;
    try (SourceOptions.Loaded loaded = source.load("profiles", err, progress)) {
      progress.finish();
      loaded.printWarnings(err);
      if (showValues) {
        err.println("omniid profiles: warning: --show-values writes customers' emails, phones,"
            + " names, addresses and birth dates in clear: keep " + (Output.standard(out)
            ? "what it writes" : out.toString()) + " as you keep the customer file");
      }
      records = loaded.records();
      written = write(loaded.resolver(), format, OmniId.survivorshipRules());
    }
    err.printf(Locale.ROOT, "omniid profiles: %d records -> %d profiles -> %s (%s, values %s); %.1f s%n",
        records, written, where(), format.name().toLowerCase(Locale.ROOT),
        showValues ? "in clear" : "masked", progress.seconds());
    return 0;
  }

  private String where() {
    return Output.standard(out) ? "standard output" : out.toString();
  }

  /** Writes every profile in profile id order, one at a time; returns how many. */
  private long write(IdentityResolver resolver, ExportFormat format, SurvivorshipRules rules) {
    // The resolver lists its profiles in id order already; sorted() only guarantees it. Each line
    // is written as its profile comes, never the whole file as one string.
    List<Profile> profiles = resolver.profiles().sorted(Comparator.comparing(Profile::id)).toList();
    PrintWriter stdout = spec.commandLine().getOut();
    if (format == ExportFormat.CSV) {
      try (CSVPrinter csv = Output.csv(out, "--out", stdout, csvHeader().toArray(String[]::new))) {
        for (Profile p : profiles) {
          csv.printRecord(csvRow(p, GoldenRecord.of(p, rules), showValues));
        }
      } catch (IOException e) {
        throw Output.failed(out, "--out", e);
      }
    } else {
      ObjectMapper json = new ObjectMapper();
      try (BufferedWriter w = Output.writer(out, "--out", stdout)) {
        for (Profile p : profiles) {
          writeJson(w, json, json(json, p, GoldenRecord.of(p, rules), showValues));
        }
      } catch (IOException e) {
        throw Output.failed(out, "--out", e);
      }
    }
    return profiles.size();
  }

  private static void writeJson(Writer w, ObjectMapper json, ObjectNode line) throws IOException {
    w.write(json.writeValueAsString(line));
    w.write('\n');
  }

  /** The JSON object of one profile. */
  static ObjectNode json(ObjectMapper json, Profile p, GoldenRecord golden, boolean clear) {
    ObjectNode line = json.createObjectNode();
    line.put("profile_id", p.id().toString());
    ArrayNode aliases = line.putArray("aliases");
    p.aliases().forEach(a -> aliases.add(a.toString()));
    // Each line says whether it holds values: audience refuses masked ones by reading this.
    line.put("values", clear ? "clear" : "masked");
    ArrayNode channels = line.putArray("channels");
    p.channels().forEach(c -> channels.add(c.toString()));
    line.put("first_seen", p.firstSeen().map(Instant::toString).orElse(null));
    line.put("last_seen", p.lastSeen().map(Instant::toString).orElse(null));
    line.put("touchpoint_count", p.size());
    ObjectNode perChannel = line.putObject("touchpoints_per_channel");
    perChannel(p).forEach(perChannel::put);
    ArrayNode touchpoints = line.putArray("touchpoints");
    p.touchpointIds().forEach(touchpoints::add);
    ObjectNode fields = line.putObject("golden");
    ObjectNode identifiers = fields.putObject("identifiers");
    golden.identifiers().forEach((type, f) -> field(identifiers.putObject(type.name()), f, clear));
    ObjectNode attributes = fields.putObject("attributes");
    golden.attributes().forEach((key, f) -> field(attributes.putObject(key.name()), f, clear));
    return line;
  }

  private static void field(ObjectNode node, GoldenRecord.Field f, boolean clear) {
    node.put("value", clear ? f.value() : Warning.mask(f.value()));
    if (clear) {
      // The spelling the customer gave: an ad platform normalizes that, not OmniID's form.
      node.put("raw", f.raw());
    }
    node.put("touchpoint", f.touchpointId());
    node.put("channel", f.channel().toString());
    node.put("time", f.time().map(Instant::toString).orElse(null));
  }

  /** Touchpoints per channel, by channel name. */
  static Map<String, Integer> perChannel(Profile p) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Touchpoint t : p.journey()) {
      counts.merge(t.channel().toString(), 1, Integer::sum);
    }
    return counts;
  }

  /** The CSV row of one profile, in {@link #csvHeader()} order. */
  static List<String> csvRow(Profile p, GoldenRecord golden, boolean clear) {
    List<String> row = new ArrayList<>(csvHeader().size());
    row.add(p.id().toString());
    row.add(p.aliases().stream().map(ProfileId::toString).collect(Collectors.joining("|")));
    row.add(p.channels().stream().map(Object::toString).collect(Collectors.joining("|")));
    row.add(p.firstSeen().map(Instant::toString).orElse(""));
    row.add(p.lastSeen().map(Instant::toString).orElse(""));
    row.add(Integer.toString(p.size()));
    row.add(perChannel(p).entrySet().stream().map(e -> e.getKey() + ":" + e.getValue())
        .collect(Collectors.joining("|")));
    row.add(String.join("|", p.touchpointIds()));
    for (String name : CSV_FIELDS) {
      Optional<GoldenRecord.Field> f = name.equals("email") || name.equals("phone")
          ? golden.identifier(IdentifierType.of(name)) : golden.attribute(AttributeKey.of(name));
      row.add(f.map(x -> clear ? x.value() : Warning.mask(x.value())).orElse(""));
      row.add(f.map(GoldenRecord.Field::touchpointId).orElse(""));
      row.add(f.map(x -> x.channel().toString()).orElse(""));
      row.add(f.flatMap(GoldenRecord.Field::time).map(Instant::toString).orElse(""));
    }
    return row;
  }
}
