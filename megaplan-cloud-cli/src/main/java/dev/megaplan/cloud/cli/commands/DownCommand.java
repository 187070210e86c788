package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.CloudSession;
import picocli.CommandLine.Command;

/** {@code megaplan-cloud down}. */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop the runner.")
public final class DownCommand extends CloudCommand {
  /** Creates the command; picocli calls this. */
  public DownCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      session.provider().down();
      // like the Python tool, nothing on stdout: only the human line on stderr
      say("cloud down: stopped the runner of " + session.provider().identity());
      return 0;
    }
  }
}
