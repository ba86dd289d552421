package dev.omniid.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The address words of {@code address-abbreviations.txt}: canonical forms and their kinds, loaded
 * once. Immutable and thread-safe.
 */
final class AddressVocabulary {

  /** What a canonical token is, for the matcher. */
  enum Kind {
    STREET,
    UNIT,
    UNIT_WORD,
    WORD
  }

  /** An abbreviation read one way or another by its position. */
  record Positional(String first, String otherwise) {}

  private static final AddressVocabulary STANDARD = loadResource();

  final Map<String, String> canonical;
  final Map<String, Kind> kinds;
  final Set<String> numberMarkers;
  final Set<String> stopwords;
  final Map<String, Positional> afterName;
  final Map<String, Positional> beforeNumber;

  private AddressVocabulary(
      Map<String, String> canonical,
      Map<String, Kind> kinds,
      Set<String> numberMarkers,
      Set<String> stopwords,
      Map<String, Positional> afterName,
      Map<String, Positional> beforeNumber) {
    this.canonical = Map.copyOf(canonical);
    this.kinds = Map.copyOf(kinds);
    this.numberMarkers = Set.copyOf(numberMarkers);
    this.stopwords = Set.copyOf(stopwords);
    this.afterName = Map.copyOf(afterName);
    this.beforeNumber = Map.copyOf(beforeNumber);
  }

  static AddressVocabulary standard() {
    return STANDARD;
  }

  /** The kind of a canonical token, or {@code null} for a plain word. */
  Kind kind(String token) {
    return kinds.get(token);
  }

  static AddressVocabulary load(Reader reader) throws IOException {
    Map<String, String> canonical = new HashMap<>();
    Map<String, Kind> kinds = new HashMap<>();
    Set<String> numberMarkers = new HashSet<>();
    Set<String> stopwords = new HashSet<>();
    Map<String, Positional> afterName = new HashMap<>();
    Map<String, Positional> beforeNumber = new HashMap<>();
    Set<String> seen = new HashSet<>();
    String section = "";
    BufferedReader lines = new BufferedReader(reader);
    int lineNumber = 0;
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      lineNumber++;
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
        section = trimmed.substring(1, trimmed.length() - 1);
        continue;
      }
      int colon = trimmed.indexOf(':');
      if (colon <= 0) {
        throw new IllegalStateException("address vocabulary line " + lineNumber + ": no ':'");
      }
      String head = trimmed.substring(0, colon).strip();
      String rest = trimmed.substring(colon + 1);
      if (section.equals("positional") || section.equals("before-number")) {
        String[] forms = rest.split("\\|");
        if (forms.length != 2) {
          throw new IllegalStateException("address vocabulary line " + lineNumber + ": no '|'");
        }
        requireNew(seen, head, lineNumber);
        Positional p = new Positional(forms[0].strip(), forms[1].strip());
        (section.equals("positional") ? afterName : beforeNumber).put(head, p);
        continue;
      }
      Kind kind =
          switch (section) {
            case "street" -> Kind.STREET;
            case "unit" -> Kind.UNIT;
            case "unit-word" -> Kind.UNIT_WORD;
            case "word", "number", "stopword" -> Kind.WORD;
            default -> throw new IllegalStateException(
                "address vocabulary line " + lineNumber + ": unknown section");
          };
      Set<String> variants = new HashSet<>();
      variants.add(head);
      for (String v : rest.split(",")) {
        if (!v.isBlank()) {
          variants.add(v.strip());
        }
      }
      for (String v : variants) {
        requireNew(seen, v, lineNumber);
        if (section.equals("number")) {
          numberMarkers.add(v);
        } else if (section.equals("stopword")) {
          stopwords.add(v);
        } else {
          canonical.put(v, head);
        }
      }
      if (!section.equals("number") && !section.equals("stopword")) {
        kinds.put(head, kind);
      }
    }
    return new AddressVocabulary(
        canonical, kinds, numberMarkers, stopwords, afterName, beforeNumber);
  }

  private static void requireNew(Set<String> seen, String variant, int lineNumber) {
    if (!seen.add(variant)) {
      throw new IllegalStateException(
          "address vocabulary line " + lineNumber + ": duplicate entry " + variant);
    }
  }

  private static AddressVocabulary loadResource() {
    InputStream in = AddressVocabulary.class.getResourceAsStream("address-abbreviations.txt");
    if (in == null) {
      throw new IllegalStateException("missing resource dev/omniid/matching/address-abbreviations.txt");
    }
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return load(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read dev/omniid/matching/address-abbreviations.txt", e);
    }
  }
}
