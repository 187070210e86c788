package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code megaplan-cloud build}: Build the runner image (or check the host box). */
@Command(name = "build", mixinStandardHelpOptions = true, description = "Build the runner image (or check the host box).")
public final class BuildCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public BuildCommand() {}

  @Override
  String purpose() {
    return "build the runner image";
  }
}
