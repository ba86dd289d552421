package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class FullNameMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return NameMatcher.fullNames();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return NameNormalizer.standard().normalize(Generators.rawName(random));
  }
}
