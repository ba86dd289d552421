package dev.omniid.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code omniid stats}: the shape of the resolved profiles. */
@Command(name = "stats", mixinStandardHelpOptions = true, description = "Not yet.")
final class StatsCommand implements Callable<Integer> {
  @Mixin
  InputOptions input;

  @Override
  public Integer call() {
    return 0;
  }
}
