package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's quick start, compiled and checked so that it stays true. */
class ReadmeExampleTest {
  @Test
  void quickStart() {
    IdentityResolver resolver = IdentityResolver.newBuilder().build();

    resolver.resolve(Touchpoint.newBuilder("pos-0193").channel(Channel.STORE)
        .timestamp(Instant.parse("2026-11-20T10:15:00Z")).eventKind(EventKind.TRY_ON)
        .identifier(IdentifierType.PHONE, "+34 612 345 678").build());
    Resolution r = resolver.resolve(Touchpoint.newBuilder("wa-5531").channel(Channel.WHATSAPP)
        .timestamp(Instant.parse("2026-11-21T12:15:00Z")).eventKind(EventKind.INQUIRY)
        .identifier(IdentifierType.PHONE, "+34612345678").build());

    assertEquals(Resolution.Outcome.ATTACHED, r.outcome());
    Profile ana = resolver.profile(r.profileId()).orElseThrow();
    assertEquals(List.of("pos-0193", "wa-5531"), ana.touchpointIds());
    assertEquals("pos-0193 and wa-5531 share phone:+34*******78", ana.evidence().get(0).explain());
  }
}
