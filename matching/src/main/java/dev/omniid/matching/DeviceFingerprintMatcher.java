package dev.omniid.matching;

import dev.omniid.core.ComparisonLevel;
import dev.omniid.core.FieldMatcher;
import dev.omniid.core.OmniIdException;
import java.util.Objects;

/**
 * Grades two device fingerprints in the canonical form of {@link DeviceFingerprint#toString()}
 * by how many of their components agree, each weighted by how well it tells devices apart.
 *
 * <p>Weights: IP prefix 4 and user-agent family 3 (they matter most: together they are roughly
 * "this browser on this network"), OS 2, screen 2, OS major version 1, time zone 1, language 1.
 * Only components present on both sides count. With {@code agree} the weight of the components
 * that agree and {@code share = agree / (agree + disagree)}:
 *
 * <table>
 *   <caption>Levels</caption>
 *   <tr><th>level</th><th>when</th></tr>
 *   <tr><td>EXACT</td><td>equal canonical strings</td></tr>
 *   <tr><td>STRONG</td><td>IP prefix and UA family agree, {@code share >= 0.9},
 *       {@code agree >= 10}</td></tr>
 *   <tr><td>MEDIUM</td><td>IP prefix or UA family agrees, {@code share >= 0.7},
 *       {@code agree >= 8} (so UA family and IP prefix alone are WEAK)</td></tr>
 *   <tr><td>WEAK</td><td>{@code share >= 0.5}, {@code agree >= 5}</td></tr>
 *   <tr><td>DIFFERENT</td><td>otherwise, or if either value does not parse</td></tr>
 * </table>
 *
 * <p>Never throws for non-null arguments; symmetric. Stateless and thread-safe.
 */
public final class DeviceFingerprintMatcher implements FieldMatcher {

  static final int IP_WEIGHT = 4;
  static final int UA_WEIGHT = 3;
  static final int OS_WEIGHT = 2;
  static final int SCREEN_WEIGHT = 2;
  static final int OS_VERSION_WEIGHT = 1;
  static final int TIME_ZONE_WEIGHT = 1;
  static final int LANGUAGE_WEIGHT = 1;

  private static final DeviceFingerprintMatcher INSTANCE = new DeviceFingerprintMatcher();

  private DeviceFingerprintMatcher() {}

  /**
   * The fingerprint matcher (stateless, so one shared instance).
   *
   * @return the matcher, for fingerprints in {@link DeviceFingerprint#toString()}'s form;
   *     thread-safe
   */
  public static DeviceFingerprintMatcher standard() {
    return INSTANCE;
  }

  @Override
  public ComparisonLevel compare(String a, String b) {
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    if (a.equals(b)) {
      return ComparisonLevel.EXACT;
    }
    DeviceFingerprint x;
    DeviceFingerprint y;
    try {
      x = DeviceFingerprint.parse(a);
      y = DeviceFingerprint.parse(b);
    } catch (OmniIdException e) {
      return ComparisonLevel.DIFFERENT;
    }
    if (x.equals(y)) {
      return ComparisonLevel.EXACT;
    }
    int[] tally = new int[2]; // agree, disagree
    boolean ip = add(tally, x.ipPrefix(), y.ipPrefix(), IP_WEIGHT);
    boolean ua = add(tally, x.userAgentFamily(), y.userAgentFamily(), UA_WEIGHT);
    add(tally, x.os(), y.os(), OS_WEIGHT);
    add(tally, x.screen(), y.screen(), SCREEN_WEIGHT);
    add(tally, version(x), version(y), OS_VERSION_WEIGHT);
    add(tally, x.timeZone(), y.timeZone(), TIME_ZONE_WEIGHT);
    add(tally, x.language(), y.language(), LANGUAGE_WEIGHT);
    int agree = tally[0];
    int compared = tally[0] + tally[1];
    if (compared == 0) {
      return ComparisonLevel.DIFFERENT;
    }
    // share >= p  <=>  agree >= p * compared, in integers to stay exact and symmetric
    if (ip && ua && agree * 10 >= compared * 9 && agree >= 10) {
      return ComparisonLevel.STRONG;
    }
    if ((ip || ua) && agree * 10 >= compared * 7 && agree >= 8) {
      return ComparisonLevel.MEDIUM;
    }
    if (agree * 2 >= compared && agree >= 5) {
      return ComparisonLevel.WEAK;
    }
    return ComparisonLevel.DIFFERENT;
  }

  private static String version(DeviceFingerprint fp) {
    return fp.osMajorVersion() == DeviceFingerprint.UNKNOWN_VERSION
        ? "" : Integer.toString(fp.osMajorVersion());
  }

  /** Tallies one component present on both sides; returns whether it agrees. */
  private static boolean add(int[] tally, String a, String b, int weight) {
    if (a.isEmpty() || b.isEmpty()) {
      return false;
    }
    boolean same = a.equals(b);
    tally[same ? 0 : 1] += weight;
    return same;
  }

  @Override
  public String toString() {
    return "DeviceFingerprintMatcher";
  }
}
