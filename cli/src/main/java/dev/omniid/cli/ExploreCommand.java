package dev.omniid.cli;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.ProfileId;
import dev.omniid.explorer.PageSummary;
import dev.omniid.explorer.ProfileExplorer;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code omniid explore}: one self-contained HTML page to look at the profiles. */
@Command(name = "explore", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes one self-contained HTML page of a customer file, resolved now, or of a "
        + "journal written by ingest: an overview (counts, profile sizes, the largest profiles, "
        + "search), each profile's records as a graph of the evidence between them, its journey "
        + "across channels, why two records are or are not one customer (the waterfall of the "
        + "match), the generic values and the conflicts.",
        "The page opens offline in any browser and makes no network request. Identifier values "
        + "and names are masked unless --show-values is given. It holds the largest profiles, a "
        + "sample of the others and every one asked for with --profile, and says what it left out."},
    footer = {"", "Examples:",
        "  omniid explore --input customers.csv --mapping mapping.json --out report.html",
        "  omniid explore --input customers.csv --mapping mapping.json --out ana.html --profile crm-17"})
final class ExploreCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
  SourceOptions source;

  @Option(names = "--out", required = true, paramLabel = "FILE.html", order = 2,
      description = "The page to write (replaced if it exists).")
  Path out;

  @Option(names = "--profile", paramLabel = "ID", order = 3,
      description = "A profile to include and open on: its id (P-42) or the id of one of its "
          + "records. Repeatable.")
  List<String> profiles = new ArrayList<>();

  @Option(names = "--max-profiles", paramLabel = "N", defaultValue = "100", order = 4,
      description = "How many profiles the page holds besides those asked for: the largest half, "
          + "then a sample (default ${DEFAULT-VALUE}).")
  int maxProfiles;

  @Option(names = "--show-values", order = 5,
      description = "Write identifier values and names in clear (the page then carries a warning: "
          + "it holds personal data).")
  boolean showValues;

  @Override
  public Integer call() {
    if (maxProfiles < 0 || maxProfiles > 100_000) {
      throw new CliException("--max-profiles must be a number of profiles from 0 to 100000");
    }
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err);
    try (SourceOptions.Loaded loaded = source.load("explore", err, progress)) {
      progress.finish();
      IdentityResolver resolver = loaded.resolver();
      ProfileExplorer.Builder builder = ProfileExplorer.newBuilder().maxProfiles(maxProfiles)
          .showValues(showValues);
      for (String asked : profiles) {
        Optional<ProfileId> id = profileOf(resolver, loaded, asked);
        if (id.isEmpty()) {
          err.println("omniid explore: no profile or record " + asked);
          return 1;
        }
        builder.profile(id.get());
      }
      PageSummary page;
      try {
        page = builder.build().write(resolver, out);
      } catch (UncheckedIOException e) {
        throw new CliException("cannot write " + out + ": " + e.getCause().getMessage(), e);
      }
      loaded.printWarnings(err);
      spec.commandLine().getOut().printf(Locale.ROOT,
          "Wrote %s: %d profiles (%d records), %d left out; %d pairs explained%s%n", out,
          page.profiles(), page.records(), page.profilesLeftOut(), page.explainedPairs(),
          showValues ? "; values IN CLEAR: the page holds personal data" : "; values masked");
    }
    return 0;
  }

  /** A profile id ({@code P-42}) the resolver knows, else the profile of a record with that id. */
  private static Optional<ProfileId> profileOf(IdentityResolver resolver,
      SourceOptions.Loaded loaded, String asked) {
    if (asked.matches("P-[0-9]{1,18}")) {
      try {
        Optional<ProfileId> id = resolver.profile(ProfileId.parse(asked)).map(p -> p.id());
        if (id.isPresent()) {
          return id;
        }
      } catch (OmniIdException e) {
        // Not a profile id after all (P-0): perhaps a record's.
      }
    }
    return resolver.profileIdOf(loaded.touchpointOf(asked));
  }
}
