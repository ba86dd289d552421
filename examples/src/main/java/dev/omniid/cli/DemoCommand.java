package dev.omniid.cli;

import dev.omniid.examples.QuickStart;
import picocli.CommandLine.Command;

/** {@code omniid demo}: the shoe-store story, multichannel versus omnichannel. */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "The shoe-store story: one customer across store, web, WhatsApp and Messenger, "
        + "seen per channel silo and as one resolved profile.")
final class DemoCommand implements Runnable {
  @Override
  public void run() {
    QuickStart.main(new String[0]);
  }
}
