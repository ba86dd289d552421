package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Errors a caller can act on without reading a message: every bad value is an
 * {@link OmniIdException} naming its reason and field, and every problem about one identifier
 * names its position.
 */
class StructuredErrorsTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  static Stream<Arguments> badValues() {
    MatchField.Builder field = MatchField.newBuilder("x", FieldSource.attribute(AttributeKey.CITY));
    MatchModel model = MatchModel.newBuilder().field(field.build()).build();
    return Stream.of(
        bad("empty identifier value", Reason.INVALID_VALUE, "value",
            () -> new Identifier(IdentifierType.EMAIL, "", " ")),
        bad("maxBlockSize", Reason.INVALID_VALUE, "maxBlockSize",
            () -> IdentityResolver.newBuilder().maxBlockSize(1)),
        bad("a blocking key's maxBlockSize", Reason.INVALID_VALUE, "maxBlockSize",
            () -> IdentityResolver.newBuilder().blockingKey(t -> List.of(), 1)),
        bad("more than 255 blocking keys", Reason.INVALID_VALUE, "blockingKey", () -> {
          ResolverBuilder b = IdentityResolver.newBuilder();
          for (int k = 0; k <= 255; k++) {
            b.blockingKey(t -> List.of());
          }
        }),
        bad("journalCompactionThreshold", Reason.INVALID_VALUE, "journalCompactionThreshold",
            () -> IdentityResolver.newBuilder().journalCompactionThreshold(0)),
        bad("derivedIdentifier", Reason.INVALID_VALUE, "derivedIdentifier",
            () -> IdentityResolver.newBuilder().derivedIdentifier(IdentifierType.EMAIL,
                IdentifierType.EMAIL, v -> v)),
        bad("policy limit", Reason.INVALID_VALUE, "limit",
            () -> new IdentifierPolicy(false, -1, true, 1)),
        bad("policy strength", Reason.INVALID_VALUE, "strength",
            () -> new IdentifierPolicy(false, 1, true, 1001)),
        bad("group commit delay", Reason.INVALID_VALUE, "maxDelay",
            () -> Durability.groupCommit(Duration.ZERO, 1)),
        bad("group commit records", Reason.INVALID_VALUE, "maxRecords",
            () -> Durability.groupCommit(Duration.ofMillis(1), 0)),
        bad("durability NONE", Reason.INVALID_VALUE, "maxDelay, maxRecords",
            () -> new Durability(Durability.Mode.NONE, Duration.ofMillis(1), 0)),
        bad("prior 0", Reason.INVALID_VALUE, "priorMatchProbability",
            () -> MatchModel.newBuilder().priorMatchProbability(0)),
        bad("prior 1", Reason.INVALID_VALUE, "priorMatchProbability",
            () -> MatchModel.newBuilder().priorMatchProbability(1)),
        bad("threshold NaN", Reason.INVALID_VALUE, "thresholdWeight",
            () -> MatchModel.newBuilder().thresholdWeight(Double.NaN)),
        bad("threshold probability", Reason.INVALID_VALUE, "matchThreshold",
            () -> MatchModel.newBuilder().matchThreshold(1)),
        bad("blank field name", Reason.INVALID_VALUE, "name",
            () -> MatchField.newBuilder(" ", FieldSource.attribute(AttributeKey.CITY))),
        bad("m", Reason.INVALID_VALUE, "m of EXACT",
            () -> field.probabilities(ComparisonLevel.EXACT, 0, 0.5)),
        bad("u", Reason.INVALID_VALUE, "u of STRONG",
            () -> field.probabilities(ComparisonLevel.STRONG, 0.5, 1.5)),
        bad("MISSING level", Reason.INVALID_VALUE, "level",
            () -> field.probabilities(ComparisonLevel.MISSING, 0.5, 0.5)),
        bad("term frequency", Reason.INVALID_VALUE, "frequencies",
            () -> field.termFrequencies(Map.of("madrid", 2.0), 0.01)),
        bad("term frequency floor", Reason.INVALID_VALUE, "floor",
            () -> field.termFrequencies(Map.of("madrid", 0.2), 0)),
        bad("no attribute keys", Reason.MISSING_FIELD, "keys", () -> FieldSource.attributes()),
        bad("channel", Reason.INVALID_VALUE, "channel", () -> Channel.of("Tik Tok")),
        bad("identifier type", Reason.INVALID_VALUE, "identifier type",
            () -> IdentifierType.of("")),
        bad("profile id", Reason.INVALID_VALUE, "profileId", () -> ProfileId.parse("Q-1")),
        bad("profile id 0", Reason.INVALID_VALUE, "profileId", () -> new ProfileId(0)),
        bad("estimator block size", Reason.INVALID_VALUE, "maxBlockSize",
            () -> ModelEstimator.estimate(model, List.of(), List.of(), 1, 10)),
        bad("estimator iterations", Reason.INVALID_VALUE, "maxIterations",
            () -> ModelEstimator.estimate(model, List.of(), List.of(), 10, 0)));
  }

  private static Arguments bad(String name, Reason reason, String field, Executable call) {
    return Arguments.of(name, reason, field, call);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badValues")
  void aBadValueIsAnOmniIdExceptionNamingItsSetting(String name, Reason reason, String field,
      Executable call) {
    OmniIdException e = assertThrows(OmniIdException.class, call, name);
    assertEquals(reason, e.reason(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertEquals(OptionalInt.empty(), e.identifierIndex(), e.getMessage());
    assertEquals(field + ": " + e.detail() + " [" + reason + "]", e.getMessage());
  }

  @Test
  void conflictsBetweenSettingsStayIllegalStateAndNullsStayNullPointer() {
    MatchField field = MatchField.newBuilder("x", FieldSource.attribute(AttributeKey.CITY)).build();
    assertThrows(IllegalStateException.class, () -> MatchModel.newBuilder().build());
    assertThrows(IllegalStateException.class,
        () -> MatchModel.newBuilder().field(field).field(field));
    assertThrows(IllegalStateException.class,
        () -> IdentityResolver.newBuilder().journalCompactionThreshold(10).build());
    assertThrows(IllegalStateException.class, () -> IdentityResolver.newBuilder()
        .matchModel(MatchModel.newBuilder().field(field).build()).build());
    assertThrows(NullPointerException.class, () -> new Identifier(null, "x", "x"));
    assertThrows(NullPointerException.class,
        () -> MatchField.newBuilder(null, FieldSource.attribute(AttributeKey.CITY)));
    assertThrows(NullPointerException.class, () -> IdentityResolver.newBuilder()
        .derivedIdentifier(IdentifierType.EMAIL, null, v -> v));
  }

  @Test
  void touchpointValidationNamesTheIdentifiersPosition() {
    OmniIdException nullOne = assertThrows(OmniIdException.class,
        () -> new Touchpoint("t1", Channel.WEB, T0, EventKind.VISIT,
            Arrays.asList(Identifier.of(IdentifierType.EMAIL, "a@b.es"), null), Map.of(), Map.of()));
    assertEquals(Reason.MISSING_FIELD, nullOne.reason());
    assertEquals(OptionalInt.of(1), nullOne.identifierIndex());
    OmniIdException blank = assertThrows(OmniIdException.class,
        () -> builder("t1").identifier(IdentifierType.EMAIL, "a@b.es")
            .identifier(IdentifierType.PHONE, "a@b.es").identifier(IdentifierType.PHONE, "  "));
    assertEquals(Reason.INVALID_VALUE, blank.reason());
    assertEquals(OptionalInt.of(2), blank.identifierIndex());
    OmniIdException tooLong = assertThrows(OmniIdException.class,
        () -> builder("t1").identifier(IdentifierType.EMAIL, "x".repeat(Touchpoint.MAX_VALUE_LENGTH + 1)));
    assertEquals(Reason.TOO_LARGE, tooLong.reason());
    assertEquals(OptionalInt.of(0), tooLong.identifierIndex());
    OmniIdException tooMany = assertThrows(OmniIdException.class, () -> {
      Touchpoint.Builder b = builder("t1");
      for (int i = 0; i <= Touchpoint.MAX_IDENTIFIERS; i++) {
        b.identifier(IdentifierType.DEVICE_ID, "d" + i);
      }
    });
    assertEquals(OptionalInt.empty(), tooMany.identifierIndex(), "about the list, not one of it");
  }

  /**
   * Each problem the resolver reports about an identifier names its position in the touchpoint's
   * list; a derived identifier's problems name the identifier it was derived from.
   */
  @Test
  void problemsNameTheIdentifiersIndex() {
    IdentifierType member = IdentifierType.of("member");
    IdentifierType emailHash = IdentifierType.of("email_hash");
    IdentifierType phoneHash = IdentifierType.of("phone_hash");
    IdentityResolver r = IdentityResolver.newBuilder()
        .normalizer(IdentifierType.DEVICE_ID, v -> {
          throw new IllegalStateException();
        })
        .junkValues(member, v -> {
          throw new IllegalStateException();
        })
        .derivedIdentifier(IdentifierType.EMAIL, emailHash, v -> {
          throw new IllegalArgumentException();
        })
        .derivedIdentifier(IdentifierType.PHONE, phoneHash, v -> "h" + v)
        .junkValues(phoneHash, v -> {
          throw new UnsupportedOperationException();
        })
        .build();
    Touchpoint t = builder("t1")
        .identifier(IdentifierType.EMAIL, "ana.lopez@@gmail.com")
        .identifier(IdentifierType.DEVICE_ID, "dev-1")
        .identifier(member, "M-1")
        .identifier(IdentifierType.EMAIL, "ana.lopez@gmail.com")
        .identifier(IdentifierType.PHONE, "+34612345678")
        .build();
    Map<String, Integer> indexByField = new LinkedHashMap<>();
    for (Problem p : r.resolve(t).problems()) {
      indexByField.put(p.field() + ": " + (p.field().startsWith("identifiers[0]") ? "" : p.detail()),
          p.identifierIndex().orElse(-1));
    }
    Map<String, Integer> expected = new LinkedHashMap<>();
    expected.put("identifiers[0] (email): ", 0);
    expected.put("identifiers[1] (device_id): normalizer failed with IllegalStateException", 1);
    expected.put("derived email_hash of email: derivation failed with IllegalArgumentException", 3);
    expected.put("identifiers (member): junk check failed with IllegalStateException", 2);
    expected.put("identifiers (phone_hash): junk check failed with UnsupportedOperationException",
        4);
    assertEquals(expected, indexByField);
  }

  @Test
  void aRefusedTouchpointsProblemKeepsTheIndexOfItsException() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    Touchpoint twoIds = builder("t1").identifier(IdentifierType.CUSTOMER_ID, "C-1")
        .identifier(IdentifierType.EMAIL, "ana@gmail.com")
        .identifier(IdentifierType.CUSTOMER_ID, "C-2").build();
    OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(twoIds));
    assertEquals(OptionalInt.of(2), e.identifierIndex());
    List<Problem> problems = r.resolveAll(List.of(twoIds)).problems();
    assertEquals(List.of(new Problem("t1", "identifiers[2] (customer_id)",
        Reason.CONFLICTING_EXCLUSIVE_VALUES, e.detail(), OptionalInt.of(2))), problems);
    assertEquals(problems.get(0), Problem.of("t1", e));
  }

  @Test
  void aProblemAboutNoIdentifierHasNoIndex() {
    Problem p = new Problem("t1", "touchpoints[3]", Reason.MISSING_FIELD, "is null");
    assertEquals(OptionalInt.empty(), p.identifierIndex());
    OmniIdException negative = assertThrows(OmniIdException.class, () -> new Problem("t1",
        "identifiers[0] (email)", Reason.INVALID_VALUE, "x", OptionalInt.of(-1)));
    assertEquals("identifierIndex", negative.field());
    assertThrows(IllegalArgumentException.class,
        () -> new OmniIdException(Reason.INVALID_VALUE, "x", "y", -2));
  }

  private static Touchpoint.Builder builder(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }
}
