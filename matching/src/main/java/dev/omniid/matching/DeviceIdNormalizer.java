package dev.omniid.matching;

import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.OmniIdException.Reason;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Normalizes device and browser identifiers. Advertising and vendor ids (IDFA, GAID, IDFV) are
 * UUIDs, compared in lower-case canonical 8-4-4-4-12 form whatever case or braces they came in;
 * an Android ID is 16 hex digits, lower-cased; cookie ids are opaque and kept as given (only
 * surrounding whitespace goes). Immutable and thread-safe; idempotent.
 */
public final class DeviceIdNormalizer implements Normalizer {
  private static final Pattern UUID = Pattern.compile(
      "\\{?([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})}?");
  private static final Pattern ANDROID_ID = Pattern.compile("[0-9a-f]{16}");

  private enum Kind { ADVERTISING, ANDROID, COOKIE, ANY }

  private final Kind kind;

  private DeviceIdNormalizer(Kind kind) {
    this.kind = kind;
  }

  /**
   * IDFA, GAID, IDFV: a UUID, or invalid.
   *
   * @return a normalizer giving the lower-case 8-4-4-4-12 form, and refusing anything that is not
   *     a UUID with {@link Reason#INVALID_VALUE}
   */
  public static DeviceIdNormalizer advertisingId() {
    return new DeviceIdNormalizer(Kind.ADVERTISING);
  }

  /**
   * An Android ID: 16 hex digits, or invalid.
   *
   * @return a normalizer giving the 16 digits in lower case (a UUID is accepted too, in its
   *     canonical form), and refusing anything else with {@link Reason#INVALID_VALUE}
   */
  public static DeviceIdNormalizer androidId() {
    return new DeviceIdNormalizer(Kind.ANDROID);
  }

  /**
   * A cookie id: opaque, case kept, at most 256 characters without spaces.
   *
   * @return a normalizer giving the id as it came, and refusing a longer one or one with a space
   *     or control character with {@link Reason#INVALID_VALUE}
   */
  public static DeviceIdNormalizer cookieId() {
    return new DeviceIdNormalizer(Kind.COOKIE);
  }

  /**
   * Any device id: UUIDs and Android IDs canonicalized, anything else lower-cased.
   *
   * @return a normalizer for files whose device column mixes kinds of ids
   */
  public static DeviceIdNormalizer any() {
    return new DeviceIdNormalizer(Kind.ANY);
  }

  @Override
  public String normalize(String value) {
    Objects.requireNonNull(value, "value");
    String s = value.strip();
    if (s.isEmpty() || s.length() > 256) {
      throw invalid("must have 1 to 256 characters");
    }
    for (int i = 0; i < s.length(); i++) {
      if (Character.isWhitespace(s.charAt(i)) || Character.isISOControl(s.charAt(i))) {
        throw invalid("has a space or control character at index " + i);
      }
    }
    if (kind == Kind.COOKIE) {
      return s;
    }
    String lower = s.toLowerCase(Locale.ROOT);
    if (lower.length() > 256) {
      // Lower-casing can lengthen a value ("İ" is "i" and a combining dot): the bound holds for
      // the form returned too, or that form would be refused when normalized again.
      throw invalid("must have 1 to 256 characters");
    }
    var uuid = UUID.matcher(lower);
    if (uuid.matches()) {
      return uuid.group(1) + '-' + uuid.group(2) + '-' + uuid.group(3) + '-' + uuid.group(4) + '-'
          + uuid.group(5);
    }
    if (kind == Kind.ADVERTISING) {
      throw invalid("is not a UUID advertising id");
    }
    if (ANDROID_ID.matcher(lower).matches() || kind == Kind.ANY) {
      return lower;
    }
    throw invalid("is not a 16-hex-digit Android ID");
  }

  private static OmniIdException invalid(String detail) {
    return new OmniIdException(Reason.INVALID_VALUE, "device_id", detail);
  }

  @Override
  public String toString() {
    return "DeviceIdNormalizer[" + kind + "]";
  }
}
