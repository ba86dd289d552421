package dev.omniid.core;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A business's key customer figures (customers, buyers, lifetime value, omnichannel conversion,
 * retention, repeat rate, NPS) computed over resolved {@link Profile profiles}, and the same
 * figures as each channel's own system (a silo) would count them, so that "multichannel versus
 * omnichannel" is one call: {@link #compare(Collection)}. Immutable and thread-safe; build one
 * with {@link #newBuilder()} or take the {@link #defaults()}.
 *
 * <pre>{@code
 * CustomerMetrics.Comparison c = CustomerMetrics.defaults().compare(resolver.profiles().toList());
 * c.resolved().customers();        // one customer per profile
 * c.siloed().customers();          // the channels' customers added up
 * c.silos().get(Channel.STORE);    // the store's own figures
 * }</pre>
 *
 * <p><b>Who is a customer.</b> Every figure is computed over <em>customers</em>: groups of
 * touchpoints that one view takes for one person. {@link #of(Collection)} takes each profile for a
 * customer (the omnichannel view); {@link #of(Collection, Function)} takes any grouping, such as a
 * data set's true person ids. A <em>silo</em> is one channel's view: only that channel's
 * touchpoints, grouped into that channel's customers. {@link #compare(Collection)} groups a
 * channel's touchpoints by the profile they belong to: each channel is credited with knowing its
 * own customers as well as the resolver does, so the silo figures are the best a channel can do
 * alone, and the gap to the resolved figures is due to the channel walls alone. A channel that
 * also deduplicates worse on its own (fewer identifiers to link on) counts still more customers:
 * {@link #compare(Collection, Function)} takes each channel system's own grouping, when one ran.
 * One function from a touchpoint to its customer key, rather than one resolver per channel inside
 * this class, keeps the metrics free of any resolver configuration: they only read touchpoints.
 *
 * <p><b>What is read.</b> Event kinds ({@link Builder#convertingKinds converting}, by default
 * purchases; {@link Builder#browsingKinds browsing}, by default visits, views, try-ons and carts),
 * times, channels, and two {@linkplain Touchpoint#payload() payload} entries: the order amount
 * ({@link Builder#amountKey}, by default {@code "amount"}) and the survey score
 * ({@link Builder#scoreKey}, by default {@code "score"}). They are payload, not person
 * {@linkplain Touchpoint#attributes() attributes}: an amount or a score says what happened, not
 * who the customer is, so the resolver never reads them and they never show up in a
 * {@linkplain GoldenRecord golden record}. Identifier and attribute values are never read.
 *
 * <p><b>Figures</b> (see {@link Figures} for each):
 *
 * <ul>
 *   <li><b>buyers</b>: customers with a converting touchpoint; <b>repeat buyers</b> have two or
 *       more; <b>lifetime value</b>: revenue per buyer.
 *   <li><b>revenue</b>: the sum of the converting touchpoints' amounts. An amount is a plain
 *       non-negative decimal number ({@code 59.90}, {@code 120}; at most 15 digits before and 6
 *       after the point; surrounding whitespace ignored). A converting touchpoint without one is
 *       counted as {@linkplain Figures#unpricedPurchases() unpriced}; one whose amount is anything
 *       else ({@code 59,90}, {@code $5}, {@code 1e3}, {@code -5}) is counted as an
 *       {@linkplain Figures#invalidAmounts() invalid amount} and skipped: neither is ever dropped
 *       silently, and the value itself is never reported. Returns are not netted.
 *   <li><b>omnichannel conversion</b>: the share of buyers who browsed on another channel before a
 *       converting touchpoint; {@linkplain Figures#buyersByChannelCount() how many channels} each
 *       buyer's journey touched.
 *   <li><b>retention</b>: the share of customers, among those first seen at least one
 *       {@linkplain Builder#retentionPeriod period} before the end of the data (the latest time
 *       of any touchpoint given), who were active again at least one period after they were
 *       first seen.
 *   <li><b>NPS</b>: promoters minus detractors, in percent of the customers who answered a survey.
 *       A score is an integer from 0 to 10 ({@code 9} and {@code 10} promote, {@code 0} to
 *       {@code 6} detract); anything else is counted as an {@linkplain Figures#invalidScores()
 *       invalid score} and skipped. Every touchpoint that carries the score key is an answer,
 *       whatever its event kind. A customer who answered more than once counts once, with the
 *       mean of their answers: one customer, one vote, whatever the order or times of the answers.
 * </ul>
 *
 * <p><b>Touchpoints without a time</b> (a CRM row, a survey answer without a date) count wherever
 * time does not matter: customers, buyers, revenue, repeat purchases, channels touched, NPS. Where
 * it does they cannot be placed, so they never count: an untimed browse precedes no purchase and
 * an untimed purchase follows no browse (omnichannel conversion), and retention reads timed
 * touchpoints only (a customer seen only without a time is outside its cohort).
 *
 * <p>Every figure is a function of the set of touchpoints and their grouping: the order of the
 * touchpoints, of the profiles or of a profile's journey changes nothing.
 */
public final class CustomerMetrics {
  /** The default amount key, {@code "amount"}. */
  public static final String DEFAULT_AMOUNT_KEY = "amount";
  /** The default score key, {@code "score"}. */
  public static final String DEFAULT_SCORE_KEY = "score";
  /** The default retention period, 90 days. */
  public static final Duration DEFAULT_RETENTION_PERIOD = Duration.ofDays(90);
  private static final CustomerMetrics DEFAULTS = newBuilder().build();
  /** Digits before the point of an amount: more is no order amount, and bounds the parse. */
  private static final int MAX_AMOUNT_INTEGER_DIGITS = 15;
  private static final int MAX_AMOUNT_FRACTION_DIGITS = 6;

  private final String amountKey;
  private final String scoreKey;
  private final Duration retentionPeriod;
  private final Set<EventKind> convertingKinds;
  private final Set<EventKind> browsingKinds;

  private CustomerMetrics(Builder b) {
    this.amountKey = b.amountKey;
    this.scoreKey = b.scoreKey;
    this.retentionPeriod = b.retentionPeriod;
    this.convertingKinds = Set.copyOf(b.convertingKinds);
    this.browsingKinds = Set.copyOf(b.browsingKinds);
  }

  /**
   * The metrics with every setting at its default.
   *
   * @return the shared default metrics: amount key {@code "amount"}, score key {@code "score"},
   *     a 90-day retention period, purchases converting, visits, views, try-ons and carts browsing
   */
  public static CustomerMetrics defaults() {
    return DEFAULTS;
  }

  /**
   * Starts a builder holding the defaults.
   *
   * @return a new builder
   */
  public static Builder newBuilder() {
    return new Builder();
  }

  /**
   * The payload key of a converting touchpoint's amount.
   *
   * @return the key, {@code "amount"} by default
   */
  public String amountKey() {
    return amountKey;
  }

  /**
   * The payload key of a survey answer's 0-10 score.
   *
   * @return the key, {@code "score"} by default
   */
  public String scoreKey() {
    return scoreKey;
  }

  /**
   * How long after first being seen a customer must be active again to count as retained.
   *
   * @return the period, 90 days by default
   */
  public Duration retentionPeriod() {
    return retentionPeriod;
  }

  /**
   * The event kinds that are a conversion (a purchase).
   *
   * @return the kinds, {@link EventKind#PURCHASE} by default
   */
  public Set<EventKind> convertingKinds() {
    return convertingKinds;
  }

  /**
   * The event kinds that are browsing: interest shown before a conversion.
   *
   * @return the kinds, visit, view, try-on and cart by default
   */
  public Set<EventKind> browsingKinds() {
    return browsingKinds;
  }

  /**
   * The figures of the omnichannel view: each profile is one customer.
   *
   * @param profiles the resolved profiles, not null, no null element; each touchpoint in at most
   *     one of them (as a resolver's profiles are)
   * @return the figures
   */
  public Figures of(Collection<Profile> profiles) {
    List<List<Touchpoint>> customers = new ArrayList<>(profiles.size());
    for (Profile p : profiles) {
      customers.add(Objects.requireNonNull(p, "profile").journey());
    }
    return figures(customers, end(customers));
  }

  /**
   * The figures when {@code customerOf} tells which customer each touchpoint belongs to: a data
   * set's true person ids, or any other grouping.
   *
   * @param touchpoints the touchpoints, not null, no null element
   * @param customerOf the customer key of a touchpoint, never null; keys are compared with
   *     {@code equals}
   * @return the figures
   * @throws NullPointerException if {@code customerOf} returns null for a touchpoint
   */
  public Figures of(Collection<Touchpoint> touchpoints, Function<? super Touchpoint, ?> customerOf) {
    Objects.requireNonNull(customerOf, "customerOf");
    List<List<Touchpoint>> customers = group(touchpoints, customerOf);
    return figures(customers, end(customers));
  }

  /**
   * Multichannel versus omnichannel in one call: the figures over the profiles, and over each
   * channel's silo where a channel knows its customers as well as the resolver does (a silo
   * customer is the part of a profile on that channel).
   *
   * @param profiles the resolved profiles, not null, no null element
   * @return the resolved figures, the channels' figures and their sum
   */
  public Comparison compare(Collection<Profile> profiles) {
    Map<Touchpoint, Integer> profileOf = new HashMap<>();
    List<Touchpoint> touchpoints = new ArrayList<>();
    int index = 0;
    for (Profile p : profiles) {
      Objects.requireNonNull(p, "profile");
      for (Touchpoint t : p.journey()) {
        profileOf.put(t, index);
        touchpoints.add(t);
      }
      index++;
    }
    Figures resolved = of(profiles);
    return silos(resolved, touchpoints, profileOf::get);
  }

  /**
   * Multichannel versus omnichannel when each channel's system deduplicated its own records:
   * {@code siloCustomerOf} gives a touchpoint's customer in its own channel's system.
   *
   * @param profiles the resolved profiles, not null, no null element
   * @param siloCustomerOf the customer key of a touchpoint within its channel, never null; keys of
   *     different channels never meet (a silo key is paired with the touchpoint's channel)
   * @return the resolved figures, the channels' figures and their sum
   * @throws NullPointerException if {@code siloCustomerOf} returns null for a touchpoint
   */
  public Comparison compare(Collection<Profile> profiles,
      Function<? super Touchpoint, ?> siloCustomerOf) {
    Objects.requireNonNull(siloCustomerOf, "siloCustomerOf");
    List<Touchpoint> touchpoints = new ArrayList<>();
    for (Profile p : profiles) {
      touchpoints.addAll(Objects.requireNonNull(p, "profile").journey());
    }
    return silos(of(profiles), touchpoints, siloCustomerOf);
  }

  private Comparison silos(Figures resolved, List<Touchpoint> touchpoints,
      Function<? super Touchpoint, ?> siloCustomerOf) {
    Map<Channel, List<Touchpoint>> byChannel = new HashMap<>();
    for (Touchpoint t : touchpoints) {
      byChannel.computeIfAbsent(t.channel(), c -> new ArrayList<>()).add(t);
    }
    // One end of the data for every silo: a channel quiet for the last months must not look as if
    // its customers had had less time to come back.
    Optional<Instant> end = touchpoints.stream().flatMap(t -> t.timestamp().stream())
        .max(Instant::compareTo);
    Map<Channel, Figures> silos = new HashMap<>();
    List<List<Touchpoint>> all = new ArrayList<>();
    byChannel.forEach((channel, records) -> {
      List<List<Touchpoint>> customers = group(records, siloCustomerOf);
      silos.put(channel, figures(customers, end));
      all.addAll(customers);
    });
    return new Comparison(resolved, figures(all, end), silos);
  }

  private static List<List<Touchpoint>> group(Collection<Touchpoint> touchpoints,
      Function<? super Touchpoint, ?> customerOf) {
    Map<Object, List<Touchpoint>> byKey = new HashMap<>();
    for (Touchpoint t : touchpoints) {
      Object key = customerOf.apply(Objects.requireNonNull(t, "touchpoint"));
      if (key == null) {
        throw new NullPointerException("no customer key for touchpoint " + t.id());
      }
      byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(t);
    }
    return new ArrayList<>(byKey.values());
  }

  private static Optional<Instant> end(List<List<Touchpoint>> customers) {
    return customers.stream().flatMap(List::stream).flatMap(t -> t.timestamp().stream())
        .max(Instant::compareTo);
  }

  private Figures figures(List<List<Touchpoint>> customers, Optional<Instant> end) {
    Tally tally = new Tally();
    for (List<Touchpoint> journey : customers) {
      tally.add(journey, end);
    }
    return tally.figures(customers.size());
  }

  /** The running sums of one view. Not thread-safe: one per call. */
  private final class Tally {
    int buyers;
    int purchases;
    BigDecimal revenue = BigDecimal.ZERO;
    int unpriced;
    int invalidAmounts;
    int repeatBuyers;
    int omnichannelBuyers;
    final SortedMap<Integer, Integer> byChannelCount = new TreeMap<>();
    int cohort;
    int retained;
    int respondents;
    int promoters;
    int detractors;
    int invalidScores;

    void add(List<Touchpoint> journey, Optional<Instant> end) {
      int bought = 0;
      int scoreSum = 0;
      int scores = 0;
      Set<Channel> channels = new HashSet<>();
      Instant first = null;
      Instant last = null;
      for (Touchpoint t : journey) {
        channels.add(t.channel());
        if (t.timestamp().isPresent()) {
          Instant time = t.timestamp().get();
          first = first == null || time.isBefore(first) ? time : first;
          last = last == null || time.isAfter(last) ? time : last;
        }
        if (convertingKinds.contains(t.eventKind())) {
          bought++;
          String amount = t.payload().get(amountKey);
          if (amount == null || amount.isBlank()) {
            unpriced++;
          } else {
            BigDecimal value = amount(amount);
            if (value == null) {
              invalidAmounts++;
            } else {
              revenue = revenue.add(value);
            }
          }
        }
        String score = t.payload().get(scoreKey);
        if (score != null) {
          int value = score(score);
          if (value < 0) {
            invalidScores++;
          } else {
            scoreSum += value;
            scores++;
          }
        }
      }
      purchases += bought;
      if (bought > 0) {
        buyers++;
        repeatBuyers += bought >= 2 ? 1 : 0;
        omnichannelBuyers += browsedElsewhereFirst(journey) ? 1 : 0;
        byChannelCount.merge(channels.size(), 1, Integer::sum);
      }
      if (first != null && end.isPresent()
          && !first.plus(retentionPeriod).isAfter(end.get())) {
        cohort++;
        retained += !first.plus(retentionPeriod).isAfter(last) ? 1 : 0;
      }
      if (scores > 0) {
        respondents++;
        // The mean against the thresholds, in integers: mean >= 9 is sum >= 9n, mean <= 6 is
        // sum <= 6n; no rounding decides a class.
        if (scoreSum >= 9 * scores) {
          promoters++;
        } else if (scoreSum <= 6 * scores) {
          detractors++;
        }
      }
    }

    Figures figures(int customers) {
      return new Figures(customers, buyers, purchases, revenue, unpriced, invalidAmounts,
          repeatBuyers, omnichannelBuyers, byChannelCount, cohort, retained, respondents,
          promoters, detractors, invalidScores);
    }
  }

  /** Whether a browse on another channel comes strictly before a conversion, both timed. */
  private boolean browsedElsewhereFirst(List<Touchpoint> journey) {
    for (Touchpoint p : journey) {
      if (!convertingKinds.contains(p.eventKind()) || p.timestamp().isEmpty()) {
        continue;
      }
      for (Touchpoint b : journey) {
        if (browsingKinds.contains(b.eventKind()) && !b.channel().equals(p.channel())
            && b.timestamp().isPresent() && b.timestamp().get().isBefore(p.timestamp().get())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The amount, or null when it is not a plain non-negative decimal number within the bounds. */
  static BigDecimal amount(String raw) {
    String s = raw.strip();
    int point = s.indexOf('.');
    int integer = point < 0 ? s.length() : point;
    int fraction = point < 0 ? 0 : s.length() - point - 1;
    if (integer < 1 || integer > MAX_AMOUNT_INTEGER_DIGITS
        || (point >= 0 && (fraction < 1 || fraction > MAX_AMOUNT_FRACTION_DIGITS))) {
      return null;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (i != point && (c < '0' || c > '9')) {
        return null;
      }
    }
    return new BigDecimal(s);
  }

  /** The score 0-10, or -1 when it is not one. */
  static int score(String raw) {
    String s = raw.strip();
    if (s.isEmpty() || s.length() > 2) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 10 ? value : -1;
  }

  /**
   * The figures of one view of the customers. Counts are of customers unless named otherwise.
   *
   * @param customers the customers in the view
   * @param buyers customers with at least one converting touchpoint
   * @param purchases the converting touchpoints
   * @param revenue the sum of the valid amounts of the converting touchpoints
   * @param unpricedPurchases converting touchpoints without an amount (no entry, or a blank one):
   *     they count as purchases and add nothing to the revenue
   * @param invalidAmounts converting touchpoints whose amount is not a plain non-negative decimal
   *     number: skipped from the revenue, counted here
   * @param repeatBuyers buyers with two converting touchpoints or more
   * @param omnichannelBuyers buyers who browsed on another channel before a converting touchpoint
   *     (both timed)
   * @param buyersByChannelCount buyers by the number of channels their journey touched (any event
   *     kind, timed or not); the counts add up to {@code buyers}
   * @param retentionCohort customers first seen (timed touchpoints only) at least one retention
   *     period before the end of the data
   * @param retained those of the cohort seen again at least one retention period after they were
   *     first seen
   * @param respondents customers with at least one valid score
   * @param promoters respondents whose mean score is 9 or more
   * @param detractors respondents whose mean score is 6 or less
   * @param invalidScores score entries that are not an integer from 0 to 10: skipped, counted here
   */
  public record Figures(int customers, int buyers, int purchases, BigDecimal revenue,
      int unpricedPurchases, int invalidAmounts, int repeatBuyers, int omnichannelBuyers,
      SortedMap<Integer, Integer> buyersByChannelCount, int retentionCohort, int retained,
      int respondents, int promoters, int detractors, int invalidScores) {

    /**
     * Checks that every count is in range and copies the map.
     *
     * @param customers as the record component
     * @param buyers as the record component
     * @param purchases as the record component
     * @param revenue as the record component
     * @param unpricedPurchases as the record component
     * @param invalidAmounts as the record component
     * @param repeatBuyers as the record component
     * @param omnichannelBuyers as the record component
     * @param buyersByChannelCount as the record component
     * @param retentionCohort as the record component
     * @param retained as the record component
     * @param respondents as the record component
     * @param promoters as the record component
     * @param detractors as the record component
     * @param invalidScores as the record component
     * @throws IllegalArgumentException if a count is negative or exceeds what contains it
     * @throws NullPointerException if {@code revenue} or {@code buyersByChannelCount} is null
     */
    public Figures {
      Objects.requireNonNull(revenue, "revenue");
      if (revenue.signum() < 0) {
        throw new IllegalArgumentException("revenue must not be negative");
      }
      buyersByChannelCount = java.util.Collections.unmodifiableSortedMap(
          new TreeMap<>(Objects.requireNonNull(buyersByChannelCount, "buyersByChannelCount")));
      int byChannel = 0;
      for (Map.Entry<Integer, Integer> e : buyersByChannelCount.entrySet()) {
        if (e.getKey() < 1 || e.getValue() < 1) {
          throw new IllegalArgumentException("buyersByChannelCount holds positive counts only");
        }
        byChannel += e.getValue();
      }
      check(customers >= 0, "customers");
      check(buyers >= 0 && buyers <= customers, "buyers");
      check(purchases >= buyers, "purchases");
      check(unpricedPurchases >= 0 && invalidAmounts >= 0
          && unpricedPurchases + invalidAmounts <= purchases, "unpricedPurchases, invalidAmounts");
      check(repeatBuyers >= 0 && repeatBuyers <= buyers, "repeatBuyers");
      check(omnichannelBuyers >= 0 && omnichannelBuyers <= buyers, "omnichannelBuyers");
      check(byChannel == buyers, "buyersByChannelCount");
      check(retentionCohort >= 0 && retentionCohort <= customers, "retentionCohort");
      check(retained >= 0 && retained <= retentionCohort, "retained");
      check(respondents >= 0 && respondents <= customers, "respondents");
      check(promoters >= 0 && detractors >= 0 && promoters + detractors <= respondents,
          "promoters, detractors");
      check(invalidScores >= 0, "invalidScores");
    }

    private static void check(boolean ok, String field) {
      if (!ok) {
        throw new IllegalArgumentException(field + " out of range");
      }
    }

    /**
     * Customer lifetime value: revenue per buyer.
     *
     * @return the revenue divided by the buyers, to the cent (half even); zero without buyers
     */
    public BigDecimal lifetimeValue() {
      return buyers == 0 ? BigDecimal.ZERO.setScale(2)
          : revenue.divide(BigDecimal.valueOf(buyers), 2, RoundingMode.HALF_EVEN);
    }

    /**
     * The share of buyers who bought twice or more.
     *
     * @return {@code repeatBuyers / buyers} in [0, 1]; 0 without buyers
     */
    public double repeatRate() {
      return share(repeatBuyers, buyers);
    }

    /**
     * The share of buyers who browsed on another channel before buying.
     *
     * @return {@code omnichannelBuyers / buyers} in [0, 1]; 0 without buyers
     */
    public double omnichannelConversion() {
      return share(omnichannelBuyers, buyers);
    }

    /**
     * The share of the retention cohort seen again after the period.
     *
     * @return {@code retained / retentionCohort} in [0, 1]; 0 for an empty cohort
     */
    public double retentionRate() {
      return share(retained, retentionCohort);
    }

    /**
     * Net promoter score: the percentage of promoters minus the percentage of detractors.
     *
     * @return a value in [-100, 100]; 0 without respondents
     */
    public double nps() {
      return respondents == 0 ? 0 : 100.0 * (promoters - detractors) / respondents;
    }

    private static double share(int part, int whole) {
      return whole == 0 ? 0 : (double) part / whole;
    }
  }

  /**
   * Multichannel versus omnichannel: the same touchpoints counted over the resolved customers and
   * over each channel's silo.
   *
   * @param resolved the figures with one customer per profile
   * @param siloed the figures when the silos are added up: every silo customer is a customer
   * @param silos each channel's own figures
   */
  public record Comparison(Figures resolved, Figures siloed, Map<Channel, Figures> silos) {
    /**
     * Checks for nulls and copies the map.
     *
     * @param resolved as the record component
     * @param siloed as the record component
     * @param silos as the record component
     * @throws NullPointerException if any part is null
     */
    public Comparison {
      Objects.requireNonNull(resolved, "resolved");
      Objects.requireNonNull(siloed, "siloed");
      silos = Map.copyOf(silos);
    }
  }

  /**
   * Collects the settings of {@link CustomerMetrics}; each setter checks its argument at once.
   * Not thread-safe; the metrics it builds are.
   */
  public static final class Builder {
    private String amountKey = DEFAULT_AMOUNT_KEY;
    private String scoreKey = DEFAULT_SCORE_KEY;
    private Duration retentionPeriod = DEFAULT_RETENTION_PERIOD;
    private Set<EventKind> convertingKinds = Set.of(EventKind.PURCHASE);
    private Set<EventKind> browsingKinds =
        Set.of(EventKind.VISIT, EventKind.VIEW, EventKind.TRY_ON, EventKind.CART);

    private Builder() {}

    /**
     * The payload key of a converting touchpoint's amount.
     *
     * @param key not blank, at most {@value Touchpoint#MAX_PAYLOAD_KEY_LENGTH} characters
     * @return this builder
     * @throws IllegalArgumentException if the key is blank or too long
     */
    public Builder amountKey(String key) {
      this.amountKey = key(key, "amountKey");
      return this;
    }

    /**
     * The payload key of a survey answer's 0-10 score.
     *
     * @param key not blank, at most {@value Touchpoint#MAX_PAYLOAD_KEY_LENGTH} characters
     * @return this builder
     * @throws IllegalArgumentException if the key is blank or too long
     */
    public Builder scoreKey(String key) {
      this.scoreKey = key(key, "scoreKey");
      return this;
    }

    /**
     * How long after first being seen a customer must be active again to count as retained.
     *
     * @param period positive, not null
     * @return this builder
     * @throws IllegalArgumentException if the period is zero or negative
     */
    public Builder retentionPeriod(Duration period) {
      Objects.requireNonNull(period, "period");
      if (period.isZero() || period.isNegative()) {
        throw new IllegalArgumentException("retentionPeriod must be positive");
      }
      this.retentionPeriod = period;
      return this;
    }

    /**
     * The event kinds that are a conversion.
     *
     * @param kinds at least one, no null; copied
     * @return this builder
     * @throws IllegalArgumentException if {@code kinds} is empty
     */
    public Builder convertingKinds(Collection<EventKind> kinds) {
      this.convertingKinds = kinds(kinds, "convertingKinds", false);
      return this;
    }

    /**
     * The event kinds that are browsing, for omnichannel conversion.
     *
     * @param kinds no null; copied; may be empty (no buyer is then omnichannel)
     * @return this builder
     */
    public Builder browsingKinds(Collection<EventKind> kinds) {
      this.browsingKinds = kinds(kinds, "browsingKinds", true);
      return this;
    }

    /**
     * Builds the metrics.
     *
     * @return immutable, thread-safe metrics with these settings
     * @throws IllegalStateException if an event kind is both converting and browsing, or the
     *     amount and score keys are the same
     */
    public CustomerMetrics build() {
      for (EventKind kind : convertingKinds) {
        if (browsingKinds.contains(kind)) {
          throw new IllegalStateException("convertingKinds and browsingKinds share " + kind);
        }
      }
      if (amountKey.equals(scoreKey)) {
        throw new IllegalStateException("amountKey and scoreKey must differ");
      }
      return new CustomerMetrics(this);
    }

    private static String key(String key, String setting) {
      Objects.requireNonNull(key, setting);
      if (key.isBlank() || key.length() > Touchpoint.MAX_PAYLOAD_KEY_LENGTH) {
        throw new IllegalArgumentException(setting + " must be 1-"
            + Touchpoint.MAX_PAYLOAD_KEY_LENGTH + " characters, not blank");
      }
      return key;
    }

    private static Set<EventKind> kinds(Collection<EventKind> kinds, String setting,
        boolean emptyAllowed) {
      Objects.requireNonNull(kinds, setting);
      Set<EventKind> copy = new LinkedHashSet<>();
      for (EventKind kind : kinds) {
        copy.add(Objects.requireNonNull(kind, setting + " element"));
      }
      if (copy.isEmpty() && !emptyAllowed) {
        throw new IllegalArgumentException(setting + " must name at least one event kind");
      }
      return Set.copyOf(copy);
    }
  }
}
