package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.DriverSettings;
import dev.megaplan.cloud.api.chain.FailureAction;
import dev.megaplan.cloud.api.chain.FailurePolicy;
import dev.megaplan.cloud.api.chain.MergePolicy;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.api.chain.PolicyLevel;
import dev.megaplan.cloud.api.chain.ReviewMode;
import dev.megaplan.cloud.core.ChainSpecYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChainSpecYamlTest {
  @TempDir Path dir;

  private static ChainSpec parse(String yaml) {
    return ChainSpecYaml.parse(yaml, "chain.yaml");
  }

  @Test
  void emptySpecHasEveryDefault() {
    ChainSpec spec = parse("");
    assertEquals(List.of(), spec.milestones());
    assertEquals(Optional.empty(), spec.seedPlan());
    assertEquals(Optional.empty(), spec.baseBranch());
    assertEquals(MergePolicy.AUTO, spec.mergePolicy());
    assertEquals(FailurePolicy.stopChain(), spec.onFailure());
    assertEquals(FailurePolicy.stopChain(), spec.onEscalate());
    assertEquals(PolicyLevel.NONE, spec.prerequisitePolicy());
    assertEquals(PolicyLevel.NONE, spec.validationPolicy());
    assertEquals(ReviewMode.AUTO, spec.cleanMilestonePr());
    assertEquals(DriverSettings.builder().build(), spec.driver());
    assertEquals(Map.of(), spec.document());
  }

  @Test
  void driverDefaultsAreMegaplans() {
    DriverSettings driver = parse("driver: {}\n").driver();
    assertEquals(5, driver.maxStallIterations());
    assertEquals(200, driver.maxIterations());
    assertEquals(1.0, driver.pollSleep());
    assertEquals(3600, driver.phaseTimeout());
    assertEquals(60, driver.statusTimeout());
    assertEquals(Optional.empty(), driver.onEscalate());
    assertEquals("standard", driver.robustness());
    assertTrue(driver.autoApprove());
    assertFalse(driver.requireCleanBase());
  }

  @Test
  void milestoneRequiredFieldsAndDefaults() {
    Milestone m = parse("milestones:\n  - label: m1\n    idea: ideas/m1.md\n").milestones().get(0);
    assertEquals("m1", m.label());
    assertEquals("ideas/m1.md", m.idea());
    assertTrue(m.prepClarify());
    assertEquals(List.of(), m.dependsOn());
    assertEquals(List.of(), m.phaseModel());
    assertEquals(Optional.empty(), m.vendor());
  }

  @Test
  void everyMilestoneFieldIsRead() {
    Milestone m =
        parse(
                "milestones:\n"
                    + "  - label: m1\n    idea: /workspace/app/m1.md\n"
                    + "  - label: m2\n    idea: m2.md\n    branch: feat/m2\n    profile: heavy\n"
                    + "    robustness: high\n    vendor: claude\n    depth: max\n    critic: kimi\n"
                    + "    deepseek_provider: direct\n    with_prep: true\n    with_feedback: no\n"
                    + "    prep_clarify: false\n    prep_direction: focus on tests\n"
                    + "    phase_model: [a, b]\n    bakeoff: {rounds: 2}\n    notes: hello\n"
                    + "    depends_on: m1\n")
            .milestones()
            .get(1);
    assertEquals(Optional.of("feat/m2"), m.branch());
    assertEquals(Optional.of("heavy"), m.profile());
    assertEquals(Optional.of("high"), m.robustness());
    assertEquals(Optional.of("claude"), m.vendor());
    assertEquals(Optional.of("max"), m.depth());
    assertEquals(Optional.of("kimi"), m.critic());
    assertEquals(Optional.of("direct"), m.deepseekProvider());
    assertEquals(Optional.of(true), m.withPrep());
    assertEquals(Optional.of(false), m.withFeedback());
    assertFalse(m.prepClarify());
    assertEquals(Optional.of("focus on tests"), m.prepDirection());
    assertEquals(List.of("a", "b"), m.phaseModel());
    assertEquals(Map.of("rounds", 2), m.bakeoff());
    assertEquals(Optional.of("hello"), m.notes());
    assertEquals(List.of("m1"), m.dependsOn());
  }

  @Test
  void phaseModelStringBecomesAOneElementList() {
    assertEquals(
        List.of("gpt"),
        parse("milestones: [{label: a, idea: a.md, phase_model: gpt}]\n")
            .milestones()
            .get(0)
            .phaseModel());
  }

  @Test
  void dependsOnListOfEarlierLabels() {
    ChainSpec spec =
        parse(
            "milestones:\n  - {label: a, idea: a}\n  - {label: b, idea: b}\n"
                + "  - {label: c, idea: c, depends_on: [a, b]}\n");
    assertEquals(List.of("a", "b"), spec.milestones().get(2).dependsOn());
    assertEquals(List.of("a", "b", "c"), spec.labels());
  }

  @Test
  void topLevelFieldsAreRead() {
    ChainSpec spec =
        parse(
            "seed: {plan: seed-plan}\nbase_branch: develop\nmerge_policy: review\n"
                + "prerequisite_policy: required\nvalidation_policy: required\n"
                + "review_policy: {clean_milestone_pr: manual}\n");
    assertEquals(Optional.of("seed-plan"), spec.seedPlan());
    assertEquals(Optional.of("develop"), spec.baseBranch());
    assertEquals(MergePolicy.REVIEW, spec.mergePolicy());
    assertEquals(PolicyLevel.REQUIRED, spec.prerequisitePolicy());
    assertEquals(PolicyLevel.REQUIRED, spec.validationPolicy());
    assertEquals(ReviewMode.MANUAL, spec.cleanMilestonePr());
  }

  @Test
  void manualMergePolicyIsStoredAsReview() {
    assertEquals(MergePolicy.REVIEW, parse("merge_policy: manual\n").mergePolicy());
  }

  @Test
  void failurePolicyAsASingleAction() {
    assertEquals(
        FailurePolicy.builder().single(FailureAction.BUMP_PROFILE).build(),
        parse("on_failure: bump_profile\n").onFailure());
  }

  @Test
  void failurePolicyAsAMappingOfCases() {
    FailurePolicy policy =
        parse(
                "on_escalate:\n  retry: retry_milestone\n  escalate: bump_robustness\n  abort: skip_milestone\n")
            .onEscalate();
    assertEquals(
        Map.of(
            "retry", FailureAction.RETRY_MILESTONE,
            "escalate", FailureAction.BUMP_ROBUSTNESS,
            "abort", FailureAction.SKIP_MILESTONE),
        policy.byCase());
    assertEquals(Optional.empty(), policy.single());
  }

  @Test
  void everyFailureActionIsAccepted() {
    for (FailureAction action : FailureAction.values()) {
      assertEquals(
          Optional.of(action),
          parse("on_failure: " + action.wireName() + "\n").onFailure().single());
    }
  }

  @Test
  void driverBlockIsReadWithTheStallThresholdAlias() {
    DriverSettings driver =
        parse(
                "driver:\n  stall_threshold: 9\n  max_iterations: 50\n  poll_sleep: 0.5\n"
                    + "  phase_timeout: 120\n  status_timeout: 30.5\n  on_escalate: force-proceed\n"
                    + "  robustness: high\n  auto_approve: false\n  require_clean_base: true\n")
            .driver();
    assertEquals(9, driver.maxStallIterations());
    assertEquals(50, driver.maxIterations());
    assertEquals(0.5, driver.pollSleep());
    assertEquals(120, driver.phaseTimeout());
    assertEquals(30.5, driver.statusTimeout());
    assertEquals(Optional.of("force-proceed"), driver.onEscalate());
    assertEquals("high", driver.robustness());
    assertFalse(driver.autoApprove());
    assertTrue(driver.requireCleanBase());
  }

  @Test
  void documentKeepsUnknownKeysAndOrder() {
    ChainSpec spec =
        parse(
            "emulator:\n  step_ms: 50\n  fail: [m2]\nmilestones:\n  - {label: m1, idea: a, x_custom: 1}\n"
                + "base_branch: main\n");
    assertEquals(
        List.of("emulator", "milestones", "base_branch"), List.copyOf(spec.document().keySet()));
    @SuppressWarnings("unchecked")
    Map<String, Object> emulator = (Map<String, Object>) spec.document().get("emulator");
    assertEquals(50, emulator.get("step_ms"));
    assertEquals(List.of("m2"), emulator.get("fail"));
  }

  @Test
  void documentIsImmutable() {
    ChainSpec spec = parse("emulator: {step_ms: 50}\n");
    @SuppressWarnings("unchecked")
    Map<String, Object> emulator = (Map<String, Object>) spec.document().get("emulator");
    assertThrows(UnsupportedOperationException.class, () -> emulator.put("x", 1));
  }

  @Test
  void loadUsesTheFilesNameInMessages() throws IOException {
    Path file = Files.writeString(dir.resolve("epic.yaml"), "merge_policy: later\n");
    CloudException e = assertThrows(CloudException.class, () -> ChainSpecYaml.load(file));
    assertEquals(
        "merge_policy must be one of auto, review, manual, got 'later' (epic.yaml:1:15)",
        e.getMessage());
  }

  @Test
  void missingFileIsReportedWithItsPath() {
    Path file = dir.resolve("chain.yaml");
    CloudException e = assertThrows(CloudException.class, () -> ChainSpecYaml.load(file));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    assertEquals("spec file not found: " + file, e.getMessage());
  }

  @Test
  void loadReadsAFile() throws IOException {
    Path file =
        Files.writeString(dir.resolve("chain.yaml"), "milestones: [{label: a, idea: a.md}]\n");
    assertEquals(List.of("a"), ChainSpecYaml.load(file).labels());
  }
}
