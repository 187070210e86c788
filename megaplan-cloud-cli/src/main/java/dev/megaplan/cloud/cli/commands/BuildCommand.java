package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.core.CloudSession;
import picocli.CommandLine.Command;

/** {@code megaplan-cloud build}. */
@Command(
    name = "build",
    mixinStandardHelpOptions = true,
    description =
        "Build the runner image (container providers), or check the box (host: tmux, git and the"
            + " megaplan launcher). Prints the report JSON on stdout.")
public final class BuildCommand extends CloudCommand {
  /** Creates the command; picocli calls this. */
  public BuildCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      DeployReport report = session.build(this::progress);
      return printDeployReport(report);
    }
  }
}
