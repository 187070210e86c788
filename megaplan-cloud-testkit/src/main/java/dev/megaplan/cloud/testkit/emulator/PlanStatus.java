package dev.megaplan.cloud.testkit.emulator;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The {@code status} payload of one plan, derived from the chain spec and state alone:
 *
 * <ul>
 *   <li>{@code done} — its milestone is in {@code completed};
 *   <li>{@code failed} / {@code blocked} — it is the current plan and {@code last_state} is {@code
 *       failed} / {@code stalled};
 *   <li>{@code awaiting_human_verify} — it is the current plan, {@code last_state} is {@code
 *       running} and its milestone has an {@code emulator.human_verify} gate (pending or passed:
 *       whether the human has verified is what {@code verify-human} reports, as with megaplan);
 *   <li>{@code running} — it is the current plan otherwise ({@code next_step: execute});
 *   <li>{@code missing} — anything else (not started, or not a plan of this chain).
 * </ul>
 */
final class PlanStatus {
  static final String MISSING = "missing";

  private PlanStatus() {}

  /** The payload for {@code plan} in {@code chain}, or for a plan that belongs to no chain. */
  static Map<String, Object> payload(LocatedChain chain, String plan) {
    String status = MISSING;
    String label = null;
    if (chain != null && plan != null) {
      int index = chain.spec().indexOfPlan(plan);
      if (index >= 0) {
        label = chain.spec().labels().get(index);
        status = status(chain, plan, index, label);
      }
    }
    return payload(plan, status, label);
  }

  /** The payload {@code {plan, status, next_step, milestone}}. */
  static Map<String, Object> payload(String plan, String status, String milestone) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("plan", plan);
    payload.put("status", status);
    payload.put("next_step", "running".equals(status) ? "execute" : null);
    payload.put("milestone", milestone);
    return payload;
  }

  private static String status(LocatedChain chain, String plan, int index, String label) {
    ChainState state = chain.state();
    boolean current = plan.equals(state.currentPlan()) && state.currentIndex() == index;
    if (current) {
      String last = state.lastState();
      if (ChainDriver.FAILED.equals(last)) {
        return "failed";
      }
      if (ChainDriver.STALLED.equals(last)) {
        return "blocked";
      }
      if (ChainDriver.RUNNING.equals(last)) {
        return chain.spec().scenario().hasHumanGate(label) ? "awaiting_human_verify" : "running";
      }
    }
    if (state.isCompleted(label)) {
      return "done";
    }
    return current ? "running" : MISSING;
  }
}
