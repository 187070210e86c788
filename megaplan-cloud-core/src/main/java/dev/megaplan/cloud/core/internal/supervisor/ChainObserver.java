package dev.megaplan.cloud.core.internal.supervisor;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.provider.RemoteShell;
import dev.megaplan.cloud.api.status.ChainStatus;
import dev.megaplan.cloud.core.internal.remote.SyncRefreshCommand;
import java.time.Duration;
import java.util.Optional;

/**
 * Reads a chain's status for the supervisor (spec 04), optionally probing its PR in the same exec.
 */
@FunctionalInterface
public interface ChainObserver {
  /**
   * One observation.
   *
   * @param probePullRequest whether to ask {@code gh} for the PR's state too
   * @return the status, and the PR probe's lower-cased answer when probed
   * @throws dev.megaplan.cloud.api.CloudException when the status cannot be read
   */
  Observed observe(boolean probePullRequest);

  /**
   * The supervisor's sync refresh, then an observation that sees what it changed. This default runs
   * them one after the other (two execs); an observer that builds its own probe runs both in one.
   *
   * @param shell the box's shell
   * @param refresh the sync refresh
   * @param timeout how long the refresh may take
   * @param probePullRequest whether to ask {@code gh} for the PR's state too
   * @return how the refresh went and the observation, absent when it could not be read
   */
  default Refreshed refreshThenObserve(
      RemoteShell shell, SyncRefreshCommand refresh, Duration timeout, boolean probePullRequest) {
    Optional<String> failure;
    try {
      failure = SyncRefreshCommand.parse(shell.exec(refresh.render(), timeout));
    } catch (CloudException e) {
      failure = Optional.of(e.getMessage());
    }
    try {
      return new Refreshed(failure, Optional.of(observe(probePullRequest)));
    } catch (CloudException e) {
      return new Refreshed(failure, Optional.empty());
    }
  }

  /**
   * An observation.
   *
   * @param status the chain status payload
   * @param prMergeState the PR probe's answer, when probed
   */
  record Observed(ChainStatus status, Optional<String> prMergeState) {}

  /**
   * A sync refresh and the observation after it.
   *
   * @param refreshFailure why the refresh failed (not redacted yet), empty when it succeeded
   * @param observed the observation, empty when the status could not be read again
   */
  record Refreshed(Optional<String> refreshFailure, Optional<Observed> observed) {}
}
