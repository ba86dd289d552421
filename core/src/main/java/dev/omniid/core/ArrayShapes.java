package dev.omniid.core;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Arrays by content, for arrays that many objects hold alike and nobody writes once made (a
 * touchpoint's field layout in {@link MatchModel}, the positions its values came from in
 * {@link MergeGraph}): the holders share one array per content while the contents are few. Past
 * the maximum, later contents are kept unshared. Thread-safe.
 *
 * @param <A> the array type
 */
final class ArrayShapes<A> {
  private final ConcurrentHashMap<String, A> shapes = new ConcurrentHashMap<>();
  /** The content as a string, the table's key. */
  private final Function<A, String> key;
  private final int maximum;

  ArrayShapes(Function<A, String> key, int maximum) {
    this.key = key;
    this.maximum = maximum;
  }

  /** The one array of {@code array}'s content: the one kept, else {@code array} (kept if room). */
  A share(A array) {
    String content = key.apply(array);
    A held = shapes.get(content);
    if (held != null) {
      return held;
    }
    if (shapes.size() >= maximum) {
      return array;
    }
    held = shapes.putIfAbsent(content, array);
    return held == null ? array : held;
  }
}
