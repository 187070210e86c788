package dev.megaplan.cloud.core.internal.chain;

import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.CompletedMilestone;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a chain-state JSON object (already read into JDK values) into a {@link ChainState}, field
 * by field and leniently: a field with an unusable type gets its default, and fields {@link
 * ChainState} does not model are kept as they are in {@link ChainState#unknownFields()}.
 */
public final class ChainStateReader {
  private ChainStateReader() {}

  /**
   * Reads a chain state.
   *
   * @param raw the top-level JSON object, keys in document order
   * @return the state
   */
  public static ChainState read(Map<String, Object> raw) {
    ChainState.Builder b = ChainState.builder();
    LenientFields.integer(raw.get("schema_version")).ifPresent(b::schemaVersion);
    LenientFields.integer(raw.get("current_milestone_index")).ifPresent(b::currentMilestoneIndex);
    b.currentPlanName(LenientFields.string(raw.get("current_plan_name")));
    b.lastState(LenientFields.string(raw.get("last_state")));
    b.prNumber(LenientFields.integer(raw.get("pr_number")));
    b.prState(LenientFields.string(raw.get("pr_state")));
    b.completed(completed(raw.get("completed")));
    b.branchHead(LenientFields.string(raw.get("branch_head")));
    b.prHead(LenientFields.string(raw.get("pr_head")));
    b.lastPushedCommit(LenientFields.string(raw.get("last_pushed_commit")));
    LenientFields.bool(raw.get("dirty_flag")).ifPresent(b::dirtyFlag);
    b.syncState(LenientFields.string(raw.get("sync_state")));
    LenientFields.nonEmptyStrings(raw.get("extra_repos")).ifPresent(b::extraRepos);
    b.chainSession(LenientFields.nonBlankString(raw.get("chain_session")));
    b.resolvedWorkspace(LenientFields.nonBlankString(raw.get("resolved_workspace")));
    LenientFields.list(raw.get("extra_repo_sync")).ifPresent(b::extraRepoSync);
    LenientFields.nonBlankString(raw.get("completion_contract_mode"))
        .ifPresent(b::completionContractMode);
    LenientFields.nonBlankString(raw.get("full_suite_backstop_mode"))
        .ifPresent(b::fullSuiteBackstopMode);
    LenientFields.intMap(raw.get("retry_counts")).ifPresent(b::retryCounts);
    LenientFields.intMap(raw.get("enforce_revise_counts")).ifPresent(b::enforceReviseCounts);
    LenientFields.stringMap(raw.get("ladder_stage")).ifPresent(b::ladderStage);
    LenientFields.stringMap(raw.get("profile_bumps")).ifPresent(b::profileBumps);
    LenientFields.stringMap(raw.get("robustness_bumps")).ifPresent(b::robustnessBumps);
    LenientFields.stringMap(raw.get("depth_bumps")).ifPresent(b::depthBumps);
    LenientFields.object(raw.get("metadata")).ifPresent(b::metadata);
    b.unknownFields(unknown(raw));
    return b.build();
  }

  private static List<CompletedMilestone> completed(Object value) {
    List<CompletedMilestone> out = new java.util.ArrayList<>();
    if (!(value instanceof List)) {
      return out;
    }
    for (Object item : (List<?>) value) {
      if (!(item instanceof Map) || !(((Map<?, ?>) item).get("label") instanceof String)) {
        continue;
      }
      Map<String, Object> fields = new LinkedHashMap<>(JsonValues.freezeMap((Map<?, ?>) item));
      String label = (String) fields.remove("label");
      out.add(CompletedMilestone.builder().label(label).otherFields(fields).build());
    }
    return out;
  }

  private static Map<String, Object> unknown(Map<String, Object> raw) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> entry : raw.entrySet()) {
      if (!ChainState.knownFieldNames().contains(entry.getKey())) {
        out.put(entry.getKey(), JsonValues.freeze(entry.getValue()));
      }
    }
    return out;
  }
}
