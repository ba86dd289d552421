package dev.omniid.cli;

import dev.omniid.connect.Warning;
import dev.omniid.core.Durability;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniid forget}: erases a customer from a journal (the right to be forgotten), by an
 * identifier or by profile. The value asked for is never printed back except masked.
 */
@Command(name = "forget", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Erases a customer from a journal written by ingest: removes every record that "
        + "carries the identifier (normalized as when resolving, with the journal's default region); "
        + "with --whole-profile, every record of the profile the identifier names; with --profile, "
        + "every record of that profile. Then rewrites the journal so that no file in DIR holds "
        + "their bytes any more.",
        "--identifier alone leaves the customer's other records (another email, a store visit): "
        + "they stay together as a profile, and stderr says so with their count and profile id.",
        "Prints 'removed N' on stdout (N records removed, 0 when none matched); --verbose lists their "
        + "ids. Ingesting a file that holds the customer again brings them back."},
    footer = {"", "Examples:",
        "  omniid forget --journal customers.journal --identifier email:ana@example.com",
        "  omniid forget --journal customers.journal --identifier email:ana@example.com --whole-profile",
        "  omniid forget --journal customers.journal --identifier 'phone:+34 612 345 678'",
        "  omniid forget --journal customers.journal --profile P-12"})
final class ForgetCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--journal", required = true, paramLabel = "DIR",
      description = "The journal directory written by ingest.")
  Path journal;

  @picocli.CommandLine.Mixin
  JournalKeyOptions keyOptions = new JournalKeyOptions();

  @ArgGroup(exclusive = true, multiplicity = "1")
  Target target;

  static final class Target {
    @Option(names = "--identifier", paramLabel = "TYPE:VALUE",
        description = "The identifier to erase, e.g. email:ana@example.com, phone:+34612345678,"
            + " customer_id:C-17; TYPE is an identifier type of the mapping.")
    String identifier;

    @Option(names = "--profile", paramLabel = "P-N",
        description = "The profile to erase, as the latest export of the journal names it.")
    String profile;
  }

  @Option(names = "--whole-profile",
      description = "With --identifier: erase the whole customer, every record of the profile the "
          + "value identifies, not only the records that carry it. Refused when the value is shared "
          + "by several profiles (it identifies no one customer).")
  boolean wholeProfile;

  @Option(names = "--verbose", description = "Also print the id of every record removed, one a line.")
  boolean verbose;

  /** An identifier to erase. */
  record Erased(IdentifierType type, String value) {
    /** The identifier as it may be shown: type and masked value. */
    String masked() {
      return type + ":" + Warning.mask(value);
    }
  }

  @Override
  public Integer call() {
    if (wholeProfile && target.identifier == null) {
      throw new CliException("--whole-profile goes with --identifier; --profile erases a whole"
          + " profile already");
    }
    JournalSettings settings = JournalAccess.settings(journal);
    Erased erased = null;
    ProfileId profileId = null;
    if (target.identifier != null) {
      erased = parse(target.identifier, settings.knownTypes());
    } else {
      try {
        profileId = ProfileId.parse(target.profile.strip());
      } catch (IllegalArgumentException e) {
        throw new CliException("--profile must be a profile id such as P-12, as export writes it");
      }
    }
    IdentityResolver resolver = JournalAccess.open(journal, settings, Durability.syncEachWrite(),
        keyOptions.key());
    List<String> removed;
    String what;
    String done;
    // The records of the profiles that held the value and did not carry it: they survive.
    Set<String> survivors = new TreeSet<>();
    String survivorIds = "";
    int holderCount = 0;
    try {
      if (erased != null) {
        List<Profile> holders = resolver.findProfiles(erased.type(), erased.value());
        what = erased.masked();
        holderCount = holders.size();
        if (wholeProfile && holders.size() > 1) {
          throw new CliException("--whole-profile: " + what + " is shared by " + holders.size()
              + " profiles (" + holders.stream().map(p -> p.id().toString())
                  .collect(Collectors.joining(", ")) + "), so it identifies no one customer;"
              + " nothing was erased: erase one of them with --profile");
        }
        if (wholeProfile && holders.size() == 1) {
          profileId = holders.get(0).id();
          removed = resolver.forget(profileId);
          done = "erased the whole profile " + profileId + ": " + records(removed.size());
        } else {
          removed = resolver.forget(erased.type(), erased.value());
          Set<String> gone = new HashSet<>(removed);
          holders.forEach(p -> p.touchpointIds().stream().filter(t -> !gone.contains(t))
              .forEach(survivors::add));
          // The erasure compacted the journal: its snapshot anchors these ids, so the next
          // recovery (export, forget --profile) names the survivors so too.
          survivorIds = survivors.stream().map(resolver::profileIdOf).flatMap(Optional::stream)
              .distinct().sorted().map(ProfileId::toString).collect(Collectors.joining(", "));
          done = "erased " + records(removed.size()) + " carrying the value";
        }
      } else {
        what = "profile " + profileId;
        removed = resolver.forget(profileId);
        done = "erased the whole profile " + profileId + ": " + records(removed.size());
      }
    } finally {
      JournalAccess.close(journal, resolver);
    }
    if (!survivors.isEmpty()) {
      done += "; " + survivors.size() + " other record" + (survivors.size() == 1 ? "" : "s")
          + (holderCount == 1 ? " of the same profile" : " of the " + holderCount
              + " profiles that held it") + " remain" + (survivors.size() == 1 ? "s" : "") + " as "
          + survivorIds + " (--whole-profile erases them too)";
    }
    PrintWriter out = spec.commandLine().getOut();
    out.println("removed " + removed.size());
    if (verbose) {
      removed.forEach(out::println);
    }
    out.flush();
    if (removed.isEmpty()) {
      PrintWriter err = spec.commandLine().getErr();
      err.println("omniid forget: nothing carries " + what + " in journal " + journal
          + (profileId != null ? " (profile ids are those of the latest export)" : "")
          + "; the journal is unchanged");
    } else {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(Locale.ROOT, "omniid forget: %s: %s; journal %s rewritten: none of its files"
          + " holds them any more%n", what, done, journal);
    }
    return 0;
  }

  private static String records(int n) {
    return n + " record" + (n == 1 ? "" : "s");
  }

  /**
   * Reads {@code TYPE:VALUE}. The type is the longest known type the argument starts with (a type
   * name may hold a colon); an unknown type is named only if it looks like a type, so that a value
   * typed without its type is never echoed.
   *
   * @throws CliException if the argument is malformed or the type unknown
   */
  static Erased parse(String argument, Set<String> knownTypes) {
    String arg = argument.strip();
    String lower = arg.toLowerCase(Locale.ROOT);
    String type = knownTypes.stream().sorted(Comparator.comparingInt(String::length).reversed())
        .filter(t -> lower.startsWith(t + ":")).findFirst().orElse(null);
    int colon = arg.indexOf(':');
    if (type == null) {
      if (colon <= 0) {
        throw new CliException("--identifier must be TYPE:VALUE, such as email:ana@example.com");
      }
      String typed = lower.substring(0, colon).strip();
      boolean looksLikeType = typed.matches("[a-z0-9][a-z0-9_.-]{0,63}");
      String hint = looksLikeType ? Pipeline.closest(typed, knownTypes)
          .or(() -> knownTypes.stream().filter(t -> distance(t, typed) <= 2).findFirst())
          .map(t -> "; did you mean " + t + "?").orElse("") : "";
      throw new CliException("--identifier: " + (looksLikeType ? "unknown identifier type \"" + typed + "\""
          : "the part before ':' is not an identifier type") + "; known: " + String.join(", ", knownTypes)
          + hint);
    }
    String value = arg.substring(type.length() + 1).strip();
    if (value.isEmpty()) {
      throw new CliException("--identifier " + type + ": has no value after ':'");
    }
    return new Erased(IdentifierType.of(type), value);
  }

  /** The edit distance between two short strings (insertions, deletions, substitutions). */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
