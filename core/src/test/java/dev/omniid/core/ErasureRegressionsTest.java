package dev.omniid.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erasure is one change (issue 12, item 1), and the raw spellings shown come from live
 * touchpoints only (item 2): the reproductions of the issue, each failing on the code before.
 */
class ErasureRegressionsTest {
  @TempDir
  Path temp;

  private static final IdentifierType EMAIL = IdentifierType.EMAIL;
  private static final ProfileId P1 = new ProfileId(1);
  private static final ProfileId P2 = new ProfileId(2);

  private static Touchpoint tp(String id, Object... typeValues) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.parse("2024-01-01T00:00:00Z")).eventKind(EventKind.VISIT);
    for (int i = 0; i < typeValues.length; i += 2) {
      b.identifier((IdentifierType) typeValues[i], (String) typeValues[i + 1]);
    }
    return b.build();
  }

  private static boolean anyMerge(List<ProfileEvent> events) {
    return events.stream().anyMatch(e -> e.kind() == ProfileEvent.Kind.MERGED);
  }

  /** x, y, z share an email; a rule keeps x from y: P-1 = {x, z}, P-2 = {y}. */
  private static void neverLinkScene(IdentityResolver r) {
    r.resolve(tp("x", EMAIL, "e@mail.example"));
    r.resolve(tp("y", EMAIL, "e@mail.example"));
    r.resolve(tp("z", EMAIL, "e@mail.example"));
    r.neverLink("x", "y");
    assertEquals(Optional.of(P1), r.profileIdOf("z"));
    assertEquals(Optional.of(P2), r.profileIdOf("y"));
  }

  @Test
  void forgettingAProfileHandsItsIdToNobodyElse() {
    List<ProfileEvent> heard = new ArrayList<>();
    IdentityResolver r = IdentityResolver.newBuilder().listener(heard::add).build();
    neverLinkScene(r);
    heard.clear();
    assertEquals(List.of("x", "z"), r.forget(P1));
    assertEquals(Optional.of(P2), r.profileIdOf("y"), "y keeps its own id");
    assertTrue(r.profile(P1).isEmpty(), "the erased id resolves no more");
    assertEquals(List.of(), r.profile(P2).orElseThrow().aliases());
    assertFalse(anyMerge(heard), "no merge that never was: " + heard);
    assertEquals(List.of(new ProfileEvent(ProfileEvent.Kind.DELETED, P1, List.of(),
        List.of("x", "z"))), heard);
    GraphInvariants.check(r);
  }

  @Test
  void forgettingAValueHandsNoIdToTheCustomerLeft() {
    List<ProfileEvent> heard = new ArrayList<>();
    IdentityResolver r = IdentityResolver.newBuilder().listener(heard::add).build();
    r.resolve(tp("x", EMAIL, "e@mail.example", IdentifierType.CUSTOMER_ID, "C1"));
    r.resolve(tp("z", EMAIL, "e@mail.example", IdentifierType.PHONE, "+34611000111"));
    r.resolve(tp("y", IdentifierType.PHONE, "+34611000111", IdentifierType.CUSTOMER_ID, "C2"));
    ProfileId ofY = r.profileIdOf("y").orElseThrow();
    assertEquals(Optional.of(P1), r.profileIdOf("x"));
    heard.clear();
    assertEquals(List.of("x", "z"), r.forget(EMAIL, "E@mail.example"));
    assertEquals(Optional.of(ofY), r.profileIdOf("y"));
    assertTrue(r.profile(P1).isEmpty(), "the erased id resolves no more");
    assertFalse(anyMerge(heard), "no merge that never was: " + heard);
    GraphInvariants.check(r);
  }

  @Test
  void aRestartKeepsTheIdsAnErasureLeft() {
    Path dir = temp.resolve("j");
    IdentityResolver r = IdentityResolver.newBuilder().journal(dir, Durability.none()).build();
    neverLinkScene(r);
    r.forget(P1);
    r.close();
    IdentityResolver again = IdentityResolver.newBuilder().journal(dir, Durability.none()).build();
    assertEquals(Optional.of(P2), again.profileIdOf("y"));
    assertTrue(again.profile(P1).isEmpty());
    again.close();
  }

  @Test
  void anErasureReplayedFromTheJournalIsOneChangeToo() throws Exception {
    // The FORGET record replayed without the compaction that followed it (a crash in between).
    Path dir = temp.resolve("j");
    IdentityResolver r = IdentityResolver.newBuilder().journal(dir, Durability.none()).build();
    neverLinkScene(r);
    r.close();
    JournalCodec.Out out = new JournalCodec.Out(64);
    int start = out.beginFrame();
    JournalCodec.ids(out, JournalCodec.FORGET, List.of("x", "z"));
    out.endFrame(start);
    java.nio.file.Files.write(JournalFixtures.only(dir, "journal-"),
        java.util.Arrays.copyOf(out.bytes, out.size), java.nio.file.StandardOpenOption.APPEND);
    IdentityResolver again = IdentityResolver.newBuilder().journal(dir, Durability.none()).build();
    assertEquals(Optional.of(P2), again.profileIdOf("y"));
    assertTrue(again.profile(P1).isEmpty());
    again.close();
  }

  private static final String SECRET = "Ana.Secret@X.com";

  @Test
  void evidenceShowsNoSpellingOfARemovedTouchpoint() {
    IdentityResolver r = IdentityResolver.newBuilder().build();
    r.resolve(tp("a", EMAIL, SECRET));
    r.resolve(tp("b", EMAIL, "ana.secret@x.com"));
    r.resolve(tp("c", EMAIL, "ANA.SECRET@x.com"));
    r.remove("a");
    Profile p = r.profileOfTouchpoint("b").orElseThrow();
    List<String> shown = new ArrayList<>();
    p.evidence().forEach(e -> e.identifiers().forEach(i -> shown.add(i.raw())));
    p.identifiers().forEach(i -> shown.add(i.raw()));
    r.why("b", "c").sharedIdentifiers().forEach(i -> shown.add(i.raw()));
    assertFalse(shown.isEmpty());
    assertFalse(shown.contains(SECRET), "a's spelling lingers: " + shown.size());
    // Between b and c: the spelling of one of them (the smaller id), in memory and on replay.
    assertEquals("ana.secret@x.com", p.evidence().get(0).identifiers().get(0).raw());
  }

  @Test
  void genericValuesShowNoSpellingOfAForgottenTouchpointInMemoryOrAfterARestart() {
    Path dir = temp.resolve("j");
    IdentityResolver r = builder().journal(dir, Durability.none()).build();
    r.resolve(tp("a", EMAIL, "a@x.com", IdentifierType.DEVICE_ID, "KIOSK-Ana-Private"));
    r.resolve(tp("c", EMAIL, "c@x.com", IdentifierType.DEVICE_ID, "Kiosk-Ana-PRIVATE"));
    r.resolve(tp("b", EMAIL, "b@x.com", IdentifierType.DEVICE_ID, "kiosk-ana-private"));
    assertEquals("KIOSK-Ana-Private", r.genericValues().get(0).identifier().raw());
    r.forget(EMAIL, "a@x.com");
    // b has the smallest id among the carriers left, whatever order they came in.
    assertEquals("kiosk-ana-private", r.genericValues().get(0).identifier().raw());
    // Nor does any file of the journal hold the forgotten touchpoint's spelling of the shared value.
    byte[] spelling = "KIOSK-Ana-Private".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    for (Path f : JournalFixtures.files(dir)) {
      assertFalse(JournalFixtures.contains(JournalFixtures.read(f), spelling), f.getFileName()
          + " holds the forgotten spelling");
    }
    r.close();
    IdentityResolver again = builder().journal(dir, Durability.none()).build();
    assertEquals("kiosk-ana-private", again.genericValues().get(0).identifier().raw());
    again.close();
  }

  private static ResolverBuilder builder() {
    return IdentityResolver.newBuilder()
        .normalizer(IdentifierType.DEVICE_ID, Normalizer.lowerCase())
        .junkValues(IdentifierType.DEVICE_ID, "kiosk-ana-private"::equals);
  }
}
