package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;

/** {@code megaplan-cloud config}: inspect the effective configuration. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Validate or show the effective cloud.yaml.",
    subcommands = {ConfigValidateCommand.class, ConfigShowCommand.class})
public final class ConfigCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Creates the command; picocli calls this. */
  public ConfigCommand() {}

  @Override
  public void run() {
    throw new picocli.CommandLine.ParameterException(
        spec.commandLine(), "Missing subcommand: validate or show");
  }
}
