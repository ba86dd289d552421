package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.examples.MultichannelVsOmnichannel.Comparison;
import dev.omniid.examples.MultichannelVsOmnichannel.Figures;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
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
    closer("lifetime value", Figures::lifetimeValue);
    closer("cross-channel conversion", Figures::crossChannelConversion);
    closer("repeat-purchase rate", Figures::repeatPurchaseRate);
  }

  @Test
  void aSiloSeesNoCrossChannelConversion() {
    assertEquals(0, c.siloed().crossChannelBuyers());
    assertTrue(c.truth().crossChannelConversion() > 0.5, "most buyers of the data set browse elsewhere first");
  }

  @Test
  void revenueIsTheSameInEveryViewOnlyItsAttributionChanges() {
    assertEquals(c.truth().revenueCents(), c.siloed().revenueCents());
    assertEquals(c.truth().revenueCents(), c.resolved().revenueCents());
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
    assertEquals(new Figures(5_000, 1_762, 26_199_875, 1_017, 520), c.truth());
    assertEquals(new Figures(19_850, 2_430, 26_199_875, 0, 62), c.siloed());
    assertEquals(new Figures(9_794, 1_988, 26_199_875, 780, 369), c.resolved());
  }

  @Test
  void printsTheTableSideBySide() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    MultichannelVsOmnichannel.run(new PrintStream(bytes, true, StandardCharsets.UTF_8), c);
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertTrue(out.matches("(?s).*customers\\s+19,850\\s+9,794\\s+5,000\\n.*"), out);
    assertTrue(out.contains("cross-channel conversion"), out);
    assertTrue(out.contains("repeat-purchase rate"), out);
  }

  private static void closer(String figure, ToDoubleFunction<Figures> value) {
    double truth = value.applyAsDouble(c.truth());
    double siloed = Math.abs(value.applyAsDouble(c.siloed()) - truth);
    double resolved = Math.abs(value.applyAsDouble(c.resolved()) - truth);
    assertTrue(resolved < siloed, figure + ": resolved off by " + resolved + ", siloed by " + siloed);
  }
}
