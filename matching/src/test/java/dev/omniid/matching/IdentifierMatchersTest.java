package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.ComparisonLevel;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdentifierMatchersTest {

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "ana.perez@company.es, ana.perez@company.es, EXACT",
      "ana.perez@company.es, ana.peres@company.es, STRONG",
      "anaperez@gmail.com, anapreez@gmail.com, STRONG",
      "anaperez@gmail.com, anaperez@hotmail.com, MEDIUM",
      "anaperez@gmail.com, anaperezg@hotmail.com, WEAK",
      "anaperez@gmail.com, luis.gomez@gmail.com, DIFFERENT",
      "ab@x.com, ac@x.com, DIFFERENT",
  })
  void emails(String a, String b, ComparisonLevel expected) {
    assertEquals(expected, EmailMatcher.standard().compare(a, b));
    assertEquals(expected, EmailMatcher.standard().compare(b, a));
  }

  @ParameterizedTest(name = "{0} ~ {1} = {2}")
  @CsvSource({
      "+34612345678, +34612345678, EXACT",
      "+14155552671, +1?5552671, MEDIUM",
      "+18185550199, +34~8185550199, STRONG",
      "+18185550199, +1~8185550199, STRONG",
      "+34~8185550199, +52~8185550199, STRONG",
      "+447911123456, +34~07911123456, STRONG",
      "+390612345678, +34~0612345678, STRONG",
      "+18185550199, +34~5550199, MEDIUM",
      "+1?5552671, +34~4155552671, MEDIUM",
      "+34~5552671, +34~4155552671, MEDIUM",
      "+34612345678, +1?5552671, DIFFERENT",
      "+525555552671, +1?5552671, WEAK",
      "+18185550199, +34~81855501, DIFFERENT",
      "+18185550199, +34~1235550199, WEAK",
      "+34~8185550199, +34~8185550198, MEDIUM",
      "+34612345678, +34612345679, MEDIUM",
      "+34612345678, +34612354678, MEDIUM",
      "+34612345678, +525598765432, DIFFERENT",
      "+34612345678, +52612345678, WEAK",
      "+14155552671, +1?5552672, DIFFERENT",
  })
  void phones(String a, String b, ComparisonLevel expected) {
    assertEquals(expected, PhoneMatcher.standard().compare(a, b));
    assertEquals(expected, PhoneMatcher.standard().compare(b, a));
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
      "6D92078A-8246-4BA4-AE5B-76104861E7DC, 6d92078a-8246-4ba4-ae5b-76104861e7dc",
      "{6D92078A-8246-4BA4-AE5B-76104861E7DC}, 6d92078a-8246-4ba4-ae5b-76104861e7dc",
      "6d92078a82464ba4ae5b76104861e7dc, 6d92078a-8246-4ba4-ae5b-76104861e7dc",
      "9774D56D682E549C, 9774d56d682e549c",
      "Store-Kiosk-7, store-kiosk-7",
  })
  void deviceIds(String raw, String expected) {
    assertEquals(expected, DeviceIdNormalizer.any().normalize(raw));
    assertEquals(expected, DeviceIdNormalizer.any().normalize(expected));
  }

  @Test
  void cookiesKeepTheirCaseAndAdIdsMustBeUuids() {
    assertEquals("GA1.2.AbC", DeviceIdNormalizer.cookieId().normalize(" GA1.2.AbC "));
    assertEquals("9774d56d682e549c", DeviceIdNormalizer.androidId().normalize("9774D56D682E549C"));
    assertTrue(throwsOmni(() -> DeviceIdNormalizer.advertisingId().normalize("9774D56D682E549C")));
    assertTrue(throwsOmni(() -> DeviceIdNormalizer.any().normalize("has space")));
  }

  @Test
  void junkValues() {
    for (String junk : List.of("test@test.com", "noreply@shop.es", "sincorreo@gmail.com", "a@example.com")) {
      assertTrue(JunkValues.emails().test(junk), junk);
    }
    for (String fine : List.of("ana@test.es", "noreplyana@x.com", "info@shop.es")) {
      assertFalse(JunkValues.emails().test(fine), fine);
    }
    for (String junk : List.of("+34666666666", "+11234567890", "+34123456789", "+529876543210",
        "+34~0000000000", "+34~000000", "+1?5555555")) {
      assertTrue(JunkValues.phones().test(junk), junk);
    }
    for (String fine : List.of("+34612345678", "+14155552671", "+34~8185550199")) {
      assertFalse(JunkValues.phones().test(fine), fine);
    }
    assertTrue(JunkValues.deviceIds().test("00000000-0000-0000-0000-000000000000"));
    assertFalse(JunkValues.deviceIds().test("6d92078a-8246-4ba4-ae5b-76104861e7dc"));
  }

  @Test
  void digestsAcceptHashesAndHashPlainValues() {
    String hash = HashedIdentifiers.sha256("anaperez@gmail.com");
    assertEquals(64, hash.length());
    var normalizer = HashedIdentifiers.digestOf(EmailNormalizer.standard());
    assertEquals(hash, normalizer.normalize(hash.toUpperCase(java.util.Locale.ROOT)));
    assertEquals(hash, normalizer.normalize("Ana.Perez+x@gmail.com"));
    assertTrue(throwsOmni(() -> normalizer.normalize("0".repeat(40))));
  }

  private static boolean throwsOmni(Runnable r) {
    try {
      r.run();
      return false;
    } catch (dev.omniid.core.OmniIdException e) {
      return true;
    }
  }
}
