package dev.megaplan.cloud.core;

import dev.megaplan.cloud.api.status.RunnerState;
import dev.megaplan.cloud.api.supervisor.Decision;
import dev.megaplan.cloud.api.supervisor.Observation;
import dev.megaplan.cloud.api.supervisor.RestartTarget;

/**
 * The supervisor's decision table (spec 05) as a pure function: no I/O, no clock, no randomness;
 * the same observation always gives the same decision. It never invents approvals: the only
 * mutations it can decide are a restart of a dead runner and an advance past a PR that {@code gh}
 * said is merged. {@code refused_reason} explains a refusal to act; an idle tick ({@code noop} for
 * a running chain, {@code done}) has none.
 */
public final class SupervisorPolicy {
  private SupervisorPolicy() {}

  /**
   * Decides what one tick should do.
   *
   * @param observation what the tick observed
   * @return the decision
   */
  public static Decision decide(Observation observation) {
    if ("mismatch".equals(observation.providerConsistency())) {
      return Decision.blocked(
          "provider consistency mismatch: "
              + observation
                  .providerConsistencyDetail()
                  .orElse("the last launch used a different provider or deployment"));
    }
    Decision decision = decideByStatus(observation);
    if (decision.mutates() && !observation.remoteShell()) {
      return Decision.blocked(
          "provider lacks exec (no remote shell); cannot " + decision.nextAction() + " the runner");
    }
    return decision;
  }

  private static Decision decideByStatus(Observation observation) {
    RunnerState runner = observation.runner();
    switch (observation.effectiveStatus()) {
      case RUNNING:
        return Decision.noop();
      case COMPLETE:
        return Decision.done();
      case HUMAN_PREREQUISITE:
        return Decision.blocked(
            "human prerequisite is required and unmet; resolve with `megaplan user-action"
                + " resolve` or `megaplan chain override`");
      case QUALITY_GATE:
        return Decision.blocked(
            "validation policy required and the gate is failing; a human must resolve it or"
                + " accept with debt");
      case AWAITING_PR_MERGE:
        return decidePrMerge(observation);
      case STALE_BOOKKEEPING:
        if (runner == RunnerState.DEAD || runner == RunnerState.UNAVAILABLE) {
          return Decision.restart(target(observation));
        }
        return Decision.blocked(
            "bookkeeping is stale but the runner is "
                + runner.wireName()
                + "; will not force-restart a live runner");
      case AWAITING_HUMAN_VERIFY:
        return decideHumanVerify(observation);
      default:
        return Decision.noop("unknown effective_status: " + observation.effectiveStatusText());
    }
  }

  private static Decision decidePrMerge(Observation observation) {
    // only gh's answer counts, as it came (an empty answer reads "state="): the state file's own
    // pr_state may be stale, and advancing on it would act on a merge nobody confirmed
    String state = observation.prMergeState().orElse("unknown");
    if (state.equals("merged") && observation.prNumber().isPresent()) {
      return Decision.advance(target(observation), observation.prNumber().getAsInt());
    }
    String number =
        observation.prNumber().isPresent()
            ? String.valueOf(observation.prNumber().getAsInt())
            : "?";
    return Decision.blocked(
        "awaiting PR merge (PR #"
            + number
            + " state="
            + state
            + "); supervisor will not advance until PR is merged");
  }

  private static Decision decideHumanVerify(Observation observation) {
    if (!observation.humanVerificationAvailable()) {
      return Decision.blocked(
          "human verification facts unavailable: "
              + observation.humanVerificationReason().orElse("no verify-human answer"));
    }
    if (!observation.allDeferredMustVerified()) {
      return Decision.blocked(
          observation.humanVerificationPending()
              + " pending, "
              + observation.humanVerificationVerified()
              + " verified; waiting for a human to verify the remaining criteria");
    }
    RunnerState runner = observation.runner();
    if (runner == RunnerState.DEAD || runner == RunnerState.UNAVAILABLE) {
      return Decision.restart(target(observation));
    }
    return Decision.noop();
  }

  private static RestartTarget target(Observation observation) {
    return new RestartTarget(
        observation.session(),
        observation.remoteSpec(),
        observation.workspace(),
        observation.chainLog());
  }
}
