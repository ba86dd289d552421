package dev.omniid.connect;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the CLI's {@link JsonLinesReader} (Jazzer) over arbitrary bytes,
 * against {@link JsonLinesReaderContract}.
 *
 * <p>{@code mvn verify} replays the seeds under {@code JsonLinesReaderFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl connect -am test -Dtest=JsonLinesReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class JsonLinesReaderFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void jsonLines(byte[] input) {
    JsonLinesReaderContract.check(input);
  }
}
