package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;

/** {@code megaplan-cloud chains}: List the chain sessions running on the box. */
@Command(
    name = "chains",
    mixinStandardHelpOptions = true,
    description = "List the chain sessions running on the box.")
public final class ChainsCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public ChainsCommand() {}

  @Override
  String purpose() {
    return "list chains";
  }
}
