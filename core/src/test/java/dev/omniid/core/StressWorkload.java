package dev.omniid.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A large seeded workload for the concurrency stress test: people with their own emails, phones,
 * customer ids, devices and cookies, households sharing a phone, store kiosks sharing a device
 * id among ~40 people (over its limit, so generic), a typo'd customer id now and then (an
 * exclusive conflict), junk and invalid values, names for the match model, and a few touchpoints
 * the resolver must refuse (two customer ids).
 *
 * <p>Each person belongs to one <em>lane</em> ({@code person % lanes}); one thread works on one
 * lane's touchpoints, but a lane's people share values with other lanes' people, so the threads
 * meet in the same components. <em>Isolated</em> people share nothing with anybody: their
 * profiles can only be changed by their own lane, which makes an exact split possible.
 */
final class StressWorkload {
  /** Touchpoint ids are {@code s<person>.<n>}; a refused one is {@code s<person>.bad}. */
  static final String PREFIX = "s";

  private static final List<String> GIVEN = List.of("ana", "luis", "maria", "juan", "carmen",
      "pedro", "lucia", "pablo", "elena", "jorge", "sofia", "diego", "laura", "marta", "raul");
  private static final List<Channel> CHANNELS = List.of(Channel.STORE, Channel.WEB,
      Channel.WHATSAPP, Channel.MESSENGER, Channel.MOBILE_APP, Channel.CALL_CENTER);

  /** The touchpoints of one lane. */
  static final class LaneData {
    final List<Touchpoint> touchpoints = new ArrayList<>();
    /** Touchpoints the resolver refuses whole (two customer ids). */
    final List<Touchpoint> refused = new ArrayList<>();
    /** For each isolated person of the lane, the ids of its touchpoints. */
    final List<List<String>> isolated = new ArrayList<>();
  }

  final List<LaneData> lanes = new ArrayList<>();
  final List<String> allIds = new ArrayList<>();
  final List<String> householdPhones = new ArrayList<>();
  int size;

  private StressWorkload() {}

  /** About {@code touchpoints} touchpoints, spread over {@code laneCount} lanes. */
  static StressWorkload generate(long seed, int touchpoints, int laneCount) {
    Random random = new Random(seed);
    StressWorkload w = new StressWorkload();
    for (int i = 0; i < laneCount; i++) {
      w.lanes.add(new LaneData());
    }
    int people = Math.max(laneCount, touchpoints / 4);
    int kiosks = Math.max(1, people / 40);
    for (int p = 0; w.size < touchpoints; p++) {
      LaneData lane = w.lanes.get(p % laneCount);
      int count = 1 + random.nextInt(Math.min(7, touchpoints - w.size + 1));
      if (random.nextInt(10) == 0) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < count; k++) {
          Touchpoint.Builder b = start(random, p, k)
              .identifier(IdentifierType.EMAIL, "iso" + p + "@iso.example");
          if (random.nextBoolean()) {
            b.identifier(IdentifierType.DEVICE_ID, "isodev-" + p);
          }
          lane.touchpoints.add(b.build());
          ids.add(id(p, k));
        }
        lane.isolated.add(ids);
      } else {
        Person person = new Person(random, p, people, kiosks);
        if (person.phone != null && p % 3 == 0) {
          w.householdPhones.add(person.phone);
        }
        for (int k = 0; k < count; k++) {
          lane.touchpoints.add(person.touchpoint(random, k));
        }
        if (random.nextInt(150) == 0) {
          lane.refused.add(Touchpoint.newBuilder(PREFIX + p + ".bad").channel(Channel.WEB)
              .timestamp(Instant.ofEpochSecond(1_700_000_000L))
              .identifier(IdentifierType.CUSTOMER_ID, "C" + p)
              .identifier(IdentifierType.CUSTOMER_ID, "CX" + p).build());
        }
      }
      for (int k = 0; k < count; k++) {
        w.allIds.add(id(p, k));
      }
      w.size += count;
    }
    return w;
  }

  /** The lane of a touchpoint id of this workload. */
  static int laneOf(String touchpointId, int laneCount) {
    int dot = touchpointId.indexOf('.');
    return Integer.parseInt(touchpointId, PREFIX.length(), dot, 10) % laneCount;
  }

  static String id(int person, int k) {
    return PREFIX + person + "." + k;
  }

  private static Touchpoint.Builder start(Random random, int person, int k) {
    Touchpoint.Builder b = Touchpoint.newBuilder(id(person, k))
        .channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
        .eventKind(EventKind.VISIT);
    // One in sixteen without a time (the same draws as before, so the workload keeps its shape).
    int offset = random.nextInt(50_000_000);
    if (offset % 16 != 0) {
      b.timestamp(Instant.ofEpochSecond(1_700_000_000L + offset));
    }
    return b;
  }

  /** One person's values; each touchpoint carries a random part of them. */
  private static final class Person {
    final int index;
    final String email;
    final String altEmail;
    final String phone;
    final String customerId;
    final String device;
    final String cookie;
    final String given;
    final String family;
    final String birthDate;

    Person(Random random, int p, int people, int kiosks) {
      index = p;
      email = "u" + p + "@mail.example";
      altEmail = random.nextInt(5) == 0 ? "alt" + p + "@other.example" : null;
      // Households of three people share a landline.
      phone = random.nextInt(10) < 7 ? "+34 600 " + (100_000 + p / 3) : null;
      int c = random.nextInt(100);
      // Now and then a clerk types a neighbour's customer id: an exclusive conflict.
      customerId = c < 50 ? "C" + p : c < 52 ? "C" + ((p + 1) % people) : null;
      int d = random.nextInt(100);
      device = d < 40 ? "dev-" + p : d < 55 ? "kiosk-" + (p % kiosks) : null;
      cookie = random.nextBoolean() ? "ck-" + p : null;
      given = GIVEN.get(random.nextInt(GIVEN.size()));
      // Two people share a family name: blocks of about eight touchpoints.
      family = "fam" + (p / 2);
      birthDate = (1950 + p % 50) + "-0" + (1 + p % 9) + "-1" + (p % 10);
    }

    Touchpoint touchpoint(Random random, int k) {
      Touchpoint.Builder b = start(random, index, k);
      int given = 0;
      if (random.nextInt(3) > 0) {
        b.identifier(IdentifierType.EMAIL,
            random.nextInt(4) == 0 ? email.toUpperCase(java.util.Locale.ROOT) : email);
        given++;
      }
      if (altEmail != null && random.nextInt(3) == 0) {
        b.identifier(IdentifierType.EMAIL, altEmail);
        given++;
      }
      if (phone != null && random.nextBoolean()) {
        b.identifier(IdentifierType.PHONE, phone);
        given++;
      }
      if (customerId != null && random.nextBoolean()) {
        b.identifier(IdentifierType.CUSTOMER_ID, customerId);
        given++;
      }
      if (device != null && random.nextBoolean()) {
        b.identifier(IdentifierType.DEVICE_ID, device);
        given++;
      }
      if (cookie != null && random.nextInt(3) == 0) {
        b.identifier(IdentifierType.COOKIE_ID, cookie);
        given++;
      }
      if (random.nextInt(50) == 0) {
        b.identifier(IdentifierType.EMAIL, "test@test.com");
      }
      if (random.nextInt(80) == 0) {
        // Fewer than five digits: the normalizer refuses it, reported as a problem.
        b.identifier(IdentifierType.PHONE, "12-3");
      }
      if (given == 0 || random.nextBoolean()) {
        b.attribute(AttributeKey.GIVEN_NAME, this.given);
        b.attribute(AttributeKey.FAMILY_NAME, family);
        if (random.nextBoolean()) {
          b.attribute(AttributeKey.BIRTH_DATE, birthDate);
        }
      }
      return b.build();
    }
  }
}
