package dev.omniid.spark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
    spark = SparkTests.session();
  }


  /**
   * The adversarial shapes, each under its own vertex prefix, in one graph: one run covers them
   * all (its rounds are those of the slowest shape, the chains), and a label leaking from one
   * shape into another fails it too.
   */
  static List<String[]> adversarial() {
    List<String[]> all = new ArrayList<>();
    // Sizes kept small: the rounds grow with the chains' length, and each round is Spark jobs;
    // 300-vertex chains and stars take the same paths through the algorithm as 1,000-vertex ones.
    add(all, "a", chain(300, i -> name(i)));
    // Labels alternating between the ends: the smallest label sits in the middle of the chain.
    add(all, "b", chain(300, i -> name(i % 2 == 0 ? i / 2 : 300 - 1 - i / 2)));
    add(all, "c", chain(300, i -> name(300 - i)));
    add(all, "d", star(300));
    add(all, "e", smalls(300, 7));
    add(all, "f", random(600, 480, 11));
    add(all, "g", random(150, 600, 12));
    // Two stars joined through their leaves, and a hub that is the smallest label.
    add(all, "h", star(300));
    all.add(new String[] {"h-" + name(1), "i-" + name(2)});
    add(all, "i", star(300));
    for (int k = 0; k < 300; k++) {
      all.add(new String[] {"j-" + name(k), "j-!hub"});
    }
    all.add(new String[] {"x", "x"});
    all.add(new String[] {"x", "y"});
    all.add(new String[] {"y", "x"});
    all.add(new String[] {"z", "z"});
    return all;
  }

  @Test
  void adversarialGraphsMatchUnionFind() {
    assertMatchesUnionFind(adversarial());
  }

  @Test
  void noEdges() {
    assertMatchesUnionFind(List.<String[]>of(new String[] {"only", "only"}));
  }

  private static void assertMatchesUnionFind(List<String[]> edges) {
    List<Row> rows = new ArrayList<>();
    for (String[] e : edges) {
      rows.add(RowFactory.create(e[0], e[1]));
    }
    Dataset<Row> labels = ConnectedComponents.of(spark.createDataFrame(rows, EDGES));
    Map<String, String> actual = new HashMap<>();
    for (Row r : labels.collectAsList()) {
      assertEquals(null, actual.put(r.getString(0), r.getString(1)), "one label per vertex");
    }
    Map<String, String> expected = unionFind(edges);
    assertEquals(expected.size(), actual.size(), "vertices");
    int wrong = 0;
    for (Map.Entry<String, String> e : expected.entrySet()) {
      if (!e.getValue().equals(actual.get(e.getKey()))) {
        wrong++;
      }
    }
    assertEquals(0, wrong, "vertices labelled otherwise than union-find");
  }

  private static void add(List<String[]> all, String prefix, List<String[]> edges) {
    for (String[] e : edges) {
      all.add(new String[] {prefix + "-" + e[0], prefix + "-" + e[1]});
    }
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
