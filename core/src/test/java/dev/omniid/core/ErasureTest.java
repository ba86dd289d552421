package dev.omniid.core;

import static dev.omniid.core.JournalFixtures.contains;
import static dev.omniid.core.JournalFixtures.files;
import static dev.omniid.core.JournalFixtures.ids;
import static dev.omniid.core.JournalFixtures.journal;
import static dev.omniid.core.JournalFixtures.only;
import static dev.omniid.core.JournalFixtures.read;
import static dev.omniid.core.RandomTouchpoints.describe;
import static dev.omniid.core.RandomTouchpoints.partition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The right to be forgotten: from memory, from the journal's files, and the partition after. */
class ErasureTest {
  @TempDir
  Path temp;

  private static final IdentifierType EMAIL_SHA256 = IdentifierType.of("email_sha256");
  private static final String RAW = "  Ana.Erase@Example.COM ";
  private static final String NORMALIZED = "ana.erase@example.com";
  private static final String PHONE = "+34 699 000 111";

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
          .digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }

  private static ResolverBuilder builder() {
    return JournalFixtures.builder().derivedIdentifier(IdentifierType.EMAIL, EMAIL_SHA256,
        ErasureTest::sha256);
  }

  private static Touchpoint tp(String id, IdentifierType type, String value, String... more) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2024-01-01T00:00:00Z").plusSeconds(id.hashCode() & 0xFFFF))
        .identifier(type, value);
    for (int i = 0; i < more.length; i += 2) {
      b.identifier(IdentifierType.of(more[i]), more[i + 1]);
    }
    return b.payload("note", "order for " + id).build();
  }

  /** Ana's touchpoints: her email in two spellings, a hash of it, her phone; and two others. */
  private static List<Touchpoint> scene() {
    return List.of(
        tp("ana-web", IdentifierType.EMAIL, RAW, "phone", PHONE),
        tp("ana-store", IdentifierType.EMAIL, "ANA.ERASE@example.com"),
        tp("ana-ads", EMAIL_SHA256, sha256(NORMALIZED)),
        tp("ana-call", IdentifierType.PHONE, PHONE),
        tp("bob-web", IdentifierType.EMAIL, "bob@example.com", "phone", "+34 600 222 333"),
        tp("bob-app", IdentifierType.PHONE, "+34 600 222 333"));
  }

  private static List<byte[]> secrets() {
    List<byte[]> out = new ArrayList<>();
    for (String s : List.of(RAW.strip(), NORMALIZED, "ANA.ERASE@example.com", sha256(NORMALIZED),
        "ana-web", "order for ana-web")) {
      out.add(s.getBytes(StandardCharsets.UTF_8));
    }
    return out;
  }

  private static void assertNoFileHolds(Path dir, List<byte[]> secrets, Set<String> alsoAbsent) {
    for (Path f : files(dir)) {
      byte[] bytes = read(f);
      for (byte[] secret : secrets) {
        assertFalse(contains(bytes, secret), f.getFileName() + " still holds "
            + new String(secret, StandardCharsets.UTF_8).length() + " erased characters");
      }
      for (String id : alsoAbsent) {
        assertFalse(contains(bytes, id.getBytes(StandardCharsets.UTF_8)), f.getFileName() + " " + id);
      }
    }
  }

  @Test
  void forgetByEmailRemovesEverySpellingAndHashFromMemory() {
    IdentityResolver r = builder().build();
    r.resolveAll(scene());
    assertEquals(List.of("ana-ads", "ana-store", "ana-web"),
        r.forget(IdentifierType.EMAIL, "ANA.Erase@example.com"));
    assertEquals(Set.of("ana-call", "bob-web", "bob-app"), ids(r));
    assertEquals(List.of(), r.findProfiles(IdentifierType.EMAIL, RAW));
    assertEquals(List.of(), r.findProfiles(EMAIL_SHA256, sha256(NORMALIZED)));
    assertEquals(describe(batchOf(List.of("ana-call", "bob-web", "bob-app"))), describe(partition(r)));
    assertEquals(List.of(), r.forget(IdentifierType.EMAIL, RAW), "nothing left to forget");
    assertEquals(List.of(), r.forget(IdentifierType.EMAIL, "not an email"));
  }

  @Test
  void forgetByProfileRemovesTheWholeProfile() {
    IdentityResolver r = builder().build();
    r.resolveAll(scene());
    ProfileId ana = r.profileIdOf("ana-call").orElseThrow();
    assertEquals(List.of("ana-ads", "ana-call", "ana-store", "ana-web"), r.forget(ana));
    assertEquals(Set.of("bob-web", "bob-app"), ids(r));
    assertEquals(List.of(), r.forget(ana));
  }

  @Test
  void onlyTheBuilderMakesResolversSoForgetAlwaysKnowsTheNormalization() {
    assertTrue(IdentityResolver.class.isSealed(), "users cannot implement IdentityResolver");
    assertEquals(Set.of(InMemoryResolver.class, JournaledResolver.class),
        Set.of(IdentityResolver.class.getPermittedSubclasses()));
  }

  @Test
  @SuppressWarnings("try") // close() inside the try on purpose: the test is about close()
  void closingAResolverClosesItsJournalAndAnInMemoryOneStaysUsable() {
    IdentityResolver plain = builder().build();
    plain.close();
    plain.resolve(scene().get(0));
    assertEquals(1, plain.touchpointCount());
    Path dir = temp.resolve("closing");
    try (IdentityResolver durable = builder().journal(dir).build()) {
      durable.resolve(scene().get(0));
      durable.close();
      assertThrows(IllegalStateException.class, () -> durable.resolve(scene().get(1)));
      assertEquals(1, durable.touchpointCount(), "reads go on after close");
    }
    try (IdentityResolver again = builder().journal(dir).build()) {
      assertEquals(1, again.touchpointCount(), "the directory is free again after close");
    }
  }

  private static Set<Set<String>> batchOf(List<String> ids) {
    IdentityResolver r = builder().build();
    r.resolveAll(scene().stream().filter(t -> ids.contains(t.id())).toList());
    return partition(r);
  }

  @Test
  void forgetWithAJournalLeavesNoByteOfTheValueOnDiskBeforeOrAfterARestart() throws IOException {
    Path dir = temp.resolve("j");
    IdentityResolver r = builder().journal(dir).build();
    r.resolveAll(scene().subList(0, 3));
    journal(r).compact(); // the value is in a snapshot ...
    r.resolve(scene().get(3));
    r.resolve(scene().get(4));
    r.resolve(tp("ana-old", IdentifierType.EMAIL, "ana.erase@example.com"));
    r.remove("ana-old"); // ... in the journal's history of a removed touchpoint ...
    r.resolve(scene().get(5));
    r.neverLink("ana-web", "bob-web");
    assertTrue(files(dir).stream().anyMatch(f -> contains(read(f),
        NORMALIZED.getBytes(StandardCharsets.UTF_8))), "the value is on disk before");
    assertEquals(List.of("ana-ads", "ana-store", "ana-web"), r.forget(IdentifierType.EMAIL, RAW));
    assertNoFileHolds(dir, secrets(), Set.of("ana-old", "ana-store"));
    Set<Set<String>> after = partition(r);
    assertEquals(describe(batchOf(List.of("ana-call", "bob-web", "bob-app"))), describe(after));
    journal(r).close();
    IdentityResolver again = builder().journal(dir).build();
    assertNoFileHolds(dir, secrets(), Set.of("ana-old"));
    assertEquals(describe(after), describe(partition(again)));
    assertEquals(0, journal(again).recoveryReport().neverLinkRules(), "the rule went with ana-web");
    // Forgetting the phone now removes the profile's last touchpoint.
    assertEquals(List.of("ana-call"), again.forget(IdentifierType.PHONE, PHONE));
    assertNoFileHolds(dir, List.of("699 000 111".getBytes(StandardCharsets.UTF_8)), Set.of());
    journal(again).close();
  }

  @Test
  void anErasureInterruptedBeforeItsCompactionIsFinishedByRecovery() throws IOException {
    Path dir = temp.resolve("j");
    IdentityResolver r = builder().journal(dir).build();
    r.resolveAll(scene());
    journal(r).close();
    // A crash right after the erasure was journaled and forced, before the compaction ran.
    JournalCodec.Out out = new JournalCodec.Out(64);
    int start = out.beginFrame();
    JournalCodec.ids(out, JournalCodec.FORGET, List.of("ana-ads", "ana-store", "ana-web"));
    out.endFrame(start);
    Files.write(only(dir, "journal-"), java.util.Arrays.copyOf(out.bytes, out.size),
        StandardOpenOption.APPEND);
    IdentityResolver again = builder().journal(dir).build();
    assertEquals(Set.of("ana-call", "bob-web", "bob-app"), ids(again));
    assertNoFileHolds(dir, secrets(), Set.of());
    journal(again).close();
  }

  static LongStream seeds() {
    return LongStream.range(0, 60).map(i -> 0xE4A5_0000L + i);
  }

  /** After forgetting a random value, the partition is the batch resolution of what remains. */
  @ParameterizedTest
  @MethodSource("seeds")
  void whatRemainsIsResolvedAsIfTheErasedHadNeverBeen(long seed) {
    Random random = new Random(seed);
    List<Touchpoint> pool = RandomTouchpoints.generate(random, 2 + random.nextInt(40));
    Path dir = temp.resolve("j" + seed);
    boolean journaled = random.nextBoolean();
    ResolverBuilder b = JournalFixtures.builder();
    IdentityResolver r = journaled ? b.journal(dir, Durability.none()).build() : b.build();
    r.resolveAll(pool);
    Map<String, Touchpoint> live = new LinkedHashMap<>();
    pool.forEach(t -> live.put(t.id(), t));
    Set<List<String>> rules = new HashSet<>();
    for (int i = 0; i < 3; i++) {
      String a = pool.get(random.nextInt(pool.size())).id();
      String c = pool.get(random.nextInt(pool.size())).id();
      if (!a.equals(c)) {
        r.neverLink(a, c);
        rules.add(JournalFixtures.pair(a, c));
      }
    }
    List<Identifier> all = pool.stream().flatMap(t -> t.identifiers().stream()).toList();
    for (int round = 0; round < 2 && !all.isEmpty(); round++) {
      Identifier target = all.get(random.nextInt(all.size()));
      List<String> gone = random.nextInt(4) == 0
          ? r.profileIdOf(pick(live, random)).map(r::forget).orElse(List.of())
          : r.forget(target.type(), target.raw());
      gone.forEach(live::remove);
      rules.removeIf(p -> gone.contains(p.get(0)) || gone.contains(p.get(1)));
      assertEquals(describe(JournalFixtures.batch(live.values(), rules)), describe(partition(r)),
          "seed=" + seed + " round=" + round);
      assertEquals(live.keySet(), ids(r), "seed=" + seed);
    }
    if (journaled) {
      Set<Set<String>> before = partition(r);
      journal(r).close();
      IdentityResolver again = JournalFixtures.builder().journal(dir, Durability.none()).build();
      assertEquals(describe(before), describe(partition(again)), "seed=" + seed);
      journal(again).close();
    }
  }

  private static String pick(Map<String, Touchpoint> live, Random random) {
    List<String> ids = new ArrayList<>(live.keySet());
    return ids.get(random.nextInt(ids.size()));
  }
}
