package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A coarse device fingerprint: the few browser or app properties that stay stable for one
 * device and tell devices apart, in canonical form. Every component is optional (empty, or
 * {@link #UNKNOWN_VERSION} for the version) but at least one must be present.
 *
 * <p>The compact form, read by {@link #parse(String)} and written by {@link #toString()}, is
 * {@code key=value} pairs joined by {@code ;} in any order, e.g.
 * {@code ua=chrome;os=android;osv=14;screen=2400x1080;tz=Europe/Madrid;lang=es-ES;ip=203.0.113.0/24}.
 * {@code toString()} writes the keys in that order, omits absent components, and round-trips:
 * {@code parse(fp.toString()).equals(fp)}.
 *
 * <p>Canonical forms: {@code ua} and {@code os} lower case with single spaces; {@code osv} a
 * non-negative integer; {@code screen} the longer side first, so a rotated screen is the same
 * screen; {@code tz} an IANA zone id in its official case, or a UTC offset; {@code lang} a BCP 47
 * tag ({@code es-ES}); {@code ip} a full address reduced to its {@code /24} (IPv4) or {@code /48}
 * (IPv6) network, or such a prefix. The address is never kept whole: the prefix is what stays
 * stable across a household's or office's connections, and it is coarse enough to show in
 * {@code toString}. Bad components throw {@link OmniIdException} with field
 * {@code "device_fingerprint"}, naming the component and never its value. Immutable and
 * thread-safe.
 *
 * @param userAgentFamily the browser or app family, e.g. {@code chrome}, {@code mobile safari}
 * @param os the operating system family, e.g. {@code android}, {@code ios}, {@code windows}
 * @param osMajorVersion the operating system's major version, or {@link #UNKNOWN_VERSION}
 * @param screen the screen size as {@code WIDTHxHEIGHT} pixels, longer side first
 * @param timeZone the time zone, e.g. {@code Europe/Madrid}
 * @param language the preferred language, e.g. {@code es-ES}
 * @param ipPrefix the IP network, e.g. {@code 203.0.113.0/24} or {@code 2001:db8:1::/48}
 */
public record DeviceFingerprint(
    String userAgentFamily,
    String os,
    int osMajorVersion,
    String screen,
    String timeZone,
    String language,
    String ipPrefix) {

  /** The {@link #osMajorVersion()} of a fingerprint that does not know it. */
  public static final int UNKNOWN_VERSION = -1;

  static final String FIELD = "device_fingerprint";
  private static final int MAX_LENGTH = 1024;
  private static final int MAX_TEXT = 64;
  private static final Pattern SCREEN = Pattern.compile("(\\d{1,5})\\s*[x×*]\\s*(\\d{1,5})");
  private static final Pattern TEXT = Pattern.compile("[\\p{L}\\p{N} ._/()+-]+");
  private static final Map<String, String> ZONES = zones();
  private static final Normalizer NORMALIZER = value -> parse(value).toString();

  /**
   * Validates and canonicalizes every component. Text components are never null: empty means
   * absent. A bad component is refused with {@link OmniIdException} ({@link Reason#INVALID_VALUE},
   * field {@code "device_fingerprint"}), and so is a fingerprint with no component at all.
   *
   * @param userAgentFamily the browser or app family, any case; empty if unknown
   * @param os the operating system family, any case; empty if unknown
   * @param osMajorVersion the major version in {@code 0..9999}, or {@link #UNKNOWN_VERSION}
   * @param screen {@code WIDTHxHEIGHT} in pixels, either side first; empty if unknown
   * @param timeZone an IANA zone id in any case, or a UTC offset; empty if unknown
   * @param language a BCP 47 tag; empty if unknown
   * @param ipPrefix a full IP address (reduced here to its network) or a {@code /24} or
   *     {@code /48} prefix; empty if unknown
   */
  public DeviceFingerprint {
    userAgentFamily = text(userAgentFamily, "ua");
    os = text(os, "os");
    if (osMajorVersion < UNKNOWN_VERSION || osMajorVersion > 9999) {
      throw invalid("has an out-of-range osv component");
    }
    screen = screen(screen);
    timeZone = timeZone(timeZone);
    language = language(language);
    ipPrefix = ipPrefix(ipPrefix);
    if (userAgentFamily.isEmpty() && os.isEmpty() && osMajorVersion == UNKNOWN_VERSION
        && screen.isEmpty() && timeZone.isEmpty() && language.isEmpty() && ipPrefix.isEmpty()) {
      throw invalid("has no component");
    }
  }

  private static final java.util.regex.Pattern KEYS =
      java.util.regex.Pattern.compile("ua|os|osv|screen|tz|lang|ip");
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

  /**
   * Reads the compact {@code key=value;...} form (keys {@code ua}, {@code os}, {@code osv},
   * {@code screen}, {@code tz}, {@code lang}, {@code ip}, any case, any order, each at most
   * once; empty pairs are skipped).
   *
   * @param value the compact form, at most 1,024 characters; not null
   * @return the fingerprint, its components in canonical form
   * @throws OmniIdException ({@link Reason#INVALID_VALUE}) for an unknown or repeated key or a
   *     bad component
   */
  public static DeviceFingerprint parse(String value) {
    Objects.requireNonNull(value, "value");
    if (value.length() > MAX_LENGTH) {
      throw invalid("is longer than " + MAX_LENGTH + " characters");
    }
    Map<String, String> parts = new HashMap<>();
    String[] pairs = value.split(";", -1);
    for (int i = 0; i < pairs.length; i++) {
      String pair = pairs[i].strip();
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        throw invalid("has a pair without '=' at position " + i);
      }
      String key = pair.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      if (!KEYS.matcher(key).matches()) {
        throw invalid("has an unknown key at position " + i);
      }
      if (parts.put(key, pair.substring(eq + 1).strip()) != null) {
        throw invalid("repeats the key " + key);
      }
    }
    String osv = parts.getOrDefault("osv", "");
    int version = UNKNOWN_VERSION;
    if (!osv.isEmpty()) {
      if (osv.length() > 4 || !osv.chars().allMatch(c -> c >= '0' && c <= '9')) {
        throw invalid("has a non-numeric osv component");
      }
      version = Integer.parseInt(osv);
    }
    return new DeviceFingerprint(parts.getOrDefault("ua", ""), parts.getOrDefault("os", ""),
        version, parts.getOrDefault("screen", ""), parts.getOrDefault("tz", ""),
        parts.getOrDefault("lang", ""), parts.getOrDefault("ip", ""));
  }

  /**
   * The normalizer of fingerprint identifiers: {@code parse(value).toString()}. Idempotent and
   * thread-safe.
   *
   * @return the shared normalizer; it refuses what {@link #parse(String)} refuses, with the same
   *     {@link OmniIdException}
   */
  public static Normalizer normalizer() {
    return NORMALIZER;
  }

  /**
   * The canonical compact form; {@link #parse(String)} reads it back to an equal record.
   *
   * @return the present components as {@code key=value} pairs joined by {@code ;}, in the order
   *     {@code ua, os, osv, screen, tz, lang, ip}
   */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(96);
    append(out, "ua", userAgentFamily);
    append(out, "os", os);
    append(out, "osv", osMajorVersion == UNKNOWN_VERSION ? "" : Integer.toString(osMajorVersion));
    append(out, "screen", screen);
    append(out, "tz", timeZone);
    append(out, "lang", language);
    append(out, "ip", ipPrefix);
    return out.toString();
  }

  private static void append(StringBuilder out, String key, String value) {
    if (!value.isEmpty()) {
      if (out.length() > 0) {
        out.append(';');
      }
      out.append(key).append('=').append(value);
    }
  }

  private static String text(String value, String key) {
    Objects.requireNonNull(value, key);
    String v = SPACES.matcher(value.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return v;
    }
    if (v.length() > MAX_TEXT || !TEXT.matcher(v).matches()) {
      throw invalid("has an invalid " + key + " component");
    }
    return v;
  }

  private static String screen(String value) {
    Objects.requireNonNull(value, "screen");
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return v;
    }
    Matcher m = SCREEN.matcher(v);
    if (!m.matches()) {
      throw invalid("has an invalid screen component");
    }
    int w = Integer.parseInt(m.group(1));
    int h = Integer.parseInt(m.group(2));
    if (w == 0 || h == 0) {
      throw invalid("has an invalid screen component");
    }
    return Math.max(w, h) + "x" + Math.min(w, h);
  }

  private static String timeZone(String value) {
    Objects.requireNonNull(value, "timeZone");
    String v = value.strip();
    if (v.isEmpty()) {
      return v;
    }
    String zone = v.length() <= MAX_TEXT ? ZONES.get(v.toLowerCase(Locale.ROOT)) : null;
    if (zone != null) {
      return zone;
    }
    if (v.length() <= 16 && (v.startsWith("+") || v.startsWith("-"))) {
      try {
        return ZoneOffset.of(v).getId();
      } catch (DateTimeException e) {
        // falls through to the error below
      }
    }
    throw invalid("has an invalid tz component");
  }

  private static String language(String value) {
    Objects.requireNonNull(value, "language");
    String v = value.strip().replace('_', '-');
    if (v.isEmpty()) {
      return v;
    }
    if (v.length() > MAX_TEXT) {
      throw invalid("has an invalid lang component");
    }
    String tag = Locale.forLanguageTag(v).toLanguageTag();
    if (tag.equals("und")) {
      throw invalid("has an invalid lang component");
    }
    return tag;
  }

  private static String ipPrefix(String value) {
    Objects.requireNonNull(value, "ipPrefix");
    String v = value.strip();
    if (v.isEmpty()) {
      return v;
    }
    int slash = v.indexOf('/');
    byte[] bytes = v.length() > 64 ? null : IpLiteral.parse(slash < 0 ? v : v.substring(0, slash));
    if (bytes == null) {
      throw invalid("has an invalid ip component");
    }
    int bits = bytes.length == 4 ? 24 : 48;
    if (slash >= 0 && !v.substring(slash + 1).equals(Integer.toString(bits))) {
      throw invalid("has an ip prefix that is not /24 (IPv4) or /48 (IPv6)");
    }
    for (int i = bits / 8; i < bytes.length; i++) {
      bytes[i] = 0;
    }
    return IpLiteral.format(bytes) + "/" + bits;
  }

  private static Map<String, String> zones() {
    Map<String, String> zones = new HashMap<>();
    for (String id : ZoneId.getAvailableZoneIds()) {
      zones.put(id.toLowerCase(Locale.ROOT), id);
    }
    zones.put("utc", "UTC");
    return Map.copyOf(zones);
  }

  private static OmniIdException invalid(String detail) {
    return new OmniIdException(Reason.INVALID_VALUE, FIELD, detail);
  }
}
