package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.Observation;
import dev.megaplan.cloud.api.supervisor.RestartTarget;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SupervisorPolicyTest {
  private static Observation.Builder observation(EffectiveStatus status, RunnerState runner) {
    return Observation.builder()
        .effectiveStatus(status)
        .runner(runner)
        .session("megaplan-chain-epic-1a2b3c4d")
        .remoteSpec("/workspace/epic-1a2b3c4d/app/chain.yaml")
        .workspace("/workspace/epic-1a2b3c4d/app")
        .chainLog("/workspace/epic-1a2b3c4d/app/.megaplan/cloud-chain-x.log")
        .humanVerificationAvailable(false)
        .remoteShell(true)
        .payload(Map.of());
  }

  private static Decision decide(Observation.Builder builder) {
    return SupervisorPolicy.decide(builder.build());
  }

  @Test
  void providerMismatchBlocksBeforeAnythingElse() {
    Decision decision =
        decide(
            observation(EffectiveStatus.STALE_BOOKKEEPING, RunnerState.DEAD)
                .providerConsistency("mismatch")
                .providerConsistencyDetail("marker provider local != railway"));
    assertEquals("blocked", decision.nextAction());
    assertEquals("supervisor_blocked", decision.event());
    assertEquals(
        Optional.of("provider consistency mismatch: marker provider local != railway"),
        decision.refusedReason());
  }

  @Test
  void runningIsANoopTick() {
    Decision decision = decide(observation(EffectiveStatus.RUNNING, RunnerState.ALIVE));
    assertEquals("noop", decision.nextAction());
    assertEquals("supervisor_tick", decision.event());
    assertFalse(decision.mutates());
    // refused_reason explains a refusal to act; an idle tick has none
    assertEquals(Optional.empty(), decision.refusedReason());
  }

  @Test
  void completeIsDone() {
    Decision decision = decide(observation(EffectiveStatus.COMPLETE, RunnerState.DEAD));
    assertEquals("done", decision.nextAction());
    assertEquals("supervisor_tick", decision.event());
    assertEquals(Optional.empty(), decision.refusedReason());
  }

  @Test
  void humanPrerequisiteIsBlockedWithTheResolutionCommands() {
    Decision decision = decide(observation(EffectiveStatus.HUMAN_PREREQUISITE, RunnerState.DEAD));
    assertEquals("blocked", decision.nextAction());
    assertEquals(
        "human prerequisite is required and unmet; resolve with `megaplan user-action resolve` or"
            + " `megaplan chain override`",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void qualityGateIsBlocked() {
    Decision decision = decide(observation(EffectiveStatus.QUALITY_GATE, RunnerState.DEAD));
    assertEquals(
        "validation policy required and the gate is failing; a human must resolve it or accept"
            + " with debt",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void aMergedPrAdvancesTheChain() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_PR_MERGE, RunnerState.DEAD)
                .prNumber(101)
                .prState("open")
                .prMergeState("merged"));
    Decision.Advance advance = assertInstanceOf(Decision.Advance.class, decision);
    assertEquals(101, advance.prNumber());
    assertEquals("supervisor_advanced", decision.event());
    assertEquals("megaplan-chain-epic-1a2b3c4d", advance.target().session());
    assertTrue(decision.mutates());
  }

  @Test
  void anOpenPrBlocksWithTheExactReason() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_PR_MERGE, RunnerState.DEAD)
                .prNumber(101)
                .prState("open")
                .prMergeState("open"));
    assertEquals(
        "awaiting PR merge (PR #101 state=open); supervisor will not advance until PR is merged",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void anUnprobedPrIsUnknownEvenWhenTheStateRecordsAMerge() {
    // only gh confirms a merge: the state file's pr_state may be stale
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_PR_MERGE, RunnerState.DEAD)
                .prNumber(7)
                .prState("merged"));
    assertEquals("blocked", decision.nextAction());
    assertEquals(
        "awaiting PR merge (PR #7 state=unknown); supervisor will not advance until PR is merged",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void anEmptyGhAnswerIsReportedAsItCame() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_PR_MERGE, RunnerState.DEAD)
                .prNumber(7)
                .prState("open")
                .prMergeState(""));
    assertEquals("blocked", decision.nextAction());
    assertEquals(
        "awaiting PR merge (PR #7 state=); supervisor will not advance until PR is merged",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void aStaleChainWithADeadRunnerIsRestarted() {
    Decision decision = decide(observation(EffectiveStatus.STALE_BOOKKEEPING, RunnerState.DEAD));
    Decision.Restart restart = assertInstanceOf(Decision.Restart.class, decision);
    assertEquals(
        new RestartTarget(
            "megaplan-chain-epic-1a2b3c4d",
            "/workspace/epic-1a2b3c4d/app/chain.yaml",
            "/workspace/epic-1a2b3c4d/app",
            "/workspace/epic-1a2b3c4d/app/.megaplan/cloud-chain-x.log"),
        restart.target());
    assertEquals("supervisor_restarted", decision.event());
  }

  @Test
  void aStaleChainWithAnUnavailableRunnerIsRestarted() {
    assertEquals(
        "restart",
        decide(observation(EffectiveStatus.STALE_BOOKKEEPING, RunnerState.UNAVAILABLE))
            .nextAction());
  }

  @Test
  void aStaleChainWithALiveRunnerIsNotForceRestarted() {
    Decision decision = decide(observation(EffectiveStatus.STALE_BOOKKEEPING, RunnerState.ALIVE));
    assertEquals("blocked", decision.nextAction());
    assertTrue(decision.refusedReason().orElseThrow().contains("will not force-restart"));
  }

  @Test
  void aStaleChainWithAnUnknownRunnerIsNotRestarted() {
    Decision decision = decide(observation(EffectiveStatus.STALE_BOOKKEEPING, RunnerState.UNKNOWN));
    assertEquals("blocked", decision.nextAction());
  }

  @Test
  void unavailableVerificationFactsBlockNamingWhy() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_HUMAN_VERIFY, RunnerState.DEAD)
                .humanVerificationReason("invalid JSON from verify-human"));
    assertEquals(
        "human verification facts unavailable: invalid JSON from verify-human",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void pendingCriteriaBlockWithCounts() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_HUMAN_VERIFY, RunnerState.DEAD)
                .humanVerificationAvailable(true)
                .humanVerificationPending(2)
                .humanVerificationVerified(1));
    assertTrue(
        decision.refusedReason().orElseThrow().startsWith("2 pending, 1 verified"),
        decision.toString());
  }

  @Test
  void verifiedCriteriaWithADeadRunnerRestart() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_HUMAN_VERIFY, RunnerState.DEAD)
                .humanVerificationAvailable(true)
                .allDeferredMustVerified(true));
    assertEquals("restart", decision.nextAction());
  }

  @Test
  void verifiedCriteriaWithALiveRunnerAreANoop() {
    Decision decision =
        decide(
            observation(EffectiveStatus.AWAITING_HUMAN_VERIFY, RunnerState.ALIVE)
                .humanVerificationAvailable(true)
                .allDeferredMustVerified(true));
    assertEquals("noop", decision.nextAction());
    assertEquals("supervisor_tick", decision.event());
    assertEquals(Optional.empty(), decision.refusedReason());
  }

  @Test
  void aMutationWithoutARemoteShellIsBlocked() {
    Decision decision =
        decide(
            observation(EffectiveStatus.STALE_BOOKKEEPING, RunnerState.UNAVAILABLE)
                .remoteShell(false));
    assertEquals("blocked", decision.nextAction());
    assertEquals(
        "provider lacks exec (no remote shell); cannot restart the runner",
        decision.refusedReason().orElseThrow());
  }

  @Test
  void anUnknownStatusIsANoopNamingIt() {
    Decision decision =
        decide(
            observation(EffectiveStatus.UNKNOWN, RunnerState.ALIVE)
                .effectiveStatusText("paused_for_lunch"));
    assertEquals("noop", decision.nextAction());
    assertEquals("unknown effective_status: paused_for_lunch", decision.refusedReason().get());
  }
}
