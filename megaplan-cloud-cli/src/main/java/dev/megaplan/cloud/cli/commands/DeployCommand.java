package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;

/** {@code megaplan-cloud deploy}: Deploy the runner and upload the secrets named in cloud.yaml. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description = "Deploy the runner and upload the secrets named in cloud.yaml.")
public final class DeployCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public DeployCommand() {}

  @Override
  String purpose() {
    return "deploy the runner";
  }
}
