package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.omniid.core.BlockingKey;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default blocking keys give a touchpoint the same keys in whatever order they are asked
 * for: all nine of one touchpoint in turn (the resolver's order, in which they share what they
 * read off it), one key for every touchpoint in turn (each asked about another touchpoint than the
 * call before), in a shuffled order, or on many threads at once; and once all nine of a
 * touchpoint are read in order, the thread no longer holds it.
 */
class BlockingKeysOrderTest {
  static LongStream seeds() {
    return LongStream.range(0, 12);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theKeysDoNotDependOnWhatWasAskedBefore(long seed) {
    List<Touchpoint> touchpoints = new ArrayList<>();
    for (GeneratedTouchpoint g : OmniChannelGenerator.newBuilder().people(150).seed(seed).build()
        .generate()) {
      touchpoints.add(g.touchpoint());
    }
    List<BlockingKey> keys = OmniId.defaultBlockingKeys();
    int n = touchpoints.size();
    List<List<List<String>>> byTouchpoint = new ArrayList<>();
    for (Touchpoint t : touchpoints) {
      List<List<String>> own = new ArrayList<>();
      for (BlockingKey key : keys) {
        own.add(List.copyOf(key.keys(t)));
      }
      byTouchpoint.add(own);
      // Read in the resolver's order, the keys leave no touchpoint behind in the thread.
      assertFalse(OmniId.holdsBlockingKeyParts(), "a touchpoint kept after its keys");
    }
    // One key for every touchpoint, then the next key: no two calls in a row ask about one.
    List<List<List<String>>> byKey = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      byKey.add(new ArrayList<>(Collections.nCopies(keys.size(), List.of())));
    }
    for (int k = 0; k < keys.size(); k++) {
      for (int i = 0; i < n; i++) {
        byKey.get(i).set(k, List.copyOf(keys.get(k).keys(touchpoints.get(i))));
      }
    }
    assertEquals(byTouchpoint, byKey);
    // Any order of (touchpoint, key) pairs, some asked twice in a row.
    Random random = new Random(seed);
    List<int[]> asks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < keys.size(); k++) {
        asks.add(new int[] {i, k});
        if (random.nextInt(5) == 0) {
          asks.add(new int[] {i, k});
        }
      }
    }
    Collections.shuffle(asks, random);
    for (int[] ask : asks) {
      assertEquals(byTouchpoint.get(ask[0]).get(ask[1]),
          keys.get(ask[1]).keys(touchpoints.get(ask[0])), "key " + ask[1]);
    }
    // Many threads, each through all the keys of its touchpoints.
    List<List<List<String>>> parallel = IntStream.range(0, n).parallel().mapToObj(i -> {
      List<List<String>> own = new ArrayList<>();
      for (BlockingKey key : keys) {
        own.add(List.copyOf(key.keys(touchpoints.get(i))));
      }
      return own;
    }).toList();
    assertEquals(byTouchpoint, parallel);
    // The data gives the keys something to do: most touchpoints get several.
    assertFalse(byTouchpoint.stream().allMatch(own -> own.stream().allMatch(List::isEmpty)));
  }
}
