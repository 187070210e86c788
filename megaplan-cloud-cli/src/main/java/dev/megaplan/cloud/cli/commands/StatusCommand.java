package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud status}: Print megaplan status JSON from the box; --chain prints the chain
 * payload.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Print megaplan status JSON from the box; --chain prints the chain payload.")
public final class StatusCommand extends PendingCommand {
  @Option(names = "--plan", paramLabel = "PLAN", description = "The plan to report on.")
  String plan;

  @Option(
      names = "--chain",
      description = "Report the chain: JSON payload on stdout, summary on stderr.")
  boolean chain;

  @Option(names = "--all", description = "List every chain session on the box (same as `chains`).")
  boolean all;

  @Option(
      names = "--remote-spec",
      paramLabel = "PATH",
      description = "Remote chain spec path (default: the last launched chain).")
  String remoteSpec;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public StatusCommand() {}

  @Override
  String purpose() {
    return "read status";
  }
}
