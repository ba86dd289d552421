package dev.omniid.connect;

import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing of the CLI's {@link CsvReader} (Jazzer) over arbitrary bytes, against
 * {@link CsvReaderContract}: records or reported problems, never an undocumented exception, never a
 * line dropped silently, never a value in a message.
 *
 * <p>{@code mvn verify} replays the seeds under {@code CsvReaderFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl connect -am test -Dtest=CsvReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CsvReaderFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void csv(byte[] input) {
    CsvReaderContract.check(input);
  }
}
