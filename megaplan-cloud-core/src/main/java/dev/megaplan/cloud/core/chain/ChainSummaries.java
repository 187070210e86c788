package dev.megaplan.cloud.core.chain;

import dev.megaplan.cloud.api.chain.ChainPolicy;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.ChainSummary;
import dev.megaplan.cloud.api.chain.CurrentMilestone;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.api.chain.MilestoneProgress;
import dev.megaplan.cloud.api.chain.MilestoneRef;
import dev.megaplan.cloud.api.chain.MilestoneStatus;
import dev.megaplan.cloud.api.chain.SyncFacts;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Builds the chain summary that {@code status --chain} reports (spec 02, "Chain summary") from the
 * chain spec and the chain state, as megaplan's own chain status does.
 *
 * <p>A milestone is {@link MilestoneStatus#COMPLETED} when its label is in the state's {@code
 * completed} list, else {@link MilestoneStatus#IN_PROGRESS} when it is the current milestone and
 * the state names a (non-empty) current plan, else {@link MilestoneStatus#PENDING}. {@code
 * remaining} lists every milestone that is not completed, the one in progress included.
 */
public final class ChainSummaries {
  private ChainSummaries() {}

  /**
   * Summarizes a chain.
   *
   * @param spec the chain spec (the remote copy)
   * @param state the chain state ({@link ChainState#empty()} when the state file is missing)
   * @param baseBranchFallback the base branch to report when the spec does not set {@code
   *     base_branch} (the configured {@code repo.branch}, which the uploaded copy was given)
   * @return the summary
   */
  public static ChainSummary summarize(
      ChainSpec spec, ChainState state, String baseBranchFallback) {
    Objects.requireNonNull(baseBranchFallback, "baseBranchFallback");
    List<Milestone> milestones = spec.milestones();
    Set<String> completedLabels = new HashSet<>(state.completedLabels());
    int current = state.currentMilestoneIndex();
    boolean planSet = state.currentPlanName().filter(name -> !name.isEmpty()).isPresent();

    ChainSummary.Builder summary = ChainSummary.builder();
    if (current >= 0 && current < milestones.size()) {
      Milestone milestone = milestones.get(current);
      summary.currentMilestone(
          CurrentMilestone.builder()
              .label(milestone.label())
              .index(current)
              .branch(milestone.branch().filter(branch -> !branch.isEmpty()))
              .build());
    }
    for (int index = 0; index < milestones.size(); index++) {
      String label = milestones.get(index).label();
      MilestoneStatus status;
      if (completedLabels.contains(label)) {
        status = MilestoneStatus.COMPLETED;
      } else if (index == current && planSet) {
        status = MilestoneStatus.IN_PROGRESS;
      } else {
        status = MilestoneStatus.PENDING;
      }
      summary.addPerMilestone(MilestoneProgress.of(label, index, status));
      if (status == MilestoneStatus.COMPLETED) {
        summary.addCompleted(MilestoneRef.of(label, index));
      } else {
        summary.addRemaining(MilestoneRef.of(label, index));
      }
    }
    return summary
        .seedPlan(spec.seedPlan())
        .baseBranch(spec.baseBranch().orElse(baseBranchFallback))
        .currentPlanName(state.currentPlanName())
        .lastState(state.lastState())
        .sync(SyncFacts.of(state))
        .policy(ChainPolicy.of(spec))
        .prNumber(state.prNumber())
        .prState(state.prState())
        .build();
  }
}
