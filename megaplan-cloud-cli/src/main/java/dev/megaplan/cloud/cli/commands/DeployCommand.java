package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.provider.DeployReport;
import dev.megaplan.cloud.core.CloudSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud deploy}. */
@Command(
    name = "deploy",
    mixinStandardHelpOptions = true,
    description =
        "Deploy the runner with the secrets named in cloud.yaml (their values are read from the"
            + " local environment and never printed). Prints a line per step, the verdict, then"
            + " the report JSON.")
public final class DeployCommand extends CloudCommand {
  @Option(
      names = "--print-manifests",
      description =
          "Print the objects deploy would apply (kubernetes: the RBAC Role it needs, the Secret"
              + " with its values redacted, the StatefulSet) as YAML on stdout; apply nothing.")
  boolean printManifests;

  /** Creates the command; picocli calls this. */
  public DeployCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(null)) {
      if (printManifests) {
        out().print(session.manifests());
        out().flush();
        return 0;
      }
      say(
          "cloud deploy: provider="
              + session.provider().name()
              + " service="
              + session.provider().identity());
      DeployReport report = session.deploy(this::progress);
      return printDeployReport(report);
    }
  }
}
