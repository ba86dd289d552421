package dev.omniid.cli;

import dev.omniid.examples.QuickStart;
import java.io.PrintStream;
import java.io.PrintWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The top-level {@code omniid} command: without a subcommand, the demo and a hint. */
@Command(name = "omniid", mixinStandardHelpOptions = true, versionProvider = RootCommand.Version.class,
    description = {"Omnichannel customer identity resolution: turns the records of every channel "
        + "into customer profiles.", "",
        "Run without a command for the shoe-store demo."},
    subcommands = {ResolveCommand.class, EvaluateCommand.class, GenerateCommand.class,
        StatsCommand.class, ProfileCommand.class, ProfilesCommand.class, AudienceCommand.class,
        IngestCommand.class, ExportCommand.class, ForgetCommand.class, DemoCommand.class,
        ExploreCommand.class},
    footer = {"", "Exit codes: 0 done; 1 not found or internal error; 2 usage, mapping or file problem.",
        "Example:",
        "  omniid resolve --input customers.csv --mapping mapping.json --out clusters.csv",
        "  omniid ingest --journal customers.journal --input customers.csv --mapping mapping.json"})
final class RootCommand implements Runnable {
  @Spec
  CommandSpec spec;

  static final String HINT = "Run 'java -jar omniid.jar --help' for the command-line tool "
      + "(resolve, evaluate, generate, stats, profile, profiles, audience, explore, ingest, export, forget).";

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    PrintStream demo = Output.stream(out);
    QuickStart.run(demo);
    demo.flush();
    out.println();
    out.println(HINT);
  }

  /** The version, from the jar's manifest when packaged. */
  static final class Version implements picocli.CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = RootCommand.class.getPackage().getImplementationVersion();
      return new String[] {"omniid " + (v == null ? "(development build)" : v)};
    }
  }
}
