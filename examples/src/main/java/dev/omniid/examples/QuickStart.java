package dev.omniid.examples;

import dev.omniid.core.AttributeKey;
import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.Evidence;
import dev.omniid.core.GoldenRecord;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import dev.omniid.explorer.PageSummary;
import dev.omniid.explorer.ProfileExplorer;
import dev.omniid.matching.OmniId;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Example 1, the shoe store: Ana tries shoes on in the store, buys them on the web shop with another
 * email, asks about the order on WhatsApp from the phone she gave in the store, and follows up on
 * Messenger from the same device. A multichannel business sees one stranger per channel silo;
 * OmniID resolves the same touchpoints into one profile with her journey. Luis, another customer
 * in the same store, stays his own profile. Her golden record closes the demo: the one phone,
 * email and name every channel should now read, each with the touchpoint it came from. Core alone is enough here: the touchpoints share exact
 * identifiers (loyalty id, phone, device id); the other examples use the {@code OmniId} defaults.
 *
 * <p>Run: {@code java -jar cli/target/omniid.jar} (the jar's default), {@code java -jar
 * cli/target/omniid.jar demo}, or {@code java -cp cli/target/omniid.jar
 * dev.omniid.examples.QuickStart}.
 */
public final class QuickStart {
  private QuickStart() {}

  /** The story's touchpoints, in the order they happen. */
  static List<Touchpoint> story() {
    Instant day = Instant.parse("2026-11-20T10:15:00Z");
    return List.of(
        Touchpoint.newBuilder("pos-0193").channel(Channel.STORE).timestamp(day)
            .eventKind(EventKind.TRY_ON)
            .identifier(IdentifierType.PHONE, "+34 612 345 678")
            .identifier(IdentifierType.LOYALTY_ID, "LOY-778812")
            .attribute(AttributeKey.FULL_NAME, "Ana Pérez").payload("sku", "SNEAKER-42-RED").build(),
        Touchpoint.newBuilder("pos-0194").channel(Channel.STORE).timestamp(day.plusSeconds(900))
            .eventKind(EventKind.PURCHASE)
            .identifier(IdentifierType.PHONE, "+34 699 000 111")
            .attribute(AttributeKey.FULL_NAME, "Luis Gómez").payload("sku", "BOOT-44").build(),
        Touchpoint.newBuilder("web-88121").channel(Channel.WEB).timestamp(day.plusSeconds(7 * 3600))
            .eventKind(EventKind.PURCHASE)
            .identifier(IdentifierType.EMAIL, "ana.p.work@outlook.es")
            .identifier(IdentifierType.LOYALTY_ID, "LOY-778812")
            .identifier(IdentifierType.COOKIE_ID, "ck-5f1c9a")
            .payload("order", "W-88121").payload("sku", "SNEAKER-42-RED").build(),
        Touchpoint.newBuilder("wa-5531").channel(Channel.WHATSAPP).timestamp(day.plusSeconds(26 * 3600))
            .eventKind(EventKind.INQUIRY)
            .identifier(IdentifierType.PHONE, "+34612345678")
            .identifier(IdentifierType.DEVICE_ID, "6D92078A-8246-4BA4-AE5B-76104861E7DC")
            .payload("text", "¿Cuándo llega mi pedido W-88121?").build(),
        Touchpoint.newBuilder("fbm-771").channel(Channel.MESSENGER).timestamp(day.plusSeconds(50 * 3600))
            .eventKind(EventKind.MESSAGE)
            .identifier(IdentifierType.DEVICE_ID, "6d92078a-8246-4ba4-ae5b-76104861e7dc")
            .payload("text", "Sigo esperando el pedido").build());
  }

  public static void main(String[] args) {
    run(System.out);
  }

  /** Plays the scenario, printing to {@code out} (the CLI's {@code demo} passes its own stream). */
  public static void run(PrintStream out) {
    List<Touchpoint> touchpoints = story();

    out.println("== Multichannel: each channel keeps its own customers ==");
    Map<Channel, List<String>> silos = touchpoints.stream().collect(Collectors.groupingBy(
        Touchpoint::channel, java.util.LinkedHashMap::new, Collectors.mapping(Touchpoint::id, Collectors.toList())));
    int fragments = 0;
    for (Map.Entry<Channel, List<String>> silo : silos.entrySet()) {
      // A silo can only tell its own records apart: one customer record per touchpoint here.
      fragments += silo.getValue().size();
      out.printf("  %-10s %d customer record(s): %s%n", silo.getKey(), silo.getValue().size(),
          silo.getValue());
    }
    out.printf("  -> %d customer fragments in %d silos%n%n", fragments, silos.size());

    IdentityResolver resolver = IdentityResolver.newBuilder().build();
    touchpoints.forEach(resolver::resolve);

    out.println("== Omnichannel: OmniID resolves the same touchpoints ==");
    out.printf("  -> %d profiles for %d touchpoints%n", resolver.profileCount(),
        resolver.touchpointCount());
    Profile ana = resolver.findProfiles(IdentifierType.PHONE, "+34 612 345 678").get(0);
    out.printf("%nProfile %s: %d touchpoints on %s, %s .. %s%n", ana.id(), ana.size(),
        ana.channels(), when(ana.firstSeen()), when(ana.lastSeen()));
    out.println("  Journey:");
    for (Touchpoint t : ana.journey()) {
      out.printf("    %s  %-10s %-9s %-10s %s%n", when(t.timestamp()), t.channel(), t.eventKind(), t.id(),
          t.identifiers());
    }
    out.println("  Why it holds together:");
    for (Evidence e : ana.evidence()) {
      out.println("    " + e.explain());
    }
    // What every channel should now read as Ana: one value per field, and the touchpoint it came
    // from. Masked like the journey above: a demo output is pasted into READMEs and tickets.
    out.println("  Golden record (each field's surviving value, and where it came from):");
    GoldenRecord golden = ana.golden();
    golden.identifiers().forEach((type, field) -> out.printf("    %-11s %s%n", type, field));
    golden.attributes().forEach((key, field) -> out.printf("    %-11s %s%n", key, field));
    resolver.profiles().filter(p -> !p.id().equals(ana.id())).forEach(p ->
        out.printf("%nProfile %s: %d touchpoint(s) on %s, kept apart from Ana%n", p.id(), p.size(),
            p.channels()));
  }

  /**
   * Writes the explorer's page of Ana's profile (the CLI's {@code demo --html}): the same
   * touchpoints resolved with the {@code OmniId} defaults, so that each pair also shows the match
   * model's waterfall beside the identifiers it shares. Values masked.
   *
   * @param file the HTML file to write
   * @return what the page holds
   */
  public static PageSummary explore(Path file) {
    try (IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build()) {
      resolver.resolveAll(story());
      Profile ana = resolver.findProfiles(IdentifierType.PHONE, "+34 612 345 678").get(0);
      return ProfileExplorer.newBuilder().title("OmniID explorer: the shoe store")
          .profile(ana.id()).build().write(resolver, file);
    }
  }

  /** A time as printed, or that it is unknown: a touchpoint may come without one. */
  private static String when(Optional<Instant> time) {
    return time.map(Instant::toString).orElse("(no time)");
  }
}
