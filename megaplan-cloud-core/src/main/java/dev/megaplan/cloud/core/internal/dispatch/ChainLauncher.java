package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.provider.Provider;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.ChainSpecYaml;
import dev.megaplan.cloud.core.LoadedChainSpec;
import dev.megaplan.cloud.core.internal.remote.ChainCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchProbeCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchVerification;
import dev.megaplan.cloud.core.internal.remote.LaunchVerifier;
import dev.megaplan.cloud.core.internal.remote.MegaplanRefresh;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import dev.megaplan.cloud.core.internal.shell.BoxValues;
import dev.megaplan.cloud.core.internal.shell.JsonLiteral;
import dev.megaplan.cloud.core.internal.yaml.YamlText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A chain launch, steps 1 to 11 of spec 03 in order. Everything local (parsing, the launch context,
 * every idea file, the secrets) is settled before the box is touched; every upload goes in one
 * call; a session that runs a different chain is never disturbed. Failures leave with their
 * messages redacted.
 */
public final class ChainLauncher {
  private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);

  private final SessionContext context;

  /**
   * A launcher for one session.
   *
   * @param context the session's context
   */
  public ChainLauncher(SessionContext context) {
    this.context = Objects.requireNonNull(context, "context");
  }

  /**
   * What to launch and how.
   *
   * @param specFile the local chain spec
   * @param ideaDir where idea files are looked up first, else the spec's directory
   * @param fresh discard existing chain state
   * @param noGitRefresh pass {@code --no-git-refresh} to the chain driver
   * @param attempts verification probes
   * @param interval pause between probes
   */
  public record Request(
      Path specFile,
      Optional<Path> ideaDir,
      boolean fresh,
      boolean noGitRefresh,
      int attempts,
      Duration interval,
      Consumer<String> specWarnings) {
    /** Checks the components. */
    public Request {
      Objects.requireNonNull(specFile, "specFile");
      Objects.requireNonNull(ideaDir, "ideaDir");
      Objects.requireNonNull(interval, "interval");
      Objects.requireNonNull(specWarnings, "specWarnings");
      if (attempts < 1) {
        throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
      }
    }
  }

  /**
   * Launches.
   *
   * @param request what to launch
   * @return everything the report needs
   * @throws CloudException with the codes of spec 03, message redacted
   */
  public LaunchOutcome launch(Request request) {
    try {
      return run(request);
    } catch (CloudException e) {
      throw context.redactor().redact(e);
    }
  }

  private LaunchOutcome run(Request request) {
    CloudConfig config = context.config();
    Provider provider = context.provider();
    // 1. parse
    Path specFile = request.specFile().toAbsolutePath().normalize();
    String specName = String.valueOf(specFile.getFileName());
    byte[] original = YamlText.readBytes(specFile);
    LoadedChainSpec loaded = ChainSpecYaml.inspect(YamlText.decode(original, specName), specName);
    loaded.warnings().forEach(w -> request.specWarnings().accept(context.redactor().redact(w)));
    ChainSpec spec = loaded.spec();
    String baseBranch = spec.baseBranch().orElse(config.repo().branch());
    // 2. launch context
    String configuredWorkspace = context.configuredWorkspace();
    LaunchContext launch =
        LaunchContext.derive(
            specName,
            spec.seedPlan(),
            spec.labels(),
            config.chainSession(),
            configuredWorkspace,
            config.repo().workspaceExplicit(),
            config.repo().url(),
            provider.remoteRoot());
    checkTarget(launch);
    // 3. idea files, and the spec copy
    Path ideaDir = request.ideaDir().orElse(specFile.getParent());
    IdeaFiles ideas =
        new IdeaFiles(
            ideaDir, context.cloudYaml().getParent(), configuredWorkspace, launch.workspace());
    LaunchPayload payload =
        LaunchPayload.prepare(
            spec,
            original,
            launch,
            ideas,
            provider,
            config.repo().branch(),
            config.driver().maxStallIterations());
    // 4. preflight
    Preflight.requireSecrets(config, context.environment());
    RemoteShell shell = context.shell("a chain launch");
    RepoEnsurer.ensure(shell, RepoEnsurer.checkouts(config, provider, launch.workspace()));
    Preflight.requireCommands(
        shell, Preflight.requiredCommands(PhaseMapSummary.agentsInUse(spec, config.agents())));
    // 5. OAuth
    Map<String, Object> oauth = OAuthStep.run(context, shell);
    // 6. upload, one call
    shell.upload(payload.all());
    // 7. state reset
    StateReset reset =
        StateReset.run(shell, launch.statePath(), launch.workspace(), request.fresh());
    // 8. start
    String tmux = provider.tmuxCommand();
    LaunchCommand.Outcome started = start(shell, tmux, launch, request.noGitRefresh());
    // 9. verify
    LaunchVerification verification =
        new LaunchVerifier(
                shell, context.sleeper(), request.attempts(), request.interval(), PROBE_TIMEOUT)
            .verify(
                new LaunchProbeCommand(
                    tmux,
                    launch.session(),
                    launch.statePath(),
                    launch.workspace(),
                    launch.chainLog()));
    RepoHead head = RepoHead.read(shell, launch.workspace());
    return new LaunchOutcome(
        spec,
        baseBranch,
        launch,
        payload.ideaUploads().size(),
        oauth,
        reset,
        started,
        verification,
        head,
        context.clock().instant());
  }

  private LaunchCommand.Outcome start(
      RemoteShell shell, String tmux, LaunchContext launch, boolean noGitRefresh) {
    CloudConfig config = context.config();
    MegaplanRefresh refresh =
        new MegaplanRefresh(
            config.megaplan().repo(),
            config.megaplan().ref(),
            context.provider().toRemotePath(config.megaplan().srcPath()));
    ChainCommand chain =
        new ChainCommand(
            context.launcher(),
            launch.remoteSpec(),
            launch.chainLog(),
            noGitRefresh,
            false,
            Optional.of(refresh));
    LaunchCommand command =
        new LaunchCommand(
            tmux,
            launch.session(),
            launch.workspace(),
            launch.digest(),
            launch.slug(),
            launch.sessionMarker(),
            chain);
    LaunchCommand.Result result = LaunchCommand.parse(shell.exec(command.render(), LAUNCH_TIMEOUT));
    switch (result.outcome()) {
      case STARTED:
      case ALREADY_RUNNING:
        return result.outcome();
      case COLLISION:
        throw new CloudException(
            ErrorCode.CHAIN_SESSION_COLLISION,
            "session "
                + launch.session()
                + " already running for a different chain; refusing to disturb it",
            Map.of("session", launch.session(), "session_marker", launch.sessionMarker()));
      default:
        throw new CloudException(
            ErrorCode.PROVIDER_FAILED,
            "Could not start the chain session " + launch.session() + ": " + result.detail(),
            Map.of("session", launch.session()));
    }
  }

  /**
   * Refuses, before anything runs, a session name or workspace that is unsafe in a command on the
   * box (a configuration built in code, which the loader did not check).
   */
  private static void checkTarget(LaunchContext launch) {
    BoxValues.sessionProblem(launch.session())
        .ifPresent(
            problem -> {
              throw new CloudException(
                  ErrorCode.INVALID_SPEC,
                  "chain_session " + JsonLiteral.of(launch.session()) + " " + problem,
                  Map.of("chain_session", launch.session()));
            });
    BoxValues.pathProblem(launch.workspace())
        .ifPresent(
            problem -> {
              throw new CloudException(
                  ErrorCode.INVALID_SPEC,
                  "the chain workspace " + JsonLiteral.of(launch.workspace()) + " " + problem,
                  Map.of("workspace", launch.workspace()));
            });
  }
}
