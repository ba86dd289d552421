package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link IdIndex} answers as a {@code HashMap<String, Integer>} would, through growth and collisions. */
class IdIndexTest {

  static LongStream seeds() {
    return LongStream.range(0, 20).map(i -> 0x1D1D_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void answersAsAHashMap(long seed) {
    Random random = new Random(seed);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      // "Aa" and "BB" share a hash code: runs of such ids collide whatever the table's size.
      StringBuilder id = new StringBuilder();
      for (int k = random.nextInt(4); k >= 0; k--) {
        id.append(random.nextBoolean() ? "Aa" : "BB");
      }
      ids.add(random.nextInt(3) == 0 ? id.toString() : "tp-" + Long.toHexString(random.nextLong()));
    }
    // As the reader's records: each position given has its id, found there from then on.
    List<String> idAt = new ArrayList<>();
    IdIndex index = new IdIndex(idAt::get);
    Map<String, Integer> expected = new HashMap<>();
    for (int step = 0; step < 20_000; step++) {
      String id = ids.get(random.nextInt(ids.size()));
      // A fresh position per step, the id it stands for stored there.
      int position = idAt.size();
      idAt.add(id);
      switch (random.nextInt(3)) {
        case 0 -> assertEquals(orAbsent(expected.putIfAbsent(id, position)),
            index.putIfAbsent(id, position), "seed=" + seed + " step=" + step);
        case 1 -> assertEquals(orAbsent(expected.put(id, position)), index.put(id, position),
            "seed=" + seed + " step=" + step);
        default -> assertEquals(orAbsent(expected.get(id)), index.get(id),
            "seed=" + seed + " step=" + step);
      }
      assertEquals(expected.size(), index.size());
    }
    for (String id : ids) {
      assertEquals(orAbsent(expected.get(id)), index.get(id), "seed=" + seed);
    }
    assertEquals(-1, index.get("never-added"));
  }

  private static int orAbsent(Integer position) {
    return position == null ? -1 : position;
  }
}
