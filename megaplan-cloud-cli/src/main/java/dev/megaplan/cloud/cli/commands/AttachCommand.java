package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.CloudSession;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud attach}. */
@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    description = {
      "Attach to a tmux session on the box (default: the last launched chain's session).",
      "This is a raw interactive terminal: its output is NOT redacted. Treat it as trusted."
    })
public final class AttachCommand extends CloudCommand {
  @Option(
      names = "--session",
      paramLabel = "NAME",
      description = "Session to attach to (a name from `chains`; for railway: the ssh session).")
  String session;

  /** Creates the command; picocli calls this. */
  public AttachCommand() {}

  @Override
  public Integer call() {
    try (CloudSession cloud = openSession(null)) {
      Optional<String> target = session != null ? Optional.of(session) : cloud.lastChainSession();
      return cloud.provider().attach(target);
    }
  }
}
