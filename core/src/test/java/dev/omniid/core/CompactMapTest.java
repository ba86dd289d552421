package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link CompactMap} reads as the {@code LinkedHashMap} it replaced, small and large. */
class CompactMapTest {

  @Test
  void readsAsALinkedHashMapOfEverySize() {
    Random random = new Random(18);
    for (int size = 0; size <= 3 * CompactMap.LINEAR + 5; size++) {
      for (int round = 0; round < 20; round++) {
        LinkedHashMap<String, String> expected = new LinkedHashMap<>();
        while (expected.size() < size) {
          // Few distinct keys, some with one hash ("Aa" and "BB"): probes must walk past them.
          String key = random.nextInt(4) == 0 ? (random.nextBoolean() ? "Aa" : "BB")
              + random.nextInt(3) : "k" + random.nextInt(200);
          expected.put(key, "v" + random.nextInt(5));
        }
        Map<String, String> compact = CompactMap.copyOf(expected);
        String context = "size " + size + " round " + round;
        assertEquals(expected, compact, context);
        assertEquals(compact, expected, context);
        assertEquals(expected.hashCode(), compact.hashCode(), context);
        assertEquals(expected.toString(), compact.toString(), context);
        assertEquals(new ArrayList<>(expected.keySet()), new ArrayList<>(compact.keySet()), context);
        assertEquals(new ArrayList<>(expected.values()), new ArrayList<>(compact.values()), context);
        assertEquals(expected.size(), compact.size(), context);
        assertEquals(expected.isEmpty(), compact.isEmpty(), context);
        for (int k = 0; k < 200; k++) {
          String key = k < 100 ? "k" + k : (k % 2 == 0 ? "Aa" : "BB") + (k % 5);
          assertEquals(expected.get(key), compact.get(key), context + " " + key);
          assertEquals(expected.containsKey(key), compact.containsKey(key), context + " " + key);
          assertEquals(expected.containsValue("v" + k % 6), compact.containsValue("v" + k % 6));
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
          assertTrue(compact.entrySet().contains(e), context);
          assertFalse(compact.entrySet().contains(Map.entry(e.getKey(), e.getValue() + "x")));
        }
        List<String> visited = new ArrayList<>();
        compact.forEach((k, v) -> visited.add(k + "=" + v));
        List<String> inOrder = new ArrayList<>();
        expected.forEach((k, v) -> inOrder.add(k + "=" + v));
        assertEquals(inOrder, visited, context);
      }
    }
  }

  @Test
  void anAbsentOrNullKeyIsNotThere() {
    Map<String, String> small = CompactMap.copyOf(Map.of("a", "1"));
    Map<String, String> large = CompactMap.copyOf(sequence(40));
    for (Map<String, String> m : List.of(small, large)) {
      assertNull(m.get(null));
      assertNull(m.get("zz"));
      assertNull(m.get(42));
      assertFalse(m.containsKey(null));
      assertFalse(m.containsValue(null));
    }
  }

  @Test
  void refusesEveryChange() {
    Map<String, String> m = CompactMap.copyOf(sequence(12));
    assertThrows(UnsupportedOperationException.class, () -> m.put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> m.remove("k1"));
    assertThrows(UnsupportedOperationException.class, m::clear);
    assertThrows(UnsupportedOperationException.class, () -> m.entrySet().iterator().next()
        .setValue("x"));
    assertThrows(UnsupportedOperationException.class, () -> {
      var it = m.entrySet().iterator();
      it.next();
      it.remove();
    });
    assertThrows(UnsupportedOperationException.class, () -> m.keySet().remove("k1"));
    assertEquals(sequence(12), m);
  }

  @Test
  void copiesOnceAndRefusesNulls() {
    Map<String, String> m = CompactMap.copyOf(sequence(3));
    assertSame(m, CompactMap.copyOf(m));
    assertSame(Map.of(), CompactMap.copyOf(new LinkedHashMap<>()));
    Map<String, String> withNull = new LinkedHashMap<>();
    withNull.put("a", null);
    assertThrows(NullPointerException.class, () -> CompactMap.copyOf(withNull));
    assertEquals(new AbstractMap.SimpleImmutableEntry<>("k0", "v0"),
        m.entrySet().iterator().next());
  }

  @Test
  void aTouchpointKeepsItsAttributesAndPayloadInOrder() {
    Touchpoint.Builder b = Touchpoint.newBuilder("t1").channel(Channel.WEB)
        .attribute(AttributeKey.FAMILY_NAME, "Garcia").attribute(AttributeKey.GIVEN_NAME, "Ana");
    for (int i = 0; i < 30; i++) {
      b.payload("line" + (29 - i), "x" + i);
    }
    Touchpoint t = b.build();
    assertEquals(List.of(AttributeKey.FAMILY_NAME, AttributeKey.GIVEN_NAME),
        new ArrayList<>(t.attributes().keySet()));
    assertEquals("line29", t.payload().keySet().iterator().next());
    assertEquals("x29", t.payload().get("line0"));
    Touchpoint same = new Touchpoint("t1", Channel.WEB, (java.time.Instant) null,
        EventKind.UNSPECIFIED, List.of(), new LinkedHashMap<>(t.attributes()),
        new LinkedHashMap<>(t.payload()));
    assertEquals(t, same);
    assertEquals(t.hashCode(), same.hashCode());
  }

  private static Map<String, String> sequence(int n) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("k" + i, "v" + i);
    }
    return m;
  }
}
