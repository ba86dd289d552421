package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of the CLI's readers over hostile input: broken CSV and JSON Lines (stray
 * quotes, bad UTF-8, control characters, NUL, any Unicode, huge fields, mixed line endings) keep
 * {@link CsvReaderContract} and {@link JsonLinesReaderContract}; well-formed files written from
 * arbitrary values read back exactly, without problems; any mapping text gives a mapping or a
 * {@link OmniIdException}. A failure names its seed, which replays it.
 */
class ReaderPropertiesTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String[] NEWLINES = {"\n", "\r\n", "\r"};

  static LongStream seeds() {
    return LongStream.range(0, 300).map(i -> 0xC5_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void brokenCsvKeepsTheContract(long seed) {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    if (random.nextInt(4) == 0) {
      text.append('\uFEFF');
    }
    int columns = 1 + random.nextInt(5);
    for (int c = 0; c < columns; c++) {
      text.append(c == 0 ? "" : ",").append(random.nextInt(8) == 0 ? "dup" : "col" + c);
    }
    int rows = random.nextInt(12);
    for (int r = 0; r < rows; r++) {
      text.append(NEWLINES[random.nextInt(3)]);
      if (random.nextInt(6) == 0) {
        continue; // a blank line
      }
      int fields = Math.max(1, columns + random.nextInt(3) - 1);
      for (int f = 0; f < fields; f++) {
        text.append(f == 0 ? "" : ",").append(brokenField(random));
      }
    }
    if (random.nextBoolean()) {
      text.append(NEWLINES[random.nextInt(3)]);
    }
    CsvReaderContract.check(withBadBytes(random, text.toString()));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void wellFormedCsvReadsBackEveryValue(long seed) {
    Random random = new Random(seed);
    int columns = 1 + random.nextInt(5);
    List<String> header = new ArrayList<>();
    for (int c = 0; c < columns; c++) {
      header.add("c" + c);
    }
    StringBuilder text = new StringBuilder(String.join(",", header));
    List<Map<String, String>> expected = new ArrayList<>();
    int rows = random.nextInt(10);
    for (int r = 0; r < rows; r++) {
      text.append(NEWLINES[random.nextInt(3)]);
      Map<String, String> values = new LinkedHashMap<>();
      for (int c = 0; c < columns; c++) {
        String value = validText(random, random.nextInt(10) == 0 ? 3000 : random.nextInt(30));
        if (value.chars().filter(ch -> ch == '\n' || ch == '\r').count() > 20) {
          // A record may span at most CsvReader.MAX_RECORD_LINES lines.
          value = value.replace('\n', ' ').replace('\r', ' ');
        }
        text.append(c == 0 ? "" : ",").append('"').append(value.replace("\"", "\"\"")).append('"');
        // Values are trimmed, and a line break inside a quoted field reads as "\n".
        values.put(header.get(c), value.replace("\r\n", "\n").replace('\r', '\n').strip());
      }
      expected.add(values);
    }
    List<InputRecord> records = CsvReaderContract.check(text.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(expected.size(), records.size(), "seed=" + seed);
    for (int i = 0; i < records.size(); i++) {
      assertEquals(List.of(), records.get(i).problems(), "seed=" + seed + " record " + i);
      assertEquals(expected.get(i), records.get(i).values(), "seed=" + seed + " record " + i);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void arbitraryBytesKeepTheReadersContracts(long seed) {
    Random random = new Random(seed);
    byte[] bytes = new byte[random.nextInt(10) == 0 ? 70_000 : random.nextInt(300)];
    String alphabet = "a,\"\n\r {}[]:\\0\t";
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = random.nextBoolean() ? (byte) alphabet.charAt(random.nextInt(alphabet.length()))
          : (byte) random.nextInt(256);
    }
    CsvReaderContract.check(bytes);
    JsonLinesReaderContract.check(bytes);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void jsonLinesKeepTheContractAndReadBackEveryValue(long seed) throws JsonProcessingException {
    Random random = new Random(seed);
    StringBuilder text = new StringBuilder();
    List<Map<String, String>> expected = new ArrayList<>();
    int lines = random.nextInt(10);
    for (int l = 0; l < lines; l++) {
      Map<String, String> object = new LinkedHashMap<>();
      Map<String, String> trimmed = new LinkedHashMap<>();
      int keys = random.nextInt(5);
      for (int k = 0; k < keys; k++) {
        String key = random.nextBoolean() ? "k" + k : validText(random, 1 + random.nextInt(8));
        String value = validText(random, random.nextInt(10) == 0 ? 3000 : random.nextInt(30));
        if (trimmed.containsKey(key.strip()) || object.containsKey(key)) {
          continue;
        }
        object.put(key, value);
        trimmed.put(key.strip(), value.strip());
      }
      expected.add(trimmed);
      text.append(JSON.writeValueAsString(object)).append(NEWLINES[random.nextInt(3)]);
    }
    List<InputRecord> records = JsonLinesReaderContract.check(text.toString().getBytes(StandardCharsets.UTF_8));
    assertEquals(expected.size(), records.size(), "seed=" + seed);
    for (int i = 0; i < records.size(); i++) {
      assertEquals(expected.get(i), records.get(i).values(), "seed=" + seed + " line " + i);
    }
    // The same lines, broken: truncated, with bad bytes and junk between them.
    String broken = text.length() == 0 ? "" : text.substring(0, random.nextInt(text.length()));
    JsonLinesReaderContract.check(withBadBytes(random, broken + "\n{\"a\": [1, {\"b\": null}], \"c\": 1e400}\n"
        + brokenField(random) + "\n\"just a string\"\nnull\n"));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void anyMappingTextGivesAMappingOrAnOmniIdException(long seed) throws JsonProcessingException {
    Random random = new Random(seed);
    Map<String, Object> root = new LinkedHashMap<>();
    List<String> top = MappingReader.TOP_LEVEL_KEYS;
    for (int i = random.nextInt(6); i > 0; i--) {
      root.put(top.get(random.nextInt(top.size())), mappingValue(random, 0));
    }
    if (random.nextBoolean()) {
      root.put("id", random.nextBoolean() ? "ID" : mappingValue(random, 0));
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    for (int i = random.nextInt(6); i > 0; i--) {
      List<String> keys = random.nextBoolean() ? MappingReader.IDENTIFIER_KEYS : MappingReader.ATTRIBUTE_KEYS;
      String key = random.nextInt(6) == 0 ? "id:" + validText(random, random.nextInt(70))
          : keys.get(random.nextInt(keys.size()));
      fields.put(key, mappingValue(random, 0));
    }
    root.put("fields", random.nextInt(8) == 0 ? mappingValue(random, 0) : fields);
    String json = JSON.writeValueAsString(root);
    MappingReaderFuzzTest.MappingReaderContract.check(json);
    // And the same text cut short or corrupted.
    MappingReaderFuzzTest.MappingReaderContract.check(json.substring(0, random.nextInt(json.length() + 1)));
    MappingReaderFuzzTest.MappingReaderContract.check(
        new String(withBadBytes(random, json), StandardCharsets.UTF_8));
  }

  private static Object mappingValue(Random random, int depth) {
    return switch (random.nextInt(depth > 1 ? 6 : 9)) {
      case 0 -> validText(random, random.nextInt(12));
      case 1 -> "=" + validText(random, random.nextInt(5));
      case 2 -> random.nextBoolean() ? "" : " ";
      case 3 -> random.nextInt(5) - 2;
      case 4 -> random.nextBoolean();
      case 5 -> List.of(validText(random, 3), validText(random, 3));
      case 6 -> List.of();
      case 7 -> Map.of("column", mappingValue(random, depth + 1), "limit", random.nextInt(5) - 1,
          "exclusive", mappingValue(random, depth + 1));
      default -> new LinkedHashMap<>(Map.of(validText(random, 4), mappingValue(random, depth + 1)));
    };
  }

  /** A CSV field as a broken export writes it: stray, doubled or unclosed quotes, junk. */
  private static String brokenField(Random random) {
    String value = hostileText(random, random.nextInt(20) == 0 ? 5000 : random.nextInt(20));
    return switch (random.nextInt(7)) {
      case 0 -> '"' + value;                               // never closed
      case 1 -> '"' + value + "\" trailing";               // text after the quote
      case 2 -> value + '"' + value;                       // quote inside an unquoted field
      case 3 -> "\"" + value + NEWLINES[random.nextInt(3)] + value + "\""; // spans lines
      case 4 -> " \"" + value.replace("\"", "\"\"") + "\" ";
      default -> value;
    };
  }

  /** Any Unicode, controls and NUL, lone surrogates, commas, quotes and line breaks. */
  private static String hostileText(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> s.append((char) random.nextInt(0x20));
        case 1 -> s.append((char) (0xD800 + random.nextInt(0x800)));
        case 2 -> s.append((char) (0x0300 + random.nextInt(0x70)));
        case 3 -> s.append(",\"'\\{}[]:".charAt(random.nextInt(9)));
        case 4 -> s.appendCodePoint(0x10000 + random.nextInt(0x1000));
        case 5 -> s.append((char) random.nextInt(0xD800));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  /** Valid Unicode (no lone surrogate, no U+FFFD) with quotes, commas, controls, line breaks. */
  private static String validText(Random random, int length) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(8)) {
        case 0 -> s.append("\u0000\t\n\r\u000B\u001F ".charAt(random.nextInt(7)));
        case 1 -> s.append(",\"'\\".charAt(random.nextInt(4)));
        case 2 -> s.append((char) (0x0300 + random.nextInt(0x70)));
        case 3 -> s.appendCodePoint(0x1F600 + random.nextInt(0x40));
        case 4 -> s.append((char) (0x00A0 + random.nextInt(0xD000)));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  /** The UTF-8 bytes of {@code text} with a few invalid sequences spliced in. */
  private static byte[] withBadBytes(Random random, String text) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length == 0 || random.nextBoolean()) {
      return utf8;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(utf8.length + 8);
    int cut = random.nextInt(utf8.length);
    out.write(utf8, 0, cut);
    byte[][] bad = {{(byte) 0xFF}, {(byte) 0xC3}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
    byte[] b = bad[random.nextInt(bad.length)];
    out.write(b, 0, b.length);
    out.write(utf8, cut, utf8.length - cut);
    assertTrue(out.size() > utf8.length);
    return out.toByteArray();
  }
}
