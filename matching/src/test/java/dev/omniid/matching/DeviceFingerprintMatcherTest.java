package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceFingerprintMatcherTest extends FieldMatcherContract {

  private static final List<String> UA = List.of("chrome", "firefox", "mobile safari", "edge", "samsung internet", "");
  private static final List<String> OS = List.of("android", "ios", "windows", "mac os x", "linux", "");
  private static final List<String> SCREEN = List.of("1920x1080", "2400x1080", "844x390", "1366x768", "");
  private static final List<String> TZ = List.of("Europe/Madrid", "America/Mexico_City", "America/Argentina/Buenos_Aires", "Australia/Sydney", "");
  private static final List<String> LANG = List.of("es-ES", "es-MX", "en-US", "en-AU", "es", "");

  private static String pick(List<String> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  static String randomFingerprint(Random random) {
    while (true) {
      String ip = random.nextInt(5) == 0 ? ""
          : random.nextBoolean() ? "203.0." + random.nextInt(4) + "." + random.nextInt(256)
          : "2001:db8:" + Integer.toHexString(random.nextInt(4)) + "::" + random.nextInt(100);
      int osv = random.nextInt(4) == 0 ? DeviceFingerprint.UNKNOWN_VERSION : 10 + random.nextInt(8);
      try {
        return new DeviceFingerprint(pick(UA, random), pick(OS, random), osv,
            pick(SCREEN, random), pick(TZ, random), pick(LANG, random), ip)
            .toString();
      } catch (dev.omniid.core.OmniIdException e) {
        // all components empty: draw again
      }
    }
  }

  @Override
  FieldMatcher matcher() {
    return DeviceFingerprintMatcher.standard();
  }

  @Override
  String randomNormalizedValue(Random random) {
    return randomFingerprint(random);
  }

  private static final String BASE =
      "ua=chrome;os=android;osv=14;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24";

  @ParameterizedTest(name = "{1} -> {2}")
  @CsvSource(delimiter = '|', textBlock = """
      BASE | ua=chrome;os=android;osv=14;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24 | EXACT
      BASE | ua=chrome;os=android;osv=15;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24 | STRONG
      BASE | ua=chrome;os=android;screen=2400x1080;tz=Europe/Madrid;ip=203.0.113.0/24                   | STRONG
      BASE | ua=chrome;os=android;osv=14;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=198.51.100.0/24 | MEDIUM
      BASE | ua=firefox;os=android;osv=14;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24 | MEDIUM
      BASE | ua=chrome;ip=203.0.113.0/24                                                                   | WEAK
      BASE | ua=chrome;lang=es-ES                                                                          | DIFFERENT
      BASE | ua=firefox;os=android;osv=14;screen=1920x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24 | WEAK
      BASE | ua=firefox;os=windows;osv=11;screen=1920x1080;tz=Europe/Madrid;lang=es-ES;ip=198.51.100.0/24 | DIFFERENT
      BASE | lang=en-US                                                                                    | DIFFERENT
      BASE | not a fingerprint                                                                             | DIFFERENT
      """)
  void grades(String base, String other, ComparisonLevel expected) {
    String a = base.equals("BASE") ? BASE : base;
    assertEquals(expected, matcher().compare(a, other));
    assertEquals(expected, matcher().compare(other, a));
  }
}
