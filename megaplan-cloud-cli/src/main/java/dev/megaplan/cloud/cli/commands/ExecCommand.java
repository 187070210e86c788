package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.cli.RepoOverrideOptions;
import dev.megaplan.cloud.core.CloudSession;
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
    description = {
      "Run a command on the box; output is redacted, the exit status is the remote one.",
      "A failure to reach the box prints the error JSON and exits 1. Limit: one hour."
    })
public final class ExecCommand extends CloudCommand {
  @Parameters(
      arity = "1..*",
      paramLabel = "CMD",
      description = "The command (words are joined with spaces).")
  List<String> command;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public ExecCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(repo)) {
      ExecResult result = session.exec(String.join(" ", command));
      return Relay.print(this, result);
    }
  }
}
