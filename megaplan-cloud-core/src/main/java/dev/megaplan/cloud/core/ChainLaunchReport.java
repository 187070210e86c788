package dev.megaplan.cloud.core;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.megaplan.cloud.api.config.CloudConfig;
import dev.megaplan.cloud.core.internal.dispatch.LaunchContext;
import dev.megaplan.cloud.core.internal.dispatch.LaunchOutcome;
import dev.megaplan.cloud.core.internal.dispatch.PhaseMapSummary;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a chain launch did (spec 03 §10): the session, where the chain lives on the box, what was
 * uploaded, the state reset, the launch verification. {@link #toMap()} is the report JSON ({@code
 * event: cloud_chain_launched}) in the spec's key order; {@link #summaryLine()} is the one human
 * line. Immutable.
 */
public final class ChainLaunchReport {
  /**
   * {@code megaplan.install_source}: megaplan runs from the runner image (refreshed from {@code
   * megaplan.repo} before each chain start when one is configured), as the Python tool reports.
   */
  public static final String INSTALL_SOURCE = "cloud_image_runtime";

  private final Map<String, Object> json;
  private final String session;
  private final String tmuxStatus;
  private final String remoteSpec;
  private final String workspace;
  private final String chainLog;
  private final boolean sessionAlive;
  private final boolean advancedPastInit;
  private final String verificationStatus;
  private final String stateResetStatus;
  private final int uploadedIdeaCount;

  ChainLaunchReport(LaunchOutcome outcome, CloudConfig config) {
    LaunchContext launch = outcome.launch();
    this.session = launch.session();
    this.tmuxStatus = outcome.tmuxStatus();
    this.remoteSpec = launch.remoteSpec();
    this.workspace = launch.workspace();
    this.chainLog = launch.chainLog();
    this.sessionAlive = outcome.verification().sessionAlive();
    this.advancedPastInit = outcome.verification().advancedPastInit();
    this.verificationStatus = (String) outcome.verificationJson().get("status");
    this.stateResetStatus = outcome.stateReset().decision().status().wireName();
    this.uploadedIdeaCount = outcome.uploadedIdeaCount();
    this.json = Collections.unmodifiableMap(render(outcome, config));
  }

  private static Map<String, Object> render(LaunchOutcome outcome, CloudConfig config) {
    LaunchContext launch = outcome.launch();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("success", true);
    json.put("event", "cloud_chain_launched");
    json.put("remote_spec", launch.remoteSpec());
    json.put("current_milestone", outcome.currentMilestone().orElse(null));
    json.put("current_milestone_index", boxed(outcome.currentMilestoneIndex()));
    json.put("plan_name", outcome.planName().orElse(null));
    json.put("pr_number", boxed(outcome.prNumber()));
    Map<String, Object> repo = new LinkedHashMap<>();
    repo.put("url", config.repo().url());
    repo.put("branch", config.repo().branch());
    repo.put("workspace", launch.workspace());
    repo.put("head", outcome.head().head().orElse(null));
    repo.put("checked_out_branch", outcome.head().checkedOutBranch().orElse(null));
    json.put("repo", repo);
    Map<String, Object> chain = new LinkedHashMap<>();
    chain.put("base_branch", outcome.baseBranch());
    chain.put("milestone_count", outcome.spec().milestones().size());
    chain.put("resolved_phase_map_summary", PhaseMapSummary.of(outcome.spec(), config.agents()));
    chain.put("prerequisite_policy", outcome.spec().prerequisitePolicy().wireName());
    chain.put("validation_policy", outcome.spec().validationPolicy().wireName());
    chain.put(
        "review_policy",
        Map.of("clean_milestone_pr", outcome.spec().cleanMilestonePr().wireName()));
    json.put("chain", chain);
    Map<String, Object> megaplan = new LinkedHashMap<>();
    megaplan.put("ref", config.megaplan().ref());
    megaplan.put("install_source", INSTALL_SOURCE);
    json.put("megaplan", megaplan);
    json.put("uploaded_idea_count", outcome.uploadedIdeaCount());
    Map<String, Object> tmux = new LinkedHashMap<>();
    tmux.put("session", launch.session());
    tmux.put("status", outcome.tmuxStatus());
    json.put("tmux", tmux);
    json.put("log", Map.of("chain_log", launch.chainLog()));
    Map<String, Object> identity = new LinkedHashMap<>();
    identity.put("identity_digest", launch.digest());
    identity.put("session_marker", launch.sessionMarker());
    identity.put("derived_workspace", launch.derivedWorkspace());
    identity.put("derived_session", launch.derivedSession());
    json.put("launch", identity);
    json.put("state_reset", outcome.stateReset().toJson());
    json.put("verification", outcome.verificationJson());
    json.put("oauth_seed", outcome.oauthSeed());
    return json;
  }

  private static Integer boxed(OptionalInt value) {
    return value.isPresent() ? value.getAsInt() : null;
  }

  /**
   * The report JSON, in the spec's key order (plus {@code success} first and {@code state_reset}).
   *
   * @return an unmodifiable map of JSON values
   */
  @JsonValue
  public Map<String, Object> toMap() {
    return json;
  }

  /**
   * The human summary: {@code cloud chain launch: session=… alive=… advanced=… log=…[
   * likely_cause=…]}.
   *
   * @return the line
   */
  public String summaryLine() {
    return "cloud chain launch: session="
        + session
        + " alive="
        + sessionAlive
        + " advanced="
        + advancedPastInit
        + " log="
        + chainLog
        + likelyCause()
            .filter(cause -> !cause.isEmpty())
            .map(cause -> " likely_cause=" + cause)
            .orElse("");
  }

  /**
   * The chain's tmux session.
   *
   * @return the session name
   */
  public String session() {
    return session;
  }

  /**
   * Whether the session was started now or already ran this chain.
   *
   * @return {@code started}, {@code already_running} or {@code unknown}
   */
  public String tmuxStatus() {
    return tmuxStatus;
  }

  /**
   * The chain spec's path on the box.
   *
   * @return the remote spec
   */
  public String remoteSpec() {
    return remoteSpec;
  }

  /**
   * The launch workspace on the box.
   *
   * @return the workspace
   */
  public String workspace() {
    return workspace;
  }

  /**
   * The chain log on the box.
   *
   * @return the log path
   */
  public String chainLog() {
    return chainLog;
  }

  /**
   * Whether the session was alive at the last probe.
   *
   * @return true when alive
   */
  public boolean sessionAlive() {
    return sessionAlive;
  }

  /**
   * Whether the chain got past init by the last probe.
   *
   * @return true when advanced
   */
  public boolean advancedPastInit() {
    return advancedPastInit;
  }

  /**
   * The verification verdict.
   *
   * @return {@code ok}, {@code warning}, {@code verification_failed} or {@code
   *     verification_unparseable}
   */
  public String verificationStatus() {
    return verificationStatus;
  }

  /**
   * What the state reset check did.
   *
   * @return {@code reset}, {@code preserved} or {@code absent}
   */
  public String stateResetStatus() {
    return stateResetStatus;
  }

  /**
   * How many idea files were uploaded.
   *
   * @return the count
   */
  public int uploadedIdeaCount() {
    return uploadedIdeaCount;
  }

  /**
   * The paths the state reset removed.
   *
   * @return the removed paths
   */
  @SuppressWarnings("unchecked")
  public List<String> removedPaths() {
    Object reset = json.get("state_reset");
    return reset instanceof Map<?, ?> map
        ? List.copyOf((List<String>) map.get("removed"))
        : List.of();
  }

  /**
   * The likely cause of a launch that is not {@code ok}.
   *
   * @return the cause, or empty
   */
  @SuppressWarnings("unchecked")
  public Optional<String> likelyCause() {
    Map<String, Object> verification = (Map<String, Object>) json.get("verification");
    return Optional.ofNullable((String) verification.get("likely_cause"));
  }

  @Override
  public String toString() {
    return summaryLine();
  }
}
