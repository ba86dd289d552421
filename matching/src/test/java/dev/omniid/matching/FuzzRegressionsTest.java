package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import org.junit.jupiter.api.Test;

/**
 * Bugs the fuzz targets and property tests found, one test each, named after the bug. Each was a
 * normalizer returning a value that it refused (or changed) when given it again.
 */
class FuzzRegressionsTest {

  @Test
  void unicodeDomainWithinTheLimitButLongerThan253InPunycodeIsRefused() {
    // Six labels of 40 Cyrillic letters: a domain of 249 characters, 285 in punycode (> 253).
    // It was accepted, and its own output refused: now it is refused at once.
    String label = "ж".repeat(40);
    String domain = String.join(".", label, label, label, label, label, label) + ".com";
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> EmailNormalizer.standard().normalize("ana@" + domain));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
  }

  @Test
  void plusTagRemovalThatLeavesATrailingDotIsRefused() {
    // hotmal.com is corrected to hotmail.com, whose +tags are dropped: "ana." would be left.
    assertThrows(OmniIdException.class, () -> EmailNormalizer.standard().normalize("ana.+x@hotmal.com"));
    assertThrows(OmniIdException.class, () -> EmailNormalizer.standard().normalize("ana.+x@outlook.com"));
    assertEquals("ana@outlook.com", EmailNormalizer.standard().normalize("ana+x@outlook.com"));
  }

  @Test
  void nameThatFoldsLongerThanTheCapIsRefusedAtOnce() {
    // 200 "ä" are within the cap of 300; folded, "aeae..." has 400 characters.
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> NameNormalizer.standard().normalize("ä".repeat(200)));
    assertEquals(OmniIdException.Reason.TOO_LARGE, e.reason());
    // U+FDFA is one character and 18 once folded (NFKC).
    assertThrows(OmniIdException.class, () -> NameNormalizer.standard().normalize("\uFDFA".repeat(20)));
  }

  @Test
  void addressThatFoldsLongerThanTheCapIsRefusedAtOnce() {
    OmniIdException e = assertThrows(OmniIdException.class,
        () -> AddressNormalizer.standard().normalize("ä".repeat(300)));
    assertEquals(OmniIdException.Reason.TOO_LARGE, e.reason());
  }

  @Test
  void deviceIdThatLowerCasesLongerThanTheCapIsRefusedAtOnce() {
    // "İ" lower-cases to "i" and U+0307: 200 characters become 400.
    assertThrows(OmniIdException.class, () -> DeviceIdNormalizer.any().normalize("İ".repeat(200)));
    assertEquals("i\u0307".repeat(100), DeviceIdNormalizer.any().normalize("İ".repeat(100)));
  }

  @Test
  void localOnlyNumberTooShortForItsOwnFormIsRefused() {
    // "+4956" is possible only locally in Germany, but "+49?56" did not read back as itself.
    PhoneNormalizer phones = PhoneNormalizer.forRegion("ES", 0);
    assertThrows(OmniIdException.class, () -> phones.normalize("+4956"));
    assertEquals("+1?5552671", phones.normalize("+1?5552671"));
  }
}
