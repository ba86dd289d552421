package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.omniid.matching.OmniId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An executor sizes the value caches for reading partitions, not for a service. */
class ValueCacheSizeTest {
  @AfterEach
  void restoreTheLibraryDefault() {
    OmniId.setValueCacheSize(1_000_000);
  }

  @Test
  void buildingTheStepsSetsTheSizeOfTheSettings() {
    assertEquals(200_000, ResolveSettings.defaults().valueCacheSize());
    OmniId.setValueCacheSize(1_000_000);
    Steps.of(ResolveSettings.newBuilder().valueCacheSize(123_457).build());
    assertEquals(123_457, OmniId.valueCacheSize());
    Steps.of(ResolveSettings.defaults());
    assertEquals(ResolveSettings.DEFAULT_VALUE_CACHE_SIZE, OmniId.valueCacheSize());
  }

  @Test
  void aSizeBelowOneIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ResolveSettings.newBuilder().valueCacheSize(0));
    assertEquals("valueCacheSize must be at least 1", e.getMessage());
  }
}
