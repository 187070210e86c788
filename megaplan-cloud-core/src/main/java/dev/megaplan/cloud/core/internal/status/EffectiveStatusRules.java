package dev.megaplan.cloud.core.internal.status;

import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import java.util.Set;

/**
 * The effective-status rules of spec 04, first match wins. Stricter than the Python tool in one
 * place: a dead runner is never {@code running}, whatever the plan claims (rule 6).
 */
public final class EffectiveStatusRules {
  private static final Set<String> RUNNING_PLAN_STATES = Set.of("running", "active", "in_progress");

  private EffectiveStatusRules() {}

  /**
   * Classifies a chain.
   *
   * @param facts what was observed
   * @return the effective status
   */
  public static EffectiveStatus classify(StatusFacts facts) {
    if (facts.milestoneCount() > 0 && facts.currentMilestoneIndex() >= facts.milestoneCount()) {
      return EffectiveStatus.COMPLETE;
    }
    if (facts.lastState().filter("awaiting_pr_merge"::equals).isPresent()) {
      return EffectiveStatus.AWAITING_PR_MERGE;
    }
    if (facts.planStatus().filter("awaiting_human_verify"::equals).isPresent()) {
      if (!facts.humanVerificationSettled()) {
        return EffectiveStatus.AWAITING_HUMAN_VERIFY;
      }
      return facts.runner().isAlive() ? EffectiveStatus.RUNNING : EffectiveStatus.STALE_BOOKKEEPING;
    }
    boolean planRunning = facts.planStatus().filter(RUNNING_PLAN_STATES::contains).isPresent();
    if (planRunning && (facts.runner().isAlive() || facts.runner() == RunnerState.UNKNOWN)) {
      return EffectiveStatus.RUNNING;
    }
    if (facts.currentPlan().isPresent() && !planRunning) {
      String sync = facts.syncState().orElse("");
      if (sync.equals("stale") || sync.equals("dirty")) {
        return EffectiveStatus.STALE_BOOKKEEPING;
      }
      if (facts.prerequisitePolicy() == PolicyLevel.REQUIRED) {
        return EffectiveStatus.HUMAN_PREREQUISITE;
      }
      if (facts.validationPolicy() == PolicyLevel.REQUIRED) {
        return EffectiveStatus.QUALITY_GATE;
      }
    }
    if (facts.runner() == RunnerState.DEAD
        || (facts.currentPlan().isEmpty() && !facts.runner().isAlive())) {
      return EffectiveStatus.STALE_BOOKKEEPING;
    }
    return EffectiveStatus.RUNNING;
  }
}
