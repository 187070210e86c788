package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.megaplan.cloud.api.internal.AllowNulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A parsed chain spec ({@code chain.yaml}). The format belongs to megaplan: unknown keys are kept
 * in {@link #document()} so that a normalized copy can be written back with nothing lost.
 */
@Value.Immutable
@JsonPropertyOrder({
  "milestones",
  "seed",
  "base_branch",
  "merge_policy",
  "on_failure",
  "on_escalate",
  "prerequisite_policy",
  "validation_policy",
  "review_policy",
  "driver"
})
abstract class AbstractChainSpec {
  /** The milestones, in order. */
  @JsonProperty("milestones")
  public abstract List<Milestone> milestones();

  /** {@code seed.plan}: an existing plan the chain starts from. */
  @JsonIgnore
  public abstract Optional<String> seedPlan();

  /** {@code base_branch} as written; when absent a launch uses {@code repo.branch}. */
  @JsonProperty("base_branch")
  public abstract Optional<String> baseBranch();

  /** {@code merge_policy}; {@code manual} is stored as {@link MergePolicy#REVIEW}. */
  @JsonProperty("merge_policy")
  @Value.Default
  public MergePolicy mergePolicy() {
    return MergePolicy.AUTO;
  }

  /** {@code on_failure}. */
  @JsonProperty("on_failure")
  @Value.Default
  public FailurePolicy onFailure() {
    return FailurePolicy.stopChain();
  }

  /** {@code on_escalate}. */
  @JsonProperty("on_escalate")
  @Value.Default
  public FailurePolicy onEscalate() {
    return FailurePolicy.stopChain();
  }

  /** {@code prerequisite_policy}. */
  @JsonProperty("prerequisite_policy")
  @Value.Default
  public PolicyLevel prerequisitePolicy() {
    return PolicyLevel.NONE;
  }

  /** {@code validation_policy}. */
  @JsonProperty("validation_policy")
  @Value.Default
  public PolicyLevel validationPolicy() {
    return PolicyLevel.NONE;
  }

  /** {@code review_policy.clean_milestone_pr}. */
  @JsonIgnore
  @Value.Default
  public ReviewMode cleanMilestonePr() {
    return ReviewMode.AUTO;
  }

  /** The {@code driver} block with defaults filled in. */
  @JsonProperty("driver")
  @Value.Default
  public DriverSettings driver() {
    return DriverSettings.builder().build();
  }

  /**
   * The whole document as parsed (ordered maps, lists, strings, numbers, booleans, nulls), unknown
   * keys included. Not part of equality.
   */
  @Value.Auxiliary
  @JsonIgnore
  @AllowNulls
  public abstract Map<String, Object> document();

  /**
   * The JSON form of {@code seed}, as chain.yaml nests it.
   *
   * @return {@code {plan: …}}, or null without a seed plan
   */
  @JsonProperty("seed")
  public Map<String, String> seedJson() {
    return seedPlan().map(plan -> Map.of("plan", plan)).orElse(null);
  }

  /**
   * The JSON form of {@code review_policy}, as chain.yaml nests it.
   *
   * @return {@code {clean_milestone_pr: …}}
   */
  @JsonProperty("review_policy")
  public Map<String, String> reviewPolicyJson() {
    return Map.of("clean_milestone_pr", cleanMilestonePr().wireName());
  }

  /**
   * The milestone labels in order.
   *
   * @return the labels
   */
  @JsonIgnore
  public List<String> labels() {
    return milestones().stream()
        .map(Milestone::label)
        .collect(java.util.stream.Collectors.toList());
  }
}
