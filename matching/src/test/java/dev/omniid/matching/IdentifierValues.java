package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

/** Generators of normalized identifier values for the matcher contract tests. */
final class IdentifierValues {
  private IdentifierValues() {}

  private static final String[] LOCALS = {"ana", "ana.perez", "anaperez", "luis", "jose.garcia", "maria", "pepe"};
  private static final String[] DOMAINS = {"gmail.com", "hotmail.es", "company.es", "yahoo.com"};

  static String email(Random random) {
    String local = LOCALS[random.nextInt(LOCALS.length)];
    if (random.nextBoolean()) {
      char[] c = local.toCharArray();
      c[random.nextInt(c.length)] = (char) ('a' + random.nextInt(26));
      local = new String(c);
    }
    return local + "@" + DOMAINS[random.nextInt(DOMAINS.length)];
  }

  static String phone(Random random) {
    String[] countries = {"+34", "+1", "+52", "+54"};
    String cc = countries[random.nextInt(countries.length)];
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      digits.append(random.nextInt(3));
    }
    // E.164, local-only (+1?5552671) and unverified (+34~08185550199) forms, often sharing digits.
    return switch (random.nextInt(6)) {
      case 0 -> cc + "?" + digits.substring(2);
      case 1 -> cc + "~" + digits;
      case 2 -> cc + "~0" + digits.substring(random.nextInt(3));
      default -> cc + digits;
    };
  }
}
