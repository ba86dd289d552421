package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every normalizer of the matching module over hostile strings ({@link HostileStrings}): it
 * returns a non-empty value that it maps to itself (idempotence), or throws {@link OmniIdException}
 * with reason {@code INVALID_VALUE} or {@code TOO_LARGE} whose message echoes no run of six
 * characters of the input ({@link Leaks}). Null is refused with a {@link NullPointerException}.
 * Seeded: a failure names its seed and replays.
 */
class HostileInputPropertiesTest {
  private static final BirthDateNormalizer DAY_FIRST =
      BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).build();
  private static final BirthDateNormalizer MONTH_FIRST =
      BirthDateNormalizer.newBuilder().clock(BirthDateNormalizerTest.CLOCK).monthFirst().build();

  /** A normalizer under test and its length cap (the generator aims around it). */
  record Case(String name, Normalizer normalizer, int cap) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final List<Case> CASES = List.of(
      new Case("email", EmailNormalizer.standard(), 320),
      new Case("email cached", Normalizers.cached(EmailNormalizer.standard(), 100), 320),
      new Case("phone ES", PhoneNormalizer.forRegion("ES", 0), 64),
      new Case("phone US cached", PhoneNormalizer.forRegion("US"), 64),
      new Case("phone MX", PhoneNormalizer.forRegion("MX", 0), 64),
      new Case("device any", DeviceIdNormalizer.any(), 256),
      new Case("device advertising", DeviceIdNormalizer.advertisingId(), 256),
      new Case("device android", DeviceIdNormalizer.androidId(), 256),
      new Case("cookie", DeviceIdNormalizer.cookieId(), 256),
      new Case("email sha256", HashedIdentifiers.digestOf(EmailNormalizer.standard()), 64),
      new Case("phone sha256", HashedIdentifiers.digestOf(PhoneNormalizer.forRegion("ES", 0)), 64),
      new Case("name", NameNormalizer.standard(), NameNormalizer.MAX_LENGTH),
      new Case("name cached", Normalizers.cached(NameNormalizer.standard(), 100), NameNormalizer.MAX_LENGTH),
      new Case("company name", CompanyNameNormalizer.standard(), CompanyNameNormalizer.MAX_LENGTH),
      new Case("address", AddressNormalizer.standard(), AddressNormalizer.MAX_LENGTH),
      new Case("birth date day first", DAY_FIRST, BirthDateNormalizer.MAX_LENGTH),
      new Case("birth date month first", MONTH_FIRST, BirthDateNormalizer.MAX_LENGTH),
      new Case("postal ES", PostalCodes.normalizer("ES"), 32),
      new Case("postal US", PostalCodes.normalizer("US"), 32),
      new Case("postal AU", PostalCodes.normalizer("au"), 32),
      new Case("postal AR", PostalCodes.normalizer("AR"), 32),
      new Case("postal any", PostalCodes.normalizer(null), 32),
      new Case("audience email GOOGLE", AudiencePlatform.GOOGLE::normalizeEmail, 320),
      new Case("audience email META", AudiencePlatform.META::normalizeEmail, 320),
      new Case("audience email UID2", AudiencePlatform.UID2::normalizeEmail, 320),
      new Case("audience phone GOOGLE",
          v -> AudiencePlatform.GOOGLE.normalizePhone(v, PhoneNormalizer.forRegion("ES", 0)), 64),
      new Case("audience phone UID2",
          v -> AudiencePlatform.UID2.normalizePhone(v, PhoneNormalizer.forRegion("US", 0)), 64),
      // Meta's form drops the "+", which reads back only with it (bare digits are national).
      new Case("audience phone META",
          v -> "+" + AudiencePlatform.META.normalizePhone(v, PhoneNormalizer.forRegion("ES", 0)), 64));

  static LongStream seeds() {
    return LongStream.range(0, 400).map(i -> 0x6_0000L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyNormalizerIsTotalIdempotentAndQuiet(long seed) {
    Random random = new Random(seed);
    for (Case c : CASES) {
      String input = HostileStrings.next(random, c.cap());
      check(c.name() + ", seed=" + seed, c.normalizer(), input);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void phonesReadInTheTouchpointsCountryToo(long seed) {
    Random random = new Random(seed);
    String country = switch (random.nextInt(5)) {
      case 0 -> "us";
      case 1 -> " AR ";
      case 2 -> HostileStrings.mixed(random, 2);
      case 3 -> "ZZ";
      default -> "MX";
    };
    Touchpoint touchpoint = Touchpoint.newBuilder("t").channel(Channel.WEB).timestamp(Instant.EPOCH)
        .attribute(AttributeKey.COUNTRY, country).build();
    PhoneNormalizer phones = PhoneNormalizer.forRegion("ES", 0);
    String input = HostileStrings.next(random, 64);
    String context = "phone in country, seed=" + seed;
    try {
      String once = phones.normalize(input, touchpoint);
      assertFalse(once.isEmpty(), context);
      assertEquals(once, phones.normalize(once, touchpoint), context + ": idempotent");
      assertEquals(once, phones.normalize(once), context + ": an E.164 value needs no region");
    } catch (OmniIdException e) {
      expected(context, input, e);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void postalCodesTakeAnyRegionHint(long seed) {
    Random random = new Random(seed);
    String hint = random.nextBoolean() ? HostileStrings.mixed(random, random.nextInt(4))
        : List.of("es", "US", " mx ", "AU", "ar", "").get(random.nextInt(6));
    check("postal in " + Leaks.escape(hint) + ", seed=" + seed, PostalCodes.normalizer(hint),
        HostileStrings.next(random, 32));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void phoneticKeysAndFoldingNeverThrow(long seed) {
    Random random = new Random(seed);
    String input = HostileStrings.next(random, 300);
    PhoneticKey.of(input);
    NameNormalizer.foldLenient(input);
    String folded = Folding.fold(input);
    assertEquals(folded, Folding.fold(folded), "folding is idempotent, seed=" + seed);
  }

  @org.junit.jupiter.api.Test
  void nullIsRefusedWithNullPointerException() {
    for (Case c : CASES) {
      assertThrows(NullPointerException.class, () -> c.normalizer().normalize(null), c.name());
    }
  }

  static void check(String context, Normalizer normalizer, String input) {
    String once;
    try {
      once = normalizer.normalize(input);
    } catch (OmniIdException e) {
      expected(context, input, e);
      return;
    } catch (RuntimeException e) {
      throw new AssertionError(context + ": undocumented " + e + " for " + Leaks.escape(input), e);
    }
    assertFalse(once.isEmpty(), context + ": empty result");
    String twice;
    try {
      twice = normalizer.normalize(once);
    } catch (OmniIdException e) {
      throw new AssertionError(context + ": its own output " + Leaks.escape(once)
          + " is refused (" + e.getMessage() + "); input " + Leaks.escape(input), e);
    }
    assertEquals(once, twice, context + ": not idempotent; input " + Leaks.escape(input));
  }

  static void expected(String context, String input, OmniIdException e) {
    assertTrue(e.reason() == OmniIdException.Reason.INVALID_VALUE
        || e.reason() == OmniIdException.Reason.TOO_LARGE, context + ": reason " + e.reason());
    Leaks.assertNoEcho(input, e, context);
  }
}
