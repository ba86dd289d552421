package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.util.Random;

class EmailMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return EmailMatcher.standard();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return IdentifierValues.email(random);
  }
}
