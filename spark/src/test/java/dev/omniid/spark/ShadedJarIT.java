package dev.omniid.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jar to ship with {@code spark-submit}, as packaged: OmniID and its own libraries inside,
 * and nothing the cluster provides. A second Jackson in it could shadow Spark's (2.21), which
 * jackson-module-scala checks when a session starts; Spark's or Scala's classes in it could
 * shadow the cluster's. Runs in the integration-test phase (failsafe), after the shade, so a
 * change to the shade configuration that lets them in fails {@code mvn verify}.
 */
class ShadedJarIT {
  private static final Path JAR = Path.of(System.getProperty("omniid.spark.jar",
      "target/omniid-spark.jar"));
  /** What the cluster provides: no entry of the jar may start with one of these. */
  private static final List<String> PROVIDED = List.of(
      "com/fasterxml/jackson/", "META-INF/maven/com.fasterxml.jackson",
      "META-INF/services/com.fasterxml.jackson", "org/apache/spark/", "scala/",
      "org/apache/hadoop/", "io/netty/", "org/slf4j/", "org/apache/logging/log4j/");

  private static List<String> entries;
  private static String mainClass;

  @BeforeAll
  static void read() throws IOException {
    assertTrue(Files.isRegularFile(JAR), "the shaded jar is built: " + JAR.toAbsolutePath());
    entries = new ArrayList<>();
    try (JarFile jar = new JarFile(JAR.toFile())) {
      jar.stream().map(ZipEntry::getName).forEach(entries::add);
      mainClass = jar.getManifest().getMainAttributes().getValue("Main-Class");
    }
  }

  @Test
  void carriesNoJacksonSparkOrScala() {
    List<String> found = new ArrayList<>();
    for (String e : entries) {
      for (String prefix : PROVIDED) {
        if (e.startsWith(prefix)) {
          found.add(e);
        }
      }
    }
    assertTrue(found.isEmpty(), found.size() + " entries the cluster provides are in " + JAR
        + " (the shade's artifactSet must exclude them), e.g. "
        + found.subList(0, Math.min(10, found.size())));
  }

  @Test
  void carriesOmniIdAndItsLibraries() {
    for (String c : List.of("dev/omniid/spark/Main.class", "dev/omniid/spark/OmniIdSpark.class",
        "dev/omniid/core/BatchSteps.class", "dev/omniid/matching/OmniId.class",
        "dev/omniid/connect/Mapping.class",
        "com/google/i18n/phonenumbers/PhoneNumberUtil.class",
        "com/github/benmanes/caffeine/cache/Caffeine.class")) {
      assertTrue(entries.contains(c), c + " is in " + JAR);
    }
    assertEquals("dev.omniid.spark.Main", mainClass);
  }
}
