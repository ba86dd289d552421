package dev.omniid.connect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module exports its one package, and that package's public types are the small API it
 * promises: the readers' and the mapper's machinery stays package-private.
 */
class ModuleExportsTest {
  @Test
  void exportsOnlyTheApiPackage() throws IOException {
    Path descriptor = Path.of("target", "classes", "module-info.class");
    try (InputStream in = Files.newInputStream(descriptor)) {
      ModuleDescriptor module = ModuleDescriptor.read(in);
      assertEquals("dev.omniid.connect", module.name());
      assertEquals(Set.of("dev.omniid.connect"), module.exports().stream()
          .map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
      assertEquals(Set.of("java.base", "dev.omniid.core", "dev.omniid.matching",
          "com.fasterxml.jackson.databind", "com.fasterxml.jackson.core"), module.requires().stream()
          .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()));
    }
  }

  @Test
  void thePublicTypesAreTheApi() throws IOException {
    Set<String> publicTypes = new TreeSet<>();
    try (Stream<Path> classes = Files.list(Path.of("target", "classes", "dev", "omniid", "connect"))) {
      for (Path file : classes.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = file.getFileName().toString().replace(".class", "");
        if (name.contains("$") && Character.isDigit(name.charAt(name.lastIndexOf('$') + 1))) {
          continue; // an anonymous class
        }
        try {
          Class<?> type = Class.forName("dev.omniid.connect." + name);
          if (Modifier.isPublic(type.getModifiers())) {
            publicTypes.add(name);
          }
        } catch (ClassNotFoundException e) {
          throw new AssertionError(name, e);
        }
      }
    }
    assertEquals(new TreeSet<>(Set.of("InputRecord", "InputRecord$RowProblem", "MappedRecord",
        "Mapping", "RecordReader", "RecordReader$Format", "TouchpointMapper",
        "TouchpointMapper$DateOrder", "Warning")), publicTypes);
  }
}
