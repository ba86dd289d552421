package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EdgeOrder#heaviestFirst} gives the order of the comparator it replaced (weight descending
 * by {@code Double.compare} of the negated weights, then the ends' positions), on edges with many
 * equal weights, as a component's edges have, and on the doubles whose order is easy to get wrong.
 */
class EdgeOrderTest {
  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  /** Weights few and repeated, with the signed zeros, the infinities and NaN among them. */
  private static final double[] WEIGHTS = {
    13.2, 13.2000001, 7.5, -1.25, 0.0, -0.0, 42.0, Double.POSITIVE_INFINITY,
    Double.NEGATIVE_INFINITY, Double.NaN, 6.643856189774724,
  };

  @ParameterizedTest
  @MethodSource("seeds")
  void ordersAsTheComparatorDoes(long seed) {
    Random random = new Random(seed);
    // Past the insertion runs and through several merge passes, and the short ones too.
    int n = random.nextInt(4) == 0 ? random.nextInt(14) : random.nextInt(400);
    int entries = 1 + random.nextInt(Math.max(1, n));
    double[] weights = new double[n];
    int[] firsts = new int[n];
    int[] seconds = new int[n];
    for (int i = 0; i < n; i++) {
      weights[i] = random.nextInt(3) == 0
          ? WEIGHTS[random.nextInt(WEIGHTS.length)]
          : WEIGHTS[random.nextInt(3)];
      firsts[i] = random.nextInt(entries);
      seconds[i] = firsts[i] + 1 + random.nextInt(entries);
    }
    int[] order = EdgeOrder.heaviestFirst(weights, firsts, seconds);

    List<Integer> expected = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      expected.add(i);
    }
    Comparator<Integer> rule = (x, y) -> Double.compare(-weights[x], -weights[y]);
    expected.sort(rule.thenComparingInt(i -> firsts[i]).thenComparingInt(i -> seconds[i]));
    assertEquals(n, order.length);
    boolean[] seen = new boolean[n];
    for (int k = 0; k < n; k++) {
      int at = order[k];
      int want = expected.get(k);
      // Two edges with the same weight and ends may come in either order: compare what they hold.
      assertEquals(Double.doubleToRawLongBits(weights[want]),
          Double.doubleToRawLongBits(weights[at]), "weight at " + k);
      assertEquals(firsts[want], firsts[at], "first end at " + k);
      assertEquals(seconds[want], seconds[at], "second end at " + k);
      assertEquals(false, seen[at], "position " + at + " twice");
      seen[at] = true;
    }
  }

  @Test
  void heaviestFirstThenByTheEnds() {
    double[] weights = {7.5, 13.2, 7.5, 7.5, -0.0, 0.0};
    int[] firsts = {2, 0, 1, 1, 0, 0};
    int[] seconds = {3, 4, 5, 2, 1, 1};
    assertArrayEquals(new int[] {1, 3, 2, 0, 5, 4},
        EdgeOrder.heaviestFirst(weights, firsts, seconds));
  }
}
