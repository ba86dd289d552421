package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Exact ids compare as people mean them: case and separators do not make another id. */
class CompactIdTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "123-45-6789     | 123456789",
      "123456789       | 123456789",
      "ab 12.34/5      | AB12345",
      "x1234567l       | X1234567L",
      "12 345 678–Z    | 12345678Z",
      "A\u00a0B\u2212C\\D | ABCD",
      "CUST-000123     | CUST000123",
  })
  void separatorsAndCaseAreDropped(String raw, String expected) {
    assertEquals(expected, Normalizer.compactId().normalize(raw));
    assertEquals(expected, Normalizer.compactId().normalize(expected), "idempotent");
  }

  @ParameterizedTest
  @ValueSource(strings = {"-", " . / ", "--"})
  void nothingButSeparatorsIsRefusedWithoutTheValue(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> Normalizer.compactId().normalize(raw));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
  }

  @Test
  void exactIdTypesAndNamedTypesUseItByDefault() {
    for (IdentifierType type : List.of(IdentifierType.CUSTOMER_ID, IdentifierType.NATIONAL_ID,
        IdentifierType.PASSPORT, IdentifierType.LOYALTY_ID, IdentifierType.of("membership"))) {
      assertSame(Normalizer.compactId(), Normalizer.defaultFor(type), type.name());
    }
    assertSame(Normalizer.lowerCase(), Normalizer.defaultFor(IdentifierType.DEVICE_ID));
  }

  @Test
  void oneNationalIdWrittenTwoWaysIsNoExclusiveConflict() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(touchpoint("t1", "123-45-6789").identifier(IdentifierType.EMAIL, "ana@home.es").build());
    Resolution second = r.resolve(touchpoint("t2", "123456789").build());
    assertEquals(Resolution.Outcome.ATTACHED, second.outcome());
    assertEquals(1, r.profileCount());
    assertFalse(second.evidence().stream().anyMatch(e -> e.kind() == Evidence.Kind.EXCLUSIVE_CONFLICT));
    // Both written on one record is one value, not two: the record is not refused.
    Resolution both = r.resolve(touchpoint("t3", "123 45 6789")
        .identifier(IdentifierType.NATIONAL_ID, "123.45.6789").build());
    assertEquals(Resolution.Outcome.ATTACHED, both.outcome());
  }

  @Test
  void withNormalizationTurnedOffTheyStayTwoValues() {
    IdentityResolver r = IdentityResolver.newBuilder()
        .normalizer(IdentifierType.NATIONAL_ID, Normalizer.identity()).build();
    r.resolve(touchpoint("t1", "123-45-6789").identifier(IdentifierType.EMAIL, "ana@home.es").build());
    Resolution second = r.resolve(touchpoint("t2", "123456789")
        .identifier(IdentifierType.EMAIL, "ana@home.es").build());
    assertEquals(Resolution.Outcome.CREATED, second.outcome());
    assertEquals(Evidence.Kind.EXCLUSIVE_CONFLICT, second.evidence().get(0).kind());
  }

  private static Touchpoint.Builder touchpoint(String id, String nationalId) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0)
        .identifier(IdentifierType.NATIONAL_ID, nationalId);
  }
}
