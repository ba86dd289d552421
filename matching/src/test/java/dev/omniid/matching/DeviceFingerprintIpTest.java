package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code ip} component: the IP literal rules and canonical prefixes that DeviceFingerprint
 * had while it read addresses with Guava's {@code InetAddresses} (each expected value below was
 * printed by that implementation), kept when it moved to its own parser. Zone ids are the one
 * deliberate difference, see {@link #dropsAnyZoneIdOfSafeCharacters}.
 */
class DeviceFingerprintIpTest {

  private static String prefix(String ip) {
    return new DeviceFingerprint("", "", DeviceFingerprint.UNKNOWN_VERSION, "", "", "", ip)
        .ipPrefix();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      203.0.113.77                            | 203.0.113.0/24
      203.0.113.0/24                          | 203.0.113.0/24
      203.0.113.77/24                         | 203.0.113.0/24
      '  1.2.3.4 '                            | 1.2.3.0/24
      0.0.0.0                                 | 0.0.0.0/24
      255.255.255.255                         | 255.255.255.0/24
      1.2.3.0                                 | 1.2.3.0/24
      2001:db8:1:2::7                         | 2001:db8:1::/48
      2001:DB8:1::/48                         | 2001:db8:1::/48
      2001:0db8:0001:0000:0000:0000:0000:0001 | 2001:db8:1::/48
      1:2:3:4:5:6:7:8                         | 1:2:3::/48
      1:2:3:4:5:6:7:8/48                      | 1:2:3::/48
      1:2:3:4:5:6:7::                         | 1:2:3::/48
      1:2:3:4:5::6:7                          | 1:2:3::/48
      ::2:3:4:5:6:7:8                         | 0:2:3::/48
      ::1:2:3:4:5:6:7                         | 0:1:2::/48
      0:0:1::                                 | 0:0:1::/48
      0:0:1:2:3:4:5:6                         | 0:0:1::/48
      0:1:0:0:1:0:0:1                         | 0:1::/48
      1:0:0:2:0:0:0:3                         | 1::/48
      2001:0:0::                              | 2001::/48
      2001:db8::                              | 2001:db8::/48
      2001:db8:ffff::                         | 2001:db8:ffff::/48
      ff02::1                                 | ff02::/48
      1::                                     | 1::/48
      1::8                                    | 1::/48
      ::                                      | ::/48
      ::1                                     | ::/48
      ::/48                                   | ::/48
      0:0:0:0:0:0:0:0                         | ::/48
      0000:0000:0000::                        | ::/48
      ::1.2.3.4                               | ::/48
      64:ff9b::1.2.3.4                        | 64:ff9b::/48
      2001:db8::1.2.3.4                       | 2001:db8::/48
      1:2:3:4:5:6:1.2.3.4                     | 1:2:3::/48
      1:2:3:4:5::1.2.3.4                      | 1:2:3::/48
      ::ffff:1.2.3.4                          | 1.2.3.0/24
      ::FFFF:1.2.3.4                          | 1.2.3.0/24
      ::ffff:1.2.3.4/24                       | 1.2.3.0/24
      ::ffff:0102:0304                        | 1.2.3.0/24
      0:0:0:0:0:ffff:1.2.3.4                  | 1.2.3.0/24
      0::ffff:1.2.3.4                         | 1.2.3.0/24
      ::0:ffff:1.2.3.4                        | 1.2.3.0/24
      ::ffff:255.255.255.255                  | 255.255.255.0/24
      ::ffff:0.0.0.0                          | 0.0.0.0/24
      fe80::1%1                               | fe80::/48
      fe80::1%0                               | fe80::/48
      fe80::1%25                              | fe80::/48
      fe80::1%                                | fe80::/48
      fe80::1%1/48                            | fe80::/48
      2001:db8:1::%1                          | 2001:db8:1::/48
      2001:db8:1::1%1/48                      | 2001:db8:1::/48
      1:2:3:4:5:6:7:8%1                       | 1:2:3::/48
      ::%                                     | ::/48
      ١.٢.٣.٤                                 | 1.2.3.0/24
      ٠١.2.3.4                                | 1.2.3.0/24
      ａ::1                                   | a::/48
      ＦＥ80::1                               | fe80::/48
      """)
  void canonicalPrefix(String ip, String expected) {
    // The last four rows: digits of any script count, as Character.digit reads them (Guava's
    // rule); the canonical form is ASCII all the same.
    assertEquals(expected, prefix(ip));
    assertEquals(expected, prefix(expected), "a canonical prefix reads back as itself");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // the prefix must be the family's own, written as 24 or 48
      "203.0.113.77/16", "203.0.113.77/024", "203.0.113.77/", "1.2.3.4/ 24", "1.2.3.4/24/24",
      "2001:db8:1::/64", "2001:db8:1::/048", "::ffff:1.2.3.4/48", "::ffff:1.2.3.4/",
      "2001:db8:1::1/48%1", "/24",
      // IPv4: four decimal parts of 1-3 digits up to 255, no leading zero, no zone
      "256.1.1.1", "999.1.1.1", "1.2.3", "1.2.3.4.5", "1.2.3.", ".1.2.3", "01.2.3.4", "1.2.3.04",
      "1.2.3.00", "001.2.3.4", "1.2.3.1234", "1. 2.3.4", "1.2.3.4 /24", "+1.2.3.4", "1.2.3.a",
      "0x1.2.3.4", "1.2.3.4%1", "1.2.3.4%eth0",
      // IPv6: 8 groups of 1-4 hex digits, one '::' standing for at least one group
      "2001:00db8::1", "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7", ":1:2:3:4:5:6:7", "1:2:3:4:5:6:7:",
      "1::2::3", ":::", "1:::2", "1:2:3:4:5:6:7:8::", "1:2:3:4:5:6::7:8", "00000::", "12345::",
      "g::1", "[::1]", "[2001:db8::1]",
      // an embedded IPv4 address ends the literal, is a valid IPv4 address, takes two groups
      "1:2:3:4:5:6:7:1.2.3.4", "1::2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6::1.2.3.4", "::1.2.3",
      "::1.2.3.4.5", "::01.2.3.4", "::256.1.1.1", "1.2.3.4::", "::1.2.3.4:5", "::ffff:1.2.3.4::",
      "::ffff:1.2.3.4.5", "::ffff:1.2.3.4%1",
      // names are never looked up
      "example.com", "localhost", "%1",
      "2001:db8:1:2:3:4:5:6:7:8:9:10:11:12:13:14:15:16:17:18:19:20:21"})
  void refuses(String ip) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> prefix(ip));
    assertEquals("device_fingerprint", e.field());
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
    assertFalse(e.getMessage().contains(ip.strip()), "the message never carries the value");
  }

  @ParameterizedTest
  @ValueSource(strings = {"fe80::1%eth0", "fe80::1%lo", "fe80::1%nosuchif", "fe80::1%eth0.1",
      "fe80::1%a.b_c-d~e", "fe80::1%eth0/48"})
  void dropsAnyZoneIdOfSafeCharacters(String ip) {
    // A zone id names an interface of the machine that saw the address, not of this one, and
    // the /48 prefix drops it anyway. Guava looked the name up among this machine's interfaces:
    // the same value was accepted on one machine and threw a bare IllegalArgumentException on
    // another.
    assertEquals("fe80::/48", prefix(ip));
  }

  @ParameterizedTest
  @ValueSource(strings = {"fe80::1%<x>", "fe80::1%1%2", "fe80::1%%", "fe80::1%a b",
      "::ffff:102:304%1", "::ffff:102:304%eth0"})
  void refusesZoneIdsOfOtherCharactersAndOnIpv4(String ip) {
    // Guava threw a bare IllegalArgumentException for these (no such interface; a zone on an
    // IPv4-mapped address): an OmniIdException, as for every other bad component.
    OmniIdException e = assertThrows(OmniIdException.class, () -> prefix(ip));
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
  }
}
