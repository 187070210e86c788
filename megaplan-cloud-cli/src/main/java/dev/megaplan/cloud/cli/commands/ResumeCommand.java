package dev.megaplan.cloud.cli.commands;

import dev.megaplan.cloud.cli.RepoOverrideOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code megaplan-cloud resume}: Run the next step megaplan reports for the current plan. */
@Command(
    name = "resume",
    mixinStandardHelpOptions = true,
    description = "Run the next step megaplan reports for the current plan.")
public final class ResumeCommand extends PendingCommand {
  @Option(names = "--plan", paramLabel = "PLAN", description = "The plan to resume.")
  String plan;

  @Mixin RepoOverrideOptions repo;

  /** Creates the command; picocli calls this. */
  public ResumeCommand() {}

  @Override
  String purpose() {
    return "resume a plan";
  }
}
