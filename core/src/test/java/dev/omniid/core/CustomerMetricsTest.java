package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.CustomerMetrics.Comparison;
import dev.omniid.core.CustomerMetrics.Figures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** One hand-computed example per figure, untimed touchpoints, bad amounts and scores, no input. */
class CustomerMetricsTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final CustomerMetrics METRICS = CustomerMetrics.defaults();

  /** A touchpoint of customer {@code customer} on {@code day} (null: untimed). */
  private static Touchpoint.Builder tp(String id, String customer, Channel channel, EventKind kind,
      Integer day) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(channel).eventKind(kind)
        .identifier(IdentifierType.CUSTOMER_ID, customer);
    if (day != null) {
      b.timestamp(T0.plus(Duration.ofDays(day)));
    }
    return b;
  }

  private static Touchpoint buy(String id, String customer, Channel channel, Integer day,
      String amount) {
    return tp(id, customer, channel, EventKind.PURCHASE, day).payload("amount", amount).build();
  }

  private static Touchpoint browse(String id, String customer, Channel channel, Integer day) {
    return tp(id, customer, channel, EventKind.VIEW, day).build();
  }

  private static Touchpoint survey(String id, String customer, Channel channel, Integer day,
      String score) {
    return tp(id, customer, channel, EventKind.SURVEY, day).payload("score", score).build();
  }

  private static List<Profile> resolve(List<Touchpoint> touchpoints) {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolveAll(touchpoints);
    return r.profiles().toList();
  }

  private static Map<Integer, Integer> counts(int... pairs) {
    Map<Integer, Integer> m = new TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  @Test
  void noInputGivesZeroFiguresAndZeroRates() {
    Figures f = METRICS.of(List.of());
    assertEquals(new Figures(0, 0, 0, BigDecimal.ZERO, 0, 0, 0, 0, new TreeMap<>(), 0, 0, 0, 0, 0,
        0), f);
    assertEquals(new BigDecimal("0.00"), f.lifetimeValue());
    assertEquals(0, f.repeatRate());
    assertEquals(0, f.omnichannelConversion());
    assertEquals(0, f.retentionRate());
    assertEquals(0, f.nps());
    Comparison c = METRICS.compare(List.of());
    assertEquals(f, c.resolved());
    assertEquals(f, c.siloed());
    assertTrue(c.silos().isEmpty());
  }

  /**
   * A browses on the web on day 1 and buys in the store on day 2 (10.50) and day 5 (20): a
   * repeat, omnichannel buyer on two channels. B buys once on the web (5.25). C only browses.
   */
  @Test
  void buyersRevenueLifetimeValueRepeatAndOmnichannelConversion() {
    List<Touchpoint> tps = List.of(
        browse("a1", "A", Channel.WEB, 1),
        buy("a2", "A", Channel.STORE, 2, "10.50"),
        buy("a3", "A", Channel.STORE, 5, "20"),
        buy("b1", "B", Channel.WEB, 3, "5.25"),
        browse("c1", "C", Channel.STORE, 4));
    Figures f = METRICS.of(resolve(tps));
    assertEquals(3, f.customers());
    assertEquals(2, f.buyers());
    assertEquals(3, f.purchases());
    assertEquals(new BigDecimal("35.75"), f.revenue());
    assertEquals(new BigDecimal("17.88"), f.lifetimeValue()); // 17.875, half even
    assertEquals(1, f.repeatBuyers());
    assertEquals(0.5, f.repeatRate());
    assertEquals(1, f.omnichannelBuyers());
    assertEquals(0.5, f.omnichannelConversion());
    assertEquals(counts(1, 1, 2, 1), f.buyersByChannelCount());
  }

  @Test
  void theSiloViewSplitsAProfileByChannel() {
    List<Touchpoint> tps = List.of(
        browse("a1", "A", Channel.WEB, 1),
        buy("a2", "A", Channel.STORE, 2, "10.50"),
        buy("a3", "A", Channel.STORE, 5, "20"),
        buy("b1", "B", Channel.WEB, 3, "5.25"),
        browse("c1", "C", Channel.STORE, 4));
    Comparison c = METRICS.compare(resolve(tps));
    // Web knows A (browsing) and B (buying); the store knows A (buying twice) and C.
    assertEquals(2, c.silos().get(Channel.WEB).customers());
    assertEquals(1, c.silos().get(Channel.WEB).buyers());
    assertEquals(new BigDecimal("5.25"), c.silos().get(Channel.WEB).revenue());
    assertEquals(2, c.silos().get(Channel.STORE).customers());
    assertEquals(1, c.silos().get(Channel.STORE).repeatBuyers());
    assertEquals(new BigDecimal("30.50"), c.silos().get(Channel.STORE).revenue());
    Figures siloed = c.siloed();
    assertEquals(4, siloed.customers());
    assertEquals(2, siloed.buyers());
    assertEquals(new BigDecimal("35.75"), siloed.revenue());
    assertEquals(0, siloed.omnichannelBuyers(), "a silo never sees another channel");
    assertEquals(counts(1, 2), siloed.buyersByChannelCount());
    assertEquals(METRICS.of(resolve(tps)), c.resolved());
  }

  @Test
  void aSiloGroupingOfItsOwnSplitsWhatTheResolverJoined() {
    List<Touchpoint> tps = List.of(
        buy("a1", "A", Channel.STORE, 1, "1"),
        buy("a2", "A", Channel.STORE, 2, "2"));
    // The store's own system could not tell that a1 and a2 are one customer.
    Comparison c = METRICS.compare(resolve(tps), Touchpoint::id);
    assertEquals(1, c.resolved().customers());
    assertEquals(1, c.resolved().repeatBuyers());
    assertEquals(2, c.siloed().customers());
    assertEquals(0, c.siloed().repeatBuyers());
  }

  @Test
  void untimedTouchpointsCountAsPurchasesButNeverForOrderOrRetention() {
    List<Touchpoint> tps = List.of(
        browse("a1", "A", Channel.WEB, null),          // untimed browse: precedes nothing
        buy("a2", "A", Channel.STORE, 10, "1.00"),
        buy("b1", "B", Channel.STORE, null, "2.00"),   // untimed purchase: follows nothing
        browse("b2", "B", Channel.WEB, 1),
        browse("c1", "C", Channel.WEB, null),          // only untimed: outside the cohort
        browse("d1", "D", Channel.WEB, 0),
        browse("d2", "D", Channel.WEB, null),          // untimed: not a return
        browse("e1", "E", Channel.WEB, 300));          // the end of the data
    Figures f = METRICS.of(resolve(tps));
    assertEquals(5, f.customers());
    assertEquals(2, f.buyers());
    assertEquals(new BigDecimal("3.00"), f.revenue());
    assertEquals(0, f.omnichannelBuyers());
    assertEquals(counts(2, 2), f.buyersByChannelCount(), "untimed touchpoints touch channels");
    // Cohort: first seen by day 300 - 90 = 210: A (day 10), B (day 1), D (day 0); not C, not E.
    assertEquals(3, f.retentionCohort());
    assertEquals(0, f.retained());
  }

  @Test
  void retentionCountsCustomersActiveAgainAfterThePeriodAmongThoseWhoHadTheTime() {
    List<Touchpoint> tps = List.of(
        browse("a1", "A", Channel.WEB, 0),
        browse("a2", "A", Channel.STORE, 90),  // exactly one period later: retained
        browse("b1", "B", Channel.WEB, 0),
        browse("b2", "B", Channel.WEB, 89),    // a day short
        browse("c1", "C", Channel.WEB, 10),
        browse("c2", "C", Channel.WEB, 150),
        browse("d1", "D", Channel.WEB, 100),   // first seen 100 > 150 - 90: not in the cohort
        browse("d2", "D", Channel.WEB, 101));
    Figures f = METRICS.of(resolve(tps));
    assertEquals(3, f.retentionCohort());
    assertEquals(2, f.retained());
    assertEquals(2.0 / 3, f.retentionRate(), 1e-12);
    CustomerMetrics monthly = CustomerMetrics.newBuilder().retentionPeriod(Duration.ofDays(30))
        .build();
    Figures m = monthly.of(resolve(tps));
    assertEquals(4, m.retentionCohort());
    assertEquals(3, m.retained(), "D came back after a day only");
  }

  @Test
  void invalidAndMissingAmountsAreCountedNeverAddedNorDropped() {
    List<Touchpoint> tps = List.of(
        buy("a1", "A", Channel.STORE, 1, "59.90"),
        buy("a2", "A", Channel.STORE, 2, "59,90"),
        buy("a3", "A", Channel.STORE, 3, " 0.10 "),
        buy("b1", "B", Channel.WEB, 1, "$5"),
        buy("b2", "B", Channel.WEB, 2, "1e3"),
        buy("b3", "B", Channel.WEB, 3, "-5"),
        buy("b4", "B", Channel.WEB, 4, "1234567890123456"),
        buy("b5", "B", Channel.WEB, 5, "1."),
        buy("b6", "B", Channel.WEB, 6, "1.1234567"),
        buy("c1", "C", Channel.WEB, 1, " "),
        tp("c2", "C", Channel.WEB, EventKind.PURCHASE, 2).build(),
        // An amount on a touchpoint that is no conversion is not revenue.
        tp("c3", "C", Channel.WEB, EventKind.RETURN, 3).payload("amount", "100").build());
    Figures f = METRICS.of(resolve(tps));
    assertEquals(11, f.purchases());
    assertEquals(new BigDecimal("60.00"), f.revenue());
    assertEquals(7, f.invalidAmounts());
    assertEquals(2, f.unpricedPurchases());
    assertEquals(3, f.buyers(), "a purchase without a valid amount is still a purchase");
    assertEquals(new BigDecimal("20.00"), f.lifetimeValue());
  }

  @Test
  void amountParsing() {
    assertEquals(new BigDecimal("120"), CustomerMetrics.amount("120"));
    assertEquals(new BigDecimal("0.000001"), CustomerMetrics.amount("0.000001"));
    assertEquals(new BigDecimal("999999999999999.99"), CustomerMetrics.amount("999999999999999.99"));
    for (String bad : List.of("", ".5", "5.", "+5", "1,000", "1 000", "NaN", "Infinity", "1.2.3",
        "٣", "0x10")) {
      assertEquals(null, CustomerMetrics.amount(bad), bad);
    }
  }

  /**
   * A answers 10 and 8 (mean 9: promoter), B 6 (detractor), C 7 and 8 (passive), D 9 on the web
   * and "9.5" (invalid) in the store, E only "eleven" (invalid: no respondent).
   */
  @Test
  void npsCountsEachCustomerOnceWithTheMeanOfTheirValidScores() {
    List<Touchpoint> tps = List.of(
        survey("a1", "A", Channel.EMAIL, 1, "10"),
        survey("a2", "A", Channel.STORE, null, "8"),
        survey("b1", "B", Channel.EMAIL, 1, "6"),
        survey("c1", "C", Channel.EMAIL, 1, "7"),
        survey("c2", "C", Channel.EMAIL, 2, " 8 "),
        survey("d1", "D", Channel.WEB, 1, "9"),
        survey("d2", "D", Channel.STORE, 2, "9.5"),
        survey("e1", "E", Channel.EMAIL, 1, "eleven"),
        survey("e2", "E", Channel.EMAIL, 2, "11"),
        survey("e3", "E", Channel.EMAIL, 3, "-1"));
    Figures f = METRICS.of(resolve(tps));
    assertEquals(5, f.customers());
    assertEquals(4, f.respondents());
    assertEquals(2, f.promoters());
    assertEquals(1, f.detractors());
    assertEquals(4, f.invalidScores());
    assertEquals(25.0, f.nps(), 1e-12); // 50 % promoters - 25 % detractors
    // Per channel: the store sees A's 8 (passive) and D's invalid score.
    Figures store = METRICS.compare(resolve(tps)).silos().get(Channel.STORE);
    assertEquals(1, store.respondents());
    assertEquals(0, store.promoters());
    assertEquals(1, store.invalidScores());
    assertEquals(0, store.nps());
  }

  @Test
  void scoreParsing() {
    for (int i = 0; i <= 10; i++) {
      assertEquals(i, CustomerMetrics.score(Integer.toString(i)));
    }
    assertEquals(7, CustomerMetrics.score("07"));
    for (String bad : List.of("", " ", "11", "100", "-0", "7.0", "x", "١")) {
      assertEquals(-1, CustomerMetrics.score(bad), bad);
    }
  }

  @Test
  void settingsChooseTheKeysAndTheKinds() {
    CustomerMetrics custom = CustomerMetrics.newBuilder().amountKey("total").scoreKey("nps")
        .convertingKinds(List.of(EventKind.PURCHASE, EventKind.of("subscription")))
        .browsingKinds(List.of(EventKind.INQUIRY)).build();
    List<Touchpoint> tps = List.of(
        tp("a1", "A", Channel.CALL_CENTER, EventKind.INQUIRY, 1).build(),
        tp("a2", "A", Channel.WEB, EventKind.of("subscription"), 2).payload("total", "9.99")
            .payload("amount", "1000").build(),
        tp("a3", "A", Channel.WEB, EventKind.SURVEY, 3).payload("nps", "10")
            .payload("score", "0").build());
    Figures f = custom.of(resolve(tps));
    assertEquals(new BigDecimal("9.99"), f.revenue());
    assertEquals(1, f.omnichannelBuyers());
    assertEquals(1, f.promoters());
    assertEquals(0, f.detractors());
    Figures d = METRICS.of(resolve(tps));
    assertEquals(0, d.buyers());
    assertEquals(1, d.detractors());
  }

  @Test
  void theBuilderRefusesBadSettingsNamingThem() {
    CustomerMetrics.Builder b = CustomerMetrics.newBuilder();
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.amountKey(" ")).getMessage()
        .contains("amountKey"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> b.scoreKey("x".repeat(257)))
        .getMessage().contains("scoreKey"));
    assertThrows(IllegalArgumentException.class, () -> b.retentionPeriod(Duration.ZERO));
    assertThrows(IllegalArgumentException.class, () -> b.retentionPeriod(Duration.ofDays(-1)));
    assertThrows(IllegalArgumentException.class, () -> b.convertingKinds(List.of()));
    assertThrows(NullPointerException.class, () -> b.amountKey(null));
    b.browsingKinds(List.of(EventKind.PURCHASE));
    assertTrue(assertThrows(IllegalStateException.class, b::build).getMessage()
        .contains("purchase"));
    b.browsingKinds(List.of()).scoreKey("amount");
    assertThrows(IllegalStateException.class, b::build);
    b.scoreKey("score");
    CustomerMetrics m = b.build();
    assertTrue(m.browsingKinds().isEmpty());
    assertEquals(CustomerMetrics.DEFAULT_RETENTION_PERIOD, m.retentionPeriod());
  }

  @Test
  void aGroupingThatGivesNoKeyIsRefusedNamingTheTouchpointOnly() {
    List<Touchpoint> tps = List.of(buy("a1", "A", Channel.WEB, 1, "1"));
    NullPointerException e = assertThrows(NullPointerException.class,
        () -> METRICS.of(tps, t -> null));
    assertEquals("no customer key for touchpoint a1", e.getMessage());
  }

  @Test
  void figuresRefuseInconsistentCounts() {
    assertThrows(IllegalArgumentException.class, () -> new Figures(1, 2, 2, BigDecimal.ZERO, 0, 0,
        0, 0, new TreeMap<>(Map.of(1, 2)), 0, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Figures(2, 2, 2, BigDecimal.ZERO, 0, 0,
        0, 0, new TreeMap<>(Map.of(1, 1)), 0, 0, 0, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new Figures(1, 0, 0, BigDecimal.ONE
        .negate(), 0, 0, 0, 0, new TreeMap<>(), 0, 0, 0, 0, 0, 0));
  }

  /** The README's lines, on the first example's data. */
  @Test
  void readmeExample() {
    IdentityResolver resolver = IdentityResolver.newBuilder().build();
    resolver.resolveAll(List.of(
        browse("a1", "A", Channel.WEB, 1),
        buy("a2", "A", Channel.STORE, 2, "10.50"),
        buy("a3", "A", Channel.STORE, 5, "20"),
        buy("b1", "B", Channel.WEB, 3, "5.25")));
    CustomerMetrics.Comparison c = CustomerMetrics.defaults().compare(resolver.profiles().toList());
    assertEquals(new BigDecimal("17.88"), c.resolved().lifetimeValue());
    assertEquals(3, c.siloed().customers());
    assertEquals(1.0, c.silos().get(Channel.STORE).repeatRate());
  }
}
