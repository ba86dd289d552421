package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import dev.omniid.datagen.GeneratedTouchpoint;
import dev.omniid.datagen.OmniChannelGenerator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The default model's prior follows the expected population ({@link OmniId#priorFor},
 * {@link OmniId.Builder#expectedTouchpoints}): strangers who share a given name and a birth date
 * link in a small file and not in a large one, one person's records still link in both, and the
 * order of arrival still does not matter.
 */
class PopulationPriorTest {

  @Test
  void thePriorIsTheModelsOwnUpToItsSizeAndFallsWithTheFileBeyondIt() {
    assertEquals(0.01, OmniId.priorFor(1));
    assertEquals(0.01, OmniId.priorFor(10_000));
    assertEquals(0.005, OmniId.priorFor(20_000), 1e-15);
    assertEquals(1e-4, OmniId.priorFor(1_000_000), 1e-15);
    assertEquals(0.01, OmniId.defaultMatchModel("ES", false).priorMatchProbability());
    assertEquals(1e-4,
        OmniId.defaultMatchModel("ES", false, 1_000_000).priorMatchProbability(), 1e-15);
    // Only the prior changes.
    assertEquals(OmniId.defaultMatchModel("ES", false).toBuilder().priorMatchProbability(1e-4)
        .build().toString(), OmniId.defaultMatchModel("ES", false, 1_000_000).toString());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void aSizeBelowOneIsRefusedNamingTheSetting(long touchpoints) {
    for (Runnable call : List.<Runnable>of(
        () -> OmniId.priorFor(touchpoints),
        () -> OmniId.defaultMatchModel("ES", false, touchpoints),
        () -> OmniId.resolverBuilder().expectedTouchpoints(touchpoints),
        () -> OmniId.accountResolverBuilder().expectedTouchpoints(touchpoints))) {
      OmniIdException e = assertThrows(OmniIdException.class, call::run);
      assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
      assertEquals("expectedTouchpoints", e.field());
    }
  }

  /** Two women of one given name and birth date whose family names share one of two surnames. */
  private static List<Touchpoint> namesakesBornTheSameDay() {
    Touchpoint a = Touchpoint.newBuilder("a").channel(Channel.CALL_CENTER).timestamp(Instant.EPOCH)
        .identifier(IdentifierType.PHONE, "+52 55 1234 5678")
        .attribute(AttributeKey.GIVEN_NAME, "María")
        .attribute(AttributeKey.FAMILY_NAME, "Hernández Castillo")
        .attribute(AttributeKey.BIRTH_DATE, "2005-12-06")
        .attribute(AttributeKey.COUNTRY, "MX").build();
    Touchpoint b = Touchpoint.newBuilder("b").channel(Channel.WEB).timestamp(Instant.EPOCH)
        .identifier(IdentifierType.EMAIL, "maria.castro@example.com")
        .attribute(AttributeKey.GIVEN_NAME, "María")
        .attribute(AttributeKey.FAMILY_NAME, "Castro Hernández")
        .attribute(AttributeKey.BIRTH_DATE, "2005-12-06")
        .attribute(AttributeKey.COUNTRY, "MX").build();
    return List.of(a, b);
  }

  /** One man's two records: his second surname dropped, his address spelled two ways. */
  private static List<Touchpoint> onePersonTwoSpellings() {
    Touchpoint a = Touchpoint.newBuilder("c").channel(Channel.STORE).timestamp(Instant.EPOCH)
        .identifier(IdentifierType.PHONE, "+34 612 345 678")
        .attribute(AttributeKey.GIVEN_NAME, "José")
        .attribute(AttributeKey.FAMILY_NAME, "García López")
        .attribute(AttributeKey.BIRTH_DATE, "1980-05-01")
        .attribute(AttributeKey.ADDRESS, "Calle Mayor 5, 2º B")
        .attribute(AttributeKey.CITY, "Madrid")
        .attribute(AttributeKey.POSTAL_CODE, "28013")
        .attribute(AttributeKey.COUNTRY, "ES").build();
    Touchpoint b = Touchpoint.newBuilder("d").channel(Channel.WEB).timestamp(Instant.EPOCH)
        .identifier(IdentifierType.EMAIL, "jgarcia@example.com")
        .attribute(AttributeKey.GIVEN_NAME, "Jose")
        .attribute(AttributeKey.FAMILY_NAME, "Garcia")
        .attribute(AttributeKey.BIRTH_DATE, "01/05/1980")
        .attribute(AttributeKey.ADDRESS, "C/ Mayor 5, 2º B")
        .attribute(AttributeKey.CITY, "Madrid")
        .attribute(AttributeKey.POSTAL_CODE, "28013")
        .attribute(AttributeKey.COUNTRY, "ES").build();
    return List.of(a, b);
  }

  private static boolean together(IdentityResolver resolver, List<Touchpoint> pair) {
    resolver.resolveAll(pair);
    return resolver.profileIdOf(pair.get(0).id()).equals(resolver.profileIdOf(pair.get(1).id()));
  }

  @Test
  void strangersOfOneNameAndBirthDateLinkInASmallFileAndNotInALargeOne() {
    assertEquals(true, together(OmniId.resolverBuilder().build(), namesakesBornTheSameDay()));
    assertEquals(true, together(OmniId.resolverBuilder().expectedTouchpoints(10_000).build(),
        namesakesBornTheSameDay()));
    assertEquals(false, together(OmniId.resolverBuilder().expectedTouchpoints(1_000_000).build(),
        namesakesBornTheSameDay()));
    // The explanation shows the prior the pair was judged under: log2(1e-4 / (1 - 1e-4)).
    IdentityResolver large = OmniId.resolverBuilder().expectedTouchpoints(1_000_000).build();
    together(large, namesakesBornTheSameDay());
    assertEquals(Math.log(1e-4 / (1 - 1e-4)) / Math.log(2),
        large.why("a", "b").score().orElseThrow().priorWeight(), 1e-9);
  }

  @Test
  void onePersonsRecordsStillLinkInALargeFile() {
    assertEquals(true, together(OmniId.resolverBuilder().expectedTouchpoints(1_000_000).build(),
        onePersonTwoSpellings()));
    assertEquals(true, together(OmniId.resolverBuilder().expectedTouchpoints(100_000_000).build(),
        onePersonTwoSpellings()));
  }

  @Test
  void aModelOfTheCallersKeepsItsOwnPrior() {
    IdentityResolver own = OmniId.resolverBuilder()
        .matchModel(OmniId.defaultMatchModel("ES", false)).expectedTouchpoints(1_000_000).build();
    assertEquals(true, together(own, namesakesBornTheSameDay()));
  }

  static LongStream seeds() {
    return LongStream.range(0, 6);
  }

  /** The partition as sets of touchpoint ids, whatever the profile ids. */
  private static Set<Set<String>> partition(IdentityResolver resolver, List<Touchpoint> all) {
    Map<Object, Set<String>> byProfile = new HashMap<>();
    for (Touchpoint t : all) {
      byProfile.computeIfAbsent(resolver.profileIdOf(t.id()).orElseThrow(), p -> new HashSet<>())
          .add(t.id());
    }
    return new HashSet<>(byProfile.values());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theOrderOfArrivalDoesNotMatterUnderALargeFilesPrior(long seed) {
    List<Touchpoint> all = new ArrayList<>();
    for (GeneratedTouchpoint g : OmniChannelGenerator.newBuilder().people(300).seed(seed).build()
        .generate()) {
      all.add(g.touchpoint());
    }
    IdentityResolver batch = OmniId.resolverBuilder().expectedTouchpoints(2_000_000).build();
    batch.resolveAll(all);
    List<Touchpoint> shuffled = new ArrayList<>(all);
    Collections.shuffle(shuffled, new Random(seed));
    IdentityResolver oneByOne = OmniId.resolverBuilder().expectedTouchpoints(2_000_000).build();
    shuffled.forEach(oneByOne::resolve);
    Set<Set<String>> expected = partition(batch, all);
    assertEquals(expected, partition(oneByOne, all), "seed " + seed);
    // The large file's prior makes a difference on this data: fewer links than the default's.
    IdentityResolver defaults = OmniId.resolverBuilder().build();
    defaults.resolveAll(all);
    assertNotEquals(expected, partition(defaults, all), "seed " + seed);
  }
}
