package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;

/** {@code megaplan-cloud build}: Build the runner image (or check the host box). */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description = "Build the runner image (or check the host box).")
public final class BuildCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public BuildCommand() {}

  @Override
  String purpose() {
    return "build the runner image";
  }
}
