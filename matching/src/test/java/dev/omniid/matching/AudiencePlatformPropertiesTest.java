package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded properties of audience hashing: normalizing is idempotent, and the hash is a function of
 * the normalized value, so every spelling of one email or phone gives one hash per platform. A
 * failure names its seed; rerun that seed to replay it.
 */
class AudiencePlatformPropertiesTest {
  private static final PhoneNormalizer ES = PhoneNormalizer.forRegion("ES");
  private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final String[] DOMAINS = {"gmail.com", "googlemail.com", "example.com",
      "outlook.com", "correo.es"};

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  private static String word(Random r, int min, int max) {
    StringBuilder b = new StringBuilder();
    int n = min + r.nextInt(max - min + 1);
    for (int i = 0; i < n; i++) {
      b.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
    }
    return b.toString();
  }

  /** The same address spelt another way: case, surrounding spaces. */
  private static String respell(Random r, String email) {
    StringBuilder b = new StringBuilder();
    for (char c : email.toCharArray()) {
      b.append(r.nextBoolean() ? Character.toUpperCase(c) : c);
    }
    return " ".repeat(r.nextInt(3)) + b + "\t".repeat(r.nextInt(2));
  }

  /** Inserts dots between letters of a Gmail local part: Google and UID2 read them as absent. */
  private static String dotted(Random r, String local) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < local.length(); i++) {
      if (i > 0 && r.nextInt(3) == 0) {
        b.append('.');
      }
      b.append(local.charAt(i));
    }
    return b.toString();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void emailHashIsAFunctionOfTheNormalizedValue(long seed) {
    Random r = new Random(seed);
    String mailbox = word(r, 1, 12) + (r.nextInt(4) == 0 ? "." + word(r, 1, 6) : "");
    String tag = r.nextInt(4) == 0 ? "+" + word(r, 1, 5) : "";
    String local = mailbox + tag;
    String domain = DOMAINS[r.nextInt(DOMAINS.length)];
    String email = local + "@" + domain;
    for (AudiencePlatform p : AudiencePlatform.values()) {
      String normalized = p.normalizeEmail(email);
      String context = "seed " + seed + ", " + p;
      assertEquals(normalized, p.normalizeEmail(normalized), context + ": not idempotent");
      String expected = p.hash(normalized);
      assertEquals(expected, hash(p, IdentifierType.EMAIL, respell(r, email)), context);
      boolean dotsIgnored = (p == AudiencePlatform.GOOGLE
              && (domain.equals("gmail.com") || domain.equals("googlemail.com")))
          || (p == AudiencePlatform.UID2 && domain.equals("gmail.com"));
      String redotted = dotted(r, mailbox.replace(".", "")) + tag + "@" + domain;
      if (dotsIgnored) {
        assertEquals(expected, hash(p, IdentifierType.EMAIL, respell(r, redotted)), context);
      } else if (!p.normalizeEmail(redotted).equals(normalized)) {
        // A platform that keeps dots must tell the spellings apart: the rule is not over-applied.
        assertNotEquals(expected, hash(p, IdentifierType.EMAIL, redotted), context);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void phoneHashIsAFunctionOfTheNormalizedValue(long seed) {
    Random r = new Random(seed);
    // Spanish mobiles: 6 or 7 then eight digits, all valid for libphonenumber.
    String national = (r.nextBoolean() ? "6" : "7") + String.format(Locale.ROOT, "%08d",
        r.nextInt(100_000_000));
    if (national.startsWith("70")) {
      national = "6" + national.substring(1);  // 70x is no mobile range in Spain
    }
    String[] spellings = {
      national,
      national.substring(0, 3) + " " + national.substring(3, 6) + " " + national.substring(6),
      "+34 " + national,
      "0034" + national,
      "(+34) " + national.substring(0, 3) + "-" + national.substring(3),
      " +34." + national + " "
    };
    for (AudiencePlatform p : AudiencePlatform.values()) {
      String context = "seed " + seed + ", " + p;
      String normalized = p.normalizePhone(national, ES);
      String again = p == AudiencePlatform.META ? "+" + normalized : normalized;
      assertEquals(normalized, p.normalizePhone(again, ES), context + ": not idempotent");
      String expected = p.hash(normalized);
      for (String spelling : spellings) {
        assertEquals(expected, hash(p, IdentifierType.PHONE, spelling), context);
      }
    }
  }

  private static String hash(AudiencePlatform p, IdentifierType type, String raw) {
    return HashedIdentifiers.forPlatform(p, Identifier.of(type, raw), ES);
  }
}
