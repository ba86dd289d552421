package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class TextMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return TextMatcher.jaroWinkler();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return IdentifierValues.email(random);
  }
}
