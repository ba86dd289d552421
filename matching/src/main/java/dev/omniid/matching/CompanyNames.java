package dev.omniid.matching;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BlockingKey;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The building blocks for matching organisations by name: the attribute a company name is read
 * from, and the blocking keys that bring two spellings of one company together. With
 * {@link CompanyNameNormalizer} and {@link CompanyNameMatcher} they make a
 * {@link dev.omniid.core.MatchField} of a company name:
 *
 * <pre>{@code
 * MatchField name = MatchField.newBuilder("org_name", FieldSource.attribute(CompanyNames.ORG_NAME))
 *     .normalizer(CompanyNameNormalizer.standard())
 *     .matcher(CompanyNameMatcher.standard())
 *     .build();
 * }</pre>
 *
 * <p>The person defaults of {@link OmniId} do not read this attribute. Stateless and thread-safe.
 */
public final class CompanyNames {

  /**
   * The attribute holding an organisation's name as the source wrote it, legal form included,
   * {@code "org_name"}: "Distribuciones Hnos. García, S.L.".
   */
  public static final AttributeKey ORG_NAME = AttributeKey.of("org_name");

  private static final List<BlockingKey> BLOCKING_KEYS = List.of(
      CompanyNames::phoneticKeys,
      CompanyNames::coreKey);

  private CompanyNames() {}

  /**
   * The blocking keys for organisations, reading {@link #ORG_NAME}:
   *
   * <ol>
   *   <li>the {@link PhoneticKey} of the first distinctive core token as written and of the
   *       longest one (not a generic business word such as "distribuciones" or "grupo"; the
   *       first token when all are generic; a token with digits as it is), so "Distrib. García
   *       Hnos." meets "García e Hijos" and "Garsía Hnos." for the matcher to grade;
   *   <li>the whole core, sorted, without the legal form: "Hnos. García S.L." meets "García
   *       Hermanos S.A." however long and common its tokens.
   * </ol>
   *
   * A touchpoint without the attribute, or with a value the normalizer refuses, gets no key.
   *
   * @return an immutable list of two thread-safe keys, in the order above
   */
  public static List<BlockingKey> blockingKeys() {
    return BLOCKING_KEYS;
  }

  private static Optional<CompanyName> read(Touchpoint t) {
    String raw = t.attributes().get(ORG_NAME);
    if (raw == null || raw.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(CompanyNameNormalizer.standard().parse(raw.strip()));
    } catch (OmniIdException e) {
      return Optional.empty(); // a refused name gives no key
    }
  }

  private static List<String> phoneticKeys(Touchpoint t) {
    Optional<CompanyName> name = read(t);
    if (name.isEmpty()) {
      return List.of();
    }
    List<String> core = name.get().core();
    String first = null;
    String longest = null;
    for (String token : core) {
      if (!CompanyNameNormalizer.isGeneric(token)) {
        if (first == null) {
          first = token;
        }
        if (longest == null || token.length() > longest.length()
            || (token.length() == longest.length() && token.compareTo(longest) < 0)) {
          longest = token;
        }
      }
    }
    if (first == null) {
      first = core.get(0);
      longest = first;
    }
    List<String> keys = new ArrayList<>(2);
    keys.add(phonetic(first));
    String other = phonetic(longest);
    if (!other.equals(keys.get(0))) {
      keys.add(other);
    }
    return keys;
  }

  private static String phonetic(String token) {
    for (int i = 0; i < token.length(); i++) {
      if (Character.isDigit(token.charAt(i))) {
        return token;
      }
    }
    String key = PhoneticKey.of(token);
    return key.isEmpty() ? token : key;
  }

  private static List<String> coreKey(Touchpoint t) {
    return read(t).map(name -> {
      List<String> sorted = new ArrayList<>(name.core());
      sorted.sort(null);
      return List.of(String.join(" ", sorted));
    }).orElse(List.of());
  }
}
