package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.CompletedMilestone;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChainStateLenientParsingTest {
  private static ChainState withField(String field, String jsonValue) {
    return ChainStateJson.parse("{\"" + field + "\": " + jsonValue + "}");
  }

  private static Arguments malformed(
      String field, String jsonValue, Function<ChainState, Object> read, Object expected) {
    return Arguments.of(field, jsonValue, read, expected);
  }

  static Stream<Arguments> malformedFields() {
    Function<ChainState, Object> index = ChainState::currentMilestoneIndex;
    return Stream.of(
        malformed("schema_version", "\"zero\"", ChainState::schemaVersion, 0),
        malformed("schema_version", "true", ChainState::schemaVersion, 0),
        malformed("current_milestone_index", "\"second\"", index, -1),
        malformed("current_milestone_index", "null", index, -1),
        malformed("current_milestone_index", "false", index, -1),
        malformed("current_milestone_index", "[1]", index, -1),
        malformed("current_milestone_index", "99999999999", index, -1),
        malformed("current_milestone_index", "\"1.5\"", index, -1),
        malformed("current_plan_name", "42", ChainState::currentPlanName, Optional.empty()),
        malformed("current_plan_name", "{}", ChainState::currentPlanName, Optional.empty()),
        malformed("last_state", "[\"running\"]", ChainState::lastState, Optional.empty()),
        malformed("pr_number", "\"#12\"", ChainState::prNumber, OptionalInt.empty()),
        malformed("pr_number", "{}", ChainState::prNumber, OptionalInt.empty()),
        malformed("pr_state", "1", ChainState::prState, Optional.empty()),
        malformed("completed", "\"m1\"", ChainState::completed, List.of()),
        malformed("completed", "{\"label\": \"m1\"}", ChainState::completed, List.of()),
        malformed("branch_head", "7", ChainState::branchHead, Optional.empty()),
        malformed("pr_head", "false", ChainState::prHead, Optional.empty()),
        malformed("last_pushed_commit", "[]", ChainState::lastPushedCommit, Optional.empty()),
        malformed("dirty_flag", "\"true\"", ChainState::dirtyFlag, false),
        malformed("dirty_flag", "1", ChainState::dirtyFlag, false),
        malformed("sync_state", "{}", ChainState::syncState, Optional.empty()),
        malformed("extra_repos", "\"repo\"", ChainState::extraRepos, List.of()),
        malformed("extra_repos", "[\"a\", 3]", ChainState::extraRepos, List.of()),
        malformed("extra_repos", "[\"a\", \"\"]", ChainState::extraRepos, List.of()),
        malformed("chain_session", "\"  \"", ChainState::chainSession, Optional.empty()),
        malformed("chain_session", "5", ChainState::chainSession, Optional.empty()),
        malformed("resolved_workspace", "\"\"", ChainState::resolvedWorkspace, Optional.empty()),
        malformed("resolved_workspace", "[]", ChainState::resolvedWorkspace, Optional.empty()),
        malformed("extra_repo_sync", "{\"a\": 1}", ChainState::extraRepoSync, List.of()),
        malformed("retry_counts", "[1]", ChainState::retryCounts, Map.of()),
        malformed("enforce_revise_counts", "3", ChainState::enforceReviseCounts, Map.of()),
        malformed("ladder_stage", "\"retry\"", ChainState::ladderStage, Map.of()),
        malformed("profile_bumps", "[]", ChainState::profileBumps, Map.of()),
        malformed("robustness_bumps", "1", ChainState::robustnessBumps, Map.of()),
        malformed("depth_bumps", "true", ChainState::depthBumps, Map.of()),
        malformed("completion_contract_mode", "1", ChainState::completionContractMode, "shadow"),
        malformed(
            "completion_contract_mode", "\" \"", ChainState::completionContractMode, "shadow"),
        malformed("full_suite_backstop_mode", "null", ChainState::fullSuiteBackstopMode, "shadow"),
        malformed("metadata", "[\"x\"]", ChainState::metadata, Map.of()));
  }

  @ParameterizedTest(name = "{0} = {1} reads as its default")
  @MethodSource("malformedFields")
  void aMalformedFieldBecomesItsDefault(
      String field, String jsonValue, Function<ChainState, Object> read, Object expected) {
    assertEquals(expected, read.apply(withField(field, jsonValue)));
  }

  @ParameterizedTest(name = "{0} = {1} is not kept as an unknown field")
  @MethodSource("malformedFields")
  void aMalformedKnownFieldIsNotPassedThroughAsUnknown(
      String field, String jsonValue, Function<ChainState, Object> read, Object expected) {
    assertEquals(Map.of(), withField(field, jsonValue).unknownFields());
  }

  @Test
  void anEmptyObjectHasEveryDefault() {
    assertEquals(ChainState.empty(), ChainStateJson.parse("{}"));
  }

  @Test
  void defaultsAreMegaplans() {
    ChainState state = ChainState.empty();
    assertEquals(0, state.schemaVersion());
    assertEquals(-1, state.currentMilestoneIndex());
    assertEquals(false, state.dirtyFlag());
    assertEquals("shadow", state.completionContractMode());
    assertEquals("shadow", state.fullSuiteBackstopMode());
  }

  @Test
  void aMalformedFieldDoesNotDisturbItsNeighbours() {
    ChainState state =
        ChainStateJson.parse(
            "{\"retry_counts\": \"bad\", \"last_state\": \"running\", \"pr_number\": 7}");
    assertEquals(Optional.of("running"), state.lastState());
    assertEquals(OptionalInt.of(7), state.prNumber());
  }

  @Test
  void integerFieldsAcceptDigitStringsAsPythonsIntDoes() {
    ChainState state =
        ChainStateJson.parse(
            "{\"current_milestone_index\": \" 2 \", \"pr_number\": \"41\", \"schema_version\": \"0\"}");
    assertEquals(2, state.currentMilestoneIndex());
    assertEquals(OptionalInt.of(41), state.prNumber());
  }

  @Test
  void integerFieldsTruncateFractionalNumbersTowardZero() {
    assertEquals(1, withField("current_milestone_index", "1.9").currentMilestoneIndex());
    assertEquals(0, withField("current_milestone_index", "-0.5").currentMilestoneIndex());
  }

  @Test
  void completedKeepsEntriesWithAStringLabelAndDropsOthers() {
    ChainState state =
        withField(
            "completed",
            "[\"m0\", {\"label\": 3}, {\"plan\": \"p\"}, null,"
                + " {\"label\": \"m1\", \"plan\": \"m1-plan\"}]");
    assertEquals(List.of("m1"), state.completedLabels());
  }

  @Test
  void completedEntriesKeepTheirOtherFieldsInOrder() {
    CompletedMilestone entry =
        withField(
                "completed",
                "[{\"label\": \"m1\", \"plan\": \"m1-plan\", \"status\": \"done\","
                    + " \"pr_number\": 12, \"pr_state\": null}]")
            .completed()
            .get(0);
    assertEquals("m1", entry.label());
    assertEquals(
        List.of("plan", "status", "pr_number", "pr_state"),
        List.copyOf(entry.otherFields().keySet()));
    assertEquals(12, entry.otherFields().get("pr_number"));
  }

  @Test
  void countMapsKeepOnlyEntriesWithIntegerValues() {
    assertEquals(
        Map.of("m1", 2, "m3", 1),
        withField("retry_counts", "{\"m1\": \"2\", \"m2\": \"two\", \"m3\": 1, \"m4\": null}")
            .retryCounts());
  }

  @Test
  void stringMapsKeepOnlyEntriesWithStringValues() {
    assertEquals(
        Map.of("m2", "premium"),
        withField("profile_bumps", "{\"m1\": 1, \"m2\": \"premium\", \"m3\": null}")
            .profileBumps());
  }

  @Test
  void modesKeepAnyRecordedModeName() {
    assertEquals(
        "enforce", withField("completion_contract_mode", "\"enforce\"").completionContractMode());
    assertEquals("off", withField("full_suite_backstop_mode", "\"off\"").fullSuiteBackstopMode());
  }

  @Test
  void everyWellFormedFieldIsRead() {
    ChainState state =
        ChainStateJson.parse(
            "{\"schema_version\": 0, \"current_milestone_index\": 1,"
                + " \"current_plan_name\": \"m2-plan\", \"last_state\": \"running\","
                + " \"pr_number\": 12, \"pr_state\": \"open\","
                + " \"completed\": [{\"label\": \"m1\"}],"
                + " \"branch_head\": \"aaa\", \"pr_head\": \"bbb\", \"last_pushed_commit\": \"ccc\","
                + " \"dirty_flag\": true, \"sync_state\": \"stale\","
                + " \"extra_repos\": [\"https://example.invalid/lib.git\"],"
                + " \"chain_session\": \"megaplan-chain-x\", \"resolved_workspace\": \"/workspace/x/app\","
                + " \"extra_repo_sync\": [{\"repo\": \"lib\", \"sync_state\": \"clean\"}],"
                + " \"completion_contract_mode\": \"warn\", \"full_suite_backstop_mode\": \"enforce\","
                + " \"retry_counts\": {\"m2\": 1}, \"enforce_revise_counts\": {\"m2\": 2},"
                + " \"ladder_stage\": {\"m2\": \"retry\"}, \"profile_bumps\": {\"m2\": \"premium\"},"
                + " \"robustness_bumps\": {\"m2\": \"thorough\"}, \"depth_bumps\": {\"m2\": \"high\"},"
                + " \"metadata\": {\"chain_spec_path\": \"/workspace/x/app/chain.yaml\"}}");
    ChainState expected =
        ChainState.builder()
            .currentMilestoneIndex(1)
            .currentPlanName("m2-plan")
            .lastState("running")
            .prNumber(12)
            .prState("open")
            .addCompleted(CompletedMilestone.of("m1"))
            .branchHead("aaa")
            .prHead("bbb")
            .lastPushedCommit("ccc")
            .dirtyFlag(true)
            .syncState("stale")
            .addExtraRepos("https://example.invalid/lib.git")
            .chainSession("megaplan-chain-x")
            .resolvedWorkspace("/workspace/x/app")
            .addExtraRepoSync(Map.of("repo", "lib", "sync_state", "clean"))
            .completionContractMode("warn")
            .fullSuiteBackstopMode("enforce")
            .putRetryCounts("m2", 1)
            .putEnforceReviseCounts("m2", 2)
            .putLadderStage("m2", "retry")
            .putProfileBumps("m2", "premium")
            .putRobustnessBumps("m2", "thorough")
            .putDepthBumps("m2", "high")
            .putMetadata("chain_spec_path", "/workspace/x/app/chain.yaml")
            .build();
    assertEquals(expected, state);
  }
}
