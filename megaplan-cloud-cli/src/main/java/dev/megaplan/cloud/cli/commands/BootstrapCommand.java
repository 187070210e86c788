package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.cli.RepoOverrideOptions;
import dev.megaplan.cloud.core.Bootstrap;
import dev.megaplan.cloud.core.CloudSession;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code megaplan-cloud bootstrap}: Upload an idea file and start megaplan init --auto-start on the
 * box. megaplan's output is relayed redacted (stdout to stdout, stderr to stderr); the exit status
 * is megaplan's.
 */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description = "Upload an idea file and start megaplan init --auto-start on the box.")
public final class BootstrapCommand extends CloudCommand {
  @Parameters(index = "0", paramLabel = "IDEA", description = "Local idea file.")
  Path idea;

  @Option(
      names = "--plan-name",
      paramLabel = "NAME",
      description = "Plan name (megaplan picks one from the idea otherwise).")
  String planName;

  @Option(
      names = "--robustness",
      paramLabel = "LEVEL",
      defaultValue = "standard",
      description = "Robustness for megaplan init (default: ${DEFAULT-VALUE}).")
  String robustness;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public BootstrapCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(repo)) {
      Bootstrap bootstrap = session.bootstrap(environment().resolve(idea)).robustness(robustness);
      if (planName != null) {
        bootstrap.planName(planName);
      }
      ExecResult result = bootstrap.run();
      out().print(result.stdout());
      out().flush();
      err().print(result.stderr());
      err().flush();
      return result.exitCode();
    }
  }
}
