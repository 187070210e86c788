package dev.megaplan.cloud.core.internal.supervisor;

import dev.megaplan.cloud.api.status.ChainStatus;
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
   * An observation.
   *
   * @param status the chain status payload
   * @param prMergeState the PR probe's answer, when probed
   */
  record Observed(ChainStatus status, Optional<String> prMergeState) {}
}
