package dev.omniid.core;

import dev.omniid.matching.OmniId;
import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * Core's resolver properties, with {@link GraphInvariants} after every step, run with the
 * {@code OmniId} defaults: real normalizers (emails, phones, devices), junk lists, hashed
 * derivations, the default match model and blocking keys. Core's own matrix cannot build these.
 * In core's package, in the examples module (on the class path), to reach the graph's internals.
 */
class OmniIdDefaultsPropertiesTest extends ResolverPropertiesTest {
  static final Configuration OMNIID_DEFAULTS =
      new Configuration("omniid-defaults", () -> OmniId.resolverBuilder().toResolverBuilder(), false, 150);

  public static Stream<Arguments> seeds() {
    return Configuration.matrix(List.of(OMNIID_DEFAULTS), 0x0D1D_0000L);
  }

  public static Stream<Arguments> concurrencySeeds() {
    return LongStream.range(0, 20).mapToObj(i -> Arguments.of(OMNIID_DEFAULTS, 0x0D1C_0000L + i));
  }
}
