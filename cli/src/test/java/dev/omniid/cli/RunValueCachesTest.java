package dev.omniid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.matching.OmniId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A run of the tool sizes the value caches for reading a file, not for a service. */
class RunValueCachesTest {
  @AfterEach
  void restoreTheLibraryDefault() {
    OmniId.setValueCacheSize(1_000_000);
  }

  @Test
  void aRunSetsTheValueCachesToTheToolsSize() {
    OmniId.setValueCacheSize(1_000_000);
    assertEquals(0, OmniIdCli.run("--help"));
    assertEquals(OmniIdCli.VALUE_CACHE_SIZE, OmniId.valueCacheSize());
    assertEquals(200_000, OmniIdCli.VALUE_CACHE_SIZE);
  }
}
