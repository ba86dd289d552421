package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import dev.omniid.matching.OmniId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The Spark pipeline gives exactly the partition of {@code resolveAll} with the same
 * configuration, compared pair by pair: on generated omnichannel customers (households, kiosks,
 * junk values, typos, namesakes) with added exclusive conflicts and generic values.
 */
class ResolveEqualsResolveAllTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkTests.session("ResolveEqualsResolveAllTest");
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void generatedCustomersWithConflictsAndGenericValues() {
    List<Touchpoint> data = new ArrayList<>();
    for (GeneratedTouchpoint g : OmniChannelGenerator.newBuilder().people(4_500).seed(15)
        .build().generate()) {
      data.add(g.touchpoint());
    }
    data.addAll(crafted());
    assertTrue(data.size() >= 20_000, "at least 20,000 touchpoints: " + data.size());

    IdentityResolver resolver = OmniId.resolverBuilder().build();
    resolver.resolveAll(data);
    Map<String, String> expected = Partitions.of(resolver);
    // The features the comparison must cover are present in the library's answer.
    assertTrue(resolver.genericValues().size() > 10, "generic values: " + resolver.genericValues().size());
    assertNotEquals(expected.get("conflict-a"), expected.get("conflict-b"),
        "two customer ids sharing an email stay apart");
    assertNotEquals(expected.get("kiosk-0"), expected.get("kiosk-1"),
        "a device shared by many named visitors links nobody");
    assertTrue(!expected.containsKey("two-customer-ids"), "a touchpoint with two customer ids is rejected");

    Dataset<Row> result = OmniIdSpark.resolve(TouchpointRows.dataset(spark, data),
        TouchpointRows.MAPPING, ResolveSettings.defaults());
    Map<String, String> actual = Partitions.of(result);
    result.unpersist();
    Partitions.assertSamePairs(expected, actual);
    // Profile ids: the smallest touchpoint id of each profile.
    actual.forEach((id, profile) -> assertTrue(profile.compareTo(id) <= 0, id));
    assertEquals(resolver.profileCount(), actual.values().stream().distinct().count());
  }

  /**
   * Exclusive conflicts (two customer ids on one email; one touchpoint with two), a kiosk device
   * carried by twelve differently named visitors (over its limit), an office mailbox.
   */
  static List<Touchpoint> crafted() {
    List<Touchpoint> out = new ArrayList<>();
    out.add(Touchpoint.newBuilder("conflict-a").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "C-1").identifier(IdentifierType.EMAIL, "shared.family@example.org")
        .attribute(AttributeKey.GIVEN_NAME, "Ana").build());
    out.add(Touchpoint.newBuilder("conflict-b").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "C-2").identifier(IdentifierType.EMAIL, "shared.family@example.org")
        .attribute(AttributeKey.GIVEN_NAME, "Ana").build());
    out.add(Touchpoint.newBuilder("conflict-c").channel(Channel.WEB)
        .identifier(IdentifierType.EMAIL, "shared.family@example.org").build());
    out.add(Touchpoint.newBuilder("two-customer-ids").channel(Channel.WEB)
        .identifier(IdentifierType.CUSTOMER_ID, "C-1").identifier(IdentifierType.CUSTOMER_ID, "C-9").build());
    String[] names = {"Ana", "Bruno", "Carla", "Diego", "Elena", "Fabio", "Gloria", "Hugo",
        "Irene", "Jorge", "Karla", "Luis"};
    for (int i = 0; i < names.length; i++) {
      out.add(Touchpoint.newBuilder("kiosk-" + i).channel(Channel.of("store"))
          .identifier(IdentifierType.DEVICE_ID, "kiosk-device-0001")
          .attribute(AttributeKey.GIVEN_NAME, names[i]).build());
      out.add(Touchpoint.newBuilder("office-" + i).channel(Channel.WEB)
          .identifier(IdentifierType.EMAIL, "info@office-example.com")
          .identifier(IdentifierType.PHONE, "+34 600 100 1" + String.format("%02d", i))
          .attribute(AttributeKey.GIVEN_NAME, names[i]).build());
    }
    return out;
  }
}
