package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.omniid.core.OmniIdException;
import java.util.List;

/**
 * Coverage-guided fuzzing of {@link PhoneNormalizer} (Jazzer) in a few default regions, uncached so
 * that every input reaches libphonenumber. The contract: E.164, local-only or unverified form,
 * idempotent and read back as itself in every region, or
 * {@link OmniIdException} without the value in its message.
 *
 * <p>{@code mvn verify} replays the seeds under {@code PhoneFuzzTestInputs/}; to fuzz:
 * {@code JAZZER_FUZZ=1 mvn -B -pl core,matching -am test -Dtest=PhoneFuzzTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PhoneFuzzTest {
  private static final List<PhoneNormalizer> PHONES = List.of(
      PhoneNormalizer.forRegion("ES", 0), PhoneNormalizer.forRegion("US", 0),
      PhoneNormalizer.forRegion("MX", 0), PhoneNormalizer.forRegion("AR", 0),
      PhoneNormalizer.forRegion("GB", 0));

  @FuzzTest(maxDuration = "20s")
  void phone(FuzzedDataProvider data) {
    PhoneNormalizer phones = PHONES.get(data.consumeInt(0, PHONES.size() - 1));
    String input = data.consumeRemainingAsString();
    String once;
    try {
      once = phones.normalize(input);
    } catch (OmniIdException e) {
      Leaks.assertNoEcho(input, e, "phone " + phones);
      return;
    }
    assertFalse(once.isEmpty());
    assertEquals(once, phones.normalize(once), "idempotent in " + phones);
    // The compared form does not depend on the region it is re-read in.
    for (PhoneNormalizer other : PHONES) {
      assertEquals(once, other.normalize(once), "region-free re-read in " + other);
    }
  }
}
