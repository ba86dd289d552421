package dev.omniid.benchmarks;

import dev.omniid.core.Identifier;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A synthetic omnichannel data set (datagen) split into a warm part and a batch of fresh
 * touchpoints: the last touchpoint of every k-th person is held out, so each fresh touchpoint
 * belongs to a person already in the warm graph, as a returning customer's would.
 */
final class Workload {
  final List<Touchpoint> warm;
  final List<Touchpoint> fresh;

  Workload(int warmTouchpoints, int freshTouchpoints, long seed) {
    int people = Math.max(1, warmTouchpoints / 5);
    List<GeneratedTouchpoint> all = OmniChannelGenerator.newBuilder().people(people).seed(seed).build().generate();
    int stride = Math.max(1, people / Math.max(1, freshTouchpoints));
    this.warm = new ArrayList<>(all.size());
    this.fresh = new ArrayList<>(freshTouchpoints);
    for (int i = 0; i < all.size(); i++) {
      GeneratedTouchpoint g = all.get(i);
      boolean lastOfPerson = i + 1 == all.size() || !all.get(i + 1).personId().equals(g.personId());
      int person = Integer.parseInt(g.personId().substring(1));
      if (lastOfPerson && person % stride == 0 && fresh.size() < freshTouchpoints) {
        fresh.add(g.touchpoint());
      } else {
        warm.add(g.touchpoint());
      }
    }
  }

  /**
   * How many touchpoints a probe holds out to resolve in {@code slices} batches of
   * {@link ResolveBenchmark#BATCH}, one batch a round, the slices in turn.
   */
  static int held(int slices) {
    return slices * ResolveBenchmark.BATCH;
  }

  /**
   * How many touchpoints to generate so that {@code warm} stay in the graph besides the
   * {@link #held} ones; one batch is taken from the warm ones, as {@link ResolveBenchmark} does.
   */
  static int generated(int warm, int slices) {
    return slices == 1 ? warm : warm + held(slices);
  }

  /** Round {@code round}'s batch of the {@code fresh} touchpoints held for {@code slices}. */
  static <T> List<T> slice(List<T> fresh, int round, int slices) {
    int from = (round % slices) * ResolveBenchmark.BATCH;
    return fresh.subList(from, Math.min(fresh.size(), from + ResolveBenchmark.BATCH));
  }

  /** How a probe names round {@code round}'s visit of its slice: nothing for one slice. */
  static String visit(int round, int slices) {
    return slices == 1 ? "" : " (visit " + (round / slices + 1) + " of its slice)";
  }

  /**
   * The identifiers of a touchpoint pre-normalized as the core's trivial normalizers would, as
   * "type:value" keys: what the baseline gets for free.
   */
  static String[] keys(Touchpoint t) {
    List<Identifier> identifiers = t.identifiers();
    String[] keys = new String[identifiers.size()];
    for (int i = 0; i < keys.length; i++) {
      Identifier id = identifiers.get(i);
      keys[i] = id.type().name() + ':' + id.value().toLowerCase(Locale.ROOT);
    }
    return keys;
  }
}
