package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Identifier normalizers over generated input: realistic variants normalize idempotently, and
 * arbitrary strings (any Unicode, control characters, huge, empty) either normalize or raise
 * {@link OmniIdException} with a message that does not contain the input.
 */
class IdentifierNormalizerPropertiesTest {
  private static final List<Normalizer> NORMALIZERS = List.of(EmailNormalizer.standard(),
      PhoneNormalizer.forRegion("ES"), PhoneNormalizer.forRegion("US"), DeviceIdNormalizer.any(),
      DeviceIdNormalizer.cookieId(), DeviceIdNormalizer.advertisingId(),
      HashedIdentifiers.digestOf(EmailNormalizer.standard()),
      Normalizers.cached(EmailNormalizer.standard(), 10));

  static LongStream seeds() {
    return LongStream.range(0, 400).map(i -> 0x1D_0000L + i);
  }

  static String arbitrary(Random random) {
    int length = random.nextInt(10) == 0 ? 2000 + random.nextInt(3000) : random.nextInt(40);
    StringBuilder s = new StringBuilder();
    String alphabet = "ana.PEREZ+@-_ 0123456789()<>\"'éñüßİ\u0000\u0007\t\n\u200b\uD83D\uDE00@@..";
    for (int i = 0; i < length; i++) {
      if (random.nextInt(4) == 0) {
        s.appendCodePoint(random.nextInt(0x2FFFF));
      } else {
        s.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
    }
    return s.toString();
  }

  static String realisticEmail(Random random) {
    String[] names = {"ana.perez", "Ana.Perez", "josé", "luis_gomez", "maria-jose", "PEPE"};
    String[] domains = {"gmail.com", "GoogleMail.com", "gmial.com", "hotmail.es", "hotmal.com",
        "outlook.com", "empresa.com.mx", "correo.españa.es", "yahoo.com"};
    String local = names[random.nextInt(names.length)] + (random.nextBoolean() ? "+tag" + random.nextInt(9) : "");
    String email = local + "@" + domains[random.nextInt(domains.length)];
    return switch (random.nextInt(4)) {
      case 0 -> "  " + email + " ";
      case 1 -> "\"Ana Pérez\" <" + email + ">";
      case 2 -> "mailto:" + email;
      default -> email;
    };
  }

  static String realisticPhone(Random random) {
    String[] phones = {"+34 612 34 56 78", "0034 612345678", "612 345 678", "+1 (415) 555-2671 x12",
        "415-555-2671", "555-2671", "+52 55 1234 5678", "+54 9 11 1234-5678", "+57 321 456 7890"};
    return phones[random.nextInt(phones.length)];
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void realisticValuesNormalizeIdempotently(long seed) {
    Random random = new Random(seed);
    String email = realisticEmail(random);
    String once = EmailNormalizer.standard().normalize(email);
    assertEquals(once, EmailNormalizer.standard().normalize(once), "seed=" + seed);
    PhoneNormalizer phones = PhoneNormalizer.forRegion(random.nextBoolean() ? "ES" : "US");
    String phone = realisticPhone(random);
    try {
      String p = phones.normalize(phone);
      assertEquals(p, phones.normalize(p), "seed=" + seed);
    } catch (OmniIdException e) {
      // a national number of another country is invalid in this region: fine, and stable
      assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason(), "seed=" + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void arbitraryInputNeverEscapesAndNeverLeaksTheValue(long seed) {
    Random random = new Random(seed);
    String input = arbitrary(random);
    for (Normalizer normalizer : NORMALIZERS) {
      try {
        String out = normalizer.normalize(input);
        assertEquals(out, normalizer.normalize(out), "idempotent, seed=" + seed + " " + normalizer);
      } catch (OmniIdException e) {
        if (input.strip().length() >= 4) {
          assertFalse(e.getMessage().contains(input.strip()), "seed=" + seed + " " + normalizer);
        }
      }
    }
  }
}
