package dev.omniid.cli;

import dev.omniid.core.Evidence;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Relation;
import dev.omniid.core.Touchpoint;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniid profile}: one customer, looked up by any identifier or record id.
 *
 * <p>Masking: the profile's own identifiers are shown in full. The user named this customer and
 * holds the file; a support agent who looks a customer up needs to read the phone they will
 * call. Everything that reaches other customers (evidence sentences, the values shared with
 * related profiles) stays masked, and {@code --mask} masks everything, for output that will be
 * pasted into a ticket.
 */
@Command(name = "profile", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Shows one profile of a customer file, resolved now, or of a journal written by "
        + "ingest, recovered as export recovers it (no file is read again): its identifiers, its "
        + "journey across channels in time order, and the evidence that holds it together.",
        "Related profiles (kept apart, such as a household sharing a mailbox) follow, one a line.",
        "The profile's identifiers are shown in full unless --mask is given; evidence and related"
        + " profiles' shared values are always masked."},
    footer = {"", "Examples:",
        "  omniid profile --input customers.csv --mapping mapping.json --identifier phone:+34612345678",
        "  omniid profile --input customers.csv --mapping mapping.json --record crm-17",
        "  omniid profile --journal customers.journal --identifier email:ana@example.com"})
final class ProfileCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  /** How many profiles a generic value may list before the rest are only counted. */
  static final int MAX_SHOWN = 5;

  @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
  SourceOptions source;

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  Lookup lookup;

  static final class Lookup {
    @Option(names = "--identifier", paramLabel = "TYPE:VALUE",
        description = "An identifier of the customer, e.g. email:ana@example.com, phone:+34612345678,"
            + " customer_id:C-17 (normalized as when resolving); TYPE is an identifier type the"
            + " mapping (or the journal's) maps, or a built-in one.")
    String identifier;

    @Option(names = "--record", paramLabel = "ID", description = "The id of one of the customer's records.")
    String record;
  }

  @Option(names = "--mask", description = "Mask the profile's identifier values too.")
  boolean mask;

  @Override
  public Integer call() {
    // The type is checked before the file is resolved: a typo costs no resolution.
    ForgetCommand.Erased asked = lookup.identifier == null ? null
        : ForgetCommand.parse(lookup.identifier, source.knownTypes());
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err);
    try (SourceOptions.Loaded loaded = source.load("profile", err, progress)) {
      progress.finish();
      IdentityResolver resolver = loaded.resolver();
      List<Profile> found;
      String what;
      if (asked != null) {
        found = resolver.findProfiles(asked.type(), asked.value());
        what = asked.masked();
      } else {
        found = resolver.profileOfTouchpoint(loaded.touchpointOf(lookup.record)).stream().toList();
        what = "record " + lookup.record;
      }
      loaded.printWarnings(err);
      if (found.isEmpty()) {
        err.println("omniid profile: no profile holds " + what);
        return 1;
      }
      print(spec.commandLine().getOut(), resolver, found, what, mask);
    }
    return 0;
  }

  /** Prints the profiles found for {@code what}: one, or those a generic value names. */
  static void print(PrintWriter out, IdentityResolver resolver, List<Profile> found, String what,
      boolean mask) {
    if (found.size() > 1) {
      out.printf(Locale.ROOT, "%s is generic: %d profiles share it, so it links none of them.%n%n",
          what, found.size());
    }
    for (Profile p : found.subList(0, Math.min(MAX_SHOWN, found.size()))) {
      print(out, resolver, p, mask);
    }
    if (found.size() > MAX_SHOWN) {
      out.printf(Locale.ROOT, "... and %d more profiles%n", found.size() - MAX_SHOWN);
    }
  }

  static void print(PrintWriter out, IdentityResolver resolver, Profile p, boolean mask) {
    out.printf(Locale.ROOT, "Profile %s: %d record%s on %s, %s .. %s%n", p.id(), p.size(),
        p.size() == 1 ? "" : "s",
        p.channels().stream().map(Object::toString).collect(Collectors.joining(", ")),
        time(p.firstSeen()), time(p.lastSeen()));
    if (!p.aliases().isEmpty()) {
      out.println("  aliases: " + p.aliases());
    }
    out.println("Identifiers:");
    for (Identifier i : p.identifiers()) {
      out.printf(Locale.ROOT, "  %-14s %s%n", i.type(), mask ? i.masked() : i.value());
    }
    out.println("Journey:");
    for (Touchpoint t : p.journey()) {
      out.printf(Locale.ROOT, "  %-20s  %-12s %-10s %-20s %s%n", time(t.timestamp()), t.channel(),
          t.eventKind(), t.id(), t.identifiers().isEmpty()
              // Linked on attributes alone (a scored match): say which ones it has.
              ? "(" + t.attributes().keySet().stream().map(Object::toString)
                  .collect(Collectors.joining(", ")) + ")"
              : t.identifiers().stream().map(i -> i.type() + ":" + (mask ? i.masked() : i.value()))
                  .collect(Collectors.joining(" ")));
    }
    out.println("Why it holds together:");
    if (p.evidence().isEmpty()) {
      out.println("  a single record: nothing to link");
    }
    for (Evidence e : p.evidence()) {
      out.println("  " + e.explain());
      if (e.kind() == Evidence.Kind.SCORED_MATCH) {
        resolver.why(e.touchpointId(), e.otherTouchpointId()).score()
            .ifPresent(s -> out.println(s.explain().replaceAll("(?m)^", "    ")));
      }
    }
    List<Relation> related = resolver.related(p.id());
    if (!related.isEmpty()) {
      // Other customers' values (a household's shared mailbox): masked even without --mask.
      out.println("Related profiles (kept apart, sharing values):");
      for (Relation r : related) {
        out.printf(Locale.ROOT, "  %-10s %s%s  shares %s%n", r.profileId(),
            ResolveCommand.joined(r.reasons()),
            r.conflicts().isEmpty() ? "" : " (" + ResolveCommand.joined(r.conflicts()) + ")",
            r.shared().isEmpty() ? "nothing (a scored match)"
                : r.shared().stream().map(ResolveCommand::masked).collect(Collectors.joining(" ")));
      }
    }
    out.println();
  }

  private static String time(java.util.Optional<java.time.Instant> t) {
    return t.map(Object::toString).orElse("(no time)");
  }
}
