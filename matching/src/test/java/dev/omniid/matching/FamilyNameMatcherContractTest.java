package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class FamilyNameMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return NameMatcher.familyNames();
  }

  @Override
  String randomNormalizedValue(Random random) {
    String family = Generators.pick(random, Generators.FAMILY);
    if (random.nextBoolean()) {
      family += " " + Generators.pick(random, Generators.FAMILY);
    }
    return NameNormalizer.standard().normalize(Generators.noise(random, family));
  }
}
