package dev.megaplan.cloud.core.chain;

import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.CompletedMilestone;
import dev.megaplan.cloud.api.chain.Milestone;

/** The three-milestone chain of spec 02's summary example. */
final class ChainFixtures {
  private ChainFixtures() {}

  static Milestone milestone(String label) {
    return Milestone.builder().label(label).idea("ideas/" + label + ".md").build();
  }

  /** m1, m2, m3; no base branch, no seed plan, default policies. */
  static ChainSpec threeMilestones() {
    return ChainSpec.builder()
        .addMilestones(milestone("m1"), milestone("m2"), milestone("m3"))
        .build();
  }

  /** m1 completed, m2 current with plan m2-plan, running. */
  static ChainState secondRunning() {
    return ChainState.builder()
        .currentMilestoneIndex(1)
        .currentPlanName("m2-plan")
        .lastState("running")
        .addCompleted(CompletedMilestone.of("m1"))
        .build();
  }
}
