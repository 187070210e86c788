package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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
