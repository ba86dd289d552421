package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BatchResult;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: a value the normalizers refuse is reported in {@link Resolution#problems()} through
 * the API, as the CLI reports it: an invalid birth date ({@code 31/02/1990}), an impossible phone,
 * a malformed email, a postal code of no shape the region knows. The problem names the field and
 * the reason, never the value.
 */
class RefusedValuesReportedTest {
  private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  @Test
  void anInvalidBirthDateIsAProblemOfTheResolution() {
    try (IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build()) {
      Resolution res = r.resolve(tp("crm-1").attribute(AttributeKey.GIVEN_NAME, "Ana")
          .attribute(AttributeKey.BIRTH_DATE, "31/02/1990").build());
      assertEquals(1, res.problems().size(), res.problems().toString());
      Problem p = res.problems().get(0);
      assertEquals("crm-1", p.touchpointId());
      assertEquals("attributes[birth_date]", p.field());
      assertEquals(OmniIdException.Reason.INVALID_VALUE, p.reason());
      assertEquals(OptionalInt.empty(), p.identifierIndex());
      assertNoValue(p, "31/02/1990", "31", "1990");
    }
  }

  @Test
  void refusedIdentifiersAndAttributesAreReportedOnceEach() {
    try (IdentityResolver r = OmniId.resolverBuilder().defaultRegion("ES").build()) {
      Touchpoint t = tp("web-1")
          .identifier(IdentifierType.EMAIL, "ana.perez@")
          .identifier(IdentifierType.PHONE, "+34 1")
          .identifier(IdentifierType.EMAIL, "ana@example.com")
          .attribute(AttributeKey.BIRTH_DATE, "1990-13-45")
          .attribute(AttributeKey.POSTAL_CODE, "28-A")
          .build();
      Resolution res = r.resolve(t);
      List<String> fields = res.problems().stream().map(Problem::field).toList();
      assertEquals(List.of("identifiers[0] (email)", "identifiers[1] (phone)",
          "attributes[birth_date]", "attributes[postal_code]"), fields, res.problems().toString());
      assertEquals(OptionalInt.of(0), res.problems().get(0).identifierIndex());
      assertEquals(OptionalInt.of(1), res.problems().get(1).identifierIndex());
      for (Problem p : res.problems()) {
        assertNoValue(p, "ana.perez", "+34 1", "1990-13-45", "28-A");
      }
    }
  }

  @Test
  void aBatchReportsTheSameProblemsAsOneByOne() {
    try (IdentityResolver r = OmniId.resolverBuilder().build()) {
      BatchResult batch = r.resolveAll(List.of(
          tp("a").attribute(AttributeKey.BIRTH_DATE, "31/02/1990").build(),
          tp("b").attribute(AttributeKey.BIRTH_DATE, "07/03/1985").build()));
      assertEquals(1, batch.problems().size(), batch.problems().toString());
      assertEquals("a", batch.problems().get(0).touchpointId());
      assertEquals("attributes[birth_date]", batch.problems().get(0).field());
    }
  }

  @Test
  void aValidBirthDateAndADuplicateReportNothing() {
    try (IdentityResolver r = OmniId.resolverBuilder().build()) {
      Touchpoint bad = tp("a").attribute(AttributeKey.BIRTH_DATE, "31/02/1990").build();
      assertEquals(1, r.resolve(bad).problems().size());
      assertEquals(Resolution.Outcome.DUPLICATE, r.resolve(bad).outcome());
      assertTrue(r.resolve(bad).problems().isEmpty(), "a duplicate changes nothing");
      assertTrue(r.resolve(tp("b").attribute(AttributeKey.BIRTH_DATE, "07/03/1985").build())
          .problems().isEmpty());
    }
  }

  private static void assertNoValue(Problem p, String... values) {
    String shown = p.toString() + " " + p.detail() + " " + p.field();
    for (String v : values) {
      assertFalse(shown.contains(v), shown + " shows " + v);
    }
  }
}
