package dev.omniid.cli;

import dev.omniid.core.Channel;
import dev.omniid.core.CustomerMetrics;
import dev.omniid.core.CustomerMetrics.Comparison;
import dev.omniid.core.CustomerMetrics.Figures;
import dev.omniid.core.GenericValue;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omniid stats}: the shape of the resolved profiles. */
@Command(name = "stats", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Prints totals, the profile size distribution, the largest profiles (size, "
        + "channels, time span) and the generic values of a customer file, resolved now, or of a "
        + "journal written by ingest, recovered as export recovers it (no file is read again).",
        "With --metrics, also the customer metrics (buyers, lifetime value, omnichannel conversion, "
        + "repeat rate, retention, NPS) of the resolved customers and of each channel's silo; "
        + "amounts and scores are read from the payload keys the mapping's \"payload\" section "
        + "names (amount and score by default).",
        "Identifier values are masked. --input - reads standard input."},
    footer = {"", "Examples:", "  omniid stats --input customers.csv --mapping mapping.json --top 5",
        "  omniid stats --journal customers.journal",
        "  omniid stats --input touchpoints.csv --mapping mapping.json --metrics"})
final class StatsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SourceOptions source;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many of the largest profiles to list (default ${DEFAULT-VALUE}).")
  int top;

  @Option(names = "--metrics", description = "Also print the customer metrics: resolved customers "
      + "versus each channel's silo.")
  boolean metrics;

  @Option(names = "--amount-key", paramLabel = "KEY", defaultValue = CustomerMetrics.DEFAULT_AMOUNT_KEY,
      description = "With --metrics: the payload key of a purchase's amount (default ${DEFAULT-VALUE}).")
  String amountKey;

  @Option(names = "--score-key", paramLabel = "KEY", defaultValue = CustomerMetrics.DEFAULT_SCORE_KEY,
      description = "With --metrics: the payload key of a survey's 0-10 score (default ${DEFAULT-VALUE}).")
  String scoreKey;

  @Option(names = "--retention-days", paramLabel = "DAYS", defaultValue = "90",
      description = "With --metrics: the days after which a customer seen again counts as retained "
          + "(default ${DEFAULT-VALUE}).")
  int retentionDays;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new CliException("--top must be a number of profiles, 0 or more");
    }
    CustomerMetrics customerMetrics = metrics ? customerMetrics() : null;
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err);
    try (SourceOptions.Loaded loaded = source.load("stats", err, progress)) {
      progress.finish();
      print(spec.commandLine().getOut(), loaded.resolver(), loaded.records(), top);
      if (customerMetrics != null) {
        printMetrics(spec.commandLine().getOut(), customerMetrics,
            customerMetrics.compare(loaded.resolver().profiles().toList()));
      }
      loaded.printWarnings(err);
    }
    return 0;
  }

  static void print(PrintWriter out, IdentityResolver resolver, long records, int top) {
    List<Profile> profiles = resolver.profiles().toList();
    long multi = profiles.stream().filter(p -> p.size() > 1).count();
    long crossChannel = profiles.stream().filter(p -> p.channels().size() > 1).count();
    TreeMap<Integer, Long> sizes = profiles.stream().collect(Collectors.groupingBy(
        p -> bucket(p.size()), TreeMap::new, Collectors.counting()));
    TreeMap<String, Long> channels = profiles.stream().flatMap(p -> p.channels().stream())
        .collect(Collectors.groupingBy(Channel::name, TreeMap::new, Collectors.counting()));

    out.printf(Locale.ROOT, "%d records -> %d profiles; %d with 2+ records, %d seen on 2+ channels%n",
        records, profiles.size(), multi, crossChannel);
    out.println();
    out.println("Profile sizes (records: profiles):");
    sizes.forEach((bucket, n) -> out.printf(Locale.ROOT, "  %-8s %d%n", BUCKETS[bucket], n));
    out.println();
    out.println("Profiles per channel:");
    channels.forEach((channel, n) -> out.printf(Locale.ROOT, "  %-12s %d%n", channel, n));
    out.println();
    out.printf(Locale.ROOT, "Largest %d profiles:%n", Math.min(top, profiles.size()));
    out.printf(Locale.ROOT, "  %-10s %7s  %-10s  %-10s  %s%n", "profile", "records", "first", "last",
        "channels");
    profiles.stream().sorted(Comparator.comparingInt(Profile::size).reversed()
        .thenComparing(Profile::id)).limit(top).forEach(p -> out.printf(Locale.ROOT,
            "  %-10s %7d  %-10s  %-10s  %s%n", p.id(), p.size(), day(p.firstSeen()), day(p.lastSeen()),
            p.channels().stream().map(Channel::name).collect(Collectors.joining(", "))));
    List<GenericValue> generic = resolver.genericValues();
    out.println();
    out.printf(Locale.ROOT, "Generic values (shared too widely or junk: they link nothing): %d%n",
        generic.size());
    generic.stream().sorted(Comparator.comparingInt(GenericValue::touchpoints).reversed()).limit(top)
        .forEach(g -> out.printf(Locale.ROOT, "  %-40s %6d records  %s%n", g.identifier(),
            g.touchpoints(), g.reason() == GenericValue.Reason.JUNK ? "junk" : "over its limit"));
  }

  /** The metrics the options ask for; a bad option is a usage error before anything is read. */
  private CustomerMetrics customerMetrics() {
    if (retentionDays < 1) {
      throw new CliException("--retention-days must be a number of days, 1 or more");
    }
    try {
      return CustomerMetrics.newBuilder().amountKey(amountKey).scoreKey(scoreKey)
          .retentionPeriod(Duration.ofDays(retentionDays)).build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException("--amount-key and --score-key must be two different, non-blank payload"
          + " keys of at most " + dev.omniid.core.Touchpoint.MAX_PAYLOAD_KEY_LENGTH + " characters");
    }
  }

  /** The metrics table: resolved, the silos added up, then each channel, most customers first. */
  static void printMetrics(PrintWriter out, CustomerMetrics metrics, Comparison c) {
    out.println();
    out.println("Customer metrics (resolved: one customer per profile; silos: each channel alone,"
        + " knowing its own customers as the resolver does):");
    String header = "  %-14s %9s %8s %10s %12s %8s %10s %7s%n";
    out.printf(Locale.ROOT, header, "", "customers", "buyers", "CLV", "omnichannel", "repeat",
        "retention", "NPS");
    metricsRow(out, "resolved", c.resolved());
    metricsRow(out, "silos (sum)", c.siloed());
    c.silos().entrySet().stream()
        .sorted(Map.Entry.<Channel, Figures>comparingByValue(
            Comparator.comparingInt(Figures::customers)).reversed()
            .thenComparing(e -> e.getKey().name()))
        .forEach(e -> metricsRow(out, e.getKey().name(), e.getValue()));
    Figures r = c.resolved();
    out.printf(Locale.ROOT, "  revenue %,.2f from %,d purchases (%,d without an amount, %,d with an "
        + "amount that is not a number: skipped); %,d survey answers not a 0-10 score: skipped%n",
        r.revenue(), r.purchases(), r.unpricedPurchases(), r.invalidAmounts(), r.invalidScores());
    out.printf(Locale.ROOT, "  (CLV: revenue per buyer; omnichannel: buyers who browsed on another "
        + "channel first; retention: seen again %d days after first seen)%n",
        metrics.retentionPeriod().toDays());
  }

  private static void metricsRow(PrintWriter out, String name, Figures f) {
    out.printf(Locale.ROOT, "  %-14s %,9d %,8d %10s %12s %8s %10s %7s%n", name, f.customers(),
        f.buyers(), f.lifetimeValue().toPlainString(), percent(f.omnichannelConversion()),
        percent(f.repeatRate()), percent(f.retentionRate()),
        f.respondents() == 0 ? "-" : String.format(Locale.ROOT, "%+.1f", f.nps()));
  }

  private static String percent(double share) {
    return String.format(Locale.ROOT, "%.1f %%", 100 * share);
  }

  private static final String[] BUCKETS = {"", "1", "2", "3", "4", "5", "6-10", "11-50", "51+"};

  /** The index in {@link #BUCKETS} of a profile size. */
  private static int bucket(int size) {
    return size <= 5 ? size : size <= 10 ? 6 : size <= 50 ? 7 : 8;
  }

  private static String day(java.util.Optional<java.time.Instant> t) {
    return t.map(time -> time.toString().substring(0, 10)).orElse("-");
  }

  static void printWarnings(PrintWriter err, Pipeline.Result result) {
    long warnings = result.warnings().size();
    if (warnings > 0) {
      err.printf(Locale.ROOT, "omniid: %d rejected rows, %d warnings (resolve writes them to a rejects file)%n",
          result.rejectedRows(), warnings - result.rejectedRows());
    }
  }
}
