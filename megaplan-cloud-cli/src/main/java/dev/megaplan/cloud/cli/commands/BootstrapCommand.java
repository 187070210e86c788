package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code megaplan-cloud bootstrap}: Upload an idea file and start megaplan init --auto-start on the
 * box.
 */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description = "Upload an idea file and start megaplan init --auto-start on the box.")
public final class BootstrapCommand extends PendingCommand {
  @Parameters(index = "0", paramLabel = "IDEA", description = "Local idea file.")
  Path idea;

  @Option(
      names = "--plan-name",
      paramLabel = "NAME",
      description = "Plan name (megaplan picks one from the idea otherwise).")
  String planName;

  @Option(
      names = "--robustness",
      paramLabel = "LEVEL",
      defaultValue = "standard",
      description = "Robustness for megaplan init (default: ${DEFAULT-VALUE}).")
  String robustness;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public BootstrapCommand() {}

  @Override
  String purpose() {
    return "stage an idea file and start a plan";
  }
}
