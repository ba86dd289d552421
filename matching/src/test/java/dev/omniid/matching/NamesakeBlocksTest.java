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
import org.junit.jupiter.api.Test;

/**
 * The default key of given and family names with the city compares at most
 * {@link OmniId#NAMESAKES_PER_KEY} touchpoints: past that its namesakes are compared only when
 * another key brings them together, as any block over its maximum, and whether it compares
 * depends on who shares it, not on the order they came in.
 */
class NamesakeBlocksTest {
  private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

  /** An Ana García López of Sevilla. */
  private static Touchpoint namesake(String id, String email, String phone) {
    return Touchpoint.newBuilder(id).channel(Channel.WEB).timestamp(T0)
        .attribute(AttributeKey.GIVEN_NAME, "Ana")
        .attribute(AttributeKey.FAMILY_NAME, "García López")
        .attribute(AttributeKey.CITY, "Sevilla")
        .identifier(IdentifierType.EMAIL, email).identifier(IdentifierType.PHONE, phone).build();
  }

  /** One person twice, the e-mail and the phone a typo apart: no key but the names' joins them. */
  private static final Touchpoint A = namesake("a", "ana.garcia.lopez@gmail.com", "612 345 678");
  private static final Touchpoint B = namesake("b", "ana.garcia.lopes@gmail.com", "612 345 687");

  private static final String[] EMAILS = {"sol.marina@yahoo.es", "pepa77@hotmail.com",
      "luzverde@gmail.com", "mcarmen.r@telefonica.net", "trianera@yahoo.es",
      "flamenca.s@hotmail.com", "giralda_1990@gmail.com", "macarena.x@outlook.es",
      "betis4ever@yahoo.es", "azahar.blanco@gmail.com"};
  private static final String[] PHONES = {"654 210 987", "699 873 120", "622 458 301",
      "677 109 834", "633 782 456", "688 341 290", "611 927 563", "644 563 718", "655 830 142",
      "666 214 975"};

  /** Namesakes sharing nothing else with the two, or with each other. */
  private static List<Touchpoint> others(int n) {
    List<Touchpoint> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(namesake("n" + i, EMAILS[i], PHONES[i]));
    }
    return out;
  }

  private static Set<Set<String>> partition(IdentityResolver resolver) {
    return resolver.profiles().map(p -> (Set<String>) new TreeSet<>(p.touchpointIds()))
        .collect(Collectors.toSet());
  }

  private static boolean together(IdentityResolver resolver) {
    return resolver.profileIdOf("a").equals(resolver.profileIdOf("b"));
  }

  @Test
  void namesakesPastTheMaximumAreNotComparedByName() {
    IdentityResolver alone = OmniId.resolverBuilder().build();
    alone.resolve(A);
    alone.resolve(B);
    assertTrue(together(alone), "the two link by their names and near e-mail and phone");

    // Up to the maximum the key still compares them, the namesakes in it.
    IdentityResolver few = OmniId.resolverBuilder().build();
    others(OmniId.NAMESAKES_PER_KEY - 2).forEach(few::resolve);
    few.resolve(A);
    few.resolve(B);
    assertTrue(together(few), "a block of the maximum compares");

    // One more namesake: the key gathers more than the maximum and compares nobody.
    IdentityResolver many = OmniId.resolverBuilder().build();
    others(OmniId.NAMESAKES_PER_KEY - 1).forEach(many::resolve);
    many.resolve(A);
    many.resolve(B);
    assertFalse(together(many), "a block over the maximum compares nobody");

    // Back to the maximum, it compares again.
    many.remove("n0");
    assertTrue(together(many), "a block back at the maximum compares again");
    assertEquals(OmniId.NAMESAKES_PER_KEY - 1, partition(many).size(),
        "the namesakes apart, the two together");
  }

  @Test
  void whetherTheyAreComparedDoesNotDependOnTheOrder() {
    List<Touchpoint> all = new ArrayList<>(others(OmniId.NAMESAKES_PER_KEY - 1));
    all.add(A);
    all.add(B);
    IdentityResolver first = OmniId.resolverBuilder().build();
    all.forEach(first::resolve);
    Set<Set<String>> expected = partition(first);
    assertNotEquals(Set.of(), expected);
    Random random = new Random(11);
    for (int round = 0; round < 8; round++) {
      Collections.shuffle(all, random);
      IdentityResolver shuffled = OmniId.resolverBuilder().build();
      all.forEach(shuffled::resolve);
      assertEquals(expected, partition(shuffled),
          "order " + all.stream().map(Touchpoint::id).toList());
      IdentityResolver batch = OmniId.resolverBuilder().build();
      batch.resolveAll(all);
      assertEquals(expected, partition(batch), "batch");
    }
  }
}
