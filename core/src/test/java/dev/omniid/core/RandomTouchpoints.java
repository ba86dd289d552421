package dev.omniid.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Seeded generators of touchpoint sets that exercise every rule: values shared within a person,
 * values shared across people (households, kiosks), conflicting customer ids, junk, and
 * invalid values. Small pools so that components overlap a lot.
 */
final class RandomTouchpoints {
  static final IdentifierType PASSPORT = IdentifierType.PASSPORT;

  private RandomTouchpoints() {}

  /** One of {@code items}, chosen by {@code random} in their iteration order. */
  static <T> T pick(java.util.Collection<T> items, Random random) {
    int index = random.nextInt(items.size());
    for (T item : items) {
      if (index-- == 0) {
        return item;
      }
    }
    throw new IllegalStateException();
  }

  static List<Touchpoint> generate(Random random, int count) {
    int people = 1 + random.nextInt(Math.max(1, count / 2));
    List<Touchpoint> out = new ArrayList<>(count);
    List<Channel> channels = List.of(Channel.STORE, Channel.WEB, Channel.WHATSAPP,
        Channel.MESSENGER, Channel.MOBILE_APP, Channel.CALL_CENTER);
    for (int i = 0; i < count; i++) {
      int person = random.nextInt(people);
      Touchpoint.Builder b = Touchpoint.newBuilder(String.format("t%03d", i))
          .channel(channels.get(random.nextInt(channels.size())))
          .eventKind(EventKind.VISIT);
      // One in eight has no time, decided by the drawn time itself so that every seed draws what
      // it drew before (its touchpoints, and so its partitions, are unchanged).
      int offset = random.nextInt(1_000_000);
      if (offset % 8 != 0) {
        b.timestamp(Instant.ofEpochSecond(1_700_000_000L + offset));
      }
      int identifiers = random.nextInt(4);
      Set<Integer> kinds = new HashSet<>();
      for (int k = 0; k < identifiers; k++) {
        int kind = random.nextInt(12);
        // One value per exclusive type: two would make the touchpoint invalid (tested apart).
        if (!EXCLUSIVE_KINDS.contains(kind) || kinds.add(kind)) {
          addIdentifier(random, b, kind, person, people);
        }
      }
      if (random.nextInt(3) > 0) {
        addPersonAttributes(random, b, person);
      }
      out.add(b.build());
    }
    return out;
  }

  private static final List<String> GIVEN = List.of("ana", "anabel", "luis", "luisa", "pepe");
  private static final List<String> FAMILY = List.of("garcia", "lopez", "perez");

  /** Names and birth dates from tiny pools, so that scored matches and near misses abound. */
  private static void addPersonAttributes(Random random, Touchpoint.Builder b, int person) {
    int who = random.nextInt(6) == 0 ? person + 1 : person;
    b.attribute(AttributeKey.GIVEN_NAME, GIVEN.get(who % GIVEN.size()));
    b.attribute(AttributeKey.FAMILY_NAME, FAMILY.get(who % FAMILY.size()));
    if (random.nextBoolean()) {
      b.attribute(AttributeKey.BIRTH_DATE, (1970 + who % 4) + "-0" + (1 + who % 9) + "-1" + (who % 10));
    }
  }

  /** Given names agree strongly when they share their first three letters. */
  static final FieldMatcher PREFIX = (a, c) -> a.equals(c) ? ComparisonLevel.EXACT
      : a.regionMatches(0, c, 0, 3) ? ComparisonLevel.STRONG : ComparisonLevel.DIFFERENT;

  /** Birth dates agree weakly on the year. */
  static final FieldMatcher YEAR = (a, c) -> a.equals(c) ? ComparisonLevel.EXACT
      : a.regionMatches(0, c, 0, 4) ? ComparisonLevel.WEAK : ComparisonLevel.DIFFERENT;

  /** A small hand-set model: an exact full name links; a near given name needs the birth date too. */
  static MatchModel model() {
    return MatchModel.newBuilder()
        .field(MatchField.newBuilder("given", FieldSource.attribute(AttributeKey.GIVEN_NAME))
            .matcher(PREFIX).normalizer(Normalizer.lowerCase())
            .probabilities(ComparisonLevel.EXACT, 0.9, 0.1)
            .probabilities(ComparisonLevel.STRONG, 0.08, 0.1).build())
        .field(MatchField.newBuilder("family", FieldSource.attribute(AttributeKey.FAMILY_NAME))
            .probabilities(ComparisonLevel.EXACT, 0.95, 0.2).build())
        .field(MatchField.newBuilder("dob", FieldSource.attribute(AttributeKey.BIRTH_DATE))
            .matcher(YEAR).probabilities(ComparisonLevel.EXACT, 0.9, 0.01)
            .probabilities(ComparisonLevel.WEAK, 0.05, 0.2).build())
        .priorMatchProbability(0.2)
        .build();
  }

  /** Blocks on the given name. */
  static final BlockingKey BY_GIVEN = t -> t.attribute(AttributeKey.GIVEN_NAME)
      .map(List::of).orElse(List.of());

  /** Blocks on the family name. */
  static final BlockingKey BY_FAMILY = t -> t.attribute(AttributeKey.FAMILY_NAME)
      .map(List::of).orElse(List.of());

  private static final Set<Integer> EXCLUSIVE_KINDS = Set.of(5, 8, 10);

  private static void addIdentifier(
      Random random, Touchpoint.Builder b, int kind, int person, int people) {
    // Mostly the person's own values; sometimes someone else's (households, typos, kiosks).
    int owner = random.nextInt(5) == 0 ? random.nextInt(people) : person;
    switch (kind) {
      case 0, 1, 2 -> b.identifier(IdentifierType.EMAIL,
          (random.nextBoolean() ? "P" : "p") + owner + "@mail.example" + (random.nextInt(8) == 0 ? "x" : ""));
      case 3, 4 -> b.identifier(IdentifierType.PHONE, "+3461" + (1000 + owner % 7));
      case 5 -> b.identifier(IdentifierType.CUSTOMER_ID, "C" + (owner % 4 == 0 ? owner + random.nextInt(2) : owner));
      case 6 -> b.identifier(IdentifierType.DEVICE_ID, random.nextInt(3) == 0 ? "kiosk-1" : "dev-" + owner);
      case 7 -> b.identifier(IdentifierType.COOKIE_ID, "ck" + random.nextInt(people + 3));
      case 8 -> b.identifier(IdentifierType.LOYALTY_ID, "L" + (owner % 5));
      case 9 -> b.identifier(IdentifierType.EMAIL, random.nextBoolean() ? "test@test.com" : "not-an-email");
      case 10 -> b.identifier(IdentifierType.of("passport"), "X" + owner);
      default -> b.identifier(IdentifierType.SOCIAL_HANDLE, "@h" + (owner % 6));
    }
  }

  /** A resolver configured as in the property tests: a low device limit so kiosks turn generic. */
  static IdentityResolver resolver() {
    return builder().build();
  }

  /**
   * A small person rule: given names conflict unless equal or one starts with the other's first
   * three letters (so {@code ana} ~ {@code anabel} but not ~ {@code luis}: not transitive, like
   * nicknames), birth dates conflict when their years differ.
   */
  static final PersonRule PEOPLE = new PersonRule() {
    @Override
    public PersonTraits traits(Touchpoint t) {
      return new PersonTraits(t.attribute(AttributeKey.GIVEN_NAME).orElse(null),
          t.attribute(AttributeKey.FAMILY_NAME).orElse(null),
          t.attribute(AttributeKey.BIRTH_DATE).orElse(null), null);
    }

    @Override
    public PersonConflict conflict(PersonTraits a, PersonTraits b) {
      String x = a.givenName();
      String y = b.givenName();
      if (x != null && y != null && !x.equals(y) && !x.regionMatches(0, y, 0, 3)) {
        return PersonConflict.GIVEN_NAME;
      }
      String d = a.birthDate();
      String e = b.birthDate();
      if (d != null && e != null && !d.regionMatches(0, e, 0, 4)) {
        return PersonConflict.BIRTH_DATE;
      }
      return PersonConflict.NONE;
    }

    /** The first three letters: names this rule calls one person always share them. */
    @Override
    public String countingKey(PersonTraits traits) {
      String given = traits.givenName();
      return given == null || given.length() < 3 ? null : given.substring(0, 3);
    }
  };

  /** The property tests' scored configuration, with the small person rule. */
  static ResolverBuilder builder() {
    return deterministicBuilder()
        .personRule(PEOPLE)
        .matchModel(model())
        .blockingKey(BY_FAMILY)
        // A maximum of its own, below the resolver's: blocks of the two keys pass theirs apart.
        .blockingKey(BY_GIVEN, 4)
        // Small, so that blocks cross it both ways in the property tests.
        .maxBlockSize(6);
  }

  /** The property tests' limits and junk, without a match model. */
  static ResolverBuilder deterministicBuilder() {
    return IdentityResolver.newBuilder()
        .identifierPolicy(IdentifierType.DEVICE_ID, IdentifierPolicy.shared(2, 50))
        .identifierPolicy(IdentifierType.COOKIE_ID, IdentifierPolicy.shared(1, 40))
        .junkValues(IdentifierType.EMAIL, "test@test.com"::equals);
  }

  /** The partition as sets of touchpoint ids, independent of profile ids. */
  static Set<Set<String>> partition(IdentityResolver resolver) {
    return resolver.profiles()
        .map(p -> (Set<String>) new TreeSet<>(p.touchpointIds()))
        .collect(Collectors.toCollection(HashSet::new));
  }

  /**
   * Every profile's journey and first and last seen ({@code ?} when unknown), sorted: the part of
   * the profile views that sequence neutrality covers besides the partition (ids are history).
   */
  static String journeys(IdentityResolver resolver) {
    return resolver.profiles().map(p -> p.touchpointIds() + " "
            + p.firstSeen().map(Instant::toString).orElse("?") + ".."
            + p.lastSeen().map(Instant::toString).orElse("?"))
        .sorted().collect(Collectors.joining("\n"));
  }

  static String describe(Set<Set<String>> partition) {
    return partition.stream().map(Object::toString).sorted().collect(Collectors.joining(" "));
  }

  static Map<String, Touchpoint> byId(List<Touchpoint> touchpoints) {
    return touchpoints.stream().collect(Collectors.toMap(Touchpoint::id, t -> t));
  }
}
