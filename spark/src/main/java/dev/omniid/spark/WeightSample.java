package dev.omniid.spark;

/**
 * Which touchpoints make the sample that weights are estimated on: the {@code n} whose
 * {@link #key} is smallest (ties by id). The key is a hash of the seed and the touchpoint id
 * alone, so the sample is the same for any partitioning, row order or executor count, and Spark
 * finds it with a bounded top-n per partition instead of sorting or collecting the Dataset.
 */
final class WeightSample {
  private WeightSample() {}

  /**
   * The sample key of a touchpoint: 64 bits spread evenly whatever the ids look like (ids are
   * often sequential; their order must not decide the sample).
   *
   * @param seed the sample's seed
   * @param id the touchpoint id
   * @return the key
   */
  static long key(long seed, String id) {
    // FNV-1a over the id's chars from a seed-dependent basis, then SplitMix64's finalizer.
    long h = 0xcbf29ce484222325L ^ mix(seed);
    for (int i = 0; i < id.length(); i++) {
      h ^= id.charAt(i);
      h *= 0x100000001b3L;
    }
    return mix(h);
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }
}
