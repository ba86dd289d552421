package dev.omniid.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omniid.connect.MappedRecord;
import dev.omniid.connect.Warning;
import dev.omniid.core.AccountResolver;
import dev.omniid.core.AttributeKey;
import dev.omniid.core.Evidence;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.MatchScore;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileCounts;
import dev.omniid.core.ProfileId;
import dev.omniid.core.Relation;
import dev.omniid.matching.Organisations;
import dev.omniid.matching.TaxIds;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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

  @Option(names = "--accounts", paramLabel = "ACCOUNTS.csv",
      description = "Resolve accounts (the organisations the records name: org_name, tax_id) and "
          + "contacts (the persons who acted) apart, and write record_id,account_id,contact_id for "
          + "every record, in input order; either id is empty when the record names no "
          + "organisation or no person. --out then gives each record's contact (its account when "
          + "it names no person); --explain and --relations are about contacts.")
  Path accounts;

  @Option(names = "--rejects", paramLabel = "REJECTS.csv",
      description = "Where to write the problems found (default: next to --out, NAME.rejects.csv;"
          + " none when --out is -).")
  Path rejects;

  @Override
  public Integer call() {
    Progress progress = Progress.to(spec.commandLine().getErr());
    Pipeline.Settings settings = input.settings();
    oneStandardOutput(new String[] {"--out", "--explain", "--relations", "--rejects", "--accounts"},
        out, explain, relations, rejects, accounts);
    // Standard output holds the clusters: the rejects then go only where --rejects says.
    Path rejectsFile = rejects != null ? rejects : Output.standard(out) ? null : defaultRejects(out);
    Pipeline.Result result = accounts != null ? AccountsPipeline.run(settings, progress)
        : Pipeline.run(settings, progress);
    IdentityResolver resolver = result.resolver();
    // The summary's counts cluster every component again (10 s of a 5 M-row run): taken while
    // the outputs are written, which keep one thread busy.
    java.util.concurrent.CompletableFuture<ProfileCounts> counts =
        java.util.concurrent.CompletableFuture.supplyAsync(resolver::profileCounts, task -> {
          Thread thread = new Thread(task, "omniid-summary");
          thread.setDaemon(true);
          thread.start();
        });
    PrintWriter stdout = spec.commandLine().getOut();
    writeClusters(result);
    if (accounts != null) {
      writeAccounts(result, accounts, stdout);
    }
    if (rejectsFile != null) {
      writeRejects(result.warnings(), rejectsFile, stdout);
    }
    if (explain != null) {
      writeExplain(result);
    }
    long related = relations != null ? writeRelations(resolver, relations, stdout) : -1;
    ProfileCounts profileCounts;
    try {
      profileCounts = counts.join();
    } catch (java.util.concurrent.CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
    progress.finish();
    printSummary(spec.commandLine().getErr(), result, profileCounts, rejectsFile, related,
        relations, accounts, progress.seconds());
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
    try (CSVPrinter csv = Output.csv(out, "--out", spec.commandLine().getOut(), "record_id",
        "profile_id")) {
      for (int i = 0; i < result.records().size(); i++) {
        int at = i;
        csv.printRecord(result.recordId(i), result.profileOf(i).map(ProfileId::toString)
            .orElseThrow(() -> new IllegalStateException("row " + result.row(at)
                + " has no profile")));
      }
    } catch (IOException e) {
      throw Output.failed(out, "--out", e);
    }
  }

  /**
   * Writes {@code record_id,account_id,contact_id} for every record, in input order: the account
   * the record names and the contact who acted, each empty when the record names none.
   */
  static void writeAccounts(Pipeline.Result result, Path file, PrintWriter stdout) {
    AccountResolver accounts = result.accounts().orElseThrow();
    try (CSVPrinter csv = Output.csv(file, "--accounts", stdout, "record_id", "account_id",
        "contact_id")) {
      for (MappedRecord r : result.records()) {
        String id = r.touchpoint().id();
        csv.printRecord(r.recordId(), accounts.accountOf(id).map(ProfileId::toString).orElse(""),
            accounts.contactOf(id).map(ProfileId::toString).orElse(""));
      }
    } catch (IOException e) {
      throw Output.failed(file, "--accounts", e);
    }
  }

  /** The accounts' lines of the summary: how many accounts, and how contacts relate to them. */
  static void printAccounts(PrintWriter err, Pipeline.Result result, Path file) {
    AccountResolver accounts = result.accounts().orElseThrow();
    long noOrganisation = result.records().stream()
        .filter(r -> accounts.accountOf(r.touchpoint().id()).isEmpty()).count();
    long noPerson = result.records().stream()
        .filter(r -> accounts.contactOf(r.touchpoint().id()).isEmpty()).count();
    long[] related = new long[2];
    accounts.persons().profiles().forEach(p -> {
      int n = accounts.accountsOf(p.id()).size();
      if (n >= 1) {
        related[n == 1 ? 0 : 1]++;
      }
    });
    err.printf(Locale.ROOT, "  accounts: %d (records naming no organisation: %d, no person: %d);"
            + " contacts acting for one account: %d, for 2+: %d -> %s%n",
        accounts.organisations().profileCount(), noOrganisation, noPerson, related[0], related[1],
        file);
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
      for (int i = 0; i < result.records().size(); i++) {
        String id = result.touchpointId(i);
        ObjectNode line = json.createObjectNode();
        line.put("row", result.row(i));
        line.put("record_id", result.recordId(i));
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

  /**
   * The rows of the tax ids whose check digit is wrong, each read as the resolver reads it: in the
   * record's {@code country} when that is an ISO code, else in the default region. Told apart by
   * {@link TaxIds#verdict}, not by the problem's text.
   */
  static List<Long> wrongCheckDigits(Pipeline.Result result) {
    List<Long> rows = new ArrayList<>();
    if (!result.mayCarry(Set.of(TaxIds.TAX_ID), Set.of())) {
      return rows;
    }
    for (MappedRecord r : result.records()) {
      for (Identifier i : r.touchpoint().identifiers()) {
        if (i.type().equals(TaxIds.TAX_ID) && verdict(r, i, result.region())
            == TaxIds.Verdict.WRONG_CHECK_DIGIT) {
          rows.add(r.row());
        }
      }
    }
    return rows;
  }

  private static TaxIds.Verdict verdict(MappedRecord r, Identifier taxId, String region) {
    String country = r.touchpoint().attribute(AttributeKey.COUNTRY).orElse(region);
    try {
      return TaxIds.verdict(country, taxId.raw());
    } catch (OmniIdException e) {
      return TaxIds.verdict(region, taxId.raw()); // no ISO code: the default region reads it
    }
  }

  /** Whether a record carries a value that names an organisation. */
  static boolean namesOrganisations(Pipeline.Result result) {
    Set<IdentifierType> types = Organisations.identifierTypes();
    Set<AttributeKey> keys = Organisations.attributes();
    if (!result.mayCarry(types, keys)) {
      return false;
    }
    return result.records().stream().map(MappedRecord::touchpoint).anyMatch(t ->
        t.identifiers().stream().anyMatch(i -> types.contains(i.type()))
            || t.attributes().keySet().stream().anyMatch(keys::contains));
  }

  /** Row numbers for a summary line: the first ten, then how many more. */
  static String rows(List<Long> rows) {
    String first = rows.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "));
    return (rows.size() == 1 ? "row " : "rows ") + first
        + (rows.size() > 10 ? " and " + (rows.size() - 10) + " more" : "");
  }

  /**
   * The summary on stderr; {@code relations} is -1 when no relations file was asked for, and
   * {@code accountsFile} null when the input was not resolved into accounts. With accounts the
   * profiles counted are the contacts.
   */
  static void printSummary(PrintWriter err, Pipeline.Result result, ProfileCounts counts,
      Path rejectsFile, long relations, Path relationsFile, Path accountsFile, double seconds) {
    IdentityResolver resolver = result.resolver();
    long warnings = result.warnings().stream().filter(w -> !w.rejected()).count();
    long rowsWithWarnings = result.warnings().stream().filter(w -> !w.rejected())
        .mapToLong(Warning::row).distinct().count();
    String profiles = result.accounts().isPresent() ? "contacts" : "profiles";
    err.printf(Locale.ROOT, "omniid resolve: %d records -> %d %s (%d merges; %d %s with"
            + " 2+ records)%n", result.records().size(), resolver.profileCount(), profiles,
        resolver.touchpointCount() - resolver.profileCount(), counts.withTwoOrMore(), profiles);
    if (result.accounts().isPresent()) {
      printAccounts(err, result, accountsFile);
    }
    err.printf(Locale.ROOT, "  links: %d shared identifier, %d scored match; kept apart: %d by an"
            + " exclusive id, %d by a person conflict, %d ambiguous%n",
        counts.evidence(Evidence.Kind.SHARED_IDENTIFIER), counts.evidence(Evidence.Kind.SCORED_MATCH),
        counts.evidence(Evidence.Kind.EXCLUSIVE_CONFLICT),
        counts.evidence(Evidence.Kind.PERSON_CONFLICT), counts.evidence(Evidence.Kind.AMBIGUOUS));
    err.printf(Locale.ROOT, "  generic values (shared too widely or junk, link nothing): %d%n",
        resolver.genericValues().size());
    err.printf(Locale.ROOT, "  rejected rows: %d; warnings: %d on %d rows%s%n", result.rejectedRows(),
        warnings, rowsWithWarnings, rejectsFile != null ? " -> " + rejectsFile
            : warnings + result.rejectedRows() > 0 ? " (--rejects FILE lists them)" : "");
    List<Long> wrong = wrongCheckDigits(result);
    if (!wrong.isEmpty()) {
      err.printf(Locale.ROOT, "  tax ids with a wrong check digit: %d, left out of their records"
              + " (the records kept): %s%s%n", wrong.size(), rows(wrong),
          rejectsFile != null ? " -> " + rejectsFile : "");
    }
    if (result.accounts().isEmpty() && namesOrganisations(result)) {
      err.printf(Locale.ROOT, "  the records name organisations (tax_id, org_name...), resolved"
          + " here as persons: --accounts FILE resolves accounts and their contacts apart%n");
    }
    if (relations >= 0) {
      err.printf(Locale.ROOT, "  relations (profiles kept apart that share values): %d -> %s%n",
          relations, relationsFile);
    }
    err.printf(Locale.ROOT, "  default region %s; %.1f s%n", result.region(), seconds);
  }
}
