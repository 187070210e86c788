package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;

/** {@code megaplan-cloud down}: Stop the runner. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the runner.")
public final class DownCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public DownCommand() {}

  @Override
  String purpose() {
    return "stop the runner";
  }
}
