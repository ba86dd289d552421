package dev.omniid.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the tool in this JVM: its exit code and what it printed to its output and error
 * streams. The in-process tests share it; the {@code *IT} tests run the built jar as a process.
 */
record CliRun(int exit, String out, String err) {

  static CliRun run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = OmniIdCli.commandLine().setOut(new PrintWriter(out, true))
        .setErr(new PrintWriter(err, true)).execute(args);
    return new CliRun(exit, out.toString(), err.toString());
  }
}
