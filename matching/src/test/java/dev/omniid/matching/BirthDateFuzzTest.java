package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.omniid.core.OmniIdException;
import java.time.LocalDate;

/**
 * Coverage-guided fuzzing of {@link BirthDateNormalizer} (Jazzer), day first and month first: an
 * ISO date from 1900 to today that re-reads as itself in both orders, or {@link OmniIdException}
 * without the value in its message.
 *
 * <p>{@code mvn verify} replays the seeds under {@code BirthDateFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl core,matching -am test -Dtest=BirthDateFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class BirthDateFuzzTest {
  private static final BirthDateNormalizer DAY_FIRST =
      BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).build();
  private static final BirthDateNormalizer MONTH_FIRST =
      BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).monthFirst().build();

  @FuzzTest(maxDuration = "20s")
  void birthDate(FuzzedDataProvider data) {
    BirthDateNormalizer dates = data.consumeBoolean() ? DAY_FIRST : MONTH_FIRST;
    String input = data.consumeRemainingAsString();
    String once;
    try {
      once = dates.normalize(input);
    } catch (OmniIdException e) {
      Leaks.assertNoEcho(input, e, "birth date " + dates);
      return;
    }
    assertFalse(once.isEmpty());
    LocalDate date = LocalDate.parse(once);
    assertTrue(date.getYear() >= 1900 && !date.isAfter(LocalDate.now(BirthDateNormalizerTest.CLOCK)),
        "plausible");
    assertEquals(once, DAY_FIRST.normalize(once), "idempotent, day first");
    assertEquals(once, MONTH_FIRST.normalize(once), "idempotent, month first");
  }
}
