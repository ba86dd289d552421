package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.CustomerMetrics.Comparison;
import dev.omniid.core.CustomerMetrics.Figures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToIntFunction;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The metrics are a function of the touchpoints and their grouping: the order of the touchpoints,
 * of the profiles and of the silos changes nothing; the silos add up to the siloed view; with
 * every touchpoint its own customer, the resolved and the siloed views agree. Random customers
 * with timed and untimed touchpoints, valid, invalid and missing amounts and scores. A failure
 * message starts with the seed.
 */
class CustomerMetricsPropertiesTest {
  private static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");
  private static final List<Channel> CHANNELS =
      List.of(Channel.STORE, Channel.WEB, Channel.EMAIL, Channel.WHATSAPP);
  private static final List<EventKind> KINDS = List.of(EventKind.PURCHASE, EventKind.PURCHASE,
      EventKind.VIEW, EventKind.VISIT, EventKind.CART, EventKind.SURVEY, EventKind.RETURN);
  private static final List<String> AMOUNTS = List.of("10", "9.99", "0.5", "120.00", "1,5", "x");
  private static final List<String> SCORES = List.of("0", "6", "7", "8", "9", "10", "11", "n/a");
  private static final CustomerMetrics MONTHLY = CustomerMetrics.newBuilder()
      .retentionPeriod(Duration.ofDays(30)).build();

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).mapToObj(i -> 0x3E7_0000L + i);
  }

  /** Up to 40 touchpoints of up to 8 customers, linked by a customer id. */
  private static List<Touchpoint> touchpoints(Random random) {
    int count = random.nextInt(41);
    int customers = 1 + random.nextInt(8);
    List<Touchpoint> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      EventKind kind = KINDS.get(random.nextInt(KINDS.size()));
      Touchpoint.Builder b = Touchpoint.newBuilder("t" + i)
          .channel(CHANNELS.get(random.nextInt(CHANNELS.size()))).eventKind(kind)
          .identifier(IdentifierType.CUSTOMER_ID, "C" + random.nextInt(customers));
      if (random.nextInt(5) > 0) {
        b.timestamp(T0.plus(Duration.ofDays(random.nextInt(200))));
      }
      if (kind.equals(EventKind.PURCHASE) && random.nextInt(6) > 0) {
        b.payload("amount", AMOUNTS.get(random.nextInt(AMOUNTS.size())));
      }
      if (kind.equals(EventKind.SURVEY) || random.nextInt(20) == 0) {
        b.payload("score", SCORES.get(random.nextInt(SCORES.size())));
      }
      out.add(b.build());
    }
    return out;
  }

  private static List<Profile> resolve(List<Touchpoint> touchpoints) {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolveAll(touchpoints);
    return r.profiles().toList();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theOrderOfTouchpointsAndProfilesChangesNothing(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = touchpoints(random);
    List<Profile> profiles = resolve(touchpoints);
    for (CustomerMetrics metrics : List.of(CustomerMetrics.defaults(), MONTHLY)) {
      Comparison expected = metrics.compare(profiles);
      Figures byCustomerId = metrics.of(touchpoints,
          t -> t.identifiers().get(0).raw());
      for (int round = 0; round < 3; round++) {
        List<Touchpoint> shuffled = new ArrayList<>(touchpoints);
        Collections.shuffle(shuffled, random);
        List<Profile> again = new ArrayList<>(resolve(shuffled));
        Collections.shuffle(again, random);
        assertEquals(expected, metrics.compare(again), "seed=" + seed + " round=" + round);
        assertEquals(byCustomerId, metrics.of(shuffled, t -> t.identifiers().get(0).raw()),
            "seed=" + seed + " round=" + round);
      }
      // Exact customer ids are all the core resolver links on: a profile is a customer id.
      assertEquals(byCustomerId, expected.resolved(), "seed=" + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theSilosAddUpToTheSiloedViewAndTouchpointCountsAgreeAcrossViews(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = touchpoints(random);
    Comparison c = CustomerMetrics.defaults().compare(resolve(touchpoints));
    String m = "seed=" + seed;
    for (ToIntFunction<Figures> count : List.<ToIntFunction<Figures>>of(Figures::customers,
        Figures::buyers, Figures::purchases, Figures::unpricedPurchases, Figures::invalidAmounts,
        Figures::repeatBuyers, Figures::omnichannelBuyers, Figures::retentionCohort,
        Figures::retained, Figures::respondents, Figures::promoters, Figures::detractors,
        Figures::invalidScores)) {
      assertEquals(count.applyAsInt(c.siloed()),
          c.silos().values().stream().mapToInt(count).sum(), m);
    }
    BigDecimal sum = c.silos().values().stream().map(Figures::revenue)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    assertEquals(0, sum.compareTo(c.siloed().revenue()), m);
    assertEquals(0, c.siloed().omnichannelBuyers(), m);
    assertEquals(c.siloed().buyers(), c.siloed().buyersByChannelCount().getOrDefault(1, 0), m);
    // Counts of touchpoints, not of customers, are the same however customers are told apart.
    assertEquals(c.resolved().purchases(), c.siloed().purchases(), m);
    assertEquals(c.resolved().revenue(), c.siloed().revenue(), m);
    assertEquals(c.resolved().unpricedPurchases(), c.siloed().unpricedPurchases(), m);
    assertEquals(c.resolved().invalidAmounts(), c.siloed().invalidAmounts(), m);
    assertEquals(c.resolved().invalidScores(), c.siloed().invalidScores(), m);
    assertEquals(touchpoints.stream().map(t -> t.identifiers().get(0).raw()).distinct().count(),
        c.resolved().customers(), m);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyTouchpointItsOwnCustomerGivesTheSameResolvedAndSiloedFigures(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = touchpoints(random);
    List<Profile> profiles = resolve(touchpoints);
    Comparison c = CustomerMetrics.defaults().compare(profiles, Touchpoint::id);
    Figures singletons = CustomerMetrics.defaults().of(touchpoints, Touchpoint::id);
    String m = "seed=" + seed;
    assertEquals(singletons, c.siloed(), m);
    assertEquals(touchpoints.size(), singletons.customers(), m);
    assertEquals(0, singletons.repeatBuyers(), m);
    assertEquals(singletons.buyers(), singletons.purchases(), m);
    // And each channel's silo is the singletons of that channel.
    Map<Channel, List<Touchpoint>> byChannel = new HashMap<>();
    touchpoints.forEach(t -> byChannel.computeIfAbsent(t.channel(), k -> new ArrayList<>()).add(t));
    assertEquals(byChannel.keySet(), c.silos().keySet(), m);
  }
}
