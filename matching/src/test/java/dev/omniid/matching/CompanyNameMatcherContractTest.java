package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class CompanyNameMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return CompanyNameMatcher.standard();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return CompanyNameNormalizer.standard().normalize(CompanyNamesPropertiesTest.rawName(random).raw());
  }
}
