package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class GivenNameMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return NameMatcher.givenNames();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return NameNormalizer.standard().normalize(Generators.noise(random, Generators.pick(random, Generators.GIVEN)));
  }
}
