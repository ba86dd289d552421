package dev.omniid.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code omniid profile}: one profile, looked up by an identifier. */
@Command(name = "profile", mixinStandardHelpOptions = true, description = "Not yet.")
final class ProfileCommand implements Callable<Integer> {
  @Mixin
  InputOptions input;

  @Override
  public Integer call() {
    return 0;
  }
}
