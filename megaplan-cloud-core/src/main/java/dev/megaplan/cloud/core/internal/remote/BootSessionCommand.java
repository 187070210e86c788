package dev.megaplan.cloud.core.internal.remote;

import static dev.megaplan.cloud.core.internal.shell.ShellQuote.quote;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.config.AutoConfig;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.Mode;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The runner session a box starts on boot (07, the entrypoint's last step), for the boxes that have
 * no container entrypoint: session {@code agent}, in the workspace, running per {@code mode}:
 * {@code chain} → {@code LAUNCHER chain start --spec SPEC}; {@code auto} → {@code LAUNCHER init}
 * when the plan is missing, then {@code LAUNCHER auto --plan NAME}. A missing chain spec or idea
 * file leaves the box idle with a warning. An {@code agent} session that already runs is left
 * alone.
 *
 * <p>The session starts in the workspace because the tmux client runs there ({@code cd -- WS &&
 * tmux new-session}), not through {@code new-session -c}, which tmux format-expands.
 *
 * @param tmux the provider's tmux client prefix
 * @param workspace the workspace on the box: absolute, normalised, no control characters
 * @param runner the command the session runs
 * @param requiredFile the file the runner needs (the chain spec or the idea file)
 * @param log where the runner's output goes
 */
public record BootSessionCommand(
    String tmux, String workspace, String runner, String requiredFile, String log) {

  /** The boot session's name, as on container boxes. */
  public static final String SESSION = "agent";

  /** Checks the components. */
  public BootSessionCommand {
    Objects.requireNonNull(tmux, "tmux");
    RemotePaths.checkPath("workspace", workspace);
    Objects.requireNonNull(runner, "runner");
    Objects.requireNonNull(requiredFile, "requiredFile");
    Objects.requireNonNull(log, "log");
  }

  /**
   * The boot session a configuration asks for.
   *
   * @param config the configuration
   * @param tmux the provider's tmux client prefix
   * @param toBox translates a configured path to the box
   * @return the command, or empty for {@code mode: idle}
   * @throws CloudException {@code invalid_spec} when the workspace on the box is not an absolute,
   *     normalised path without control characters
   */
  public static Optional<BootSessionCommand> forConfig(
      CloudConfig config, String tmux, UnaryOperator<String> toBox) {
    String launcher = config.megaplan().command();
    String workspace = toBox.apply(config.repo().workspace());
    BoxValues.pathProblem(workspace)
        .ifPresent(
            problem -> {
              throw new CloudException(
                  ErrorCode.INVALID_SPEC,
                  "repo.workspace on the box " + JsonLiteral.of(workspace) + " " + problem,
                  Map.of("workspace", workspace));
            });
    // the chain-log name 03 §2 gives session "agent", so `logs` finds it with the others
    String log = workspace + "/.megaplan/cloud-chain-" + SESSION + ".log";
    if (config.mode() == Mode.CHAIN && config.chain().isPresent()) {
      String spec = toBox.apply(config.chain().get().spec());
      return Optional.of(
          new BootSessionCommand(
              tmux,
              workspace,
              "MEGAPLAN_TRUSTED_CONTAINER=1 " + launcher + " chain start --spec " + quote(spec),
              spec,
              log));
    }
    if (config.mode() == Mode.AUTO && config.auto().isPresent()) {
      AutoConfig auto = config.auto().get();
      String idea = toBox.apply(auto.ideaFile());
      String plan = auto.planName();
      String runner =
          "{ [ -d "
              + quote(workspace + "/.megaplan/plans/" + plan)
              + " ] || "
              + launcher
              + " init --project-dir "
              + quote(workspace)
              + " --idea-file "
              + quote(idea)
              + " --name "
              + quote(plan)
              + " --robustness "
              + quote(auto.robustness())
              + "; } && "
              + launcher
              + " auto --plan "
              + quote(plan);
      return Optional.of(new BootSessionCommand(tmux, workspace, runner, idea, log));
    }
    return Optional.empty();
  }

  /**
   * The shell text: prints {@code started}, {@code already_running} or {@code idle: …}.
   *
   * @return the command
   */
  public String render() {
    String session = quote("=" + SESSION);
    String job = "{ " + runner + "; } >> " + quote(log) + " 2>&1";
    return "if "
        + tmux
        + " has-session -t "
        + session
        + " 2>/dev/null; then echo already_running; elif [ ! -f "
        + quote(requiredFile)
        + " ]; then echo "
        + quote("idle: " + requiredFile + " is missing; the box stays idle")
        + "; else mkdir -p "
        + quote(workspace + "/.megaplan")
        + " && cd -- "
        + quote(workspace)
        + " && "
        + tmux
        + " new-session -d -s "
        + quote(SESSION)
        + " "
        + quote(job)
        + " && echo started; fi";
  }

  /**
   * Reads the answer.
   *
   * @param result what the command returned
   * @return {@code started}, {@code already_running}, the idle warning, or a failure text
   */
  public static String parse(ExecResult result) {
    String last = LaunchCommand.lastLine(result.stdout());
    if (result.succeeded() && !last.isEmpty()) {
      return last;
    }
    return "failed (exit " + result.exitCode() + "): " + LaunchCommand.lastLine(result.stderr());
  }
}
