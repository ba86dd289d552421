package dev.omniid.core;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The fast path against the full path, with the {@code OmniId} defaults: the same histories give
 * the same results, events and profiles (see {@link FastPathPropertiesTest}).
 */
class OmniIdDefaultsFastPathPropertiesTest extends FastPathPropertiesTest {
  public static Stream<Arguments> seeds() {
    return Configuration.matrix(List.of(OmniIdDefaultsPropertiesTest.OMNIID_DEFAULTS), 0x0D1F_0000L);
  }
}
