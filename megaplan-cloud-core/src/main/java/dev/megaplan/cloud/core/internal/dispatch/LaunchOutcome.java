package dev.megaplan.cloud.core.internal.dispatch;

import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.core.internal.remote.LaunchCommand;
import dev.megaplan.cloud.core.internal.remote.LaunchVerification;
import dev.megaplan.cloud.core.internal.remote.StateFacts;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
   * The milestone the chain is at: the preserved state's index when in range, else the first.
   *
   * @return {@code {label, index, branch?}}, or null for an empty chain
   */
  public Map<String, Object> currentMilestone() {
    List<Milestone> milestones = spec.milestones();
    int index =
        stateReset.keptState().map(StateFacts::currentMilestoneIndex).orElse(0) < 0
            ? 0
            : stateReset.keptState().map(StateFacts::currentMilestoneIndex).orElse(0);
    if (index >= milestones.size()) {
      return null;
    }
    Milestone milestone = milestones.get(index);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("label", milestone.label());
    json.put("index", index);
    milestone.branch().ifPresent(b -> json.put("branch", b));
    return json;
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
