package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path's household case (a touchpoint joining a profile that refused a link, under a
 * person rule) gives what the full computation gives. {@link FastPathPropertiesTest} draws
 * touchpoints of any kind; these are households on purpose: people who cannot be one person
 * sharing a landline, a family mailbox and a shop's kiosk, touchpoints that name nobody, customer
 * ids, scored matches between namesakes, arriving in random orders with some removals. After
 * every step the call's result and every profile must be equal with the fast path on and off.
 */
class HouseholdFastPathPropertiesTest {
  /**
   * A thousand seeds, and seed 18301 of a longer run: a touchpoint naming only a birth date joined
   * a clean profile whose people a relative's loyalty card had joined across a conflict; replayed,
   * its landline first met the other person's group and was refused, evidence the fast path did
   * not give (it now leaves such profiles to the full path).
   */
  static LongStream seeds() {
    return LongStream.concat(LongStream.range(0, 1000), LongStream.of(18301));
  }

  private static final List<String> GIVEN = List.of("ana", "anabel", "luis", "pepe", "marta");
  private static final List<String> FAMILY = List.of("garcia", "lopez");

  @ParameterizedTest
  @MethodSource("seeds")
  void householdsResolveAlikeWithAndWithoutTheFastPath(long seed) {
    replay(seed, RandomTouchpoints::builder);
  }

  /**
   * The same with a model that also scores phones (a shared tail is a strong agreement) and
   * e-mails, blocked on the phone's tail: touchpoints that name nobody get scored edges, and
   * profiles are reached by an edge alone, which the names-only model never gives.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void householdsScoredOnIdentifiersResolveAlike(long seed) {
    replay(seed, HouseholdFastPathPropertiesTest::identifierScoring);
  }

  /**
   * Households whose members also write to an office's role account ({@code info@}, shared by
   * the people of two households), under a rule that also tells colleagues apart by their family
   * names there: the account joins carriers one pair at a time, by their people, and the fast
   * path leaves a touchpoint carrying it to the full path.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void householdsWithAnOfficeMailboxResolveAlike(long seed) {
    replay(seed, () -> RandomTouchpoints.builder().personRule(COLLEAGUES)
        .roleAccounts(IdentifierType.EMAIL, v -> v.startsWith("info@")), true);
  }

  /**
   * The same households with their family mailbox declared a role account, as the {@code OmniId}
   * defaults declare {@code casagarcia@} and {@code familia.lopez@}: the mailbox links two
   * relatives only when both name agreeing people by a given name, and the fast path leaves a
   * touchpoint carrying it with other carriers to the full path.
   */
  @ParameterizedTest
  @MethodSource("seeds")
  void householdsWithTheirFamilyMailboxARoleAccountResolveAlike(long seed) {
    replay(seed, () -> RandomTouchpoints.builder()
        .roleAccounts(IdentifierType.EMAIL, v -> v.startsWith("familia")));
  }

  /** {@link RandomTouchpoints#PEOPLE}, and family names that differ keep colleagues apart. */
  static final PersonRule COLLEAGUES = new PersonRule() {
    @Override
    public PersonTraits traits(Touchpoint t) {
      return RandomTouchpoints.PEOPLE.traits(t);
    }

    @Override
    public PersonConflict conflict(PersonTraits a, PersonTraits b) {
      return RandomTouchpoints.PEOPLE.conflict(a, b);
    }

    @Override
    public String countingKey(PersonTraits traits) {
      return RandomTouchpoints.PEOPLE.countingKey(traits);
    }

    @Override
    public PersonConflict conflictAtRoleAccount(PersonTraits a, PersonTraits b) {
      PersonConflict first = conflict(a, b);
      return first != PersonConflict.NONE || a.familyName() == null || b.familyName() == null
          || a.familyName().equals(b.familyName()) ? first : PersonConflict.FAMILY_NAME;
    }
  };

  /**
   * The case the fast path's person check is for, spelled out. An anonymous session shares the
   * family mailbox with a relative (refused: she and her brother cannot be one person) and with a
   * namesake of the profile's person; the mailbox skips the session, which names nobody until a
   * later e-mail joins it to its profile. A newcomer joining that profile by e-mails that sort
   * before the mailbox names the session's group first in the replay, and the mailbox then joins
   * the namesake to it: the full path merges, so the fast path must not answer the old profile
   * plus the touchpoint, whether the newcomer names the person or nobody. Where the namesake's
   * person conflicts with the newcomer's, nothing merges, and both paths say so.
   */
  @org.junit.jupiter.api.Test
  void aSessionNamedEarlyByTheNewcomerJoinsItsProfileToANamesakeOnTheFamilyMailbox() {
    for (String newcomer : Arrays.asList("luis", null)) {
      for (String namesake : List.of("luis", "marta")) {
        String context = "newcomer " + newcomer + ", namesake " + namesake;
        IdentityResolver fast = mailboxCase(true);
        IdentityResolver full = mailboxCase(false);
        List<Touchpoint> before = List.of(
            mailboxTouchpoint("m", null, "a1@a.example", "m@f.example", "zz@a.example"),
            mailboxTouchpoint("a", "luis", "a2@a.example", "zz@a.example"),
            mailboxTouchpoint("h", namesake, "m@f.example"),
            mailboxTouchpoint("k", "ana", "m@f.example"));
        for (Touchpoint t : before) {
          assertEquals(full.resolve(t), fast.resolve(t), context);
        }
        assertEquals(Set.of(Set.of("a", "m"), Set.of("h"), Set.of("k")),
            RandomTouchpoints.partition(full), context);
        Touchpoint t = mailboxTouchpoint("t", newcomer, "a1@a.example", "a2@a.example");
        assertEquals(full.resolve(t), fast.resolve(t), context);
        assertEquals(full.profiles().toList(), fast.profiles().toList(), context);
        Set<Set<String>> expected = namesake.equals("luis")
            ? Set.of(Set.of("a", "h", "m", "t"), Set.of("k"))
            : Set.of(Set.of("a", "m", "t"), Set.of("h"), Set.of("k"));
        assertEquals(expected, RandomTouchpoints.partition(fast), context);
      }
    }
  }

  /**
   * The father's visit carries his e-mail, on file in the household's profile (split from his
   * wife's by their landline, refused), and his work phone, on file in a profile of its own: the
   * fast path merges the two with the visit into the older, the work phone's, and the union, no
   * longer its whole component, must not pass for clean. A touchpoint naming nobody that carries
   * only the landline, its first carrier in the father's profile, shows it: the landline is
   * contested, so the full path leaves it alone, where a clean profile would have taken it by its
   * one carrier.
   */
  @org.junit.jupiter.api.Test
  void aVisitJoiningAHouseholdsProfileToAProfileOfItsOwnLeavesThemNotClean() {
    IdentityResolver fast = mailboxCase(true);
    IdentityResolver full = mailboxCase(false);
    List<Touchpoint> steps = List.of(
        personTouchpoint("w1", "luis", null, "+34610000002"),
        personTouchpoint("f1", "luis", "luis@f.example", "+34910000001"),
        personTouchpoint("m1", "ana", "ana@f.example", "+34910000001"),
        personTouchpoint("t", "luis", "luis@f.example", "+34610000002"),
        personTouchpoint("s", null, null, "+34910000001"));
    for (Touchpoint t : steps) {
      assertEquals(full.resolve(t), fast.resolve(t), t.id());
      assertEquals(full.profiles().toList(), fast.profiles().toList(), t.id());
    }
    assertEquals(Set.of(Set.of("f1", "w1", "t"), Set.of("m1"), Set.of("s")),
        RandomTouchpoints.partition(fast));
  }

  /**
   * Why a touchpoint naming nobody is left to the full path when it would join a household's
   * profile with a clean one. The household's anonymous session ({@code k2}) shares the family
   * mailbox with Luis, of its profile, and with Ana, of another; the mailbox, contested, skips it.
   * The visit names nobody but links the session (by one e-mail) and a profile that knows only a
   * birth date (by another): replayed, the session's group is named by that birth date before
   * the mailbox, so the mailbox now joins it to Ana, and Luis is refused. The person check reads
   * Luis against Ana and finds the union refused; the birth date, which agrees with both, it does
   * not read. The full path's answer is Ana's profile with the session, the visit and the birth
   * date; both paths must give it.
   */
  @org.junit.jupiter.api.Test
  void aVisitNamingNobodyBetweenAHouseholdAndAProfileOfItsOwnIsLeftToTheFullPath() {
    IdentityResolver fast = mailboxCase(true);
    IdentityResolver full = mailboxCase(false);
    List<Touchpoint> steps = List.of(
        mailboxTouchpoint("k3", "luis", "x@f.example", "y@f.example"),
        mailboxTouchpoint("k2", null, "x@f.example", "y@f.example", "a@f.example"),
        mailboxTouchpoint("k1", "ana", "x@f.example"),
        Touchpoint.newBuilder("d").channel(Channel.STORE).eventKind(EventKind.PURCHASE)
            .identifier(IdentifierType.EMAIL, "b@f.example")
            .attribute(AttributeKey.BIRTH_DATE, "1980-05-01").build(),
        mailboxTouchpoint("t", null, "a@f.example", "b@f.example"));
    for (Touchpoint t : steps) {
      assertEquals(full.resolve(t), fast.resolve(t), t.id());
      assertEquals(full.profiles().toList(), fast.profiles().toList(), t.id());
    }
    assertEquals(Set.of(Set.of("k1", "k2", "t", "d"), Set.of("k3")),
        RandomTouchpoints.partition(fast));
  }

  private static Touchpoint personTouchpoint(String id, String given, String email,
      String phone) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .eventKind(EventKind.VISIT).identifier(IdentifierType.PHONE, phone);
    if (email != null) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    return b.build();
  }

  private static IdentityResolver mailboxCase(boolean fastPath) {
    return new Configuration("mailbox",
        () -> RandomTouchpoints.deterministicBuilder().personRule(RandomTouchpoints.PEOPLE),
        false, 0).build(fastPath, null);
  }

  private static Touchpoint mailboxTouchpoint(String id, String given, String... emails) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .eventKind(EventKind.VISIT);
    for (String email : emails) {
      b.identifier(IdentifierType.EMAIL, email);
    }
    if (given != null) {
      b.attribute(AttributeKey.GIVEN_NAME, given);
    }
    return b.build();
  }

  /** How many nameless touchpoints had an edge, over every replay of the identifier model. */
  private static final java.util.concurrent.atomic.AtomicInteger NAMELESS_WITH_EDGES =
      new java.util.concurrent.atomic.AtomicInteger();

  @org.junit.jupiter.api.AfterAll
  static void theIdentifierModelGaveEdgesToTouchpointsNamingNobody() {
    org.junit.jupiter.api.Assertions.assertTrue(NAMELESS_WITH_EDGES.get() > 0,
        "no touchpoint naming nobody had an edge: the second property tests nothing new");
  }

  static ResolverBuilder identifierScoring() {
    MatchModel model = RandomTouchpoints.model().toBuilder()
        .field(MatchField.newBuilder("phone", FieldSource.identifier(IdentifierType.PHONE))
            .matcher((a, b) -> a.equals(b) ? ComparisonLevel.EXACT
                : a.length() > 3 && b.length() > 3
                    && a.regionMatches(a.length() - 3, b, b.length() - 3, 3)
                    ? ComparisonLevel.STRONG : ComparisonLevel.DIFFERENT)
            .probabilities(ComparisonLevel.EXACT, 0.6, 0.001)
            .probabilities(ComparisonLevel.STRONG, 0.2, 0.002).build())
        .field(MatchField.newBuilder("email", FieldSource.identifier(IdentifierType.EMAIL))
            .normalizer(Normalizer.lowerCase())
            .probabilities(ComparisonLevel.EXACT, 0.5, 0.01).build())
        .build();
    BlockingKey phoneTail = t -> t.identifiers().stream()
        .filter(i -> i.type().equals(IdentifierType.PHONE) && i.value().length() > 3)
        .map(i -> i.value().substring(i.value().length() - 3)).toList();
    return RandomTouchpoints.builder().matchModel(model).blockingKey(phoneTail);
  }

  private static void replay(long seed, java.util.function.Supplier<ResolverBuilder> configuration) {
    replay(seed, configuration, false);
  }

  private static void replay(long seed, java.util.function.Supplier<ResolverBuilder> configuration,
      boolean office) {
    Random random = new Random(0x4053_0000L + seed);
    List<Touchpoint> pool = households(random, office);
    IdentityResolver fast = new Configuration("households", configuration, false, 0)
        .build(true, null);
    IdentityResolver full = new Configuration("households", configuration, false, 0)
        .build(false, null);
    List<Touchpoint> waiting = new ArrayList<>(pool);
    Collections.shuffle(waiting, random);
    List<Touchpoint> live = new ArrayList<>();
    for (int step = 0; !waiting.isEmpty(); step++) {
      String context = "seed=" + seed + " step=" + step;
      if (live.size() > 3 && random.nextInt(10) == 0) {
        Touchpoint gone = live.remove(random.nextInt(live.size()));
        waiting.add(0, gone);
        assertEquals(full.remove(gone.id()), fast.remove(gone.id()), context + ": removal");
      } else {
        Touchpoint t = waiting.remove(waiting.size() - 1);
        live.add(t);
        assertEquals(full.resolve(t), fast.resolve(t), context + ": resolution of " + t.id());
      }
      assertEquals(full.profiles().toList(), fast.profiles().toList(), context + ": the profiles");
    }
    GraphInvariants.check(fast);
    int nameless = ((InMemoryResolver) fast).inspect(parts -> {
      int[] n = {0};
      parts.graph().forEachTouchpoint(node -> {
        if (node.person() == null && node.hasEdges()) {
          n[0]++;
        }
      });
      return n[0];
    });
    NAMELESS_WITH_EDGES.addAndGet(nameless);
  }

  /**
   * One to four households of two to four people, each with a few touchpoints; with
   * {@code office}, some touchpoints carry one of two offices' {@code info@} mailboxes (without
   * it nothing more is drawn: the other properties' seeds give the households they gave).
   */
  private static List<Touchpoint> households(Random random, boolean office) {
    List<Touchpoint> out = new ArrayList<>();
    int households = 1 + random.nextInt(4);
    for (int h = 0; h < households; h++) {
      String landline = "+3491000" + h;
      String family = "familia" + h + "@mail.example";
      int people = 2 + random.nextInt(3);
      for (int p = 0; p < people; p++) {
        String given = GIVEN.get(random.nextInt(GIVEN.size()));
        String birth = random.nextBoolean() ? null : (1960 + random.nextInt(3) * 20) + "-05-0" + (1 + p);
        int touchpoints = 1 + random.nextInt(4);
        for (int k = 0; k < touchpoints; k++) {
          Touchpoint.Builder b = Touchpoint.newBuilder("h" + h + "p" + p + "t" + k + "-" + out.size())
              .channel(Channel.WEB).eventKind(EventKind.VISIT);
          if (random.nextInt(10) < 7) {
            b.identifier(IdentifierType.EMAIL, "p" + h + p + "@mail.example");
          }
          if (random.nextInt(10) < 4) {
            b.identifier(IdentifierType.PHONE, landline);
          }
          if (random.nextInt(10) < 3) {
            b.identifier(IdentifierType.EMAIL, family);
          }
          if (random.nextInt(10) < 2) {
            // Now and then a relative's loyalty card: a value that names one person, vouching
            // for people the person rule keeps apart.
            b.identifier(IdentifierType.CUSTOMER_ID, "C" + h + (random.nextInt(6) == 0 ? 0 : p));
          }
          if (random.nextInt(10) < 2) {
            b.identifier(IdentifierType.DEVICE_ID, "kiosk-1");
          }
          if (random.nextInt(10) < 3) {
            b.identifier(IdentifierType.PHONE, "+346100" + h + p);
          }
          if (random.nextInt(20) == 0) {
            // Someone else's address typed in: a link across households.
            b.identifier(IdentifierType.EMAIL, "p" + random.nextInt(households) + p + "@mail.example");
          }
          int named = random.nextInt(12);
          if (named == 0 && birth != null) {
            // A birth date alone: a person, but no name to compare.
            b.attribute(AttributeKey.BIRTH_DATE, birth);
          } else if (named > 3) {
            b.attribute(AttributeKey.GIVEN_NAME, random.nextInt(8) == 0 ? given.substring(0, 3) : given);
            b.attribute(AttributeKey.FAMILY_NAME, FAMILY.get(h % FAMILY.size()));
            if (birth != null && random.nextBoolean()) {
              b.attribute(AttributeKey.BIRTH_DATE, birth);
            }
          }
          if (office && random.nextInt(10) < 3) {
            b.identifier(IdentifierType.EMAIL, "info@office" + ((h + p) % 2) + ".example");
          }
          out.add(b.build());
        }
      }
    }
    return out;
  }
}
