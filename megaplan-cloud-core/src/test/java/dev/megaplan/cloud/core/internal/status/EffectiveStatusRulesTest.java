package dev.megaplan.cloud.core.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EffectiveStatusRulesTest {
  /** A running chain at milestone 1 of 3: each test changes what its rule reads. */
  private static final class Facts {
    int count = 3;
    int index = 1;
    String lastState = "running";
    String plan = "m2-plan";
    String planStatus = "running";
    RunnerState runner = RunnerState.ALIVE;
    boolean verified = false;
    String sync = "clean";
    PolicyLevel prerequisite = PolicyLevel.NONE;
    PolicyLevel validation = PolicyLevel.NONE;

    EffectiveStatus classify() {
      return EffectiveStatusRules.classify(
          new StatusFacts(
              count,
              index,
              Optional.ofNullable(lastState),
              Optional.ofNullable(plan),
              Optional.ofNullable(planStatus),
              runner,
              verified,
              Optional.ofNullable(sync),
              prerequisite,
              validation));
    }
  }

  @Test
  void aLiveRunnerOnARunningPlanIsRunning() {
    assertEquals(EffectiveStatus.RUNNING, new Facts().classify());
  }

  @Test
  void anIndexPastTheLastMilestoneIsCompleteEvenWithADeadRunner() {
    Facts facts = new Facts();
    facts.index = 3;
    facts.runner = RunnerState.DEAD;
    facts.lastState = "awaiting_pr_merge";
    assertEquals(EffectiveStatus.COMPLETE, facts.classify());
  }

  @Test
  void aChainWithoutMilestonesIsNeverComplete() {
    Facts facts = new Facts();
    facts.count = 0;
    facts.index = 0;
    assertEquals(EffectiveStatus.RUNNING, facts.classify());
  }

  @Test
  void awaitingPrMergeWinsOverEverythingButComplete() {
    Facts facts = new Facts();
    facts.lastState = "awaiting_pr_merge";
    facts.runner = RunnerState.DEAD;
    facts.planStatus = "awaiting_human_verify";
    assertEquals(EffectiveStatus.AWAITING_PR_MERGE, facts.classify());
  }

  @Test
  void pendingHumanVerificationIsAwaitingHumanVerify() {
    Facts facts = new Facts();
    facts.planStatus = "awaiting_human_verify";
    assertEquals(EffectiveStatus.AWAITING_HUMAN_VERIFY, facts.classify());
  }

  @Test
  void settledVerificationWithALiveRunnerIsRunning() {
    Facts facts = new Facts();
    facts.planStatus = "awaiting_human_verify";
    facts.verified = true;
    assertEquals(EffectiveStatus.RUNNING, facts.classify());
  }

  @Test
  void settledVerificationWithADeadRunnerIsStale() {
    Facts facts = new Facts();
    facts.planStatus = "awaiting_human_verify";
    facts.verified = true;
    facts.runner = RunnerState.DEAD;
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, facts.classify());
  }

  @Test
  void settledVerificationWithAnUnknownRunnerIsStale() {
    Facts facts = new Facts();
    facts.planStatus = "awaiting_human_verify";
    facts.verified = true;
    facts.runner = RunnerState.UNKNOWN;
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, facts.classify());
  }

  @Test
  void anUnknownRunnerGetsTheBenefitOfTheDoubt() {
    Facts facts = new Facts();
    facts.runner = RunnerState.UNKNOWN;
    facts.planStatus = "in_progress";
    assertEquals(EffectiveStatus.RUNNING, facts.classify());
  }

  @Test
  void aDeadRunnerIsNeverRunningWhateverThePlanClaims() {
    Facts facts = new Facts();
    facts.runner = RunnerState.DEAD;
    facts.planStatus = "active";
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, facts.classify());
  }

  @Test
  void aStoppedPlanWithStaleSyncIsStaleBookkeeping() {
    Facts facts = new Facts();
    facts.planStatus = "blocked";
    facts.sync = "dirty";
    facts.prerequisite = PolicyLevel.REQUIRED;
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, facts.classify());
  }

  @Test
  void aStoppedPlanUnderARequiredPrerequisitePolicyIsHumanPrerequisite() {
    Facts facts = new Facts();
    facts.planStatus = "blocked";
    facts.prerequisite = PolicyLevel.REQUIRED;
    facts.validation = PolicyLevel.REQUIRED;
    assertEquals(EffectiveStatus.HUMAN_PREREQUISITE, facts.classify());
  }

  @Test
  void aStoppedPlanUnderARequiredValidationPolicyIsQualityGate() {
    Facts facts = new Facts();
    facts.planStatus = "failed";
    facts.validation = PolicyLevel.REQUIRED;
    assertEquals(EffectiveStatus.QUALITY_GATE, facts.classify());
  }

  @Test
  void aStoppedPlanWithoutPoliciesAndALiveRunnerIsRunning() {
    Facts facts = new Facts();
    facts.planStatus = "done";
    assertEquals(EffectiveStatus.RUNNING, facts.classify());
  }

  @Test
  void aStoppedPlanWithoutPoliciesAndADeadRunnerIsStale() {
    Facts facts = new Facts();
    facts.planStatus = "done";
    facts.runner = RunnerState.DEAD;
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, facts.classify());
  }

  @Test
  void noPlanAndARunnerThatIsNotAliveIsStale() {
    Facts facts = new Facts();
    facts.plan = null;
    facts.planStatus = null;
    facts.runner = RunnerState.UNAVAILABLE;
    assertEquals(EffectiveStatus.STALE_BOOKKEEPING, facts.classify());
  }

  @Test
  void noPlanAndALiveRunnerIsRunning() {
    Facts facts = new Facts();
    facts.plan = null;
    facts.planStatus = null;
    facts.index = -1;
    assertEquals(EffectiveStatus.RUNNING, facts.classify());
  }

  @Test
  void connectedReadsAsAlive() {
    assertEquals(RunnerState.ALIVE, RunnerState.fromWireName("connected"));
    assertEquals(RunnerState.UNKNOWN, RunnerState.fromWireName("sleeping"));
  }
}
