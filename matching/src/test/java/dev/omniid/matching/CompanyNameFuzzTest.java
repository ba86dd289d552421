package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.OmniIdException;

/**
 * Coverage-guided fuzzing of {@link CompanyNameNormalizer} and {@link CompanyNameMatcher}
 * (Jazzer): a value that re-reads as itself and that the matcher grades symmetrically against a
 * real name, or {@link OmniIdException} without the value in its message.
 *
 * <p>{@code mvn verify} replays the seeds under {@code CompanyNameFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl core,matching -am test -Dtest=CompanyNameFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class CompanyNameFuzzTest {
  private static final CompanyNameNormalizer N = CompanyNameNormalizer.standard();
  private static final String KNOWN = N.normalize("Distribuciones Hnos. García, S.L.");

  @FuzzTest(maxDuration = "20s")
  void companyName(FuzzedDataProvider data) {
    String input = data.consumeRemainingAsString();
    String once;
    try {
      once = N.normalize(input);
    } catch (OmniIdException e) {
      Leaks.assertNoEcho(input, e, "company name");
      return;
    }
    assertFalse(once.isEmpty());
    assertEquals(once, N.normalize(once), "idempotent");
    assertEquals(once, N.parse(once).normalized(), "reads as itself");
    CompanyNameMatcher m = CompanyNameMatcher.standard();
    assertEquals(ComparisonLevel.EXACT, m.compare(once, once));
    assertEquals(m.compare(once, KNOWN), m.compare(KNOWN, once), "symmetric");
  }
}
