package dev.omniid.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.least;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connected components of an undirected graph on the Dataset API, by the alternating large-star
 * and small-star steps (Kiveris et al., "Connected Components in MapReduce and Beyond", SoCC
 * 2014): O(log² n) rounds, each a few aggregations and joins, no vertex holding its neighbours in
 * memory (a hub of a million edges is a min aggregation, not a list). Vertices are strings; each
 * component is labelled by its smallest vertex. GraphX is deprecated in Spark 4 and GraphFrames
 * is not on Maven Central, hence this.
 */
final class ConnectedComponents {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectedComponents.class);

  private ConnectedComponents() {}

  /**
   * The component of every vertex that has an edge.
   *
   * @param edges two string columns {@code a}, {@code b}; repeats are allowed, self-loops are
   *     dropped
   * @return {@code vertex, component}: one row per vertex of an edge between two vertices,
   *     {@code component} the smallest vertex of its component
   */
  static Dataset<Row> of(Dataset<Row> edges) {
    // Each edge once, as (hi, lo) with hi > lo.
    Dataset<Row> e = edges.where(col("a").notEqual(col("b")))
        .select(greatest(col("a"), col("b")).as("hi"), least(col("a"), col("b")).as("lo"))
        .distinct();
    e = truncate(e);
    int round = 0;
    while (true) {
      round++;
      Dataset<Row> next = smallStar(largeStar(e));
      next = truncate(next);
      e.unpersist();
      e = next;
      if (converged(e)) {
        break;
      }
    }
    LOG.info("connected components: converged after {} large-star/small-star rounds", round);
    Dataset<Row> leaves = e.select(col("hi").as("vertex"), col("lo").as("component"));
    Dataset<Row> roots = e.select(col("lo").as("vertex"), col("lo").as("component")).distinct();
    return leaves.union(roots);
  }

  /**
   * Large-star: each vertex u points every larger neighbour v at the smallest of u and its
   * neighbours.
   */
  private static Dataset<Row> largeStar(Dataset<Row> e) {
    Dataset<Row> both = e.select(col("hi").as("u"), col("lo").as("v"))
        .union(e.select(col("lo").as("u"), col("hi").as("v")));
    Dataset<Row> m = both.groupBy("u").agg(min("v").as("mv"))
        .select(col("u"), least(col("u"), col("mv")).as("m"));
    return both.join(m, "u").where(col("v").gt(col("u")))
        .select(col("v").as("hi"), col("m").as("lo")).distinct();
  }

  /**
   * Small-star: each vertex u and its smaller neighbours are pointed at the smallest of them.
   */
  private static Dataset<Row> smallStar(Dataset<Row> e) {
    Dataset<Row> m = e.groupBy("hi").agg(min("lo").as("m"));
    Dataset<Row> neighbours = e.join(m, "hi").where(col("lo").notEqual(col("m")))
        .select(col("lo").as("hi"), col("m").as("lo"));
    return neighbours.union(m.select(col("hi"), col("m").as("lo"))).distinct();
  }

  /**
   * Whether the edges are stars around their components' smallest vertices: every vertex points
   * at one vertex, and no vertex pointed at points anywhere.
   */
  private static boolean converged(Dataset<Row> e) {
    // One aggregation: per vertex, how often it points and how often it is pointed at.
    Dataset<Row> ends = e.select(col("hi").as("v"), lit(1).as("points"), lit(0).as("pointed"))
        .union(e.select(col("lo").as("v"), lit(0).as("points"), lit(1).as("pointed")));
    return ends.groupBy("v").agg(sum("points").as("p"), sum("pointed").as("q"))
        .where(col("p").gt(1).or(col("p").gt(0).and(col("q").gt(0))))
        .isEmpty();
  }

  /**
   * Materializes a round and cuts its lineage: a reliable checkpoint when the context has a
   * checkpoint directory, otherwise a local one (kept by the executors).
   */
  private static Dataset<Row> truncate(Dataset<Row> d) {
    boolean reliable = d.sparkSession().sparkContext().getCheckpointDir().isDefined();
    return reliable ? d.checkpoint(true) : d.localCheckpoint(true);
  }
}
