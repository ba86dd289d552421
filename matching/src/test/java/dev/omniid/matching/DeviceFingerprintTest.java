package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.core.OmniIdException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DeviceFingerprintTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ua=Chrome;os=Android;osv=14;screen=1080x2400;tz=europe/madrid;lang=es_ES;ip=203.0.113.77     | ua=chrome;os=android;osv=14;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24
      ip=203.0.113.0/24;ua=chrome                                                                   | ua=chrome;ip=203.0.113.0/24
      ' UA = Mobile  Safari ; OS=iOS ; osv=17 ; '                                                   | ua=mobile safari;os=ios;osv=17
      ip=2001:db8:1:2::7                                                                            | ip=2001:db8:1::/48
      ip=2001:DB8:1::/48;tz=UTC                                                                     | tz=UTC;ip=2001:db8:1::/48
      tz=+01:00;screen=390 x 844                                                                    | screen=844x390;tz=+01:00
      lang=pt-br                                                                                    | lang=pt-BR
      """)
  void parsesToCanonicalForm(String raw, String expected) {
    DeviceFingerprint fp = DeviceFingerprint.parse(raw);
    assertEquals(expected, fp.toString());
    assertEquals(fp, DeviceFingerprint.parse(fp.toString()), "round trip");
    assertEquals(expected, DeviceFingerprint.normalizer().normalize(raw));
    assertEquals(expected, DeviceFingerprint.normalizer().normalize(expected), "idempotent");
  }

  @Test
  void recordConstructorCanonicalizes() {
    DeviceFingerprint fp = new DeviceFingerprint("Firefox", "", DeviceFingerprint.UNKNOWN_VERSION,
        "", "", "", "198.51.100.9");
    assertEquals("ua=firefox;ip=198.51.100.0/24", fp.toString());
    assertEquals("198.51.100.0/24", fp.ipPrefix());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", ";;", "ua", "foo=bar", "ua=chrome;ua=firefox", "osv=abc",
      "osv=123456", "screen=big", "screen=0x100", "tz=Mars/Olympus", "lang=12345678901234567890",
      "ip=999.1.1.1", "ip=203.0.113.0/16", "ip=example.com", "ua=chrome<script>", "ua=a=b"})
  void refusesInvalid(String raw) {
    OmniIdException e = assertThrows(OmniIdException.class, () -> DeviceFingerprint.parse(raw));
    assertEquals("device_fingerprint", e.field());
    assertEquals(OmniIdException.Reason.INVALID_VALUE, e.reason());
  }
}
