package dev.omniid.examples;

import dev.omniid.core.Channel;
import dev.omniid.core.EventKind;
import dev.omniid.core.IdentifierType;
import dev.omniid.core.IdentityResolver;
import dev.omniid.core.Profile;
import dev.omniid.core.Touchpoint;
import dev.omniid.matching.OmniId;
import java.io.PrintStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Example 2, the conversation that continues: Lucía asks on Messenger whether a shoe is back in
 * her size and shares her phone number there; two days later she writes on WhatsApp only "any
 * news about my size?". The WhatsApp inbox alone has never heard of her and cannot answer. OmniID
 * links the WhatsApp number ({@code +34655123456}) to the phone she shared on Messenger, typed in
 * the national form ({@code 655 12 34 56}): the {@link OmniId} defaults normalize both to the same
 * E.164 number, so the agent sees the whole conversation, in time order, with its channels.
 *
 * <p>Messenger identifies people by a page-scoped id, an identifier type core does not know:
 * {@code IdentifierType.of("messenger_psid")} declares it, and it links with the default policy.
 *
 * <p>Run: {@code java -cp cli/target/omniid.jar dev.omniid.examples.ConversationContinues}
 * or {@code java -jar cli/target/omniid.jar demo --scenario conversation}.
 */
public final class ConversationContinues {
  /** Messenger's page-scoped user id. */
  static final IdentifierType MESSENGER_PSID = IdentifierType.of("messenger_psid");

  private ConversationContinues() {}

  /** One message of the conversation: the customer's words and, if any, the agent's reply. */
  record Message(String touchpointId, Optional<Instant> at, Channel channel, String text,
      String reply) {}

  /**
   * What the agent answering the WhatsApp message sees.
   *
   * @param profile the resolved customer
   * @param history every message of that customer, on every channel, in time order
   * @param whatsappOnly what the WhatsApp inbox alone knows of this number
   */
  record AgentView(Profile profile, List<Message> history, List<Message> whatsappOnly) {}

  /** The touchpoints, in the order they arrive: Lucía's and two other customers'. */
  static List<Touchpoint> story() {
    Instant tuesday = Instant.parse("2026-11-17T18:02:00Z");
    return List.of(
        Touchpoint.newBuilder("fbm-2001").channel(Channel.MESSENGER).timestamp(tuesday)
            .eventKind(EventKind.INQUIRY)
            .identifier(MESSENGER_PSID, "6391827364501122")
            .payload("text", "Hi! Is the Trail Runner back in size 39? The web shop says sold out.")
            .payload("reply", "Not yet, we expect it on Thursday. Shall we tell you when it arrives?")
            .build(),
        Touchpoint.newBuilder("fbm-2002").channel(Channel.MESSENGER).timestamp(tuesday.plusSeconds(7 * 60))
            .eventKind(EventKind.MESSAGE)
            .identifier(MESSENGER_PSID, "6391827364501122")
            .identifier(IdentifierType.PHONE, "655 12 34 56")  // shared with Messenger's phone quick reply
            .payload("text", "Yes please, here is my number.")
            .payload("reply", "Noted! We will message you.")
            .build(),
        Touchpoint.newBuilder("fbm-2003").channel(Channel.MESSENGER).timestamp(tuesday.plusSeconds(40 * 60))
            .eventKind(EventKind.INQUIRY)
            .identifier(MESSENGER_PSID, "7702145590013387")
            .payload("text", "Do you ship to the Canary Islands?")
            .build(),
        Touchpoint.newBuilder("wa-3090").channel(Channel.WHATSAPP).timestamp(tuesday.plusSeconds(20 * 3600))
            .eventKind(EventKind.MESSAGE)
            .identifier(IdentifierType.PHONE, "+34699000111")
            .payload("text", "Where is my parcel?")
            .build(),
        Touchpoint.newBuilder("wa-3101").channel(Channel.WHATSAPP).timestamp(tuesday.plusSeconds(39 * 3600 + 28 * 60))
            .eventKind(EventKind.MESSAGE)
            .identifier(IdentifierType.PHONE, "+34655123456")  // WhatsApp knows people by phone
            .payload("text", "Hello, any news about my size?")
            .build());
  }

  /** Resolves the story and returns what the agent sees when {@code wa-3101} arrives. */
  static AgentView agentView() {
    IdentityResolver resolver = OmniId.resolverBuilder().defaultRegion("ES").build();
    story().forEach(resolver::resolve);
    Profile customer = resolver.profileOfTouchpoint("wa-3101").orElseThrow();
    List<Message> history = customer.journey().stream().filter(ConversationContinues::isMessage)
        .map(ConversationContinues::message).toList();
    // The WhatsApp inbox keys conversations by phone number, its own channel only.
    List<Message> whatsappOnly = story().stream()
        .filter(t -> t.channel().equals(Channel.WHATSAPP) && isMessage(t))
        .filter(t -> t.identifiers().stream().anyMatch(i -> i.raw().equals("+34655123456")))
        .map(ConversationContinues::message).toList();
    return new AgentView(customer, history, whatsappOnly);
  }

  private static boolean isMessage(Touchpoint t) {
    return t.eventKind().equals(EventKind.INQUIRY) || t.eventKind().equals(EventKind.MESSAGE);
  }

  private static Message message(Touchpoint t) {
    return new Message(t.id(), t.timestamp(), t.channel(), t.payload().getOrDefault("text", ""),
        t.payload().getOrDefault("reply", ""));
  }

  public static void main(String[] args) {
    run(System.out);
  }

  /** Plays the scenario, printing to {@code out} (the CLI's {@code demo} passes its own stream). */
  public static void run(PrintStream out) {
    AgentView view = agentView();
    out.println("Thursday morning, a WhatsApp message arrives: \"Hello, any news about my size?\"");
    out.println();
    out.println("== Multichannel: the WhatsApp inbox alone ==");
    out.printf(Locale.ROOT, "  %d message(s) from this number; no idea which shoe or which size.%n",
        view.whatsappOnly().size());
    print(out, view.whatsappOnly());
    out.println();
    out.println("== Omnichannel: the agent sees profile " + view.profile().id() + " ==");
    out.printf(Locale.ROOT, "  %d messages on %s, in time order:%n", view.history().size(),
        view.profile().channels());
    print(out, view.history());
    out.println("  Why it is the same customer:");
    view.profile().evidence().forEach(e -> out.println("    " + e.explain()));
    out.println();
    out.println("  -> The agent answers: \"Yes! The Trail Runner in 39 arrived this morning.\"");
  }

  private static void print(PrintStream out, List<Message> messages) {
    for (Message m : messages) {
      out.printf(Locale.ROOT, "    %s  %-10s customer: %s%n",
          m.at().map(Instant::toString).orElse("(no time)"), m.channel(), m.text());
      if (!m.reply().isEmpty()) {
        out.printf(Locale.ROOT, "    %20s  %-10s agent:    %s%n", "", "", m.reply());
      }
    }
  }
}
