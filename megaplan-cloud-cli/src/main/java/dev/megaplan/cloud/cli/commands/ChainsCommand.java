package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.core.CloudSession;
import picocli.CommandLine.Command;

/** {@code megaplan-cloud chains}: List the chain sessions running on the box. */
@Command(
    name = "chains",
    mixinStandardHelpOptions = true,
    description = {
      "List the chain sessions running on the box (tmux sessions named megaplan-chain*), each"
          + " with its session marker.",
      "JSON {success, sessions} on stdout; a count and one line per session on stderr."
    })
public final class ChainsCommand extends CloudCommand {

  /** Creates the command; picocli calls this. */
  public ChainsCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      return ChainsOutput.print(this, session.chains());
    }
  }
}
