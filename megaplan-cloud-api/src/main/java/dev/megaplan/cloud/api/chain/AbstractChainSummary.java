package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * What {@code status --chain} reports about a chain's progress, built from the chain spec and the
 * chain state (by {@code ChainSummaries} in core).
 *
 * <p>JSON form, in this order: {@code current_milestone} ({@code null} when the index is out of
 * range), {@code completed}, {@code remaining}, {@code per_milestone}, {@code seed_plan}, {@code
 * base_branch}, {@code current_plan_name}, {@code last_state}, {@code sync}, {@code policy} (the
 * chain.yaml policy, without a {@code source}), and {@code pr_number} / {@code pr_state} only when
 * the state has a PR.
 */
@Value.Immutable
@JsonPropertyOrder({
  "current_milestone",
  "completed",
  "remaining",
  "per_milestone",
  "seed_plan",
  "base_branch",
  "current_plan_name",
  "last_state",
  "sync",
  "policy"
})
abstract class AbstractChainSummary {
  /** The milestone the state points at, absent when its index is outside the milestone list. */
  @JsonProperty("current_milestone")
  public abstract Optional<CurrentMilestone> currentMilestone();

  /** The completed milestones, in spec order. */
  @JsonProperty("completed")
  public abstract List<MilestoneRef> completed();

  /** Every milestone not completed (in progress included), in spec order. */
  @JsonProperty("remaining")
  public abstract List<MilestoneRef> remaining();

  /** Every milestone with its status, in spec order. */
  @JsonProperty("per_milestone")
  public abstract List<MilestoneProgress> perMilestone();

  /** The spec's {@code seed.plan}. */
  @JsonProperty("seed_plan")
  public abstract Optional<String> seedPlan();

  /** The spec's {@code base_branch}, or the caller's fallback when the spec does not set it. */
  @JsonProperty("base_branch")
  public abstract String baseBranch();

  /** The state's {@code current_plan_name}. */
  @JsonProperty("current_plan_name")
  public abstract Optional<String> currentPlanName();

  /** The state's {@code last_state}. */
  @JsonProperty("last_state")
  public abstract Optional<String> lastState();

  /** The state's sync facts. */
  @JsonProperty("sync")
  public abstract SyncFacts sync();

  /**
   * The policy declared in chain.yaml (never the runtime overrides; the status payload carries the
   * effective policy separately). Its {@code source} is not rendered here.
   */
  @JsonProperty("policy")
  @JsonIgnoreProperties("source")
  public abstract ChainPolicy policy();

  /** The state's {@code pr_number}; a summary "has a PR" when this is present. */
  public abstract OptionalInt prNumber();

  /** The state's {@code pr_state}. */
  public abstract Optional<String> prState();

  @JsonAnyGetter
  Map<String, Object> prJson() {
    Map<String, Object> fields = new LinkedHashMap<>();
    if (prNumber().isPresent()) {
      fields.put("pr_number", prNumber().getAsInt());
      fields.put("pr_state", prState().orElse(null));
    }
    return fields;
  }
}
