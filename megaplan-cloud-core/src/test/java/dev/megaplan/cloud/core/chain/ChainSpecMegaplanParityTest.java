package dev.megaplan.cloud.core.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.megaplan.cloud.api.CloudException;
import dev.megaplan.cloud.api.ErrorCode;
import dev.megaplan.cloud.api.chain.ChainSpec;
import dev.megaplan.cloud.api.chain.DriverSettings;
import dev.megaplan.cloud.api.chain.FailureAction;
import dev.megaplan.cloud.api.chain.FailurePolicy;
import dev.megaplan.cloud.api.chain.Milestone;
import dev.megaplan.cloud.core.ChainSpecYaml;
import dev.megaplan.cloud.core.LoadedChainSpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A chain.yaml that megaplan itself would run loads here and means the same, oddities reported as
 * warnings; the checks run in megaplan's order, so the first error is the one megaplan reports.
 */
class ChainSpecMegaplanParityTest {
  private static final String M1 = "milestones:\n  - {label: m1, idea: a.md}\n";

  private static LoadedChainSpec inspect(String yaml) {
    return ChainSpecYaml.inspect(yaml, "chain.yaml");
  }

  private static ChainSpec parse(String yaml) {
    LoadedChainSpec loaded = inspect(yaml);
    assertEquals(List.of(), loaded.warnings(), "no warnings expected");
    return loaded.spec();
  }

  private static String firstError(String yaml) {
    CloudException e = assertThrows(CloudException.class, () -> inspect(yaml));
    assertEquals(ErrorCode.INVALID_SPEC, e.code());
    return e.getMessage();
  }

  @Test
  void topLevelNullsLoadAndAreKeptInTheDocument() {
    ChainSpec spec =
        parse(
            "milestones: null\nseed: ~\non_failure: null\non_escalate:\nreview_policy: null\n"
                + "driver: null\nemulator: null\n");
    assertEquals(List.of(), spec.milestones());
    assertEquals(FailurePolicy.stopChain(), spec.onFailure());
    assertEquals(DriverSettings.builder().build(), spec.driver());
    assertTrue(spec.document().containsKey("emulator"));
    assertNull(spec.document().get("emulator"));
    assertTrue(spec.document().containsKey("milestones"));
  }

  @Test
  void nullOptionalMilestoneFieldsReadAsAbsent() {
    Milestone m =
        parse(
                "milestones:\n  - label: m1\n    idea: a.md\n    branch: ~\n    profile: ~\n"
                    + "    robustness: ~\n    vendor: ~\n    depth: ~\n    critic: ~\n"
                    + "    deepseek_provider: ~\n    prep_clarify: ~\n    prep_direction: ~\n"
                    + "    phase_model: ~\n    bakeoff: ~\n    notes: ~\n    depends_on: ~\n"
                    + "    extra: {a: null}\n")
            .milestones()
            .get(0);
    assertEquals(
        Milestone.builder().label("m1").idea("a.md").build(), m, "every field at its default");
  }

  @Test
  void aNullInsideBakeoffIsKept() {
    Map<String, Object> bakeoff =
        parse("milestones: [{label: a, idea: a.md, bakeoff: {rounds: null}}]\n")
            .milestones()
            .get(0)
            .bakeoff();
    assertTrue(bakeoff.containsKey("rounds"));
    assertNull(bakeoff.get("rounds"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "~\n", "---\n", "--- null\n", "# nothing yet\n"})
  void anEmptyDocumentIsAnEmptyChain(String yaml) {
    assertEquals(ChainSpec.builder().build(), parse(yaml));
  }

  @ParameterizedTest
  @ValueSource(strings = {"[]\n", "''\n", "0\n", "false\n", "{}\n"})
  void aFalsyDocumentIsAnEmptyChainAsMegaplanReadsIt(String yaml) {
    LoadedChainSpec loaded = inspect(yaml);
    assertEquals(ChainSpec.builder().build(), loaded.spec());
    assertEquals(
        yaml.equals("{}\n") ? 0 : 1, loaded.warnings().size(), loaded.warnings().toString());
  }

  @Test
  void baseBranchAndPrepDirectionAreStripped() {
    ChainSpec spec =
        parse(
            "base_branch: '  develop \t'\n"
                + "milestones: [{label: a, idea: a.md, prep_direction: '  look at the tests  '}]\n");
    assertEquals(Optional.of("develop"), spec.baseBranch());
    assertEquals(Optional.of("look at the tests"), spec.milestones().get(0).prepDirection());
  }

  @Test
  void aBlankSeedPlanIsNoSeedPlan() {
    assertEquals(Optional.empty(), parse("seed: {plan: '   '}\n").seedPlan());
    assertEquals(Optional.empty(), parse("seed: {plan: ''}\n").seedPlan());
    assertEquals(Optional.of("p1"), parse("seed: {plan: p1}\n").seedPlan());
  }

  @Test
  void dependsOnListLabelsAreStrippedLikeMegaplans() {
    assertEquals(
        List.of("m1"),
        parse(M1 + "  - {label: m2, idea: b, depends_on: [' m1 ']}\n")
            .milestones()
            .get(1)
            .dependsOn());
  }

  @Test
  void aRepeatedLabelLoadsWithAWarning() {
    LoadedChainSpec loaded = inspect(M1 + "  - {label: m1, idea: b.md}\n");
    assertEquals(List.of("m1", "m1"), loaded.spec().labels());
    assertEquals(
        List.of(
            "milestones[1].label 'm1' repeats milestones[0].label (chain.yaml:3:13); megaplan runs"
                + " both, and status matches completed milestones by label, so both report the"
                + " same progress"),
        loaded.warnings());
  }

  @Test
  void aDuplicateKeyKeepsTheLastValueWithAWarning() {
    LoadedChainSpec loaded = inspect("base_branch: a\nbase_branch: b\n");
    assertEquals(Optional.of("b"), loaded.spec().baseBranch());
    assertEquals("b", loaded.spec().document().get("base_branch"));
    assertEquals(
        List.of("duplicate key 'base_branch' (chain.yaml:2:1); megaplan uses the last value"),
        loaded.warnings());
  }

  @Test
  void mergeKeysAreExpandedAsPyYamlExpandsThem() {
    ChainSpec spec =
        parse(
            "defaults: &d {vendor: claude, depth: high, idea: shared.md}\n"
                + "milestones:\n"
                + "  - {<<: *d, label: m1}\n"
                + "  - {<<: *d, label: m2, depth: low}\n");
    assertEquals("shared.md", spec.milestones().get(0).idea());
    assertEquals(Optional.of("claude"), spec.milestones().get(1).vendor());
    assertEquals(Optional.of("low"), spec.milestones().get(1).depth());
  }

  @Test
  void everyMilestoneMayMergeTheSameDefaults() {
    StringBuilder yaml =
        new StringBuilder("defaults: &d {vendor: codex, depth: low}\nmilestones:\n");
    for (int i = 0; i < 300; i++) {
      yaml.append("  - {<<: *d, label: m").append(i).append(", idea: i").append(i).append(".md}\n");
    }
    ChainSpec spec = parse(yaml.toString());
    assertEquals(300, spec.milestones().size());
    assertEquals(Optional.of("low"), spec.milestones().get(299).depth());
  }

  @Test
  void severalMergeKeysAndListsMergeInPyYamlsPrecedence() {
    // PyYAML: own keys win, among merged mappings the first listed wins, and the keys come in
    // the order PyYAML gives them (yaml.safe_load of the same text)
    ChainSpec spec =
        parse(
            "a: &a {vendor: claude, depth: high}\nb: &b {vendor: codex, critic: kimi, idea: b.md}\n"
                + "milestones:\n  - {<<: [*a, *b], label: m1, depth: low}\n");
    Milestone m = spec.milestones().get(0);
    assertEquals(Optional.of("claude"), m.vendor());
    assertEquals(Optional.of("low"), m.depth());
    assertEquals(Optional.of("kimi"), m.critic());
    assertEquals("b.md", m.idea());
    @SuppressWarnings("unchecked")
    Map<String, Object> written =
        (Map<String, Object>) ((List<?>) spec.document().get("milestones")).get(0);
    assertEquals(
        List.of("vendor", "critic", "idea", "depth", "label"), List.copyOf(written.keySet()));
  }

  @Test
  void aMergeKeyOnAScalarIsRefusedAsInPyYaml() {
    assertEquals(
        "a merge key (<<) takes a mapping or a list of mappings (chain.yaml:1:19)",
        firstError("milestones: [{<<: 5, label: a, idea: b}]\n"));
  }

  @Test
  void megaplansOtherDepthAndDeepseekChoicesLoad() {
    Milestone m =
        parse("milestones: [{label: a, idea: a.md, depth: xhigh, deepseek_provider: fireworks}]\n")
            .milestones()
            .get(0);
    assertEquals(Optional.of("xhigh"), m.depth());
    assertEquals(Optional.of("fireworks"), m.deepseekProvider());
  }

  @Test
  void falsyFieldsMeanNoneAsInMegaplan() {
    LoadedChainSpec loaded =
        inspect(
            "milestones:\n  - {label: a, idea: a.md, phase_model: '', depends_on: '', bakeoff: {}}\n"
                + "seed: ''\nreview_policy: []\n");
    Milestone m = loaded.spec().milestones().get(0);
    assertEquals(List.of(), m.phaseModel());
    assertEquals(List.of(), m.dependsOn());
    assertEquals(Optional.empty(), loaded.spec().seedPlan());
    assertEquals(
        List.of(
            "seed is '' (chain.yaml:3:7); megaplan reads it as an empty mapping",
            "review_policy is a list (chain.yaml:4:16); megaplan reads it as an empty mapping"),
        loaded.warnings());
    assertEquals(
        List.of("milestones is a mapping (chain.yaml:1:13); megaplan reads no milestones"),
        inspect("milestones: {}\n").warnings());
  }

  @Test
  void failurePolicyMappingsAreReadAsMegaplanReadsThem() {
    LoadedChainSpec loaded =
        inspect("on_failure: {retry: retry_milestone, later: stop_chain}\non_escalate: {}\n");
    assertEquals(
        FailurePolicy.builder().putByCase("retry", FailureAction.RETRY_MILESTONE).build(),
        loaded.spec().onFailure());
    assertEquals(FailurePolicy.stopChain(), loaded.spec().onEscalate());
    assertEquals(
        List.of(
            "unknown key 'on_failure.later' (chain.yaml:1:45); megaplan reads only retry, escalate"
                + " and abort"),
        loaded.warnings());
    assertEquals(FailurePolicy.stopChain(), parse("on_failure: {abort: null}\n").onFailure());
  }

  @Test
  void maxStallIterationsWinsOverStallThresholdWithAWarning() {
    LoadedChainSpec loaded = inspect("driver: {max_stall_iterations: 3, stall_threshold: 4}\n");
    assertEquals(3, loaded.spec().driver().maxStallIterations());
    assertEquals(
        List.of(
            "driver.stall_threshold (chain.yaml:1:52) is ignored: megaplan reads"
                + " driver.max_stall_iterations first"),
        loaded.warnings());
    assertEquals(4, parse("driver: {stall_threshold: 4}\n").driver().maxStallIterations());
  }

  @Test
  void driverNumbersAreConvertedAsPythonsIntAndFloatDo() {
    LoadedChainSpec loaded =
        inspect(
            "driver:\n  max_stall_iterations: '7'\n  max_iterations: 50.9\n"
                + "  poll_sleep: ' 1.5 '\n  phase_timeout: 1e3\n  status_timeout: true\n");
    DriverSettings driver = loaded.spec().driver();
    assertEquals(7, driver.maxStallIterations());
    assertEquals(50, driver.maxIterations());
    assertEquals(1.5, driver.pollSleep());
    assertEquals(1000.0, driver.phaseTimeout());
    assertEquals(1.0, driver.statusTimeout());
    assertEquals(
        List.of(
            "driver.max_stall_iterations is '7' (chain.yaml:2:25); megaplan converts it to 7",
            "driver.max_iterations is the number 50.9 (chain.yaml:3:19); megaplan truncates it to"
                + " 50",
            "driver.poll_sleep is ' 1.5 ' (chain.yaml:4:15); megaplan converts it to 1.5",
            "driver.phase_timeout is '1e3' (chain.yaml:5:18); megaplan converts it to 1000.0",
            "driver.status_timeout is the boolean true (chain.yaml:6:19); megaplan reads it as"
                + " 1.0"),
        loaded.warnings());
  }

  @Test
  void numbersMegaplanTakesAsWrittenLoadWithAWarning() {
    LoadedChainSpec loaded = inspect("driver: {max_iterations: 0, poll_sleep: -1}\n");
    assertEquals(0, loaded.spec().driver().maxIterations());
    assertEquals(-1.0, loaded.spec().driver().pollSleep());
    assertEquals(
        List.of(
            "driver.max_iterations is 0 (chain.yaml:1:26), not a positive finite number; megaplan"
                + " takes it as written",
            "driver.poll_sleep is -1.0 (chain.yaml:1:41), not a positive finite number; megaplan"
                + " takes it as written"),
        loaded.warnings());
  }

  @Test
  void autoApproveIsPythonsTruthValue() {
    LoadedChainSpec quoted = inspect("driver: {auto_approve: 'false'}\n");
    assertTrue(quoted.spec().driver().autoApprove(), "the string 'false' is true in Python");
    assertEquals(
        List.of("driver.auto_approve is 'false' (chain.yaml:1:24); megaplan reads it as true"),
        quoted.warnings());
    assertFalse(inspect("driver: {auto_approve: null}\n").spec().driver().autoApprove());
    assertFalse(inspect("driver: {auto_approve: 0}\n").spec().driver().autoApprove());
    assertFalse(parse("driver: {auto_approve: off}\n").driver().autoApprove());
  }

  @Test
  void anEmptyDriverRobustnessIsTakenAsWritten() {
    assertEquals("", parse("driver: {robustness: ''}\n").driver().robustness());
  }

  @Test
  void checksRunInMegaplansOrder() {
    // base_branch before the milestones
    assertEquals(
        "base_branch must be a non-empty string, got '' (chain.yaml:1:14)",
        firstError("base_branch: ''\nmilestones: [{idea: a}]\n"));
    // every milestone's fields before any depends_on edge
    assertEquals(
        "milestones[1].vendor must be one of claude, codex, got 'gpt' (chain.yaml:3:34)",
        firstError(
            "milestones:\n  - {label: m1, idea: a, depends_on: m9}\n"
                + "  - {label: m2, idea: b, vendor: gpt}\n"));
    // within a milestone: label, idea, branch, ..., notes, depends_on
    assertEquals(
        "milestones[0].idea is required (chain.yaml:2:5)",
        firstError("milestones:\n  - {label: m1, branch: 5, vendor: x}\n"));
    assertEquals(
        "milestones[0].with_prep must be a boolean (true or false), got 'x' (chain.yaml:2:50)",
        firstError("milestones:\n  - {label: m1, idea: a, depth: high, with_prep: x, notes: 5}\n"));
    // depends_on edges before seed
    assertEquals(
        "milestones[0].depends_on names unknown milestone 'm9' (chain.yaml:1:47)",
        firstError("milestones: [{label: m1, idea: a, depends_on: m9}]\nseed: 5\n"));
    // seed, on_failure, on_escalate, merge_policy, prerequisite, validation, review, driver
    assertEquals(
        "seed must be a mapping, got the number 5 (chain.yaml:1:7)",
        firstError("seed: 5\non_failure: x\n"));
    assertEquals(
        "on_failure must be one of stop_chain, skip_milestone, resume_milestone, retry_milestone,"
            + " bump_profile, bump_robustness, got 'x' (chain.yaml:1:13)",
        firstError("on_failure: x\non_escalate: y\nmerge_policy: z\n"));
    assertEquals(
        "merge_policy must be one of auto, review, manual, got 'z' (chain.yaml:1:15)",
        firstError("merge_policy: z\nprerequisite_policy: q\n"));
    assertEquals(
        "validation_policy must be one of none, required, got 'q' (chain.yaml:1:20)",
        firstError("validation_policy: q\nreview_policy: 5\ndriver: 5\n"));
    assertEquals(
        "review_policy must be a mapping, got the number 5 (chain.yaml:1:16)",
        firstError("review_policy: 5\ndriver: 5\n"));
    // inside driver: stall, max_iterations, the timeouts, on_escalate, robustness, clean base
    assertEquals(
        "driver.max_iterations must be an integer, got 'x' (chain.yaml:1:64)",
        firstError("driver: {require_clean_base: 1, poll_sleep: y, max_iterations: x}\n"));
  }
}
