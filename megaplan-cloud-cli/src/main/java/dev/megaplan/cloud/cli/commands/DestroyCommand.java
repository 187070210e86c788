package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud destroy}: Destroy the deployment and delete its volume (asks first unless
 * --yes).
 */
@Command(
    name = "destroy",
    mixinStandardHelpOptions = true,
    description = "Destroy the deployment and delete its volume (asks first unless --yes).")
public final class DestroyCommand extends PendingCommand {
  @Option(names = "--yes", description = "Do not ask for confirmation.")
  boolean yes;

  /** Creates the command; picocli calls this. */
  public DestroyCommand() {}

  @Override
  String purpose() {
    return "destroy the deployment";
  }
}
