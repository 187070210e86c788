package dev.megaplan.cloud.cli;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.cli.commands.AttachCommand;
import dev.megaplan.cloud.cli.commands.BootstrapCommand;
import dev.megaplan.cloud.cli.commands.BuildCommand;
import dev.megaplan.cloud.cli.commands.ChainCommand;
import dev.megaplan.cloud.cli.commands.ChainsCommand;
import dev.megaplan.cloud.cli.commands.ConfigCommand;
import dev.megaplan.cloud.cli.commands.DeployCommand;
import dev.megaplan.cloud.cli.commands.DestroyCommand;
import dev.megaplan.cloud.cli.commands.DownCommand;
import dev.megaplan.cloud.cli.commands.ExecCommand;
import dev.megaplan.cloud.cli.commands.InitCommand;
import dev.megaplan.cloud.cli.commands.LogsCommand;
import dev.megaplan.cloud.cli.commands.RedactCommand;
import dev.megaplan.cloud.cli.commands.ResumeCommand;
import dev.megaplan.cloud.cli.commands.StatusCommand;
import dev.megaplan.cloud.cli.commands.SuperviseCommand;
import dev.megaplan.cloud.cli.commands.VersionCommand;
import dev.megaplan.cloud.core.Redactor;
import dev.megaplan.cloud.core.internal.timing.PhaseLog;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code megaplan-cloud} command: a drop-in for the Python tool's {@code cloud} subcommands.
 * Machine JSON goes to stdout, human lines to stderr, so {@code | jq} always works.
 */
@Command(
    name = "megaplan-cloud",
    mixinStandardHelpOptions = true,
    versionProvider = Version.Provider.class,
    sortOptions = false,
    description = {
      "Stage files onto a megaplan runner box, start work there in tmux, read the chain's"
          + " progress back and supervise it safely.",
      "",
      "Every subcommand reads the project root's cloud.yaml (the git root when it holds"
          + " .megaplan/, else the nearest directory up with .megaplan/, else the current"
          + " directory) unless --cloud-yaml PATH says otherwise; `megaplan-cloud init` writes a"
          + " commented starter file there."
    })
public final class MegaplanCloud implements Runnable {
  /** The subcommands, in the order {@code --help} lists them. */
  private static final List<String> SUBCOMMANDS =
      List.of(
          "init",
          "build",
          "deploy",
          "bootstrap",
          "chain",
          "status",
          "chains",
          "logs",
          "attach",
          "exec",
          "resume",
          "supervise",
          "down",
          "destroy",
          "config",
          "redact",
          "version");

  private final CliEnvironment environment;

  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Creates the root command, without subcommands, in the real process environment. */
  public MegaplanCloud() {
    this(CliEnvironment.system());
  }

  /**
   * Creates the root command.
   *
   * @param environment what the command reads from outside its arguments
   */
  public MegaplanCloud(CliEnvironment environment) {
    this.environment = environment;
  }

  /**
   * The environment the command runs in.
   *
   * @return the environment
   */
  public CliEnvironment environment() {
    return environment;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
  }

  /**
   * Runs the command line and returns its exit status.
   *
   * @param args the arguments
   * @param out standard output
   * @param err standard error
   * @param environment the environment
   * @return the exit status (08)
   */
  public static int execute(
      String[] args, PrintWriter out, PrintWriter err, CliEnvironment environment) {
    try {
      Optional<RedactCommand.Direct> redact = RedactCommand.direct(args);
      if (redact.isPresent()) {
        try {
          return redact.get().run(environment, out);
        } catch (RuntimeException e) {
          return failure(e, out, err, redact.get().debug());
        }
      }
      // A call names its subcommand first (the root takes no other options): only that one is
      // built, since picocli reads every command's annotations when it is added. Anything else
      // (--help, a typo that wants suggestions, no arguments) gets the whole command line.
      CommandLine commandLine =
          args.length > 0 && SUBCOMMANDS.contains(args[0])
              ? commandLine(environment, List.of(args[0]))
              : commandLine(environment);
      commandLine.setOut(out);
      commandLine.setErr(err);
      PhaseLog.mark("cli.commands_built");
      return commandLine.execute(args);
    } finally {
      out.flush();
      err.flush();
      PhaseLog.mark("cli.done");
    }
  }

  /** Prints the failure JSON of an exception a command threw and returns the exit status. */
  private static int failure(Exception exception, PrintWriter out, PrintWriter err, boolean debug) {
    CloudException cloud =
        exception instanceof CloudException
            ? (CloudException) exception
            // not from the SDK, so not redacted with the session's secrets: at least the token
            // shapes go
            : new CloudException(
                ErrorCode.PROVIDER_FAILED,
                Redactor.noSecrets().redact("Unexpected failure: " + exception),
                Map.of(),
                debug ? exception : null);
    return ErrorOutput.print(cloud, out, err, debug);
  }

  /**
   * Builds the picocli command line with the project's error handling installed.
   *
   * @param environment the environment
   * @return the configured command line
   */
  public static CommandLine commandLine(CliEnvironment environment) {
    return commandLine(environment, SUBCOMMANDS);
  }

  private static CommandLine commandLine(CliEnvironment environment, List<String> subcommands) {
    CommandLine commandLine = new CommandLine(new MegaplanCloud(environment));
    for (String name : subcommands) {
      commandLine.addSubcommand(name, subcommand(name));
    }
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    if (PhaseLog.enabled()) {
      commandLine.setExecutionStrategy(
          parseResult -> {
            PhaseLog.mark("cli.parsed");
            return new CommandLine.RunLast().execute(parseResult);
          });
    }
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) ->
            failure(
                exception, cmd.getOut(), cmd.getErr(), parseResult.hasMatchedOption("--debug")));
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          CommandLine cmd = exception.getCommandLine();
          cmd.getErr().println(exception.getMessage());
          CommandLine.UnmatchedArgumentException.printSuggestions(exception, cmd.getErr());
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          ErrorOutput.print(
              new CloudException(ErrorCode.INVALID_ARGS, exception.getMessage()),
              cmd.getOut(),
              cmd.getErr(),
              false);
          return ErrorCode.INVALID_ARGS.exitStatus();
        });
    return commandLine;
  }

  /** A new instance of the named subcommand's class (a switch: no reflection, no lambda). */
  private static Object subcommand(String name) {
    return switch (name) {
      case "init" -> new InitCommand();
      case "build" -> new BuildCommand();
      case "deploy" -> new DeployCommand();
      case "bootstrap" -> new BootstrapCommand();
      case "chain" -> new ChainCommand();
      case "status" -> new StatusCommand();
      case "chains" -> new ChainsCommand();
      case "logs" -> new LogsCommand();
      case "attach" -> new AttachCommand();
      case "exec" -> new ExecCommand();
      case "resume" -> new ResumeCommand();
      case "supervise" -> new SuperviseCommand();
      case "down" -> new DownCommand();
      case "destroy" -> new DestroyCommand();
      case "config" -> new ConfigCommand();
      case "redact" -> new RedactCommand();
      case "version" -> new VersionCommand();
      default -> throw new IllegalArgumentException("no subcommand " + name);
    };
  }

  /**
   * The program's entry point.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    long entered = System.nanoTime();
    PhaseLog.markAt("cli.main", entered);
    PhaseLog.mark("timing.ready");
    CliEnvironment environment = CliEnvironment.system();
    // The writer and the byte stream share one destination, standard output (file descriptor 1).
    PrintWriter out =
        new PrintWriter(
            new java.io.OutputStreamWriter(environment.stdout(), StandardCharsets.UTF_8), true);
    PrintWriter err =
        new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int status = execute(args, out, err, environment);
    PhaseLog.mark("cli.exit");
    System.exit(status);
  }
}
