package dev.megaplan.cloud.api.supervisor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.megaplan.cloud.api.internal.AllowNulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What one supervisor tick reports (spec 05): the JSON on stdout, field names as the seed's table
 * plus this project's additions. The one-line human summary is {@link #summaryLine()}.
 */
@Value.Immutable
@JsonPropertyOrder({
  "success",
  "event",
  "spec",
  "effective_status",
  "next_action",
  "acted",
  "refused_reason",
  "runner",
  "sync",
  "pr",
  "logs",
  "sync_refresh",
  "provider_consistency",
  "extra_repo_sync",
  "human_verification",
  "dry_run",
  "would"
})
abstract class AbstractTickReport {
  /** Whether the tick completed without error. */
  @JsonProperty("success")
  public abstract boolean success();

  /**
   * {@code supervisor_tick}, {@code supervisor_blocked}, {@code supervisor_advanced}, {@code
   * supervisor_restarted} or {@code supervisor_error}.
   */
  @JsonProperty("event")
  public abstract String event();

  /** The remote chain spec path, when known. */
  @JsonProperty("spec")
  public abstract Optional<String> spec();

  /** The classified status after the sync refresh, or {@code unknown}. */
  @JsonProperty("effective_status")
  public abstract String effectiveStatus();

  /**
   * {@code noop}, {@code done}, {@code blocked}, {@code advance}, {@code restart} or {@code none}.
   */
  @JsonProperty("next_action")
  public abstract String nextAction();

  /** Whether the tick changed anything on the box. */
  @JsonProperty("acted")
  public abstract boolean acted();

  /**
   * Why the supervisor refused to act or failed; empty (JSON null) for an idle tick ({@code noop}
   * for a running chain, {@code done}).
   */
  @JsonProperty("refused_reason")
  public abstract Optional<String> refusedReason();

  /** Runner liveness and session. */
  @JsonProperty("runner")
  @AllowNulls
  public abstract Map<String, Object> runner();

  /** The sync facts. */
  @JsonProperty("sync")
  @AllowNulls
  public abstract Map<String, Object> sync();

  /** PR number, state and head. */
  @JsonProperty("pr")
  @AllowNulls
  public abstract Map<String, Object> pr();

  /** Remote log paths with best-effort mtime and size. */
  @JsonProperty("logs")
  @AllowNulls
  public abstract Map<String, Object> logs();

  /** {@code {status: ok|failed|skipped, reason?, re_read?}}. */
  @JsonProperty("sync_refresh")
  @AllowNulls
  public abstract Map<String, Object> syncRefresh();

  /** The status payload's {@code provider_consistency}. */
  @JsonProperty("provider_consistency")
  @AllowNulls
  public abstract Map<String, Object> providerConsistency();

  /** Per extra repo sync facts, as megaplan recorded them. */
  @JsonProperty("extra_repo_sync")
  @AllowNulls
  public abstract List<Object> extraRepoSync();

  /** Human-verification facts. */
  @JsonProperty("human_verification")
  @AllowNulls
  public abstract Map<String, Object> humanVerification();

  /** Whether this was a dry run (nothing was executed). */
  @JsonProperty("dry_run")
  @JsonInclude(JsonInclude.Include.NON_DEFAULT)
  @Value.Default
  public boolean dryRun() {
    return false;
  }

  /** With a dry run: the action the tick would have taken. */
  @JsonProperty("would")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> would();

  /**
   * The one-line human summary for stderr.
   *
   * @return {@code supervisor tick: <event> | acted=<bool> | next_action=<action>[ |
   *     refused_reason=<reason>]}
   */
  public String summaryLine() {
    return "supervisor tick: "
        + event()
        + " | acted="
        + acted()
        + " | next_action="
        + nextAction()
        + refusedReason().map(reason -> " | refused_reason=" + reason).orElse("");
  }
}
