package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.EffectOutcome;
import dev.megaplan.cloud.api.supervisor.RestartTarget;
import dev.megaplan.cloud.core.internal.remote.ChainCommand;
import dev.megaplan.cloud.core.internal.remote.MegaplanRefresh;
import dev.megaplan.cloud.core.internal.remote.RestartCommand;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The only code that mutates anything on behalf of the supervisor, and it knows exactly one act:
 * restart a chain's canonical session with a one-shot {@code chain start --one}, under a remote
 * lock, refusing a session whose marker names another chain (spec 05). No approvals, no git, no
 * chain-state writes. A target whose session is not a safe tmux session name, or whose workspace or
 * chain log is not an absolute, normalised path without control characters, is refused before
 * anything runs ({@link EffectOutcome.Status#FAILED}, the detail says why). Usable on its own, over
 * any {@link RemoteShell}, by a tool that hosts the policy itself.
 */
public final class EffectExecutor {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final RemoteShell shell;
  private final String tmuxCommand;
  private final String launcher;
  private final String remoteRoot;
  private final Optional<MegaplanRefresh> refresh;
  private final UnaryOperator<String> redact;

  private EffectExecutor(Builder builder) {
    this.shell = Objects.requireNonNull(builder.shell, "shell");
    this.tmuxCommand = builder.tmuxCommand;
    this.launcher = builder.launcher;
    this.remoteRoot = builder.remoteRoot;
    this.refresh = builder.refresh;
    this.redact = builder.redact;
  }

  /**
   * A builder over a remote shell.
   *
   * @param shell the box's shell
   * @return the builder
   */
  public static Builder builder(RemoteShell shell) {
    return new Builder(shell);
  }

  /**
   * Carries out a decision.
   *
   * @param decision what the policy decided
   * @return what happened; a transport failure is reported as {@link EffectOutcome.Status#FAILED}
   */
  public EffectOutcome execute(Decision decision) {
    RestartTarget target;
    if (decision instanceof Decision.Restart restart) {
      target = restart.target();
    } else if (decision instanceof Decision.Advance advance) {
      target = advance.target();
    } else {
      return new EffectOutcome(EffectOutcome.Status.NOTHING_TO_DO, "");
    }
    Optional<String> unsafe = unsafePart(target);
    if (unsafe.isPresent()) {
      return new EffectOutcome(
          EffectOutcome.Status.FAILED,
          redact.apply("refused, nothing was run: the restart target's " + unsafe.get()));
    }
    RestartCommand command = restartCommand(target);
    ExecResult result;
    try {
      result = shell.exec(command.render(), TIMEOUT);
    } catch (CloudException e) {
      return new EffectOutcome(EffectOutcome.Status.FAILED, redact.apply(e.getMessage()));
    }
    RestartCommand.Result parsed = RestartCommand.parse(result);
    String detail = redact.apply(parsed.detail());
    switch (parsed.outcome()) {
      case RESTARTED:
        return new EffectOutcome(EffectOutcome.Status.RESTARTED, detail);
      case ALREADY_RESTARTED:
        return new EffectOutcome(EffectOutcome.Status.ALREADY_RESTARTED, detail);
      case LOCKED:
        return new EffectOutcome(EffectOutcome.Status.LOCKED, detail);
      case MARKER_MISMATCH:
        return new EffectOutcome(EffectOutcome.Status.MARKER_MISMATCH, detail);
      default:
        return new EffectOutcome(EffectOutcome.Status.FAILED, detail);
    }
  }

  /**
   * The restart command for a target, exactly as {@link #execute} runs it (for inspection and
   * tests).
   *
   * @param target the session to restart
   * @return the shell text
   * @throws IllegalArgumentException when the target is unsafe (see {@link #execute})
   */
  public String restartCommandText(RestartTarget target) {
    return restartCommand(target).render();
  }

  /** What makes a target unsafe to put in a command on the box, if anything. */
  private static Optional<String> unsafePart(RestartTarget target) {
    Optional<String> problem = BoxValues.sessionProblem(target.session());
    if (problem.isPresent()) {
      return Optional.of("session " + JsonLiteral.of(target.session()) + " " + problem.get());
    }
    problem = BoxValues.pathProblem(target.workspace());
    if (problem.isPresent()) {
      return Optional.of("workspace " + JsonLiteral.of(target.workspace()) + " " + problem.get());
    }
    problem = BoxValues.pathProblem(target.chainLog());
    if (problem.isPresent()) {
      return Optional.of("chain log " + JsonLiteral.of(target.chainLog()) + " " + problem.get());
    }
    problem = BoxValues.textProblem(target.remoteSpec());
    if (problem.isPresent()) {
      return Optional.of(
          "remote spec " + JsonLiteral.of(target.remoteSpec()) + " " + problem.get());
    }
    return Optional.empty();
  }

  private RestartCommand restartCommand(RestartTarget target) {
    ChainCommand chain =
        new ChainCommand(launcher, target.remoteSpec(), target.chainLog(), false, true, refresh);
    String markerPath =
        (remoteRoot.endsWith("/") ? remoteRoot : remoteRoot + "/")
            + ".megaplan/cloud-sessions/"
            + target.session()
            + ".json";
    return new RestartCommand(
        tmuxCommand,
        target.session(),
        target.workspace(),
        markerPath,
        chain,
        false,
        Optional.empty(),
        Optional.empty());
  }

  /** Configures an {@link EffectExecutor}. */
  public static final class Builder {
    private final RemoteShell shell;
    private String tmuxCommand = "tmux";
    private String launcher = "python -m arnold.pipelines.megaplan";
    private String remoteRoot = "/workspace";
    private Optional<MegaplanRefresh> refresh = Optional.empty();
    private UnaryOperator<String> redact = UnaryOperator.identity();

    private Builder(RemoteShell shell) {
      this.shell = shell;
    }

    /**
     * How tmux is invoked on the box ({@code Provider.tmuxCommand()}).
     *
     * @param tmuxCommand the shell text that starts a tmux client
     * @return this builder
     */
    public Builder tmuxCommand(String tmuxCommand) {
      this.tmuxCommand = Objects.requireNonNull(tmuxCommand, "tmuxCommand");
      return this;
    }

    /**
     * The megaplan launcher ({@code megaplan.command}).
     *
     * @param launcher a shell fragment, inserted as written
     * @return this builder
     */
    public Builder launcher(String launcher) {
      this.launcher = Objects.requireNonNull(launcher, "launcher");
      return this;
    }

    /**
     * The box's workspace root, under which session markers live.
     *
     * @param remoteRoot an absolute path on the box
     * @return this builder
     */
    public Builder remoteRoot(String remoteRoot) {
      this.remoteRoot = Objects.requireNonNull(remoteRoot, "remoteRoot");
      return this;
    }

    /**
     * The megaplan refresh the restarted chain command runs first (03 §8).
     *
     * @param repoUrl {@code megaplan.repo}, when set
     * @param ref {@code megaplan.ref}
     * @param srcPath {@code megaplan.src_path}
     * @return this builder
     */
    public Builder megaplanRefresh(Optional<String> repoUrl, String ref, String srcPath) {
      this.refresh = Optional.of(new MegaplanRefresh(repoUrl, ref, srcPath));
      return this;
    }

    /**
     * How box output quoted in outcomes is redacted.
     *
     * @param redactor the session's redactor
     * @return this builder
     */
    public Builder redactor(Redactor redactor) {
      this.redact = redactor::redact;
      return this;
    }

    /**
     * Builds the executor.
     *
     * @return the executor
     */
    public EffectExecutor build() {
      return new EffectExecutor(this);
    }
  }
}
