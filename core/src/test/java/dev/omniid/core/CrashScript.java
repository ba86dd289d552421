package dev.omniid.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The changes one run of {@link JournalCrashMain} makes, a function of the seed and the run only,
 * so that the crash test knows the state after any prefix of them. A run's changes touch only its
 * own touchpoints (ids prefixed with the run), but its values overlap the other runs'.
 */
final class CrashScript {
  enum Kind { RESOLVE, REMOVE, NEVER_LINK }

  record Op(Kind kind, Touchpoint touchpoint, String id, String other) {}

  private CrashScript() {}

  static List<Op> ops(long seed, int run, int count) {
    Random random = new Random(seed * 1_000_003L + run);
    List<Touchpoint> pool = RandomTouchpoints.generate(random, count);
    List<Op> ops = new ArrayList<>(count);
    List<String> live = new ArrayList<>();
    Set<List<String>> rules = new HashSet<>();
    int next = 0;
    while (ops.size() < count && next < pool.size()) {
      int dice = random.nextInt(10);
      if (dice == 0 && live.size() > 2) {
        String id = live.remove(random.nextInt(live.size()));
        rules.removeIf(p -> p.contains(id));
        ops.add(new Op(Kind.REMOVE, null, id, null));
      } else if (dice == 1 && live.size() > 2) {
        String a = live.get(random.nextInt(live.size()));
        String b = live.get(random.nextInt(live.size()));
        if (!a.equals(b) && rules.add(JournalFixtures.pair(a, b))) {
          ops.add(new Op(Kind.NEVER_LINK, null, a, b));
        }
      } else {
        Touchpoint t = pool.get(next++);
        Touchpoint renamed = new Touchpoint("r" + run + "-" + t.id(), t.channel(), t.timestamp(),
            t.eventKind(), t.identifiers(), t.attributes(), t.payload());
        live.add(renamed.id());
        ops.add(new Op(Kind.RESOLVE, renamed, renamed.id(), null));
      }
    }
    return ops;
  }

  /** Applies the first {@code n} ops of a run to a model of the live state. */
  static void apply(List<Op> ops, int n, Map<String, Touchpoint> live, Set<List<String>> rules) {
    for (Op op : ops.subList(0, n)) {
      switch (op.kind()) {
        case RESOLVE -> live.put(op.id(), op.touchpoint());
        case REMOVE -> {
          live.remove(op.id());
          rules.removeIf(p -> p.contains(op.id()));
        }
        case NEVER_LINK -> rules.add(JournalFixtures.pair(op.id(), op.other()));
      }
    }
  }

  static Map<String, Touchpoint> copy(Map<String, Touchpoint> live) {
    return new LinkedHashMap<>(live);
  }
}
