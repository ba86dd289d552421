package dev.omniid.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * A resolver configuration the property tests run over (Caffeine's {@code @CacheSpec} idea): every
 * invariant must hold for each. Core runs {@link #DETERMINISTIC}, {@link #SCORED} and
 * {@link #JOURNALED}; the matching module adds the {@code OmniId} defaults, which core cannot see.
 * Public, in the core test jar, for that.
 *
 * @param name how test reports name it
 * @param builder a fresh builder of the configuration
 * @param journaled whether the resolver is built with a journal (in a temporary directory)
 * @param seeds how many seeds a property runs for it
 */
public record Configuration(String name, Supplier<ResolverBuilder> builder, boolean journaled,
    int seeds) {

  /** Identifiers only: no match model. */
  public static final Configuration DETERMINISTIC =
      new Configuration("deterministic", RandomTouchpoints::deterministicBuilder, false, 200);
  /** The property tests' small match model, blocks crossing their maximum both ways. */
  public static final Configuration SCORED =
      new Configuration("scored", RandomTouchpoints::builder, false, 200);
  /**
   * The scored configuration behind a journal (no forcing: the tests do not pull the plug). Fewer
   * seeds: it adds file I/O per change, not new decisions (the journal's own tests cover restarts).
   */
  public static final Configuration JOURNALED =
      new Configuration("journaled", RandomTouchpoints::builder, true, 50);

  /**
   * The scored configuration keeping touchpoints encoded ({@link
   * ResolverBuilder#compactTouchpoints}): every property must hold whatever the storage.
   */
  public static final Configuration COMPACT = new Configuration("compact",
      () -> RandomTouchpoints.builder().compactTouchpoints(true), false, 100);

  /**
   * The scored configuration with the e-mails of people whose number ends in 0, 3, 6 or 9
   * declared role accounts ({@link ResolverBuilder#roleAccounts}): they link only carriers that
   * name agreeing people by a given name, a decision that must not depend on the order either.
   */
  public static final Configuration ROLE_ACCOUNTS = new Configuration("role accounts",
      () -> RandomTouchpoints.builder().roleAccounts(IdentifierType.EMAIL,
          v -> v.matches("p[0-9]*[0369]@mail\\.example")), false, 100);

  /** The configurations of core. */
  public static List<Configuration> core() {
    return List.of(DETERMINISTIC, SCORED, JOURNALED, COMPACT, ROLE_ACCOUNTS);
  }

  /**
   * The {@link #core()} configurations with fewer seeds, for properties whose cases are costly:
   * {@code journaledSeeds} for the journaled one, {@code otherSeeds} for the others.
   */
  public static List<Configuration> coreWithSeeds(int journaledSeeds, int otherSeeds) {
    return core().stream().map(c -> new Configuration(c.name(), c.builder(), c.journaled(),
        c.journaled() ? journaledSeeds : otherSeeds)).toList();
  }

  /** (configuration, seed) pairs, {@link #seeds} of each, seeds counted from {@code base}. */
  // Public for the examples module's runs of these tests; the type is JUnit's, not an export.
  @SuppressWarnings("exports")
  public static Stream<Arguments> matrix(List<Configuration> configurations, long base) {
    return configurations.stream().flatMap(config -> LongStream.range(0, config.seeds())
        .mapToObj(i -> Arguments.of(config, base + i)));
  }

  /** A new resolver of this configuration. */
  public IdentityResolver build() {
    return build(true, null);
  }

  /** A new resolver, with the fast path on or off, and a listener if not null. */
  public IdentityResolver build(boolean fastPath, ProfileListener listener) {
    ResolverBuilder b = builder.get();
    b.fastPath = fastPath;
    if (listener != null) {
      b.listener(listener);
    }
    if (!journaled) {
      return b.build();
    }
    Path dir = temporaryDirectory();
    IdentityResolver resolver = b.journal(dir, Durability.none()).build();
    OPEN.add(new Opened(resolver, dir));
    return resolver;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Journaled resolvers built and not yet released, with their directories. */
  private static final List<Opened> OPEN = Collections.synchronizedList(new ArrayList<>());

  private record Opened(IdentityResolver resolver, Path directory) {}

  /**
   * Closes the journaled resolvers built so far and deletes their directories: resolvers are
   * built in parameterized loops, where a JUnit {@code @TempDir} per case would not reach. Call it
   * after each test.
   */
  public static void releaseAll() {
    synchronized (OPEN) {
      for (Opened o : OPEN) {
        o.resolver().close();
        deleteQuietly(o.directory());
      }
      OPEN.clear();
    }
  }

  private static Path temporaryDirectory() {
    try {
      return Files.createTempDirectory("omniid-props");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void deleteQuietly(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a temporary directory left behind harms nothing.
    }
  }
}
