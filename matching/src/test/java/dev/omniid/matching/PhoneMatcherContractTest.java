package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class PhoneMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return PhoneMatcher.standard();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return IdentifierValues.phone(random);
  }
}
