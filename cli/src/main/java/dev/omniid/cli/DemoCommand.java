package dev.omniid.cli;

import dev.omniid.examples.AbandonedCart;
import dev.omniid.examples.ConversationContinues;
import dev.omniid.examples.MultichannelVsOmnichannel;
import dev.omniid.examples.QuickStart;
import dev.omniid.examples.WholesaleReorder;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code omniid demo}: plays one of the example scenarios, the shoe-store story by default. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Plays an example scenario: by default the shoe-store story, one customer across "
        + "store, web, WhatsApp and Messenger, seen per channel silo and as one resolved profile.",
    footer = {"", "Scenarios:",
        "  shoe-store                   the shoe store across four channels (default)",
        "  conversation                 Messenger question, WhatsApp follow-up",
        "  abandoned-cart               the web cart seen in the store from a phone",
        "  wholesale                    a shop's account: app, portal, sales rep",
        "  multichannel-vs-omnichannel  5,000 generated people: silos, profiles, truth",
        "", "Example:", "  omniid demo --scenario abandoned-cart"})
final class DemoCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "NAME", defaultValue = "shoe-store",
      converter = ScenarioConverter.class, completionCandidates = ScenarioNames.class,
      description = "Which scenario to play (default ${DEFAULT-VALUE}).")
  Scenario scenario;

  @Option(names = "--html", paramLabel = "FILE.html",
      description = "Also write the explorer page of Ana's profile (shoe-store only): open it in a browser.")
  Path html;

  @Override
  public void run() {
    if (html != null && scenario != Scenario.SHOE_STORE) {
      throw new CliException("--html writes the shoe-store page only");
    }
    PrintStream out = Output.stream(spec.commandLine().getOut());
    scenario.play.accept(out);
    if (html != null) {
      out.printf("%nWrote %s: Ana's profile, %d pairs explained; open it in a browser.%n", html,
          QuickStart.explore(html).explainedPairs());
    }
    out.flush();
  }

  /** The example programs, in the order of the README. */
  enum Scenario {
    SHOE_STORE(QuickStart::run),
    CONVERSATION(ConversationContinues::run),
    ABANDONED_CART(AbandonedCart::run),
    WHOLESALE(WholesaleReorder::run),
    MULTICHANNEL_VS_OMNICHANNEL(MultichannelVsOmnichannel::run);

    final Consumer<PrintStream> play;

    Scenario(Consumer<PrintStream> play) {
      this.play = play;
    }

    /** The name on the command line: {@code abandoned-cart}. */
    String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Scenario of(String label) {
      for (Scenario s : values()) {
        if (s.label().equalsIgnoreCase(label.strip())) {
          return s;
        }
      }
      throw new TypeConversionException("unknown scenario '" + label + "'; one of "
          + String.join(", ", new ScenarioNames()));
    }
  }

  static final class ScenarioConverter implements ITypeConverter<Scenario> {
    @Override
    public Scenario convert(String value) {
      return Scenario.of(value);
    }
  }

  static final class ScenarioNames implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return Arrays.stream(Scenario.values()).map(Scenario::label).iterator();
    }
  }
}
