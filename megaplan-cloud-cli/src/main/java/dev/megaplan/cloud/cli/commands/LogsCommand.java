package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud logs}: Show the runner's logs, redacted; follows until Ctrl-C unless
 * --no-follow.
 */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    description = "Show the runner's logs, redacted; follows until Ctrl-C unless --no-follow.")
public final class LogsCommand extends PendingCommand {
  @Option(names = "--no-follow", description = "Print the recent tail (200 lines) and exit.")
  boolean noFollow;

  /** Creates the command; picocli calls this. */
  public LogsCommand() {}

  @Override
  String purpose() {
    return "show logs";
  }
}
