package dev.omniid.cli;

import dev.omniid.core.Channel;
import dev.omniid.core.GenericValue;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
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
        "Identifier values are masked. --input - reads standard input."},
    footer = {"", "Examples:", "  omniid stats --input customers.csv --mapping mapping.json --top 5",
        "  omniid stats --journal customers.journal"})
final class StatsCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1")
  SourceOptions source;

  @Option(names = "--top", paramLabel = "N", defaultValue = "10",
      description = "How many of the largest profiles to list (default ${DEFAULT-VALUE}).")
  int top;

  @Override
  public Integer call() {
    if (top < 0) {
      throw new CliException("--top must be a number of profiles, 0 or more");
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err);
    try (SourceOptions.Loaded loaded = source.load("stats", err, progress)) {
      progress.finish();
      print(spec.commandLine().getOut(), loaded.resolver(), loaded.records(), top);
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
