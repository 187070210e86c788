package dev.megaplan.cloud.providers.host.internal;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.DeployStep;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.shell.ShellQuote;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The readiness checks of the host box, each a {@link DeployStep}: tmux present (with its version),
 * git present, the megaplan launcher's program resolvable. A missing tool is a failed step carrying
 * the install hint; nothing throws for it.
 */
public final class HostChecks {
  /** Where to get tmux. */
  public static final String TMUX_HINT = "https://github.com/tmux/tmux/wiki/Installing";

  /** Where to get git. */
  public static final String GIT_HINT = "https://git-scm.com/downloads";

  private final RemoteShell shell;
  private final Duration timeout;

  /**
   * Creates the checks.
   *
   * @param shell the host shell
   * @param timeout the timeout of each check
   */
  public HostChecks(RemoteShell shell, Duration timeout) {
    this.shell = shell;
    this.timeout = timeout;
  }

  /**
   * Runs every check.
   *
   * @param launcher the launcher fragment
   * @return the steps, in order
   */
  public List<DeployStep> run(String launcher) {
    List<DeployStep> steps = new ArrayList<>();
    steps.add(tool("tmux", "tmux -V", TMUX_HINT));
    steps.add(tool("git", "git --version", GIT_HINT));
    steps.add(launcher(launcher));
    return steps;
  }

  private DeployStep tool(String name, String versionCommand, String hint) {
    ExecResult result;
    try {
      result =
          shell.exec(
              "command -v " + name + " >/dev/null 2>&1 || exit 127; " + versionCommand, timeout);
    } catch (CloudException e) {
      return failed("check " + name, "Could not check " + name + ": " + e.getMessage());
    }
    if (result.exitCode() == 127) {
      return failed("check " + name, "Missing required CLI '" + name + "'. Install: " + hint);
    }
    String version = firstLine(result.stdout() + result.stderr());
    DeployStep.Builder step =
        DeployStep.builder()
            .name("check " + name)
            .status(result.succeeded() ? "ok" : "failed")
            .detail(
                result.succeeded()
                    ? version
                    : name + " is present but '" + versionCommand + "' failed: " + version);
    if (result.succeeded()) {
      step.putMetadata("version", version);
    }
    return step.build();
  }

  private DeployStep launcher(String launcher) {
    Optional<String> program = LauncherWord.program(launcher);
    if (program.isEmpty()) {
      return failed("check launcher", "The megaplan launcher (megaplan.command) is empty");
    }
    ExecResult result;
    try {
      result = shell.exec("command -v " + ShellQuote.quote(program.get()), timeout);
    } catch (CloudException e) {
      return failed("check launcher", "Could not check the launcher: " + e.getMessage());
    }
    if (!result.succeeded()) {
      return DeployStep.builder()
          .name("check launcher")
          .status("failed")
          .detail(
              "Missing megaplan launcher '"
                  + program.get()
                  + "' (megaplan.command: "
                  + launcher
                  + "). Install megaplan, or point megaplan.command in cloud.yaml at it.")
          .putMetadata("launcher", launcher)
          .build();
    }
    String resolved = firstLine(result.stdout());
    return DeployStep.builder()
        .name("check launcher")
        .status("ok")
        .detail(resolved)
        .putMetadata("launcher", launcher)
        .putMetadata("resolved", resolved)
        .build();
  }

  private static DeployStep failed(String name, String detail) {
    return DeployStep.builder().name(name).status("failed").detail(detail).build();
  }

  private static String firstLine(String text) {
    String trimmed = text.strip();
    int newline = trimmed.indexOf('\n');
    return newline < 0 ? trimmed : trimmed.substring(0, newline).strip();
  }
}
