package dev.megaplan.cloud.api.chain;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A parsed chain spec ({@code chain.yaml}). The format belongs to megaplan: unknown keys are kept
 * in {@link #document()} so that a normalized copy can be written back with nothing lost.
 */
@Value.Immutable
abstract class AbstractChainSpec {
  /** The milestones, in order. */
  public abstract List<Milestone> milestones();

  /** {@code seed.plan}: an existing plan the chain starts from. */
  public abstract Optional<String> seedPlan();

  /** {@code base_branch} as written; when absent a launch uses {@code repo.branch}. */
  public abstract Optional<String> baseBranch();

  /** {@code merge_policy}; {@code manual} is stored as {@link MergePolicy#REVIEW}. */
  @Value.Default
  public MergePolicy mergePolicy() {
    return MergePolicy.AUTO;
  }

  /** {@code on_failure}. */
  @Value.Default
  public FailurePolicy onFailure() {
    return FailurePolicy.stopChain();
  }

  /** {@code on_escalate}. */
  @Value.Default
  public FailurePolicy onEscalate() {
    return FailurePolicy.stopChain();
  }

  /** {@code prerequisite_policy}. */
  @Value.Default
  public PolicyLevel prerequisitePolicy() {
    return PolicyLevel.NONE;
  }

  /** {@code validation_policy}. */
  @Value.Default
  public PolicyLevel validationPolicy() {
    return PolicyLevel.NONE;
  }

  /** {@code review_policy.clean_milestone_pr}. */
  @Value.Default
  public ReviewMode cleanMilestonePr() {
    return ReviewMode.AUTO;
  }

  /** The {@code driver} block with defaults filled in. */
  @Value.Default
  public DriverSettings driver() {
    return DriverSettings.builder().build();
  }

  /**
   * The whole document as parsed (ordered maps, lists, strings, numbers, booleans, nulls), unknown
   * keys included. Not part of equality.
   */
  @Value.Auxiliary
  public abstract Map<String, Object> document();

  /**
   * The milestone labels in order.
   *
   * @return the labels
   */
  public List<String> labels() {
    return milestones().stream()
        .map(Milestone::label)
        .collect(java.util.stream.Collectors.toList());
  }
}
