package dev.omniid.matching;

import static dev.omniid.matching.AudiencePlatform.GOOGLE;
import static dev.omniid.matching.AudiencePlatform.META;
import static dev.omniid.matching.AudiencePlatform.UID2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Audience hashes: the platforms' published vectors, then tricky inputs per platform. */
class AudiencePlatformTest {
  private static final PhoneNormalizer ES = PhoneNormalizer.forRegion("ES");
  private static final PhoneNormalizer US = PhoneNormalizer.forRegion("US");

  private static String email(AudiencePlatform platform, String raw) {
    return HashedIdentifiers.forPlatform(platform, Identifier.of(IdentifierType.EMAIL, raw), ES);
  }

  private static String phone(AudiencePlatform platform, String raw, PhoneNormalizer phones) {
    return HashedIdentifiers.forPlatform(
        platform, Identifier.of(IdentifierType.PHONE, raw), phones);
  }

  /**
   * Every example of UID2's "Normalization and Encoding" page
   * (https://unifiedid.com/docs/getting-started/gs-normalization-encoding, source
   * github.com/IABTechLab/uid2docs docs/getting-started/gs-normalization-encoding.md): the
   * original value, the normalized one and the Base64 SHA-256 it publishes.
   */
  @ParameterizedTest
  @CsvSource({
    "user@example.com, user@example.com, tMmiiTI7IaAcPpQPFQ65uMVCWH8av9jw4cwf/F5HVRQ=",
    "MyEmail@example.com, myemail@example.com, FsGNM28LJQ8OLZB0Us65ZYp07NrovJSGTCMSKnLMJ6U=",
    "MYEMAIL@example.com, myemail@example.com, FsGNM28LJQ8OLZB0Us65ZYp07NrovJSGTCMSKnLMJ6U=",
    "My.Email@example.com, my.email@example.com, 4itTvG+HEnTzpiqzejyu1yFPwU1nYhWpaiQvz62hyB8=",
    "JANESAOIRSE@example.com, janesaoirse@example.com, 1mcOepIAfxtf94Xx/IHlOqbT170GvfXEc83HKGwoS20=",
    "JaneSaoirse@example.com, janesaoirse@example.com, 1mcOepIAfxtf94Xx/IHlOqbT170GvfXEc83HKGwoS20=",
    "jane.saoirse@example.com, jane.saoirse@example.com, sZZDLHuYmiypHIN5mVfFFdpT5sE6vyC3j+qU8RfpC/g=",
    "Jane.Saoirse@example.com, jane.saoirse@example.com, sZZDLHuYmiypHIN5mVfFFdpT5sE6vyC3j+qU8RfpC/g=",
    "JaneSaoirse+Work@example.com, janesaoirse+work@example.com, KKruSBUjDNO069iMUVImVQZm6RrAGZKeOtrD9mwogYA=",
    "JANE.SAOIRSE@gmail.com, janesaoirse@gmail.com, ku4mBX7Z3qJTXWyLFB1INzkyR2WZGW4ANSJUiW21iI8=",
    "Jane.Saoirse@gmail.com, janesaoirse@gmail.com, ku4mBX7Z3qJTXWyLFB1INzkyR2WZGW4ANSJUiW21iI8=",
    "JaneSaoirse+Work@gmail.com, janesaoirse@gmail.com, ku4mBX7Z3qJTXWyLFB1INzkyR2WZGW4ANSJUiW21iI8=",
    "JANESaoirse@gmail.com, janesaoirse@gmail.com, ku4mBX7Z3qJTXWyLFB1INzkyR2WZGW4ANSJUiW21iI8="
  })
  void uid2PublishedEmailVectors(String raw, String normalized, String base64) {
    assertEquals(normalized, UID2.normalizeEmail(raw));
    assertEquals(base64, email(UID2, raw));
  }

  /** The same page: "1 (234) 567-8901" normalizes to +12345678901, hashed as published. */
  @Test
  void uid2PublishedPhoneVector() {
    assertEquals("+12345678901", UID2.normalizePhone("1 (234) 567-8901", US));
    assertEquals("EObwtHBUqDNZR33LNSMdtt5cafsYFuGmuY4ZLenlue4=", phone(UID2, "+12345678901", ES));
    // The un-normalized spelling the page warns about hashes differently: the rule is applied.
    assertEquals("ku4mBX7Z3qJTXWyLFB1INzkyR2WZGW4ANSJUiW21iI8=", email(UID2, " JANESaoirse@gmail.com "));
  }

  /**
   * Google and Meta hash the same SHA-256 in lower-case hex. UID2's page publishes the hex of
   * {@code user@example.com} and {@code +12345678901} too (b4c9a289..., 10e6f0b4...); Meta's
   * Conversions API example payload (developers.facebook.com/docs/marketing-api/conversions-api,
   * "ph": "254aa248...") is the SHA-256 of {@code 12345678901}, the same number without its
   * {@code +} (preimage checked with {@code printf 12345678901 | sha256sum}).
   */
  @Test
  void hexVectorsForGoogleAndMeta() {
    String userHex = "b4c9a289323b21a01c3e940f150eb9b8c542587f1abfd8f0e1cc1ffc5e475514";
    assertEquals(userHex, email(GOOGLE, "User@Example.com "));
    assertEquals(userHex, email(META, "  USER@example.COM"));
    assertEquals("10e6f0b47054a83359477dcb35231db6de5c69fb1816e1a6b98e192de9e5b9ee",
        phone(GOOGLE, "+1 234-567-8901", ES));
    assertEquals("254aa248acb47dd654ca3ea53f48c2c26d641d23d7e2e93a1ec56258df7674c4",
        phone(META, "+1 (234) 567-8901", ES));
    assertEquals("12345678901", META.normalizePhone("001 234 567 8901", ES));
  }

  /**
   * Gmail under each rule. Google (developers.google.com/google-ads/api/docs/conversions/
   * enhance-conversions, and Campaign Manager 360's conversions_ec guide) removes dots before
   * gmail.com and googlemail.com and says nothing of +tags; Meta (custom audiences, "Hashing and
   * Normalizing Data") only trims and lower-cases; UID2 removes dots and the +tag for gmail.com
   * only. Expected hex computed apart with sha256sum.
   */
  @Test
  void gmailUnderEachPlatform() {
    String raw = " Jane.Saoirse+Work@GMAIL.com";
    assertEquals("janesaoirse+work@gmail.com", GOOGLE.normalizeEmail(raw));
    assertEquals("jane.saoirse+work@gmail.com", META.normalizeEmail(raw));
    assertEquals("janesaoirse@gmail.com", UID2.normalizeEmail(raw));
    assertEquals("6423995fc9e9e8e111f0f709d41b8895f02fbd11bbaafb140b207719747eacaf",
        email(GOOGLE, raw));
    assertEquals("6f0f30b37b9cd7ab345145aa600a4fd1bbb903024880f561b00045d9143db80c",
        email(META, raw));
    assertEquals("92ee26057ed9dea2535d6c8b141d48373932476599196e00352254896db5888f",
        email(GOOGLE, "jane.saoirse@gmail.com"));
    assertEquals("58bad64ae1c94e2bfdcf592ca545bea6201cbe1a87f8bef0cb88388f88009649",
        email(META, "jane.saoirse@gmail.com"));
  }

  @Test
  void googlemailKeepsItsDomainAndLosesDotsOnlyUnderGoogle() {
    assertEquals("janesaoirse@googlemail.com", GOOGLE.normalizeEmail("Jane.Saoirse@googlemail.com"));
    assertEquals("7e9a04b260a70049abbced541c0dcff4cf76e5fa6c3241f41fe7c2acddcb684e",
        email(GOOGLE, "Jane.Saoirse@googlemail.com"));
    assertEquals("jane.saoirse@googlemail.com", UID2.normalizeEmail("Jane.Saoirse@googlemail.com"));
    assertEquals("jane.saoirse@googlemail.com", META.normalizeEmail("Jane.Saoirse@googlemail.com"));
  }

  @Test
  void otherDomainsKeepDotsAndTagsEverywhere() {
    for (AudiencePlatform p : AudiencePlatform.values()) {
      assertEquals("ana.perez+shop@outlook.com", p.normalizeEmail("Ana.Perez+Shop@Outlook.com"));
      // No typo correction: the platform hashes its users' real addresses, not our guess.
      assertEquals("ana@gmial.com", p.normalizeEmail("ana@gmial.com"));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "612 345 678", "+34 612 34 56 78", "0034 612-345-678", "(+34) 612345678", " 612.345.678 "
  })
  void nationalAndInternationalPhoneFormsInSpain(String raw) {
    assertEquals("+34612345678", GOOGLE.normalizePhone(raw, ES));
    assertEquals("+34612345678", UID2.normalizePhone(raw, ES));
    assertEquals("34612345678", META.normalizePhone(raw, ES));
    assertEquals("1e41ef79cb1baa05fa88e837a70de6f6ae248454bc8dae474312c0baebe8c7a5",
        phone(GOOGLE, raw, ES));
    assertEquals("11f976ff0fae9007051c1c0be7821b65f86e69e36f63542ae8c72dbf3b9cd9dc",
        phone(META, raw, ES));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "ana@", "@example.com", "ana perez@example.com", "Ana <ana@example.com>",
    "mailto:ana@example.com", "ana@@example.com", "ana..perez@example.com", "ana@localhost",
    "+work@gmail.com", "''"
  })
  void refusedEmailsNameTheFieldAndHideTheValue(String raw) {
    for (AudiencePlatform p : AudiencePlatform.values()) {
      OmniIdException e = assertThrows(OmniIdException.class, () -> p.normalizeEmail(raw), raw);
      assertEquals(Reason.INVALID_VALUE, e.reason());
      assertEquals("email", e.field());
      if (!raw.isBlank()) {
        assertFalse(e.getMessage().contains(raw.strip()), e.getMessage());
      }
    }
  }

  /**
   * Unverified numbers are refused: {@code 818 555 0199} read in Spain is no Spanish number, and
   * a US guess would upload a digest of whoever holds it there.
   */
  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "818 555 0199|", "12|", "call me|", "555-2671|US", "+999 1234 5678|"
  })
  void refusedPhonesNameTheFieldAndHideTheValue(String raw, String region) {
    PhoneNormalizer phones = region == null ? ES : PhoneNormalizer.forRegion(region);
    for (AudiencePlatform p : AudiencePlatform.values()) {
      OmniIdException e = assertThrows(OmniIdException.class, () -> p.normalizePhone(raw, phones), raw);
      assertEquals(Reason.INVALID_VALUE, e.reason());
      assertEquals("phone", e.field());
      assertFalse(e.getMessage().contains(raw), e.getMessage());
    }
  }

  @Test
  void otherIdentifierTypesAreAProgrammingError() {
    Identifier id = Identifier.of(IdentifierType.CUSTOMER_ID, "C-1");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> HashedIdentifiers.forPlatform(GOOGLE, id, ES));
    assertFalse(e.getMessage().contains("C-1"));
  }

  @Test
  void encodings() {
    assertEquals(64, GOOGLE.hash("x").length());
    assertEquals(GOOGLE.hash("x"), META.hash("x"));
    assertEquals(44, UID2.hash("x").length());
    assertEquals(HashedIdentifiers.sha256("x"), GOOGLE.hash("x"));
  }
}
