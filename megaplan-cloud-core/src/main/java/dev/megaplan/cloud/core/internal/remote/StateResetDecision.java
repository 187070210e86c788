package dev.megaplan.cloud.core.internal.remote;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The state reset check of 03 §7, as a pure decision: the caller reads the state file ({@code
 * RemoteShell.read}), parses it with {@link StateFacts#parse}, decides here, and runs {@link
 * StateResetCommand} when the answer is {@code reset}.
 *
 * <p>Reset when {@code --fresh}; or nothing completed and {@code last_state} is {@code stalled}; or
 * nothing completed, the index is -1 or 0, {@code last_state} is null and no plan is set. Otherwise
 * the state is kept ("resumable"). The plan directory {@code
 * <workspace>/.megaplan/plans/<current_plan_name>} goes too, only when the name is a single path
 * segment (no {@code /}, not {@code .} or {@code ..}, not empty).
 *
 * @param status reset, preserved or absent
 * @param reason why, in words
 * @param planToRemove the plan directory name to remove with the state
 */
public record StateResetDecision(Status status, String reason, Optional<String> planToRemove) {

  /** Checks the components. */
  public StateResetDecision {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(planToRemove, "planToRemove");
  }

  /** The outcome; its JSON form is the lower-case name. */
  public enum Status {
    /** The state (and plan directory) are to be removed. */
    RESET,
    /** The state is kept. */
    PRESERVED,
    /** There is no state file. */
    ABSENT;

    /**
     * The JSON form.
     *
     * @return the lower-case name
     */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * Decides.
   *
   * @param state the state's facts, or empty when the file does not exist
   * @param fresh whether {@code --fresh} was given
   * @return the decision
   */
  public static StateResetDecision decide(Optional<StateFacts> state, boolean fresh) {
    if (state.isEmpty()) {
      return new StateResetDecision(Status.ABSENT, "no chain state", Optional.empty());
    }
    StateFacts facts = state.get();
    Optional<String> plan = facts.currentPlanName().filter(StateResetDecision::removablePlanName);
    if (fresh) {
      return new StateResetDecision(Status.RESET, "--fresh requested", plan);
    }
    boolean nothingCompleted = facts.completedCount() == 0;
    if (nothingCompleted && facts.lastState().filter("stalled"::equals).isPresent()) {
      return new StateResetDecision(
          Status.RESET, "nothing completed and last_state is stalled", plan);
    }
    if (nothingCompleted
        && (facts.currentMilestoneIndex() == -1 || facts.currentMilestoneIndex() == 0)
        && facts.lastState().isEmpty()
        && facts.currentPlanName().isEmpty()) {
      return new StateResetDecision(
          Status.RESET, "nothing completed and the chain never started a plan", plan);
    }
    return new StateResetDecision(Status.PRESERVED, "resumable", Optional.empty());
  }

  private static boolean removablePlanName(String name) {
    return !name.isEmpty()
        && name.indexOf('/') < 0
        && !name.equals(".")
        && !name.equals("..")
        && name.indexOf('\0') < 0;
  }
}
