package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import dev.megaplan.cloud.core.CloudSession;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud resume}: Run the next step megaplan reports for the current plan. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = {
      "Run the next step megaplan reports for the current plan.",
      "Reads `LAUNCHER status [--plan P]`; its next_step must be a non-empty string (else"
          + " invalid_status), then runs `LAUNCHER <next_step> [--plan P]` in the same workspace."
          + " Output is relayed redacted; the exit status is the step's."
    })
public final class ResumeCommand extends CloudCommand {
  @Option(names = "--plan", paramLabel = "PLAN", description = "The plan to resume.")
  String plan;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public ResumeCommand() {}

  @Override
  public Integer call() {
    try (CloudSession session = openSession(repo)) {
      return Relay.print(this, session.resume(Optional.ofNullable(plan)));
    }
  }
}
