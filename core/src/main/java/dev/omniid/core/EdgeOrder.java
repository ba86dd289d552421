package dev.omniid.core;

/**
 * The order in which {@link ComponentClusterer} applies a component's scored edges: heaviest
 * first, then by the id of the first end, then by the id of the second ({@link Edge#first} is the
 * end with the smaller id). The ends are given as their positions in the component's entries,
 * which are sorted by id, so comparing positions is comparing ids.
 *
 * <p>Sorting the edges themselves by ids read every end's id string on each tie, and ties are
 * the rule: the weights of pairs that agree on the same fields at the same levels are equal to the
 * bit. On the households that leave the fast path at 1 M touchpoints (17 touchpoints and 38 edges
 * on average) that sort took about 3.8 µs of a 48 µs recomputation, waiting on the ids' memory.
 * The JDK sorts primitive arrays and objects, but no array of positions by a key held elsewhere,
 * so this is a merge sort of positions.
 */
final class EdgeOrder {
  /** Runs this short are sorted by insertion before they are merged. */
  private static final int RUN = 12;

  private EdgeOrder() {}

  /**
   * The positions {@code 0 .. weights.length - 1} in the order to apply the edges: by weight
   * descending ({@code Double.compare} of the negated weights), then by {@code firsts}, then by
   * {@code seconds}, both ascending.
   *
   * @param weights each edge's weight
   * @param firsts the position of each edge's first end among the component's entries
   * @param seconds the position of each edge's second end
   * @return a new array of positions
   */
  static int[] heaviestFirst(double[] weights, int[] firsts, int[] seconds) {
    int n = weights.length;
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int from = 0; from < n; from += RUN) {
      insertionSort(order, from, Math.min(n, from + RUN), weights, firsts, seconds);
    }
    int[] other = new int[n];
    for (int width = RUN; width < n; width *= 2) {
      for (int from = 0; from < n; from += 2 * width) {
        int middle = Math.min(n, from + width);
        int to = Math.min(n, from + 2 * width);
        merge(order, other, from, middle, to, weights, firsts, seconds);
      }
      int[] swap = order;
      order = other;
      other = swap;
    }
    return order;
  }

  /** Negative when edge {@code x} is applied before edge {@code y}. */
  private static int compare(int x, int y, double[] weights, int[] firsts, int[] seconds) {
    int c = Double.compare(-weights[x], -weights[y]);
    if (c != 0) {
      return c;
    }
    c = Integer.compare(firsts[x], firsts[y]);
    return c != 0 ? c : Integer.compare(seconds[x], seconds[y]);
  }

  private static void insertionSort(int[] order, int from, int to, double[] weights, int[] firsts,
      int[] seconds) {
    for (int i = from + 1; i < to; i++) {
      int item = order[i];
      int j = i - 1;
      while (j >= from && compare(order[j], item, weights, firsts, seconds) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = item;
    }
  }

  /** Merges the sorted {@code in[from, middle)} and {@code in[middle, to)} into {@code out}. */
  private static void merge(int[] in, int[] out, int from, int middle, int to, double[] weights,
      int[] firsts, int[] seconds) {
    int i = from;
    int j = middle;
    for (int k = from; k < to; k++) {
      if (j >= to || (i < middle && compare(in[i], in[j], weights, firsts, seconds) <= 0)) {
        out[k] = in[i++];
      } else {
        out[k] = in[j++];
      }
    }
  }
}
