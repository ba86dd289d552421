package dev.omniid.core;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;

/** Helpers of the journal tests: configurations, random touchpoints of every shape, files. */
final class JournalFixtures {
  private JournalFixtures() {}

  /** The property tests' configuration ({@link RandomTouchpoints#resolver()}), unbuilt. */
  static ResolverBuilder builder() {
    return IdentityResolver.newBuilder()
        .matchModel(RandomTouchpoints.model())
        .blockingKey(RandomTouchpoints.BY_FAMILY)
        .blockingKey(RandomTouchpoints.BY_GIVEN)
        .maxBlockSize(6)
        .identifierPolicy(IdentifierType.DEVICE_ID, IdentifierPolicy.shared(2, 50))
        .identifierPolicy(IdentifierType.COOKIE_ID, IdentifierPolicy.shared(1, 40))
        .junkValues(IdentifierType.EMAIL, "test@test.com"::equals);
  }

  static IdentityResolver open(Path directory) {
    return builder().journal(directory).build();
  }

  static Journal journal(IdentityResolver resolver) {
    return resolver.journal().orElseThrow();
  }

  /** The batch resolution of touchpoints and rules by a resolver without a journal. */
  static Set<Set<String>> batch(Iterable<Touchpoint> touchpoints, Set<List<String>> rules) {
    IdentityResolver r = builder().build();
    List<Touchpoint> all = new ArrayList<>();
    touchpoints.forEach(all::add);
    r.resolveAll(all);
    for (List<String> rule : rules) {
      r.neverLink(rule.get(0), rule.get(1));
    }
    return RandomTouchpoints.partition(r);
  }

  static List<String> pair(String a, String b) {
    return a.compareTo(b) < 0 ? List.of(a, b) : List.of(b, a);
  }

  /** A string from a pool that covers ASCII, Latin, CJK, emoji, unpaired surrogates, controls. */
  static String anyString(Random random, int maxLength) {
    int n = random.nextInt(maxLength + 1);
    StringBuilder s = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      switch (random.nextInt(8)) {
        case 0 -> s.append((char) (0x20 + random.nextInt(0x5F)));
        case 1 -> s.append((char) (0xA0 + random.nextInt(0x700)));
        case 2 -> s.append((char) (0x4E00 + random.nextInt(0x5000)));
        case 3 -> s.appendCodePoint(0x1F600 + random.nextInt(0x50));
        case 4 -> s.append((char) (0xD800 + random.nextInt(0x800))); // unpaired surrogate
        case 5 -> s.append((char) random.nextInt(0x20));
        case 6 -> s.append((char) (0xF000 + random.nextInt(0x1000)));
        default -> s.append((char) ('a' + random.nextInt(26)));
      }
    }
    return s.toString();
  }

  private static String token(Random random) {
    return "x" + Integer.toString(random.nextInt(1 << 20), 36) + (random.nextBoolean() ? "_k" : "");
  }

  /** A touchpoint with random values in every field, named and well-known names mixed. */
  static Touchpoint anyTouchpoint(Random random, String id) {
    List<Channel> channels = List.of(Channel.STORE, Channel.CATALOG, Channel.of(token(random)));
    List<EventKind> events = List.of(EventKind.UNSPECIFIED, EventKind.LOGIN,
        EventKind.of(token(random)));
    List<IdentifierType> types = List.of(IdentifierType.EMAIL, IdentifierType.COOKIE_ID,
        IdentifierType.of(token(random)));
    List<AttributeKey> keys = List.of(AttributeKey.GIVEN_NAME, AttributeKey.COUNTRY,
        AttributeKey.of(token(random)));
    long seconds = random.nextInt(4) == 0 ? random.nextLong() % 31_556_889_864_403_199L
        : 1_700_000_000L + random.nextInt(1 << 30) - (1 << 29);
    Instant time = Instant.ofEpochSecond(seconds, random.nextBoolean() ? 0 : random.nextInt(1_000_000_000));
    if (random.nextInt(6) == 0) {
      time = null; // unknown: the untimed record type
    }
    int identifiers = random.nextInt(6);
    List<Identifier> ids = new ArrayList<>();
    for (int i = 0; i < identifiers; i++) {
      IdentifierType type = types.get(random.nextInt(types.size()));
      String raw = (random.nextBoolean() ? " " : "") + "v" + anyString(random, 30)
          + (random.nextBoolean() ? "\t" : "");
      ids.add(random.nextInt(5) == 0 ? new Identifier(type, "n" + anyString(random, 10), raw)
          : Identifier.of(type, raw));
    }
    Map<AttributeKey, String> attributes = new java.util.LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      attributes.put(keys.get(random.nextInt(keys.size())), anyString(random, 40));
    }
    Map<String, String> payload = new java.util.LinkedHashMap<>();
    for (int i = random.nextInt(4); i > 0; i--) {
      payload.put(anyString(random, 8), anyString(random, random.nextInt(10) == 0 ? 3000 : 40));
    }
    return new Touchpoint(id, channels.get(random.nextInt(channels.size())), time,
        events.get(random.nextInt(events.size())), ids, attributes, payload);
  }

  static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> files(Path directory) {
    try (Stream<Path> s = Files.list(directory)) {
      return s.sorted(Comparator.comparing(Path::toString)).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path only(Path directory, String prefix) {
    List<Path> matching = files(directory).stream()
        .filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    if (matching.size() != 1) {
      throw new AssertionError("expected one " + prefix + " file, found " + matching);
    }
    return matching.get(0);
  }

  static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  static Set<String> ids(IdentityResolver r) {
    Set<String> out = new HashSet<>();
    r.profiles().forEach(p -> out.addAll(p.touchpointIds()));
    return out;
  }
}
