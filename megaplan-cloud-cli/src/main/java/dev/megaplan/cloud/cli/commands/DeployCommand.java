package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code megaplan-cloud deploy}: Deploy the runner and upload the secrets named in cloud.yaml. */
@Command(name = "deploy", mixinStandardHelpOptions = true, description = "Deploy the runner and upload the secrets named in cloud.yaml.")
public final class DeployCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public DeployCommand() {}

  @Override
  String purpose() {
    return "deploy the runner";
  }
}
