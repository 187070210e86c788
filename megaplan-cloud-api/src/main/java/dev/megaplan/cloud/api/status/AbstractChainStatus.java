package dev.megaplan.cloud.api.status;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.megaplan.cloud.api.chain.ChainPolicy;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.ChainSummary;
import dev.megaplan.cloud.api.chain.SyncFacts;
import dev.megaplan.cloud.api.internal.AllowNulls;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The observed status of a remote chain: the payload of {@code status --chain} (spec 04), whose
 * JSON field names are a public contract that scripts and dashboards parse. Built only from reads.
 */
@Value.Immutable
@JsonPropertyOrder({
  "success",
  "spec",
  "milestone_count",
  "seed_plan",
  "chain_state",
  "summary",
  "effective_status",
  "policy",
  "sync",
  "plan_status",
  "runner",
  "logs",
  "pr",
  "provider_consistency",
  "human_verification",
  "resolved_workspace",
  "resolved_session",
  "resolved_context"
})
abstract class AbstractChainStatus {
  /** Always true: a status that could not be read is an error, not a payload. */
  @JsonProperty("success")
  @Value.Derived
  public boolean success() {
    return true;
  }

  /** The remote chain spec path. */
  @JsonProperty("spec")
  public abstract String spec();

  /** Milestones in the remote spec. */
  @JsonProperty("milestone_count")
  public abstract int milestoneCount();

  /** The spec's seed plan. */
  @JsonProperty("seed_plan")
  public abstract Optional<String> seedPlan();

  /** The remote chain state (defaults when the file is missing). */
  @JsonProperty("chain_state")
  public abstract ChainState chainState();

  /** The chain summary rendered from spec and state. */
  @JsonProperty("summary")
  public abstract ChainSummary summary();

  /** Where the chain stands. */
  @JsonProperty("effective_status")
  public abstract EffectiveStatus effectiveStatus();

  /** The effective chain policy (runtime overrides applied). */
  @JsonProperty("policy")
  public abstract ChainPolicy policy();

  /** The five sync facts of the state. */
  @JsonProperty("sync")
  public abstract SyncFacts sync();

  /** megaplan's status of the current plan, or {@code {status: missing|unavailable, reason}}. */
  @JsonProperty("plan_status")
  @AllowNulls
  public abstract Map<String, Object> planStatus();

  /**
   * The runner: {@code {status: alive|dead, session, detail: "tmux session present|absent"}} or
   * {@code {status: unknown|unavailable, session, reason}}.
   */
  @JsonProperty("runner")
  @AllowNulls
  public abstract Map<String, Object> runner();

  /** Log locations: workspace, plan log, agent log, chain log with mtime and size. */
  @JsonProperty("logs")
  @AllowNulls
  public abstract Map<String, Object> logs();

  /** The PR facts, or {@code {status: none}}. */
  @JsonProperty("pr")
  @AllowNulls
  public abstract Map<String, Object> pr();

  /**
   * {@code {status: consistent|mismatch|not_applicable, reason?, spec_provider, spec_identity?,
   * marker_provider?, marker_identity?}}.
   */
  @JsonProperty("provider_consistency")
  @AllowNulls
  public abstract Map<String, Object> providerConsistency();

  /** Human-verification facts, or {@code {status: unavailable, reason}}. */
  @JsonProperty("human_verification")
  @AllowNulls
  public abstract Map<String, Object> humanVerification();

  /** The workspace the chain runs in. */
  @JsonProperty("resolved_workspace")
  public abstract String resolvedWorkspace();

  /** The chain's tmux session. */
  @JsonProperty("resolved_session")
  public abstract String resolvedSession();

  /**
   * The execution context and where each fact came from: {@code {workspace, chain_session,
   * extra_repos, remote_spec, source: {workspace, session, extra_repos, remote_spec}}}.
   */
  @JsonProperty("resolved_context")
  @AllowNulls
  public abstract Map<String, Object> resolvedContext();

  /**
   * The runner's state, read from {@link #runner()}.
   *
   * @return the state
   */
  public RunnerState runnerState() {
    Object status = runner().get("status");
    return RunnerState.fromWireName(status == null ? "unknown" : status.toString());
  }
}
