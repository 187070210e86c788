package dev.megaplan.cloud.cli.commands;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code megaplan-cloud attach}: Attach to a tmux session on the box. A raw interactive terminal:
 * output is NOT redacted.
 */
@Command(
    name = "attach",
    mixinStandardHelpOptions = true,
    description =
        "Attach to a tmux session on the box. A raw interactive terminal: output is NOT redacted.")
public final class AttachCommand extends PendingCommand {
  @Option(
      names = "--session",
      paramLabel = "NAME",
      description = "Session to attach to (for railway: the Railway ssh session).")
  String session;

  /** Creates the command; picocli calls this. */
  public AttachCommand() {}

  @Override
  String purpose() {
    return "attach to a session";
  }
}
