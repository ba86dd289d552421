package dev.omniid.cli;

import dev.omniid.matching.OmniId;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * The {@code omniid} command-line tool: resolves customer files into profiles without writing Java.
 * {@code java -jar omniid.jar --help} lists the commands; run without arguments it plays the
 * shoe-store demo.
 */
public final class OmniIdCli {
  /**
   * The value caches' size for a run ({@link OmniId#setValueCacheSize}): a run reads a file, each
   * value about once (a phone the mapper checked is asked for again a moment later by the
   * resolver), so a service's million results per cache would only hold more of the heap (5 M rows
   * under {@code -Xmx8g}: 315 MB more live after the last collection, with the same output).
   */
  static final long VALUE_CACHE_SIZE = 200_000;

  private OmniIdCli() {}

  /** Runs the tool and exits with its exit code: 0 on success, 2 for usage, mapping and file problems. */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the tool on {@code args} with stdout and stderr; returns the exit code. */
  static int run(String... args) {
    OmniId.setValueCacheSize(VALUE_CACHE_SIZE);
    CommandLine cli = commandLine();
    // One writer per stream for the whole command tree, flushed before the process exits. Standard
    // output carries data (--out -) in UTF-8, as every file the tool writes, whatever the locale.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
    PrintWriter err = cli.getErr();
    cli.setOut(out);
    cli.setErr(err);
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /**
   * The tool, ready to {@link CommandLine#execute execute}: its commands print only through
   * {@link CommandLine#getOut()} and {@link CommandLine#getErr()}, so a caller that sets those
   * (a test) reads everything they print.
   */
  static CommandLine commandLine() {
    CommandLine cli = new CommandLine(new RootCommand());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setParameterExceptionHandler((e, a) -> {
      // One line, like every other error: what is wrong and where the help is.
      CommandLine command = e.getCommandLine();
      PrintWriter err = command.getErr();
      err.println(command.getCommandSpec().qualifiedName() + ": " + e.getMessage() + " (see "
          + command.getCommandSpec().qualifiedName() + " --help)");
      err.flush();
      return CliException.USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parseResult) -> {
      PrintWriter err = command.getErr();
      if (e instanceof CliException) {
        err.println("omniid: " + e.getMessage());
        err.flush();
        return CliException.USAGE;
      }
      // Not expected: still one line, with the type, so that it can be reported.
      err.println("omniid: internal error " + e.getClass().getName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()));
      err.flush();
      return 1;
    });
    return cli;
  }
}
