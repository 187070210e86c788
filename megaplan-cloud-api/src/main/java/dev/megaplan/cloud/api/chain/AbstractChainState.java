package dev.megaplan.cloud.api.chain;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.megaplan.cloud.api.internal.AllowNulls;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The remote chain state megaplan writes next to a chain spec (see {@code ChainStatePath} in core).
 * The format belongs to megaplan: every field is optional and has megaplan's default, and fields
 * this type does not know are kept in {@link #unknownFields()} so that rendering writes them back
 * unchanged. Values that are free-form in the file ({@link #metadata()}, {@link #extraRepoSync()},
 * {@link #unknownFields()}) hold JSON-like JDK values: maps, lists, strings, numbers, booleans and
 * nulls.
 *
 * <p>Renders (through the core JSON mapper) with megaplan's snake_case field names, known fields
 * first in megaplan's order, then the unknown fields in the order they were read.
 */
@Value.Immutable
@JsonPropertyOrder({
  "schema_version",
  "current_milestone_index",
  "current_plan_name",
  "last_state",
  "pr_number",
  "pr_state",
  "completed",
  "branch_head",
  "pr_head",
  "last_pushed_commit",
  "dirty_flag",
  "sync_state",
  "extra_repos",
  "chain_session",
  "resolved_workspace",
  "extra_repo_sync",
  "completion_contract_mode",
  "full_suite_backstop_mode",
  "retry_counts",
  "ladder_stage",
  "profile_bumps",
  "robustness_bumps",
  "depth_bumps",
  "enforce_revise_counts",
  "metadata"
})
abstract class AbstractChainState {
  /** The known fields: exactly the names of the rendering order above, kept in one place. */
  private static final Set<String> FIELD_NAMES =
      Set.of(AbstractChainState.class.getAnnotation(JsonPropertyOrder.class).value());

  /** The default of {@link #completionContractMode()} and {@link #fullSuiteBackstopMode()}. */
  public static final String DEFAULT_MODE = "shadow";

  /**
   * The names of the fields this type models; every other field of a state file goes to {@link
   * #unknownFields()}.
   *
   * @return the snake_case field names, unmodifiable
   */
  public static Set<String> knownFieldNames() {
    return FIELD_NAMES;
  }

  /**
   * A state with every default, as megaplan assumes when no state file exists.
   *
   * @return the default state
   */
  public static ChainState empty() {
    return ChainState.builder().build();
  }

  /** {@code schema_version}: 0 today. */
  @JsonProperty("schema_version")
  @Value.Default
  public int schemaVersion() {
    return 0;
  }

  /**
   * {@code current_milestone_index}: index into the spec's milestones; -1 before the first
   * milestone, at least the milestone count once all are processed.
   */
  @JsonProperty("current_milestone_index")
  @Value.Default
  public int currentMilestoneIndex() {
    return -1;
  }

  /** {@code current_plan_name}: the plan megaplan is driving now. */
  @JsonProperty("current_plan_name")
  public abstract Optional<String> currentPlanName();

  /** {@code last_state}: for example {@code running}, {@code stalled}, {@code done}. */
  @JsonProperty("last_state")
  public abstract Optional<String> lastState();

  /** {@code pr_number}: the current milestone's pull request. */
  @JsonProperty("pr_number")
  public abstract OptionalInt prNumber();

  /** {@code pr_state}: the current milestone pull request's state, for example {@code open}. */
  @JsonProperty("pr_state")
  public abstract Optional<String> prState();

  /** {@code completed}: the finished milestones, in the order megaplan finished them. */
  @JsonProperty("completed")
  public abstract List<CompletedMilestone> completed();

  /** {@code branch_head}: sync fact, the milestone branch's head commit. */
  @JsonProperty("branch_head")
  public abstract Optional<String> branchHead();

  /** {@code pr_head}: sync fact, the pull request's head commit. */
  @JsonProperty("pr_head")
  public abstract Optional<String> prHead();

  /** {@code last_pushed_commit}: sync fact, the commit megaplan last pushed. */
  @JsonProperty("last_pushed_commit")
  public abstract Optional<String> lastPushedCommit();

  /** {@code dirty_flag}: sync fact, whether the workspace had uncommitted changes. */
  @JsonProperty("dirty_flag")
  @Value.Default
  public boolean dirtyFlag() {
    return false;
  }

  /** {@code sync_state}: sync fact, for example {@code clean}, {@code stale}, {@code dirty}. */
  @JsonProperty("sync_state")
  public abstract Optional<String> syncState();

  /** {@code extra_repos}: extra repositories the chain works on. */
  @JsonProperty("extra_repos")
  public abstract List<String> extraRepos();

  /** {@code chain_session}: the tmux session running the chain (preferred over other sources). */
  @JsonProperty("chain_session")
  public abstract Optional<String> chainSession();

  /** {@code resolved_workspace}: the runner's workspace (preferred over other sources). */
  @JsonProperty("resolved_workspace")
  public abstract Optional<String> resolvedWorkspace();

  /** {@code extra_repo_sync}: per extra repository sync facts, as megaplan wrote them. */
  @AllowNulls
  @JsonProperty("extra_repo_sync")
  public abstract List<Object> extraRepoSync();

  /** {@code completion_contract_mode}: {@code shadow} unless megaplan recorded another mode. */
  @JsonProperty("completion_contract_mode")
  @Value.Default
  public String completionContractMode() {
    return DEFAULT_MODE;
  }

  /** {@code full_suite_backstop_mode}: {@code shadow} unless megaplan recorded another mode. */
  @JsonProperty("full_suite_backstop_mode")
  @Value.Default
  public String fullSuiteBackstopMode() {
    return DEFAULT_MODE;
  }

  /** {@code retry_counts}: retries used, by milestone label. */
  @JsonProperty("retry_counts")
  public abstract Map<String, Integer> retryCounts();

  /** {@code ladder_stage}: autonomy-ladder stage, by milestone label. */
  @JsonProperty("ladder_stage")
  public abstract Map<String, String> ladderStage();

  /** {@code profile_bumps}: bumped profile, by milestone label. */
  @JsonProperty("profile_bumps")
  public abstract Map<String, String> profileBumps();

  /** {@code robustness_bumps}: bumped robustness, by milestone label. */
  @JsonProperty("robustness_bumps")
  public abstract Map<String, String> robustnessBumps();

  /** {@code depth_bumps}: bumped depth, by milestone label. */
  @JsonProperty("depth_bumps")
  public abstract Map<String, String> depthBumps();

  /** {@code enforce_revise_counts}: enforce-mode revisions used, by milestone label. */
  @JsonProperty("enforce_revise_counts")
  public abstract Map<String, Integer> enforceReviseCounts();

  /** {@code metadata}: free-form facts megaplan records (spec path, spec digest…). */
  @AllowNulls
  @JsonProperty("metadata")
  public abstract Map<String, Object> metadata();

  /**
   * Every top-level field of the state file that is not one of {@link #knownFieldNames()}, in the
   * order it was read, with its value unchanged. Rendered after the known fields.
   */
  @AllowNulls
  @JsonAnyGetter
  public abstract Map<String, Object> unknownFields();

  /**
   * The labels of {@link #completed()}, in order.
   *
   * @return the labels
   */
  public List<String> completedLabels() {
    return completed().stream()
        .map(CompletedMilestone::label)
        .collect(java.util.stream.Collectors.toUnmodifiableList());
  }

  @Value.Check
  void check() {
    for (String name : unknownFields().keySet()) {
      if (FIELD_NAMES.contains(name)) {
        throw new IllegalStateException(
            "unknownFields must not hold the known field '" + name + "'");
      }
    }
  }
}
