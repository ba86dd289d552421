package dev.omniid.datagen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.EventKind;
import dev.omniid.core.Touchpoint;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Purchases carry an amount and surveys a score, in the payload, and nothing else does. */
class AmountsAndScoresTest {
  private static final List<Touchpoint> DATA = OmniChannelGenerator.newBuilder().people(2_000)
      .seed(7).build().generate().stream().map(GeneratedTouchpoint::touchpoint).toList();

  @Test
  void everyPurchaseHasItsAmountDerivedFromItsId() {
    long purchases = 0;
    for (Touchpoint t : DATA) {
      if (!t.eventKind().equals(EventKind.PURCHASE)) {
        continue;
      }
      purchases++;
      BigDecimal amount = new BigDecimal(t.payload().get(OmniChannelGenerator.AMOUNT));
      assertEquals(2, amount.scale(), t.id());
      assertTrue(amount.compareTo(new BigDecimal("10.00")) >= 0
          && amount.compareTo(new BigDecimal("200.00")) <= 0, t.id());
      assertEquals(1_000 + Math.floorMod(t.id().hashCode(), 19_001),
          amount.movePointRight(2).longValueExact(), t.id());
    }
    assertTrue(purchases > 500, "purchases " + purchases);
    // The bounds: "" hashes to 0; 19,000 is the largest remainder.
    assertEquals("10.00", OmniChannelGenerator.amount(""));
    assertEquals("200.00", OmniChannelGenerator.amount(hashing(19_000)));
  }

  /** A two-character string whose {@code hashCode()} is {@code h} (h below 31 * 65,536). */
  private static String hashing(int h) {
    return new String(new char[] {(char) (h / 31), (char) (h % 31)});
  }

  @Test
  void everySurveyHasAScoreFrom0To10AndScoresSpreadOverTheScale() {
    int[] counts = new int[11];
    for (Touchpoint t : DATA) {
      String score = t.payload().get(OmniChannelGenerator.SCORE);
      assertEquals(t.eventKind().equals(EventKind.SURVEY), score != null, t.id());
      if (score != null) {
        counts[Integer.parseInt(score)]++;
      }
    }
    int promoters = counts[9] + counts[10];
    int detractors = 0;
    for (int i = 0; i <= 6; i++) {
      detractors += counts[i];
    }
    int all = java.util.Arrays.stream(counts).sum();
    assertTrue(promoters > all / 4 && detractors > all / 8 && promoters > detractors,
        java.util.Arrays.toString(counts));
  }

  @Test
  void onlyPurchasesAndSurveysCarryAPayload() {
    for (Touchpoint t : DATA) {
      Map<String, String> payload = t.payload();
      boolean expected = t.eventKind().equals(EventKind.PURCHASE)
          || t.eventKind().equals(EventKind.SURVEY);
      assertEquals(expected ? 1 : 0, payload.size(), t.id());
    }
  }
}
