package dev.omniid.matching;

import dev.omniid.core.FieldMatcher;
import java.time.LocalDate;
import java.util.Random;

class BirthDateMatcherContractTest extends FieldMatcherContract {
  @Override
  FieldMatcher matcher() {
    return BirthDateMatcher.standard();
  }

  @Override
  String randomNormalizedValue(Random random) {
    // A narrow range so that near dates (swaps, typos, same year) come up often.
    return LocalDate.of(1980, 1, 1).plusDays(random.nextInt(3 * 365)).toString();
  }
}
