package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code megaplan-cloud exec}: Run a command on the box; output is redacted, the exit status is the
 * remote one.
 */
@Command(
    name = "exec",
    mixinStandardHelpOptions = true,
    description =
        "Run a command on the box; output is redacted, the exit status is the remote one.")
public final class ExecCommand extends PendingCommand {
  @Parameters(
      arity = "1..*",
      paramLabel = "CMD",
      description = "The command (words are joined with spaces).")
  List<String> command;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public ExecCommand() {}

  @Override
  String purpose() {
    return "run a remote command";
  }
}
