package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default keys that gather namesakes compare at most a few touchpoints each: given and family
 * names with the city {@link OmniId#NAMESAKES_PER_KEY}, family name with birth year and initial
 * and street with family name {@link OmniId#FAMILY_NAMESAKES_PER_KEY}. Past that their namesakes
 * are compared only when another key brings them together, as any block over its maximum, and
 * whether they are compared depends on who shares the key, not on the order they came in.
 */
class NamesakeBlocksTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /**
   * One of the key's namesakes: an Ana García López of Sevilla; one born in 1985; or a García
   * López of Calle Feria 12. Nothing else is shared, so the key is the only one they have in
   * common.
   */
  enum Namesakes {
    IN_A_CITY(OmniId.NAMESAKES_PER_KEY) {
      @Override
      Touchpoint.Builder person(String id, int i) {
        return named(id, "Ana").attribute(AttributeKey.CITY, "Sevilla");
      }
    },
    BORN_IN_A_YEAR(OmniId.FAMILY_NAMESAKES_PER_KEY) {
      @Override
      Touchpoint.Builder person(String id, int i) {
        // The two are born on the 12th of April and (a typo) the 21st; the others on days no
        // keying error makes of each other's, so they are different people.
        String date = "1985-" + (i == A ? "04-12" : i == B ? "04-21" : BIRTH_DAYS[i]);
        return named(id, "Ana").attribute(AttributeKey.BIRTH_DATE, date);
      }
    },
    IN_A_STREET(OmniId.FAMILY_NAMESAKES_PER_KEY) {
      @Override
      Touchpoint.Builder person(String id, int i) {
        return named(id, i < 0 ? "Ana" : GIVEN[i])
            .attribute(AttributeKey.ADDRESS, "Calle Feria 12");
      }
    };

    final int maxBlockSize;

    Namesakes(int maxBlockSize) {
      this.maxBlockSize = maxBlockSize;
    }

    /** Person {@code i}: the two of one person are {@link #A} and {@link #B}, others from 0. */
    abstract Touchpoint.Builder person(String id, int i);

    Touchpoint touchpoint(int i) {
      String id = i == A ? "a" : i == B ? "b" : "n" + i;
      String email = i == A ? "ana.garcia.lopez@gmail.com"
          : i == B ? "ana.garcia.lopes@gmail.com" : EMAILS[i];
      String phone = i == A ? "612 345 678" : i == B ? "612 345 687" : PHONES[i];
      return person(id, i).identifier(IdentifierType.EMAIL, email)
          .identifier(IdentifierType.PHONE, phone).build();
    }

    /** The two, and {@code n} namesakes sharing nothing else with them or with each other. */
    List<Touchpoint> withOthers(int n) {
      List<Touchpoint> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(touchpoint(i));
      }
      out.add(touchpoint(A));
      out.add(touchpoint(B));
      return out;
    }

    private static Touchpoint.Builder named(String id, String given) {
      return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0)
          .attribute(AttributeKey.GIVEN_NAME, given)
          .attribute(AttributeKey.FAMILY_NAME, "García López");
    }
  }

  /** The two touchpoints of one person, the e-mail and the phone a typo apart. */
  private static final int A = -1;
  private static final int B = -2;

  private static final String[] EMAILS = {"sol.marina@yahoo.es", "pepa77@hotmail.com",
      "luzverde@gmail.com", "mcarmen.r@telefonica.net", "trianera@yahoo.es",
      "flamenca.s@hotmail.com", "giralda_1990@gmail.com", "macarena.x@outlook.es",
      "betis4ever@yahoo.es", "azahar.blanco@gmail.com", "rociera@gmail.com",
      "naranjo.k@hotmail.com", "guadalquivir@yahoo.es", "tapas.y.vino@gmail.com",
      "alameda22@outlook.es", "nazarena@telefonica.net", "cartuja.m@gmail.com",
      "puente_isabel@hotmail.com", "torre.oro@yahoo.es"};
  private static final String[] PHONES = {"654 210 987", "699 873 120", "622 458 301",
      "677 109 834", "633 782 456", "688 341 290", "611 927 563", "644 563 718", "655 830 142",
      "666 214 975", "620 397 451", "631 648 207", "642 975 318", "653 126 749", "664 481 093",
      "675 732 586", "686 059 624", "697 314 860", "608 573 912"};
  /** Months and days two digits apart from each other's, from 04-12 and from 04-21. */
  private static final String[] BIRTH_DAYS = {"01-01", "01-13", "01-20", "02-02", "02-11",
      "02-23", "03-03", "03-10", "03-22", "04-04", "05-05", "05-14", "05-26", "06-06", "06-15",
      "06-24", "07-07", "07-16", "07-25"};
  private static final String[] GIVEN = {"Pedro", "Lucía", "Manuel", "Rocío", "Antonio", "Pilar",
      "Javier", "Carmen", "Rafael", "Dolores", "Francisco", "Isabel", "Miguel", "Teresa",
      "Alejandro", "Rosario", "Fernando", "Concepción", "Joaquín", "Encarnación", "Ignacio"};

  static Stream<Namesakes> keys() {
    return Stream.of(Namesakes.values());
  }

  private static Set<Set<String>> partition(IdentityResolver resolver) {
    return resolver.profiles().map(p -> (Set<String>) new TreeSet<>(p.touchpointIds()))
        .collect(Collectors.toSet());
  }

  private static boolean together(IdentityResolver resolver) {
    return resolver.profileIdOf("a").equals(resolver.profileIdOf("b"));
  }

  private static IdentityResolver resolved(List<Touchpoint> touchpoints) {
    IdentityResolver resolver = OmniId.resolverBuilder().build();
    touchpoints.forEach(resolver::resolve);
    return resolver;
  }

  @ParameterizedTest
  @MethodSource("keys")
  void namesakesPastTheMaximumAreNotComparedByName(Namesakes key) {
    assertTrue(together(resolved(key.withOthers(0))),
        "the two link by their names and near e-mail and phone");

    // Up to the maximum the key still compares them, the namesakes in it.
    assertTrue(together(resolved(key.withOthers(key.maxBlockSize - 2))),
        "a block of the maximum compares");

    // One more namesake: the key gathers more than the maximum and compares nobody.
    IdentityResolver many = resolved(key.withOthers(key.maxBlockSize - 1));
    assertFalse(together(many), "a block over the maximum compares nobody");
    assertEquals(key.maxBlockSize + 1, partition(many).size(), "nobody linked");

    // Back to the maximum, it compares again.
    many.remove("n0");
    assertTrue(together(many), "a block back at the maximum compares again");
    assertEquals(key.maxBlockSize - 1, partition(many).size(),
        "the namesakes apart, the two together");
  }

  @ParameterizedTest
  @MethodSource("keys")
  void whetherTheyAreComparedDoesNotDependOnTheOrder(Namesakes key) {
    List<Touchpoint> all = key.withOthers(key.maxBlockSize - 1);
    Set<Set<String>> expected = partition(resolved(all));
    assertNotEquals(Set.of(), expected);
    Random random = new Random(11);
    for (int round = 0; round < 8; round++) {
      Collections.shuffle(all, random);
      assertEquals(expected, partition(resolved(all)),
          "order " + all.stream().map(Touchpoint::id).toList());
      IdentityResolver batch = OmniId.resolverBuilder().build();
      batch.resolveAll(all);
      assertEquals(expected, partition(batch), "batch");
    }
  }
}
