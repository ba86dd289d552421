package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.Profile;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * PII hygiene of the concrete normalizers (issue 6): a value a normalizer refuses is refused with
 * an {@link OmniIdException} whose message, field and detail hold no six-character piece of the
 * value, nor of the customer's real values it resembles; and the same through a resolver built by
 * {@link OmniId}, in its problems and its {@code toString}s.
 */
class NormalizerPiiHygieneTest {
  private static final String EMAIL = "ana.lopez.1987@gmail.com";
  private static final String PHONE = "+34 612 345 678";
  private static final String NAME = "Anabel Quintanilla";
  private static final String ADDRESS = "Calle Zurbaran 17, Getafe";
  private static final String DEVICE = "A1B2C3D4-ANAS-IPAD-77Q9";
  private static final List<String> SECRETS = List.of(EMAIL, PHONE, "+34612345678",
      "34612345678", NAME, ADDRESS, DEVICE, "1987-07-23", "23/07/1987", "28905");

  /** Fails if {@code text} holds a six-character piece of a secret or of {@code raw}. */
  private static void assertNoLeak(String what, String text, String raw) {
    String folded = fold(text);
    for (String secret : Stream.concat(SECRETS.stream(), Stream.of(raw)).toList()) {
      String s = fold(secret);
      for (int i = 0; i + 6 <= s.length(); i++) {
        String piece = s.substring(i, i + 6);
        if (piece.chars().noneMatch(Character::isLetterOrDigit)) {
          continue; // punctuation alone tells nothing about anyone
        }
        assertFalse(folded.contains(piece), what + " leaks '" + piece + "' of " + raw + ": " + text);
      }
    }
  }

  private static String fold(String s) {
    return s.toLowerCase(Locale.ROOT).replace(" ", "");
  }

  static Stream<Arguments> refusals() {
    Normalizer email = EmailNormalizer.standard();
    Normalizer phone = PhoneNormalizer.forRegion("ES");
    Normalizer date = BirthDateNormalizer.dayFirst();
    Normalizer name = NameNormalizer.standard();
    Normalizer address = AddressNormalizer.standard();
    Normalizer postal = PostalCodes.normalizer("ES");
    Normalizer hashed = HashedIdentifiers.digestOf(email);
    Normalizer cached = Normalizers.cached(email, 100);
    return Stream.of(
        Arguments.of("email", email, "ana.lopez.1987@@gmail.com"),
        Arguments.of("email", email, "ana.lopez.1987@gmail"),
        Arguments.of("email", email, "ana..lopez.1987@gmail.com"),
        Arguments.of("email", email, ".ana.lopez.1987@gmail.com"),
        Arguments.of("email", email, "ana.lopez.1987@gmail.c0m"),
        Arguments.of("email", email, "ana.lopez.1987@-gmail.com"),
        Arguments.of("email", email, "<ana.lopez.1987@gmail.com"),
        Arguments.of("email", email, "ana lopez 1987@gmail.com"),
        Arguments.of("email", email, "ana.lopez.1987\u0000@gmail.com"),
        Arguments.of("email", email, "+ana.lopez.1987@gmail.com"),
        Arguments.of("email", email, "ana.lopez.1987".repeat(5) + "@gmail.com"),
        Arguments.of("email", email, "ana.lopez.1987@" + "gmail".repeat(60) + ".com"),
        Arguments.of("email (cached)", cached, "ana.lopez.1987@@gmail.com"),
        Arguments.of("email (cached)", cached, "ana.lopez.1987@@gmail.com"),
        Arguments.of("phone", phone, "+34 612 34"),
        Arguments.of("phone", phone, PHONE + " 999 000 111 222"),
        Arguments.of("phone", phone, "612-345-678-ANALOPEZ"),
        Arguments.of("phone", phone, "+34 612 345 678".repeat(10)),
        Arguments.of("phone", phone, "ana.lopez.1987@gmail.com"),
        Arguments.of("date", date, "1987-13-45"),
        Arguments.of("date", date, "31/02/1987"),
        Arguments.of("date", date, "23 Quintanilla 1987"),
        Arguments.of("date", date, "23/07/2987"),
        Arguments.of("date", date, "23/07/1187"),
        Arguments.of("date", date, "23/07/1987 ".repeat(10)),
        Arguments.of("date", date, "230719871987"),
        Arguments.of("name", name, "1987 2002 !!! 612345678"),
        Arguments.of("name", name, NAME.repeat(20)),
        Arguments.of("address", address, "!!! ### ??? ***"),
        Arguments.of("address", address, ADDRESS.repeat(30)),
        Arguments.of("postal code", postal, "28905-QUINTA"),
        Arguments.of("postal code", postal, "289051987"),
        Arguments.of("postal code", postal, "28905".repeat(20)),
        Arguments.of("device", DeviceIdNormalizer.advertisingId(), DEVICE),
        Arguments.of("device", DeviceIdNormalizer.androidId(), "ANALOPEZ1987QQQQ"),
        Arguments.of("device", DeviceIdNormalizer.any(), "anas ipad 1987"),
        Arguments.of("device", DeviceIdNormalizer.any(), DEVICE.repeat(20)),
        Arguments.of("cookie", DeviceIdNormalizer.cookieId(), "ck\tanalopez1987"),
        Arguments.of("hash", hashed, "ana.lopez.1987.gmail.com.".repeat(2) + "zz".repeat(7)),
        Arguments.of("hash", hashed, "ana.lopez.1987@@gmail.com"),
        Arguments.of("tax id", TaxIds.normalizer("ES"), "B-87.654.329"),
        Arguments.of("tax id", TaxIds.normalizer("ES"), "ES 87654321Z"),
        Arguments.of("tax id", TaxIds.normalizer("MX"), "QUAN870723AB1"),
        Arguments.of("tax id", TaxIds.normalizer("AR"), "27-87654321-0"),
        Arguments.of("tax id", TaxIds.normalizer("CL"), "87.654.321-0"),
        Arguments.of("tax id", TaxIds.normalizer("ES"), "QUINTANILLA-1987"),
        Arguments.of("tax id", TaxIds.normalizer("ES"), "B87654329".repeat(8)));
  }

  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("refusals")
  void refusalsNeverCarryTheValue(String kind, Normalizer normalizer, String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> normalizer.normalize(raw),
        kind + " accepted its bad value");
    assertNoLeak(kind + " message", e.getMessage(), raw);
    assertNoLeak(kind + " field", e.field(), raw);
    assertNoLeak(kind + " detail", e.detail(), raw);
    assertNoLeak(kind + " toString", e.toString(), raw);
  }

  /** Through the default resolver: refused identifiers are problems, values masked everywhere. */
  @ParameterizedTest(name = "{0}: {2}")
  @MethodSource("refusals")
  void theDefaultResolverReportsRefusalsWithoutTheValue(String kind, Normalizer unused, String raw) {
    IdentityResolver r = OmniId.resolverBuilder().build();
    IdentifierType type = switch (kind) {
      case "phone" -> IdentifierType.PHONE;
      case "device" -> IdentifierType.DEVICE_ID;
      case "cookie" -> IdentifierType.COOKIE_ID;
      case "hash" -> HashedIdentifiers.EMAIL_SHA256;
      case "tax id" -> TaxIds.TAX_ID;
      default -> IdentifierType.EMAIL;
    };
    Touchpoint.Builder b = Touchpoint.newBuilder("t1").channel(Channel.WEB)
        .timestamp(Instant.parse("2026-03-01T10:00:00Z"))
        .identifier(IdentifierType.EMAIL, EMAIL)
        .identifier(IdentifierType.PHONE, PHONE)
        .attribute(AttributeKey.GIVEN_NAME, NAME)
        .attribute(AttributeKey.ADDRESS, ADDRESS);
    if (raw.length() <= Touchpoint.MAX_VALUE_LENGTH) {
      b.identifier(type, raw);
    }
    switch (kind) {
      case "date" -> b.attribute(AttributeKey.BIRTH_DATE, raw);
      case "name" -> b.attribute(AttributeKey.FAMILY_NAME, raw);
      case "address" -> b.attribute(AttributeKey.ADDRESS_LINE, raw);
      case "postal code" -> b.attribute(AttributeKey.POSTAL_CODE, raw);
      default -> { }
    }
    Touchpoint t = b.build();
    Resolution resolution = r.resolve(t);
    for (Problem p : resolution.problems()) {
      assertNoLeak("problem", p.toString(), raw);
    }
    assertNoLeak("resolution", resolution.toString(), raw);
    assertNoLeak("touchpoint", t.toString(), raw);
    Profile p = r.profile(resolution.profileId()).orElseThrow();
    assertNoLeak("profile", p.toString(), raw);
    assertNoLeak("generic values", r.genericValues().toString(), raw);
    assertNoLeak("pair", r.why("t1", "t1").explain(), raw);
  }

  /** The valid forms are masked too: what the resolver keeps never shows in a toString. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("validValues")
  void keptValuesAreMasked(IdentifierType type, String raw) {
    IdentityResolver r = OmniId.resolverBuilder().build();
    Resolution resolution = r.resolve(Touchpoint.newBuilder("t1").channel(Channel.WEB)
        .timestamp(Instant.parse("2026-03-01T10:00:00Z")).identifier(type, raw).build());
    assertTrue(resolution.problems().isEmpty(), resolution.toString());
    Profile p = r.profile(resolution.profileId()).orElseThrow();
    assertEquals(1, p.identifiers().stream().filter(i -> i.type().equals(type)).count());
    assertNoLeak("profile", p.toString(), raw);
    assertNoLeak("resolution", resolution.toString(), raw);
  }

  static Stream<Arguments> validValues() {
    return Map.of(IdentifierType.EMAIL, "Ana.Lopez.1987+shoes@GoogleMail.com",
            IdentifierType.PHONE, "0034 612-345-678",
            IdentifierType.DEVICE_ID, "6F9619FF-8B86-D011-B42D-00C04FC964FF",
            IdentifierType.CUSTOMER_ID, "CUST-ANALOPEZ-1987",
            HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers.sha256(EMAIL),
            TaxIds.TAX_ID, "ES B-12.345.674")
        .entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
  }
}
