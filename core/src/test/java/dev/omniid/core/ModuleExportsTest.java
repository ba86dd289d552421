package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module exports exactly its API package and requires nothing but the JDK. */
class ModuleExportsTest {
  @Test
  void exportsOnlyTheApiAndDependsOnTheJdkAlone() throws IOException {
    Path descriptor = Path.of("target", "classes", "module-info.class");
    try (InputStream in = Files.newInputStream(descriptor)) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertEquals("dev.omniid.core", module.name());
      assertEquals(Set.of("dev.omniid.core"), module.exports().stream()
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
      assertEquals(Set.of("java.base"), module.requires().stream()
          .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }
  }
}
