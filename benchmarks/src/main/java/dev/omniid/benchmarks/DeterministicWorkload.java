package dev.omniid.benchmarks;

import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Touchpoints that link on exact identifiers: a warm graph of people with an email, a phone and
 * a device each, and a stream of new touchpoints that each carry one or two of an existing
 * person's identifiers (as a returning customer's visit would). Deterministic for a seed.
 */
final class DeterministicWorkload {
  private static final Channel[] CHANNELS = {Channel.STORE, Channel.WEB, Channel.MOBILE_APP,
      Channel.WHATSAPP, Channel.MESSENGER, Channel.CALL_CENTER, Channel.EMAIL, Channel.SMS};
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  final List<Touchpoint> warm;
  final List<Touchpoint> fresh;
  final int people;

  DeterministicWorkload(int warmTouchpoints, int freshTouchpoints, long seed) {
    this.people = Math.max(1, warmTouchpoints / 4);
    SplittableRandom random = new SplittableRandom(seed);
    this.warm = new ArrayList<>(warmTouchpoints);
    for (int i = 0; i < warmTouchpoints; i++) {
      warm.add(touchpoint("w" + i, i < people ? i : random.nextInt(people), random, i < people));
    }
    this.fresh = new ArrayList<>(freshTouchpoints);
    for (int i = 0; i < freshTouchpoints; i++) {
      fresh.add(touchpoint("f" + i, random.nextInt(people), random, false));
    }
  }

  private static Touchpoint touchpoint(String id, int person, SplittableRandom random, boolean all) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id)
        .channel(CHANNELS[random.nextInt(CHANNELS.length)])
        .timestamp(T0.plusSeconds(random.nextInt(365 * 86_400)))
        .eventKind(EventKind.VISIT);
    int pick = all ? 7 : 1 + random.nextInt(7);
    if ((pick & 1) != 0) {
      b.identifier(IdentifierType.EMAIL, email(person));
    }
    if ((pick & 2) != 0) {
      b.identifier(IdentifierType.PHONE, phone(person));
    }
    if ((pick & 4) != 0) {
      b.identifier(IdentifierType.DEVICE_ID, device(person));
    }
    return b.build();
  }

  static String email(int person) {
    return "customer" + person + "@mail.example";
  }

  static String phone(int person) {
    return "+3460" + (1_000_000 + person);
  }

  static String device(int person) {
    return "dev-" + Integer.toHexString(person * 2_654_435_761L > 0 ? person : person) + "-x";
  }
}
