package dev.omniid.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.omniid.core.Channel;
import dev.omniid.examples.ConversationContinues.AgentView;
import dev.omniid.examples.ConversationContinues.Message;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConversationContinuesTest {
  @Test
  void theWhatsAppAgentSeesTheMessengerQuestionBeforeTheFollowUp() {
    AgentView view = ConversationContinues.agentView();
    assertEquals(List.of("fbm-2001", "fbm-2002", "wa-3101"),
        view.history().stream().map(Message::touchpointId).toList(), "her messages, in time order");
    assertEquals(List.of(Channel.MESSENGER, Channel.MESSENGER, Channel.WHATSAPP),
        view.history().stream().map(Message::channel).toList());
    List<Instant> times = view.history().stream().map(m -> m.at().orElseThrow()).toList();
    assertEquals(times.stream().sorted(Comparator.naturalOrder()).toList(), times, "time order");
    assertTrue(view.history().get(0).text().contains("size 39"), "the question the follow-up refers to");
    assertEquals(List.of("fbm-2001", "fbm-2002", "wa-3101"), view.profile().touchpointIds(),
        "the other customers' messages stay out");
  }

  @Test
  void theWhatsAppInboxAloneHasOnlyTheFollowUp() {
    AgentView view = ConversationContinues.agentView();
    assertEquals(List.of("wa-3101"), view.whatsappOnly().stream().map(Message::touchpointId).toList());
  }

  @Test
  void thePhoneSharedOnMessengerInNationalFormIsTheLink() {
    AgentView view = ConversationContinues.agentView();
    assertTrue(view.profile().evidence().stream().anyMatch(e -> e.links()
        && e.touchpointId().equals("fbm-2002") && e.otherTouchpointId().equals("wa-3101")
        && e.identifiers().get(0).type().name().equals("phone")), view.profile().evidence().toString());
  }

  @Test
  void printsTheHistoryWithoutRawPhoneNumbers() {
    String out = output();
    assertTrue(out.contains("3 messages on [messenger, whatsapp], in time order"), out);
    assertTrue(out.indexOf("size 39") < out.lastIndexOf("any news about my size"), out);
    assertFalse(out.contains("655 12") || out.contains("655123456"), out);
  }

  private static String output() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConversationContinues.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
