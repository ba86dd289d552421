package dev.omniid.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Any string, written by {@link Json}, reads back the same (lone surrogates aside, which become
 * U+FFFD) and puts no character on the page that HTML could take for markup.
 */
class JsonPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String NASTY = "<>&'\"\\/\u2028\u2029\u0000\n\r\t!-[]{}:,";

  static List<Long> seeds() {
    List<Long> seeds = new ArrayList<>();
    long base = Long.getLong("seed", 0x5EED16L);
    for (int i = 0; i < 300; i++) {
      seeds.add(base + i);
    }
    return seeds;
  }

  static String randomString(Random random) {
    StringBuilder s = new StringBuilder();
    int length = random.nextInt(40);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0 -> s.append(NASTY.charAt(random.nextInt(NASTY.length())));
        case 1 -> s.append("</script>".substring(0, 1 + random.nextInt(9)));
        case 2 -> s.appendCodePoint(0x1F600 + random.nextInt(50));
        case 3 -> s.append((char) random.nextInt(0x3000));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void stringsRoundTripAndNoMarkupCharacterIsWritten(long seed) throws Exception {
    Random random = new Random(seed);
    List<String> values = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    Json json = new Json(out).beginObject();
    int n = 1 + random.nextInt(6);
    for (int i = 0; i < n; i++) {
      String name = "k" + i + randomString(random);
      String value = randomString(random);
      values.add(value);
      json.name(name).beginArray().value(value).value(random.nextDouble() * 100 - 50)
          .value(random.nextLong()).value(random.nextBoolean()).endArray();
    }
    json.endObject();
    String text = out.toString();
    String where = "seed " + seed + ": " + text;
    for (char c : "<>&'\u2028\u2029".toCharArray()) {
      assertFalse(text.indexOf(c) >= 0, where);
    }
    JsonNode read = JSON.readTree(text);
    assertEquals(n, read.size(), where);
    int i = 0;
    for (var field : read.properties()) {
      assertEquals(values.get(i++), field.getValue().get(0).asText(), where);
    }
  }
}
