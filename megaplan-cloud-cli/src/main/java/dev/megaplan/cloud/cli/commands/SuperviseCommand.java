package dev.megaplan.cloud.cli.commands;

import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud supervise}: Run one safe supervisor tick against the remote chain (restart
 * a dead runner, advance past a merged PR; never anything else).
 */
@Command(
    name = "supervise",
    mixinStandardHelpOptions = true,
    description =
        "Run one safe supervisor tick against the remote chain (restart a dead runner, advance past a merged PR; never anything else).")
public final class SuperviseCommand extends PendingCommand {
  @Option(names = "--chain", description = "Supervise the chain (required).")
  boolean chain;

  @Option(
      names = "--remote-spec",
      paramLabel = "PATH",
      description = "Remote chain spec path (default: the last launched chain).")
  String remoteSpec;

  @Option(names = "--dry-run", description = "Decide, but take no action.")
  boolean dryRun;

  @Option(
      names = "--replay",
      paramLabel = "FILE",
      description =
          "Replay a recorded observation: print the decision and report, touching no provider.")
  Path replay;

  @Option(
      names = "--watch",
      description = "Tick repeatedly until the chain is complete or needs a human.")
  boolean watch;

  @Option(
      names = "--interval",
      paramLabel = "DURATION",
      defaultValue = "60s",
      description =
          "Time between ticks with --watch: 30s, 5m, 1h or PT30S (default: ${DEFAULT-VALUE}).")
  String interval;

  /** Creates the command; picocli calls this. */
  public SuperviseCommand() {}

  @Override
  String purpose() {
    return "supervise a chain";
  }
}
