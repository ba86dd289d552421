package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.omniid.core.OmniIdException;

/**
 * Coverage-guided fuzzing of {@link EmailNormalizer} (Jazzer). The contract: a value normalizes to
 * a non-empty, idempotent address or is refused with {@link OmniIdException} whose message does not
 * echo the value; nothing else escapes.
 *
 * <p>{@code mvn verify} replays the seeds under {@code EmailFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl core,matching -am test -Dtest=EmailFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class EmailFuzzTest {
  private static final EmailNormalizer EMAILS = EmailNormalizer.standard();

  @FuzzTest(maxDuration = "20s")
  void email(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    String once;
    try {
      once = EMAILS.normalize(input);
    } catch (OmniIdException e) {
      Leaks.assertNoEcho(input, e, "email");
      return;
    }
    assertFalse(once.isEmpty());
    assertEquals(once, EMAILS.normalize(once), "idempotent");
  }
}
