package dev.omniid.explorer;

import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.ProfileId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Writes one self-contained HTML page to explore a resolver's profiles: an overview (counts, the
 * size distribution, the largest profiles, search by record id or identifier), each profile's
 * touchpoints as a graph of the evidence between them (shared identifiers, scored matches with
 * their weight, refused links dashed with their reason, related profiles at the edge), its
 * journey across channels in time, the waterfall of why two touchpoints are or are not one
 * customer, the generic values and the conflicts. The graph library and the data are inlined:
 * the page opens offline and makes no network request (its content security policy forbids any).
 *
 * <p>Identifier values and person attributes are masked as the library masks them everywhere
 * ({@code a***@g***.com}) unless {@link Builder#showValues(boolean)} is set; the page then says in
 * a banner that it holds personal data in clear. No customer value can inject markup or script:
 * the data is JSON with every {@code <}, {@code >} and {@code &} escaped, and the page's script
 * writes it as text, never as HTML.
 *
 * <p>Bounded for large inputs: the page shows at most {@link Builder#maxProfiles(int)} profiles
 * (the largest half of them, then a deterministic sample of the rest), plus every profile asked
 * for by id, and says what it left out; counts cover the whole resolver. Within a profile it
 * draws at most {@value #MAX_TOUCHPOINTS} touchpoints and carries the waterfall of the pairs it
 * can offer (every edge, and every pair of a profile of at most {@value #ALL_PAIRS_UP_TO}
 * touchpoints; at most {@value #MAX_PAIRS} a profile), since a static page cannot ask the
 * resolver.
 *
 * <pre>{@code
 * ProfileExplorer explorer = ProfileExplorer.newBuilder().maxProfiles(50).profile(anaId).build();
 * PageSummary page = explorer.write(resolver, Path.of("report.html"));
 * }</pre>
 *
 * <p>Immutable and thread-safe; writing reads the resolver through its thread-safe API.
 */
public final class ProfileExplorer {
  /** The most touchpoints drawn for one profile; the page says how many more it has. */
  public static final int MAX_TOUCHPOINTS = 300;
  /** Up to this size, a profile carries the waterfall of every pair of its touchpoints. */
  public static final int ALL_PAIRS_UP_TO = 8;
  /** The most pairs explained for one profile. */
  public static final int MAX_PAIRS = 120;

  private final int maxProfiles;
  private final Set<ProfileId> requested;
  private final boolean showValues;
  private final String title;

  private ProfileExplorer(Builder b) {
    this.maxProfiles = b.maxProfiles;
    this.requested = Set.copyOf(b.requested);
    this.showValues = b.showValues;
    this.title = b.title;
  }

  /**
   * Starts configuring an explorer: at most 100 profiles, none asked for, values masked.
   *
   * @return a new, mutable builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * Writes the page of the resolver: its bounded selection of profiles and every one asked for.
   *
   * @param resolver the resolver to show, not null
   * @param out where the page goes (UTF-8 when it is a file); not closed
   * @return what the page holds and left out
   * @throws IllegalArgumentException if a profile asked for is not in the resolver
   * @throws UncheckedIOException if writing fails
   */
  public PageSummary write(IdentityResolver resolver, Writer out) {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(out, "out");
    return PageWriter.write(resolver, Selection.bounded(resolver, maxProfiles, requested),
        showValues, title, out);
  }

  /**
   * Writes the page of some of the resolver's profiles, exactly those (and the ones asked for by
   * id); the overview still counts the whole resolver.
   *
   * @param resolver the resolver they come from, not null
   * @param profiles the profiles to show, snapshots read from {@code resolver}; not null
   * @param out where the page goes; not closed
   * @return what the page holds and left out
   * @throws IllegalArgumentException if a profile asked for is not in the resolver
   * @throws UncheckedIOException if writing fails
   */
  public PageSummary write(IdentityResolver resolver, Collection<Profile> profiles, Writer out) {
    Objects.requireNonNull(resolver, "resolver");
    Objects.requireNonNull(profiles, "profiles");
    Objects.requireNonNull(out, "out");
    return PageWriter.write(resolver, Selection.exactly(resolver, List.copyOf(profiles), requested),
        showValues, title, out);
  }

  /**
   * Writes the page of the resolver, as {@link #write(IdentityResolver, Writer)}, to a file in
   * UTF-8, replacing it.
   *
   * @param resolver the resolver to show, not null
   * @param file the file to write, not null
   * @return what the page holds and left out
   * @throws IllegalArgumentException if a profile asked for is not in the resolver
   * @throws UncheckedIOException if writing fails
   */
  public PageSummary write(IdentityResolver resolver, Path file) {
    Objects.requireNonNull(file, "file");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      return write(resolver, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Configures a {@link ProfileExplorer}. Each setter checks its value at once. Not thread-safe.
   */
  public static final class Builder {
    private int maxProfiles = 100;
    private final Set<ProfileId> requested = new LinkedHashSet<>();
    private boolean showValues;
    private String title = "OmniID explorer";

    private Builder() {}

    /**
     * How many profiles the page shows at most, besides those asked for by id: the largest half,
     * then a deterministic sample of the others. Default 100.
     *
     * @param maxProfiles 0 or more; 0 shows the profiles asked for only
     * @return this builder
     * @throws IllegalArgumentException if negative or above 100,000
     */
    public Builder maxProfiles(int maxProfiles) {
      if (maxProfiles < 0 || maxProfiles > 100_000) {
        throw new IllegalArgumentException("maxProfiles must be between 0 and 100000, was "
            + maxProfiles);
      }
      this.maxProfiles = maxProfiles;
      return this;
    }

    /**
     * Asks for a profile: the page shows it, whatever the bound, and opens on the first one
     * asked for.
     *
     * @param profileId its id or an alias, not null
     * @return this builder
     */
    public Builder profile(ProfileId profileId) {
      requested.add(Objects.requireNonNull(profileId, "profileId"));
      return this;
    }

    /**
     * Whether identifier values and person attributes are written in clear (default: masked). A
     * page written in clear holds personal data and says so in a banner.
     *
     * @param showValues true to write values in clear
     * @return this builder
     */
    public Builder showValues(boolean showValues) {
      this.showValues = showValues;
      return this;
    }

    /**
     * The page's title. Default {@code OmniID explorer}.
     *
     * @param title a non-blank title of at most 200 characters
     * @return this builder
     * @throws IllegalArgumentException if blank or longer
     */
    public Builder title(String title) {
      Objects.requireNonNull(title, "title");
      if (title.isBlank() || title.length() > 200) {
        throw new IllegalArgumentException("title must be non-blank and at most 200 characters");
      }
      this.title = title;
      return this;
    }

    /**
     * Builds the explorer.
     *
     * @return an immutable explorer with these settings
     */
    public ProfileExplorer build() {
      return new ProfileExplorer(this);
    }
  }
}
