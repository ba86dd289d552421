package dev.omniid.benchmarks;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;

/**
 * The simplest code that does the deterministic work: pre-normalized keys, one hash map from key
 * to the first touchpoint that carried it, and an int-array union-find. No exclusivity, limits,
 * ids, events or explanations: the ceiling the real resolver is compared with.
 *
 * <p>{@link #add(Touchpoint)} does the same from a touchpoint itself, as every resolve must: it
 * reads the touchpoint's identifiers and normalizes each with the core's default normalizer of its
 * type (what a resolver with no configuration does), then looks the value up in one hash map per
 * type. {@code ResolveBenchmark.baselineFromTouchpoints} times that; {@code baselineLimit} times
 * {@link #add(String[])} of keys made before the clock started. Use one instance one way only.
 */
final class BaselineLimit {
  /** The core's default normalizer of each type met. */
  private static final HashMap<IdentifierType, Normalizer> NORMALIZERS = new HashMap<>();

  private final HashMap<String, Integer> firstCarrier = new HashMap<>();
  /** {@link #firstCarrier} of {@link #add(Touchpoint)}: by type, then by normalized value. */
  private final HashMap<IdentifierType, HashMap<String, Integer>> firstCarrierByType =
      new HashMap<>();
  private int[] parent = new int[1 << 16];
  private int size;

  int add(String[] keys) {
    int me = newTouchpoint();
    for (String key : keys) {
      Integer other = firstCarrier.putIfAbsent(key, me);
      if (other != null) {
        unite(me, other);
      }
    }
    return find(me);
  }

  /**
   * Adds a touchpoint by its identifiers, normalized here; a value its normalizer refuses links
   * nothing (a resolver reports it and leaves it out). Not thread-safe.
   */
  int add(Touchpoint touchpoint) {
    int me = newTouchpoint();
    for (Identifier id : touchpoint.identifiers()) {
      String value = normalized(id);
      if (value != null) {
        Integer other = firstCarrierByType.computeIfAbsent(id.type(), type -> new HashMap<>())
            .putIfAbsent(value, me);
        if (other != null) {
          unite(me, other);
        }
      }
    }
    return find(me);
  }

  /** The identifier's value as the core's default normalizer of its type gives it, or null. */
  private static String normalized(Identifier id) {
    Normalizer normalizer = NORMALIZERS.computeIfAbsent(id.type(), Normalizer::defaultFor);
    try {
      return normalizer.normalize(id.value().strip());
    } catch (OmniIdException refused) {
      return null;
    }
  }

  private int newTouchpoint() {
    int me = size++;
    if (me == parent.length) {
      parent = Arrays.copyOf(parent, me * 2);
    }
    parent[me] = me;
    return me;
  }

  private void unite(int me, int other) {
    int a = find(me);
    int b = find(other);
    if (a != b) {
      parent[Math.max(a, b)] = Math.min(a, b);
    }
  }

  int find(int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Forgets everything added after {@code mark} touchpoints (for benchmark invocations). */
  void rollback(int mark, String[][] addedKeys) {
    for (String[] keys : addedKeys) {
      for (String key : keys) {
        Integer carrier = firstCarrier.get(key);
        if (carrier != null && carrier >= mark) {
          firstCarrier.remove(key);
        }
      }
    }
    forgetAfter(mark);
  }

  /** {@link #rollback(int, String[][])} of the touchpoints {@link #add(Touchpoint)} added. */
  void rollback(int mark, Collection<Touchpoint> added) {
    for (Touchpoint t : added) {
      for (Identifier id : t.identifiers()) {
        String value = normalized(id);
        HashMap<String, Integer> carriers = firstCarrierByType.get(id.type());
        Integer carrier = value == null || carriers == null ? null : carriers.get(value);
        if (carrier != null && carrier >= mark) {
          carriers.remove(value);
        }
      }
    }
    forgetAfter(mark);
  }

  private void forgetAfter(int mark) {
    for (int i = 0; i < mark; i++) {
      if (parent[i] >= mark) {
        parent[i] = i;
      }
    }
    size = mark;
  }

  int size() {
    return size;
  }
}
