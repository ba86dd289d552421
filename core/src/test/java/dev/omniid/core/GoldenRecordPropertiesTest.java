package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sequence neutrality extends to the golden record: the same touchpoints resolved in any order
 * give every profile the same golden record, under the default rules and under rules that use
 * every {@link Survivorship} and a verifier. A failure message starts with the seed.
 */
class GoldenRecordPropertiesTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 200).mapToObj(i -> 0x601D_0000L + i);
  }

  private static final SurvivorshipRules OTHER_RULES = SurvivorshipRules.newBuilder()
      .rule(AttributeKey.GIVEN_NAME, Survivorship.MOST_COMPLETE)
      .rule(AttributeKey.FAMILY_NAME, Survivorship.SOURCE_PRIORITY)
      .rule(IdentifierType.EMAIL, Survivorship.MOST_RECENT)
      .rule(AttributeKey.ADDRESS, Survivorship.MOST_FREQUENT)
      .defaultRule(Survivorship.MOST_COMPLETE)
      .channelPriority(Channel.STORE, Channel.WEB)
      .verifiedBy(IdentifierType.PHONE, v -> v.endsWith("2"))
      .build();

  @ParameterizedTest
  @MethodSource("seeds")
  void shuffledArrivalGivesTheSameGoldenRecords(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = withAddresses(
        RandomTouchpoints.generate(random, 1 + random.nextInt(30)), random);
    Map<String, String> expected = goldens(touchpoints);
    for (int order = 0; order < 4; order++) {
      List<Touchpoint> copy = new ArrayList<>(touchpoints);
      Collections.shuffle(copy, random);
      assertEquals(expected, goldens(copy), "seed=" + seed + " order=" + order);
    }
  }

  /**
   * The record reads only the set of touchpoints, not the journey's order: a profile whose
   * journey is permuted (the resolver never makes one) has the same golden record. This catches
   * a missing tie-break that the journey's own deterministic order would hide.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void permutedJourneyGivesTheSameGoldenRecord(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> touchpoints = withAddresses(
        RandomTouchpoints.generate(random, 1 + random.nextInt(30)), random);
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolveAll(touchpoints);
    for (Profile p : r.profiles().toList()) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < p.size(); i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      List<Touchpoint> journey = new ArrayList<>();
      List<List<Identifier>> normalized = new ArrayList<>();
      for (int i : order) {
        journey.add(p.journey().get(i));
        List<Identifier> ids = new ArrayList<>(p.normalizedIdentifiers(i));
        Collections.shuffle(ids, random);
        normalized.add(ids);
      }
      Profile permuted = new Profile(p.id(), p.aliases(), p.identifiers(), p.channels(),
          p.firstSeen(), p.lastSeen(), journey, p.evidence(), normalized);
      assertEquals(describe(p.golden()), describe(permuted.golden()), "seed=" + seed);
      assertEquals(describe(GoldenRecord.of(p, OTHER_RULES)),
          describe(GoldenRecord.of(permuted, OTHER_RULES)), "seed=" + seed);
      assertEquals(p.golden(), permuted.golden(), "seed=" + seed);
    }
  }

  /** Every profile's golden records (both rule sets), keyed by its touchpoint ids. */
  private static Map<String, String> goldens(List<Touchpoint> arrival) {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    // Half one at a time, the rest as a batch: both paths must agree.
    int cut = arrival.size() / 2;
    arrival.subList(0, cut).forEach(r::resolve);
    r.resolveAll(arrival.subList(cut, arrival.size()));
    Map<String, String> out = new TreeMap<>();
    r.profiles().forEach(p -> {
      List<String> ids = new ArrayList<>(p.touchpointIds());
      Collections.sort(ids);
      out.put(ids.toString(), describe(p.golden()) + " | "
          + describe(GoldenRecord.of(p, OTHER_RULES)));
    });
    return out;
  }

  /** Every field with its unmasked value and raw spelling (toString masks them). */
  private static String describe(GoldenRecord g) {
    StringBuilder s = new StringBuilder();
    g.identifiers().forEach((k, f) -> s.append(k).append('=').append(f.value()).append('/')
        .append(f.raw()).append('@').append(f).append(';'));
    g.attributes().forEach((k, f) -> s.append(k).append('=').append(f.value()).append('/')
        .append(f.raw()).append('@').append(f).append(';'));
    return s.toString();
  }

  private static final List<String> ADDRESSES = List.of("1 Main St", "1 Main Street", "2 Oak Ave");

  /** Adds addresses and countries, sometimes with surrounding spaces, to some touchpoints. */
  private static List<Touchpoint> withAddresses(List<Touchpoint> touchpoints, Random random) {
    List<Touchpoint> out = new ArrayList<>(touchpoints.size());
    for (Touchpoint t : touchpoints) {
      if (random.nextBoolean()) {
        out.add(t);
        continue;
      }
      Map<AttributeKey, String> attributes = new java.util.LinkedHashMap<>(t.attributes());
      String address = ADDRESSES.get(random.nextInt(ADDRESSES.size()));
      attributes.put(AttributeKey.ADDRESS, random.nextInt(4) == 0 ? " " + address : address);
      attributes.put(AttributeKey.COUNTRY, random.nextBoolean() ? "ES" : "PT");
      // Some share a time exactly, so that the chain after MOST_RECENT is exercised.
      Instant time = random.nextInt(4) == 0 ? Instant.ofEpochSecond(1_700_000_000L)
          : t.timestamp().orElse(null);
      out.add(new Touchpoint(t.id(), t.channel(), time, t.eventKind(), t.identifiers(),
          attributes, t.payload()));
    }
    return out;
  }
}
