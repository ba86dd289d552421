package dev.omniid.explorer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports exactly its API package and needs nothing at run time but core. */
class ModuleExportsTest {
  @Test
  void exportsOnlyTheApiAndRequiresCoreAlone() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target", "classes", "module-info.class"))) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertEquals("dev.omniid.explorer", module.name());
      assertEquals(Set.of("dev.omniid.explorer"), module.exports().stream()
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
      assertEquals(Set.of("java.base", "dev.omniid.core"), module.requires().stream()
          .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }
  }

  @Test
  void theGraphLibraryIsInsideTheJar() throws IOException {
    try (InputStream in = ProfileExplorer.class.getResourceAsStream("cytoscape/cytoscape.min.js")) {
      assertEquals(true, in != null && in.readAllBytes().length > 100_000);
    }
  }
}
