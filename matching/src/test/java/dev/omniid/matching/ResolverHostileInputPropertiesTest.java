package dev.omniid.matching;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.BatchResult;
import dev.omniid.core.Channel;
import dev.omniid.core.Identifier;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Normalizer;
import dev.omniid.core.OmniIdException;
import dev.omniid.core.Problem;
import dev.omniid.core.Profile;
import dev.omniid.core.Resolution;
import dev.omniid.core.Touchpoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Touchpoints built from hostile strings ({@link HostileStrings}) and realistic shared values,
 * resolved one by one or in batches by a resolver with the core's defaults and one with OmniID's:
 * the resolver's state stays consistent (every accepted touchpoint in exactly one profile, the
 * counts agree with {@code profiles()}), every identifier the normalizer refuses is reported as a
 * {@link Problem} naming its field and position, a refused touchpoint leaves the resolver as it
 * was, and no message or problem echoes a value. Seeded: a failure names its seed.
 */
class ResolverHostileInputPropertiesTest {
  private static final List<IdentifierType> TYPES = List.of(IdentifierType.EMAIL,
      IdentifierType.PHONE, IdentifierType.DEVICE_ID, IdentifierType.COOKIE_ID,
      IdentifierType.SOCIAL_HANDLE, IdentifierType.CUSTOMER_ID, IdentifierType.LOYALTY_ID,
      HashedIdentifiers.EMAIL_SHA256);
  private static final String[] SHARED = {"ana@gmail.com", "Ana@GMAIL.com", "+34 612 345 678",
      "612345678", "6f1ed002-ab5d-4a2f-9c3e-1b2c3d4e5f60", "C-1001", "C-1002", "@ana", "test@test.com"};
  private static final Pattern FIELD = Pattern.compile("identifiers\\[(\\d+)] \\((.+)\\)");
  private static final Pattern ATTRIBUTE = Pattern.compile("attributes\\[([a-z0-9_.:-]+)]");

  /** A resolver under test and the normalizer it applies to each identifier. */
  record Setup(String name, IdentityResolver resolver,
      BiFunction<Identifier, Touchpoint, String> normalize) {}

  static LongStream seeds() {
    return LongStream.range(0, 120).map(i -> 0xE5_0000L + i);
  }

  static Setup setup(long seed) {
    if (seed % 2 == 0) {
      return new Setup("core defaults", IdentityResolver.newBuilder().build(),
          (id, tp) -> Normalizer.defaultFor(id.type()).normalize(id.value(), tp));
    }
    PhoneNormalizer phones = PhoneNormalizer.forRegion("ES", 0);
    Map<IdentifierType, Normalizer> normalizers = Map.of(
        IdentifierType.EMAIL, EmailNormalizer.standard(), IdentifierType.PHONE, phones,
        IdentifierType.DEVICE_ID, DeviceIdNormalizer.any(),
        IdentifierType.COOKIE_ID, DeviceIdNormalizer.cookieId(),
        HashedIdentifiers.EMAIL_SHA256, HashedIdentifiers.digestOf(EmailNormalizer.standard()));
    return new Setup("OmniId defaults", OmniId.resolverBuilder().build(),
        (id, tp) -> normalizers.getOrDefault(id.type(), Normalizer.defaultFor(id.type()))
            .normalize(id.value(), tp));
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void stateStaysConsistentAndRefusalsAreReported(long seed) {
    Random random = new Random(seed);
    Setup setup = setup(seed);
    IdentityResolver resolver = setup.resolver();
    String context = setup.name() + ", seed=" + seed;
    Map<String, Touchpoint> accepted = new HashMap<>();
    int count = 10 + random.nextInt(30);
    boolean batch = random.nextInt(3) == 0;
    List<Touchpoint> pending = new ArrayList<>();
    for (int n = 0; n < count; n++) {
      Touchpoint touchpoint = touchpoint(random, n);
      if (touchpoint == null) {
        continue;
      }
      if (batch) {
        if (pending.stream().anyMatch(t -> t.id().equals(touchpoint.id()))) {
          continue; // ids unique within a batch, so that the expected outcome is plain
        }
        pending.add(touchpoint);
        if (pending.size() >= 8 || n == count - 1) {
          resolveBatch(setup, pending, accepted, context);
          pending.clear();
          checkState(resolver, accepted, context);
        }
        continue;
      }
      int profilesBefore = resolver.profileCount();
      int touchpointsBefore = resolver.touchpointCount();
      try {
        Resolution resolution = resolver.resolve(touchpoint);
        Touchpoint previous = accepted.putIfAbsent(touchpoint.id(), touchpoint);
        assertEquals(previous != null, resolution.outcome() == Resolution.Outcome.DUPLICATE, context);
        if (previous == null) {
          checkProblems(setup, touchpoint, resolution.problems(), context);
        }
      } catch (OmniIdException e) {
        assertTrue(e.reason() == OmniIdException.Reason.DUPLICATE_TOUCHPOINT
            || e.reason() == OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES, context + " " + e);
        assertEquals(profilesBefore, resolver.profileCount(), context + ": a refusal changed the profiles");
        assertEquals(touchpointsBefore, resolver.touchpointCount(), context);
        for (Identifier identifier : touchpoint.identifiers()) {
          Leaks.assertNoEcho(identifier.raw(), e, context);
        }
      }
      checkState(resolver, accepted, context);
    }
  }

  private static void resolveBatch(Setup setup, List<Touchpoint> batch,
      Map<String, Touchpoint> accepted, String context) {
    BatchResult result = setup.resolver().resolveAll(batch);
    assertEquals(batch.size(), result.accepted() + result.duplicates() + result.rejected(),
        context + ": every touchpoint of a batch is accepted, a duplicate or rejected");
    List<Problem> refusals = result.problems().stream().filter(p -> isRefusal(p.reason())).toList();
    assertEquals(result.rejected(), refusals.size(), context + ": each rejection has its problem");
    Set<String> conflicting = new HashSet<>();
    for (Problem refusal : refusals) {
      if (refusal.reason() == OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES) {
        conflicting.add(refusal.touchpointId());
      }
    }
    for (Touchpoint touchpoint : batch) {
      // In order: a known id is a duplicate (same content) or refused (different content).
      if (accepted.containsKey(touchpoint.id()) || conflicting.contains(touchpoint.id())) {
        continue;
      }
      accepted.put(touchpoint.id(), touchpoint);
      List<Problem> own = result.problems().stream()
          .filter(p -> p.touchpointId().equals(touchpoint.id()) && !isRefusal(p.reason())).toList();
      checkProblems(setup, touchpoint, own, context);
    }
  }

  private static boolean isRefusal(OmniIdException.Reason reason) {
    return reason == OmniIdException.Reason.DUPLICATE_TOUCHPOINT
        || reason == OmniIdException.Reason.CONFLICTING_EXCLUSIVE_VALUES;
  }

  /**
   * Exactly the identifiers the normalizer refuses are reported, by field and position; refused
   * attributes are reported once each, by key, without their value.
   */
  private static void checkProblems(Setup setup, Touchpoint touchpoint, List<Problem> problems,
      String context) {
    Set<Integer> reported = new HashSet<>();
    Set<String> attributes = new HashSet<>();
    for (Problem problem : problems) {
      assertEquals(touchpoint.id(), problem.touchpointId(), context);
      Matcher m = FIELD.matcher(problem.field());
      Matcher attribute = ATTRIBUTE.matcher(problem.field());
      if (attribute.matches()) {
        // An attribute a match field's normalizer refuses: on the touchpoint, reported once,
        // without its value.
        String value = touchpoint.attributes().get(AttributeKey.of(attribute.group(1)));
        assertTrue(value != null, context + ": " + problem.field() + " is not on the touchpoint");
        assertTrue(attributes.add(attribute.group(1)), context + ": " + problem.field() + " twice");
        Leaks.echo(value, problem.toString(), problem.field()).ifPresent(w -> {
          throw new AssertionError(context + ": a problem echoes its value: " + Leaks.escape(problem.toString()));
        });
        continue;
      }
      if (!m.matches()) {
        assertTrue(problem.field().startsWith("derived "), context + ": field " + problem.field());
        continue;
      }
      int position = Integer.parseInt(m.group(1));
      assertTrue(position < touchpoint.identifiers().size(), context);
      Identifier identifier = touchpoint.identifiers().get(position);
      assertEquals(identifier.type().toString(), m.group(2), context);
      reported.add(position);
      Leaks.echo(identifier.raw(), problem.toString(), problem.field()).ifPresent(w -> {
        throw new AssertionError(context + ": a problem echoes its value: " + Leaks.escape(problem.toString()));
      });
    }
    for (int i = 0; i < touchpoint.identifiers().size(); i++) {
      boolean refused;
      try {
        setup.normalize().apply(touchpoint.identifiers().get(i), touchpoint);
        refused = false;
      } catch (OmniIdException e) {
        refused = true;
      }
      assertEquals(refused, reported.contains(i),
          context + ": identifiers[" + i + "] refused but not reported, or reported but valid");
    }
  }

  /** Every accepted touchpoint is in exactly one profile; the counts agree with the profiles. */
  private static void checkState(IdentityResolver resolver, Map<String, Touchpoint> accepted,
      String context) {
    List<Profile> profiles = resolver.profiles().toList();
    assertEquals(profiles.size(), resolver.profileCount(), context + ": profileCount");
    assertEquals(accepted.size(), resolver.touchpointCount(), context + ": touchpointCount");
    Set<String> seen = new HashSet<>();
    for (Profile profile : profiles) {
      for (String id : profile.touchpointIds()) {
        assertTrue(seen.add(id), context + ": " + id + " is in two profiles");
        assertEquals(profile.id(), resolver.profileIdOf(id).orElseThrow(), context);
      }
    }
    assertEquals(accepted.keySet(), seen, context + ": the profiles hold exactly the accepted touchpoints");
  }

  /** A touchpoint of hostile and shared values; null when the builder refuses it (checked). */
  private static Touchpoint touchpoint(Random random, int n) {
    String id = random.nextInt(6) == 0 ? "t" + random.nextInt(Math.max(1, n)) : "t" + n;
    Touchpoint.Builder b = Touchpoint.newBuilder(id).channel(Channel.WEB)
        .timestamp(Instant.EPOCH.plusSeconds(random.nextInt(1000)));
    int identifiers = random.nextInt(5);
    for (int i = 0; i < identifiers; i++) {
      IdentifierType type = TYPES.get(random.nextInt(TYPES.size()));
      String raw = random.nextBoolean() ? SHARED[random.nextInt(SHARED.length)]
          : HostileStrings.next(random, Touchpoint.MAX_VALUE_LENGTH);
      try {
        b.identifier(type, raw);
      } catch (OmniIdException e) {
        assertTrue(e.field().startsWith("identifiers"), e.field());
        Leaks.assertNoEcho(raw, e, "builder");
      }
    }
    if (random.nextBoolean()) {
      AttributeKey key = List.of(AttributeKey.FULL_NAME, AttributeKey.BIRTH_DATE,
          AttributeKey.ADDRESS_LINE, AttributeKey.POSTAL_CODE, AttributeKey.COUNTRY)
          .get(random.nextInt(5));
      String value = HostileStrings.next(random, Touchpoint.MAX_VALUE_LENGTH);
      try {
        b.attribute(key, value);
      } catch (OmniIdException e) {
        Leaks.assertNoEcho(value, e, "builder");
      }
    }
    return b.build();
  }
}
