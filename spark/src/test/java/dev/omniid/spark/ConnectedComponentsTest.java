package dev.omniid.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@link ConnectedComponents} against a union-find on adversarial graphs: long chains in the
 * worst label order, stars and hubs, many small components, random graphs, and a mix.
 */
class ConnectedComponentsTest {
  private static final StructType EDGES = new StructType()
      .add("a", DataTypes.StringType, false).add("b", DataTypes.StringType, false);
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTests.session("ConnectedComponentsTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Stream<Arguments> graphs() {
    return Stream.of(
        Arguments.of("chain of 1,000, labels increasing", chain(1_000, i -> name(i))),
        Arguments.of("chain of 1,000, labels alternating ends", chain(1_000,
            i -> name(i % 2 == 0 ? i / 2 : 1_000 - 1 - i / 2))),
        Arguments.of("star of 1,000 around its largest label", star(1_000)),
        Arguments.of("1,000 small components of 1 to 4 edges", smalls(1_000, 7)),
        Arguments.of("random, 2,000 vertices, 1,600 edges", random(2_000, 1_600, 11)),
        Arguments.of("random, 500 vertices, 2,000 edges", random(500, 2_000, 12)),
        Arguments.of("self-loops and repeated edges", List.of(
            new String[] {"x", "x"}, new String[] {"x", "y"}, new String[] {"y", "x"},
            new String[] {"z", "z"})),
        Arguments.of("no edges", List.<String[]>of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("graphs")
  void matchesUnionFind(String name, List<String[]> edges) {
    List<Row> rows = new ArrayList<>();
    for (String[] e : edges) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    Dataset<Row> labels = ConnectedComponents.of(spark.createDataFrame(rows, EDGES));
    Map<String, String> actual = new HashMap<>();
    for (Row r : labels.collectAsList()) {
      assertEquals(null, actual.put(r.getString(0), r.getString(1)), "one label per vertex");
    }
    assertEquals(unionFind(edges), actual, name);
  }

  /** Each vertex of an edge to the smallest vertex of its component. */
  static Map<String, String> unionFind(List<String[]> edges) {
    Map<String, String> parent = new HashMap<>();
    for (String[] e : edges) {
      if (e[0].equals(e[1])) {
        continue;
      }
      String a = find(parent, e[0]);
      String b = find(parent, e[1]);
      if (!a.equals(b)) {
        if (a.compareTo(b) < 0) {
          parent.put(b, a);
        } else {
          parent.put(a, b);
        }
      }
    }
    Map<String, String> out = new HashMap<>();
    for (String v : parent.keySet()) {
      out.put(v, find(parent, v));
    }
    return out;
  }

  private static String find(Map<String, String> parent, String v) {
    parent.putIfAbsent(v, v);
    String root = v;
    while (!parent.get(root).equals(root)) {
      root = parent.get(root);
    }
    return root;
  }

  private static String name(int i) {
    return String.format("v%06d", i);
  }

  private static List<String[]> chain(int n, java.util.function.IntFunction<String> label) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i + 1 < n; i++) {
      out.add(new String[] {label.apply(i), label.apply(i + 1)});
    }
    return out;
  }

  private static List<String[]> star(int n) {
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new String[] {"zz-hub", name(i)});
    }
    return out;
  }

  private static List<String[]> smalls(int components, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> out = new ArrayList<>();
    int next = 0;
    for (int c = 0; c < components; c++) {
      int size = 2 + random.nextInt(4);
      int first = next;
      for (int k = 1; k < size; k++) {
        out.add(new String[] {name(first + random.nextInt(k)), name(first + k)});
      }
      next += size;
    }
    return out;
  }

  private static List<String[]> random(int vertices, int edges, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<String[]> out = new ArrayList<>();
    for (int i = 0; i < edges; i++) {
      out.add(new String[] {name(random.nextInt(vertices)), name(random.nextInt(vertices))});
    }
    return out;
  }

}
