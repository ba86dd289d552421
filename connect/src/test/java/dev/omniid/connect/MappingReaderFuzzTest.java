package dev.omniid.connect;

import dev.omniid.core.OmniIdException;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;

/**
 * Coverage-guided fuzzing of the CLI's {@link MappingReader} (Jazzer): any text gives a
 * {@link ParsedMapping} or an {@link OmniIdException} whose message starts with {@code mapping NAME:};
 * nothing else escapes (a mapping names columns, not customers, so messages may quote its keys).
 *
 * <p>{@code mvn verify} replays the seeds under {@code MappingReaderFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl connect -am test -Dtest=MappingReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MappingReaderFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void mapping(byte[] input) {
    MappingReaderContract.check(new String(input, StandardCharsets.UTF_8));
  }

  /** The mapping reader's contract, shared with {@link ReaderPropertiesTest}. */
  static final class MappingReaderContract {
    private MappingReaderContract() {}

    static void check(String json) {
      try {
        ParsedMapping mapping = MappingReader.parse(json, ReaderFixtures.NAME);
        assertTrue(mapping != null, "a mapping or an exception");
      } catch (OmniIdException e) {
        assertTrue(e.getMessage().startsWith("mapping " + ReaderFixtures.NAME + ": "), e.getMessage());
      }
    }
  }
}
