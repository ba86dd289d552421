package dev.omniid.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A table of given-name equivalences: nicknames and hypocorisms ("Bob" for Robert, "Pepe" for
 * José, "Chema" for José María, "Maite" for María Teresa), loaded from a plain-text resource.
 *
 * <p>The format is one group per line, comma-separated, the first entry being the canonical
 * form; {@code #} starts a comment line. Entries are folded with the {@link NameNormalizer} rules
 * when loaded, so they may be written with accents and may have several tokens ("josé maría").
 * Two names are the same name when they share a group: a name may belong to several groups
 * ("beto" is both Alberto and Roberto) without making those groups equal.
 *
 * <p>Lookups expect names already normalized by {@link NameNormalizer}. Instances are immutable
 * and thread-safe; {@link #standard()} is loaded once from
 * {@code dev/omniid/matching/nicknames.txt}.
 */
public final class Nicknames {
  private static final int[] NO_GROUPS = new int[0];

  private final Map<String, int[]> groupsByName;
  private final List<String> canonical;
  /**
   * {@link #canonicalForms} of every name the table knows, built once: the person rule asks for
   * them on every comparison of two given names, and building the set each time was a sixth of
   * what a fuzzy resolve allocated.
   */
  private final Map<String, Set<String>> formsByName;
  private final int maxTokens;

  private Nicknames(Map<String, int[]> groupsByName, List<String> canonical, int maxTokens) {
    this.groupsByName = groupsByName;
    this.canonical = canonical;
    this.maxTokens = maxTokens;
    Map<String, Set<String>> forms = new HashMap<>();
    groupsByName.forEach((name, ids) -> {
      Set<String> of = new LinkedHashSet<>();
      for (int id : ids) {
        of.add(canonical.get(id));
      }
      forms.put(name, Set.copyOf(of));
    });
    this.formsByName = Map.copyOf(forms);
  }

  /**
   * Returns the built-in English and Spanish table (loaded once, shared).
   *
   * @return the shared immutable table
   */
  public static Nicknames standard() {
    return Standard.INSTANCE;
  }

  /**
   * Reads a table in the format described above. The reader is read to its end and not closed.
   *
   * @param reader the table's text, not null; lines with fewer than two names are skipped
   * @return an immutable, thread-safe table
   * @throws UncheckedIOException if the reader fails
   */
  public static Nicknames load(Reader reader) {
    Objects.requireNonNull(reader, "reader");
    Map<String, List<Integer>> groups = new HashMap<>();
    List<String> canonical = new ArrayList<>();
    int maxTokens = 1;
    BufferedReader lines = new BufferedReader(reader);
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        String trimmed = line.strip();
        if (trimmed.isEmpty() || trimmed.startsWith("#")) {
          continue;
        }
        Set<String> names = new LinkedHashSet<>();
        for (String entry : trimmed.split(",")) {
          String folded = NameNormalizer.foldLenient(entry);
          if (!folded.isEmpty()) {
            names.add(folded);
          }
        }
        if (names.size() < 2) {
          continue;
        }
        int group = canonical.size();
        canonical.add(names.iterator().next());
        for (String name : names) {
          groups.computeIfAbsent(name, k -> new ArrayList<>()).add(group);
          maxTokens = Math.max(maxTokens, tokenCount(name));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the nickname table", e);
    }
    Map<String, int[]> byName = new HashMap<>();
    groups.forEach((name, ids) -> byName.put(name, ids.stream().mapToInt(Integer::intValue).toArray()));
    return new Nicknames(Map.copyOf(byName), List.copyOf(canonical), maxTokens);
  }

  /**
   * Whether two normalized given names are the same name: equal, or sharing a group ("bob" and
   * "robert", "chema" and "jose maria"). Symmetric.
   *
   * @param foldedA one given name as {@link NameNormalizer} gives it, not null
   * @param foldedB the other, likewise
   * @return {@code true} when they are equal or share a group
   */
  public boolean sameName(String foldedA, String foldedB) {
    Objects.requireNonNull(foldedA, "foldedA");
    Objects.requireNonNull(foldedB, "foldedB");
    if (foldedA.equals(foldedB)) {
      return true;
    }
    int[] a = groupsByName.getOrDefault(foldedA, NO_GROUPS);
    if (a.length == 0) {
      return false;
    }
    int[] b = groupsByName.getOrDefault(foldedB, NO_GROUPS);
    for (int x : a) {
      for (int y : b) {
        if (x == y) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Returns the canonical forms of the groups a normalized name belongs to ({@code "paco"} gives
   * {@code {"francisco"}}, {@code "beto"} gives {@code {"alberto", "roberto", "humberto"}}), or
   * the name itself when it is in no group. Never empty.
   *
   * @param folded a given name as {@link NameNormalizer} gives it, not null
   * @return an immutable set of the canonical forms; its iteration order is unspecified
   */
  public Set<String> canonicalForms(String folded) {
    Objects.requireNonNull(folded, "folded");
    Set<String> forms = formsByName.get(folded);
    return forms == null ? Set.of(folded) : forms;
  }

  /**
   * The ids of the groups a folded name is in (empty when the table does not know it): two names
   * are {@link #sameName} when they are equal or their groups meet. Shared; never change it.
   */
  int[] groups(String folded) {
    return groupsByName.getOrDefault(folded, NO_GROUPS);
  }

  /** Whether the table knows this normalized name (possibly of several tokens). */
  boolean contains(String folded) {
    return groupsByName.containsKey(folded);
  }

  /** The largest number of tokens of any entry ("jose maria" has 2). */
  int maxTokens() {
    return maxTokens;
  }

  /** The number of groups. */
  int groupCount() {
    return canonical.size();
  }

  private static int tokenCount(String name) {
    int count = 1;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == ' ') {
        count++;
      }
    }
    return count;
  }

  @Override
  public String toString() {
    return "Nicknames[" + canonical.size() + " groups]";
  }

  /** Lazy holder: the resource is read on first use, once. */
  private static final class Standard {
    static final Nicknames INSTANCE = loadResource();

    private static Nicknames loadResource() {
      InputStream in = Nicknames.class.getResourceAsStream("nicknames.txt");
      if (in == null) {
        throw new IllegalStateException("missing resource dev/omniid/matching/nicknames.txt");
      }
      try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
        return load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read dev/omniid/matching/nicknames.txt", e);
      }
    }
  }
}
