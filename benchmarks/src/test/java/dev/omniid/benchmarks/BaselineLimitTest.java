package dev.omniid.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link BaselineLimit#add(Touchpoint)}, the baseline that reads and normalizes each touchpoint:
 * it must link what the core's default normalizers make equal, keep types apart, pass over a
 * refused value, and forget on rollback what it added, or its figure measures other work.
 */
class BaselineLimitTest {

  @Test
  void touchpointsLinkOnValuesTheirTypesNormalizersMakeEqual() {
    BaselineLimit baseline = new BaselineLimit();
    int ana = baseline.add(touchpoint("a", IdentifierType.EMAIL, " Ana.Perez@Example.COM "));
    assertEquals(ana, baseline.add(touchpoint("b", IdentifierType.EMAIL, "ana.perez@example.com")));
    int phone = baseline.add(touchpoint("c", IdentifierType.PHONE, "+34 612 34 56 78"));
    assertNotEquals(ana, phone);
    assertEquals(phone, baseline.add(touchpoint("d", IdentifierType.PHONE, "+34-612-345-678")));
    int device = baseline.add(touchpoint("e", IdentifierType.DEVICE_ID, "Tablet-7"));
    assertEquals(4, device);
    assertEquals(5, baseline.add(touchpoint("f", IdentifierType.COOKIE_ID, "tablet-7")),
        "one normalized value of two types links nothing");
    int refused = baseline.add(touchpoint("g", IdentifierType.EMAIL, "not an email"));
    assertEquals(6, refused, "a refused value leaves its touchpoint alone");
    assertEquals(7, baseline.add(touchpoint("h", IdentifierType.EMAIL, "not an email")),
        "and links nothing");
    assertEquals(8, baseline.size());
  }

  @Test
  void rollbackForgetsTheValuesItsTouchpointsBroughtAndNothingElse() {
    BaselineLimit baseline = new BaselineLimit();
    int ana = baseline.add(touchpoint("a", IdentifierType.EMAIL, "ana@example.com"));
    int mark = baseline.size();
    Touchpoint joins = touchpoint("b", IdentifierType.EMAIL, "ANA@example.com");
    Touchpoint brings = touchpoint("c", IdentifierType.DEVICE_ID, "Tablet-7");
    assertEquals(ana, baseline.add(joins));
    int tablet = baseline.add(brings);
    assertEquals(2, tablet);
    baseline.rollback(mark, List.of(joins, brings));
    assertEquals(mark, baseline.size());
    assertEquals(1, baseline.add(touchpoint("d", IdentifierType.DEVICE_ID, "tablet-7")),
        "the device the rolled-back touchpoint brought is forgotten");
    assertEquals(ana, baseline.add(touchpoint("e", IdentifierType.EMAIL, "Ana@Example.com")),
        "the e-mail an earlier touchpoint brought is kept");
  }

  private static Touchpoint touchpoint(String id, IdentifierType type, String value) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2026-05-01T10:00:00Z")).identifier(type, value).build();
  }
}
