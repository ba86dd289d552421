package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@link MatchModel#readAhead} asks each {@link PreparedMatcher} to read ahead every candidate's
 * prepared values of its field, once each, and stays a non-negative count whatever the matcher
 * returns (a name's hash is as often negative as not; the resolver throws on a negative count).
 */
class PreparedReadAheadTest {

  /** Compares values by equality; its prepared form is the value; reads ahead as told. */
  private static final class Counting implements PreparedMatcher<String> {
    final AtomicInteger readAhead = new AtomicInteger();
    final List<String> read = new ArrayList<>();
    private final int answer;

    Counting(int answer) {
      this.answer = answer;
    }

    @Override
    public String prepare(String value) {
      return value;
    }

    @Override
    public ComparisonLevel comparePrepared(String a, String b) {
      return a.equals(b) ? ComparisonLevel.EXACT : ComparisonLevel.DIFFERENT;
    }

    @Override
    public synchronized int readAhead(String prepared) {
      readAhead.incrementAndGet();
      read.add(prepared);
      return answer;
    }
  }

  private static MatchModel model(PreparedMatcher<String> names) {
    return MatchModel.newBuilder()
        .field(MatchField.newBuilder("name", FieldSource.attribute(AttributeKey.GIVEN_NAME))
            .matcher(names)
            .probabilities(ComparisonLevel.EXACT, 0.8, 0.05).build())
        .field(MatchField.newBuilder("email", FieldSource.identifier(IdentifierType.EMAIL))
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.001).build())
        .build();
  }

  private static Touchpoint touchpoint(int i, boolean named) {
    Touchpoint.Builder b = Touchpoint.newBuilder("t" + i).channel(Channel.STORE)
        .timestamp(Instant.parse("2026-05-01T10:00:00Z"))
        .identifier(IdentifierType.EMAIL, "p" + i + "@example.com");
    return named ? b.attribute(AttributeKey.GIVEN_NAME, "name" + i).build() : b.build();
  }

  @Test
  void everyCandidatesPreparedValueIsReadAheadOnce() {
    Counting names = new Counting(7);
    MatchModel model = model(names);
    List<MatchModel.Prepared> candidates = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      candidates.add(model.prepare(touchpoint(i, i % 3 != 0)));
    }
    int count = model.readAhead(candidates.toArray(new MatchModel.Prepared[0]));
    assertTrue(count >= 0);
    assertEquals(List.of("name1", "name2", "name4", "name5"), names.read);
  }

  @Test
  void aNegativeAnswerLeavesTheCountNonNegative() {
    for (int answer : new int[] {-1, Integer.MIN_VALUE, Integer.MAX_VALUE, -12345}) {
      Counting names = new Counting(answer);
      MatchModel model = model(names);
      List<MatchModel.Prepared> candidates = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        candidates.add(model.prepare(touchpoint(i, true)));
      }
      assertTrue(model.readAhead(candidates.toArray(new MatchModel.Prepared[0])) >= 0,
          "answer " + answer);
      assertEquals(40, names.readAhead.get());
    }
  }
}
