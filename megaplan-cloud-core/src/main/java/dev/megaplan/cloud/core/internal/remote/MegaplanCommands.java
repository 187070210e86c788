package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import java.util.Optional;

/**
 * The plain megaplan wrappers of 03 ("Bootstrap", "Other wrappers"): {@code cd WS && LAUNCHER …}.
 * The launcher is inserted as written; everything after it is quoted.
 */
public final class MegaplanCommands {
  private MegaplanCommands() {}

  /**
   * Bootstrap: {@code cd WS && LAUNCHER init --project-dir WS --idea-file WS/idea.txt --auto-start
   * --robustness R [--name N]}.
   *
   * @param launcher {@code megaplan.command}
   * @param workspace the repo workspace (the idea was uploaded to {@code <workspace>/idea.txt})
   * @param robustness the robustness level
   * @param planName the plan name, or empty to let megaplan pick
   * @return the shell text
   */
  public static String init(
      String launcher, String workspace, String robustness, Optional<String> planName) {
    StringBuilder text =
        new StringBuilder(cd(workspace))
            .append(launcher)
            .append(" init --project-dir ")
            .append(quote(workspace))
            .append(" --idea-file ")
            .append(quote(workspace + "/idea.txt"))
            .append(" --auto-start --robustness ")
            .append(quote(robustness));
    planName.ifPresent(n -> text.append(" --name ").append(quote(n)));
    return text.toString();
  }

  /**
   * {@code cd WS && LAUNCHER status [--plan P]}.
   *
   * @param launcher {@code megaplan.command}
   * @param workspace the workspace
   * @param plan the plan, if given
   * @return the shell text
   */
  public static String status(String launcher, String workspace, Optional<String> plan) {
    return cd(workspace) + launcher + " status" + planOption(plan);
  }

  /**
   * Resume: {@code cd WS && LAUNCHER <next_step> [--plan P]}, the step being the word megaplan's
   * status named (quoted like any value).
   *
   * @param launcher {@code megaplan.command}
   * @param workspace the workspace
   * @param nextStep the status payload's {@code next_step}, non-empty
   * @param plan the plan, if given
   * @return the shell text
   */
  public static String step(
      String launcher, String workspace, String nextStep, Optional<String> plan) {
    if (nextStep.isBlank()) {
      throw new IllegalArgumentException("next_step must be a non-empty string");
    }
    return cd(workspace) + launcher + " " + quote(nextStep) + planOption(plan);
  }

  private static String cd(String workspace) {
    return "cd " + quote(workspace) + " && ";
  }

  private static String planOption(Optional<String> plan) {
    return plan.map(p -> " --plan " + quote(p)).orElse("");
  }
}
