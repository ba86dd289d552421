package dev.omniid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Warning;
import dev.omniid.core.Evidence;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchScore;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Relation;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omniid resolve}: a customer file in, the profile of every record out. */
@Command(name = "resolve", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Resolves every record of a customer file into profiles and writes "
        + "record_id,profile_id for each, in input order.",
        "Malformed rows never stop the run: each is resolved on its valid fields and its problems "
        + "go to the rejects file (row, column, masked value, reason).",
        "--relations writes the related profiles: people kept apart (a household, an office "
        + "mailbox) who share values, each pair once, smaller profile id first, values masked.",
        "'-' as --input reads standard input (CSV unless --format jsonl); '-' as one of the output"
        + " files writes standard output. The summary and any progress go to standard error."},
    footer = {"", "Example:",
        "  omniid resolve --input customers.csv --mapping mapping.json --out clusters.csv --explain why.jsonl",
        "  omniid resolve --input - --mapping mapping.json --out - < customers.csv | grep ',P-8$'"})
final class ResolveCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  InputOptions input;

  @Option(names = "--out", required = true, paramLabel = "CLUSTERS.csv",
      description = "Where to write record_id,profile_id; - for standard output.")
  Path out;

  @Option(names = "--explain", paramLabel = "EXPLAIN.jsonl",
      description = "Also write, per record, the evidence that links it to its profile (JSON Lines).")
  Path explain;

  @Option(names = "--relations", paramLabel = "RELATIONS.csv",
      description = "Also write the related profiles: pairs kept apart that share values, as "
          + "profile_id,related_profile_id,reasons,conflicts,shared (shared values masked).")
  Path relations;

  @Option(names = "--rejects", paramLabel = "REJECTS.csv",
      description = "Where to write the problems found (default: next to --out, NAME.rejects.csv;"
          + " none when --out is -).")
  Path rejects;

  @Override
  public Integer call() {
    Progress progress = Progress.to(spec.commandLine().getErr());
    Pipeline.Settings settings = input.settings();
    oneStandardOutput(new String[] {"--out", "--explain", "--relations", "--rejects"},
        out, explain, relations, rejects);
    // Standard output holds the clusters: the rejects then go only where --rejects says.
    Path rejectsFile = rejects != null ? rejects : Output.standard(out) ? null : defaultRejects(out);
    Pipeline.Result result = Pipeline.run(settings, progress);
    IdentityResolver resolver = result.resolver();
    PrintWriter stdout = spec.commandLine().getOut();
    writeClusters(result);
    if (rejectsFile != null) {
      writeRejects(result.warnings(), rejectsFile, stdout);
    }
    if (explain != null) {
      writeExplain(result);
    }
    long related = relations != null ? writeRelations(resolver, relations, stdout) : -1;
    progress.finish();
    printSummary(spec.commandLine().getErr(), result, rejectsFile, related, relations,
        progress.seconds());
    return 0;
  }

  /**
   * Refuses two outputs on standard output: their lines would interleave into a file nobody can
   * read back.
   */
  static void oneStandardOutput(String[] names, Path... files) {
    String first = null;
    for (int i = 0; i < files.length; i++) {
      if (Output.standard(files[i])) {
        if (first != null) {
          throw new CliException(first + " and " + names[i] + " are both - (standard output):"
              + " give one of them a file");
        }
        first = names[i];
      }
    }
  }

  static Path defaultRejects(Path out) {
    String name = out.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    return out.resolveSibling(base + ".rejects.csv");
  }

  private void writeClusters(Pipeline.Result result) {
    IdentityResolver resolver = result.resolver();
    try (CSVPrinter csv = Output.csv(out, "--out", spec.commandLine().getOut(), "record_id",
        "profile_id")) {
      for (MappedRecord r : result.records()) {
        csv.printRecord(r.recordId(), resolver.profileIdOf(r.touchpoint().id()).map(ProfileId::toString)
            .orElseThrow(() -> new IllegalStateException("row " + r.row() + " has no profile")));
      }
    } catch (IOException e) {
      throw Output.failed(out, "--out", e);
    }
  }

  static void writeRejects(List<Warning> warnings, Path file, PrintWriter stdout) {
    List<Warning> sorted = new ArrayList<>(warnings);
    sorted.sort(java.util.Comparator.comparingLong(Warning::row));
    try (CSVPrinter csv = Output.csv(file, "--rejects", stdout, "row", "record_id", "column",
        "masked_value", "problem")) {
      for (Warning w : sorted) {
        csv.printRecord(w.row(), w.recordId(), w.column(), w.maskedValue(), w.reason());
      }
    } catch (IOException e) {
      throw Output.failed(file, "--rejects", e);
    }
  }

  /**
   * Writes every pair of related profiles once, the smaller profile id first, sorted by the two
   * ids. A relation is mutual, so the other direction would only repeat the row. Shared values
   * are always masked: the file describes two customers, and each one's values reach the other.
   *
   * @return the number of pairs written
   */
  static long writeRelations(IdentityResolver resolver, Path file, PrintWriter stdout) {
    List<ProfileId> ids = resolver.profiles().map(Profile::id).sorted().toList();
    long count = 0;
    try (CSVPrinter csv = Output.csv(file, "--relations", stdout, "profile_id", "related_profile_id",
        "reasons", "conflicts", "shared")) {
      for (ProfileId id : ids) {
        for (Relation r : resolver.related(id)) {
          if (r.profileId().compareTo(id) <= 0) {
            continue;
          }
          csv.printRecord(id, r.profileId(), joined(r.reasons()), joined(r.conflicts()),
              r.shared().stream().map(ResolveCommand::masked).collect(Collectors.joining("|")));
          count++;
        }
      }
    } catch (IOException e) {
      throw Output.failed(file, "--relations", e);
    }
    return count;
  }

  /** An identifier as {@code type:masked value}, as relations are written and shown. */
  static String masked(Identifier i) {
    return i.type() + ":" + i.masked();
  }

  static String joined(List<? extends Enum<?>> values) {
    return values.stream().map(Enum::name).collect(Collectors.joining("|"));
  }

  private void writeExplain(Pipeline.Result result) {
    IdentityResolver resolver = result.resolver();
    Map<String, String> recordIds = result.recordIds();
    Map<String, List<Evidence>> byTouchpoint = new HashMap<>();
    resolver.profiles().forEach(p -> p.evidence().forEach(e -> {
      byTouchpoint.computeIfAbsent(e.touchpointId(), k -> new ArrayList<>(2)).add(e);
      byTouchpoint.computeIfAbsent(e.otherTouchpointId(), k -> new ArrayList<>(2)).add(e);
    }));
    ObjectMapper json = new ObjectMapper();
    try (BufferedWriter w = Output.writer(explain, "--explain", spec.commandLine().getOut())) {
      for (MappedRecord r : result.records()) {
        String id = r.touchpoint().id();
        ObjectNode line = json.createObjectNode();
        line.put("row", r.row());
        line.put("record_id", r.recordId());
        line.put("profile_id", resolver.profileIdOf(id).map(ProfileId::toString).orElse(""));
        ArrayNode links = line.putArray("evidence");
        for (Evidence e : byTouchpoint.getOrDefault(id, List.of())) {
          String other = e.touchpointId().equals(id) ? e.otherTouchpointId() : e.touchpointId();
          ObjectNode link = links.addObject();
          link.put("with", recordIds.getOrDefault(other, other));
          link.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
          link.put("links", e.links());
          if (!e.identifiers().isEmpty()) {
            link.put("identifier", e.identifiers().get(0).toString());
          }
          if (e.kind() == Evidence.Kind.SCORED_MATCH) {
            resolver.why(id, other).score().ifPresent(s -> score(link, s));
          }
          link.put("explain", e.explain());
        }
        w.write(json.writeValueAsString(line));
        w.write('\n');
      }
    } catch (IOException e) {
      throw Output.failed(explain, "--explain", e);
    }
  }

  private static void score(ObjectNode link, MatchScore s) {
    // The threshold in the CLI's unit (a probability, as --threshold takes it), the weights beside.
    link.put("probability", round(s.probability()));
    link.put("weight", round(s.weight()));
    link.put("threshold", round(s.matchThreshold()));
    link.put("threshold_weight", round(s.thresholdWeight()));
    ObjectNode fields = link.putObject("fields");
    for (MatchScore.FieldScore f : s.fields()) {
      if (f.level() != dev.omniid.core.ComparisonLevel.MISSING) {
        ObjectNode field = fields.putObject(f.field());
        field.put("level", f.level().name().toLowerCase(Locale.ROOT));
        field.put("weight", round(f.weight()));
      }
    }
  }

  private static double round(double x) {
    return Math.round(x * 10_000) / 10_000.0;
  }

  /** The summary on stderr; {@code relations} is -1 when no relations file was asked for. */
  static void printSummary(PrintWriter err, Pipeline.Result result, Path rejectsFile, long relations,
      Path relationsFile, double seconds) {
    IdentityResolver resolver = result.resolver();
    long[] links = new long[Evidence.Kind.values().length];
    long[] multi = {0};
    resolver.profiles().forEach(p -> {
      if (p.size() > 1) {
        multi[0]++;
      }
      p.evidence().forEach(e -> links[e.kind().ordinal()]++);
    });
    long warnings = result.warnings().stream().filter(w -> !w.rejected()).count();
    long rowsWithWarnings = result.warnings().stream().filter(w -> !w.rejected())
        .mapToLong(Warning::row).distinct().count();
    err.printf(Locale.ROOT, "omniid resolve: %d records -> %d profiles (%d merges; %d profiles with"
            + " 2+ records)%n", result.records().size(), resolver.profileCount(),
        resolver.touchpointCount() - resolver.profileCount(), multi[0]);
    err.printf(Locale.ROOT, "  links: %d shared identifier, %d scored match; kept apart: %d by an"
            + " exclusive id, %d by a person conflict, %d ambiguous%n",
        links[Evidence.Kind.SHARED_IDENTIFIER.ordinal()], links[Evidence.Kind.SCORED_MATCH.ordinal()],
        links[Evidence.Kind.EXCLUSIVE_CONFLICT.ordinal()],
        links[Evidence.Kind.PERSON_CONFLICT.ordinal()], links[Evidence.Kind.AMBIGUOUS.ordinal()]);
    err.printf(Locale.ROOT, "  generic values (shared too widely or junk, link nothing): %d%n",
        resolver.genericValues().size());
    err.printf(Locale.ROOT, "  rejected rows: %d; warnings: %d on %d rows%s%n", result.rejectedRows(),
        warnings, rowsWithWarnings, rejectsFile != null ? " -> " + rejectsFile
            : warnings + result.rejectedRows() > 0 ? " (--rejects FILE lists them)" : "");
    if (relations >= 0) {
      err.printf(Locale.ROOT, "  relations (profiles kept apart that share values): %d -> %s%n",
          relations, relationsFile);
    }
    err.printf(Locale.ROOT, "  default region %s; %.1f s%n", result.region(), seconds);
  }
}
