package dev.omniid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.omniid.core.GoldenRecord;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Profile;
import dev.omniid.core.SurvivorshipRules;
import dev.omniid.matching.AudiencePlatform;
import dev.omniid.matching.HashedIdentifiers;
import dev.omniid.matching.OmniId;
import dev.omniid.matching.PhoneNormalizer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVPrinter;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code omniid audience}: the golden email and phone of every profile, hashed as an ad platform
 * documents it, in the file that platform takes.
 *
 * <p>The email is hashed from the spelling the customer gave (the golden field's raw value): each
 * platform applies its own normalization, and OmniID's (which drops {@code +tags} and Gmail dots
 * for matching) would give another digest. The phone is hashed from OmniID's E.164 form, read with
 * the file's own default region, so that a national number needs no region here.
 */
@Command(name = "audience", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Writes an audience file for an ad platform: the golden email and phone of each"
        + " profile, normalized and SHA-256 hashed as the platform documents (see the README's"
        + " table). Reads a profiles export written with --show-values (masked values cannot be"
        + " hashed), or resolves a customer file or recovers a journal itself.",
        "Formats written (CSV, UTF-8, a header row):",
        "  google  Customer Match customer list: columns Email,Phone, one row per profile,"
        + " lower-case hex SHA-256.",
        "  meta    custom audience customer list: columns email,phone, one row per profile,"
        + " lower-case hex SHA-256.",
        "  uid2    input for the UID2 identity map: columns profile_id,type,hash, one row per"
        + " identifier, type email_hash or phone_hash, Base64 SHA-256.",
        "A profile with nothing the platform takes (no email or phone, or only ones it refuses:"
        + " invalid addresses, numbers libphonenumber cannot validate) is skipped; the summary on"
        + " stderr counts them."},
    footer = {"", "Examples:",
        "  omniid profiles --journal customers.journal --show-values --out profiles.jsonl",
        "  omniid audience --profiles profiles.jsonl --platform google --out google.csv",
        "  omniid audience --journal customers.journal --platform uid2 --out uid2.csv"})
final class AudienceCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
  From from;

  /** A profiles export, or profiles resolved or recovered now. */
  static final class From {
    @Option(names = "--profiles", paramLabel = "PROFILES.jsonl", order = 0,
        description = "A profiles export (JSON Lines) written by omniid profiles --show-values;"
            + " - reads standard input.")
    Path profiles;

    @ArgGroup(exclusive = true, multiplicity = "1", order = 1)
    SourceOptions source;
  }

  @Option(names = "--platform", required = true, paramLabel = "google|meta|uid2", order = 2,
      description = "The platform the audience is for.")
  AudiencePlatform platform;

  @Option(names = "--out", required = true, paramLabel = "FILE", order = 3,
      description = "Where to write the audience; - for standard output.")
  Path out;

  /** The golden email and phone of one profile, as the platform would read them. */
  record Contact(String profileId, Optional<Identifier> email, Optional<Identifier> phone) {}

  /** What was written and what was left out. */
  static final class Counts {
    long profiles;
    long rows;
    long emails;
    long phones;
    long refusedEmails;
    long refusedPhones;
    long nothing;
    long refused;
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Progress progress = Progress.to(err);
    Counts counts = new Counts();
    // The phone is OmniID's E.164 form: the region only reads numbers that are not in it.
    PhoneNormalizer phones = PhoneNormalizer.forRegion(Pipeline.FALLBACK_REGION);
    // Opened at the first profile: a refused input (masked values) leaves no empty audience file.
    CSVPrinter[] csv = {null};
    Consumer<Contact> write = c -> write(open(csv), c, phones, counts);
    try {
      try {
        if (from.profiles != null) {
          readProfiles(from.profiles, write);
        } else {
          try (SourceOptions.Loaded loaded = from.source.load("audience", err, progress)) {
            progress.finish();
            loaded.printWarnings(err);
            contacts(loaded.resolver(), OmniId.survivorshipRules(), write);
          }
        }
        open(csv);  // no profile at all: the header alone
      } finally {
        if (csv[0] != null) {
          csv[0].close();
        }
      }
    } catch (IOException e) {
      throw Output.failed(out, "--out", e);
    } catch (UncheckedIOException e) {
      throw Output.failed(out, "--out", e.getCause());
    }
    progress.finish();
    String name = platform.name().toLowerCase(Locale.ROOT);
    err.printf(Locale.ROOT, "omniid audience: %d profiles -> %d %s for %s -> %s (hashed: %d"
            + " emails, %d phones)%n", counts.profiles, counts.rows,
        platform == AudiencePlatform.UID2 ? "identifier rows" : "rows", name,
        Output.standard(out) ? "standard output" : out, counts.emails, counts.phones);
    err.printf(Locale.ROOT, "  profiles skipped, nothing to hash: %d (%d without an email or phone,"
            + " %d with only values %s refuses); values refused: %d emails, %d phones%n",
        counts.nothing + counts.refused, counts.nothing, counts.refused, name,
        counts.refusedEmails, counts.refusedPhones);
    return 0;
  }

  private CSVPrinter open(CSVPrinter[] csv) {
    if (csv[0] == null) {
      csv[0] = Output.csv(out, "--out", spec.commandLine().getOut(), header(platform));
    }
    return csv[0];
  }

  /** The header row each platform's file starts with. */
  static String[] header(AudiencePlatform platform) {
    return switch (platform) {
      case GOOGLE -> new String[] {"Email", "Phone"};
      case META -> new String[] {"email", "phone"};
      case UID2 -> new String[] {"profile_id", "type", "hash"};
    };
  }

  private void write(CSVPrinter csv, Contact c, PhoneNormalizer phones, Counts counts) {
    counts.profiles++;
    Optional<String> email = hash(c.email(), phones);
    Optional<String> phone = hash(c.phone(), phones);
    if (c.email().isPresent() && email.isEmpty()) {
      counts.refusedEmails++;
    }
    if (c.phone().isPresent() && phone.isEmpty()) {
      counts.refusedPhones++;
    }
    if (email.isEmpty() && phone.isEmpty()) {
      if (c.email().isEmpty() && c.phone().isEmpty()) {
        counts.nothing++;
      } else {
        counts.refused++;
      }
      return;
    }
    email.ifPresent(x -> counts.emails++);
    phone.ifPresent(x -> counts.phones++);
    try {
      if (platform == AudiencePlatform.UID2) {
        if (email.isPresent()) {
          csv.printRecord(c.profileId(), "email_hash", email.get());
          counts.rows++;
        }
        if (phone.isPresent()) {
          csv.printRecord(c.profileId(), "phone_hash", phone.get());
          counts.rows++;
        }
      } else {
        csv.printRecord(email.orElse(""), phone.orElse(""));
        counts.rows++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The platform's digest, or empty when it would not take the value. */
  private Optional<String> hash(Optional<Identifier> identifier, PhoneNormalizer phones) {
    if (identifier.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(HashedIdentifiers.forPlatform(platform, identifier.get(), phones));
    } catch (OmniIdException e) {
      return Optional.empty();
    }
  }

  /** The contacts of every profile, in profile id order, golden records computed one at a time. */
  static void contacts(IdentityResolver resolver, SurvivorshipRules rules, Consumer<Contact> to) {
    List<Profile> profiles = resolver.profiles().sorted(Comparator.comparing(Profile::id)).toList();
    for (Profile p : profiles) {
      GoldenRecord golden = GoldenRecord.of(p, rules);
      to.accept(new Contact(p.id().toString(),
          golden.email().map(f -> Identifier.of(IdentifierType.EMAIL, f.raw())),
          golden.phone().map(f -> Identifier.of(IdentifierType.PHONE, f.value()))));
    }
  }

  /**
   * Reads a profiles export line by line. A line written without {@code --show-values} stops the
   * command: its values are masked and a digest of a mask would match nobody.
   */
  static void readProfiles(Path file, Consumer<Contact> to) {
    ObjectMapper json = new ObjectMapper();
    try (BufferedReader reader = Output.standard(file)
        ? new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))
        : Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      long n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        n++;
        if (n == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1);
        }
        if (line.isBlank()) {
          continue;
        }
        to.accept(contact(file, n, read(json, file, n, line)));
      }
    } catch (NoSuchFileException e) {
      throw new CliException("--profiles " + file + ": no such file (omniid profiles writes it)");
    } catch (IOException e) {
      throw new CliException("--profiles " + file + ": cannot read (" + e.getClass().getSimpleName()
          + ")", e);
    }
  }

  private static JsonNode read(ObjectMapper json, Path file, long line, String text) {
    try {
      JsonNode node = json.readTree(text);
      if (node != null && node.isObject()) {
        return node;
      }
    } catch (JsonProcessingException e) {
      // Reported below, without the line's content: it holds customers' values.
    }
    throw new CliException("--profiles " + file + ": line " + line + " is not a JSON object (the"
        + " file must be JSON Lines written by omniid profiles)");
  }

  private static Contact contact(Path file, long line, JsonNode node) {
    String values = node.path("values").asText("");
    String id = node.path("profile_id").asText("");
    if (id.isEmpty() || values.isEmpty()) {
      throw new CliException("--profiles " + file + ": line " + line + " is not a profile written"
          + " by omniid profiles (no profile_id or values)");
    }
    if (!values.equals("clear")) {
      throw new CliException("--profiles " + file + ": line " + line + " holds masked values (the"
          + " file was written without --show-values), and a masked value cannot be hashed: write"
          + " it again with omniid profiles --show-values, or give audience --input/--mapping or"
          + " --journal instead of --profiles");
    }
    JsonNode identifiers = node.path("golden").path("identifiers");
    return new Contact(id, text(identifiers.path("email"), "raw")
        .map(v -> Identifier.of(IdentifierType.EMAIL, v)),
        text(identifiers.path("phone"), "value").map(v -> Identifier.of(IdentifierType.PHONE, v)));
  }

  /** A field's text, preferring {@code key}, else its value; empty when the field is absent. */
  private static Optional<String> text(JsonNode field, String key) {
    JsonNode v = field.path(key);
    if (!v.isTextual()) {
      v = field.path("value");
    }
    return v.isTextual() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
  }
}
