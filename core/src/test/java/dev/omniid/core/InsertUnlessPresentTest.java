package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link MergeGraph#insertUnlessPresent} looks a touchpoint's id up together with its values,
 * after normalizing it: a repeated id must still be answered as if it had been looked up first,
 * before anything about the new content was read or registered.
 */
class InsertUnlessPresentTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  private static final IdentifierType LOYALTY_CARD = IdentifierType.of("loyalty_card_unseen");

  private static Touchpoint.Builder tp(String id) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0);
  }

  @Test
  void aNewTouchpointIsPlacedAsInsertPlacesIt() {
    MergeGraph graph = new MergeGraph(IdentityResolver.newBuilder());
    MergeGraph twin = new MergeGraph(IdentityResolver.newBuilder());
    Touchpoint first = tp("a").identifier(IdentifierType.EMAIL, " Ana@Example.com")
        .identifier(LOYALTY_CARD, "L-1").build();
    Touchpoint second = tp("b").identifier(IdentifierType.EMAIL, "ana@example.com").build();
    List<Problem> problems = new ArrayList<>();
    TouchpointNode a = graph.insertUnlessPresent(first, problems);
    TouchpointNode b = graph.insertUnlessPresent(second, problems);
    TouchpointNode ta = twin.insert(first, new ArrayList<>());
    TouchpointNode tb = twin.insert(second, new ArrayList<>());
    assertNotNull(a);
    assertNotNull(graph.knownType(LOYALTY_CARD),
        "an unknown type is registered once the id is new");
    assertSame(a.values[0], b.values[0], "the shared email is one value node");
    assertEquals(values(ta), values(a));
    assertEquals(values(tb), values(b));
    assertEquals(2, graph.touchpointCount());
    assertTrue(problems.isEmpty());
  }

  @Test
  void aRepeatedIdChangesNothingWhateverItsNewContentHolds() {
    MergeGraph graph = new MergeGraph(IdentityResolver.newBuilder());
    List<Problem> problems = new ArrayList<>();
    assertNotNull(graph.insertUnlessPresent(
        tp("a").identifier(IdentifierType.EMAIL, "ana@example.com").build(), problems));
    int values = graph.knownType(IdentifierType.EMAIL).values.size();

    // Same content, new content, an unknown type, a refused value, two customer ids: all repeats.
    List<Touchpoint> repeats = List.of(
        tp("a").identifier(IdentifierType.EMAIL, "ana@example.com").build(),
        tp("a").identifier(IdentifierType.EMAIL, "other@example.com").build(),
        tp("a").identifier(LOYALTY_CARD, "L-1").build(),
        tp("a").identifier(IdentifierType.PHONE, "x").build(),
        tp("a").identifier(IdentifierType.CUSTOMER_ID, "C1")
            .identifier(IdentifierType.CUSTOMER_ID, "C2").build());
    for (Touchpoint repeat : repeats) {
      assertNull(graph.insertUnlessPresent(repeat, problems), repeat::toString);
    }
    assertNull(graph.knownType(LOYALTY_CARD), "a repeat registers no type");
    assertEquals(values, graph.knownType(IdentifierType.EMAIL).values.size());
    assertEquals(1, graph.touchpointCount());
    assertTrue(problems.isEmpty(), () -> "a repeat reports no problem: " + problems);
  }

  @Test
  void aNewTouchpointsProblemsAreReported() {
    MergeGraph graph = new MergeGraph(IdentityResolver.newBuilder());
    List<Problem> problems = new ArrayList<>();
    assertNotNull(graph.insertUnlessPresent(tp("b").identifier(IdentifierType.PHONE, "x").build(),
        problems));
    assertEquals(1, problems.size(), problems::toString);
    assertEquals("identifiers[0] (phone)", problems.get(0).field());
  }

  @Test
  void aNewTouchpointRefusedWholeIsStillRefused() {
    MergeGraph graph = new MergeGraph(IdentityResolver.newBuilder());
    OmniIdException e = assertThrows(OmniIdException.class, () -> graph.insertUnlessPresent(
        tp("a").identifier(LOYALTY_CARD, "L-1").identifier(IdentifierType.CUSTOMER_ID, "C1")
            .identifier(IdentifierType.CUSTOMER_ID, "C2").build(), new ArrayList<>()));
    assertEquals(OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES, e.reason());
    assertEquals(0, graph.touchpointCount());
  }

  @Test
  void theResolverAnswersARepeatBeforeJudgingItsContent() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    Resolution first = r.resolve(tp("a").identifier(IdentifierType.CUSTOMER_ID, "C1").build());
    Resolution again = r.resolve(tp("a").identifier(IdentifierType.CUSTOMER_ID, "C1").build());
    assertEquals(Resolution.Outcome.DUPLICATE, again.outcome());
    assertEquals(first.profileId(), again.profileId());
    // Refused whole on its own, but its id is taken: the answer is the repeat's.
    OmniIdException e = assertThrows(OmniIdException.class, () -> r.resolve(tp("a")
        .identifier(IdentifierType.CUSTOMER_ID, "C1").identifier(IdentifierType.CUSTOMER_ID, "C2")
        .build()));
    assertEquals(OmniIdException.Reason.DUPLICATE_TOUCHPOINT, e.reason());
    assertEquals(1, r.touchpointCount());
  }

  private static List<String> values(TouchpointNode node) {
    List<String> out = new ArrayList<>();
    for (ValueNode v : node.values) {
      out.add(v.value);
    }
    return out;
  }
}
