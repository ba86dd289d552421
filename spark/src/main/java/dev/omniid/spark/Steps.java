package dev.omniid.spark;

import dev.omniid.core.BatchSteps;
import dev.omniid.matching.OmniId;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link BatchSteps} of a settings object, built once per JVM: the executors' tasks of one
 * resolution share them (building the normalizers' reference data per task would cost more than
 * many tasks' work). Settings are told apart by their token.
 */
final class Steps {
  private static final ConcurrentHashMap<String, BatchSteps> BY_TOKEN = new ConcurrentHashMap<>();

  private Steps() {}

  static BatchSteps of(ResolveSettings settings) {
    BatchSteps steps = BY_TOKEN.get(settings.token);
    if (steps != null) {
      return steps;
    }
    if (BY_TOKEN.size() > 8) {
      // A long-lived executor that serves many resolutions keeps only the recent ones' steps.
      BY_TOKEN.clear();
    }
    return BY_TOKEN.computeIfAbsent(settings.token, t -> {
      OmniId.setValueCacheSize(settings.valueCacheSize());
      return BatchSteps.of(settings.configuration().resolverBuilder());
    });
  }
}
