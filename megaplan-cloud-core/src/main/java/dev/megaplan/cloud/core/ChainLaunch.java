package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.api.config.RepoConfig;
import dev.megaplan.cloud.core.internal.dispatch.ChainLauncher;
import dev.megaplan.cloud.core.internal.dispatch.LaunchContext;
import dev.megaplan.cloud.core.internal.dispatch.LaunchOutcome;
import dev.megaplan.cloud.core.internal.marker.LastChainMarker;
import dev.megaplan.cloud.core.internal.remote.LaunchVerifier;
import dev.megaplan.cloud.core.internal.session.SessionContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One chain launch (spec 03): upload a local chain spec and its idea files, then start the chain in
 * tmux on the box, verify it, and remember it locally. Get one from {@link
 * CloudSession#chain(Path)}.
 *
 * <pre>{@code
 * ChainLaunchReport report = session.chain(Path.of("chain.yaml")).fresh(true).launch();
 * System.err.println(report.summaryLine());
 * }</pre>
 *
 * <p>Nothing is half-done: the spec, every idea file and every secret are checked before the box is
 * touched; all files go in one upload; a session that runs a different chain is left alone ({@code
 * chain_session_collision}). Errors are {@link CloudException}s with the codes of spec 03 ({@code
 * invalid_spec}, {@code missing_idea_file}, {@code cloud_preflight_failed}, {@code
 * agent_deps_missing}, {@code chain_session_collision}, {@code provider_failed}), their messages
 * redacted. Not thread-safe; launch once per instance.
 */
public final class ChainLaunch {
  private final SessionContext context;
  private final Path spec;
  private Path ideaDir;
  private boolean fresh;
  private boolean noGitRefresh;
  private int attempts = LaunchVerifier.DEFAULT_ATTEMPTS;
  private Duration interval = LaunchVerifier.DEFAULT_INTERVAL;
  private Consumer<String> specWarnings = warning -> {};

  ChainLaunch(SessionContext context, Path spec) {
    this.context = Objects.requireNonNull(context, "context");
    this.spec = Objects.requireNonNull(spec, "spec");
  }

  /**
   * Where idea files are looked up first; the spec's directory by default.
   *
   * @param ideaDir the directory
   * @return this launch
   */
  public ChainLaunch ideaDir(Path ideaDir) {
    this.ideaDir = Objects.requireNonNull(ideaDir, "ideaDir");
    return this;
  }

  /**
   * Discard existing chain state (and the current plan's directory) before starting ({@code
   * --fresh}).
   *
   * @param fresh whether to start over
   * @return this launch
   */
  public ChainLaunch fresh(boolean fresh) {
    this.fresh = fresh;
    return this;
  }

  /**
   * Pass {@code --no-git-refresh} to megaplan's chain driver.
   *
   * @param noGitRefresh whether to pass it
   * @return this launch
   */
  public ChainLaunch noGitRefresh(boolean noGitRefresh) {
    this.noGitRefresh = noGitRefresh;
    return this;
  }

  /**
   * Receives the chain spec's warnings (redacted) as soon as the spec is read, before the box is
   * touched: what megaplan accepts but reads in a way the author may not expect, such as a number
   * written as text or a repeated milestone label. None by default.
   *
   * @param listener receives each warning
   * @return this launch
   */
  public ChainLaunch onSpecWarning(Consumer<String> listener) {
    this.specWarnings = Objects.requireNonNull(listener, "listener");
    return this;
  }

  /**
   * How the launch is verified: up to {@code attempts} probes, {@code interval} apart (6 and 5 s by
   * default). Waiting goes through the session's sleeper.
   *
   * @param attempts the maximum number of probes, at least 1
   * @param interval the pause between probes
   * @return this launch
   */
  public ChainLaunch verification(int attempts, Duration interval) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts must be at least 1: " + attempts);
    }
    if (interval.isNegative()) {
      throw new IllegalArgumentException("interval must not be negative: " + interval);
    }
    this.attempts = attempts;
    this.interval = interval;
    return this;
  }

  /**
   * Launches (steps 1 to 11 of spec 03) and writes the local marker.
   *
   * @return the report
   * @throws CloudException see the class description
   */
  public ChainLaunchReport launch() {
    LaunchOutcome outcome =
        new ChainLauncher(context)
            .launch(
                new ChainLauncher.Request(
                    spec,
                    Optional.ofNullable(ideaDir),
                    fresh,
                    noGitRefresh,
                    attempts,
                    interval,
                    specWarnings));
    ChainLaunchReport report = new ChainLaunchReport(outcome, context.config());
    context.markers().writeLastChain(context.cloudYaml(), marker(outcome, report));
    return report;
  }

  @SuppressWarnings("unchecked")
  private LastChainMarker marker(LaunchOutcome outcome, ChainLaunchReport report) {
    CloudConfig config = context.config();
    LaunchContext launch = outcome.launch();
    List<Map<String, String>> extras = new ArrayList<>();
    for (RepoConfig extra : config.extraRepos()) {
      Map<String, String> entry = new LinkedHashMap<>();
      entry.put("url", extra.url());
      entry.put("branch", extra.branch());
      entry.put("workspace", context.provider().toRemotePath(extra.workspace()));
      extras.add(entry);
    }
    // the provenance is the launch report, redacted like stdout (a URL may carry a token)
    Map<String, Object> provenance =
        (Map<String, Object>) context.redactor().redactValue(report.toMap());
    return new LastChainMarker(
        launch.remoteSpec(),
        outcome.startedAt().toString(),
        outcome.baseBranch(),
        provenance,
        launch.workspace(),
        launch.session(),
        launch.chainLog(),
        extras,
        context.provider().name(),
        context.provider().identity());
  }
}
