package dev.omniid.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where tests put what they measured for a reader (accuracy tables, throughput, crash counts):
 * {@code target/test-reports/<name>.txt} of the module, not the build log, which shows what failed
 * and nothing else. A failing test says what its reader needs in its assertion message (the seed
 * included); these files hold the figures of a passing run.
 */
final class TestReports {
  private static final Path DIRECTORY = Path.of("target", "test-reports");
  // The reports this JVM has begun: the first line of a run replaces the file of an earlier build.
  private static final Set<String> BEGUN = ConcurrentHashMap.newKeySet();

  private TestReports() {}

  /** Adds {@code text} (a line break follows it) to the report {@code name}. */
  static synchronized void add(String name, String text) {
    Path file = DIRECTORY.resolve(name + ".txt");
    try {
      Files.createDirectories(DIRECTORY);
      if (BEGUN.add(name)) {
        Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8);
      } else {
        Files.writeString(file, text + System.lineSeparator(), StandardCharsets.UTF_8,
            StandardOpenOption.APPEND);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the test report " + file, e);
    }
  }
}
