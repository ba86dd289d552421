package dev.omniid.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.omniid.connect.Mapping;
import dev.omniid.core.IdentifierPolicy;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.MatchModel;
import dev.omniid.core.ResolverBuilder;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The resolver configuration of a journal written by {@code omniid ingest}, kept in the journal's
 * directory as {@value #FILE_NAME} so that {@code export}, {@code forget} and later ingests build
 * the resolver that wrote the journal: the default region (it decides how a phone without a
 * country code normalizes), how dates are read, the match threshold and the identifier policies
 * of the mapping. A journal read with another configuration could normalize the same value to
 * another key, link other records, or refuse records it once accepted.
 *
 * <p>Written by the first ingest; a later ingest must agree with it (same region, threshold and
 * policies) and may add identifier types. The file holds no customer value, so erasure never has
 * to touch it. Immutable.
 *
 * @param region the default region, ISO 3166 alpha-2, upper case
 * @param monthFirst whether dates are read month first
 * @param threshold the match probability threshold, when one was set
 * @param expectedRecords how many records the journal's customer base is expected to hold, when
 *     set ({@code ingest --expected-records}): the size the default model's prior follows
 * @param policies the identifier policies the mappings set, by type name
 * @param types every identifier type the mappings mapped, by name
 * @param asWritten the identifier types compared as written ({@code "normalize": false}), by name
 * @param personal the identifier types declared personal ({@code "personal": true}), by name
 */
record JournalSettings(String region, boolean monthFirst, Optional<Double> threshold,
    Optional<Long> expectedRecords, Map<String, IdentifierPolicy> policies, Set<String> types,
    Set<String> asWritten, Set<String> personal) {
  /** The file's name inside the journal directory. */
  static final String FILE_NAME = "omniid-cli.json";
  /**
   * The version of the file's layout. Version 1 predates normalized exact ids: its journals were
   * written comparing every exact id as written, and are read so.
   */
  static final int VERSION = 2;
  /**
   * The version a file with an expected size is written as: an omniid that reads only version 2
   * would resolve its journal under another prior, so it must refuse the file rather than read it.
   */
  static final int VERSION_WITH_SIZE = 3;
  private static final String TEMP_NAME = FILE_NAME + ".tmp";
  /**
   * The identifier types that had a normalizer of their own when version 1 journals were written:
   * a version 1 journal compared every other type as written. Fixed with the format, not the
   * mapping's current list.
   */
  private static final Set<String> VERSION_1_OWN_NORMALIZERS = Set.of("email", "phone",
      "social_handle", "device_id", "cookie_id", "email_sha256", "phone_sha256");

  JournalSettings {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(expectedRecords, "expectedRecords");
    policies = Collections.unmodifiableMap(new TreeMap<>(policies));
    types = Collections.unmodifiableSet(new TreeSet<>(types));
    asWritten = Collections.unmodifiableSet(new TreeSet<>(asWritten));
    personal = Collections.unmodifiableSet(new TreeSet<>(personal));
  }

  /** The settings that ingesting through {@code mapping} with these choices sets. */
  static JournalSettings of(String region, boolean monthFirst, Optional<Double> threshold,
      Optional<Long> expectedRecords, Mapping mapping) {
    Map<String, IdentifierPolicy> policies = new TreeMap<>();
    Pipeline.policies(mapping).forEach((type, policy) -> policies.put(type.name(), policy));
    Set<String> types = new TreeSet<>();
    mapping.identifierTypes().forEach(type -> types.add(type.name()));
    Set<String> asWritten = new TreeSet<>();
    Pipeline.asWritten(mapping).forEach(type -> asWritten.add(type.name()));
    Set<String> personal = new TreeSet<>();
    Pipeline.personal(mapping).forEach(type -> personal.add(type.name()));
    return new JournalSettings(region, monthFirst, threshold, expectedRecords, policies, types,
        asWritten, personal);
  }

  /** A resolver builder with this configuration (the journal is added by the caller). */
  ResolverBuilder resolverBuilder() {
    long expected = expectedRecords.orElse(0L);
    Optional<MatchModel> model = threshold.map(t -> Pipeline.defaultModel(region, monthFirst,
        expected).toBuilder().matchThreshold(t).build());
    Map<IdentifierType, IdentifierPolicy> byType = new TreeMap<>(Comparator.comparing(IdentifierType::name));
    policies.forEach((name, policy) -> byType.put(IdentifierType.of(name), policy));
    Set<IdentifierType> raw = new java.util.LinkedHashSet<>();
    asWritten.forEach(name -> raw.add(IdentifierType.of(name)));
    Set<IdentifierType> vouching = new java.util.LinkedHashSet<>();
    personal.forEach(name -> vouching.add(IdentifierType.of(name)));
    // A journal grows from ingest to ingest, so its size is what its first ingest declared (the
    // default model's own without one), never a count of one run's input: the configuration
    // checked against the journal's must not change from one ingest to the next.
    return Pipeline.resolverBuilder(region, monthFirst, model, byType, raw, vouching, expected);
  }

  /**
   * The identifier types {@code forget --identifier} accepts: those of the mapping's built-in keys
   * and those the journal's mappings named.
   */
  Set<String> knownTypes() {
    Set<String> known = new TreeSet<>(Mapping.identifierKeys());
    known.addAll(types);
    return known;
  }

  /**
   * Checks that ingesting with {@code requested} (this run's region, threshold and mapping) keeps
   * this journal's configuration, and returns the settings to keep: these, with the requested
   * run's new identifier types added.
   *
   * @param regionGiven whether the requested region was given (command line or mapping) rather
   *     than defaulted
   * @param mappingName the mapping file, for messages
   * @throws CliException naming the setting that differs
   */
  JournalSettings admit(JournalSettings requested, boolean regionGiven, String mappingName) {
    if (regionGiven && !requested.region.equals(region)) {
      throw new CliException("default region " + requested.region + " differs from the journal's ("
          + region + ", set by its first ingest): a journal is always read with the configuration"
          + " that wrote it; drop --default-region or give " + region);
    }
    if (requested.threshold.isPresent() && !requested.threshold.equals(threshold)) {
      throw new CliException("--threshold " + requested.threshold.get() + " differs from the journal's ("
          + threshold.map(String::valueOf).orElse("the default") + ", set by its first ingest)");
    }
    if (requested.expectedRecords.isPresent() && !requested.expectedRecords.equals(expectedRecords)) {
      throw new CliException("--expected-records " + requested.expectedRecords.get()
          + " differs from the journal's (" + expectedRecords.map(String::valueOf)
              .orElse("none: the default model's own size") + ", set by its first ingest)");
    }
    for (Map.Entry<String, IdentifierPolicy> e : requested.policies.entrySet()) {
      IdentifierPolicy held = policies.get(e.getKey());
      if (!e.getValue().equals(held)) {
        throw new CliException("mapping " + mappingName + ": the policy of identifier type \""
            + e.getKey() + "\" (exclusive, limit) differs from the one the journal was written with"
            + (held == null ? " (none)" : " (exclusive " + held.exclusive() + ", limit " + held.limit() + ")")
            + ": a journal is always read with the configuration that wrote it");
      }
    }
    Set<String> allAsWritten = new TreeSet<>(asWritten);
    for (String type : requested.types) {
      boolean raw = requested.asWritten.contains(type);
      if (types.contains(type) && raw != asWritten.contains(type)) {
        throw new CliException("mapping " + mappingName + ": identifier type \"" + type + "\" is"
            + (raw ? " compared as written (\"normalize\": false)" : " normalized") + " but the journal"
            + " was written with it " + (raw ? "normalized" : "compared as written")
            + ": a journal is always read with the configuration that wrote it");
      }
      if (raw) {
        allAsWritten.add(type);
      }
    }
    for (String type : requested.types) {
      if (types.contains(type) && requested.personal.contains(type) != personal.contains(type)) {
        throw new CliException("mapping " + mappingName + ": identifier type \"" + type + "\" is"
            + (requested.personal.contains(type) ? "" : " not") + " personal but the journal was"
            + " written with it" + (personal.contains(type) ? "" : " not") + " personal"
            + ": a journal is always read with the configuration that wrote it");
      }
    }
    Set<String> allPersonal = new TreeSet<>(personal);
    allPersonal.addAll(requested.personal);
    Set<String> allTypes = new TreeSet<>(types);
    allTypes.addAll(requested.types);
    return new JournalSettings(region, monthFirst, threshold, expectedRecords, policies, allTypes,
        allAsWritten, allPersonal);
  }

  /** Reads the settings of the journal in {@code directory}; empty if it has none. */
  static Optional<JournalSettings> read(Path directory) {
    Path file = directory.resolve(FILE_NAME);
    String json;
    try {
      json = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new CliException("journal " + file + ": cannot read (" + e.getClass().getSimpleName() + ")");
    }
    try {
      JsonNode root = new ObjectMapper().readTree(json);
      int version = root.path("version").asInt(-1);
      if (version != VERSION && version != 1 && version != VERSION_WITH_SIZE) {
        throw new CliException("journal " + file + ": version " + version + " of the settings is not"
            + " known to this omniid (it reads versions 1 to " + VERSION_WITH_SIZE + ")");
      }
      String region = Pipeline.region(root.path("defaultRegion").asText(""));
      JsonNode t = root.get("threshold");
      Optional<Double> threshold = t == null || t.isNull() ? Optional.empty() : Optional.of(t.asDouble());
      JsonNode size = root.get("expectedRecords");
      Optional<Long> expectedRecords = size == null || size.isNull() ? Optional.empty()
          : Optional.of(size.asLong());
      if (expectedRecords.isPresent() != (version == VERSION_WITH_SIZE)
          || expectedRecords.isPresent() && (!size.canConvertToLong() || expectedRecords.get() < 1)) {
        throw new IllegalArgumentException("expectedRecords must be a size of at least 1, and only"
            + " in version " + VERSION_WITH_SIZE);
      }
      Map<String, IdentifierPolicy> policies = new TreeMap<>();
      for (Map.Entry<String, JsonNode> e : root.path("identifierPolicies").properties()) {
        JsonNode p = e.getValue();
        policies.put(IdentifierType.of(e.getKey()).name(), new IdentifierPolicy(
            p.path("exclusive").asBoolean(), p.path("limit").asInt(), p.path("linksAlone").asBoolean(true),
            p.path("strength").asInt()));
      }
      Set<String> types = new TreeSet<>();
      for (JsonNode n : root.path("identifierTypes")) {
        types.add(IdentifierType.of(n.asText()).name());
      }
      Set<String> asWritten = new TreeSet<>();
      if (version == 1) {
        // Written before exact ids were normalized: its ids keep being compared as written.
        types.stream().filter(type -> !VERSION_1_OWN_NORMALIZERS.contains(type))
            .forEach(asWritten::add);
      }
      for (JsonNode n : root.path("identifiersAsWritten")) {
        asWritten.add(IdentifierType.of(n.asText()).name());
      }
      Set<String> personal = new TreeSet<>();
      for (JsonNode n : root.path("personalIdentifiers")) {
        personal.add(IdentifierType.of(n.asText()).name());
      }
      return Optional.of(new JournalSettings(region, root.path("monthFirstDates").asBoolean(),
          threshold, expectedRecords, policies, types, asWritten, personal));
    } catch (JsonProcessingException | IllegalArgumentException | CliException e) {
      throw new CliException("journal " + file + ": damaged or edited by hand; it must hold the"
          + " settings its first ingest wrote (" + oneLine(e) + ")");
    }
  }

  private static String oneLine(Exception e) {
    String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse("");
  }

  /**
   * Writes the settings into {@code directory}: to a temporary file, forced, then renamed over the
   * old one, so that a crash leaves either the old file or the new one.
   */
  void write(Path directory) {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    root.put("version", expectedRecords.isPresent() ? VERSION_WITH_SIZE : VERSION);
    root.put("comment", "The resolver configuration of this journal, written by omniid ingest and"
        + " read by export and forget. Do not edit: a journal must be read with the configuration"
        + " that wrote it.");
    root.put("defaultRegion", region);
    root.put("monthFirstDates", monthFirst);
    threshold.ifPresent(t -> root.put("threshold", t));
    expectedRecords.ifPresent(n -> root.put("expectedRecords", n));
    ObjectNode byType = root.putObject("identifierPolicies");
    policies.forEach((type, p) -> {
      ObjectNode node = byType.putObject(type);
      node.put("exclusive", p.exclusive());
      node.put("limit", p.limit());
      node.put("linksAlone", p.linksAlone());
      node.put("strength", p.strength());
    });
    types.forEach(root.putArray("identifierTypes")::add);
    asWritten.forEach(root.putArray("identifiersAsWritten")::add);
    personal.forEach(root.putArray("personalIdentifiers")::add);
    Path temp = directory.resolve(TEMP_NAME);
    Path file = directory.resolve(FILE_NAME);
    try {
      byte[] bytes = (json.writeValueAsString(root) + "\n").getBytes(StandardCharsets.UTF_8);
      // Owner-only like the journal's files (the settings name the identifier types in use).
      Files.deleteIfExists(temp);
      try (FileChannel channel = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE), ownerOnly(temp))) {
        if (posix(temp)) {
          Files.setPosixFilePermissions(temp, OWNER_FILE);
        }
        channel.write(java.nio.ByteBuffer.wrap(bytes));
        channel.force(true);
      }
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
      syncDirectory(directory);
    } catch (IOException e) {
      throw new CliException("journal " + file + ": cannot write (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static final Set<java.nio.file.attribute.PosixFilePermission> OWNER_FILE =
      java.nio.file.attribute.PosixFilePermissions.fromString("rw-------");
  private static final Set<java.nio.file.attribute.PosixFilePermission> OWNER_DIRECTORY =
      java.nio.file.attribute.PosixFilePermissions.fromString("rwx------");

  private static boolean posix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly(Path path) {
    return posix(path)
        ? new java.nio.file.attribute.FileAttribute<?>[] {
            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_FILE)}
        : new java.nio.file.attribute.FileAttribute<?>[0];
  }

  /**
   * Creates a journal directory as the core library does: owner-only ({@code rwx------}) on a
   * POSIX file system whatever the umask, parents it creates too.
   */
  static void createDirectory(Path directory) throws IOException {
    if (!posix(directory)) {
      Files.createDirectories(directory);
      return;
    }
    Path parent = directory.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      createDirectory(parent);
    }
    if (!Files.isDirectory(directory)) {
      Files.createDirectory(directory,
          java.nio.file.attribute.PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
      Files.setPosixFilePermissions(directory, OWNER_DIRECTORY);
    }
  }

  /** Forces a directory's entries (the rename) where the platform allows it. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      // Not every platform can open a directory; the rename is then as durable as it gets.
    }
  }

  /**
   * Whether {@code directory} may hold a journal: absent, empty, or already holding journal files.
   * Guards against writing a journal into a directory that holds something else.
   */
  static boolean looksLikeJournal(Path directory) {
    if (!Files.exists(directory)) {
      return true;
    }
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.list(directory)) {
      List<String> names = files.map(p -> p.getFileName().toString()).toList();
      return names.isEmpty() || names.stream().anyMatch(n -> n.startsWith(FILE_NAME) || n.equals("omniid.lock")
          || n.startsWith("journal-") || n.startsWith("snapshot-"));
    } catch (IOException e) {
      return false;
    }
  }
}
