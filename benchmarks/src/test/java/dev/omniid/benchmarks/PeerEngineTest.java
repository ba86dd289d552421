package dev.omniid.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.EvaluationReport;
import dev.omniid.core.PartitionEvaluation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps {@link PeerBenchmark}'s engines from rotting: both resolve Febrl dataset3 and score what
 * they scored when the benchmark was written, less a margin (OmniID pairwise F1 0.992, Duke 0.970).
 */
class PeerEngineTest {
  private static Febrl.Dataset dataset3;

  @BeforeAll
  static void load() {
    dataset3 = Febrl.load("dataset3");
  }

  @Test
  void dataset3HasTheFebrlShape() {
    assertEquals(5000, dataset3.rows().size());
    assertEquals(2000, dataset3.truth().values().stream().distinct().count());
  }

  @Test
  void omniIdDeduplicatesDataset3() {
    EvaluationReport report = evaluate(PeerEngine.OMNIID);
    assertTrue(report.pairwiseF1() > 0.95, report.format());
    assertTrue(report.bcubedF1() > 0.95, report.format());
  }

  @Test
  void dukeDeduplicatesDataset3() {
    EvaluationReport report = evaluate(PeerEngine.DUKE);
    assertTrue(report.pairwiseF1() > 0.93, report.format());
    assertTrue(report.bcubedF1() > 0.95, report.format());
  }

  @Test
  void unionFindJoinsMatchedPairsTransitively() {
    List<Febrl.Row> rows = List.of(row("a"), row("b"), row("c"), row("d"));
    DukePeer.UnionFind clusters = new DukePeer.UnionFind(rows);
    clusters.union("c", "b");
    clusters.union("b", "a");
    Map<String, String> partition = clusters.partition();
    assertEquals(Map.of("a", "a", "b", "a", "c", "a", "d", "d"), partition);
  }

  @Test
  void unknownDatasetOrEngineIsRefused() {
    IllegalArgumentException e = assertThrows(
        IllegalArgumentException.class, () -> Febrl.load("dataset5"));
    assertTrue(e.getMessage().contains("dataset5"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> PeerEngine.of("dedupe"));
  }

  private static EvaluationReport evaluate(PeerEngine engine) {
    EvaluationReport report = PartitionEvaluation.evaluate(engine.partition(dataset3), dataset3.truth());
    TestReports.add("PeerEngineTest", String.format("%s dataset3%n%s", engine, report.format()));
    return report;
  }

  private static Febrl.Row row(String id) {
    return new Febrl.Row(id, 0, List.of(id, "", "", "", "", "", "", "", "", "", ""));
  }
}
