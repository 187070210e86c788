package dev.megaplan.cloud.api.supervisor;

import dev.megaplan.cloud.api.internal.AllowNulls;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What the supervisor's pure policy decides from: the facts of a chain status payload (spec 04)
 * plus two gathered during the tick, {@code pr_merge_state} and {@code remote_shell}. The policy
 * trusts {@link #effectiveStatus()}; it does not re-classify.
 */
@Value.Immutable
abstract class AbstractObservation {
  /** The classified status. */
  public abstract EffectiveStatus effectiveStatus();

  /** The status as written in the payload (kept for an unknown value's message). */
  @Value.Default
  public String effectiveStatusText() {
    return effectiveStatus().wireName();
  }

  /** {@code consistent}, {@code mismatch} or {@code not_applicable}. */
  @Value.Default
  public String providerConsistency() {
    return "not_applicable";
  }

  /** Why provider consistency is a mismatch, when it is. */
  public abstract Optional<String> providerConsistencyDetail();

  /** The runner's state. */
  public abstract RunnerState runner();

  /** The chain's session ({@code resolved_session}). */
  public abstract String session();

  /** The remote chain spec path. */
  public abstract String remoteSpec();

  /** The chain's workspace ({@code resolved_workspace}). */
  public abstract String workspace();

  /** The chain log path. */
  public abstract String chainLog();

  /** The current milestone's PR number, when there is one. */
  public abstract OptionalInt prNumber();

  /**
   * The PR state recorded in the chain state: informational, since the state may be stale; the
   * policy acts only on {@link #prMergeState()}.
   */
  public abstract Optional<String> prState();

  /**
   * The PR probe's lower-cased answer as {@code gh} gave it (possibly empty), when probed; the only
   * PR state a merge is confirmed by.
   */
  public abstract Optional<String> prMergeState();

  /** Whether human-verification facts are available with {@code latest_verdict} semantics. */
  public abstract boolean humanVerificationAvailable();

  /** Why verification facts are unavailable, when they are. */
  public abstract Optional<String> humanVerificationReason();

  /** Criteria still pending. */
  @Value.Default
  public int humanVerificationPending() {
    return 0;
  }

  /** Criteria verified. */
  @Value.Default
  public int humanVerificationVerified() {
    return 0;
  }

  /** Whether every deferred must-criterion is verified. */
  @Value.Default
  public boolean allDeferredMustVerified() {
    return false;
  }

  /** Whether the provider can run commands on the box. */
  public abstract boolean remoteShell();

  /** The whole status payload the facts were read from (JSON-friendly JDK values). */
  @Value.Auxiliary
  @AllowNulls
  public abstract Map<String, Object> payload();
}
