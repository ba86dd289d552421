package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.CustomerMetrics.Figures;
import dev.omniid.examples.MultichannelVsOmnichannel.Comparison;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MultichannelVsOmnichannelTest {
  private static Comparison c;

  @BeforeAll
  static void compare() {
    c = MultichannelVsOmnichannel.compare(MultichannelVsOmnichannel.PEOPLE, MultichannelVsOmnichannel.SEED);
  }

  @Test
  void omnichannelCountsFewerCustomersThanTheSilosAndCloserToTheTruth() {
    assertEquals(c.siloCustomers().values().stream().mapToInt(Integer::intValue).sum(), c.siloed().customers());
    assertTrue(c.resolved().customers() < c.siloed().customers());
    assertTrue(c.truth().customers() <= c.resolved().customers());
  }

  @Test
  void everyFigureIsCloserToTheTruthResolvedThanSiloed() {
    closer("customers", Figures::customers);
    closer("buying customers", Figures::buyers);
    closer("lifetime value", f -> f.lifetimeValue().doubleValue());
    closer("cross-channel conversion", Figures::omnichannelConversion);
    closer("repeat-purchase rate", Figures::repeatRate);
    closer("retention", Figures::retentionRate);
  }

  @Test
  void aSiloSeesNoCrossChannelConversion() {
    assertEquals(0, c.siloed().omnichannelBuyers());
    assertTrue(c.truth().omnichannelConversion() > 0.5, "most buyers of the data set browse elsewhere first");
  }

  @Test
  void revenueIsTheSameInEveryViewOnlyItsAttributionChanges() {
    assertEquals(c.truth().revenue(), c.siloed().revenue());
    assertEquals(c.truth().revenue(), c.resolved().revenue());
    assertEquals(0, c.truth().unpricedPurchases() + c.truth().invalidAmounts(),
        "datagen prices every purchase");
  }

  /**
   * The figures of the README for seed 2026. The truth depends only on datagen and the derived
   * amounts; siloed and resolved also on the OmniId defaults: if their accuracy changed on purpose,
   * update these figures and the README's table together.
   */
  @Test
  void theFiguresOfTheFixedSeed() {
    assertEquals(25_010, c.touchpoints());
    assertEquals(2_494, c.purchases());
    assertFigures(c.truth(), 5_000, 1_762, 1_017, 520);
    assertFigures(c.siloed(), 19_827, 2_430, 0, 62);
    assertFigures(c.resolved(), 9_740, 1_986, 779, 373);
    assertEquals(new BigDecimal("261998.75"), c.truth().revenue());
  }

  @Test
  void printsTheTableSideBySide() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MultichannelVsOmnichannel.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), c);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.matches("(?s).*customers\\s+19,827\\s+9,740\\s+5,000\\n.*"), out);
    assertTrue(out.contains("cross-channel conversion"), out);
    assertTrue(out.contains("repeat-purchase rate"), out);
    assertTrue(out.matches("(?s).*lifetime value \\(revenue per buyer\\)\\s+107\\.82\\s+131\\.92\\s+148\\.69\\n.*"), out);
    assertTrue(out.contains("retention (back after 90 days)"), out);
    assertTrue(out.contains("NPS (one vote per customer)"), out);
  }

  /** The figures example 5 printed before {@code CustomerMetrics} computed them: unchanged. */
  private static void assertFigures(Figures f, int customers, int buyers, int omnichannelBuyers,
      int repeatBuyers) {
    assertEquals(customers, f.customers());
    assertEquals(buyers, f.buyers());
    assertEquals(omnichannelBuyers, f.omnichannelBuyers());
    assertEquals(repeatBuyers, f.repeatBuyers());
  }

  private static void closer(String figure, ToDoubleFunction<Figures> value) {
    double truth = value.applyAsDouble(c.truth());
    double siloed = Math.abs(value.applyAsDouble(c.siloed()) - truth);
    double resolved = Math.abs(value.applyAsDouble(c.resolved()) - truth);
    assertTrue(resolved < siloed, figure + ": resolved off by " + resolved + ", siloed by " + siloed);
  }
}
