package dev.megaplan.cloud.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.status.EffectiveStatus;
import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.Observation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Invariants of the policy over thousands of generated observations (seeded, seed reported). */
class SupervisorPolicyPropertyTest {
  private static final int CASES = 5000;
  private static final String[] PR_STATES = {"open", "merged", "closed", "unknown", "MERGED", ""};
  private static final String[] CONSISTENCY = {"consistent", "mismatch", "not_applicable"};

  private static Observation generate(Random random) {
    Observation.Builder builder =
        Observation.builder()
            .effectiveStatus(pick(random, EffectiveStatus.values()))
            .runner(pick(random, RunnerState.values()))
            .providerConsistency(pick(random, CONSISTENCY))
            .session("megaplan-chain-" + random.nextInt(100))
            .remoteSpec("/workspace/c" + random.nextInt(5) + "/app/chain.yaml")
            .workspace("/workspace/c/app")
            .chainLog("/workspace/c/app/.megaplan/cloud-chain.log")
            .humanVerificationAvailable(random.nextBoolean())
            .humanVerificationPending(random.nextInt(4))
            .humanVerificationVerified(random.nextInt(4))
            .allDeferredMustVerified(random.nextBoolean())
            .remoteShell(random.nextBoolean())
            .payload(Map.of());
    if (random.nextBoolean()) {
      builder.prNumber(100 + random.nextInt(5));
    }
    if (random.nextBoolean()) {
      builder.prState(pick(random, PR_STATES));
    }
    if (random.nextBoolean()) {
      builder.prMergeState(pick(random, PR_STATES));
    }
    return builder.build();
  }

  private static <T> T pick(Random random, T[] values) {
    return values[random.nextInt(values.length)];
  }

  @Test
  void onlyTheThreeRecoverableSituationsEverMutate() {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < CASES; i++) {
      Observation observation = generate(random);
      Decision decision = SupervisorPolicy.decide(observation);
      if (!decision.mutates()) {
        // a refusal always says why; an idle tick (noop, done) need not
        assertTrue(
            decision.refusedReason().isPresent()
                || decision.nextAction().equals("noop")
                || decision.nextAction().equals("done"),
            "seed " + seed + ": " + observation + " -> " + decision);
        if (decision.nextAction().equals("blocked")) {
          assertTrue(decision.refusedReason().isPresent(), "seed " + seed + ": " + observation);
        }
        continue;
      }
      String context = "seed " + seed + ": " + observation + " -> " + decision;
      assertTrue(observation.remoteShell(), context);
      assertFalse(observation.providerConsistency().equals("mismatch"), context);
      EffectiveStatus status = observation.effectiveStatus();
      boolean recoverable =
          status == EffectiveStatus.STALE_BOOKKEEPING
              || (status == EffectiveStatus.AWAITING_PR_MERGE
                  && observation
                      .prMergeState()
                      .or(observation::prState)
                      .orElse("")
                      .equals("merged"))
              || (status == EffectiveStatus.AWAITING_HUMAN_VERIFY
                  && observation.humanVerificationAvailable()
                  && observation.allDeferredMustVerified());
      assertTrue(recoverable, context);
      assertTrue(
          observation.runner() == RunnerState.DEAD
              || observation.runner() == RunnerState.UNAVAILABLE
              || status == EffectiveStatus.AWAITING_PR_MERGE,
          "a live runner is never restarted outside a merged PR: " + context);
    }
  }

  @Test
  void theDecisionIsAFunctionOfTheObservationAloneAcrossThreads() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Observation> observations = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      observations.add(generate(random));
    }
    List<Decision> first = new ArrayList<>();
    for (Observation observation : observations) {
      first.add(SupervisorPolicy.decide(observation));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<Decision>>> runs = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        runs.add(
            pool.submit(
                () -> {
                  List<Decision> again = new ArrayList<>();
                  for (Observation observation : observations) {
                    again.add(SupervisorPolicy.decide(observation));
                  }
                  return again;
                }));
      }
      for (Future<List<Decision>> run : runs) {
        assertEquals(first, run.get(), "seed " + seed);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
