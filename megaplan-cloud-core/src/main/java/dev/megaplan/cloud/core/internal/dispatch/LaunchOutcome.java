package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.core.internal.remote.LaunchCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchVerification;
import dev.megaplan.cloud.core.internal.remote.StateFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a chain launch did, and its report JSON (03 §10).
 *
 * @param spec the parsed spec
 * @param baseBranch the chain's base branch (the spec's, else {@code repo.branch})
 * @param launch the launch context
 * @param uploadedIdeaCount idea files uploaded
 * @param oauthSeed the OAuth seed report
 * @param stateReset the state reset check
 * @param tmux whether the session was started or already ran this chain
 * @param verification the launch verification
 * @param head the checkout's HEAD
 * @param startedAt when the launch finished
 */
public record LaunchOutcome(
    ChainSpec spec,
    String baseBranch,
    LaunchContext launch,
    int uploadedIdeaCount,
    Map<String, Object> oauthSeed,
    StateReset stateReset,
    LaunchCommand.Outcome tmux,
    LaunchVerification verification,
    RepoHead head,
    Instant startedAt) {

  /**
   * The tmux status word.
   *
   * @return {@code started}, {@code already_running} or {@code unknown}
   */
  public String tmuxStatus() {
    return switch (tmux) {
      case STARTED -> "started";
      case ALREADY_RUNNING -> "already_running";
      default -> "unknown";
    };
  }

  /**
   * The index of the milestone the chain is at: the preserved state's index when in range (a
   * negative one reads as the first), else the first; empty for an empty chain or one whose
   * preserved state is past its last milestone.
   *
   * @return the index
   */
  public OptionalInt currentMilestoneIndex() {
    int index =
        Math.max(0, stateReset.keptState().map(StateFacts::currentMilestoneIndex).orElse(0));
    return index < spec.milestones().size() ? OptionalInt.of(index) : OptionalInt.empty();
  }

  /**
   * The label of the milestone the chain is at ({@link #currentMilestoneIndex()}).
   *
   * @return the label, or empty
   */
  public Optional<String> currentMilestone() {
    OptionalInt index = currentMilestoneIndex();
    return index.isPresent()
        ? Optional.of(spec.milestones().get(index.getAsInt()).label())
        : Optional.empty();
  }

  /**
   * The plan megaplan drives now, when the launch preserved a state that names one.
   *
   * @return the plan name, or empty (always empty on a fresh start)
   */
  public Optional<String> planName() {
    return stateReset.keptState().flatMap(StateFacts::currentPlanName);
  }

  /**
   * The current milestone's PR, when the launch preserved a state that names one.
   *
   * @return the PR number, or empty
   */
  public OptionalInt prNumber() {
    return stateReset.keptState().map(StateFacts::prNumber).orElse(OptionalInt.empty());
  }

  /**
   * The verification object of the report.
   *
   * @return {@code {session_alive, advanced_past_init, state_present, chain_log, chain_log_size,
   *     plan_dirs, attempts, likely_cause, status}}
   */
  public Map<String, Object> verificationJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("session_alive", verification.sessionAlive());
    json.put("advanced_past_init", verification.advancedPastInit());
    json.put("state_present", verification.statePresent());
    json.put("chain_log", verification.chainLog());
    json.put(
        "chain_log_size",
        verification.chainLogSize().isPresent() ? verification.chainLogSize().getAsLong() : null);
    json.put("plan_dirs", verification.planDirs());
    json.put("attempts", verification.attempts());
    json.put("likely_cause", verification.likelyCause().orElse(null));
    json.put("status", verification.status().name().toLowerCase(Locale.ROOT));
    return json;
  }
}
