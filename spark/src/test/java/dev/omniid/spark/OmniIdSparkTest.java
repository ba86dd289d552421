package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The pipeline's guards, its evidence, and the session itself on this module's classpath. */
class OmniIdSparkTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTests.session();
  }


  /**
   * The module pins Jackson to Spark's own version (the parent manages a newer one for the CLI,
   * which jackson-module-scala refuses): the session above started, and it runs a job that goes
   * through Spark's JSON path.
   */
  @Test
  void sessionStartsWithSparksJackson() {
    assertTrue(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString()
        .startsWith("2.21."), com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION::toString);
    Dataset<String> json = spark.createDataset(List.of("{\"id\":\"a\",\"email\":\"x@correo-test.es\"}"),
        org.apache.spark.sql.Encoders.STRING());
    assertEquals(1, spark.read().json(json).count());
  }

  @Test
  void aComponentAboveTheLimitIsReportedNotCollected() {
    List<Touchpoint> chain = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      // Each shares one email with the next: one component of six.
      chain.add(Touchpoint.newBuilder("c" + i).channel(Channel.WEB)
          .identifier(IdentifierType.EMAIL, "p" + i + "@correo-test.es")
          .identifier(IdentifierType.EMAIL, "p" + (i + 1) + "@correo-test.es").build());
    }
    chain.add(Touchpoint.newBuilder("lonely").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "lonely@correo-test.es").build());
    ComponentTooLargeException e = assertThrows(ComponentTooLargeException.class,
        () -> OmniIdSpark.resolve(TouchpointRows.dataset(spark, chain), TouchpointRows.MAPPING,
            ResolveSettings.newBuilder().maxComponentSize(5).build()));
    assertEquals(6, e.size());
    assertEquals(1, e.components());
    assertTrue(e.getMessage().contains("smallest touchpoint id is c0"), e.getMessage());

    Dataset<Row> result = OmniIdSpark.resolve(TouchpointRows.dataset(spark, chain),
        TouchpointRows.MAPPING, ResolveSettings.newBuilder().maxComponentSize(6).build());
    assertEquals(2, result.select(OmniIdSpark.PROFILE_ID).distinct().count());
    result.unpersist();
  }

  @Test
  void twoRecordsWithOneIdAreRefused() {
    List<Touchpoint> twice = List.of(
        Touchpoint.newBuilder("same").channel(Channel.WEB).identifier(IdentifierType.EMAIL, "a@correo-test.es").build(),
        Touchpoint.newBuilder("same").channel(Channel.WEB).identifier(IdentifierType.EMAIL, "b@correo-test.es").build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> OmniIdSpark.resolve(TouchpointRows.dataset(spark, twice), TouchpointRows.MAPPING,
            ResolveSettings.defaults()));
    assertTrue(e.getMessage().startsWith("1 touchpoint id(s) appear on more than one record"),
        e.getMessage());
  }

  /** Evidence names the shared value of a link and the exclusive conflict of a refusal. */
  @Test
  void evidenceOnRequest() {
    List<Touchpoint> data = List.of(
        Touchpoint.newBuilder("e1").channel(Channel.WEB).identifier(IdentifierType.CUSTOMER_ID, "C-1")
            .identifier(IdentifierType.EMAIL, "ana@correo-test.es").attribute(AttributeKey.GIVEN_NAME, "Ana").build(),
        Touchpoint.newBuilder("e2").channel(Channel.WEB)
            .identifier(IdentifierType.EMAIL, "ana@correo-test.es").attribute(AttributeKey.GIVEN_NAME, "Ana").build(),
        Touchpoint.newBuilder("e3").channel(Channel.WEB).identifier(IdentifierType.CUSTOMER_ID, "C-2")
            .identifier(IdentifierType.EMAIL, "ana@correo-test.es").attribute(AttributeKey.GIVEN_NAME, "Ana").build());
    Dataset<Row> result = OmniIdSpark.resolve(TouchpointRows.dataset(spark, data),
        TouchpointRows.MAPPING, ResolveSettings.newBuilder().withEvidence(true).build());
    Map<String, List<Row>> evidence = new HashMap<>();
    Map<String, String> profiles = new HashMap<>();
    for (Row r : result.collectAsList()) {
      profiles.put(r.getString(0), r.getString(1));
      evidence.put(r.getString(0), r.getList(2));
    }
    result.unpersist();
    assertEquals(Map.of("e1", "e1", "e2", "e1", "e3", "e3"), profiles);
    assertTrue(evidence.get("e2").stream().anyMatch(e -> e.getString(0).equals("SHARED_IDENTIFIER")
        && e.getList(3).contains("email:ana@correo-test.es")), evidence.get("e2")::toString);
    assertTrue(evidence.get("e3").stream().anyMatch(e -> e.getString(0).equals("EXCLUSIVE_CONFLICT")),
        evidence.get("e3")::toString);
  }
}
