package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.ExecResult;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.core.internal.remote.SyncRefreshCommand;
import dev.megaplan.cloud.core.internal.supervisor.ChainObserver;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The supervisor's view of a chain through a session's {@link ChainStatusOperation}: the PR probe
 * is asked for with the PR number the previous read found (the first read has none yet; the
 * supervisor asks for the probe only when the chain awaits a PR merge, and then the state it just
 * read names the PR), and the sync refresh runs in the same exec as the re-observation.
 */
public final class StatusObserver implements ChainObserver {
  private final ChainStatusOperation status;
  private final Optional<String> remoteSpec;
  private OptionalLong lastPr = OptionalLong.empty();

  /**
   * An observer of one chain.
   *
   * @param status the session's status reads
   * @param remoteSpec the explicit remote spec, if given
   */
  public StatusObserver(ChainStatusOperation status, Optional<String> remoteSpec) {
    this.status = Objects.requireNonNull(status, "status");
    this.remoteSpec = Objects.requireNonNull(remoteSpec, "remoteSpec");
  }

  @Override
  public Observed observe(boolean probePullRequest) {
    return remember(status.observe(remoteSpec, prToProbe(probePullRequest)));
  }

  /** One exec: the refresh's text runs first, then the probe reads what it changed. */
  @Override
  public Refreshed refreshThenObserve(
      RemoteShell shell, SyncRefreshCommand refresh, Duration timeout, boolean probePullRequest) {
    ExecResult[] answer = {null};
    Optional<Observed> observed;
    String readFailure;
    try {
      observed =
          Optional.of(
              remember(
                  status.observeAfter(
                      remoteSpec,
                      prToProbe(probePullRequest),
                      refresh.render(),
                      timeout,
                      result -> answer[0] = result)));
      readFailure = null;
    } catch (CloudException e) {
      observed = Optional.empty();
      readFailure = e.getMessage();
    }
    Optional<String> refreshFailure;
    if (answer[0] != null) {
      refreshFailure = SyncRefreshCommand.parse(answer[0]);
    } else {
      refreshFailure =
          Optional.of(readFailure != null ? readFailure : "the sync refresh gave no answer");
    }
    return new Refreshed(refreshFailure, observed);
  }

  private OptionalLong prToProbe(boolean probePullRequest) {
    return probePullRequest ? lastPr : OptionalLong.empty();
  }

  private Observed remember(Observed observed) {
    observed.status().chainState().prNumber().ifPresent(number -> lastPr = OptionalLong.of(number));
    return observed;
  }
}
