package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NameNormalizerTest {
  private final NameNormalizer normalizer = NameNormalizer.standard();

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "José | jose",
        "JOSE | jose",
        "Núñez | nunez",
        "Müller | mueller",
        "Mueller | mueller",
        "MÜLLER | mueller",
        "Argüelles | arguelles",
        "Güiraldes | guiraldes",
        "Strauß | strauss",
        "Søren Møller | soren moller",
        "Ærin | aerin",
        "Łukasz | lukasz",
        "Björn | bjoern",
        "Zoë | zoe",
        "Manuel | manuel",
        "Joel | joel",
        "Michael | michael",
        "García-López | garcia lopez",
        "García  -  López | garcia lopez",
        "O'Brien | obrien",
        "D’Angelo | dangelo",
        "J. García | j garcia",
        "Sr. José García | jose garcia",
        "Sra. María López | maria lopez",
        "Dr. Smith | smith",
        "Mrs. Jane Smith | jane smith",
        "Ms Jane | jane",
        "Don José García | jose garcia",
        "Doña María López | maria lopez",
        "Don Johnson | don johnson",
        "Dr | dr",
        "María del Carmen García y López | maria carmen garcia lopez",
        "de la Fuente | fuente",
        "Van der Berg | berg",
        "De la | de la",
        "Mª José | ma jose",
        "  José \t María  | jose maria",
        "Ｊｏｓé | jose",
        "Анна Иванова | анна иванова",
        "Nguyen Van Do | nguyen do",
        "Le Thi | le thi",
        "de Dr. García | garcia",
        "Juan García Jr. | juan garcia",
        "Juan García Sr | juan garcia",
        "Juan García, Jr | juan garcia",
        "Juan García hijo | juan garcia",
        "Juan García padre | juan garcia",
        "Juan García (h) | juan garcia",
        "Juan García (h.) | juan garcia",
        "John Smith II | john smith",
        "John Smith III | john smith",
        "John Smith IV | john smith",
        "John Smith Junior | john smith",
        "Ana I. Smith | ana i smith",
        "Ana Smith I | ana smith i",
        "Juan H. García | juan h garcia",
        "Jr | jr",
        "Junior Silva | junior silva",
        "Sr. Jr. | jr",
      })
  void normalizes(String raw, String expected) {
    assertEquals(expected, normalizer.normalize(raw));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "Juan García Jr. | JR",
        "Juan García Junior | JR",
        "Juan García hijo | JR",
        "Juan García (h) | JR",
        "Juan García Sr. | SR",
        "Juan García Senior | SR",
        "Juan García padre | SR",
        "John Smith II | II",
        "John Smith iii | III",
        "John Smith IV | IV",
        "García Jr | JR",
        "Sr. Juan García | ''",
        "Juan García | ''",
        "Ana Smith I | ''",
        "Junior Silva | ''",
        "Juan García Jr Sr | ''",
      })
  void readsGenerationalSuffixes(String raw, String expected) {
    assertEquals(expected.isEmpty() ? null : expected, NameNormalizer.generationalSuffix(raw));
  }

  @Test
  void suffixOfNothingOrOfAValueTooLongIsUnknown() {
    assertEquals(null, NameNormalizer.generationalSuffix(null));
    assertEquals(null, NameNormalizer.generationalSuffix("Juan Jr " + "a".repeat(NameNormalizer.MAX_LENGTH)));
  }

  @Test
  void decomposedAndComposedAccentsAgree() {
    assertEquals(normalizer.normalize("Jose\u0301 Nu\u0303n\u0303ez"), normalizer.normalize("José Núñez"));
    assertEquals(normalizer.normalize("Mu\u0308ller"), normalizer.normalize("Müller"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "123", "...", "--", "\u0301", "1985-03-07", "@#$%"})
  void refusesValuesWithoutLetters(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(raw));
    assertEquals(Reason.INVALID_VALUE, e.reason());
    assertEquals("name", e.field());
  }

  @Test
  void refusesHugeValuesWithoutEchoingThem() {
    String huge = "Secretname".repeat(100);
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(huge));
    assertEquals(Reason.TOO_LARGE, e.reason());
    assertFalse(e.getMessage().toLowerCase().contains("secretname"));
  }

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.range(0, 100).map(i -> 0x4EAD_0000L + i);
  }

  private static final String[] TOKENS = {"José", "Luc", "y", "de", "la", "Jr.", "Sr", "III",
      "(h)", "Dr.", "don", "Ana", "María", "van", "der", "hijo", "Ñúñez", "O'Brien", "2", "-", " "};

  /**
   * A raw name's normalized form, given-name form and suffix share one cache entry, each part
   * filled when first asked for: asked in any order, any number of times, each is what computing
   * it afresh gives (a part read into another's slot, or a refusal kept, would fail here).
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void partsReadInAnyOrderAreThePartsComputed(long seed) {
    java.util.Random random = new java.util.Random(seed);
    java.util.List<String> names = new java.util.ArrayList<>();
    for (int n = 0; n < 8; n++) {
      StringBuilder b = new StringBuilder();
      int tokens = 1 + random.nextInt(4);
      for (int t = 0; t < tokens; t++) {
        b.append(t == 0 ? "" : " ").append(TOKENS[random.nextInt(TOKENS.length)]);
      }
      // A seed's own names, so that every seed starts from parts not read yet.
      names.add(b + (random.nextBoolean() ? "" : " " + Long.toString(seed, 36)));
    }
    for (int ask = 0; ask < 60; ask++) {
      String name = names.get(random.nextInt(names.size()));
      String context = "seed=" + seed + " name=" + name;
      switch (random.nextInt(3)) {
        case 0 -> assertEquals(outcome(() -> NameNormalizer.compute(name, false)),
            outcome(() -> normalizer.normalize(name)), context);
        case 1 -> assertEquals(outcome(() -> NameNormalizer.compute(name, true)),
            outcome(() -> normalizer.normalizeGivenName(name)), context);
        default -> assertEquals(NameNormalizer.readSuffix(name),
            NameNormalizer.generationalSuffix(name), context);
      }
    }
  }

  private static String outcome(java.util.function.Supplier<String> read) {
    try {
      return read.get();
    } catch (OmniIdException e) {
      return "refused: " + e.reason() + " " + e.detail();
    }
  }
}
