package dev.megaplan.cloud.core.chain;

import static dev.megaplan.cloud.core.chain.ChainFixtures.secondRunning;
import static dev.megaplan.cloud.core.chain.ChainFixtures.threeMilestones;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.ChainState;
import dev.megaplan.cloud.api.chain.CompletedMilestone;
import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.chain.ReviewMode;
import org.junit.jupiter.api.Test;

class ChainSummaryTextTest {
  private static String render(ChainSpec spec, ChainState state) {
    return ChainSummaryText.render(ChainSummaries.summarize(spec, state, "main"));
  }

  private static String render(ChainState state) {
    return render(threeMilestones(), state);
  }

  @Test
  void rendersTheBlockOfSpec02ExactlyForItsExample() {
    assertEquals(
        "Current milestone: m2 (index 1)\n"
            + "Completed: m1\n"
            + "Remaining: m2, m3\n"
            + "Base branch: main\n"
            + "Current plan: m2-plan\n"
            + "Last state: running\n"
            + "Policy:\n"
            + "  Prerequisite: none\n"
            + "  Validation: none\n"
            + "  Review (clean_milestone_pr): auto\n"
            + "Per-milestone:\n"
            + "  - [completed] m1 (index 0)\n"
            + "  - [in_progress] m2 (index 1)\n"
            + "  - [pending] m3 (index 2)\n",
        render(secondRunning()));
  }

  @Test
  void rendersEveryOptionalFactInMegaplansOrder() {
    ChainSpec spec =
        threeMilestones()
            .withSeedPlan("seed-plan")
            .withBaseBranch("develop")
            .withPrerequisitePolicy(PolicyLevel.REQUIRED)
            .withCleanMilestonePr(ReviewMode.MANUAL);
    ChainState state =
        secondRunning()
            .withPrNumber(42)
            .withPrState("open")
            .withBranchHead("aaa111")
            .withPrHead("bbb222")
            .withLastPushedCommit("ccc333")
            .withDirtyFlag(true)
            .withSyncState("stale");
    assertEquals(
        "Current milestone: m2 (index 1)\n"
            + "Completed: m1\n"
            + "Remaining: m2, m3\n"
            + "Seed plan: seed-plan\n"
            + "Base branch: develop\n"
            + "Current plan: m2-plan\n"
            + "Last state: running\n"
            + "Current PR: #42 (open)\n"
            + "Sync:\n"
            + "  Branch head: aaa111\n"
            + "  PR head: bbb222\n"
            + "  Last pushed: ccc333\n"
            + "  Dirty: yes\n"
            + "  Sync state: stale\n"
            + "Policy:\n"
            + "  Prerequisite: required\n"
            + "  Validation: none\n"
            + "  Review (clean_milestone_pr): manual\n"
            + "Per-milestone:\n"
            + "  - [completed] m1 (index 0)\n"
            + "  - [in_progress] m2 (index 1)\n"
            + "  - [pending] m3 (index 2)\n",
        render(spec, state));
  }

  @Test
  void aFreshChainSaysNoneForCurrentAndCompleted() {
    String text = render(ChainState.empty());
    assertTrue(
        text.startsWith(
            "Current milestone: none\nCompleted: none\nRemaining: m1, m2, m3\nBase branch: main\n"
                + "Policy:\n"),
        text);
  }

  @Test
  void aFinishedChainSaysNoneRemaining() {
    ChainState state =
        ChainState.builder()
            .currentMilestoneIndex(3)
            .addCompleted(
                CompletedMilestone.of("m1"),
                CompletedMilestone.of("m2"),
                CompletedMilestone.of("m3"))
            .build();
    assertTrue(render(state).contains("Completed: m1, m2, m3\nRemaining: none\n"));
  }

  @Test
  void aPrWithoutAStateIsShownAsUnknown() {
    assertTrue(render(secondRunning().withPrNumber(7)).contains("Current PR: #7 (unknown)\n"));
  }

  @Test
  void theSyncBlockListsOnlyTheFactsThatExist() {
    String text = render(secondRunning().withSyncState("clean"));
    assertTrue(text.contains("Last state: running\nSync:\n  Sync state: clean\nPolicy:\n"), text);
  }

  @Test
  void aDirtyFlagAloneOpensTheSyncBlock() {
    assertTrue(
        render(secondRunning().withDirtyFlag(true)).contains("Sync:\n  Dirty: yes\nPolicy:\n"));
  }

  @Test
  void thereIsNoSyncBlockWithoutSyncFacts() {
    assertFalse(render(secondRunning().withBranchHead("")).contains("Sync:"));
  }

  @Test
  void emptyOptionalValuesAreLeftOut() {
    String text = render(secondRunning().withCurrentPlanName("").withLastState(""));
    assertFalse(text.contains("Current plan:"));
    assertFalse(text.contains("Last state:"));
  }
}
