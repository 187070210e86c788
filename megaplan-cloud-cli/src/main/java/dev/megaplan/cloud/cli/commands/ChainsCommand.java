package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code megaplan-cloud chains}: List the chain sessions running on the box. */
@Command(name = "chains", mixinStandardHelpOptions = true, description = "List the chain sessions running on the box.")
public final class ChainsCommand extends PendingCommand {

  /** Creates the command; picocli calls this. */
  public ChainsCommand() {}

  @Override
  String purpose() {
    return "list chains";
  }
}
