package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class AddressMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return AddressMatcher.standard();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return AddressNormalizer.standard().normalize(Generators.rawAddress(random));
  }
}
