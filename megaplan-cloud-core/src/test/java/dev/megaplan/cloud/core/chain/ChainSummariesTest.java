package dev.megaplan.cloud.core.chain;

import static dev.megaplan.cloud.core.chain.ChainFixtures.milestone;
import static dev.megaplan.cloud.core.chain.ChainFixtures.secondRunning;
import static dev.megaplan.cloud.core.chain.ChainFixtures.threeMilestones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.ChainSummary;
import dev.megaplan.cloud.api.chain.CompletedMilestone;
import dev.megaplan.cloud.api.chain.CurrentMilestone;
import dev.megaplan.cloud.api.chain.MilestoneProgress;
import dev.megaplan.cloud.api.chain.MilestoneRef;
import dev.megaplan.cloud.api.chain.MilestoneStatus;
import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.chain.ReviewMode;
import dev.megaplan.cloud.core.internal.json.Json;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainSummariesTest {
  private static ChainSummary summarize(ChainState state) {
    return ChainSummaries.summarize(threeMilestones(), state, "main");
  }

  private static List<MilestoneStatus> statuses(ChainSummary summary) {
    return summary.perMilestone().stream()
        .map(MilestoneProgress::status)
        .collect(java.util.stream.Collectors.toList());
  }

  @Test
  void milestonesAreCompletedInProgressOrPending() {
    assertEquals(
        List.of(MilestoneStatus.COMPLETED, MilestoneStatus.IN_PROGRESS, MilestoneStatus.PENDING),
        statuses(summarize(secondRunning())));
  }

  @Test
  void theCurrentMilestoneWithoutAPlanIsPending() {
    ChainState state = secondRunning().withCurrentPlanName(Optional.empty());
    assertEquals(MilestoneStatus.PENDING, statuses(summarize(state)).get(1));
  }

  @Test
  void anEmptyPlanNameDoesNotMakeAMilestoneInProgress() {
    assertEquals(
        MilestoneStatus.PENDING,
        statuses(summarize(secondRunning().withCurrentPlanName(""))).get(1));
  }

  @Test
  void aCompletedLabelWinsOverBeingCurrent() {
    ChainState state =
        secondRunning().withCompleted(CompletedMilestone.of("m1"), CompletedMilestone.of("m2"));
    assertEquals(MilestoneStatus.COMPLETED, statuses(summarize(state)).get(1));
  }

  @Test
  void completedLabelsUnknownToTheSpecAreIgnored() {
    ChainState state = ChainState.builder().addCompleted(CompletedMilestone.of("old")).build();
    assertEquals(List.of(), summarize(state).completed());
  }

  @Test
  void completedAndRemainingSplitTheMilestonesInSpecOrder() {
    ChainSummary summary = summarize(secondRunning());
    assertEquals(List.of(MilestoneRef.of("m1", 0)), summary.completed());
    assertEquals(List.of(MilestoneRef.of("m2", 1), MilestoneRef.of("m3", 2)), summary.remaining());
  }

  @Test
  void theCurrentMilestoneIsTheOneAtTheStateIndex() {
    assertEquals(
        Optional.of(CurrentMilestone.builder().label("m2").index(1).build()),
        summarize(secondRunning()).currentMilestone());
  }

  @Test
  void theCurrentMilestoneCarriesItsBranchWhenTheSpecDeclaresOne() {
    ChainSpec spec =
        ChainSpec.builder().addMilestones(milestone("m1").withBranch("feature/m1")).build();
    ChainState state = ChainState.builder().currentMilestoneIndex(0).build();
    assertEquals(
        Optional.of("feature/m1"),
        ChainSummaries.summarize(spec, state, "main").currentMilestone().get().branch());
  }

  @Test
  void thereIsNoCurrentMilestoneBeforeTheFirstOne() {
    assertFalse(summarize(ChainState.empty()).currentMilestone().isPresent());
  }

  @Test
  void thereIsNoCurrentMilestoneOnceAllAreProcessed() {
    ChainState state = ChainState.builder().currentMilestoneIndex(3).build();
    assertFalse(summarize(state).currentMilestone().isPresent());
  }

  @Test
  void theBaseBranchComesFromTheSpec() {
    ChainSpec spec = threeMilestones().withBaseBranch("develop");
    assertEquals("develop", ChainSummaries.summarize(spec, secondRunning(), "main").baseBranch());
  }

  @Test
  void theBaseBranchFallsBackWhenTheSpecDoesNotSetIt() {
    assertEquals(
        "trunk",
        ChainSummaries.summarize(threeMilestones(), secondRunning(), "trunk").baseBranch());
  }

  @Test
  void thePolicyIsTheOneFromChainYaml() {
    ChainSpec spec =
        threeMilestones()
            .withValidationPolicy(PolicyLevel.REQUIRED)
            .withCleanMilestonePr(ReviewMode.MANUAL);
    ChainSummary summary = ChainSummaries.summarize(spec, secondRunning(), "main");
    assertEquals(PolicyLevel.REQUIRED, summary.policy().validationPolicy());
    assertEquals(ReviewMode.MANUAL, summary.policy().cleanMilestonePr());
  }

  @Test
  void theSyncFactsComeFromTheState() {
    ChainState state =
        secondRunning().withBranchHead("aaa").withDirtyFlag(true).withSyncState("dirty");
    ChainSummary summary = summarize(state);
    assertEquals(Optional.of("aaa"), summary.sync().branchHead());
    assertTrue(summary.sync().dirtyFlag());
    assertEquals(Optional.of("dirty"), summary.sync().syncState());
  }

  @Test
  void rendersAsJsonWithMegaplansNamesAndOrder() {
    ChainSpec spec = threeMilestones().withSeedPlan("seed");
    assertEquals(
        "{\"current_milestone\":{\"label\":\"m2\",\"index\":1},"
            + "\"completed\":[{\"label\":\"m1\",\"index\":0}],"
            + "\"remaining\":[{\"label\":\"m2\",\"index\":1},{\"label\":\"m3\",\"index\":2}],"
            + "\"per_milestone\":[{\"label\":\"m1\",\"index\":0,\"status\":\"completed\"},"
            + "{\"label\":\"m2\",\"index\":1,\"status\":\"in_progress\"},"
            + "{\"label\":\"m3\",\"index\":2,\"status\":\"pending\"}],"
            + "\"seed_plan\":\"seed\",\"base_branch\":\"main\",\"current_plan_name\":\"m2-plan\","
            + "\"last_state\":\"running\","
            + "\"sync\":{\"branch_head\":null,\"pr_head\":null,\"last_pushed_commit\":null,"
            + "\"dirty_flag\":false,\"sync_state\":null},"
            + "\"policy\":{\"prerequisite_policy\":\"none\",\"validation_policy\":\"none\","
            + "\"review_policy\":{\"clean_milestone_pr\":\"auto\"}}}",
        Json.compact(ChainSummaries.summarize(spec, secondRunning(), "main")));
  }

  @Test
  void jsonHasANullCurrentMilestoneWhenOutOfRange() {
    JsonNode tree = Json.tree(summarize(ChainState.empty()));
    assertTrue(tree.has("current_milestone"));
    assertTrue(tree.get("current_milestone").isNull());
  }

  @Test
  void jsonCurrentMilestoneHasABranchOnlyWhenDeclared() {
    ChainSpec spec = ChainSpec.builder().addMilestones(milestone("m1").withBranch("b1")).build();
    ChainState state = ChainState.builder().currentMilestoneIndex(0).build();
    assertEquals(
        "{\"label\":\"m1\",\"index\":0,\"branch\":\"b1\"}",
        Json.compact(
            Json.tree(ChainSummaries.summarize(spec, state, "main")).get("current_milestone")));
  }

  @Test
  void jsonOmitsPrFieldsWithoutAPr() {
    JsonNode tree = Json.tree(summarize(secondRunning().withPrState("open")));
    assertFalse(tree.has("pr_number"));
    assertFalse(tree.has("pr_state"));
  }

  @Test
  void jsonEndsWithPrNumberAndStateWhenAPrExists() {
    JsonNode tree = Json.tree(summarize(secondRunning().withPrNumber(42).withPrState("open")));
    List<String> names = new java.util.ArrayList<>();
    tree.fieldNames().forEachRemaining(names::add);
    assertEquals(List.of("pr_number", "pr_state"), names.subList(names.size() - 2, names.size()));
    assertEquals(42, tree.get("pr_number").intValue());
    assertEquals("open", tree.get("pr_state").textValue());
  }

  @Test
  void jsonHasANullPrStateWhenAPrHasNoState() {
    JsonNode tree = Json.tree(summarize(secondRunning().withPrNumber(42)));
    assertTrue(tree.get("pr_state").isNull());
  }
}
